/**
 * Properties of the text layer's machinery that the spec tables do not pin down case by case:
 * offset maps on random input, token coverage, sentence tiling, candidate lists, caches, the pipeline stage.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyDoc } from '../../src/doc.js';
import { PACKAGE_ROOT } from '../../src/resources.js';
import {
  clearTokenCache,
  isStopword,
  normalize,
  normalizeWithMap,
  segment,
  splitSentences,
  stem,
  textStage,
  toOriginalSpan,
  tokenize,
  type NormLevel,
} from '../../src/text/index.js';

/** A deterministic pseudo-random generator, so failures reproduce. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return s / 0x100000000;
  };
}

// letters, marks, ligatures, digits, bidi/zero-width marks, punctuation, spaces, an astral character
const ALPHABET = [
  ...'ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآٱىةؤئ',
  '\u064B', '\u064E', '\u0651', '\u0652', '\u0670', '\u0640', '\u0654', '\u0655', '\u0653',
  'ﻻ', 'ﷲ', 'ﺑ', 'ﻌ', '\uFE70',
  ...'٠١٢٣٤٥٦٧٨٩۰۴', '٫', '٬', '٪',
  '\u200F', '\u200E', '\u200B', '\u200C', '\uFEFF', '\u202B', '\u202C',
  ...'.,،؛؟!:"«»()-/#@%', ' ', ' ', ' ', '\n',
  ...'AbZ09', 'é', '😀',
];

function randomText(next: () => number, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += ALPHABET[Math.floor(next() * ALPHABET.length)];
  return s;
}

describe('normalizeWithMap on random text', () => {
  const next = rng(42);
  const samples = Array.from({ length: 300 }, () => randomText(next, 1 + Math.floor(next() * 40)));
  for (const level of ['display', 'search', 'deep'] as NormLevel[]) {
    it(`${level}: same text as normalize, a monotone map within bounds, spans that round-trip`, () => {
      for (const s of samples) {
        const n = normalizeWithMap(s, level);
        expect(n.text).toBe(normalize(s, level));
        expect(n.map.length).toBe(n.text.length + 1);
        expect(n.map[n.text.length]).toBe(s.length);
        for (let i = 0; i < n.text.length; i++) {
          expect(n.map[i]).toBeGreaterThanOrEqual(i === 0 ? 0 : n.map[i - 1]);
          expect(n.map[i]).toBeLessThan(s.length);
        }
        // a span of the whole normalized text maps onto the original from its first kept character to the end
        if (n.text.length) {
          const [a, b] = toOriginalSpan(n, 0, n.text.length);
          expect(a).toBe(n.map[0]);
          expect(b).toBe(s.length);
        }
        // normalizing is idempotent
        expect(normalize(n.text, level)).toBe(n.text);
      }
    });
  }

  it('ASCII-only and already-normal text comes back unchanged (same string)', () => {
    const s = 'plain text 123, no changes';
    expect(normalize(s, 'display')).toBe(s);
    expect(normalizeWithMap('كتب', 'search').text).toBe('كتب');
  });

  it('long input (beyond the internal buffer) keeps an exact map', () => {
    const unit = 'الـعَرَبِيَّة ﻻ ٣٠٪ ';
    const s = unit.repeat(5000);
    const n = normalizeWithMap(s, 'search');
    expect(n.text).toBe('العربيه لا 30% '.repeat(5000));
    const k = n.text.lastIndexOf('لا');
    const [a, b] = toOriginalSpan(n, k, k + 2);
    expect(s.slice(a, b)).toBe('ﻻ');
  });

  it('rejects an unknown level', () => {
    expect(() => normalize('x', 'loud' as NormLevel)).toThrow(/level/);
  });
});

describe('tokenize on random text', () => {
  const next = rng(7);
  it('tokens are in order, do not overlap, carry their original text, and cover every visible character', () => {
    for (let k = 0; k < 300; k++) {
      const s = randomText(next, 1 + Math.floor(next() * 60));
      const tokens = tokenize(s);
      const covered = new Uint8Array(s.length);
      let last = 0;
      for (const t of tokens) {
        expect(t.start).toBeGreaterThanOrEqual(last);
        expect(t.end).toBeGreaterThan(t.start);
        expect(t.text).toBe(s.slice(t.start, t.end));
        expect(t.norm).toBe(normalize(t.text, 'search'));
        if (t.kind === 'word') expect(t.stem).toBe(stem(t.text));
        covered.fill(1, t.start, t.end);
        last = t.end;
      }
      for (let i = 0; i < s.length; i++) {
        if (covered[i]) continue;
        const c = s[i];
        // only whitespace and invisible bidi / zero-width marks may fall between tokens
        expect(/[\s\u200B\u200E\u200F\uFEFF\u202A-\u202E\u2066-\u2069\u061C\u00AD]/u.test(c) || /\p{M}/u.test(c), `U+${c.charCodeAt(0).toString(16)} in ${JSON.stringify(s)}`).toBe(true);
      }
      // and sentences tile the tokens
      const sentences = splitSentences(s, tokens);
      let upTo = 0;
      for (const sen of sentences) {
        expect(sen.tokenStart).toBe(upTo);
        expect(sen.tokenEnd).toBeGreaterThan(sen.tokenStart);
        upTo = sen.tokenEnd;
      }
      expect(upTo).toBe(tokens.length);
    }
  });

  it('gives the same tokens after the cache is cleared', () => {
    const s = 'وقال الوزير إن المستثمرين الكويتيين سيزورون بغداد في 28.8.2021.';
    const a = tokenize(s);
    clearTokenCache();
    expect(tokenize(s)).toEqual(a);
  });

  it('empty and whitespace-only text give no tokens and no sentences', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize(' \n\t\u200F ')).toEqual([]);
    expect(splitSentences('', [])).toEqual([]);
  });
});

describe('segment', () => {
  const words = ['والمستثمرين', 'وبالمستثمرين', 'للمستثمرين', 'بغداد', 'وليد', 'حكومتها', 'سيزورون', 'فيها', 'كتابهم', 'الله'];
  it('lists candidates best first, the unsegmented reading among them, each rebuilding the word', () => {
    for (const w of words) {
      const cands = segment(w);
      expect(cands.length).toBeGreaterThan(0);
      for (let i = 1; i < cands.length; i++) expect(cands[i].score).toBeLessThanOrEqual(cands[i - 1].score);
      expect(cands.some((c) => c.proclitics.length === 0 && c.enclitics.length === 0 && c.stem === normalize(w, 'search'))).toBe(true);
      for (const c of cands) {
        let rebuilt = c.proclitics.join('') + c.stem + c.enclitics.join('');
        rebuilt = rebuilt.replace(/^([وف]?)لال/, '$1لل'); // ل + ال is written لل
        if (c.enclitics.length && c.stem.endsWith('ه')) rebuilt = rebuilt.replace(new RegExp(`ه${c.enclitics[0]}$`), `ت${c.enclitics[0]}`);
        expect([normalize(w, 'search'), rebuilt]).toContain(rebuilt);
        expect(rebuilt === normalize(w, 'search') || c.stem + c.enclitics.join('') !== '', `${w}: ${JSON.stringify(c)}`).toBe(true);
      }
    }
  });

  it('returns copies: changing a result does not change the next one', () => {
    const a = segment('والمستثمرين');
    a[0].proclitics.push('x');
    expect(segment('والمستثمرين')[0].proclitics).not.toContain('x');
  });

  it('accepts any orthography', () => {
    expect(segment('وَالْمُسْتَثْمِرِينَ')[0]).toEqual(segment('والمستثمرين')[0]);
    expect(segment('ﻟﻠﻤﺴﺘﺜﻤﺮﻳﻦ')[0].stem).toBe('مستثمرين');
  });
});

describe('stem consistency over the lexicon', () => {
  const lexicon = readFileSync(join(PACKAGE_ROOT, 'resources', 'text', 'lexicon.tsv'), 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split('\t'));

  it('a word usually written with ة stems the same when written with ه', () => {
    const fem = lexicon.filter(([w, c, tm]) => w.endsWith('ه') && tm !== undefined && +tm >= 0.9 * +c).slice(0, 3000);
    expect(fem.length).toBeGreaterThan(1000);
    const differing = fem.map(([w]) => w).filter((w) => stem(w) !== stem(w.slice(0, -1) + 'ة'));
    expect(differing).toEqual([]);
  });

  it('the stem of a word does not depend on harakat, tatweel or hamza spelling', () => {
    for (const [w] of lexicon.slice(0, 3000)) {
      const decorated = [...w].map((ch, i) => (i % 2 ? ch + '\u064E' : ch)).join('') + '\u0652';
      expect(stem(decorated), w).toBe(stem(w));
    }
  });

  // Lucene's ArabicStemmer (light10), after its normalizer (= our search folding), as a reference
  const PREFIXES = ['ال', 'وال', 'بال', 'كال', 'فال', 'لل', 'و'];
  const SUFFIXES = ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ية', 'ه', 'ة', 'ي'];
  function light10(word: string): string {
    let w = normalize(word, 'search');
    for (const p of PREFIXES) {
      if ((p.length === 1 && w.length < 4) || w.length < p.length + 2) continue;
      if (w.startsWith(p)) {
        w = w.slice(p.length);
        break;
      }
    }
    for (const x of SUFFIXES) if (w.length >= x.length + 2 && w.endsWith(x)) w = w.slice(0, -x.length);
    return w;
  }

  it("keeps together what light10 conflates, for at least 95% of the corpus's word occurrences", () => {
    // for each light10 class of the 20k commonest forms, the occurrences that land on its commonest stem of ours
    const classes = new Map<string, Map<string, number>>();
    for (const [w, c] of lexicon.slice(0, 20000)) {
      const k = light10(w);
      const ours = classes.get(k) ?? new Map<string, number>();
      ours.set(stem(w), (ours.get(stem(w)) ?? 0) + Number(c));
      classes.set(k, ours);
    }
    let total = 0;
    let together = 0;
    for (const ours of classes.values()) {
      const counts = [...ours.values()];
      total += counts.reduce((a, b) => a + b, 0);
      together += Math.max(...counts);
    }
    expect(together / total).toBeGreaterThan(0.95);
  });

  it('stems are never empty and never longer than the folded word', () => {
    for (const [w] of lexicon.slice(0, 20000)) {
      const s = stem(w);
      expect(s.length).toBeGreaterThan(0);
      expect(s.length).toBeLessThanOrEqual(w.length);
    }
  });
});

describe('stop words', () => {
  it('match in any orthography', () => {
    for (const w of ['إلى', 'الى', 'إلي', 'في', 'فى', 'الَّذِي', 'هذه', 'The', 'and']) expect(isStopword(w), w).toBe(true);
    for (const w of ['بغداد', 'الوزير', 'قال', 'analysis']) expect(isStopword(w), w).toBe(false);
  });
});

describe('textStage', () => {
  it('fills tokens and sentences and leaves the text untouched', () => {
    const text = 'عنوان قصير\n\nوصل الوفد. وبدأ الاجتماع.';
    const doc = textStage(emptyDoc(text, '2021-08-14'));
    expect(doc.text).toBe(text);
    expect(doc.published).toBe('2021-08-14');
    expect(doc.tokens.map((t) => t.text)).toEqual(['عنوان', 'قصير', 'وصل', 'الوفد', '.', 'وبدأ', 'الاجتماع', '.']);
    expect(doc.sentences.map((s) => [text.slice(s.start, s.end), s.heading === true])).toEqual([
      ['عنوان قصير', true],
      ['وصل الوفد.', false],
      ['وبدأ الاجتماع.', false],
    ]);
  });
});

const SEED = join(PACKAGE_ROOT, '..', 'shared', 'seed', 'elaph-kadhimi-kuwait.txt');
describe.skipIf(!existsSync(SEED))('the seed article', () => {
  it('keeps glued words whole and reaches the same stems across clitics', () => {
    const text = readFileSync(SEED, 'utf8');
    const tokens = tokenize(text);
    const byText = new Map(tokens.map((t) => [t.text, t]));
    expect(byText.get('الابارالنفطية')?.kind).toBe('word');
    expect(byText.get('لبغداد')?.stem).toBe(byText.get('بغداد')?.stem);
    expect(byText.get('للكاظمي')?.stem).toBe(byText.get('الكاظمي')?.stem);
    expect(byText.get('والكويت')?.stem).toBe(byText.get('الكويت')?.stem);
    expect(byText.get('المستثمرين')?.stem).toBe('مستثمر');
    const sentences = splitSentences(text, tokens);
    const heading = sentences.find((s) => text.slice(s.start, s.end) === 'علاقات لسياسية وأمن حدود');
    expect(heading?.heading).toBe(true);
  });
});
