import { describe, expect, it } from 'vitest';
import { exchangeClasses } from '../../scripts/exchange.js';
import { mulberry32 } from '../../src/random.js';

// The exchange algorithm (scripts/exchange.ts) behind the coarse word classes of resources/ner/clusters.tsv.
describe('exchange word classes', () => {
  // «determiner noun verb» over and over, ten to a line: words of one slot share their neighbours, so they should
  // share a class
  const slots = [[0, 1], [2, 3, 4], [5, 6]];
  const rand = mulberry32(7);
  const tokens: number[] = [];
  for (let line = 0; line < 400; line++) {
    for (const slot of slots) tokens.push(slot[Math.floor(rand() * slot.length)]);
    if (line % 10 === 9) tokens.push(-1);
  }
  const seq = Int32Array.from(tokens);
  const rank = Int32Array.from({ length: 7 }, (_, i) => i);

  it('puts the words of each slot together and the slots apart', () => {
    const cls = exchangeClasses(seq, seq.length, rank, 7, 3, 10);
    for (const slot of slots) expect(new Set(slot.map((w) => cls[w])).size).toBe(1);
    expect(new Set(slots.map((slot) => cls[slot[0]])).size).toBe(3);
  });

  it('is deterministic and gives words past the vocabulary no class of their own', () => {
    const a = exchangeClasses(seq, seq.length, rank, 5, 3, 10);
    const b = exchangeClasses(seq, seq.length, rank, 5, 3, 10);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(a.length).toBe(5);
    expect(Math.max(...a)).toBeLessThan(3);
  });
});
