/**
 * 32-bit feature hashing. Features are never built as strings: a template id is mixed with the hash of a
 * word (or a slice of it), so extracting ~50 features per token costs no allocation.
 */

const FNV_OFFSET = 0x811c9dc5;

/** FNV-1a over s[start, end). */
export function hashRange(s: string, start = 0, end = s.length): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h | 0;
}

export function hashString(s: string): number {
  return hashRange(s, 0, s.length);
}

/** Combines a running hash with one more 32-bit value (murmur3-style finalizer). Changing it invalidates trained models. */
export const FEATURE_HASH_VERSION = 2;
export function mix(h: number, x: number): number {
  // multiply before combining: with a plain h ^ x, a template id and a small value cancel out across
  // templates (mix(25, 5) === mix(26, 6)), so unrelated features shared one weight row
  h = Math.imul(h, 0x9e3779b1) ^ x;
  h = Math.imul(h, 0x5bd1e995);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}
