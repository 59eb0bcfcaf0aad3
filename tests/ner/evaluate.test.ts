import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chunks, evaluate } from '../../src/ner/evaluate.js';

interface Case {
  name: string;
  gold: string[];
  pred: string[];
  overall: [number, number, number];
  byType: Record<string, [number, number, number]>;
}

const { cases } = JSON.parse(readFileSync(join(__dirname, 'eval-cases.json'), 'utf8')) as { cases: Case[] };
const split = (xs: string[]) => xs.map((s) => s.trim().split(/\s+/));

function expectScores(s: { gold: number; predicted: number; correct: number; precision: number; recall: number; f1: number }, [g, p, c]: number[]) {
  expect([s.gold, s.predicted, s.correct]).toEqual([g, p, c]);
  const P = p ? c / p : 0;
  const R = g ? c / g : 0;
  expect(s.precision).toBeCloseTo(P, 10);
  expect(s.recall).toBeCloseTo(R, 10);
  expect(s.f1).toBeCloseTo(P + R ? (2 * P * R) / (P + R) : 0, 10);
}

describe('entity-level evaluation (conlleval rules)', () => {
  for (const c of cases) {
    it(c.name, () => {
      const e = evaluate(split(c.gold), split(c.pred));
      expectScores(e, c.overall);
      expect(Object.keys(e.byType).sort()).toEqual(Object.keys(c.byType).sort());
      for (const [t, counts] of Object.entries(c.byType)) expectScores(e.byType[t], counts);
    });
  }

  it('computes the figures of a worked example', () => {
    // gold: 3 entities; predicted: 4, of which 2 exact → P = 0.5, R = 2/3, F1 = 4/7
    const e = evaluate([['B-PER', 'I-PER', 'O', 'B-LOC', 'O', 'B-ORG']], [['B-PER', 'I-PER', 'B-MISC', 'B-LOC', 'B-ORG', 'I-ORG']]);
    expect(e.precision).toBeCloseTo(0.5, 10);
    expect(e.recall).toBeCloseTo(2 / 3, 10);
    expect(e.f1).toBeCloseTo(4 / 7, 10);
  });

  it('reads chunks with token ranges', () => {
    expect(chunks(['B-PERS', 'I-PERS', 'O', 'I-LOC', 'B-LOC'])).toEqual([
      { type: 'PER', start: 0, end: 2 },
      { type: 'LOC', start: 3, end: 4 },
      { type: 'LOC', start: 4, end: 5 },
    ]);
  });

  it('refuses sequences of different lengths', () => {
    expect(() => evaluate([['O', 'O']], [['O']])).toThrow(/sentence 1/);
  });
});
