/**
 * The time/amount scanner (src/time/fold.ts) splits folded text by hand; this checks it against the regular
 * expression it replaced, on tricky strings of our own and on the news corpus in ../shared when present.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { fold, scan, type ScanKind, type ScanToken } from '../../src/time/fold.js';

const TOKEN_RE = /([\u0621-\u064a\u0671-\u06d3]+)|([0-9]{1,3}،[0-9]+|[0-9]+(?:[.,][0-9]+)*)|([A-Za-z]+)|(\S)/g;

/** The regex scanner as it was (reference). */
function reference(text: string): ScanToken[] {
  const marks = (c: number) => c === 0x0640 || (c >= 0x064b && c <= 0x065f) || c === 0x0670;
  const map: number[] = [];
  let folded = '';
  for (let i = 0; i < text.length; i++) {
    const f = fold(text[i]);
    if (!f) continue;
    folded += f;
    map.push(i);
  }
  map.push(text.length);
  const out: ScanToken[] = [];
  TOKEN_RE.lastIndex = 0;
  let prevEnd = 0;
  let pendingBreak = true;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(folded)) !== null) {
    const fs = m.index;
    const fe = fs + m[0].length;
    const kind: ScanKind = m[1] !== undefined ? 'w' : m[2] !== undefined ? 'n' : m[3] !== undefined ? 'l' : 'p';
    if (!pendingBreak && folded.slice(prevEnd, fs).includes('\n')) pendingBreak = true;
    let end = map[fe - 1] + 1;
    while (end < text.length && marks(text.charCodeAt(end))) end++;
    out.push({ f: m[0], kind, start: map[fs], end, newClause: pendingBreak });
    pendingBreak = kind === 'p' && /[.!?؟\n]/.test(m[0]);
    prevEnd = fe;
  }
  return out;
}

const CASES = [
  '',
  '   \n\t ',
  'زار الوزيرُ بغدادَ يومَ 3/5/2021 ودفع 1,250.75 دولاراً.',
  'عام 2018،5 ثم 12،5 و1234،5 و9،',
  'نسبة ٢٫٥٪ و٣٠٪ من ١٬٢٠٠ دينار',
  'غداً، هـ ١٤٤٢ ـــ كتب',
  'iPhone15 و COVID-19 و 3.2.1. و 1.',
  'سطر أول\nسطر ثانٍ؟ نعم! 7.',
  'رموز: € $ £ 😀 «اقتباس» (قوسان) … – —',
  '\u00a0بين\u2009مسافات\u3000غريبة\ufeffهنا',
  'رقم، 12، 123،4 1234،4 12.',
];

describe('scan', () => {
  it.each(CASES.map((c) => [c]))('%j', (text) => {
    expect(scan(text)).toEqual(reference(text));
  });

  // the data lives beside the project (../shared); without it the case shows as skipped, not passed
  const corpus = join(__dirname, '..', '..', '..', 'shared', 'corpora', 'ant-multisource.jsonl.gz');
  it.skipIf(!existsSync(corpus))('agrees with the reference on 400 news articles', () => {
    const lines = gunzipSync(readFileSync(corpus)).toString('utf8').split('\n', 400);
    let tokens = 0;
    for (const line of lines) {
      const { text } = JSON.parse(line) as { text: string };
      const got = scan(text);
      expect(got).toEqual(reference(text));
      tokens += got.length;
    }
    expect(tokens).toBeGreaterThan(50_000);
  });

  it('hands the same tokens to the next scan of the same text', () => {
    const t = 'في 5 آب 2020 انفجر مرفأ بيروت';
    expect(scan(t)).toBe(scan(t));
    expect(scan(t + ' ')).not.toBe(scan(t));
  });
});
