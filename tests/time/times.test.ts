import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { readTsvRows } from '../support/tsv.js';
import { extractTimes } from '../../src/time/index.js';

const here = dirname(fileURLToPath(import.meta.url));

interface Row {
  text: string;
  published: string | null;
  span: string;
  kind: string;
  value: string;
  line: number;
}

function readSpec(file: string): Row[] {
  return readTsvRows(join(here, file)).map(({ cells, line }) => {
    const [text, published, span, kind = '', value = ''] = cells;
    return { text, published: published === '-' ? null : published, span, kind, value, line };
  });
}

for (const file of ['times.tsv', 'families.tsv']) {
  describe(`time spec ${file}`, () => {
    const rows = readSpec(file);
    test('has cases', () => expect(rows.length).toBeGreaterThan(100));
    test.each(rows.map((r) => [`${r.line}: ${r.span} ← ${r.text}`, r] as const))('%s', (_name, row) => {
      const times = extractTimes(row.text, row.published);
      if (row.span === '∅') {
        expect(times.map((t) => t.text)).toEqual([]);
        return;
      }
      const hit = times.find((t) => t.text === row.span);
      expect(hit, `found: ${JSON.stringify(times.map((t) => [t.text, t.value]))}`).toBeDefined();
      expect(hit!.text).toBe(row.text.slice(hit!.start, hit!.end));
      expect(hit!.kind).toBe(row.kind);
      expect(hit!.value).toBe(row.value);
      if (hit!.kind === 'date') expect(hit!.resolved).toBe(!hit!.value.includes('X'));
    });
  });
}
