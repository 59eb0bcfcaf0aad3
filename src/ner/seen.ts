/**
 * Digests of the sentences a model was trained on (32-bit hashes of their words, not the words), kept in the
 * model so that `marsad eval ner` can say when a file overlaps the training data: scores on seen sentences
 * overstate how the model does on unseen text.
 */
import { hashString } from './hash.js';

/** The digest of one sentence: its words, in order. */
export function sentenceDigest(words: readonly string[]): number {
  return hashString(words.join('\u0001')) >>> 0;
}

/** The digests of many sentences, sorted and unique, as base64 (for a model's metadata). */
export function encodeDigests(sentences: readonly (readonly string[])[]): string {
  const d = Uint32Array.from(new Set(sentences.map(sentenceDigest))).sort();
  return Buffer.from(d.buffer, d.byteOffset, d.byteLength).toString('base64');
}

/** The set encoded by encodeDigests; an empty set for anything else. */
export function decodeDigests(encoded: unknown): Set<number> {
  if (typeof encoded !== 'string' || !encoded) return new Set();
  const b = Buffer.from(encoded, 'base64');
  const aligned = new Uint8Array(b.length - (b.length % 4));
  aligned.set(b.subarray(0, aligned.length));
  return new Set(new Uint32Array(aligned.buffer));
}
