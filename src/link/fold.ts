/**
 * Name folding for linking. Deliberately independent of the search normalizer so that linking keys stay
 * stable when search normalization changes: a stored canonical id must not move.
 */

const DIACRITICS = /[\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g; // harakat, superscript alef, Quranic marks, tatweel

const memo = new Map<string, string>();
const MEMO_MAX = 200_000;

/**
 * Orthographic folding: hamza carriers → bare letter, ى → ي, ة → ه, Persian ی ک ھ (some sources write Arabic with
 * them) → ي ك ه, no diacritics/tatweel, single spaces.
 */
export function foldArabic(s: string): string {
  // news repeats a small vocabulary: fold each distinct string once
  let f = memo.get(s);
  if (f === undefined) {
    f = foldUncached(s);
    if (memo.size >= MEMO_MAX) memo.clear();
    memo.set(s, f);
  }
  return f;
}

function foldUncached(s: string): string {
  return s
    .replace(DIACRITICS, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ؤ/g, 'و')
    .replace(/ئ/g, 'ي')
    .replace(/[ىی]/g, 'ي')
    .replace(/[ةھ]/g, 'ه')
    .replace(/ک/g, 'ك')
    .replace(/[«»"'“”‘’()\[\]{}.,،؛:!?؟\-–—_/\\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** A folded word without its definite article (الكاظمي → كاظمي); leaves short words alone. */
export function stripAl(w: string): string {
  if (w.length > 3 && w.startsWith('ال')) return w.slice(2);
  return w;
}

/**
 * Folded word without a definite article and the particles that glue onto it (وال، فال، بال، لل، كال):
 * الكاظمي / للكاظمي / والكاظمي → كاظمي. Only strips when ال is present, so وليد or بتال stay whole.
 */
export function bareWord(w: string): string {
  // /^(?:[وف]?(?:[بك]?ال|لل))(.{3,})$/ written out: this runs on every token of every article
  let i = 0;
  let c = w.charCodeAt(0);
  if (c === 0x648 || c === 0x641) c = w.charCodeAt(++i); // و ف
  if (c === 0x644 && w.charCodeAt(i + 1) === 0x644) i += 2; // لل
  else {
    if (c === 0x628 || c === 0x643) c = w.charCodeAt(++i); // ب ك
    if (c !== 0x627 || w.charCodeAt(i + 1) !== 0x644) return w; // ال
    i += 2;
  }
  if (w.length - i < 3 || LINE_BREAK.test(w.slice(i))) return w;
  return w.slice(i);
}

/** `.` in the pattern above matches anything but these */
const LINE_BREAK = /[\n\r\u2028\u2029]/;
