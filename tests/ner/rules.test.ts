import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyRules } from '../../src/ner/rules.js';

const rows = readFileSync(join(__dirname, 'rules.tsv'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('#') && !l.startsWith('name\t'))
  .map((l) => l.split('\t'));

describe('NER rule layer', () => {
  for (const [name, words, model, expected] of rows) {
    it(name, () => {
      const w = words.split(' ');
      const m = model.split(' ');
      expect(m).toHaveLength(w.length);
      expect(applyRules([w], [m])[0].join(' ')).toBe(expected);
    });
  }

  it('tags a later bare surname of a full name as the same person', () => {
    const out = applyRules(
      [
        ['وصل', 'محمد', 'الراشد', 'إلى', 'المطار'],
        ['وقال', 'الراشد', 'إن', 'الزيارة', 'ناجحة'],
      ],
      [
        ['O', 'B-PER', 'I-PER', 'O', 'O'],
        ['O', 'O', 'O', 'O', 'O'],
      ],
    );
    expect(out[1]).toEqual(['O', 'B-PER', 'O', 'O', 'O']);
  });
});
