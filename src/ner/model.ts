/**
 * The tagger's model: per-feature weights for each BIO label, label-transition weights, and first-order
 * Viterbi decoding under the BIO constraint (I-X only after B-X or I-X).
 *
 * On disk (models/ner.bin.gz): gzip of
 *   "MNER" u32 version | u32 headerBytes | JSON header {labels, scale, features, meta}
 *   | Uint32 keys[features] (sorted) | Int16 weights[features × labels] | Float32 transitions[(labels+1) × labels]
 * Weights are quantized to int16 with one scale; features whose weights all round to 0 are dropped.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { EDGE, N_CONTEXT, POS_FEATURES, ZERO_GAZ, ZERO_NAMES, type SentenceFeatures, type SentenceParts, type WordInfo } from './features.js';

export const LABELS = ['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC', 'B-ORG', 'I-ORG', 'B-MISC', 'I-MISC'] as const;
export const NL = LABELS.length;
const VERSION = 1;

/** allowed[prev * NL + cur]; prev = NL means sentence start. */
export const ALLOWED: Uint8Array = (() => {
  const a = new Uint8Array((NL + 1) * NL);
  for (let p = 0; p <= NL; p++) {
    for (let c = 0; c < NL; c++) {
      const cur = LABELS[c];
      if (cur.startsWith('I-')) {
        const prev = p < NL ? LABELS[p] : 'O';
        a[p * NL + c] = prev !== 'O' && prev.slice(2) === cur.slice(2) ? 1 : 0;
      } else a[p * NL + c] = 1;
    }
  }
  return a;
})();

/** Something that gives the emission scores of a sentence: scores[i * NL + label]. */
export interface Scorer {
  emissions(sf: SentenceFeatures, out: Float64Array): void;
  /** (NL+1) × NL transition weights; row NL = from sentence start */
  transitions: ArrayLike<number>;
}

/** Viterbi work arrays, grown on demand and reused (decoding allocates only the returned path). */
let vScore = new Float64Array(64 * NL);
let emitBuffer = new Float64Array(64 * NL);
let vBack = new Int32Array(64 * NL);

/**
 * Best label sequence (indices into LABELS). Under BIO, an I-X label (even index ≥ 2) can only follow B-X
 * (index - 1) or I-X itself; O and B-X can follow anything: the inner loop is specialized accordingly.
 */
export function viterbi(emit: Float64Array, n: number, trans: ArrayLike<number>): Int32Array {
  const path = new Int32Array(n);
  if (n === 0) return path;
  if (vScore.length < n * NL) {
    vScore = new Float64Array(n * NL * 2);
    vBack = new Int32Array(n * NL * 2);
  }
  const score = vScore;
  const back = vBack;
  for (let c = 0; c < NL; c++) {
    score[c] = ALLOWED[NL * NL + c] ? emit[c] + trans[NL * NL + c] : -Infinity;
  }
  for (let i = 1; i < n; i++) {
    const base = i * NL;
    const prevBase = base - NL;
    for (let c = 0; c < NL; c++) {
      let best = -Infinity;
      let arg = 0;
      if (c >= 2 && (c & 1) === 0) {
        // I-X: from B-X or I-X only
        const sb = score[prevBase + c - 1] + trans[(c - 1) * NL + c];
        const si = score[prevBase + c] + trans[c * NL + c];
        if (sb >= si) {
          best = sb;
          arg = c - 1;
        } else {
          best = si;
          arg = c;
        }
      } else {
        for (let p = 0; p < NL; p++) {
          const s = score[prevBase + p] + trans[p * NL + c];
          if (s > best) {
            best = s;
            arg = p;
          }
        }
      }
      score[base + c] = best + emit[base + c];
      back[base + c] = arg;
    }
  }
  let best = -Infinity;
  let arg = 0;
  const last = (n - 1) * NL;
  for (let c = 0; c < NL; c++) {
    if (score[last + c] > best) {
      best = score[last + c];
      arg = c;
    }
  }
  path[n - 1] = arg;
  for (let i = n - 1; i > 0; i--) path[i - 1] = back[i * NL + path[i]];
  return path;
}

export function decode(scorer: Scorer, sf: SentenceFeatures): Int32Array {
  const n = sf.offsets.length - 1;
  const emit = new Float64Array(n * NL);
  scorer.emissions(sf, emit);
  return viterbi(emit, n, scorer.transitions);
}

/**
 * A trained model, ready for decoding. Weights live in one open-addressing table of 24-byte slots: an int32
 * feature hash and its 9 label weights as int16 (the on-disk quantization), so a probe that finds a feature
 * reads its weights from the same cache line; a bit filter answers most lookups of absent features (word
 * pairs, rare contexts) without touching the table. Emission scores are summed in quantized units and scaled
 * once per token.
 */
let nextModelId = 0;

/** int32 / int16 units per table slot (key, 9 weights, 1 pad) */
const SLOT32 = 6;
const SLOT16 = 12;

export class NerModel implements Scorer {
  /** index of this model's weight sums in WordInfo.sums */
  private readonly id = nextModelId++;
  /** the table: slot s has its key at table32[s * SLOT32] (0 = empty) and weights at table16[s * SLOT16 + 2 + c] */
  private readonly table32: Int32Array;
  /** @internal (PairedTable) */
  readonly table16: Int16Array;
  private readonly mask: number;
  /** slot of the feature whose hash is 0 (0 marks empty slots), or -1 */
  private readonly zeroSlot: number;
  /** one bit per filter bucket: 0 = no feature hashes there */
  private readonly filter: Int32Array;
  private readonly filterShift: number;
  /** real weight = quantized × scale */
  readonly scale: number;
  readonly transitions: Float32Array;
  readonly keys: Uint32Array;
  private dense: Float32Array | null = null;

  constructor(
    keys: Uint32Array,
    weights: Float32Array,
    transitions: Float32Array,
    readonly meta: Record<string, unknown> = {},
  ) {
    this.keys = keys;
    this.transitions = transitions;
    let maxAbs = 0;
    for (let i = 0; i < weights.length; i++) maxAbs = Math.max(maxAbs, Math.abs(weights[i]));
    this.scale = maxAbs > 0 ? maxAbs / 32767 : 1;
    let size = 1;
    while (size < keys.length * 1.25) size <<= 1;
    this.mask = size - 1;
    // one extra slot at the end for the hash 0
    const buf = new ArrayBuffer((size + 1) * SLOT32 * 4);
    this.table32 = new Int32Array(buf);
    this.table16 = new Int16Array(buf);
    let fbits = 10;
    while (1 << fbits < keys.length * 16 && fbits < 26) fbits++;
    this.filter = new Int32Array((1 << fbits) >>> 5);
    this.filterShift = 32 - fbits;
    let zeroSlot = -1;
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k] | 0;
      let s: number;
      if (key === 0) s = zeroSlot = size;
      else {
        s = scramble(key >>> 0) & this.mask;
        while (this.table32[s * SLOT32] !== 0) s = (s + 1) & this.mask;
        this.table32[s * SLOT32] = key;
      }
      for (let c = 0; c < NL; c++) this.table16[s * SLOT16 + 2 + c] = Math.round(weights[k * NL + c] / this.scale);
      const b = Math.imul(key, 0x9e3779b1) >>> this.filterShift;
      this.filter[b >>> 5] |= 1 << (b & 31);
    }
    this.zeroSlot = zeroSlot;
  }

  get size(): number {
    return this.keys.length;
  }

  /** The (quantized) weights as rows in `keys` order: weights[row * NL + label]. */
  get weights(): Float32Array {
    if (this.dense) return this.dense;
    const d = new Float32Array(this.keys.length * NL);
    for (let k = 0; k < this.keys.length; k++) {
      const at = this.slotOf(this.keys[k] | 0);
      for (let c = 0; c < NL; c++) d[k * NL + c] = this.table16[at + c] * this.scale;
    }
    return (this.dense = d);
  }

  /** Row index (in `keys`) of a feature hash, or -1 (slow: tests and tools). */
  find(hash: number): number {
    if (this.slotOf(hash | 0) < 0) return -1;
    return this.keys.indexOf(hash >>> 0);
  }

  /** Where a feature's weights start in table16, or -1 when the model lacks it. */
  /** @internal (PairedTable) */
  slotOf(key: number): number {
    const b = Math.imul(key, 0x9e3779b1) >>> this.filterShift;
    if ((this.filter[b >>> 5] & (1 << (b & 31))) === 0) return -1;
    if (key === 0) return this.zeroSlot < 0 ? -1 : this.zeroSlot * SLOT16 + 2;
    const t = this.table32;
    let s = scramble(key >>> 0) & this.mask;
    for (;;) {
      const k = t[s * SLOT32];
      if (k === key) return s * SLOT16 + 2;
      if (k === 0) return -1;
      s = (s + 1) & this.mask;
    }
  }

  /** Emission scores of flat sentence features into `out` (zero-filled by the caller). */
  emissions(sf: SentenceFeatures, out: Float64Array): void {
    const { feats, offsets } = sf;
    const n = offsets.length - 1;
    const w = this.table16;
    for (let i = 0; i < n; i++) {
      const o = i * NL;
      for (let j = offsets[i]; j < offsets[i + 1]; j++) {
        const at = this.slotOf(feats[j]);
        if (at < 0) continue;
        for (let c = 0; c < NL; c++) out[o + c] += w[at + c];
      }
      for (let c = 0; c < NL; c++) out[o + c] *= this.scale;
      out[o] -= this.oPenalty;
    }
  }

  /** Summed quantized weights of a word's five feature blocks (self, as -1, +1, -2, +2 neighbour), cached on the word. */
  private sumsOf(info: WordInfo): Float32Array {
    let s = info.sums[this.id];
    if (s) return s;
    s = new Float32Array(5 * NL);
    const { blocks, ends } = info;
    const w = this.table16;
    let j = 0;
    for (let b = 0; b < 5; b++) {
      for (const end = ends[b]; j < end; j++) {
        const at = this.slotOf(blocks[j]);
        if (at < 0) continue;
        for (let c = 0; c < NL; c++) s[b * NL + c] += w[at + c];
      }
    }
    info.sums[this.id] = s;
    return s;
  }

  private readonly groups = new Map<number, Float64Array>();
  private constSums: Map<number, Float32Array> | null = null;

  /** Summed quantized weights of a fixed list of features (memoized by a caller-chosen id). */
  private sumOfFeatures(id: number, hashes: Int32Array): Float32Array {
    if (!this.constSums) this.constSums = new Map();
    let s = this.constSums.get(id);
    if (s) return s;
    s = new Float32Array(NL);
    for (const h of hashes) {
      const at = this.slotOf(h);
      if (at >= 0) for (let c = 0; c < NL; c++) s[c] += this.table16[at + c];
    }
    this.constSums.set(id, s);
    return s;
  }

  /** Emission scores from sentence parts (cached per-word sums) plus optional extra per-token features (overwrites `out`). */
  emissionsParts(parts: SentenceParts, extra: SentenceFeatures | null, out: Float64Array): void {
    const { infos, context, gazZero, namesZero } = parts;
    const n = infos.length;
    const w = this.table16;
    const scale = this.scale;
    const penalty = this.oPenalty;
    const zeroGaz = this.sumOfFeatures(-1, ZERO_GAZ);
    const zeroNames = this.sumOfFeatures(-2, ZERO_NAMES);
    const pos0 = this.sumOfFeatures(0, POS_FEATURES.subarray(0, 1));
    const pos1 = this.sumOfFeatures(1, POS_FEATURES.subarray(1, 2));
    const pos2 = this.sumOfFeatures(2, POS_FEATURES.subarray(2, 3));
    const pos3 = this.sumOfFeatures(3, POS_FEATURES.subarray(3, 4));
    for (let i = 0; i < n; i++) {
      const o = i * NL;
      const self = this.sumsOf(infos[i]);
      const m1 = this.sumsOf(i > 0 ? infos[i - 1] : EDGE);
      const p1 = this.sumsOf(i + 1 < n ? infos[i + 1] : EDGE);
      const m2 = this.sumsOf(i > 1 ? infos[i - 2] : EDGE);
      const p2 = this.sumsOf(i + 2 < n ? infos[i + 2] : EDGE);
      // slots 0..5 (gazetteer) are constant where nothing matched nearby; slot 15 (position) takes 4 values
      const pos = i === 0 ? pos0 : i === 1 ? pos1 : i === n - 1 ? pos3 : pos2;
      for (let c = 0; c < NL; c++) out[o + c] = self[c] + m1[NL + c] + p1[2 * NL + c] + m2[3 * NL + c] + p2[4 * NL + c] + pos[c];
      if (gazZero[i]) for (let c = 0; c < NL; c++) out[o + c] += zeroGaz[c];
      const from = i * N_CONTEXT + (gazZero[i] ? 6 : 0);
      // slots 11..14 (remembered names) are constant where nothing matched nearby
      const to = namesZero[i] ? i * N_CONTEXT + 11 : (i + 1) * N_CONTEXT - 1;
      if (namesZero[i]) for (let c = 0; c < NL; c++) out[o + c] += zeroNames[c];
      for (let k = from; k < to; k++) {
        const at = this.slotOf(context[k]);
        if (at < 0) continue;
        for (let c = 0; c < NL; c++) out[o + c] += w[at + c];
      }
      if (extra) {
        const ef = extra.feats;
        for (let j = extra.offsets[i]; j < extra.offsets[i + 1]; j++) {
          const at = this.slotOf(ef[j]);
          if (at < 0) continue;
          for (let c = 0; c < NL; c++) out[o + c] += w[at + c];
        }
      }
      for (let c = 0; c < NL; c++) out[o + c] *= scale;
      out[o] -= penalty;
    }
  }

  /** Adds the scores of extra per-token features (the stacked ones of pass 2) to finished emissions. */
  addExtras(extra: SentenceFeatures, out: Float64Array): void {
    const w = this.table16;
    const scale = this.scale;
    const ef = extra.feats;
    const n = extra.offsets.length - 1;
    for (let i = 0; i < n; i++) {
      const o = i * NL;
      for (let j = extra.offsets[i]; j < extra.offsets[i + 1]; j++) {
        const at = this.slotOf(ef[j]);
        if (at < 0) continue;
        for (let c = 0; c < NL; c++) out[o + c] += w[at + c] * scale;
      }
    }
  }

  /** Adds the scaled weights of feats[0, count) to out[o, o + NL). */
  addFeatures(out: Float64Array, o: number, feats: Int32Array, from: number, count: number): void {
    const w = this.table16;
    const scale = this.scale;
    for (let j = from; j < count; j++) {
      const at = this.slotOf(feats[j]);
      if (at < 0) continue;
      for (let c = 0; c < NL; c++) out[o + c] += w[at + c] * scale;
    }
  }

  /**
   * The scaled weight sums of a group of features that recurs under a small integer code (pass 2's label
   * features: a few hundred combinations), computed on first use.
   */
  groupSums(code: number, feats: Int32Array, count: number): Float64Array {
    let g = this.groups.get(code);
    if (!g) {
      g = new Float64Array(NL);
      this.addFeatures(g, 0, feats, 0, count);
      this.groups.set(code, g);
    }
    return g;
  }

  /** Best labels of a sentence given its parts (the fast path used at run time). */
  decodeParts(parts: SentenceParts, extra: SentenceFeatures | null = null): Int32Array {
    const n = parts.infos.length;
    // emissionsParts assigns every cell before adding to it: the shared buffer needs no clearing
    if (emitBuffer.length < n * NL) emitBuffer = new Float64Array(n * NL * 2);
    this.emissionsParts(parts, extra, emitBuffer);
    return viterbi(emitBuffer, n, this.transitions);
  }

  /** Subtracted from every O score: trades precision for recall (tuned on dev at training time). */
  get oPenalty(): number {
    return typeof this.meta.oPenalty === 'number' ? this.meta.oPenalty : 0;
  }

  /** Serializes (quantized) to a gzip buffer. */
  toBuffer(): Buffer {
    const scale = this.scale;
    const order = Array.from(this.keys.keys()).sort((a, b) => this.keys[a] - this.keys[b]);
    const keep: number[] = [];
    for (const k of order) {
      let any = false;
      for (let c = 0; c < NL; c++) if (Math.round(this.weights[k * NL + c] / scale) !== 0) any = true;
      if (any) keep.push(k);
    }
    const keys = new Uint32Array(keep.length);
    const q = new Int16Array(keep.length * NL);
    keep.forEach((k, i) => {
      keys[i] = this.keys[k];
      for (let c = 0; c < NL; c++) q[i * NL + c] = Math.round(this.weights[k * NL + c] / scale);
    });
    const header = Buffer.from(JSON.stringify({ labels: LABELS, scale, features: keep.length, meta: this.meta }), 'utf8');
    const pre = Buffer.alloc(12);
    pre.write('MNER', 0, 'latin1');
    pre.writeUInt32LE(VERSION, 4);
    pre.writeUInt32LE(header.length, 8);
    // keep typed arrays 4-byte aligned after the header
    const pad = Buffer.alloc((4 - ((12 + header.length) % 4)) % 4);
    const trans = new Float32Array(this.transitions);
    return gzipSync(
      Buffer.concat([pre, header, pad, Buffer.from(keys.buffer), Buffer.from(q.buffer), Buffer.from(trans.buffer)]),
      { level: 9 },
    );
  }

  static fromBuffer(gz: Buffer): NerModel {
    const buf = gunzipSync(gz);
    if (buf.toString('latin1', 0, 4) !== 'MNER') throw new Error('not a Marsad NER model (bad magic)');
    const version = buf.readUInt32LE(4);
    if (version !== VERSION) throw new Error(`NER model version ${version} is not supported (expected ${VERSION})`);
    const hlen = buf.readUInt32LE(8);
    const header = JSON.parse(buf.toString('utf8', 12, 12 + hlen)) as { labels: string[]; scale: number; features: number; meta: Record<string, unknown> };
    if (header.labels.join() !== LABELS.join()) throw new Error('NER model labels differ from this code');
    let off = 12 + hlen;
    off += (4 - (off % 4)) % 4;
    const nf = header.features;
    // copy into fresh, aligned arrays
    const ab = buf.buffer.slice(buf.byteOffset + off, buf.byteOffset + buf.length);
    const keys = new Uint32Array(ab, 0, nf).slice();
    const q = new Int16Array(ab, nf * 4, nf * NL);
    const weights = new Float32Array(nf * NL);
    for (let i = 0; i < q.length; i++) weights[i] = q[i] * header.scale;
    const transOff = nf * 4 + nf * NL * 2;
    const trans = new Float32Array(ab.slice(transOff, transOff + (NL + 1) * NL * 4));
    return new NerModel(keys, weights, trans, header.meta);
  }

  save(path: string): void {
    writeFileSync(path, this.toBuffer());
  }

  static load(path: string): NerModel {
    return NerModel.fromBuffer(readFileSync(path));
  }
}

/**
 * The two passes' weights in one table (run time): the stacked pass 2 shares all of pass 1's features, so
 * one probe per feature fetches both models' weights (slot: int32 key, 9 + 9 int16 weights = 40 bytes).
 * This halves the random memory accesses that dominate tagging. Pass 2's own (stacked) features are looked
 * up in its model afterwards (addExtras), once pass 1 has decoded the whole text.
 */
const PSLOT32 = 10;
const PSLOT16 = 20;

export class PairedTable {
  /** index of this table's weight sums in WordInfo.sums (the same counter as NerModel's: small, dense indices) */
  private readonly id = nextModelId++;
  private readonly table32: Int32Array;
  private readonly table16: Int16Array;
  private readonly mask: number;
  private readonly zeroSlot: number;
  private readonly filter: Int32Array;
  private readonly filterShift: number;
  private constantSums: { zeroGaz: Float32Array; zeroNames: Float32Array; pos: Float32Array[] } | undefined;
  /** scratch: the block sums of the current sentence's words */
  private sentenceSums: Float32Array[] = [];

  constructor(
    readonly a: NerModel,
    readonly b: NerModel,
  ) {
    // the union of both models' features: a's, then b's that a lacks
    let count = a.keys.length;
    for (let k = 0; k < b.keys.length; k++) if (a.slotOf(b.keys[k] | 0) < 0) count++;
    let size = 1;
    while (size < count * 1.25) size <<= 1;
    this.mask = size - 1;
    const buf = new ArrayBuffer((size + 1) * PSLOT32 * 4);
    this.table32 = new Int32Array(buf);
    this.table16 = new Int16Array(buf);
    let fbits = 10;
    while (1 << fbits < count * 16 && fbits < 26) fbits++;
    this.filter = new Int32Array((1 << fbits) >>> 5);
    this.filterShift = 32 - fbits;
    let zeroSlot = -1;
    for (const model of [a, b]) {
      for (let k = 0; k < model.keys.length; k++) {
        const key = model.keys[k] | 0;
        if (model === b && a.slotOf(key) >= 0) continue; // already in, with a
        let s: number;
        if (key === 0) s = zeroSlot = size;
        else {
          s = scramble(key >>> 0) & this.mask;
          while (this.table32[s * PSLOT32] !== 0) s = (s + 1) & this.mask;
          this.table32[s * PSLOT32] = key;
        }
        const atA = a.slotOf(key);
        const atB = b.slotOf(key);
        for (let c = 0; c < NL; c++) {
          this.table16[s * PSLOT16 + 2 + c] = atA < 0 ? 0 : a.table16[atA + c];
          this.table16[s * PSLOT16 + 2 + NL + c] = atB < 0 ? 0 : b.table16[atB + c];
        }
        const f = Math.imul(key, 0x9e3779b1) >>> this.filterShift;
        this.filter[f >>> 5] |= 1 << (f & 31);
      }
    }
    this.zeroSlot = zeroSlot;
  }

  private slotOf(key: number): number {
    const f = Math.imul(key, 0x9e3779b1) >>> this.filterShift;
    if ((this.filter[f >>> 5] & (1 << (f & 31))) === 0) return -1;
    if (key === 0) return this.zeroSlot < 0 ? -1 : this.zeroSlot * PSLOT16 + 2;
    const t = this.table32;
    let s = scramble(key >>> 0) & this.mask;
    for (;;) {
      const k = t[s * PSLOT32];
      if (k === key) return s * PSLOT16 + 2;
      if (k === 0) return -1;
      s = (s + 1) & this.mask;
    }
  }

  /** Both models' summed quantized weights of a word's five blocks: model a at [b*NL], model b at [(5+b)*NL]. */
  private sumsOf(info: WordInfo): Float32Array {
    let s = info.sums[this.id];
    if (s) return s;
    s = new Float32Array(10 * NL);
    const { blocks, ends } = info;
    const w = this.table16;
    let j = 0;
    for (let b = 0; b < 5; b++) {
      for (const end = ends[b]; j < end; j++) {
        const at = this.slotOf(blocks[j]);
        if (at < 0) continue;
        for (let c = 0; c < NL; c++) {
          s[b * NL + c] += w[at + c];
          s[(5 + b) * NL + c] += w[at + NL + c];
        }
      }
    }
    info.sums[this.id] = s;
    return s;
  }

  private constSum(hashes: Int32Array): Float32Array {
    const s = new Float32Array(2 * NL);
    for (const h of hashes) {
      const at = this.slotOf(h);
      if (at >= 0) for (let c = 0; c < 2 * NL; c++) s[c] += this.table16[at + c];
    }
    return s;
  }

  /** Summed weights of the constant feature groups (no gazetteer match, no remembered name, position 0..3): built once. */
  private get constants(): { zeroGaz: Float32Array; zeroNames: Float32Array; pos: Float32Array[] } {
    return (this.constantSums ??= {
      zeroGaz: this.constSum(ZERO_GAZ),
      zeroNames: this.constSum(ZERO_NAMES),
      pos: [0, 1, 2, 3].map((k) => this.constSum(POS_FEATURES.subarray(k, k + 1))),
    });
  }

  /**
   * Emission scores of both models from a sentence's parts (model b without its stacked features), the same
   * numbers as a.emissionsParts(parts, null) and b.emissionsParts(parts, null). Overwrites outA and outB.
   */
  emissions(parts: SentenceParts, outA: Float64Array, outB: Float64Array): void {
    const { infos, context, gazZero, namesZero } = parts;
    const n = infos.length;
    const w = this.table16;
    const scaleA = this.a.scale;
    const scaleB = this.b.scale;
    const penA = this.a.oPenalty;
    const penB = this.b.oPenalty;
    const { zeroGaz, zeroNames, pos: posSums } = this.constants;
    // each word's block sums fetched once: a token reads its own and its four neighbours'
    const sums = this.sentenceSums;
    for (let i = 0; i < n; i++) sums[i] = this.sumsOf(infos[i]);
    const edge = this.sumsOf(EDGE);
    for (let i = 0; i < n; i++) {
      const o = i * NL;
      const self = sums[i];
      const m1 = i > 0 ? sums[i - 1] : edge;
      const p1 = i + 1 < n ? sums[i + 1] : edge;
      const m2 = i > 1 ? sums[i - 2] : edge;
      const p2 = i + 2 < n ? sums[i + 2] : edge;
      const pos = posSums[i === 0 ? 0 : i === 1 ? 1 : i === n - 1 ? 3 : 2];
      const gz = gazZero[i] === 1;
      const nz = namesZero[i] === 1;
      for (let c = 0; c < NL; c++) {
        let a = self[c] + m1[NL + c] + p1[2 * NL + c] + m2[3 * NL + c] + p2[4 * NL + c] + pos[c];
        let b = self[5 * NL + c] + m1[6 * NL + c] + p1[7 * NL + c] + m2[8 * NL + c] + p2[9 * NL + c] + pos[NL + c];
        if (gz) {
          a += zeroGaz[c];
          b += zeroGaz[NL + c];
        }
        if (nz) {
          a += zeroNames[c];
          b += zeroNames[NL + c];
        }
        outA[o + c] = a;
        outB[o + c] = b;
      }
      const from = i * N_CONTEXT + (gz ? 6 : 0);
      const to = nz ? i * N_CONTEXT + 11 : (i + 1) * N_CONTEXT - 1;
      for (let k = from; k < to; k++) {
        const at = this.slotOf(context[k]);
        if (at < 0) continue;
        for (let c = 0; c < NL; c++) {
          outA[o + c] += w[at + c];
          outB[o + c] += w[at + NL + c];
        }
      }
      for (let c = 0; c < NL; c++) {
        outA[o + c] *= scaleA;
        outB[o + c] *= scaleB;
      }
      outA[o] -= penA;
      outB[o] -= penB;
    }
    sums.fill(edge, 0, n); // drop the references: a long sentence must not keep evicted words alive
  }
}

function scramble(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x45d9f3b);
  return (x ^ (x >>> 16)) >>> 0;
}
