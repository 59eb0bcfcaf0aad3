import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { joinHyphenatedNames, joinKnownHyphenated, nerStage, type Piece } from '../../src/ner/index.js';
import { emptyDoc } from '../../src/doc.js';
import { textStage } from '../../src/text/index.js';

const rows = readFileSync(join(__dirname, 'hyphens.tsv'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('#') && !l.startsWith('name\t'))
  .map((l) => l.split('\t'));

/** Pieces of a text with their offsets: runs of letters, and each other non-space character alone. */
function piecesOf(text: string): Piece[] {
  return [...text.matchAll(/[\p{L}\p{M}]+|\S/gu)].map((m, token) => ({
    text: m[0],
    start: m.index!,
    end: m.index! + m[0].length,
    token,
    mark: !/\p{L}/u.test(m[0]),
  }));
}

describe('hyphenated names', () => {
  for (const [name, text, tags, free, expected] of rows) {
    it(name, () => {
      const ps = piecesOf(text);
      const t = tags.split(' ');
      expect(t).toHaveLength(ps.length);
      joinHyphenatedNames(ps, t, new Set(free ? free.split(',') : []));
      expect(t.join(' ')).toBe(expected);
    });
  }

  it('reports what it joined, and joins other mentions of it in the document', () => {
    const first = piecesOf('وأصبحت سارة هانسون-يونغ عضوا');
    const joined = joinHyphenatedNames(first, ['O', 'B-PER', 'I-PER', 'O', 'B-MISC', 'O'], new Set());
    expect(joined).toEqual([['هانسون-يونغ', 'PER']]);
    const later = piecesOf('ونفت هانسون-يونغ ذلك');
    const tags = ['O', 'B-PER', 'O', 'B-MISC', 'O'];
    joinKnownHyphenated(later, tags, new Map([['هانسون-يونغ', 'PER']]));
    expect(tags).toEqual(['O', 'B-PER', 'I-PER', 'I-PER', 'O']);
    const other = ['O', 'B-PER', 'O', 'B-MISC', 'O'];
    joinKnownHyphenated(piecesOf('ونفت هانسون-يونغ ذلك'), other, new Map([['كيم-جونغ', 'PER']]));
    expect(other).toEqual(['O', 'B-PER', 'O', 'B-MISC', 'O']);
  });

  it('gives a hyphenated name one entity over the original characters', () => {
    const text = 'وصل الزعيم الكوري الشمالي كيم جونغ-أون إلى سنغافورة، وقال كيم جونغ-أون إن القمة ناجحة.';
    const doc = nerStage(textStage(emptyDoc(text)));
    const kim = doc.entities.filter((e) => e.type === 'PER');
    expect(kim.map((e) => e.text)).toEqual(['كيم جونغ-أون', 'كيم جونغ-أون']);
    for (const e of kim) expect(text.slice(e.start, e.end)).toBe(e.text);
  });
});
