import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { readTsvRows } from '../support/tsv.js';
import { extractAmounts, parseArabicNumber } from '../../src/amount/index.js';

const here = dirname(fileURLToPath(import.meta.url));

interface Row {
  text: string;
  span: string;
  kind: string;
  value: number;
  currency: string | null;
  unit: string | null;
  line: number;
}

function readSpec(file: string): Row[] {
  return readTsvRows(join(here, file)).map(({ cells, line }) => {
    const [text, span, kind = '', value = '', currency = '', unit = ''] = cells;
    return { text, span, kind, value: Number(value), currency: currency || null, unit: unit || null, line };
  });
}

describe('amount spec', () => {
  const rows = readSpec('amounts.tsv');
  test('has cases', () => expect(rows.length).toBeGreaterThan(100));
  test.each(rows.map((r) => [`${r.line}: ${r.span} ← ${r.text}`, r] as const))('%s', (_name, row) => {
    const amounts = extractAmounts(row.text);
    if (row.span === '∅') {
      expect(amounts.map((a) => a.text)).toEqual([]);
      return;
    }
    const hit = amounts.find((a) => a.text === row.span);
    expect(hit, `found: ${JSON.stringify(amounts.map((a) => [a.text, a.kind, a.value]))}`).toBeDefined();
    expect(hit!.text).toBe(row.text.slice(hit!.start, hit!.end));
    expect(hit!.kind).toBe(row.kind);
    expect(hit!.value).toBe(row.value);
    expect(hit!.currency).toBe(row.currency);
    expect(hit!.unit).toBe(row.unit);
    if (row.kind === 'money' && row.currency === null) expect(hit!.note).toBeTruthy();
  });
});

describe('parseArabicNumber', () => {
  const cases: Array<[string, number | null]> = [
    ['ثلاثة', 3], ['ثلاثون', 30], ['ثلاثين', 30], ['ثلاثة وعشرون', 23], ['تسعة وتسعون', 99], ['مئة', 100],
    ['مائة', 100], ['مئتان', 200], ['ثلاثمائة', 300], ['ثلاث مئة', 300], ['ألف', 1000], ['ألفان', 2000],
    ['خمسة آلاف', 5000], ['مليون', 1e6], ['مليونان', 2e6], ['ثلاثة ملايين', 3e6], ['مليار', 1e9], ['مليارات', null],
    ['30 مليار', 3e10], ['2.5 مليون', 2.5e6], ['٢٫٥ مليون', 2.5e6], ['نصف مليار', 5e8], ['ربع مليون', 2.5e5],
    ['تريليون', 1e12], ['ترليون', 1e12], ['1,234,567', 1234567], ['١٢٬٥٠٠', 12500], ['الحادي والعشرين', 21],
    ['الثالث', 3], ['الثالث عشر', 13], ['ثلاثة ملايين وأربعمائة ألف', 3.4e6], ['خمسة عشر', 15], ['دولار', null],
  ];
  test.each(cases)('%s → %s', (text, value) => expect(parseArabicNumber(text)).toBe(value));
});
