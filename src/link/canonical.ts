import type { EntityType } from '../doc.js';
import { foldArabic, stripAl } from './fold.js';
import { linkLexicon, nameKey, parentTail } from './lexicon.js';

/**
 * Cross-article pieces the store uses: a stable canonical key for a name, and a merge decision for two
 * entities whose names are compatible but not identical (people sharing a surname).
 */

/** The canonical name for a mention: the alias table's name when the mention is a known variant, else the mention. */
export function canonicalName(name: string, type: EntityType): string {
  const lex = linkLexicon();
  return lex.aliases.get(`${type}:${nameKey(name, type, lex)}`) ?? name.trim();
}

/**
 * A stable cross-article id `TYPE:<folded name>`: hamza, ى/ي, ة/ه, diacritics and tatweel folded, honorifics
 * dropped, ال dropped where it does not change the name, and transliteration variants (ترامب/ترمب) mapped
 * to one canonical name through resources/link/aliases.tsv. Different spellings of one name get one key.
 */
const keyMemo = new Map<string, string>();

export function canonicalKey(name: string, type: EntityType): string {
  const memoKey = type + '\u0000' + name;
  let k = keyMemo.get(memoKey);
  if (k === undefined) {
    k = computeKey(name, type);
    if (keyMemo.size >= 100_000) keyMemo.clear();
    keyMemo.set(memoKey, k);
  }
  return k;
}

function computeKey(name: string, type: EntityType): string {
  const lex = linkLexicon();
  const key = nameKey(name, type, lex);
  const alias = lex.aliases.get(`${type}:${key}`);
  return `${type}:${alias ? nameKey(alias, type, lex) : key}`;
}

/**
 * Keys under which entities that MIGHT be one meet, for the store to find merge candidates cheaply before
 * calling shouldMerge: a person's surname and given name (الكاظمي ~ مصطفى الكاظمي), an organization's
 * content words (الخارجية ~ وزارة الخارجية العراقية), a place's canonical key.
 */
export function blockingKeys(name: string, type: EntityType): string[] {
  const key = canonicalKey(name, type);
  const words = key.slice(key.indexOf(':') + 1).split(' ').map(stripAl).filter(Boolean);
  if (!words.length) return [];
  if (type === 'PER') return [...new Set([`${type}~${words[words.length - 1]}`, `${type}~${words[0]}`])];
  if (type === 'ORG') {
    const long = words.filter((w) => w.length > 2);
    // an acronym spelled out in letter names (سي ان ان) has no long word: the whole name is its key
    return long.length ? [...new Set(long.map((w) => `${type}~${w}`))] : [`${type}~${words.join(' ')}`];
  }
  return [`${type}~${words.join(' ')}`];
}

/** What the store knows about an entity when deciding whether two should be one. */
export interface EntityProfile {
  /** canonical name (or any mention) */
  name: string;
  type: EntityType;
  /** role titles seen with it (رئيس الوزراء, أمير, …) */
  titles?: string[];
  /** countries/organizations its roles are held in, or its nationality (العراق) */
  countries?: string[];
  /** canonical ids (or names) of entities mentioned alongside it */
  coMentions?: string[];
}

export interface MergeDecision {
  merge: boolean;
  reason: string;
}

export function shouldMerge(a: EntityProfile, b: EntityProfile): boolean {
  return mergeDecision(a, b).merge;
}

/**
 * Same type and same canonical key → merge. Otherwise the names must be compatible (one is a tail or head of
 * the other: الكاظمي ⊂ مصطفى الكاظمي; or the same single name with/without ال) AND the context must support it
 * (a shared title, a shared country, or ≥ 2 shared co-mentions) with nothing contradicting it (different
 * countries, or titles of different kinds with no overlap). Two full names with different given names are
 * different people.
 */
export function mergeDecision(a: EntityProfile, b: EntityProfile): MergeDecision {
  if (a.type !== b.type) return { merge: false, reason: 'different types' };
  const ka = canonicalKey(a.name, a.type);
  const kb = canonicalKey(b.name, b.type);
  if (ka === kb) return { merge: true, reason: 'same canonical key' };
  const wa = ka.slice(ka.indexOf(':') + 1).split(' ').map(stripAl);
  const wb = kb.slice(kb.indexOf(':') + 1).split(' ').map(stripAl);
  const compat = nameCompatibility(wa, wb, a.type !== 'PER');
  // a person's name after «بن» in another's is that one's father («عبدالله الثاني», «الحسين بن عبدالله الثاني»)
  if (compat === 'part' && a.type === 'PER') {
    const [short, long] = wa.length < wb.length ? [wa, wb] : [wb, wa];
    if (parentTail(short, long) && !short.every((w, i) => long[i] === w)) return { merge: false, reason: "a parent's name" };
  }
  if (compat === 'none') return { merge: false, reason: 'names differ' };
  if (compat === 'same') {
    // a club keeps its article in its key (nameKey): «الفتح» the club and «فتح» the movement are two
    const ba = ka.slice(ka.indexOf(':') + 1);
    const bb = kb.slice(kb.indexOf(':') + 1);
    if (a.type === 'ORG' && ba.startsWith('ال') !== bb.startsWith('ال')) return { merge: false, reason: 'a club and a namesake' };
    // only ال differs on a single word (كاظمي / الكاظمي): the same name unless the context contradicts it
    if (contradicts(a, b)) return { merge: false, reason: 'same name but context contradicts' };
    return { merge: true, reason: 'same name up to ال' };
  }
  if (a.type !== 'PER') {
    // an organization/place short form is a different thing unless the context ties them
    const s = support(a, b);
    if (s && !contradicts(a, b)) return { merge: true, reason: `partial name, ${s}` };
    return { merge: false, reason: 'partial name without supporting context' };
  }
  if (contradicts(a, b)) return { merge: false, reason: 'shared surname, context contradicts' };
  const s = support(a, b);
  // a full name that ends another («عادل إمام», «محمد عادل إمام») is as often the father's, whose son shares his
  // co-mentions and country: only a shared title makes them one
  const [short, long] = wa.length < wb.length ? [wa, wb] : [wb, wa];
  if (s && s !== 'shared title' && short.length >= 2 && !short.every((w, i) => long[i] === w)) {
    return { merge: false, reason: `a full name ending another, ${s} only` };
  }
  if (s) return { merge: true, reason: `shared surname, ${s}` };
  return { merge: false, reason: 'shared surname without supporting context' };
}

type Compat = 'same' | 'part' | 'none';

/** same: identical up to ال; part: one name is a contiguous head/tail of the other; none otherwise. */
function nameCompatibility(a: string[], b: string[], subsequence: boolean): Compat {
  if (a.length === b.length) return a.every((w, i) => w === b[i]) ? 'same' : 'none';
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  const tail = short.every((w, i) => long[long.length - short.length + i] === w);
  const head = short.every((w, i) => long[i] === w);
  if (tail || head) return 'part';
  // organizations shorten from the middle too (الخارجية ⊂ وزارة الخارجية العراقية)
  if (subsequence) {
    let j = 0;
    for (const w of long) if (j < short.length && w === short[j]) j++;
    if (j === short.length) return 'part';
  }
  return 'none';
}

function norm(xs: string[] | undefined): Set<string> {
  return new Set((xs ?? []).map((x) => foldArabic(x).split(' ').map(stripAl).join(' ')).filter(Boolean));
}

function overlap(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
}

function support(a: EntityProfile, b: EntityProfile): string | null {
  if (overlap(norm(a.titles), norm(b.titles)) > 0) return 'shared title';
  if (overlap(norm(a.countries), norm(b.countries)) > 0 && overlap(norm(a.coMentions), norm(b.coMentions)) > 0) {
    return 'shared country and co-mention';
  }
  if (overlap(norm(a.coMentions), norm(b.coMentions)) >= 2) return 'shared co-mentions';
  return null;
}

function contradicts(a: EntityProfile, b: EntityProfile): boolean {
  const ca = norm(a.countries);
  const cb = norm(b.countries);
  if (ca.size && cb.size && overlap(ca, cb) === 0) return true;
  const ta = norm(a.titles);
  const tb = norm(b.titles);
  if (ta.size && tb.size && overlap(ta, tb) === 0 && overlap(ca, cb) === 0) return true;
  return false;
}
