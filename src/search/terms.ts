/**
 * The bridge between Marsad's text layer and the full-text index: documents and queries are turned into
 * index terms by the SAME functions (`tokenize` → `norm`/`stem`), so any orthographic variant or clitic form
 * of a word meets the same term. Terms are made safe for FTS5's `unicode61` tokenizer (letters and digits only),
 * which then leaves them untouched.
 */
import type { Token } from '../doc.js';
import { tokenize, isStopword, stem } from '../text/index.js';

/** Token kinds that carry searchable content. */
const INDEXED = new Set<Token['kind']>(['word', 'latin', 'number', 'hashtag', 'mention', 'url', 'email']);

export function isIndexed(t: Token): boolean {
  return INDEXED.has(t.kind);
}

const UNSAFE = /[^\p{L}\p{N}]/gu;
const MARKS = /[\p{M}\p{Cf}]/gu;

/** An index term: letters/digits only (other symbols → "x", marks dropped), so unicode61 keeps it one token. */
export function safeTerm(s: string): string {
  let out = s;
  if (MARKS.test(out)) out = out.replace(MARKS, '');
  MARKS.lastIndex = 0;
  if (UNSAFE.test(out)) out = out.replace(UNSAFE, 'x');
  UNSAFE.lastIndex = 0;
  return out.toLowerCase();
}

const stemCache = new Map<string, string>();

/**
 * The index stem of a token: the light stem of its FOLDED form, so two spellings that fold alike (وزارة /
 * وزاره) always share a stem, whatever the stemmer does with the original letters.
 */
export function stemOfNorm(norm: string): string {
  let s = stemCache.get(norm);
  if (s === undefined) {
    s = safeTerm(stem(norm) || norm) || norm;
    if (stemCache.size > 500_000) stemCache.clear();
    stemCache.set(norm, s);
  }
  return s;
}

export interface IndexTerms {
  /** space-joined stems, one per indexed token (positions line up with `norms`) */
  stems: string;
  /** space-joined folded (unstemmed) forms */
  norms: string;
  count: number;
}

/** Index terms of a text (already tokenized or not). */
export function indexTerms(textOrTokens: string | Token[]): IndexTerms {
  const tokens = typeof textOrTokens === 'string' ? tokenize(textOrTokens) : textOrTokens;
  const stems: string[] = [];
  const norms: string[] = [];
  for (const t of tokens) {
    if (!isIndexed(t)) continue;
    const n = safeTerm(t.norm || t.text);
    if (!n) continue;
    stems.push(stemOfNorm(n));
    norms.push(n);
  }
  return { stems: stems.join(' '), norms: norms.join(' '), count: stems.length };
}

export interface QueryWord {
  /** the word as typed */
  text: string;
  norm: string;
  stem: string;
  stop: boolean;
}

/** Query words of a string, analyzed exactly like documents. */
export function queryWords(s: string): QueryWord[] {
  const out: QueryWord[] = [];
  for (const t of tokenize(s)) {
    if (!isIndexed(t)) continue;
    const norm = safeTerm(t.norm || t.text);
    if (!norm) continue;
    out.push({ text: t.text, norm, stem: stemOfNorm(norm), stop: isStopword(t.text) || isStopword(t.norm) });
  }
  return out;
}

export { tokenize };
