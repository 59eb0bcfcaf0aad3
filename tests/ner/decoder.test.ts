import { describe, expect, it } from 'vitest';
import { ALLOWED, LABELS, NL, viterbi } from '../../src/ner/model.js';

const L = (t: string) => (LABELS as readonly string[]).indexOf(t);

/** Emission matrix from per-token {label: score} maps (unlisted labels score 0). */
function emissions(rows: Array<Record<string, number>>): Float64Array {
  const e = new Float64Array(rows.length * NL);
  rows.forEach((r, i) => {
    for (const [t, s] of Object.entries(r)) e[i * NL + L(t)] = s;
  });
  return e;
}

const noTransitions = new Float64Array((NL + 1) * NL);
const tags = (p: Int32Array) => Array.from(p, (l) => LABELS[l]);

describe('Viterbi decoding', () => {
  it('follows the emissions when transitions are neutral', () => {
    const e = emissions([{ 'B-PER': 2 }, { 'I-PER': 3 }, { O: 1 }, { 'B-LOC': 5 }]);
    expect(tags(viterbi(e, 4, noTransitions))).toEqual(['B-PER', 'I-PER', 'O', 'B-LOC']);
  });

  it('never starts a sentence with I-', () => {
    const e = emissions([{ 'I-ORG': 10, O: 1 }]);
    expect(tags(viterbi(e, 1, noTransitions))).toEqual(['O']);
  });

  it('never puts I-X after O or after another type', () => {
    const e = emissions([{ 'B-PER': 5 }, { 'I-LOC': 4, 'I-PER': 1 }]);
    expect(tags(viterbi(e, 2, noTransitions))).toEqual(['B-PER', 'I-PER']);
    expect(ALLOWED[L('O') * NL + L('I-LOC')]).toBe(0);
    expect(ALLOWED[L('B-LOC') * NL + L('I-LOC')]).toBe(1);
  });

  it('lets transitions overrule a weak emission', () => {
    const e = emissions([{ 'B-ORG': 3 }, { O: 1, 'I-ORG': 0.5 }]);
    const trans = new Float64Array((NL + 1) * NL);
    trans[L('B-ORG') * NL + L('I-ORG')] = 2; // B-ORG → I-ORG is likely
    expect(tags(viterbi(e, 2, trans))).toEqual(['B-ORG', 'I-ORG']);
    expect(tags(viterbi(e, 2, noTransitions))).toEqual(['B-ORG', 'O']);
  });

  it('finds the global best path, not the greedy one', () => {
    // greedy picks B-LOC at token 0 (2 > 1.5), but B-PER I-PER scores 1.5 + 3 = 4.5 > 2 + 0
    const e = emissions([{ 'B-LOC': 2, 'B-PER': 1.5 }, { 'I-PER': 3 }]);
    expect(tags(viterbi(e, 2, noTransitions))).toEqual(['B-PER', 'I-PER']);
  });

  it('handles an empty sentence', () => {
    expect(viterbi(new Float64Array(0), 0, noTransitions)).toHaveLength(0);
  });
});
