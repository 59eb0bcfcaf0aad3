/**
 * The NER's word pieces: runs of Arabic letters (with their marks), Latin letters, digits, or a single
 * other character. Used to build the word clusters from raw text and by the tagger when a token from the
 * text layer has to be matched against them, so both sides see the same units.
 */
export const WORD_PIECE = /[\u0621-\u063A\u0641-\u065F\u0670-\u06D3\u06D6-\u06ED]+|[A-Za-z\u00C0-\u024F]+|[0-9\u0660-\u0669\u06F0-\u06F9]+(?:[.,٫٬][0-9\u0660-\u0669\u06F0-\u06F9]+)*|\S/gu;

/** Pieces of a text, folded by the caller. */
export function wordPieces(text: string): string[] {
  return text.match(WORD_PIECE) ?? [];
}

/** The cluster key of a folded word: numbers collapse to one shape class per length. */
export function clusterKey(folded: string): string {
  const c = folded.charCodeAt(0);
  if (c >= 48 && c <= 57) return folded.length <= 2 ? '<0>' : folded.length === 4 ? '<0000>' : '<00+>';
  return folded;
}
