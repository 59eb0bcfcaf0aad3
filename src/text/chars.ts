/**
 * Character classes for the tokenizer and sentence splitter: one byte per BMP code unit, built once.
 * Char-code lookups instead of per-character regular expressions keep tokenization fast.
 */
export const C_OTHER = 0; // symbols, emoji halves, anything else
export const C_SPACE = 1; // whitespace (newlines included)
export const C_AR = 2; // Arabic letter
export const C_MARK = 3; // in-word mark: harakat, tatweel, superscript alef, ZWNJ/ZWJ, other combining marks
export const C_LETTER = 4; // non-Arabic letter (Latin, Cyrillic, …)
export const C_DIGIT = 5; // 0-9, ٠-٩, ۰-۹
export const C_PUNCT = 6; // punctuation
export const C_IGNORABLE = 7; // bidi / zero-width marks that separate nothing and belong to no token
export const C_HIGH = 8; // high surrogate (starts an astral character)

export const CHAR_CLASS: Uint8Array = (() => {
  const t = new Uint8Array(0x10000);
  const letter = /\p{L}/u;
  const mark = /\p{M}/u;
  const digit = /\p{Nd}/u;
  const punct = /\p{P}/u;
  const space = /\s/u;
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdbff) {
      t[c] = C_HIGH;
      continue;
    }
    if (c >= 0xdc00 && c <= 0xdfff) continue;
    const ch = String.fromCharCode(c);
    if (space.test(ch)) t[c] = C_SPACE;
    else if (isArabicLetter(c)) t[c] = C_AR;
    else if (letter.test(ch)) t[c] = C_LETTER;
    else if (mark.test(ch)) t[c] = C_MARK;
    else if (digit.test(ch)) t[c] = (c >= 0x30 && c <= 0x39) || (c >= 0x660 && c <= 0x669) || (c >= 0x6f0 && c <= 0x6f9) ? C_DIGIT : C_LETTER;
    else if (punct.test(ch)) t[c] = C_PUNCT;
    else t[c] = C_OTHER;
  }
  // Arabic in-word characters that are not letters in Unicode's sense
  t[0x0640] = C_MARK; // tatweel
  t[0x200c] = C_MARK; // ZWNJ inside a word
  t[0x200d] = C_MARK; // ZWJ
  for (const c of [0x200b, 0x200e, 0x200f, 0x061c, 0x2060, 0xfeff, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x00ad]) {
    t[c] = C_IGNORABLE;
  }
  // ٪ ٫ ٬ are punctuation in Unicode; the number scanner handles them explicitly
  return t;
})();

/** Arabic-script letters, including presentation forms (they are normalized later, offsets stay on the original). */
export function isArabicLetter(c: number): boolean {
  return (
    (c >= 0x0621 && c <= 0x063f) ||
    (c >= 0x0641 && c <= 0x064a) ||
    (c >= 0x066e && c <= 0x066f) ||
    (c >= 0x0671 && c <= 0x06d3) ||
    c === 0x06d5 ||
    (c >= 0x06ee && c <= 0x06ef) ||
    (c >= 0x06fa && c <= 0x06fc) ||
    c === 0x06ff ||
    (c >= 0x0750 && c <= 0x077f) ||
    (c >= 0x08a0 && c <= 0x08c9) ||
    (c >= 0xfb50 && c <= 0xfdff && !(c >= 0xfd3e && c <= 0xfd3f)) ||
    (c >= 0xfe70 && c <= 0xfefc)
  );
}

/** The ASCII value of a digit of any supported script, or -1. */
export function digitValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x660 && c <= 0x669) return c - 0x660;
  if (c >= 0x6f0 && c <= 0x6f9) return c - 0x6f0;
  return -1;
}
