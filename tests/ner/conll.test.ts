import { describe, expect, it } from 'vitest';
import { normalizeTag, parseConll } from '../../src/ner/conll.js';

describe('CoNLL reader', () => {
  it('reads sentences separated by blank lines, with CRLF', () => {
    const r = parseConll('زار O\r\nسمير B-PERS\r\nحلب B-LOC\r\n\r\nانتهى O\r\n');
    expect(r.sentences).toEqual([
      { words: ['زار', 'سمير', 'حلب'], tags: ['O', 'B-PERS', 'B-LOC'] },
      { words: ['انتهى'], tags: ['O'] },
    ]);
    expect(r.problems).toEqual([]);
  });

  it('repairs two pairs glued on one line and reports it', () => {
    const r = parseConll('وصل O\n. Oالمطر O\nغزير O\n');
    expect(r.sentences[0].words).toEqual(['وصل', '.', 'المطر', 'غزير']);
    expect(r.sentences[0].tags).toEqual(['O', 'O', 'O', 'O']);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0].line).toBe(2);
  });

  it('keeps a tag without a word as an empty token so positions stay aligned', () => {
    const r = parseConll('مجلس B-ORG\n O\nالشورى I-ORG\n');
    expect(r.sentences[0].words).toEqual(['مجلس', '', 'الشورى']);
    expect(r.problems[0].action).toMatch(/empty/);
  });

  it('maps corpus types to ours', () => {
    expect(['B-PERS', 'I-GPE', 'B-ORG', 'I-MISC', 'B-DATE', 'O'].map(normalizeTag)).toEqual(['B-PER', 'I-LOC', 'B-ORG', 'I-MISC', 'O', 'O']);
  });
});
