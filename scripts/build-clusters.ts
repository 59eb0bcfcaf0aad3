/**
 * `npm run build:clusters`: distributional word classes for the NER from the unlabelled multisource
 * corpus (../shared/corpora/ant-multisource.jsonl.gz, Chouigui et al. 2021, Apache-2.0).
 *
 * Method (deterministic, a few minutes on one core):
 *  1. tokenize + fold every title and body; count words;
 *  2. for the top V words, count left/right neighbours (±1) among the top C context words;
 *  3. positive PMI (context distribution smoothed with α = 0.75), randomly projected to DIM dimensions;
 *  4. spherical k-means, hierarchically: K1 classes, each split into K2, each of those into K3: the finest level;
 *  5. the exchange algorithm (scripts/exchange.ts) on the corpus's word bigrams, at 64 and 512 classes: the two
 *     coarser levels (on ANERcorp's held-out tenths they did better than the k-means ones; a third at 1,024 in
 *     place of the finest k-means level did worse).
 * Output: resources/ner/clusters.tsv — word, frequency, and the three class ids.
 *
 * `node dist/scripts/build-clusters.js --profiles` (npm run build:clusters -- --profiles) instead writes
 * resources/ner/word-profiles.tsv (a minute): per word base, how often it follows a trigger word of each
 * class (resources/ner/triggers.tsv: titles, organization heads, place heads, speech verbs) in the same
 * corpus. A name unseen in ANERcorp is often seen there after "حزب" or "الرئيس".
 */
import { writeFileSync } from 'node:fs';
import { readCorpus } from '../bench/corpus.js';
import { fold } from '../src/ner/fold.js';
import { baseOf, loadLexicon } from '../src/ner/lexicon.js';
import { PROFILE_CLASSES } from '../src/ner/profiles.js';
import { clusterKey, wordPieces } from '../src/ner/wordsplit.js';
import { resourcePath } from '../src/resources.js';
import { mulberry32 } from '../src/random.js';
import { exchangeClasses } from './exchange.js';

const V = Number(process.env.CLUSTER_VOCAB ?? 100_000);
const C = Number(process.env.CLUSTER_CONTEXTS ?? 3000);
// ±1 neighbours only (±2 as well with CLUSTER_WIDE=1): the narrow window gave better NER features on dev
const WIDE = process.env.CLUSTER_WIDE === '1';
// CLUSTER_BAG=k: an unordered bag of the ±k neighbours (topical classes rather than syntactic ones). As a second
// set of classes beside these (±4, own and ±1 features) it added 0.13–0.20 F1 over the ten held-out tenths of
// ANERcorp, better on 6 of 10, worse by 0.7 on the dev tenth: not kept (scripts/train-ner.ts)
const BAG = Number(process.env.CLUSTER_BAG ?? 0);
const POSITIONS = BAG > 0 ? [...Array.from({ length: BAG }, (_, i) => i - BAG), ...Array.from({ length: BAG }, (_, i) => i + 1)] : WIDE ? [-2, -1, 1, 2] : [-1, 1];
const POS_WEIGHT = BAG > 0 ? [1] : WIDE ? [0.5, 1, 1, 0.5] : [1, 1];
/** the context block of a position: one shared block for a bag */
const blockOf = (p: number) => (BAG > 0 ? 0 : p);
const DIM = Number(process.env.CLUSTER_DIM ?? 128);
const K1 = Number(process.env.CLUSTER_K1 ?? 64);
const K2 = Number(process.env.CLUSTER_K2 ?? 8);
const K3 = Number(process.env.CLUSTER_K3 ?? 4);
const ITER = Number(process.env.CLUSTER_ITER ?? 12);
const EX_K1 = Number(process.env.CLUSTER_EX_K1 ?? 64);
const EX_K2 = Number(process.env.CLUSTER_EX_K2 ?? 512);
const EX_ITER = Number(process.env.CLUSTER_EX_ITER ?? 8);
const LIMIT = Number(process.env.CLUSTER_ARTICLES ?? Infinity);


function gaussian(rand: () => number): number {
  const u = Math.max(rand(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

async function main(): Promise<void> {
  const t0 = Date.now();
  const ids = new Map<string, number>();
  const words: string[] = [];
  const counts: number[] = [];
  let seq = new Int32Array(1 << 23);
  let n = 0;
  const push = (id: number) => {
    if (n === seq.length) {
      const bigger = new Int32Array(seq.length * 2);
      bigger.set(seq);
      seq = bigger;
    }
    seq[n++] = id;
  };
  let articles = 0;
  for await (const a of readCorpus(LIMIT)) {
    for (const part of [a.title, a.text]) {
      for (const line of (part ?? '').split('\n')) {
        const pieces = wordPieces(line);
        if (!pieces.length) continue;
        for (const p of pieces) {
          const w = clusterKey(fold(p));
          let id = ids.get(w);
          if (id === undefined) {
            id = words.length;
            ids.set(w, id);
            words.push(w);
            counts.push(0);
          }
          counts[id]++;
          push(id);
        }
        push(-1); // line boundary
      }
    }
    articles++;
  }
  console.log(`read ${articles} articles, ${n} tokens, ${words.length} types in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  // rank by frequency (ties by the word, for determinism)
  const order = words.map((_, i) => i).sort((x, y) => counts[y] - counts[x] || (words[x] < words[y] ? -1 : 1));
  const rank = new Int32Array(words.length).fill(-1);
  order.forEach((id, r) => (rank[id] = r));
  const nV = Math.min(V, order.length);
  const D = C * (BAG > 0 ? 1 : POSITIONS.length);

  // co-occurrence pairs as packed keys w*D + d, sorted and run-length counted
  let pairs = new Uint32Array(1 << 24);
  let np = 0;
  for (let i = 0; i < n; i++) {
    const id = seq[i];
    if (id < 0) continue;
    const w = rank[id];
    if (w >= nV) continue;
    for (let p = 0; p < POSITIONS.length; p++) {
      const off = POSITIONS[p];
      // stop at line boundaries
      let ok = true;
      const step = off < 0 ? -1 : 1;
      for (let k = i + step; k !== i + off + step; k += step) if (k < 0 || k >= n || seq[k] < 0) { ok = false; break; }
      if (!ok) continue;
      const c = rank[seq[i + off]];
      if (c >= C) continue;
      if (np === pairs.length) {
        const bigger = new Uint32Array(pairs.length * 2);
        bigger.set(pairs);
        pairs = bigger;
      }
      pairs[np++] = w * D + blockOf(p) * C + c;
    }
  }
  const sorted = pairs.subarray(0, np).sort();
  console.log(`${np} context pairs in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  // marginals for PMI
  const rowTot = new Float64Array(nV);
  const colTot = new Float64Array(D);
  for (let i = 0; i < np; i++) {
    const k = sorted[i];
    rowTot[Math.floor(k / D)]++;
    colTot[k % D]++;
  }
  let colSmoothTot = 0;
  const colSmooth = new Float64Array(D);
  for (let d = 0; d < D; d++) colSmoothTot += colSmooth[d] = Math.pow(colTot[d], 0.75);
  const total = np;

  // sparse PPMI matrix (CSR; the pairs are sorted by word, then context)
  const rowPtr = new Int32Array(nV + 1);
  const cols: number[] = [];
  const vals: number[] = [];
  for (let i = 0; i < np; ) {
    const k = sorted[i];
    let j = i;
    while (j < np && sorted[j] === k) j++;
    const count = j - i;
    i = j;
    const w = Math.floor(k / D);
    const d = k % D;
    const pmi = Math.log((count / total) / ((rowTot[w] / total) * (colSmooth[d] / colSmoothTot)));
    if (pmi <= 0) continue;
    cols.push(d);
    vals.push(pmi * POS_WEIGHT[Math.floor(d / C)]);
    rowPtr[w + 1] = cols.length;
  }
  for (let w = 1; w <= nV; w++) if (rowPtr[w] < rowPtr[w - 1]) rowPtr[w] = rowPtr[w - 1];
  const X: Csr = { rows: nV, cols: D, rowPtr, col: Int32Array.from(cols), val: Float32Array.from(vals) };
  console.log(`PPMI matrix: ${X.col.length} non-zeros (${((Date.now() - t0) / 1000).toFixed(1)} s)`);

  // truncated SVD by randomized range finding (Halko et al. 2011) with one power iteration
  const rand = mulberry32(20240611);
  const r = DIM + 32;
  const omega = new Float64Array(D * r);
  for (let i = 0; i < omega.length; i++) omega[i] = gaussian(rand);
  let Q = orthonormalize(spmm(X, omega, r), nV, r);
  Q = orthonormalize(spmm(X, spmmT(X, Q, r), r), nV, r);
  const Z = spmmT(X, Q, r); // Bᵀ, D × r
  const M = new Float64Array(r * r);
  for (let d = 0; d < D; d++) {
    const zo = d * r;
    for (let a = 0; a < r; a++) {
      const za = Z[zo + a];
      if (za === 0) continue;
      for (let b = a; b < r; b++) M[a * r + b] += za * Z[zo + b];
    }
  }
  for (let a = 0; a < r; a++) for (let b = 0; b < a; b++) M[a * r + b] = M[b * r + a];
  const { values, vectors } = jacobiEigen(M, r);
  const order2 = Array.from({ length: r }, (_, i) => i).sort((a, b) => values[b] - values[a]).slice(0, DIM);
  const vec = new Float32Array(nV * DIM);
  for (let w = 0; w < nV; w++) {
    const qo = w * r;
    for (let x = 0; x < DIM; x++) {
      const e = order2[x];
      let sum = 0;
      for (let a = 0; a < r; a++) sum += Q[qo + a] * vectors[a * r + e];
      vec[w * DIM + x] = sum * Math.pow(Math.max(values[e], 0), 0.25); // U·S^½
    }
  }
  for (let w = 0; w < nV; w++) normalize(vec, w * DIM);
  console.log(`vectors (SVD, ${DIM} dims) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  // hierarchical spherical k-means
  const all = Array.from({ length: nV }, (_, i) => i);
  const l1 = kmeans(vec, all, K1, rand);
  const l2 = new Int32Array(nV);
  const l3 = new Int32Array(nV);
  for (let a = 0; a < K1; a++) {
    const members = all.filter((w) => l1[w] === a);
    const sub = kmeans(vec, members, K2, rand);
    for (const w of members) l2[w] = a * K2 + sub[w];
  }
  for (let b = 0; b < K1 * K2; b++) {
    const members = all.filter((w) => l2[w] === b);
    const sub = kmeans(vec, members, K3, rand);
    for (const w of members) l3[w] = b * K3 + sub[w];
  }
  console.log(`clusters in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  // the two coarser levels by the exchange algorithm (class-bigram likelihood, as Brown clusters): on ANERcorp's
  // held-out tenths they beat the k-means levels (scripts/train-ner.ts); the finest level stays k-means
  const e1 = exchangeClasses(seq, n, rank, nV, EX_K1, EX_ITER, console.log);
  const e2 = exchangeClasses(seq, n, rank, nV, EX_K2, EX_ITER, console.log);
  console.log(`exchange classes in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  const out: string[] = [
    '# Word classes for the NER tagger, computed from the unlabelled multisource news corpus',
    '# (Chouigui, Ben Khiroun & Elayeb, "An Arabic Multi-source News Corpus", AJSE 2021; Apache-2.0).',
    `# Rebuild: npm run build:clusters   (scripts/build-clusters.ts: PPMI context vectors${BAG > 0 ? ` over ±${BAG}-word bags` : ''}, randomized SVD,`,
    `# hierarchical spherical k-means ${K1} → ×${K2} → ×${K3} for c3; exchange-algorithm classes, ${EX_K1} and ${EX_K2}, for c1 and c2).`,
    '# Words are folded by src/ner/fold.ts.',
    '# columns: word, corpus frequency, class at 3 granularities (c1, c2: exchange; c3: k-means)',
    'word\tfreq\tc1\tc2\tc3',
  ];
  for (let w = 0; w < nV; w++) {
    const id = order[w];
    out.push(`${words[id]}\t${counts[id]}\t${e1[w]}\t${e2[w]}\t${l3[w]}`);
  }
  const file = process.env.CLUSTER_OUT ?? resourcePath('ner', 'clusters.tsv');
  writeFileSync(file, out.join('\n') + '\n');
  console.log(`wrote ${nV} words to ${file} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

interface Csr {
  rows: number;
  cols: number;
  rowPtr: Int32Array;
  col: Int32Array;
  val: Float32Array;
}

/** X (rows × cols, sparse) · M (cols × r, dense row-major) → rows × r. */
function spmm(X: Csr, M: Float64Array, r: number): Float64Array {
  const out = new Float64Array(X.rows * r);
  for (let w = 0; w < X.rows; w++) {
    const o = w * r;
    for (let j = X.rowPtr[w]; j < X.rowPtr[w + 1]; j++) {
      const v = X.val[j];
      const m = X.col[j] * r;
      for (let a = 0; a < r; a++) out[o + a] += v * M[m + a];
    }
  }
  return out;
}

/** Xᵀ (cols × rows) · Y (rows × r) → cols × r. */
function spmmT(X: Csr, Y: Float64Array, r: number): Float64Array {
  const out = new Float64Array(X.cols * r);
  for (let w = 0; w < X.rows; w++) {
    const o = w * r;
    for (let j = X.rowPtr[w]; j < X.rowPtr[w + 1]; j++) {
      const v = X.val[j];
      const m = X.col[j] * r;
      for (let a = 0; a < r; a++) out[m + a] += v * Y[o + a];
    }
  }
  return out;
}

/** Orthonormal basis of the columns of Y (n × r) via the eigen-decomposition of YᵀY. */
function orthonormalize(Y: Float64Array, n: number, r: number): Float64Array {
  const G = new Float64Array(r * r);
  for (let i = 0; i < n; i++) {
    const o = i * r;
    for (let a = 0; a < r; a++) {
      const ya = Y[o + a];
      if (ya === 0) continue;
      for (let b = a; b < r; b++) G[a * r + b] += ya * Y[o + b];
    }
  }
  for (let a = 0; a < r; a++) for (let b = 0; b < a; b++) G[a * r + b] = G[b * r + a];
  const { values, vectors } = jacobiEigen(G, r);
  // T = E Λ^{-1/2}
  const T = new Float64Array(r * r);
  for (let a = 0; a < r; a++) for (let e = 0; e < r; e++) T[a * r + e] = values[e] > 1e-12 ? vectors[a * r + e] / Math.sqrt(values[e]) : 0;
  const out = new Float64Array(n * r);
  const row = new Float64Array(r);
  for (let i = 0; i < n; i++) {
    const o = i * r;
    row.fill(0);
    for (let a = 0; a < r; a++) {
      const ya = Y[o + a];
      if (ya === 0) continue;
      const t = a * r;
      for (let e = 0; e < r; e++) row[e] += ya * T[t + e];
    }
    out.set(row, o);
  }
  return out;
}

/** Eigen-decomposition of a symmetric r × r matrix by cyclic Jacobi rotations: A = V diag(values) Vᵀ. */
function jacobiEigen(Ain: Float64Array, r: number): { values: Float64Array; vectors: Float64Array } {
  const A = Float64Array.from(Ain);
  const V = new Float64Array(r * r);
  for (let i = 0; i < r; i++) V[i * r + i] = 1;
  for (let sweep = 0; sweep < 50; sweep++) {
    let off = 0;
    for (let p = 0; p < r; p++) for (let q = p + 1; q < r; q++) off += A[p * r + q] * A[p * r + q];
    if (off < 1e-18) break;
    for (let p = 0; p < r; p++) {
      for (let q = p + 1; q < r; q++) {
        const apq = A[p * r + q];
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (A[q * r + q] - A[p * r + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < r; k++) {
          const akp = A[k * r + p];
          const akq = A[k * r + q];
          A[k * r + p] = c * akp - s * akq;
          A[k * r + q] = s * akp + c * akq;
        }
        for (let k = 0; k < r; k++) {
          const apk = A[p * r + k];
          const aqk = A[q * r + k];
          A[p * r + k] = c * apk - s * aqk;
          A[q * r + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < r; k++) {
          const vkp = V[k * r + p];
          const vkq = V[k * r + q];
          V[k * r + p] = c * vkp - s * vkq;
          V[k * r + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const values = new Float64Array(r);
  for (let i = 0; i < r; i++) values[i] = A[i * r + i];
  return { values, vectors: V };
}

function normalize(v: Float32Array, off: number): void {
  let s = 0;
  for (let x = 0; x < DIM; x++) s += v[off + x] * v[off + x];
  const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
  for (let x = 0; x < DIM; x++) v[off + x] *= inv;
}

/** Spherical k-means over the given rows; returns row → class (indexed by row id). */
function kmeans(vec: Float32Array, rows: number[], k: number, rand: () => number): Int32Array {
  const assign = new Int32Array(vec.length / DIM);
  if (rows.length <= k) {
    rows.forEach((w, i) => (assign[w] = i));
    return assign;
  }
  const cent = new Float32Array(k * DIM);
  // init: k distinct rows chosen by the seeded generator
  const picked = new Set<number>();
  for (let c = 0; c < k; c++) {
    let r: number;
    do r = rows[Math.floor(rand() * rows.length)];
    while (picked.has(r));
    picked.add(r);
    cent.set(vec.subarray(r * DIM, r * DIM + DIM), c * DIM);
  }
  for (let it = 0; it < ITER; it++) {
    let changed = 0;
    for (const w of rows) {
      const off = w * DIM;
      let best = 0;
      let bestSim = -Infinity;
      for (let c = 0; c < k; c++) {
        const co = c * DIM;
        let s = 0;
        for (let x = 0; x < DIM; x++) s += vec[off + x] * cent[co + x];
        if (s > bestSim) {
          bestSim = s;
          best = c;
        }
      }
      if (assign[w] !== best) changed++;
      assign[w] = best;
    }
    cent.fill(0);
    const size = new Int32Array(k);
    for (const w of rows) {
      const c = assign[w];
      size[c]++;
      const off = w * DIM;
      const co = c * DIM;
      for (let x = 0; x < DIM; x++) cent[co + x] += vec[off + x];
    }
    for (let c = 0; c < k; c++) {
      if (size[c] === 0) {
        const r = rows[Math.floor(rand() * rows.length)];
        cent.set(vec.subarray(r * DIM, r * DIM + DIM), c * DIM);
      } else normalize(cent, c * DIM);
    }
    if (changed === 0) break;
  }
  return assign;
}

/** Minimum number of trigger-context occurrences for a word to be listed in word-profiles.tsv. */
const PROFILE_MIN = Number(process.env.PROFILE_MIN ?? 2);

async function buildProfiles(): Promise<void> {
  const t0 = Date.now();
  const lex = loadLexicon();
  const classOf = new Map<string, number>();
  for (const [w, id] of lex.triggers) {
    const k = PROFILE_CLASSES.indexOf(lex.triggerClasses[id] as (typeof PROFILE_CLASSES)[number]);
    if (k >= 0) classOf.set(w, k);
  }
  const K = PROFILE_CLASSES.length;
  const freq = new Map<string, number>();
  const after = new Map<string, Int32Array>();
  const bases = new Map<string, string>();
  const base = (f: string) => {
    let b = bases.get(f);
    if (b === undefined) bases.set(f, (b = baseOf(lex, f).base));
    return b;
  };
  let articles = 0;
  for await (const a of readCorpus(LIMIT)) {
    for (const part of [a.title, a.text]) {
      for (const line of (part ?? '').split('\n')) {
        let prevClass = -1;
        for (const p of wordPieces(line)) {
          const f = fold(p);
          const b = clusterKey(base(f));
          freq.set(b, (freq.get(b) ?? 0) + 1);
          if (prevClass >= 0) {
            let c = after.get(b);
            if (!c) after.set(b, (c = new Int32Array(K)));
            c[prevClass]++;
          }
          prevClass = classOf.get(b) ?? classOf.get(f) ?? -1;
        }
      }
    }
    articles++;
  }
  const rows: string[] = [];
  for (const [w, c] of after) {
    let tot = 0;
    for (const x of c) tot += x;
    if (tot < PROFILE_MIN || classOf.has(w)) continue;
    rows.push([w, freq.get(w) ?? 0, ...c].join('\t'));
  }
  rows.sort();
  const out = [
    '# How often each word (folded, proclitics stripped, article kept) follows a trigger word of each class in the',
    '# unlabelled multisource news corpus (Chouigui, Ben Khiroun & Elayeb, AJSE 2021; Apache-2.0). Trigger classes',
    '# from resources/ner/triggers.tsv. Rebuild: npm run build:clusters -- --profiles (scripts/build-clusters.ts).',
    `# Words seen fewer than ${PROFILE_MIN} times after a trigger are left out.`,
    `# columns: word, corpus frequency, then counts after: ${PROFILE_CLASSES.join(', ')}`,
    ['word', 'freq', ...PROFILE_CLASSES].join('\t'),
    ...rows,
  ];
  writeFileSync(process.env.PROFILE_OUT ?? resourcePath('ner', 'word-profiles.tsv'), out.join('\n') + '\n');
  console.log(`read ${articles} articles; wrote ${rows.length} word profiles in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

(process.argv.includes('--profiles') ? buildProfiles() : main()).catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
