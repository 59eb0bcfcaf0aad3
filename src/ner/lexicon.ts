/**
 * The NER's language resources (resources/ner/): word clusters, name lists (gazetteers) matched as token
 * sequences, and trigger words. Loaded once, on first use.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readList, resourcePath } from '../resources.js';
import { fold, splitProclitics } from './fold.js';

export const TYPES = ['PER', 'LOC', 'ORG', 'MISC'] as const;
export type NerType = (typeof TYPES)[number];

export interface ClusterInfo {
  freq: number;
  c1: number;
  c2: number;
  c3: number;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  /** bit per type (TYPES order) of names ending here */
  types: number;
}

export interface Lexicon {
  clusters: Map<string, ClusterInfo>;
  gazetteer: TrieNode;
  /** folded word → trigger class ids (index into triggerClasses) */
  triggers: Map<string, number>;
  triggerClasses: string[];
  /** folded names of places (for nisba adjectives: العراقي → العراق) */
  places: Set<string>;
  /** single-word person names (given names and ANERGazet person names), folded */
  personNames: Set<string>;
  /** given names written for Marsad (given-names.txt), folded: a high-precision list */
  givenNames: Set<string>;
  /** organization patterns (org-patterns.tsv): folded word → 'head' | 'descriptor' */
  orgPatterns: Map<string, string>;
  /** words frequent enough that a proclitic should not be stripped from them */
  isKnown: (w: string) => boolean;
}

/** Name-list files and the type they give; `#` lines are comments. */
export const GAZETTEER_FILES: ReadonlyArray<[file: string, type: NerType]> = [
  ['anergazet-loc.txt', 'LOC'],
  ['anergazet-org.txt', 'ORG'],
  ['anergazet-per.txt', 'PER'],
  ['places.txt', 'LOC'],
  ['organizations.txt', 'ORG'],
  ['given-names.txt', 'PER'],
];

let cached: Lexicon | null = null;

export function loadLexicon(): Lexicon {
  if (cached) return cached;
  const clusters = new Map<string, ClusterInfo>();
  const clusterFile = process.env.NER_CLUSTERS ?? resourcePath('ner', 'clusters.tsv');
  if (existsSync(clusterFile)) {
    for (const line of readFileSync(clusterFile, 'utf8').split('\n')) {
      if (!line || line.startsWith('#')) continue;
      const f = line.split('\t');
      if (f[0] === 'word' || f.length < 5) continue;
      clusters.set(f[0], { freq: +f[1], c1: +f[2], c2: +f[3], c3: +f[4] });
    }
  }
  const isKnown = (w: string) => (clusters.get(w)?.freq ?? 0) >= 20;

  const gazetteer: TrieNode = { next: new Map(), types: 0 };
  const places = new Set<string>();
  const personNames = new Set<string>();
  const givenNames = new Set<string>();
  for (const [file, type] of GAZETTEER_FILES) {
    if (!existsSync(resourcePath('ner', file))) continue;
    const bit = 1 << TYPES.indexOf(type);
    for (const name of readList('ner', file)) {
      const toks = name.split(/\s+/).map(fold).filter(Boolean);
      if (!toks.length) continue;
      let node = gazetteer;
      for (const t of toks) {
        let nx = node.next.get(t);
        if (!nx) node.next.set(t, (nx = { next: new Map(), types: 0 }));
        node = nx;
      }
      node.types |= bit;
      if (type === 'LOC' && toks.length === 1) places.add(toks[0]);
      if (type === 'PER' && toks.length === 1) personNames.add(toks[0]);
      if (file === 'given-names.txt' && toks.length === 1) givenNames.add(toks[0]);
    }
  }

  const triggers = new Map<string, number>();
  const triggerClasses: string[] = [];
  if (existsSync(resourcePath('ner', 'triggers.tsv'))) {
    for (const line of readList('ner', 'triggers.tsv')) {
      const [word, cls] = line.split('\t');
      if (!word || !cls || word === 'word') continue;
      let id = triggerClasses.indexOf(cls);
      if (id < 0) id = triggerClasses.push(cls) - 1;
      const w = fold(word.trim());
      // a word may belong to one class; keep the first
      if (!triggers.has(w)) triggers.set(w, id);
    }
  }
  const orgPatterns = new Map<string, string>();
  if (existsSync(resourcePath('ner', 'org-patterns.tsv'))) {
    for (const line of readList('ner', 'org-patterns.tsv')) {
      const [word, role] = line.split('\t');
      if (word && role && word !== 'word') orgPatterns.set(fold(word.trim()), role.trim());
    }
  }
  cached = { clusters, gazetteer, triggers, triggerClasses, places, personNames, givenNames, orgPatterns, isKnown };
  return cached;
}

/**
 * Longest gazetteer matches over a sentence of folded words (the first word of a name may carry proclitics:
 * وبغداد matches بغداد). Returns per token a bitmask: bit 2t = B of type t, bit 2t+1 = I of type t.
 */
export function gazetteerTags(lex: Lexicon, folded: readonly string[], bases: readonly string[]): Uint8Array {
  const out = new Uint8Array(folded.length);
  for (let i = 0; i < folded.length; i++) {
    for (const first of folded[i] === bases[i] ? [folded[i]] : [folded[i], bases[i]]) {
      let node = lex.gazetteer.next.get(first);
      let j = i + 1;
      // longest end per type
      const ends = [0, 0, 0, 0];
      while (node) {
        for (let t = 0; t < 4; t++) if (node.types & (1 << t)) ends[t] = j;
        if (j >= folded.length) break;
        node = node.next.get(folded[j]);
        j++;
      }
      for (let t = 0; t < 4; t++) {
        if (!ends[t]) continue;
        out[i] |= 1 << (2 * t);
        for (let k = i + 1; k < ends[t]; k++) out[k] |= 1 << (2 * t + 1);
      }
    }
  }
  return out;
}

/** Longest gazetteer names starting at each token: [start, end) and the bitmask of types (TYPES order). */
export function gazetteerSpans(lex: Lexicon, folded: readonly string[], bases: readonly string[]): Array<{ start: number; end: number; types: number }> {
  const out: Array<{ start: number; end: number; types: number }> = [];
  for (let i = 0; i < folded.length; i++) {
    let bestEnd = 0;
    let bestTypes = 0;
    for (const first of folded[i] === bases[i] ? [folded[i]] : [folded[i], bases[i]]) {
      let node = lex.gazetteer.next.get(first);
      let j = i + 1;
      while (node) {
        if (node.types && j >= bestEnd) {
          bestTypes = j > bestEnd ? node.types : bestTypes | node.types;
          bestEnd = j;
        }
        if (j >= folded.length) break;
        node = node.next.get(folded[j]);
        j++;
      }
    }
    if (bestEnd) out.push({ start: i, end: bestEnd, types: bestTypes });
  }
  return out;
}

/** The base form of a folded word with proclitics stripped (keeping the article), using corpus frequencies. */
export function baseOf(lex: Lexicon, folded: string): ReturnType<typeof splitProclitics> {
  return splitProclitics(folded, lex.isKnown);
}
