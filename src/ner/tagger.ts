/**
 * The trained tagger: BIO tags for sentences of words. Pass 1 tags each sentence from its own words; an
 * optional pass 2 (models/ner-context.bin.gz) re-tags with stacked features (pass-1 labels of the token, its
 * neighbours and the other mentions of the same name nearby; context.ts). Both passes also read the tag
 * memory of the training annotations (models/ner-memory.bin.gz, memory.ts). Models, memory and the lexicon
 * are loaded lazily, on first use.
 */
import { existsSync } from 'node:fs';
import { modelPath } from '../resources.js';
import { FEATURE_HASH_VERSION } from './hash.js';
import { forEachStacked, STACKED_LOCAL } from './context.js';
import { sentenceParts } from './features.js';
import { loadLexicon } from './lexicon.js';
import { activeMemory } from './memory.js';
import { LABELS, NerModel, NL, PairedTable, viterbi } from './model.js';

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

/** A model's features are hashes: one trained with another feature hashing would silently tag nonsense. */
function checked(m: NerModel, path: string): NerModel {
  const version = typeof m.meta.featureHash === 'number' ? m.meta.featureHash : 1;
  if (version !== FEATURE_HASH_VERSION) {
    throw new Error(`NER model ${path} uses feature hashing v${version}, this code v${FEATURE_HASH_VERSION} (run: npm run train:ner)`);
  }
  return m;
}

export function loadModel(): Models {
  if (models) return models;
  const path = modelPath(MODEL_FILE);
  if (!existsSync(path)) throw new Error(`NER model not found at ${path} (run: npm run train:ner)`);
  const second = modelPath(CONTEXT_MODEL_FILE);
  models = { first: checked(NerModel.load(path), path), second: existsSync(second) ? checked(NerModel.load(second), second) : null };
  activeMemory(); // the features read it: load it with the models
  if (models.second) pairOf(models.first, models.second); // the joint table too: its cost is part of loading
  return models;
}

/** Uses the given models instead of the committed ones (tests, training); null = back to the committed ones. */
export function setModel(m: Models | null): void {
  models = m;
}

let firstEmit = new Float64Array(64 * NL);
const pairs = new WeakMap<NerModel, { second: NerModel; table: PairedTable }>();

/** The joint lookup table of a pass-1 / pass-2 model pair, built once per pair. */
function pairOf(first: NerModel, second: NerModel): PairedTable {
  const known = pairs.get(first);
  if (known && known.second === second) return known.table;
  const table = new PairedTable(first, second);
  pairs.set(first, { second, table });
  return table;
}

/**
 * BIO tags (PER/LOC/ORG/MISC) for a sequence of sentences of words. `window` bounds, in sentences each side,
 * which other mentions pass 2 looks at: Infinity for one document, CONTEXT_WINDOW for a corpus file.
 */
export function tagSentences(sentences: readonly (readonly string[])[], window = Infinity, m: Models = loadModel()): string[][] {
  const lex = loadLexicon();
  const parts = sentences.map((words) => sentenceParts(lex, words));
  let paths: Int32Array[];
  if (m.second) {
    // both passes' base scores in one sweep (PairedTable); pass 2 adds its stacked features after pass 1
    const pair = pairOf(m.first, m.second);
    const second: Float64Array[] = [];
    paths = parts.map((p) => {
      const n = p.infos.length;
      if (firstEmit.length < n * NL) firstEmit = new Float64Array(n * NL * 2);
      const e2 = new Float64Array(n * NL);
      pair.emissions(p, firstEmit, e2);
      second.push(e2);
      return viterbi(firstEmit, n, m.first.transitions);
    });
    // pass 2's stacked features, added straight into its scores; the label features through a memo
    const b = m.second;
    forEachStacked(
      parts.map((p) => p.infos.map((x) => x.key)),
      paths,
      window,
      (s, i, feats, count, local) => {
        const out = second[s];
        const o = i * NL;
        const g = b.groupSums(local, feats, STACKED_LOCAL);
        for (let c = 0; c < NL; c++) out[o + c] += g[c];
        if (count > STACKED_LOCAL) b.addFeatures(out, o, feats, STACKED_LOCAL, count);
      },
    );
    paths = second.map((e2, k) => viterbi(e2, parts[k].infos.length, b.transitions));
  } else paths = parts.map((p) => m.first.decodeParts(p));
  return paths.map((p) => Array.from(p, (l) => LABELS[l]));
}

/** BIO tags for one sentence on its own. */
export function tagWords(words: readonly string[], m: Models = loadModel()): string[] {
  if (!words.length) return [];
  return tagSentences([words], Infinity, m)[0];
}
