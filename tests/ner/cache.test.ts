import { describe, expect, it } from 'vitest';
import { clearWordCache, WORD_CACHE_GENERATION, wordCacheSize, wordInfo } from '../../src/ner/features.js';
import { loadLexicon } from '../../src/ner/lexicon.js';
import { profileCodes, PROFILE_CLASSES } from '../../src/ner/profiles.js';

// made-up words: three letters from a small alphabet, numbered, so that every one is distinct
const LETTERS = 'بتثجحخدذرزسشصضطظعغفقكلمنهي';
const fakeWord = (k: number) => LETTERS[k % 26] + LETTERS[Math.floor(k / 26) % 26] + LETTERS[Math.floor(k / 676) % 26] + String(k);

describe('NER per-word cache', () => {
  it('stays bounded over a long run and keeps the words still in use', () => {
    const lex = loadLexicon();
    clearWordCache();
    const hot = wordInfo(lex, 'بغداد');
    const cold = wordInfo(lex, fakeWord(0));
    for (let k = 0; k < 2.5 * WORD_CACHE_GENERATION; k++) {
      wordInfo(lex, fakeWord(k));
      // a frequent word, seen all along, survives the generations
      if (k % 1000 === 0) expect(wordInfo(lex, 'بغداد')).toBe(hot);
    }
    expect(wordCacheSize()).toBeLessThanOrEqual(2 * WORD_CACHE_GENERATION);
    expect(wordInfo(lex, 'بغداد')).toBe(hot);
    // a word not seen for two generations was dropped (recomputed: a new, equal analysis)
    const again = wordInfo(lex, fakeWord(0));
    expect(again).not.toBe(cold);
    expect(Array.from(again.blocks)).toEqual(Array.from(cold.blocks));
    clearWordCache();
    expect(wordCacheSize()).toBe(0);
  });
});

describe('NER word profiles', () => {
  it('codes which trigger classes a word follows in the corpus', () => {
    // freq 40; after a title 0, after an organization head 25, after a place head 1, after a speech verb 3
    const codes = profileCodes(Int32Array.of(40, 0, 25, 1, 3));
    const org = PROFILE_CLASSES.indexOf('orghead');
    const say = PROFILE_CLASSES.indexOf('say');
    expect(codes[0]).toBe(org); // most followed class
    expect(codes).toContain(100 + org * 8 + 4 + 64); // ≥ half of its occurrences, seen ≥ 10 times
    expect(codes).toContain(100 + say * 8 + 2); // 3/40 = 7.5%, seen < 10 times
    expect(codes).toHaveLength(3); // classes seen fewer than twice give nothing
    expect(profileCodes(undefined)).toEqual([-1]);
  });
});
