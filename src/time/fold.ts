/**
 * Character folding for matching time and amount expressions, and a small scanner that splits text into
 * tokens carrying ORIGINAL offsets. Every token is folded on its own (diacritics and tatweel dropped,
 * hamza/alef forms, ى, ة, Persian letters and all digit families unified), so matching works on folded
 * strings while spans stay exact in the original text.
 */

const DROP = 0xffff;
const FOLD_TABLE = new Uint16Array(0x10000);
for (let c = 0; c < FOLD_TABLE.length; c++) FOLD_TABLE[c] = c;
function setFold(chars: string, to: string | null): void {
  for (const ch of chars) FOLD_TABLE[ch.charCodeAt(0)] = to === null ? DROP : to.charCodeAt(0);
}
setFold('أإآٱ', 'ا');
setFold('ى', 'ي');
setFold('ة', 'ه');
setFold('ؤ', 'و');
setFold('ئ', 'ي');
setFold('پ', 'ب');
setFold('ڤ', 'ف');
setFold('گ', 'ك');
setFold('ک', 'ك');
setFold('ی', 'ي');
setFold('ە', 'ه');
setFold('٫', '.');
setFold('٬', ',');
setFold('٪', '%');
setFold('ـ\u200c\u200d\u200e\u200f\u061c', null); // tatweel, ZWNJ/ZWJ, direction marks
for (let c = 0x064b; c <= 0x065f; c++) FOLD_TABLE[c] = DROP; // harakat, tanwin, shadda, sukun
FOLD_TABLE[0x0670] = DROP; // superscript alef
for (let d = 0; d < 10; d++) {
  FOLD_TABLE[0x0660 + d] = 0x30 + d; // Arabic-Indic digits
  FOLD_TABLE[0x06f0 + d] = 0x30 + d; // Persian digits
}

/** Folded form of a word or phrase (same folding as the scanner applies to tokens). */
export function fold(s: string): string {
  let changed = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (FOLD_TABLE[c] !== c) {
      changed = true;
      break;
    }
  }
  if (!changed) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const f = FOLD_TABLE[s.charCodeAt(i)];
    if (f !== DROP) out += String.fromCharCode(f);
  }
  return out;
}

function isMark(c: number): boolean {
  return c === 0x0640 || (c >= 0x064b && c <= 0x065f) || c === 0x0670;
}

/** w = Arabic word, n = digit run (with inner separators), l = Latin word, p = any other single character. */
export type ScanKind = 'w' | 'n' | 'l' | 'p';

export interface ScanToken {
  /** folded text */
  f: string;
  kind: ScanKind;
  /** original offsets */
  start: number;
  end: number;
  /** a line break or sentence-final punctuation lies between the previous token and this one */
  newClause: boolean;
}

// Token classes on FOLDED text: Arabic letters; ASCII digits with inner , . (and ، after at most 3 digits: 9،5 =
// 9.5 as Arab media type it, but "عام 2018،5" is a year, then a number); Latin letters; any other single
// non-space character. (The same as /([ء-ي\u0671-\u06d3]+)|([0-9]{1,3}،[0-9]+|[0-9]+(?:[.,][0-9]+)*)|([A-Za-z]+)|(\S)/g,
// written out: a regex match allocates an array per token, and this runs twice over every article.)
const K_SPACE = 0;
const K_AR = 1;
const K_DIGIT = 2;
const K_LATIN = 3;
const K_OTHER = 4;
const CLASS = new Uint8Array(0x10000).fill(K_OTHER);
for (let c = 0x0621; c <= 0x064a; c++) CLASS[c] = K_AR;
for (let c = 0x0671; c <= 0x06d3; c++) CLASS[c] = K_AR;
for (let c = 0x30; c <= 0x39; c++) CLASS[c] = K_DIGIT;
for (let c = 0x41; c <= 0x5a; c++) CLASS[c] = K_LATIN;
for (let c = 0x61; c <= 0x7a; c++) CLASS[c] = K_LATIN;
// JavaScript's \s: the characters \S does not match
for (const c of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]) CLASS[c] = K_SPACE;
for (let c = 0x2000; c <= 0x200a; c++) CLASS[c] = K_SPACE;
const ARABIC_COMMA = 0x060c;

const KIND_OF: ScanKind[] = ['p', 'w', 'n', 'l', 'p'];

/** Is folded[i] the start of a digit run (a separator needs a digit after it)? */
function digitAt(folded: string, i: number): boolean {
  return i < folded.length && CLASS[folded.charCodeAt(i)] === K_DIGIT;
}

/** End of the token of class `k` starting at `i` in the folded text. */
function tokenEnd(folded: string, i: number, k: number): number {
  const len = folded.length;
  let j = i + 1;
  if (k === K_AR || k === K_LATIN) {
    while (j < len && CLASS[folded.charCodeAt(j)] === k) j++;
    return j;
  }
  if (k !== K_DIGIT) return j;
  while (j < len && CLASS[folded.charCodeAt(j)] === K_DIGIT) j++;
  if (j - i <= 3 && j < len && folded.charCodeAt(j) === ARABIC_COMMA && digitAt(folded, j + 1)) {
    j += 2;
    while (j < len && CLASS[folded.charCodeAt(j)] === K_DIGIT) j++;
    return j;
  }
  for (;;) {
    const c = j < len ? folded.charCodeAt(j) : 0;
    if ((c !== 0x2e && c !== 0x2c) || !digitAt(folded, j + 1)) return j;
    j += 2;
    while (j < len && CLASS[folded.charCodeAt(j)] === K_DIGIT) j++;
  }
}

const CLAUSE_BREAK = /[.!?؟\n]/;

/** The last text scanned and its tokens: the time and the amount stages both scan every article. */
let lastText: string | null = null;
let lastTokens: readonly ScanToken[] = [];

/**
 * Folds the whole text once (keeping, for each folded character, its original offset) and splits the folded
 * text into tokens; folded strings are slices of one string, so no per-token folding or caching is needed.
 * The result is shared with the next caller that scans the same text: do not modify it.
 */
export function scan(text: string): readonly ScanToken[] {
  if (text === lastText) return lastTokens;
  const tokens = scanUncached(text);
  lastText = text;
  lastTokens = tokens;
  return tokens;
}

function scanUncached(text: string): ScanToken[] {
  const n = text.length;
  const map = new Int32Array(n + 1);
  const codes = new Uint16Array(n);
  let len = 0;
  for (let i = 0; i < n; i++) {
    const f = FOLD_TABLE[text.charCodeAt(i)];
    if (f === DROP) continue;
    codes[len] = f;
    map[len++] = i;
  }
  map[len] = n;
  let folded = '';
  const CHUNK = 8192;
  for (let i = 0; i < len; i += CHUNK) {
    folded += String.fromCharCode.apply(null, codes.subarray(i, Math.min(len, i + CHUNK)) as unknown as number[]);
  }
  const out: ScanToken[] = [];
  let pendingBreak = true;
  let fs = 0;
  while (fs < len) {
    const c = folded.charCodeAt(fs);
    const k = CLASS[c];
    if (k === K_SPACE) {
      // a line break between tokens ends the clause
      if (c === 10) pendingBreak = true;
      fs++;
      continue;
    }
    const fe = tokenEnd(folded, fs, k);
    const f = folded.slice(fs, fe);
    const kind = KIND_OF[k];
    // trailing tatweel and diacritics belong to the word (غداً، هـ)
    let end = map[fe - 1] + 1;
    while (end < n && isMark(text.charCodeAt(end))) end++;
    out.push({ f, kind, start: map[fs], end, newClause: pendingBreak });
    pendingBreak = kind === 'p' && CLAUSE_BREAK.test(f);
    fs = fe;
  }
  return out;
}

/**
 * Original offset inside a token that corresponds to `foldedIndex` characters of its folded form
 * (used to start a span after a proclitic: وفي → في). Dropped characters before the target are skipped.
 */
export function originalOffset(text: string, start: number, end: number, foldedIndex: number): number {
  if (foldedIndex <= 0) return start;
  let kept = 0;
  let p = start;
  while (p < end && kept < foldedIndex) {
    if (FOLD_TABLE[text.charCodeAt(p)] !== DROP) kept++;
    p++;
  }
  while (p < end && FOLD_TABLE[text.charCodeAt(p)] === DROP) p++; // diacritics of the proclitic stay with it
  return p;
}

/** True when text[a, b) holds only characters the folding drops (tatweel, diacritics, direction marks). */
export function onlyDropped(text: string, a: number, b: number): boolean {
  for (let p = a; p < b; p++) if (FOLD_TABLE[text.charCodeAt(p)] !== DROP) return false;
  return true;
}
