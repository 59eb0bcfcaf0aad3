/**
 * Tokenization with offsets into the original text.
 *
 * Kinds: Arabic words (with their clitics and in-word marks), Latin (non-Arabic) words, numbers in every form
 * (1,234.5 ٣٠ ٢٫٥ 30% 28.8.2021), URLs, emails, #hashtags, @mentions, punctuation (runs of the same mark,
 * "..." or "؟؟", are one token) and symbols. Glued words (الابارالنفطية) are reported as they are, not guessed
 * apart. Bidi and zero-width marks between words belong to no token.
 */
import type { Token, TokenKind } from '../doc.js';
import { CHAR_CLASS, C_AR, C_DIGIT, C_HIGH, C_IGNORABLE, C_LETTER, C_MARK, C_PUNCT, C_SPACE } from './chars.js';
import { normalize } from './normalize.js';
import { stemFolded } from './stem.js';

/** A distinct token form with its search-level norm and stem. */
interface Forms {
  text: string;
  kind: TokenKind;
  norm: string;
  stem: string;
}

/**
 * norm and stem per distinct token text: news text repeats a small vocabulary, so this is the hot path. An
 * open-addressing table keyed by a hash computed over the original characters: a hit reuses the cached
 * string as the token's text, so a repeated word costs no substring allocation and no Map hashing.
 */
const CACHE_BITS = 19;
const CACHE_SIZE = 1 << CACHE_BITS;
const CACHE_MASK = CACHE_SIZE - 1;
const CACHE_MAX_FILL = CACHE_SIZE * 0.6;
const MAX_PROBES = 16;
let cacheHashes = new Int32Array(CACHE_SIZE);
let cacheEntries: Array<Forms | undefined> = new Array(CACHE_SIZE);
let cacheFill = 0;

function hashRange(text: string, start: number, end: number): number {
  let h = 0x811c9dc5 ^ (end - start);
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h | 0;
}

function sameText(cached: string, text: string, start: number, end: number): boolean {
  if (cached.length !== end - start) return false;
  for (let i = 0; i < cached.length; i++) if (cached.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}

function formsAt(text: string, start: number, end: number, kind: TokenKind): Forms {
  const h = hashRange(text, start, end);
  let slot = h & CACHE_MASK;
  for (let probe = 0; probe < MAX_PROBES; probe++) {
    const e = cacheEntries[slot];
    if (e === undefined) break;
    if (cacheHashes[slot] === h && e.kind === kind && sameText(e.text, text, start, end)) return e;
    slot = (slot + 1) & CACHE_MASK;
  }
  // a long substring would keep the whole document alive from the cache: copy it into its own string
  const t = end - start < 13 ? text.slice(start, end) : (' ' + text.slice(start, end)).slice(1);
  const norm = normalize(t, 'search');
  const f: Forms = { text: t, kind, norm, stem: kind === 'word' ? stemFolded(t, norm) : norm };
  if (cacheFill >= CACHE_MAX_FILL) clearTokenCache();
  // insert at the first free slot of the probe sequence (or overwrite the home slot when the run is full)
  slot = h & CACHE_MASK;
  for (let probe = 0; probe < MAX_PROBES; probe++) {
    if (cacheEntries[slot] === undefined) {
      cacheFill++;
      break;
    }
    slot = (slot + 1) & CACHE_MASK;
    if (probe === MAX_PROBES - 1) slot = h & CACHE_MASK;
  }
  cacheHashes[slot] = h;
  cacheEntries[slot] = f;
  return f;
}

const SEP_DECIMAL = 0x2e; // .
const SEP_COMMA = 0x2c; // ,
const AR_DECIMAL = 0x66b; // ٫
const AR_THOUSANDS = 0x66c; // ٬
const AR_COMMA = 0x60c; // ، between two digits: a decimal comma (9،5 ملايين), as Arab media often type it
const PERCENT = 0x25;
const AR_PERCENT = 0x66a;
const HASH = 0x23;
const AT = 0x40;
const UNDERSCORE = 0x5f;

function isDigit(c: number): boolean {
  return c < 0x10000 && CHAR_CLASS[c] === C_DIGIT;
}

/** Characters that can continue a word: letters of its script and in-word marks. */
function isWordChar(c: number): boolean {
  const k = CHAR_CLASS[c];
  return k === C_AR || k === C_MARK;
}

function isLatinWordChar(c: number): boolean {
  const k = CHAR_CLASS[c];
  return k === C_LETTER || k === C_DIGIT || k === C_MARK;
}

/** Trailing characters a URL does not end with (sentence punctuation, closing quotes). */
const URL_TRAILING = new Set('.,;:!?)]}\'"،؛؟»”’'.split('').map((c) => c.charCodeAt(0)));
const URL_STOP = new Set('"<>«»“”\''.split('').map((c) => c.charCodeAt(0)));

function urlEnd(text: string, i: number): number {
  const n = text.length;
  let j = i;
  while (j < n) {
    const c = text.charCodeAt(j);
    const k = CHAR_CLASS[c];
    if (k === C_SPACE || k === C_IGNORABLE || URL_STOP.has(c)) break;
    j++;
  }
  // trim trailing punctuation; keep a ")" that closes a "(" inside the URL
  while (j > i && URL_TRAILING.has(text.charCodeAt(j - 1))) {
    if (text.charCodeAt(j - 1) === 0x29 && balance(text, i, j) >= 0) break;
    j--;
  }
  return j;
}

/** Opening minus closing parentheses in text[i, j) before its last character. */
function balance(text: string, i: number, j: number): number {
  let b = 0;
  for (let k = i; k < j; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x28) b++;
    else if (c === 0x29) b--;
  }
  return b;
}

function startsUrl(text: string, i: number): boolean {
  const c = text.charCodeAt(i) | 0x20;
  if (c === 0x68 /* h */) {
    const head = text.slice(i, i + 8).toLowerCase();
    return head.startsWith('http://') || head.startsWith('https://');
  }
  if (c === 0x77 /* w */) {
    return text.slice(i, i + 4).toLowerCase() === 'www.' && i + 4 < text.length && CHAR_CLASS[text.charCodeAt(i + 4)] === C_LETTER;
  }
  return false;
}

const EMAIL_RE = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/y;

function emailEnd(text: string, i: number): number {
  EMAIL_RE.lastIndex = i;
  const m = EMAIL_RE.exec(text);
  return m ? i + m[0].length : -1;
}

function numberEnd(text: string, i: number): number {
  const n = text.length;
  let j = i;
  let sawSeparator = false;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (isDigit(c)) {
      j++;
      continue;
    }
    // ، joins only a short first group: "9،5" is 9.5, but in "عام 2018،5 آلاف" the year ends at the comma
    if (c === AR_COMMA && (j - i > 3 || sawSeparator)) break;
    // a separator continues the number only between two digits (1,234.5  ٢٫٥  28.8.2021  5،5)
    if ((c === SEP_DECIMAL || c === SEP_COMMA || c === AR_DECIMAL || c === AR_THOUSANDS || c === AR_COMMA) && j + 1 < n && isDigit(text.charCodeAt(j + 1))) {
      sawSeparator = true;
      j += 2;
      continue;
    }
    break;
  }
  if (j < n) {
    const c = text.charCodeAt(j);
    if (c === PERCENT || c === AR_PERCENT) j++;
  }
  return j;
}

function hashtagEnd(text: string, i: number): number {
  const n = text.length;
  let j = i + 1;
  while (j < n) {
    const c = text.charCodeAt(j);
    const k = CHAR_CLASS[c];
    if (k === C_AR || k === C_MARK || k === C_LETTER || k === C_DIGIT || c === UNDERSCORE) j++;
    else break;
  }
  return j;
}

/**
 * The token spans of `text` with their kinds; norm and stem are filled from a cache of distinct forms.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  const hasAt = text.indexOf('@') >= 0;
  let i = 0;
  const push = (start: number, end: number, kind: TokenKind) => {
    const f = formsAt(text, start, end, kind);
    tokens.push({ start, end, text: f.text, kind, norm: f.norm, stem: f.stem });
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    const k = CHAR_CLASS[c];
    if (k === C_SPACE || k === C_IGNORABLE) {
      i++;
      continue;
    }
    if (k === C_AR) {
      let j = i + 1;
      while (j < n && isWordChar(text.charCodeAt(j))) j++;
      // a trailing tatweel stays: "بـ" is a real token (a preposition written apart from a quoted name)
      push(i, j, 'word');
      i = j;
      continue;
    }
    if (k === C_LETTER || k === C_DIGIT) {
      if (k === C_LETTER && startsUrl(text, i)) {
        const j = urlEnd(text, i);
        push(i, j, 'url');
        i = j;
        continue;
      }
      if (hasAt && c < 0x80) {
        const j = emailEnd(text, i);
        if (j > 0) {
          push(i, j, 'email');
          i = j;
          continue;
        }
      }
      if (k === C_DIGIT) {
        const j = numberEnd(text, i);
        push(i, j, 'number');
        i = j;
        continue;
      }
      let j = i + 1;
      for (;;) {
        while (j < n && isLatinWordChar(text.charCodeAt(j))) j++;
        // an apostrophe between letters stays inside (O'Neill, don't)
        const a = text.charCodeAt(j);
        if ((a === 0x27 || a === 0x2019) && j + 1 < n && CHAR_CLASS[text.charCodeAt(j + 1)] === C_LETTER) {
          j += 2;
          continue;
        }
        break;
      }
      push(i, j, 'latin');
      i = j;
      continue;
    }
    if (c === HASH && i + 1 < n) {
      const k2 = CHAR_CLASS[text.charCodeAt(i + 1)];
      if (k2 === C_AR || k2 === C_LETTER || k2 === C_DIGIT || text.charCodeAt(i + 1) === UNDERSCORE) {
        const j = hashtagEnd(text, i);
        push(i, j, 'hashtag');
        i = j;
        continue;
      }
    }
    if (c === AT && i + 1 < n) {
      const c2 = text.charCodeAt(i + 1);
      if ((CHAR_CLASS[c2] === C_LETTER && c2 < 0x80) || isDigit(c2) || c2 === UNDERSCORE) {
        let j = i + 1;
        while (j < n) {
          const d = text.charCodeAt(j);
          if ((d < 0x80 && (CHAR_CLASS[d] === C_LETTER || CHAR_CLASS[d] === C_DIGIT)) || d === UNDERSCORE) j++;
          else break;
        }
        push(i, j, 'mention');
        i = j;
        continue;
      }
    }
    if (k === C_PUNCT) {
      // a run of the same mark is one token: "..." "؟؟" "!!" "--"
      let j = i + 1;
      while (j < n && text.charCodeAt(j) === c) j++;
      push(i, j, 'punct');
      i = j;
      continue;
    }
    if (k === C_HIGH && i + 1 < n && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      // an astral character (emoji, rare scripts): one symbol, both UTF-16 halves
      push(i, i + 2, 'symbol');
      i += 2;
      continue;
    }
    if (k === C_MARK) {
      // a stray combining mark outside a word: attach it to the previous token when adjacent
      const prev = tokens[tokens.length - 1];
      if (prev && prev.end === i && (prev.kind === 'word' || prev.kind === 'latin')) {
        let j = i + 1;
        while (j < n && CHAR_CLASS[text.charCodeAt(j)] === C_MARK) j++;
        tokens.pop();
        push(prev.start, j, prev.kind);
        i = j;
        continue;
      }
    }
    push(i, i + 1, 'symbol');
    i++;
  }
  return tokens;
}

/** Clears the per-form cache (tests; long-running processes after large batches). */
export function clearTokenCache(): void {
  cacheHashes = new Int32Array(CACHE_SIZE);
  cacheEntries = new Array(CACHE_SIZE);
  cacheFill = 0;
}
