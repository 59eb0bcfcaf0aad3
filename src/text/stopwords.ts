/** Stop words (resources/text/stopwords.txt), matched at the `search` folding level. */
import { readList } from '../resources.js';
import { normalize } from './normalize.js';

let STOPWORDS: Set<string> | null = null;

function stopwords(): Set<string> {
  if (!STOPWORDS) STOPWORDS = new Set(readList('text', 'stopwords.txt').map((w) => normalize(w, 'search')));
  return STOPWORDS;
}

/** True when `word` (any orthography: أ/ا, ى/ي, ة/ه, harakat, A-Z) is a stop word. */
export function isStopword(word: string): boolean {
  const set = stopwords();
  return set.has(word) || set.has(normalize(word, 'search'));
}

/** The same test for a word already folded to the `search` level (no normalization). */
export function isStopwordFolded(folded: string): boolean {
  return stopwords().has(folded);
}
