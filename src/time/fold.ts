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

// On folded text: Arabic letters; ASCII digits with inner , . ، (9،5 = 9.5 as Arab media type it, after at most 3 digits: "عام 2018،5" is a year, then a number); Latin words; any other single character.
const TOKEN_RE = /([\u0621-\u064a\u0671-\u06d3]+)|([0-9]{1,3}،[0-9]+|[0-9]+(?:[.,][0-9]+)*)|([A-Za-z]+)|(\S)/g;

const CLAUSE_BREAK = /[.!?؟\n]/;

/**
 * Folds the whole text once (keeping, for each folded character, its original offset) and splits the folded
 * text into tokens; folded strings are slices of one string, so no per-token folding or caching is needed.
 */
export function scan(text: string): ScanToken[] {
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
  TOKEN_RE.lastIndex = 0;
  let prevEnd = 0;
  let pendingBreak = true;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(folded)) !== null) {
    const fs = m.index;
    const f = m[0];
    const fe = fs + f.length;
    const kind: ScanKind = m[1] !== undefined ? 'w' : m[2] !== undefined ? 'n' : m[3] !== undefined ? 'l' : 'p';
    // a line break between tokens ends the clause
    if (!pendingBreak && fs > prevEnd) {
      for (let k = prevEnd; k < fs; k++) {
        if (folded.charCodeAt(k) === 10) {
          pendingBreak = true;
          break;
        }
      }
    }
    // trailing tatweel and diacritics belong to the word (غداً، هـ)
    let end = map[fe - 1] + 1;
    while (end < n && isMark(text.charCodeAt(end))) end++;
    out.push({ f, kind, start: map[fs], end, newClause: pendingBreak });
    pendingBreak = kind === 'p' && CLAUSE_BREAK.test(f);
    prevEnd = fe;
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
