/**
 * Dotted acronyms written with the Arabic names of Latin letters (بي.بي.سي, سي.إن.إن) or single letters
 * (أ.ف.ب, C.N.N): the sentence splitter keeps them whole and the NER reads each as one name.
 */
import { readList } from '../resources.js';
import { normalize } from './normalize.js';

const LETTER_NAMES: Set<string> = new Set(readList('text', 'letter-names.txt').map((a) => normalize(a, 'search')));

/** Can this word be one letter of a dotted acronym: a letter name (بي، إس) or a single letter? */
export function isAcronymLetter(word: string): boolean {
  if (word.length === 1) return /[\u0621-\u064AA-Za-z]/.test(word);
  return word.length <= 4 && LETTER_NAMES.has(normalize(word, 'search'));
}

/** Anything with text and offsets: tokens, the NER's pieces. */
interface Spanned {
  text: string;
  start: number;
  end: number;
}

/**
 * The index of the last letter of the dotted acronym that starts at items[i] (letters and full stops glued
 * together: بي . بي . سي), or i when no full stop and letter follow.
 */
export function acronymEnd(items: readonly Spanned[], i: number): number {
  let j = i;
  while (j + 2 < items.length && items[j + 1].text === '.' && items[j + 1].start === items[j].end && items[j + 2].start === items[j + 1].end && isAcronymLetter(items[j + 2].text)) j += 2;
  return j;
}
