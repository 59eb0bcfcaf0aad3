/**
 * The NER's language resources (resources/ner/): word clusters, name lists (gazetteers) matched as token
 * sequences, and trigger words. Loaded once, on first use.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { modelPath, readKindedList, readList, resourcePath } from '../resources.js';
import { fold, KNOWN_FREQ, splitProclitics } from './fold.js';
import { KeySet, nameKey } from './namekey.js';

export const TYPES = ['PER', 'LOC', 'ORG', 'MISC'] as const;
export type NerType = (typeof TYPES)[number];

export interface ClusterInfo {
  freq: number;
  c1: number;
  c2: number;
  c3: number;
}

interface TrieNode {
  /** by nameKey() of the folded word */
  next: Map<number, TrieNode>;
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
  places: KeySet;
  /** single-word person names (given names and ANERGazet person names), folded */
  personNames: KeySet;
  /** given names written for Marsad (given-names.txt), folded: a high-precision list */
  givenNames: KeySet;
  /** organization patterns (org-patterns.tsv): folded word → 'head' | 'descriptor' */
  orgPatterns: Map<string, string>;
  /** words frequent enough that a proclitic should not be stripped from them */
  isKnown: (w: string) => boolean;
}

/** Our own name-list files (resources/ner/) and the type they give; `#` lines are comments. */
export const GAZETTEER_FILES: ReadonlyArray<[file: string, type: NerType]> = [
  ['places.txt', 'LOC'],
  ['organizations.txt', 'ORG'],
  ['given-names.txt', 'PER'],
  // only the clubs whose name is no common word or place (kind `name`); the others are the rule layer's (rule 6j)
  ['clubs.txt', 'ORG'],
];

/**
 * The ANERGazet lists (../shared) as shipped: per type, each name as the nameKey()s of its folded words.
 * Written by `npm run train:ner`; the names themselves stay out of the repository.
 */
export const GAZETTEER_KEYS_FILE = 'ner-gazetteer.json.gz';
export const GAZETTEER_KEYS_FORMAT = 'marsad-gazetteer-keys/1';

export interface GazetteerKeys {
  format: string;
  source: string;
  names: Partial<Record<NerType, number[][]>>;
}

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
  const isKnown = (w: string) => (clusters.get(w)?.freq ?? 0) >= KNOWN_FREQ;

  const gazetteer: TrieNode = { next: new Map(), types: 0 };
  const places = new KeySet();
  const personNames = new KeySet();
  const givenNames = new KeySet();
  const addName = (keys: readonly number[], type: NerType): void => {
    let node = gazetteer;
    for (const k of keys) {
      let nx = node.next.get(k);
      if (!nx) node.next.set(k, (nx = { next: new Map(), types: 0 }));
      node = nx;
    }
    node.types |= 1 << TYPES.indexOf(type);
    if (keys.length !== 1) return;
    if (type === 'LOC') places.addKey(keys[0]);
    if (type === 'PER') personNames.addKey(keys[0]);
  };
  for (const [type, names] of Object.entries(readGazetteerKeys()?.names ?? {}) as Array<[NerType, number[][]]>) {
    for (const keys of names) if (keys.length) addName(keys, type);
  }
  for (const [file, type] of GAZETTEER_FILES) {
    if (!existsSync(resourcePath('ner', file))) continue;
    for (const { name, kind } of readKindedList('ner', file)) {
      if (kind && kind !== 'name') continue;
      const toks = name.split(/\s+/).map(fold).filter(Boolean);
      if (!toks.length) continue;
      addName(toks.map(nameKey), type);
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
  const n = folded.length;
  const out = new Uint8Array(n);
  const keys = folded.map(nameKey);
  const ends = [0, 0, 0, 0]; // longest end per type
  for (let i = 0; i < n; i++) {
    // the word as it is, then (when it carries proclitics) its base
    for (let pass = 0; pass < 2; pass++) {
      if (pass === 1 && folded[i] === bases[i]) break;
      let node = lex.gazetteer.next.get(pass === 0 ? keys[i] : nameKey(bases[i]));
      if (!node) continue;
      ends[0] = ends[1] = ends[2] = ends[3] = 0;
      let j = i + 1;
      while (node) {
        if (node.types) for (let t = 0; t < 4; t++) if (node.types & (1 << t)) ends[t] = j;
        if (j >= n) break;
        node = node.next.get(keys[j]);
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

/**
 * Longest gazetteer names starting at each token: [start, end) and the bitmask of types (TYPES order). A name may
 * start at a token as written, at its base, or at its alternate reading when one is given.
 */
export function gazetteerSpans(
  lex: Lexicon,
  folded: readonly string[],
  bases: readonly string[],
  alternates?: readonly (string | undefined)[],
): Array<{ start: number; end: number; types: number }> {
  const out: Array<{ start: number; end: number; types: number }> = [];
  const n = folded.length;
  const keys = folded.map(nameKey);
  for (let i = 0; i < n; i++) {
    let bestEnd = 0;
    let bestTypes = 0;
    for (let pass = 0; pass < 3; pass++) {
      if (pass === 1 && folded[i] === bases[i]) continue;
      if (pass === 2 && !alternates?.[i]) break;
      let node = lex.gazetteer.next.get(pass === 0 ? keys[i] : nameKey(pass === 1 ? bases[i] : alternates![i]!));
      let j = i + 1;
      while (node) {
        if (node.types && j >= bestEnd) {
          bestTypes = j > bestEnd ? node.types : bestTypes | node.types;
          bestEnd = j;
        }
        if (j >= n) break;
        node = node.next.get(keys[j]);
        j++;
      }
    }
    if (bestEnd) out.push({ start: i, end: bestEnd, types: bestTypes });
  }
  return out;
}

/** The shipped ANERGazet keys, or null when the file is missing (the tagger then runs on our own lists alone). */
export function readGazetteerKeys(): GazetteerKeys | null {
  const path = modelPath(GAZETTEER_KEYS_FILE);
  if (!existsSync(path)) return null;
  const data = JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as GazetteerKeys;
  if (data.format !== GAZETTEER_KEYS_FORMAT) throw new Error(`${path}: unknown format ${String(data.format)} (run npm run train:ner)`);
  return data;
}

/** The base form of a folded word with proclitics stripped (keeping the article), using corpus frequencies. */
export function baseOf(lex: Lexicon, folded: string): ReturnType<typeof splitProclitics> {
  return splitProclitics(folded, lex.isKnown, (w) => lex.clusters.get(w)?.freq ?? 0);
}
