/**
 * Tag memory: how often each word (and its clitic-free stem) was annotated with each BIO label in the
 * training corpus. A linear tagger cannot otherwise tell that "بيريز" was a person in twelve other
 * articles. Training uses it "jackknifed": the memory features of a training sentence come from the OTHER
 * folds only (scripts/train-ner.ts), so the model learns how far to trust memory of unseen-in-context words;
 * at run time the memory of the whole training part is used (models/ner-memory.bin.gz).
 *
 * Keys are 32-bit hashes (table id mixed with the word's hash), so the artifact holds no word list.
 * On disk: gzip of "MMEM" u32 version | u32 entries | entries × (u32 key, u16 counts[NL]).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { modelPath } from '../resources.js';
import { hashString, mix } from './hash.js';

export const MEMORY_FILE = 'ner-memory.bin.gz';
/** number of BIO labels (must equal model.ts NL; kept here to avoid an import cycle) */
const NLAB = 9;
const VERSION = 1;

/** Which table a key belongs to. */
export const enum MemTable {
  Word = 1,
  Bare = 2,
  /** a whole entity string (token sequence): counts at its B- label */
  Name = 3,
  /** a proper prefix of an entity string (count 1 at O, only as a marker) */
  NamePrefix = 4,
}

/** Hash of a token sequence, extended one token at a time. */
export function extendSeq(h: number, token: string): number {
  return mix(h, hashString(token));
}
export const SEQ_START = 0x5e9;

export class TagMemory {
  readonly counts = new Map<number, Uint16Array>();

  static key(table: MemTable, s: string): number {
    return mix(0x6d656d00 + table, hashString(s)) >>> 0;
  }

  add(table: MemTable, s: string, label: number): void {
    if (!s) return;
    const k = TagMemory.key(table, s);
    let c = this.counts.get(k);
    if (!c) this.counts.set(k, (c = new Uint16Array(NLAB)));
    if (c[label] < 65535) c[label]++;
  }

  /** Records an entity string (folded tokens) of type index t (0..3: PER, LOC, ORG, MISC). */
  addName(tokens: readonly string[], t: number): void {
    let h = SEQ_START;
    for (let k = 0; k < tokens.length; k++) {
      h = extendSeq(h, tokens[k]);
      const table = k === tokens.length - 1 ? MemTable.Name : MemTable.NamePrefix;
      const key = mix(0x6d656d00 + table, h) >>> 0;
      let c = this.counts.get(key);
      if (!c) this.counts.set(key, (c = new Uint16Array(NLAB)));
      const label = table === MemTable.Name ? 1 + 2 * t : 0;
      if (c[label] < 65535) c[label]++;
    }
  }

  /** Whether some remembered entity string starts with this (folded) token. */
  startsName(token: string): boolean {
    const h = extendSeq(SEQ_START, token);
    return this.getSeq(MemTable.Name, h) !== undefined || this.getSeq(MemTable.NamePrefix, h) !== undefined;
  }

  /** Counts of a sequence hash (from extendSeq) in a table. */
  getSeq(table: MemTable, h: number): Uint16Array | undefined {
    return this.counts.get(mix(0x6d656d00 + table, h) >>> 0);
  }

  /**
   * Longest entity strings of the memory starting at each token (the first token may also match by its
   * clitic-free base). Per token a bitmask as gazetteerTags: bit 2t = B of type t, bit 2t+1 = I of type t.
   */
  nameTags(folded: readonly string[], bases: readonly string[], starts?: Uint8Array): Uint8Array {
    const out = new Uint8Array(folded.length);
    for (let i = 0; i < folded.length; i++) {
      if (starts && !starts[i]) continue;
      for (let alt = 0; alt < 2; alt++) {
        const first = alt === 0 ? folded[i] : bases[i];
        if (alt === 1 && first === folded[i]) break;
        let h = SEQ_START;
        let end = 0;
        let types = 0;
        for (let j = i; j < folded.length; j++) {
          h = extendSeq(h, j === i ? first : folded[j]);
          const full = this.getSeq(MemTable.Name, h);
          if (full) {
            end = j + 1;
            types = 0;
            for (let t = 0; t < 4; t++) if (full[1 + 2 * t]) types |= 1 << t;
          }
          if (!this.getSeq(MemTable.NamePrefix, h)) break;
        }
        if (!end) continue;
        for (let t = 0; t < 4; t++) {
          if (!(types & (1 << t))) continue;
          out[i] |= 1 << (2 * t);
          for (let k = i + 1; k < end; k++) out[k] |= 1 << (2 * t + 1);
        }
      }
    }
    return out;
  }

  get(table: MemTable, s: string): Uint16Array | undefined {
    return s ? this.counts.get(TagMemory.key(table, s)) : undefined;
  }

  toBuffer(): Buffer {
    const keys = [...this.counts.keys()].sort((a, b) => a - b);
    const buf = Buffer.alloc(12 + keys.length * (4 + 2 * NLAB));
    buf.write('MMEM', 0, 'latin1');
    buf.writeUInt32LE(VERSION, 4);
    buf.writeUInt32LE(keys.length, 8);
    let o = 12;
    for (const k of keys) {
      buf.writeUInt32LE(k, o);
      o += 4;
      const c = this.counts.get(k)!;
      for (let l = 0; l < NLAB; l++, o += 2) buf.writeUInt16LE(c[l], o);
    }
    return gzipSync(buf, { level: 9 });
  }

  static fromBuffer(gz: Buffer): TagMemory {
    const buf = gunzipSync(gz);
    if (buf.toString('latin1', 0, 4) !== 'MMEM') throw new Error('not a Marsad NER memory (bad magic)');
    if (buf.readUInt32LE(4) !== VERSION) throw new Error('NER memory version not supported');
    const n = buf.readUInt32LE(8);
    const m = new TagMemory();
    let o = 12;
    for (let i = 0; i < n; i++) {
      const k = buf.readUInt32LE(o);
      o += 4;
      const c = new Uint16Array(NLAB);
      for (let l = 0; l < NLAB; l++, o += 2) c[l] = buf.readUInt16LE(o);
      m.counts.set(k, c);
    }
    return m;
  }

  save(path: string): void {
    writeFileSync(path, this.toBuffer());
  }

  static load(path: string): TagMemory {
    return TagMemory.fromBuffer(readFileSync(path));
  }
}

let active: TagMemory | null | undefined;

/** The memory features are computed against (the committed one unless set; empty if none is committed). */
export function activeMemory(): TagMemory | null {
  if (active === undefined) {
    const path = modelPath(MEMORY_FILE);
    active = existsSync(path) ? TagMemory.load(path) : null;
  }
  return active;
}

/** Uses the given memory (training, tests); undefined = back to the committed one. Clear word caches after. */
export function setActiveMemory(m: TagMemory | null | undefined): void {
  active = m;
}

function countBucket(n: number): number {
  return n <= 1 ? 0 : n <= 3 ? 1 : n <= 9 ? 2 : 3;
}

/**
 * Summary codes of a count vector: [majority label × purity × frequency, per-type presence codes…].
 * Returns -1 as the first code for a word never seen. Types: PER, LOC, ORG, MISC at labels 1+2t, 2+2t.
 */
export function memoryCodes(c: Uint16Array | undefined): number[] {
  if (!c) return [-1];
  let n = 0;
  let best = 0;
  for (let l = 0; l < NLAB; l++) {
    n += c[l];
    if (c[l] > c[best]) best = l;
  }
  if (n === 0) return [-1];
  const purity = c[best] === n ? 3 : c[best] * 4 >= n * 3 ? 2 : c[best] * 2 >= n ? 1 : 0;
  const out = [best * 16 + purity * 4 + countBucket(n)];
  for (let t = 0; t < 4; t++) {
    const e = c[1 + 2 * t] + c[2 + 2 * t];
    if (!e) continue;
    const frac = e === n ? 3 : e * 2 >= n ? 2 : e * 5 >= n ? 1 : 0;
    out.push(1000 + t * 16 + frac * 4 + (c[1 + 2 * t] >= c[2 + 2 * t] ? 0 : 1));
  }
  return out;
}
