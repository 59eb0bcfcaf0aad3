import { describe, expect, it } from 'vitest';
import { gazetteerSpans, loadLexicon, readGazetteerKeys } from '../../src/ner/lexicon.js';
import { fold } from '../../src/ner/fold.js';
import { KeySet, nameKey } from '../../src/ner/namekey.js';

describe('gazetteer keys', () => {
  it('keys words stably and tells them apart', () => {
    expect(nameKey('بغداد')).toBe(nameKey('بغداد'));
    expect(nameKey('بغداد')).not.toBe(nameKey('بغدان'));
    expect(Number.isSafeInteger(nameKey('الكويت'))).toBe(true);
    const s = new KeySet();
    s.add('عمان');
    expect(s.has('عمان')).toBe(true);
    expect(s.has('عمار')).toBe(false);
  });

  it('ships the ANERGazet lists as keys only, never as names', () => {
    const data = readGazetteerKeys();
    expect(data).not.toBeNull();
    for (const type of ['LOC', 'ORG', 'PER'] as const) {
      const names = data!.names[type]!;
      expect(names.length).toBeGreaterThan(100);
      expect(names.every((keys) => keys.every((k) => Number.isSafeInteger(k)))).toBe(true);
    }
    expect(JSON.stringify(data)).not.toMatch(/[\u0621-\u064a]{3}/);
  });

  it('matches multi-word names from our own lists and the shipped keys (longest first)', () => {
    const lex = loadLexicon();
    const words = ['زار', 'الوفد', 'الأمم', 'المتحدة', 'في', 'بغداد'].map(fold);
    const spans = gazetteerSpans(lex, words, words).map((s) => words.slice(s.start, s.end).join(' '));
    expect(spans).toContain(['الأمم', 'المتحدة'].map(fold).join(' '));
    expect(spans).toContain(fold('بغداد'));
  });

  it('folds Persian ی ک ھ as the Arabic letters, so text written with them meets the lists and the model', () => {
    expect(fold('عبدالعزیز')).toBe(fold('عبدالعزيز'));
    expect(fold('کمال')).toBe(fold('كمال'));
    expect(fold('ھدى')).toBe(fold('هدى'));
    const lex = loadLexicon();
    const words = ['زار', 'الوفد', 'الأمم', 'المتحدة', 'في', 'أمریکا'].map(fold);
    const spans = gazetteerSpans(lex, words, words).map((s) => words.slice(s.start, s.end).join(' '));
    expect(spans).toContain(fold('أمريكا'));
  });
});
