/**
 * A linear-chain CRF over the tagger's features, labels and BIO constraint, trained by stochastic gradient
 * ascent on the conditional log-likelihood with L2 (Lafferty et al. 2001; SGD as in CRFsuite). Its weights
 * live in the same NerModel form as the perceptron's, so train-ner can add the two: the perceptron is
 * precise but its scores are update counts, the CRF's are calibrated log-potentials, and their sum did
 * better on held-out tenths than either alone (scripts/train-ner.ts).
 */
import { ALLOWED, NerModel, NL } from './model.js';
import { mulberry32, shuffleInPlace } from '../random.js';
import { indexFeatures, type TrainingSentence, type TrainOptions } from './train.js';

export interface CrfOptions extends TrainOptions {
  /** L2 strength over the whole data set, as CRFsuite's c2 (default 10) */
  c2?: number;
  /** initial learning rate; it decays as eta / (1 + t / N) over the t-th of N sentences per epoch (default 0.1) */
  eta?: number;
}

const NEG = -Infinity;

function logAdd(a: number, b: number): number {
  if (a === NEG) return b;
  if (b === NEG) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

/** Work arrays of forward-backward, grown on demand. */
export interface Lattice {
  alpha: Float64Array;
  beta: Float64Array;
  /** log of the partition function of the last sentence */
  logZ: number;
}

export function newLattice(): Lattice {
  return { alpha: new Float64Array(64 * NL), beta: new Float64Array(64 * NL), logZ: 0 };
}

/**
 * Forward-backward over emission scores emit[i * NL + c] and transitions ((NL+1) × NL, row NL = start),
 * with disallowed BIO transitions at -∞. Fills lat.alpha, lat.beta and lat.logZ; the marginal of label c at
 * token i is exp(alpha + beta - logZ).
 */
export function forwardBackward(emit: Float64Array, n: number, trans: ArrayLike<number>, lat: Lattice): void {
  if (lat.alpha.length < n * NL) {
    lat.alpha = new Float64Array(n * NL * 2);
    lat.beta = new Float64Array(n * NL * 2);
  }
  const { alpha, beta } = lat;
  for (let c = 0; c < NL; c++) alpha[c] = ALLOWED[NL * NL + c] ? trans[NL * NL + c] + emit[c] : NEG;
  for (let i = 1; i < n; i++) {
    for (let c = 0; c < NL; c++) {
      let acc = NEG;
      for (let p = 0; p < NL; p++) {
        const a = alpha[(i - 1) * NL + p];
        if (a !== NEG && ALLOWED[p * NL + c]) acc = logAdd(acc, a + trans[p * NL + c]);
      }
      alpha[i * NL + c] = acc === NEG ? NEG : acc + emit[i * NL + c];
    }
  }
  let logZ = NEG;
  for (let c = 0; c < NL; c++) logZ = logAdd(logZ, alpha[(n - 1) * NL + c]);
  lat.logZ = logZ;
  for (let c = 0; c < NL; c++) beta[(n - 1) * NL + c] = 0;
  for (let i = n - 2; i >= 0; i--) {
    for (let p = 0; p < NL; p++) {
      let acc = NEG;
      for (let c = 0; c < NL; c++) {
        if (ALLOWED[p * NL + c]) acc = logAdd(acc, trans[p * NL + c] + emit[(i + 1) * NL + c] + beta[(i + 1) * NL + c]);
      }
      beta[i * NL + p] = acc;
    }
  }
}

/**
 * Trains a CRF. The L2 penalty is applied lazily, as one scale factor on all emission weights; the model
 * returned is the average of the end-of-epoch weights over the second half of the epochs (SGD iterates are
 * noisy: single epochs moved held-out F1 by ±2).
 */
export function trainCrf(data: TrainingSentence[], options: CrfOptions): NerModel {
  const { keys, indexed } = indexFeatures(data);
  const nf = keys.length;
  const N = Math.max(1, indexed.length);
  const c2 = options.c2 ?? 10;
  const eta0 = options.eta ?? 0.1;
  /** emission weights are v × scale */
  const v = new Float64Array(nf * NL);
  let scale = 1;
  const trans = new Float64Array((NL + 1) * NL);
  const tgrad = new Float64Array((NL + 1) * NL);
  const avgW = new Float64Array(nf * NL);
  const avgT = new Float64Array((NL + 1) * NL);
  let averaged = 0;
  const lat = newLattice();
  let emit = new Float64Array(64 * NL);
  const rand = mulberry32(options.seed ?? 1);
  const order = indexed.map((_, i) => i);

  const model = (): NerModel => {
    const w = new Float32Array(nf * NL);
    const tr = new Float32Array(trans.length);
    if (averaged) {
      for (let i = 0; i < w.length; i++) w[i] = avgW[i] / averaged;
      for (let i = 0; i < tr.length; i++) tr[i] = avgT[i] / averaged;
    } else {
      for (let i = 0; i < w.length; i++) w[i] = v[i] * scale;
      tr.set(trans);
    }
    return new NerModel(Uint32Array.from(keys), w, tr, { features: nf, trainer: 'crf', c2 });
  };

  let t = 0;
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    shuffleInPlace(order, rand);
    for (const si of order) {
      const s = indexed[si];
      const { feats, offsets } = s.features;
      const n = s.gold.length;
      if (n === 0) continue;
      const eta = eta0 / (1 + t / N);
      t++;
      if (emit.length < n * NL) emit = new Float64Array(n * NL * 2);
      for (let i = 0; i < n; i++) {
        const o = i * NL;
        for (let c = 0; c < NL; c++) emit[o + c] = 0;
        for (let j = offsets[i]; j < offsets[i + 1]; j++) {
          const b = feats[j] * NL;
          for (let c = 0; c < NL; c++) emit[o + c] += v[b + c];
        }
        for (let c = 0; c < NL; c++) emit[o + c] *= scale;
      }
      forwardBackward(emit, n, trans, lat);
      const { alpha, beta, logZ } = lat;
      // emission weights: observed minus expected label, for every feature of the token
      const step = (eta * s.weight) / scale;
      for (let i = 0; i < n; i++) {
        const o = i * NL;
        for (let c = 0; c < NL; c++) {
          const a = alpha[o + c];
          const d = (c === s.gold[i] ? 1 : 0) - (a === NEG ? 0 : Math.exp(a + beta[o + c] - logZ));
          if (d > -1e-6 && d < 1e-6) continue;
          const u = step * d;
          for (let j = offsets[i]; j < offsets[i + 1]; j++) v[feats[j] * NL + c] += u;
        }
      }
      // transitions: observed minus expected pairs, all from the weights before this update
      tgrad.fill(0);
      tgrad[NL * NL + s.gold[0]] += 1;
      for (let c = 0; c < NL; c++) if (alpha[c] !== NEG) tgrad[NL * NL + c] -= Math.exp(alpha[c] + beta[c] - logZ);
      for (let i = 1; i < n; i++) {
        tgrad[s.gold[i - 1] * NL + s.gold[i]] += 1;
        for (let p = 0; p < NL; p++) {
          const ap = alpha[(i - 1) * NL + p];
          if (ap === NEG) continue;
          for (let c = 0; c < NL; c++) {
            if (ALLOWED[p * NL + c]) tgrad[p * NL + c] -= Math.exp(ap + trans[p * NL + c] + emit[i * NL + c] + beta[i * NL + c] - logZ);
          }
        }
      }
      for (let k = 0; k < trans.length; k++) trans[k] += eta * s.weight * tgrad[k];
      scale *= 1 - (eta * c2) / N;
      if (scale < 1e-6) {
        for (let i = 0; i < v.length; i++) v[i] *= scale;
        scale = 1;
      }
    }
    if (epoch > options.epochs / 2) {
      averaged++;
      for (let i = 0; i < v.length; i++) avgW[i] += v[i] * scale;
      for (let i = 0; i < trans.length; i++) avgT[i] += trans[i];
    }
    options.onEpoch?.(epoch, model());
  }
  return model();
}
