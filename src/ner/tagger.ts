/**
 * The trained tagger: BIO tags for sentences of words. Pass 1 tags each sentence from its own words; an
 * optional pass 2 (models/ner-context.bin.gz) re-tags with stacked features (pass-1 labels of the token, its
 * neighbours and the other mentions of the same name nearby; context.ts). Both passes also read the tag
 * memory of the training annotations (models/ner-memory.bin.gz, memory.ts). Models, memory and the lexicon
 * are loaded lazily, on first use.
 */
import { existsSync } from 'node:fs';
import { modelPath } from '../resources.js';
import { contextExtras } from './context.js';
import { sentenceParts } from './features.js';
import { loadLexicon } from './lexicon.js';
import { activeMemory } from './memory.js';
import { LABELS, NerModel } from './model.js';

export const MODEL_FILE = 'ner.bin.gz';
export const CONTEXT_MODEL_FILE = 'ner-context.bin.gz';
/** Sentences on each side whose mentions inform pass 2 when the text has no document boundaries. */
export const CONTEXT_WINDOW = 10;

export interface Models {
  first: NerModel;
  /** the stacked second pass; absent → pass 1 only */
  second: NerModel | null;
}

let models: Models | null = null;

export function loadModel(): Models {
  if (models) return models;
  const path = modelPath(MODEL_FILE);
  if (!existsSync(path)) throw new Error(`NER model not found at ${path} (run: npm run train:ner)`);
  const second = modelPath(CONTEXT_MODEL_FILE);
  models = { first: NerModel.load(path), second: existsSync(second) ? NerModel.load(second) : null };
  activeMemory(); // the features read it: load it with the models
  return models;
}

/** Uses the given models instead of the committed ones (tests, training); null = back to the committed ones. */
export function setModel(m: Models | null): void {
  models = m;
}

/**
 * BIO tags (PER/LOC/ORG/MISC) for a sequence of sentences of words. `window` bounds, in sentences each side,
 * which other mentions pass 2 looks at: Infinity for one document, CONTEXT_WINDOW for a corpus file.
 */
export function tagSentences(sentences: readonly (readonly string[])[], window = Infinity, m: Models = loadModel()): string[][] {
  const lex = loadLexicon();
  const parts = sentences.map((words) => sentenceParts(lex, words));
  let paths = parts.map((p) => m.first.decodeParts(p));
  if (m.second) {
    const extras = contextExtras(
      parts.map((p) => p.infos.map((x) => x.key)),
      paths,
      window,
    );
    paths = parts.map((p, k) => m.second!.decodeParts(p, extras[k]));
  }
  return paths.map((p) => Array.from(p, (l) => LABELS[l]));
}

/** BIO tags for one sentence on its own. */
export function tagWords(words: readonly string[], m: Models = loadModel()): string[] {
  if (!words.length) return [];
  return tagSentences([words], Infinity, m)[0];
}
