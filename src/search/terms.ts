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

/** Letters a-z, digits and the Arabic letters block: the usual case, checked without a regex. */
function plainTerm(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x621 && c <= 0x64a) || (c >= 0x671 && c <= 0x6d3)) continue;
    return false;
  }
  return true;
}

/** An index term: letters/digits only (other symbols → "x", marks dropped), so unicode61 keeps it one token. */
export function safeTerm(s: string): string {
  if (plainTerm(s)) return s;
  let out = s;
  MARKS.lastIndex = 0;
  if (MARKS.test(out)) out = out.replace(MARKS, '');
  UNSAFE.lastIndex = 0;
  if (UNSAFE.test(out)) out = out.replace(UNSAFE, 'x');
  return out.toLowerCase();
}

/** folded form → [index term, index stem]; news text repeats a small vocabulary */
const termCache = new Map<string, [string, string]>();
const TERM_CACHE_MAX = 500_000;

/**
 * The index term and stem of a folded token. The stem is the light stem of the FOLDED form, so two
 * spellings that fold alike (وزارة / وزاره) always share a stem, whatever the stemmer does with the
 * original letters.
 */
export function termOf(norm: string): [string, string] {
  let t = termCache.get(norm);
  if (t === undefined) {
    const n = safeTerm(norm);
    t = [n, n ? safeTerm(stem(n) || n) || n : ''];
    if (termCache.size >= TERM_CACHE_MAX) termCache.clear();
    termCache.set(norm, t);
  }
  return t;
}

/**
 * Index term and stem of a token. An Arabic word written in its folded form already has stem(norm) as its
 * token stem (the tokenizer computed and cached it), so only words with letters that fold (ة أ إ آ ى,
 * harakat, tatweel) are stemmed again from their folded form.
 */
export function tokenTerm(t: Token): [string, string] {
  const norm = t.norm || t.text;
  if (t.kind === 'word' && t.text === norm && t.stem) {
    const n = safeTerm(norm);
    return [n, n ? safeTerm(t.stem) || n : ''];
  }
  return termOf(norm);
}

export function stemOfNorm(norm: string): string {
  return termOf(norm)[1];
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
    const [n, st] = tokenTerm(t);
    if (!n) continue;
    stems.push(st);
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
  /**
   * the stemmer cut the word to two letters or fewer («برهم» → «بر», as «للبر»): such a stem matches too much, so
   * the word is searched in its folded form only
   */
  weakStem?: boolean;
}

/** What a word may begin with before its stem: when only these were cut («البر», «للبر» → «بر»), the stem is the word. */
const PROCLITIC_FORMS = [/^[وف]?[بلك]?ال/, /^[وف]?لل/, /^[وف]?[بلك]/, /^[وف]/];

/** Query words of a string, analyzed exactly like documents. */
export function queryWords(s: string): QueryWord[] {
  const out: QueryWord[] = [];
  for (const t of tokenize(s)) {
    if (!isIndexed(t)) continue;
    const [norm, st] = tokenTerm(t);
    if (!norm) continue;
    const w: QueryWord = { text: t.text, norm, stem: st, stop: isStopword(t.text) || isStopword(t.norm) };
    if (st.length < 3 && norm.length >= st.length + 2 && !PROCLITIC_FORMS.some((re) => norm.replace(re, '') === st)) w.weakStem = true;
    out.push(w);
  }
  return out;
}

export { tokenize };
