/**
 * The singular of a plural noun not listed in count-units.tsv, from the plural shapes of
 * resources/amount/plural-patterns.tsv and the news lexicon (resources/text/lexicon.tsv): each singular shape the
 * plural's shape allows is built from the plural's own letters, and the one the news uses most with the article is
 * the singular («تصاريح» → تصريح, «خدمات» → خدمة). A form the news never uses with the article is no noun.
 */
import { readTsv } from '../resources.js';
import { articleFreq } from '../text/lexicon.js';
import { normalize } from '../text/normalize.js';

interface Shape {
  /** the shape over search-folded letters; digits are root slots; a leading «*» is any stem of 3+ letters */
  plural: string;
  /** singular shapes; a leading «!» prefers one over a commoner shape */
  singulars: string[];
}

/** how often a form must occur with the article in the news to be a noun (the plural, then its singular) */
const MIN_ARTICLE_FREQ = 3;

/** a preferred singular shape («!») wins when the news uses it at least 1/PREFERRED_SHARE as often as the commonest */
const PREFERRED_SHARE = 15;

let shapes: Shape[] | null = null;

function loadShapes(): Shape[] {
  if (shapes) return shapes;
  shapes = (readTsv(['amount', 'plural-patterns.tsv']) as Record<string, string>[]).map((r) => ({
    plural: r.plural,
    singulars: r.singulars.split(/\s+/).filter(Boolean),
  }));
  return shapes;
}

/** The original letters each slot of `shape` takes in the word (`key` its folded letters), or null. */
function matchShape(shape: string, key: string, written: string): Map<string, string> | null {
  const slots = new Map<string, string>();
  if (shape.startsWith('*')) {
    const suffix = shape.slice(1);
    if (!key.endsWith(suffix) || key.length - suffix.length < 3) return null;
    slots.set('*', written.slice(0, key.length - suffix.length));
    return slots;
  }
  if (shape.length !== key.length) return null;
  for (let k = 0; k < shape.length; k++) {
    const c = shape[k];
    if (c >= '1' && c <= '4') {
      if (written[k] === 'ة') return null; // a ta marbuta ends a word's pattern, never its root
      slots.set(c, written[k]);
    }
    else if (c !== key[k]) return null;
  }
  return slots;
}

/** A singular shape written out with the plural's letters (a final ه is ة; a ى inside the word is ي). */
function build(shape: string, slots: Map<string, string>): string {
  let out = '';
  for (let k = 0; k < shape.length; k++) {
    const c = shape[k];
    if (c === '*' || (c >= '1' && c <= '4')) out += slots.get(c) ?? '';
    else out += c === 'ه' && k === shape.length - 1 ? 'ة' : c;
  }
  return out.replace(/ى(?=.)/g, 'ي');
}

const cache = new Map<string, string | null>();

/**
 * The singular of a written plural noun (marks already removed), or null when its shape is no plural's or the news
 * does not use the plural or any singular it allows as a noun.
 */
export function singularOf(written: string): string | null {
  const hit = cache.get(written);
  if (hit !== undefined) return hit;
  const key = normalize(written, 'search');
  // search folding keeps one letter per letter; else the written letters cannot be mapped onto the shape
  const letters = key.length === written.length ? written : key;
  const found: Array<[string, number, boolean]> = [];
  if (articleFreq(key) >= MIN_ARTICLE_FREQ) {
    for (const s of loadShapes()) {
      const slots = matchShape(s.plural, key, letters);
      if (!slots) continue;
      for (const sg of s.singulars) {
        const preferred = sg.startsWith('!');
        const cand = build(preferred ? sg.slice(1) : sg, slots);
        const f = articleFreq(normalize(cand, 'search'));
        if (f >= MIN_ARTICLE_FREQ && cand !== written) found.push([cand, f, preferred]);
      }
    }
  }
  const most = Math.max(0, ...found.map(([, f]) => f));
  const best = (found.find(([, f, preferred]) => preferred && f * PREFERRED_SHARE >= most) ?? found.find(([, f]) => f === most))?.[0] ?? null;
  cache.set(written, best);
  return best;
}
