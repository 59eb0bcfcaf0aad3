import { describe, expect, it } from 'vitest';
import { forwardBackward, newLattice, trainCrf } from '../../src/ner/crf.js';
import { ALLOWED, decode, LABELS, NerModel, NL } from '../../src/ner/model.js';
import { combineModels, train } from '../../src/ner/train.js';
import { mulberry32 } from '../../src/random.js';
import { TOY, toyData } from './toy.js';

/** log Σ over every BIO-allowed label sequence of exp(score), and the marginals, by enumeration. */
function bruteForce(emit: Float64Array, n: number, trans: Float64Array): { logZ: number; marg: Float64Array } {
  const seqs: number[][] = [[]];
  for (let i = 0; i < n; i++) {
    const next: number[][] = [];
    for (const s of seqs) for (let c = 0; c < NL; c++) if (ALLOWED[(i === 0 ? NL : s[i - 1]) * NL + c]) next.push([...s, c]);
    seqs.splice(0, seqs.length, ...next);
  }
  const scores = seqs.map((s) => s.reduce((acc, c, i) => acc + emit[i * NL + c] + trans[(i === 0 ? NL : s[i - 1]) * NL + c], 0));
  const max = Math.max(...scores);
  const z = scores.reduce((acc, x) => acc + Math.exp(x - max), 0);
  const marg = new Float64Array(n * NL);
  seqs.forEach((s, k) => s.forEach((c, i) => (marg[i * NL + c] += Math.exp(scores[k] - max) / z)));
  return { logZ: max + Math.log(z), marg };
}

describe('CRF', () => {
  it('forward-backward agrees with enumerating every allowed label sequence', () => {
    const rand = mulberry32(3);
    const n = 3;
    const emit = Float64Array.from({ length: n * NL }, () => rand() * 4 - 2);
    const trans = Float64Array.from({ length: (NL + 1) * NL }, () => rand() * 2 - 1);
    const lat = newLattice();
    forwardBackward(emit, n, trans, lat);
    const want = bruteForce(emit, n, trans);
    expect(lat.logZ).toBeCloseTo(want.logZ, 9);
    for (let i = 0; i < n; i++) {
      for (let c = 0; c < NL; c++) {
        const a = lat.alpha[i * NL + c];
        const m = a === -Infinity ? 0 : Math.exp(a + lat.beta[i * NL + c] - lat.logZ);
        expect(m).toBeCloseTo(want.marg[i * NL + c], 9);
      }
    }
    // an I- label can never open the sentence
    expect(want.marg[2]).toBe(0);
    expect(lat.alpha[2]).toBe(-Infinity);
  });

  it('learns the toy corpus, deterministically', () => {
    const data = toyData();
    const a = trainCrf(data, { epochs: 10, seed: 5 });
    const b = trainCrf(data, { epochs: 10, seed: 5 });
    expect(Array.from(a.weights)).toEqual(Array.from(b.weights));
    for (const [k, [, tags]] of TOY.entries()) {
      expect(Array.from(decode(a, data[k].features), (l) => LABELS[l]).join(' ')).toBe(tags);
    }
    expect(a.meta.trainer).toBe('crf');
  });

  it('L2 keeps the weights smaller', () => {
    const data = toyData();
    const norm = (m: NerModel) => m.weights.reduce((s, w) => s + w * w, 0);
    expect(norm(trainCrf(data, { epochs: 6, seed: 1, c2: 50 }))).toBeLessThan(norm(trainCrf(data, { epochs: 6, seed: 1, c2: 0.1 })));
  });

  it('adds a CRF to a perceptron feature by feature', () => {
    const data = toyData();
    const p = train(data, { epochs: 3, seed: 1 });
    const c = trainCrf(data, { epochs: 4, seed: 1 });
    const both = combineModels(p, c, 20);
    const row = (m: NerModel, key: number) => {
      const k = Array.from(m.keys).indexOf(key);
      return k < 0 ? new Array(NL).fill(0) : Array.from(m.weights.subarray(k * NL, (k + 1) * NL));
    };
    for (const key of Array.from(c.keys).slice(0, 50)) {
      const want = row(p, key).map((w, l) => w + 20 * row(c, key)[l]);
      row(both, key).forEach((w, l) => expect(w).toBeCloseTo(want[l], 3));
    }
    for (let i = 0; i < both.transitions.length; i++) expect(both.transitions[i]).toBeCloseTo(p.transitions[i] + 20 * c.transitions[i], 3);
  });
});
