/**
 * The Arabic text layer: normalization with offset maps, tokenization, sentence splitting, clitic analysis,
 * light stemming and stop words. `textStage` fills doc.tokens and doc.sentences.
 */
import type { Stage } from '../doc.js';
import { tokenize } from './tokenize.js';
import { splitSentences } from './sentences.js';

export * from './normalize.js';
export * from './tokenize.js';
export * from './sentences.js';
export * from './clitics.js';
export * from './stem.js';
export * from './stopwords.js';
export { freq as lexiconFreq } from './lexicon.js';

/** Pipeline stage: tokens (with search-level norm and light stem) and sentences of the original text. */
export const textStage: Stage = (doc) => {
  const tokens = tokenize(doc.text);
  const sentences = splitSentences(doc.text, tokens);
  return { ...doc, tokens, sentences };
};
