import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sentenceFeatures } from '../../src/ner/features.js';
import { loadLexicon } from '../../src/ner/lexicon.js';
import { decode, LABELS, NerModel } from '../../src/ner/model.js';
import { tagSentences } from '../../src/ner/tagger.js';
import { train } from '../../src/ner/train.js';
import { TOY, toyData } from './toy.js';

function toyModel(): NerModel {
  return train(toyData(), { epochs: 5, seed: 7 });
}

describe('NER model', () => {
  it('learns a toy corpus', () => {
    const m = toyModel();
    const lex = loadLexicon();
    const [s, t] = TOY[0];
    const path = decode(m, sentenceFeatures(lex, s.split(' ')));
    expect(Array.from(path, (l) => LABELS[l]).join(' ')).toBe(t);
  });

  it('trains deterministically', () => {
    const a = toyModel();
    const b = toyModel();
    expect(Array.from(a.weights)).toEqual(Array.from(b.weights));
  });

  it('round-trips through save and load with the same decisions', () => {
    const m = toyModel();
    const dir = mkdtempSync(join(tmpdir(), 'marsad-ner-'));
    try {
      const path = join(dir, 'toy.bin.gz');
      m.save(path);
      const back = NerModel.load(path);
      expect(back.size).toBeGreaterThan(0);
      expect(back.size).toBeLessThanOrEqual(m.size);
      const words = 'وصل الوزير سامر حداد الى مدينة حماة'.split(' ');
      const before = tagSentences([words], Infinity, { first: m, second: null });
      const after = tagSentences([words], Infinity, { first: back, second: null });
      expect(after).toEqual(before);
      // quantized weights stay close to the originals
      const k = back.keys[0];
      const row = m.find(k);
      const rowBack = back.find(k);
      for (let c = 0; c < LABELS.length; c++) {
        expect(Math.abs(back.weights[rowBack * LABELS.length + c] - m.weights[row * LABELS.length + c])).toBeLessThan(0.01);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects a file that is not a model', () => {
    expect(() => NerModel.fromBuffer(Buffer.from('not gzip'))).toThrow();
  });
});

describe('pruneModel', () => {
  it('drops the weakest share of the weighted features and keeps the rest exactly', async () => {
    const { pruneModel } = await import('../../src/ner/train.js');
    const { NerModel, NL } = await import('../../src/ner/model.js');
    // five features of strength 1..5 (largest |weight| over the labels) and one without any weight
    const keys = Uint32Array.of(11, 22, 33, 44, 55, 66);
    const weights = new Float32Array(keys.length * NL);
    [1, -2, 3, -4, 5, 0].forEach((v, k) => (weights[k * NL + (k % NL)] = v));
    const transitions = new Float32Array((NL + 1) * NL).fill(0.5);
    const m = new NerModel(keys, weights, transitions, { note: 'x' });
    const p = pruneModel(m, 0.4); // 40% of the 5 weighted features: the two weakest go
    expect(Array.from(p.keys)).toEqual([33, 44, 55]);
    expect(p.find(33)).toBeGreaterThanOrEqual(0);
    expect(p.find(22)).toBe(-1);
    const w = p.weights;
    expect(w[p.find(44) * NL + 3]).toBeCloseTo(-4, 3);
    expect(Array.from(p.transitions)).toEqual(Array.from(transitions));
    expect(p.meta).toMatchObject({ note: 'x', prunedFrom: 6 });
    expect(pruneModel(m, 0)).toBe(m);
  });
});
