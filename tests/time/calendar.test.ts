import { describe, expect, test } from 'vitest';
import { formatDay, formatIsoWeek, hijriToDays, parseIsoDate, toDays, daysToHijri, valueRange } from '../../src/time/calendar.js';
import { scan } from '../../src/time/fold.js';

describe('calendar', () => {
  test.each([
    ['2021-08-13T10:30', '2021-08-13', '2021-08-13'],
    ['2021-W52', '2021-12-27', '2022-01-02'],
    ['2020-W53-WE', '2021-01-02', '2021-01-03'],
    ['2020-02', '2020-02-01', '2020-02-29'],
    ['2021-Q4', '2021-10-01', '2021-12-31'],
    ['2018-SU', '2018-06-01', '2018-08-31'],
    ['2020-WI', '2019-12-01', '2020-02-29'],
    ['2019', '2019-01-01', '2019-12-31'],
    ['196', '1960-01-01', '1969-12-31'],
    ['18', '1800-01-01', '1899-12-31'],
  ])('%s covers %s to %s', (value, first, last) => expect(valueRange(value)).toEqual([first, last]));
  test.each(['P3D', 'XXXX-SU', '2021-W33TNI', '19XX'])('%s is no anchored period', (v) => expect(valueRange(v)).toBeNull());

  test.each([
    ['2021-08-14', '2021-W32'],
    ['2021-08-21', '2021-W33'],
    ['2021-01-01', '2020-W53'],
    ['2018-12-31', '2019-W01'],
    ['2020-01-02', '2020-W01'],
  ])('ISO week of %s is %s', (day, week) => expect(formatIsoWeek(parseIsoDate(day)!)).toBe(week));

  test.each([
    [1443, 1, 1, '2021-08-09'],
    [1439, 9, 1, '2018-05-16'],
    [1442, 10, 1, '2021-05-13'],
    [1442, 12, 10, '2021-07-20'],
  ])('Umm al-Qura %i-%i-%i is %s', (y, m, d, g) => expect(formatDay(hijriToDays(y, m, d)!)).toBe(g));

  test('a Hijri day past the month end does not exist', () => expect(hijriToDays(1443, 1, 31)).toBeNull());
  test('Gregorian → Hijri', () => expect(daysToHijri(toDays(2021, 8, 14))).toEqual({ y: 1443, m: 1, d: 6 }));
  test('invalid ISO dates are rejected', () => {
    expect(parseIsoDate('2021-02-30')).toBeNull();
    expect(parseIsoDate('14/08/2021')).toBeNull();
  });
});

describe('scanner', () => {
  test('offsets point into the original text through diacritics, tatweel and digit families', () => {
    const text = 'وَصَلَ الوفـد غداً في ٢٨/٨/٢٠٢١ الساعة ١٠:٣٠';
    for (const t of scan(text)) expect(text.slice(t.start, t.end).length).toBeGreaterThan(0);
    const toks = scan(text);
    expect(toks.map((t) => t.f)).toEqual(['وصل', 'الوفد', 'غدا', 'في', '28', '/', '8', '/', '2021', 'الساعه', '10', ':', '30']);
    const tomorrow = toks[2];
    expect(text.slice(tomorrow.start, tomorrow.end)).toBe('غداً');
  });
  test('a line break starts a new clause', () => {
    const toks = scan('قال الوزير\nالجمعة');
    expect(toks[2].newClause).toBe(true);
    expect(toks[1].newClause).toBe(false);
  });
});
