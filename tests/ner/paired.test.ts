import { describe, expect, it } from 'vitest';
import { contextExtras, withContext } from '../../src/ner/context.js';
import { sentenceFeatures, sentenceParts } from '../../src/ner/features.js';
import { loadLexicon } from '../../src/ner/lexicon.js';
import { decode, LABELS, NerModel, NL, PairedTable } from '../../src/ner/model.js';
import { tagSentences } from '../../src/ner/tagger.js';
import { labelIndex, train } from '../../src/ner/train.js';

// a toy corpus written for this test
const TOY: Array<[string, string]> = [
  ['استقبل الوزير هادي سلوم وفدا من مدينة اللاذقية', 'O O B-PER I-PER O O O B-LOC'],
  ['قال سلوم ان شركة الساحل للنقل ستفتتح خطا', 'O B-PER O B-ORG I-ORG I-ORG O O'],
  ['زار الوزير رامي عطية مدينة حمص امس', 'O O B-PER I-PER O B-LOC O'],
  ['أعلنت شركة البحر للتجارة عن أرباح', 'O B-ORG I-ORG I-ORG O O'],
  ['وصل عطية الى اللاذقية', 'O B-PER O B-LOC'],
];

describe('NER two-pass decoding with the joint table', () => {
  it('gives the same tags as decoding each pass on its own', () => {
    const lex = loadLexicon();
    const sents = TOY.map(([s]) => s.split(' '));
    const data = TOY.map(([s, t]) => ({ features: sentenceFeatures(lex, s.split(' ')), gold: Int32Array.from(t.split(' ').map(labelIndex)) }));
    const first = train(data, { epochs: 4, seed: 3 });
    first.meta.oPenalty = 0.5;
    const pass1 = data.map((d) => decode(first, d.features));
    const ctx = withContext(data.map((d) => d.features), pass1, Infinity);
    const trained = train(data.map((d, i) => ({ features: ctx[i], gold: d.gold })), { epochs: 4, seed: 5 });
    // through save/load, as at run time (quantized weights)
    const second = NerModel.fromBuffer(trained.toBuffer());
    second.meta.oPenalty = 0.25;

    const joint = tagSentences(sents, Infinity, { first, second });
    // reference: each model on its own (NerModel.decodeParts), stacked features from pass-1 labels
    const parts = sents.map((w) => sentenceParts(lex, w));
    const paths1 = parts.map((p) => first.decodeParts(p));
    const extras = contextExtras(parts.map((p) => p.infos.map((x) => x.key)), paths1, Infinity);
    const reference = parts.map((p, k) => Array.from(second.decodeParts(p, extras[k]), (l) => LABELS[l]));
    expect(joint).toEqual(reference);
    expect(joint.flat().some((t) => t !== 'O')).toBe(true);

    // and the joint table's scores are each model's own, to rounding
    const table = new PairedTable(first, second);
    for (const p of parts) {
      const n = p.infos.length;
      const [a, b, refA, refB] = [0, 1, 2, 3].map(() => new Float64Array(n * NL));
      table.emissions(p, a, b);
      first.emissionsParts(p, null, refA);
      second.emissionsParts(p, null, refB);
      for (let i = 0; i < n * NL; i++) {
        expect(a[i]).toBeCloseTo(refA[i], 4);
        expect(b[i]).toBeCloseTo(refB[i], 4);
      }
      expect(refB.some((x, i) => Math.abs(x - refA[i]) > 1e-3)).toBe(true); // the two models do differ
    }
  });
});
