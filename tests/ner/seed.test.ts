import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/pipeline/analyze.js';
import { fold } from '../../src/ner/fold.js';
import { PACKAGE_ROOT } from '../../src/resources.js';

const SEED = join(PACKAGE_ROOT, '..', 'shared', 'seed', 'elaph-kadhimi-kuwait.txt');
const expected = readFileSync(join(__dirname, 'seed-entities.tsv'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('#') && !l.startsWith('text\t'))
  .map((l) => l.split('\t') as [string, string]);

describe.skipIf(!existsSync(SEED))('seed article entities', () => {
  const text = existsSync(SEED) ? readFileSync(SEED, 'utf8') : '';
  const doc = analyze(text, { published: '2021-08-14' });
  const found = new Map<string, Set<string>>();
  for (const e of doc.entities) {
    const k = fold(e.text);
    if (!found.has(k)) found.set(k, new Set());
    found.get(k)!.add(e.type);
  }

  for (const [name, type] of expected) {
    it(`finds ${name} as ${type}`, () => {
      expect([...(found.get(fold(name)) ?? [])]).toContain(type);
    });
  }

  it('gives offsets into the original text', () => {
    for (const e of doc.entities) expect(text.slice(e.start, e.end)).toBe(e.text);
  });
});
