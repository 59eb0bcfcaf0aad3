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
