/**
 * Table-driven specs for the Arabic text layer: every row of the TSV files beside this test is a case.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  normalize,
  normalizeWithMap,
  toOriginalSpan,
  tokenize,
  splitSentences,
  stem,
  segment,
  type NormLevel,
} from '../../src/text/index.js';

const HERE = dirname(fileURLToPath(import.meta.url));

/** \n \t \r \uXXXX escapes, so that invisible characters are visible in the tables. */
function unescape(s: string): string {
  return s.replace(/\\(u[0-9A-Fa-f]{4}|n|t|r|\\)/g, (_, e: string) =>
    e === 'n' ? '\n' : e === 't' ? '\t' : e === 'r' ? '\r' : e === '\\' ? '\\' : String.fromCharCode(parseInt(e.slice(1), 16)),
  );
}

/** Rows of a spec table: '#' lines are comments, the first row is the header. */
function table(file: string): Record<string, string>[] {
  const lines = readFileSync(join(HERE, file), 'utf8').split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
  const head = lines[0].split('\t');
  return lines.slice(1).map((l) => {
    const cells = l.split('\t');
    return Object.fromEntries(head.map((h, i) => [h, cells[i] ?? '']));
  });
}

const KIND: Record<string, string> = { w: 'word', l: 'latin', n: 'number', p: 'punct', u: 'url', e: 'email', h: 'hashtag', m: 'mention', s: 'symbol' };

describe('normalization', () => {
  const rows = table('normalize.tsv');
  it('has cases', () => expect(rows.length).toBeGreaterThan(80));
  for (const r of rows) {
    it(`${r.level}: ${r.note}`, () => {
      const input = unescape(r.input);
      const expected = unescape(r.expected);
      expect(normalize(input, r.level as NormLevel)).toBe(expected);
      // the mapped variant produces the same text, and a map that never drifts
      const n = normalizeWithMap(input, r.level as NormLevel);
      expect(n.text).toBe(expected);
      expect(n.map.length).toBe(n.text.length + 1);
      expect(n.map[n.text.length]).toBe(input.length);
      for (let i = 1; i <= n.text.length; i++) expect(n.map[i]).toBeGreaterThanOrEqual(n.map[i - 1]);
    });
  }
});

describe('offset maps', () => {
  for (const r of table('offsets.tsv')) {
    it(`${r.level}: ${r.note}`, () => {
      const input = unescape(r.input);
      const n = normalizeWithMap(input, r.level as NormLevel);
      const find = unescape(r.find);
      const at = n.text.indexOf(find);
      expect(at, `"${find}" in "${n.text}"`).toBeGreaterThanOrEqual(0);
      const [s, e] = toOriginalSpan(n, at, at + find.length);
      expect(input.slice(s, e)).toBe(unescape(r.original));
    });
  }
});

describe('tokenization', () => {
  const rows = table('tokenize.tsv');
  it('has cases', () => expect(rows.length).toBeGreaterThan(60));
  for (const r of rows) {
    it(r.note, () => {
      const input = unescape(r.input);
      const tokens = tokenize(input);
      expect(tokens.map((t) => t.text)).toEqual(unescape(r.tokens).split(' | '));
      expect(tokens.map((t) => t.kind)).toEqual(r.kinds.split(' ').map((k) => KIND[k]));
      for (const t of tokens) {
        expect(input.slice(t.start, t.end)).toBe(t.text);
        expect(t.norm).toBe(normalize(t.text, 'search'));
      }
    });
  }
});

describe('sentence splitting', () => {
  const rows = table('sentences.tsv');
  it('has cases', () => expect(rows.length).toBeGreaterThan(40));
  for (const r of rows) {
    it(r.note, () => {
      const input = unescape(r.input);
      const tokens = tokenize(input);
      const sentences = splitSentences(input, tokens);
      const got = sentences.map((s) => (s.heading ? 'H:' : '') + input.slice(s.start, s.end));
      expect(got).toEqual(unescape(r.sentences).split(' ‖ '));
      // token ranges tile the token list
      let next = 0;
      for (const s of sentences) {
        expect(s.tokenStart).toBe(next);
        expect(tokens[s.tokenStart].start).toBe(s.start);
        expect(tokens[s.tokenEnd - 1].end).toBe(s.end);
        next = s.tokenEnd;
      }
      expect(next).toBe(tokens.length);
    });
  }
});

describe('stemming: single words', () => {
  for (const r of table('stem.tsv')) {
    it(`${r.input} → ${r.stem} (${r.note})`, () => expect(stem(r.input)).toBe(r.stem));
  }
});

describe('stemming: one key per group', () => {
  for (const r of table('stem-groups.tsv')) {
    it(`${r.key}: ${r.note}`, () => {
      const words = r.words.split(' ');
      expect(Object.fromEntries(words.map((w) => [w, stem(w)]))).toEqual(Object.fromEntries(words.map((w) => [w, r.key])));
    });
  }
});

describe('clitic analysis', () => {
  for (const r of table('clitics.tsv')) {
    it(`${r.input} → ${r.segmentation} (${r.note})`, () => {
      const [best] = segment(r.input);
      const shown = [...best.proclitics, `[${best.stem}]`, ...best.enclitics].join('+');
      expect(shown).toBe(r.segmentation);
    });
  }
});
