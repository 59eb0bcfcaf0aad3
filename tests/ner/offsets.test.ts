import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { joinDottedAcronyms, nerStage, offsetAfterLetters, procliticLength, splitAcronymProclitics } from '../../src/ner/index.js';
import { emptyDoc } from '../../src/doc.js';
import { textStage } from '../../src/text/index.js';

const rows = readFileSync(join(__dirname, 'proclitics.tsv'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('#') && !l.startsWith('token\t'))
  .map((l) => l.split('\t'));

describe('entity text without proclitics', () => {
  for (const [token, text] of rows) {
    it(`${token} → ${text}`, () => {
      expect(token.slice(procliticLength(token))).toBe(text);
    });
  }

  it('counts letters past diacritics', () => {
    expect(offsetAfterLetters('وَبَغْدَاد', 1)).toBe(2);
    expect(offsetAfterLetters('abc', 0)).toBe(0);
  });
});

describe('nerStage offsets', () => {
  const run = (text: string) => nerStage(textStage(emptyDoc(text)));

  it('points entities at the original characters, after the proclitics', () => {
    const text = 'سافر الوفد من القاهرة إلى بيروت وبغداد الأسبوع الماضي.';
    const doc = run(text);
    const places = doc.entities.filter((e) => e.type === 'LOC').map((e) => e.text);
    expect(places).toEqual(['القاهرة', 'بيروت', 'بغداد']);
    for (const e of doc.entities) {
      expect(text.slice(e.start, e.end)).toBe(e.text);
      expect(e.tokenEnd).toBeGreaterThan(e.tokenStart);
      expect(doc.tokens[e.tokenEnd - 1].end).toBe(e.end);
      expect(e.entity).toBeUndefined();
    }
    const baghdad = doc.entities.find((e) => e.text === 'بغداد')!;
    expect(baghdad.start).toBe(text.indexOf('وبغداد') + 1);
  });

  it('keeps و at the start of a quoted name, where the conjunction would stand before the quote', () => {
    const doc = run('وقالت شركة "واغنر" الأميركية للتأمين إن القيادة خطرة.');
    expect(doc.entities.map((e) => e.text)).toContain('واغنر');
    // a quotation that opens with و before a listed name still loses the conjunction
    const quoted = run('وأضاف: "وبغداد لن تقبل بذلك".');
    expect(quoted.entities.map((e) => e.text)).toContain('بغداد');
  });

  it('keeps ب at the start of a person named in apposition to a nisba, not before a well-known name', () => {
    const doc = run('وقال الضابط السابق في الاستخبارات الأمريكية بروس ريديل إن الخطة فشلت.');
    expect(doc.entities.filter((e) => e.type === 'PER').map((e) => e.text)).toContain('بروس ريديل');
    const place = run('وقال السفير الإيراني بلندن إن بلاده ترفض ذلك.');
    expect(place.entities.map((e) => e.text)).toContain('لندن');
    // after a verb whose object takes ب, the ب is the preposition
    const met = run('التقى الرئيس الإندونيسي بجوكو ويدودو في القصر.');
    expect(met.entities.filter((e) => e.type === 'PER').map((e) => e.text)).toEqual(['جوكو ويدودو']);
    // and ف, which no conjunction puts between an adjective and a name
    const keeper = run('وحل محله الحارس البولندي فويتسي تشيسني في المرمى.');
    expect(keeper.entities.filter((e) => e.type === 'PER').map((e) => e.text)).toContain('فويتسي تشيسني');
  });

  it('keeps a name read whole once (quoted) whole where it starts with a letter that could be a conjunction', () => {
    const doc = run('وتقترب العاصفة "فلورانس" من الساحل، ويتوقع الخبراء أن يشتد الإعصار فلورانس خلال يومين.');
    const names = doc.entities.filter((e) => e.type === 'PER').map((e) => e.text);
    expect(names.length).toBeGreaterThanOrEqual(2);
    expect(names.every((n) => n === 'فلورانس')).toBe(true);
    // and a word read inside a longer name
    const inner = run('التقت القناة رئيس المفوضية موسى فقيه محمد. وأكد فقيه محمد أن الاتحاد يرفض الاقتراح.');
    expect(inner.entities.filter((e) => e.type === 'PER').map((e) => e.text)).toEqual(['موسى فقيه محمد', 'فقيه محمد']);
  });

  it('keeps offsets right when diacritics and tatweel are in the text', () => {
    const text = 'وصل رئيسُ الوزراء إلى لنـدن، ثم زار وَبَاريس.';
    const doc = run(text);
    for (const e of doc.entities) expect(text.slice(e.start, e.end)).toBe(e.text);
  });

  it('reads a dotted acronym as one name, whatever its letters were tagged', () => {
    const tags = ['O', 'B-ORG', 'O', 'B-ORG', 'O', 'B-MISC', 'O'];
    const words = ['(', 'بي', '.', 'بي', '.', 'سي', ')'];
    let at = 10;
    const ps = words.map((text, token) => {
      const p = { text, start: at, end: at + text.length, token, mark: !/[\u0621-\u064A]/.test(text) };
      at = p.end;
      return p;
    });
    joinDottedAcronyms(ps, tags);
    expect(tags).toEqual(['O', 'B-ORG', 'I-ORG', 'I-ORG', 'I-ORG', 'I-ORG', 'O']);
    // with spaces between the letters it is no acronym, and untagged letters stay untagged
    const spaced = ps.map((p, k) => ({ ...p, start: p.start + k, end: p.end + k }));
    const tags2 = ['O', 'B-ORG', 'O', 'O', 'O', 'O', 'O'];
    joinDottedAcronyms(spaced, tags2);
    expect(tags2).toEqual(['O', 'B-ORG', 'O', 'O', 'O', 'O', 'O']);
    const untagged = ['O', 'O', 'O', 'O', 'O', 'O', 'O'];
    joinDottedAcronyms(ps, untagged);
    expect(untagged.every((t) => t === 'O')).toBe(true);
  });

  it('gives a dotted acronym one entity with offsets over all its letters', () => {
    const text = 'ونقلت هيئة الإذاعة البريطانية (بي.بي.سي) عن مصادر قولها إن الوضع تحسن.';
    const doc = run(text);
    const acronym = doc.entities.find((e) => e.text.includes('.'));
    expect(acronym?.text).toBe('بي.بي.سي');
    expect(text.slice(acronym!.start, acronym!.end)).toBe('بي.بي.سي');
    expect(doc.entities.filter((e) => e.text === 'بي' || e.text === 'سي')).toEqual([]);
  });

  it('reads a proclitic on a spelled-out acronym apart: «لبي بي سي» is «to the BBC»', () => {
    const text = 'وقال مصدر قضائي لبي بي سي إن القضية انتهت.';
    const doc = run(text);
    const bbc = doc.entities.find((e) => e.type === 'ORG');
    expect(bbc?.text).toBe('بي بي سي');
    expect(bbc!.start).toBe(text.indexOf('لبي') + 1);
    expect(doc.entities.filter((e) => e.type === 'PER')).toEqual([]);
  });

  it('splits a proclitic off an acronym letter only when another letter name follows', () => {
    const pieces = (words: string[]) => {
      let at = 0;
      return words.map((text, token) => {
        const p = { text, start: at, end: at + text.length, token, mark: text === '.' };
        at = p.end + 1;
        return p;
      });
    };
    const bbc = pieces(['لبي', 'بي', 'سي']);
    splitAcronymProclitics(bbc);
    expect(bbc.map((p) => p.text)).toEqual(['بي', 'بي', 'سي']);
    expect(bbc[0].start).toBe(1);
    const cnn = pieces(['ولسي', 'إن', 'إن']);
    splitAcronymProclitics(cnn);
    expect(cnn[0].text).toBe('سي');
    // the verb لبّى (folded لبي) before a word
    const verb = pieces(['ولبي', 'الوزير', 'النداء']);
    splitAcronymProclitics(verb);
    expect(verb.map((p) => p.text)).toEqual(['ولبي', 'الوزير', 'النداء']);
  });

  it('reads a hashtag as the word it tags, and starts the entity after the #', () => {
    const text = 'قال مسؤولون في #بغداد إن وفدا سيزور #الرياض الأسبوع المقبل.';
    const doc = run(text);
    const places = doc.entities.filter((e) => e.type === 'LOC');
    expect(places.map((e) => e.text)).toEqual(['بغداد', 'الرياض']);
    for (const e of places) expect(text[e.start - 1]).toBe('#');
  });

  it('reads a hashtag of several words word by word, and can find a name inside it', () => {
    const text = 'تظاهر المئات في #بغداد_اليوم احتجاجا على انقطاع الكهرباء.\nودعت #الأمم_المتحدة إلى وقف القتال فورا.';
    const doc = run(text);
    const found = doc.entities.map((e) => [e.text, e.type]);
    expect(found).toContainEqual(['بغداد', 'LOC']);
    expect(found).toContainEqual(['الأمم_المتحدة', 'ORG']);
    const baghdad = doc.entities.find((e) => e.text === 'بغداد')!;
    expect(baghdad.start).toBe(text.indexOf('#بغداد') + 1);
    expect(baghdad.end).toBe(text.indexOf('_اليوم'));
    // the entity's tokens are the hashtag token that holds it
    expect(doc.tokens[baghdad.tokenStart].text).toBe('#بغداد_اليوم');
    expect(baghdad.tokenEnd).toBe(baghdad.tokenStart + 1);
    for (const e of doc.entities) expect(text.slice(e.start, e.end)).toBe(e.text);
  });

  it('never starts or ends an entity on punctuation', () => {
    const text = 'وقال المتحدث محمود،، إن الاجتماع انتهى دون اتفاق.';
    const doc = run(text);
    expect(doc.entities.map((e) => e.text)).toEqual(['محمود']);
    for (const e of doc.entities) expect(/^[\p{L}\p{N}]/u.test(e.text) && /[\p{L}\p{N}]$/u.test(e.text)).toBe(true);
  });

  it('adds nothing to an empty document', () => {
    expect(run('').entities).toEqual([]);
  });
});
