import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyze } from '../../src/pipeline/analyze.js';
import { PACKAGE_ROOT } from '../../src/resources.js';

const SEED = join(PACKAGE_ROOT, '..', 'shared', 'seed', 'elaph-kadhimi-kuwait.txt');

// Every time and amount the issue lists for the canonical article, through the full pipeline.
describe.skipIf(!existsSync(SEED))('seed article times and amounts (published 2021-08-14)', () => {
  const text = existsSync(SEED) ? readFileSync(SEED, 'utf8') : '';
  const doc = text ? analyze(text, { published: '2021-08-14' }) : null;

  const times: Array<[string, string]> = [
    ['شباط فبراير عام 2018', '2018-02'],
    ['مايو 2020', '2020-05'],
    ['عام 2003', '2003'],
    ['عام 2012', '2012'],
    ['الجمعة', '2021-08-13'],
    ['الأسبوع المقبل', '2021-W33'],
    ['الثالث من الشهر الحالي', '2021-08-03'],
    ['28 من الشهر الحالي', '2021-08-28'],
  ];
  test.each(times)('time %s → %s', (span, value) => {
    const hit = doc!.times.find((t) => t.text === span);
    expect(hit, JSON.stringify(doc!.times.map((t) => t.text))).toBeDefined();
    expect(hit!.value).toBe(value);
    expect(hit!.resolved).toBe(true);
    expect(text.slice(hit!.start, hit!.end)).toBe(span);
  });

  const amounts: Array<[string, string, number, string | null, string | null]> = [
    ['30 مليار دولار', 'money', 30_000_000_000, 'USD', null],
    ['88 مليار دولار', 'money', 88_000_000_000, 'USD', null],
    ['76 بلدا', 'count', 76, null, 'بلد'],
  ];
  test.each(amounts)('amount %s', (span, kind, value, currency, unit) => {
    const hit = doc!.amounts.find((a) => a.text === span);
    expect(hit, JSON.stringify(doc!.amounts.map((a) => a.text))).toBeDefined();
    expect(hit!.kind).toBe(kind);
    expect(hit!.value).toBe(value);
    expect(hit!.currency).toBe(currency);
    expect(hit!.unit).toBe(unit);
    expect(text.slice(hit!.start, hit!.end)).toBe(span);
  });

  test('no year is also read as a number', () => {
    expect(doc!.amounts.filter((a) => /^(2018|2020|2003|2012|28)$/.test(a.text))).toEqual([]);
  });

  test('without a publication date relative expressions stay unresolved', () => {
    const bare = analyze(text);
    const week = bare.times.find((t) => t.text === 'الأسبوع المقبل');
    expect(week?.resolved).toBe(false);
    expect(week?.note).toBeTruthy();
    expect(bare.times.find((t) => t.text === 'الثالث من الشهر الحالي')?.value).toBe('XXXX-XX-03');
    expect(bare.times.find((t) => t.text === 'عام 2003')?.value).toBe('2003');
  });
});
