/**
 * Near-duplicate detection: MinHash signatures over word 2-shingles of light stems (so re-inflected or
 * re-spelled wire copies still agree), with LSH banding to find candidates. Two articles are near-duplicates
 * when their estimated Jaccard similarity is at least NEAR_JACCARD.
 *
 * 60 hashes in 20 bands of 3 rows: a pair at J = 0.6 becomes a candidate with probability 0.99, a pair at
 * J = 0.1 with 0.02 — few candidates to verify even over tens of thousands of articles.
 */

export const HASHES = 60;
const ROWS = 3;
const BANDS = HASHES / ROWS;
export const NEAR_JACCARD = 0.6;
/** fewer shingles than this: no signature (too short to judge) */
export const MIN_SHINGLES = 20;

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** murmur3 finalizer: a cheap, well-mixed 32-bit permutation */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const SEEDS = Uint32Array.from({ length: HASHES }, (_, i) => mix(0x9e3779b9 + Math.imul(i + 1, 0x85ebca77)));

/** MinHash signature of a sequence of terms (stems), or null when too short. */
export function minhash(terms: string[]): Uint32Array | null {
  if (terms.length < MIN_SHINGLES + 1) return null;
  const seen = new Set<number>();
  for (let i = 0; i + 1 < terms.length; i++) seen.add(fnv1a(terms[i] + ' ' + terms[i + 1]));
  if (seen.size < MIN_SHINGLES) return null;
  const sig = new Uint32Array(HASHES).fill(0xffffffff);
  for (const h of seen) {
    // double hashing (h1 + k·h2, then one xor-shift) gives the 60 hash functions for two mixes per shingle
    const h1 = mix(h);
    const h2 = mix(h ^ 0x9e3779b9) | 1;
    let v = h1;
    for (let k = 0; k < HASHES; k++) {
      v = (v + h2) >>> 0;
      const x = (v ^ (v >>> 15) ^ SEEDS[k]) >>> 0;
      if (x < sig[k]) sig[k] = x;
    }
  }
  return sig;
}

export function jaccardEstimate(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let k = 0; k < HASHES; k++) if (a[k] === b[k]) same++;
  return same / HASHES;
}

function bandKeys(sig: Uint32Array): number[] {
  const out: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = b + 1;
    for (let r = 0; r < ROWS; r++) h = mix(h ^ sig[b * ROWS + r]) + r;
    out.push(h >>> 0);
  }
  return out;
}

export function sigToBlob(sig: Uint32Array): Buffer {
  return Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength);
}

export function blobToSig(b: Buffer): Uint32Array | null {
  if (!b || b.length !== HASHES * 4) return null;
  const out = new Uint32Array(HASHES);
  for (let i = 0; i < HASHES; i++) out[i] = b.readUInt32LE(i * 4);
  return out;
}

/**
 * In-memory LSH index of signatures by article rowid. It grows with the corpus (20 band keys per article), so
 * it is kept compact: almost every band key has one article, stored as a bare number (an array only once a
 * second one shares the key), and the signatures live in one flat typed array indexed by rowid.
 */
export class MinhashIndex {
  private readonly buckets = new Map<number, number | number[]>();
  /** HASHES values per rowid; all 0xffffffff… never occurs for a real signature, 0-filled = absent */
  private flat = new Uint32Array(HASHES * 1024);
  private readonly present = new Set<number>();
  maxRowid = 0;

  add(rowid: number, sig: Uint32Array): void {
    if ((rowid + 1) * HASHES > this.flat.length) {
      const grown = new Uint32Array(Math.max((rowid + 1) * HASHES, this.flat.length * 2));
      grown.set(this.flat);
      this.flat = grown;
    }
    this.flat.set(sig, rowid * HASHES);
    this.present.add(rowid);
    for (const k of bandKeys(sig)) {
      const cur = this.buckets.get(k);
      if (cur === undefined) this.buckets.set(k, rowid);
      else if (typeof cur === 'number') this.buckets.set(k, [cur, rowid]);
      else cur.push(rowid);
    }
    if (rowid > this.maxRowid) this.maxRowid = rowid;
  }

  private similarity(sig: Uint32Array, rowid: number): number {
    const base = rowid * HASHES;
    let same = 0;
    for (let k = 0; k < HASHES; k++) if (sig[k] === this.flat[base + k]) same++;
    return same / HASHES;
  }

  /** The most similar stored article with estimated Jaccard ≥ threshold, or null. */
  nearest(sig: Uint32Array, threshold = NEAR_JACCARD): { rowid: number; similarity: number } | null {
    let best: { rowid: number; similarity: number } | null = null;
    const seen = new Set<number>();
    const consider = (r: number) => {
      if (seen.has(r)) return;
      seen.add(r);
      const j = this.similarity(sig, r);
      if (j >= threshold && (!best || j > best.similarity || (j === best.similarity && r < best.rowid))) best = { rowid: r, similarity: j };
    };
    for (const k of bandKeys(sig)) {
      const cur = this.buckets.get(k);
      if (cur === undefined) continue;
      if (typeof cur === 'number') consider(cur);
      else for (const r of cur) consider(r);
    }
    return best;
  }

  get size(): number {
    return this.present.size;
  }
}
