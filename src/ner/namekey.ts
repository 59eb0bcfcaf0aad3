/**
 * 53-bit keys for gazetteer words. The name lists learnt from ../shared (ANERGazet) ship as keys only
 * (models/ner-gazetteer.json.gz), never as the names themselves; our own lists are keyed the same way at
 * load time so both live in one trie. Two independent 32-bit FNV-1a variants give 53 bits: with ~10^4 names a
 * false match is ~10^-12 per lookup.
 */

export function nameKey(word: string): number {
  // computed, not memoized: two multiply-xor lanes over a short word cost less than a Map lookup of a fresh string
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    a = Math.imul(a ^ c, 16777619);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff);
}

/** A set of words tested by key (`has(word)`), built from words or from shipped keys. */
export class KeySet {
  private readonly keys = new Set<number>();
  add(word: string): void {
    this.keys.add(nameKey(word));
  }
  addKey(key: number): void {
    this.keys.add(key);
  }
  has(word: string): boolean {
    return this.keys.has(nameKey(word));
  }
  get size(): number {
    return this.keys.size;
  }
}
