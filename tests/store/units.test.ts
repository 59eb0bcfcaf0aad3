import { describe, expect, it } from 'vitest';
import { minhash, jaccardEstimate, MinhashIndex } from '../../src/store/minhash.js';
import { boundDay, isoWeek, toDay, toPublished, valueStartDay } from '../../src/search/dates.js';
import { ftsExpression, contentHash, fallbackTitle, withoutProclitics } from '../../src/store/sqlite.js';
import { parseQuery } from '../../src/search/query.js';
import { progressLine, summaryText } from '../../src/ingest/progress.js';
import { csvCell } from '../../src/cli/commands/export.js';

const words = (n: number, seed: number) => Array.from({ length: n }, (_, i) => `w${(i * 7919 + seed * 104729) % 5003}`);

describe('MinHash near-duplicates', () => {
  it('estimates Jaccard similarity', () => {
    const a = words(200, 1);
    const b = [...a.slice(0, 180), ...words(20, 2)];
    const c = words(200, 3);
    expect(jaccardEstimate(minhash(a)!, minhash(a)!)).toBe(1);
    expect(jaccardEstimate(minhash(a)!, minhash(b)!)).toBeGreaterThan(0.6);
    expect(jaccardEstimate(minhash(a)!, minhash(c)!)).toBeLessThan(0.2);
    expect(minhash(words(10, 1))).toBeNull(); // too short to judge
  });
  it('finds the nearest stored signature above the threshold', () => {
    const idx = new MinhashIndex();
    const a = words(200, 1);
    idx.add(1, minhash(words(200, 5))!);
    idx.add(2, minhash(a)!);
    expect(idx.nearest(minhash([...a.slice(0, 190), 'x', 'y'])!)?.rowid).toBe(2);
    expect(idx.nearest(minhash(words(200, 9))!)).toBeNull();
  });
});

describe('dates', () => {
  it.each([
    ['2018', 'from', '2018-01-01'],
    ['2018', 'to', '2018-12-31'],
    ['2018-02', 'to', '2018-02-28'],
    ['2020-02', 'to', '2020-02-29'],
    ['2018/3/5', 'from', '2018-03-05'],
    ['2018-02-01', 'to', '2018-02-01'],
  ] as const)('boundDay(%s, %s) = %s', (v, edge, want) => expect(boundDay(v, edge)).toBe(want));
  it('rejects impossible dates', () => {
    expect(() => boundDay('2018-02-30', 'from')).toThrow(/not a valid day/);
    expect(() => boundDay('2018-00', 'to')).toThrow(/no month/);
    expect(() => boundDay('last week', 'to')).toThrow(/not a date/);
  });
  it('reads publication dates in the common forms', () => {
    expect(toDay('2018-02-18T21:35:43+04:00')).toBe('2018-02-18');
    expect(toDay('Wed, 02 Oct 2019 15:00:00 GMT')).toBe('2019-10-02');
    expect(toDay('14/08/2021')).toBe('2021-08-14');
    expect(toDay('2021/8/4')).toBe('2021-08-04');
    expect(toDay('soon')).toBeNull();
    expect(toPublished('2019-10-21')).toBe('2019-10-21');
    expect(toPublished('Sun, 06 Oct 2019 12:30:00 +0300')).toBe('2019-10-06T09:30:00Z');
    expect(toPublished('garbage')).toBeNull();
    // no calendar day: impossible days in any form, bare numbers the platform would read as a year
    for (const bad of ['2018/02/30', '31/02/2018', '1', '12345', '1e20', 'not a date']) expect(toPublished(bad), bad).toBeNull();
  });
  it('labels ISO weeks and anchors TIMEX values', () => {
    expect(isoWeek('2021-01-01')).toBe('2020-W53');
    expect(isoWeek('2021-08-14')).toBe('2021-W32');
    expect(isoWeek('2018-12-31')).toBe('2019-W01');
    expect(valueStartDay('2021-08-28')).toBe('2021-08-28');
    expect(valueStartDay('2021-08')).toBe('2021-08-01');
    expect(valueStartDay('2021')).toBe('2021-01-01');
    expect(valueStartDay('2021-W33')).toBe('2021-08-16');
    expect(valueStartDay('2021-Q3')).toBe('2021-07-01');
    expect(valueStartDay('2021-08-13T10:30')).toBe('2021-08-13');
    expect(valueStartDay('P3D')).toBeNull();
    expect(valueStartDay('XXXX-XX-03')).toBeNull();
  });
});

describe('FTS expressions', () => {
  it('ANDs groups, ORs within a group, excludes with NOT, and drops function words', () => {
    const e = ftsExpression(parseQuery('في الكويت "رئيس الوزراء" -العراق'))!;
    expect(e).toContain(' AND ');
    expect(e).toContain(' NOT ');
    expect(e).not.toMatch(/"في"/);
    expect(ftsExpression(parseQuery('في'))).toMatch(/"في"/); // alone it stays
    expect(ftsExpression(parseQuery('-العراق'))).toBeNull();
    expect(ftsExpression(parseQuery('a OR b'), 'and')).toMatch(/ OR /);
  });
  it('hashes content by its letters, not its punctuation or spacing', () => {
    expect(contentHash('قال  الوزير، اليوم.')).toBe(contentHash('قال الوزير اليوم'));
    expect(contentHash('قال الوزير اليوم')).not.toBe(contentHash('قال الوزير أمس'));
  });
  it('derives a short title', () => {
    expect(fallbackTitle('  جملة أولى قصيرة هنا. ثم جملة ثانية.')).toBe('جملة أولى قصيرة هنا.');
    expect(fallbackTitle('كلمة '.repeat(60)).length).toBeLessThanOrEqual(121);
  });
});

describe('ingest output', () => {
  it('shows a bar and an ETA when the share done is known', () => {
    const line = progressLine({ read: 500, added: 490, duplicates: 8, nearDuplicates: 3, failed: 2, total: null, elapsedMs: 5000, fraction: 0.25 });
    expect(line).toMatch(/^\[######\.{18}\] 25% 500 read · 100\/s · added 490 · duplicates 8 · near-duplicates 3 · failed 2 · ETA 0:15$/);
    expect(progressLine({ read: 10, added: 10, duplicates: 0, nearDuplicates: 0, failed: 0, total: null, elapsedMs: 1000 })).not.toMatch(/ETA/);
  });
  it('summarizes with failures named', () => {
    const t = summaryText({ read: 3, added: 1, duplicates: 1, nearDuplicates: 0, failed: 1, skippedInputs: 0, failures: [{ where: 'a.jsonl:3', reason: 'invalid JSON line' }], warnings: [], addedIds: ['x'], elapsedMs: 1000 });
    expect(t).toBe('added 1 (near-duplicates 0), duplicates skipped 1, failed 1 — 3 read in 1.0 s (3 articles/s)\n  failed: a.jsonl:3: invalid JSON line\n');
  });
  it('escapes CSV cells and defuses formulas', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('قال "نعم"')).toBe('"قال ""نعم"""');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell(null)).toBe('');
  });
});

describe('names typed with proclitics', () => {
  it('reads the first word without its conjunction or preposition, keeping its article', () => {
    expect(withoutProclitics('والكويت')).toEqual(['الكويت']);
    expect(withoutProclitics('بالكويت')).toEqual(['الكويت']);
    expect(withoutProclitics('لمحمد بن سلمان')[0]).toBe('محمد بن سلمان');
    expect(withoutProclitics('وبغداد')[0]).toBe('بغداد');
    // nothing to take off: the article alone, a lone letter, nothing
    expect(withoutProclitics('الكويت')).toEqual([]);
    expect(withoutProclitics('و')).toEqual([]);
    expect(withoutProclitics('  ')).toEqual([]);
  });
});
