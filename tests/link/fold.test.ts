import { describe, expect, it } from 'vitest';
import { bareWord } from '../../src/link/fold.js';

// word → expected bare form: the article and the particles glued before it go, when 3+ letters remain
const CASES: Array<[string, string]> = [
  ['الكويت', 'كويت'],
  ['والكويت', 'كويت'],
  ['بالكويت', 'كويت'],
  ['وبالعراق', 'عراق'],
  ['فللعراق', 'عراق'],
  ['للعراق', 'عراق'],
  ['كالبحر', 'بحر'],
  ['فكالاسد', 'اسد'],
  ['للع', 'للع'], // too short after لل
  ['والدة', 'والدة'], // و + ال + two letters: not an article
  ['وال', 'وال'],
  ['لالكويت', 'لالكويت'], // ل before ال is written لل
  ['بللعراق', 'بللعراق'],
  ['ففالكويت', 'ففالكويت'],
  ['بلد', 'بلد'],
  ['', ''],
  ['ال\nكويت', 'ال\nكويت'],
];

describe('bareWord', () => {
  it.each(CASES)('%s → %s', (word, bare) => {
    expect(bareWord(word)).toBe(bare);
  });
});
