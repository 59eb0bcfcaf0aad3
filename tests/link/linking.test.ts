import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blockingKeys, canonicalKey, mergeDecision, type EntityProfile } from '../../src/link/index.js';
import type { EntityType } from '../../src/doc.js';

interface Case {
  id: string;
  type: EntityType;
  a: string;
  b: string;
  expect: string;
  ctxA: string;
  ctxB: string;
}

const cases: Case[] = readFileSync(join(__dirname, 'linking.tsv'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('#'))
  .slice(1)
  .map((l) => {
    const [id, type, a, b, expect, ctxA, ctxB] = l.split('\t');
    return { id, type: type as EntityType, a, b, expect, ctxA: ctxA ?? '-', ctxB: ctxB ?? '-' };
  });

function profile(name: string, type: EntityType, ctx: string): EntityProfile {
  const p: EntityProfile = { name, type, titles: [], countries: [], coMentions: [] };
  if (ctx === '-' || !ctx) return p;
  for (const part of ctx.split(';')) {
    const [k, v] = part.split('=');
    if (k === 'title') p.titles!.push(v);
    else if (k === 'country') p.countries!.push(v);
    else if (k === 'with') p.coMentions!.push(...v.split(','));
    else throw new Error(`unknown context field ${k}`);
  }
  return p;
}

describe('cross-article linking cases', () => {
  it('has at least 100 cases, both merge and keep', () => {
    expect(cases.length).toBeGreaterThanOrEqual(100);
    expect(cases.filter((c) => c.expect === 'keep').length).toBeGreaterThanOrEqual(30);
  });
  for (const c of cases) {
    it(`${c.id}: ${c.a} / ${c.b} → ${c.expect}`, () => {
      const d = mergeDecision(profile(c.a, c.type, c.ctxA), profile(c.b, c.type, c.ctxB));
      expect({ merge: d.merge ? 'merge' : 'keep', reason: d.reason }).toMatchObject({ merge: c.expect });
      // symmetric: the order of the two entities never changes the decision
      expect(mergeDecision(profile(c.b, c.type, c.ctxB), profile(c.a, c.type, c.ctxA)).merge).toBe(d.merge);
    });
  }
  it('variants without context share one key', () => {
    for (const c of cases.filter((x) => x.id.startsWith('s') && x.expect === 'merge')) {
      expect(canonicalKey(c.a, c.type), c.id).toBe(canonicalKey(c.b, c.type));
    }
  });
});

describe('blocking keys', () => {
  it('lets every merge case meet under a shared key', () => {
    for (const c of cases.filter((x) => x.expect === 'merge')) {
      const a = new Set(blockingKeys(c.a, c.type));
      expect(blockingKeys(c.b, c.type).some((k) => a.has(k)), c.id).toBe(true);
    }
  });
});
