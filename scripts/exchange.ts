/**
 * Word classes by the exchange algorithm (Kneser & Ney 1993; Martin, Liermann & Ney 1998): the class-bigram
 * likelihood that Brown clustering maximizes, optimized by moving one word at a time (most frequent first) to the
 * class that raises it most, until few words move. Deterministic: classes start round-robin by frequency rank.
 * Used by build-clusters.ts for the two coarser class levels of resources/ner/clusters.tsv; on ANERcorp these
 * beat the k-means classes of the PPMI vectors at those levels (scripts/train-ner.ts notes the figures).
 */

const TABLE = 1 << 23;
const FT = new Float64Array(TABLE);
for (let i = 1; i < TABLE; i++) FT[i] = i * Math.log(i);
const f = (x: number) => (x < TABLE ? FT[x] : x * Math.log(x));

interface Graph {
  nV: number; // moving words 0..nV-1; word nV is the shared rare word
  succPtr: Int32Array; succ: Int32Array; succN: Int32Array; // successors of each word (incl. rare) with counts
  predPtr: Int32Array; pred: Int32Array; predN: Int32Array;
  self: Int32Array; // w→w counts
}

function csr(n: number, keys: Float64Array | number[], m: number, from: (k: number) => number, to: (k: number) => number, counts: Int32Array) {
  const ptr = new Int32Array(n + 1);
  for (let i = 0; i < m; i++) ptr[from(keys[i]) + 1]++;
  for (let i = 0; i < n; i++) ptr[i + 1] += ptr[i];
  const fill = ptr.slice(0, n);
  const col = new Int32Array(m);
  const val = new Int32Array(m);
  for (let i = 0; i < m; i++) {
    const a = from(keys[i]);
    const p = fill[a]++;
    col[p] = to(keys[i]);
    val[p] = counts[i];
  }
  return { ptr, col, val };
}

/**
 * Adds w's neighbour counts (successors or predecessors, itself excluded) into `into` by the neighbour's class,
 * listing the classes touched in `nz`; returns the total count added.
 */
function neighbourClasses(w: number, cls: Int32Array, ptr: Int32Array, adj: Int32Array, counts: Int32Array, into: Float64Array, nz: number[]): number {
  let total = 0;
  for (let p = ptr[w]; p < ptr[w + 1]; p++) {
    const v = adj[p];
    if (v === w) continue;
    const d = cls[v];
    if (into[d] === 0) nz.push(d);
    into[d] += counts[p];
    total += counts[p];
  }
  return total;
}

function exchange(g: Graph, C: number, iterations: number, freqOrder: Int32Array, log: (s: string) => void): Int32Array {
  const K = C + 1; // class C holds the rare word
  const nW = g.nV + 1;
  const cls = new Int32Array(nW);
  for (let r = 0; r < g.nV; r++) cls[freqOrder[r]] = r % C;
  cls[g.nV] = C;
  const N = new Float64Array(K * K);
  const NT = new Float64Array(K * K); // transposed, so both loops below scan rows
  const NL = new Float64Array(K); // as first element of a bigram
  const NR = new Float64Array(K);
  for (let w = 0; w < nW; w++) {
    for (let p = g.succPtr[w]; p < g.succPtr[w + 1]; p++) {
      const n = g.succN[p];
      N[cls[w] * K + cls[g.succ[p]]] += n;
      NT[cls[g.succ[p]] * K + cls[w]] += n;
      NL[cls[w]] += n;
      NR[cls[g.succ[p]]] += n;
    }
  }
  const R = new Float64Array(K);
  const L = new Float64Array(K);
  const nzR: number[] = [];
  const nzL: number[] = [];
  const ll = () => {
    let s = 0;
    for (let i = 0; i < K * K; i++) s += f(N[i]);
    for (let c = 0; c < K; c++) s -= f(NL[c]) + f(NR[c]);
    return s;
  };
  log(`  exchange C=${C}: start log-likelihood ${ll().toExponential(6)}`);
  for (let it = 0; it < iterations; it++) {
    let moved = 0;
    const t = Date.now();
    for (let r = 0; r < g.nV; r++) {
      const w = freqOrder[r];
      const a = cls[w];
      const s = g.self[w];
      // class counts of w's neighbours, itself excluded
      nzR.length = 0;
      nzL.length = 0;
      let nLw = s;
      let nRw = s;
      nLw += neighbourClasses(w, cls, g.succPtr, g.succ, g.succN, R, nzR);
      nRw += neighbourClasses(w, cls, g.predPtr, g.pred, g.predN, L, nzL);
      // remove w from a
      for (const d of nzR) {
        N[a * K + d] -= R[d];
        NT[d * K + a] -= R[d];
      }
      for (const d of nzL) {
        N[d * K + a] -= L[d];
        NT[a * K + d] -= L[d];
      }
      N[a * K + a] -= s;
      NT[a * K + a] -= s;
      NL[a] -= nLw;
      NR[a] -= nRw;
      // best class to add it to
      let best = a;
      let bestGain = -Infinity;
      for (let b = 0; b < C; b++) {
        let gain = 0;
        const row = b * K;
        for (const d of nzR) if (d !== b) gain += f(N[row + d] + R[d]) - f(N[row + d]);
        for (const d of nzL) if (d !== b) gain += f(NT[row + d] + L[d]) - f(NT[row + d]);
        const bb = N[row + b];
        gain += f(bb + R[b] + L[b] + s) - f(bb);
        gain -= f(NL[b] + nLw) - f(NL[b]) + f(NR[b] + nRw) - f(NR[b]);
        if (gain > bestGain + 1e-9 || (b === a && gain >= bestGain - 1e-9)) {
          bestGain = gain;
          best = b;
        }
      }
      for (const d of nzR) {
        N[best * K + d] += R[d];
        NT[d * K + best] += R[d];
      }
      for (const d of nzL) {
        N[d * K + best] += L[d];
        NT[best * K + d] += L[d];
      }
      N[best * K + best] += s;
      NT[best * K + best] += s;
      NL[best] += nLw;
      NR[best] += nRw;
      if (best !== a) {
        cls[w] = best;
        moved++;
      }
      for (const d of nzR) R[d] = 0;
      for (const d of nzL) L[d] = 0;
    }
    log(`  exchange C=${C}: iteration ${it + 1} moved ${moved} words, log-likelihood ${ll().toExponential(6)} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
    if (moved < g.nV / 1000) break;
  }
  return cls;
}


/**
 * Classes for words ranked 0..nV-1 by frequency, from a token stream of word ids (−1 = a line break, which no
 * bigram crosses). rank maps an id to its frequency rank; ids ranked nV or beyond share one fixed class.
 */
export function exchangeClasses(seq: Int32Array, n: number, rank: Int32Array, nV: number, classes: number, iterations: number, log: (s: string) => void = () => {}): Int32Array {
  const W = nV + 1;
  const keys = new Float64Array(n);
  let m = 0;
  for (let i = 0; i + 1 < n; i++) {
    if (seq[i] < 0 || seq[i + 1] < 0) continue;
    keys[m++] = Math.min(rank[seq[i]], nV) * W + Math.min(rank[seq[i + 1]], nV);
  }
  const sorted = keys.subarray(0, m).sort();
  const uk: number[] = [];
  const uc: number[] = [];
  for (let i = 0; i < m; ) {
    let j = i;
    while (j < m && sorted[j] === sorted[i]) j++;
    uk.push(sorted[i]);
    uc.push(j - i);
    i = j;
  }
  const ucount = Int32Array.from(uc);
  const s = csr(W, uk, uk.length, (k) => Math.floor(k / W), (k) => k % W, ucount);
  const p = csr(W, uk, uk.length, (k) => k % W, (k) => Math.floor(k / W), ucount);
  const self = new Int32Array(W);
  for (let i = 0; i < uk.length; i++) if (Math.floor(uk[i] / W) === uk[i] % W) self[uk[i] % W] = uc[i];
  self[nV] = 0; // the shared rare word never moves
  const g: Graph = { nV, succPtr: s.ptr, succ: s.col, succN: s.val, predPtr: p.ptr, pred: p.col, predN: p.val, self };
  const freqOrder = Int32Array.from({ length: nV }, (_, i) => i);
  return exchange(g, classes, iterations, freqOrder, log).subarray(0, nV);
}
