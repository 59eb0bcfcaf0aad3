import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyRules } from '../../src/ner/rules.js';

const rows = readFileSync(join(__dirname, 'rules.tsv'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('#') && !l.startsWith('name\t'))
  .map((l) => l.split('\t'));

describe('NER rule layer', () => {
  for (const [name, words, model, expected, scope] of rows) {
    it(name, () => {
      const w = words.split(' ');
      const m = model.split(' ');
      expect(m).toHaveLength(w.length);
      if (scope !== undefined && scope !== 'knowledge') throw new Error(`rules.tsv: row "${name}": unknown scope "${scope}" (only knowledge)`);
      expect(applyRules([w], [m], scope === 'knowledge' ? 'knowledge' : 'all')[0].join(' ')).toBe(expected);
    });
  }

  it('runs only the knowledge rules in the knowledge scope: no policy rule, no document rule', () => {
    // policy: a currency word is no MISC mention in Marsad, though ANERcorp tags it
    const money = [['دفع', 'مليون', 'دولار']];
    const moneyTags = [['O', 'O', 'B-MISC']];
    expect(applyRules(money, moneyTags)[0]).toEqual(['O', 'O', 'O']);
    expect(applyRules(money, moneyTags, 'knowledge')[0]).toEqual(['O', 'O', 'B-MISC']);
    // knowledge: a city after a player word is its club, in both scopes
    const club = [['انتقل', 'لاعب', 'برشلونة']];
    expect(applyRules(club, [['O', 'O', 'B-LOC']], 'knowledge')[0]).toEqual(['O', 'O', 'B-ORG']);
    // document: a full name found once is not spread to a bare surname elsewhere in the file
    const names = [['قال', 'سليم', 'حداد', 'إن'], ['وأضاف', 'حداد', 'أن']];
    const nameTags = [['O', 'B-PER', 'I-PER', 'O'], ['O', 'O', 'O']];
    expect(applyRules(names, nameTags)[1]).toEqual(['O', 'B-PER', 'O']);
    expect(applyRules(names, nameTags, 'knowledge')[1]).toEqual(['O', 'O', 'O']);
  });

  it('spreads no nationality surname as a short form: «أبو سالم المصري» leaves «السفير المصري» an adjective', () => {
    const sentences = [
      ['وقال', 'أبو', 'سالم', 'المصري', 'إن'],
      ['واستدعت', 'الوزارة', 'السفير', 'المصري', 'أمس'],
    ];
    const tags = [
      ['O', 'B-PER', 'I-PER', 'I-PER', 'O'],
      ['O', 'O', 'O', 'O', 'O'],
    ];
    expect(applyRules(sentences, tags)[1]).toEqual(['O', 'O', 'O', 'O', 'O']);
    // a surname that is no nationality is spread
    const named = [['وقال', 'سالم', 'الدوسري', 'إن'], ['وأضاف', 'الدوسري', 'أمس']];
    expect(applyRules(named, [['O', 'B-PER', 'I-PER', 'O'], ['O', 'O', 'O']])[1]).toEqual(['O', 'B-PER', 'O']);
  });

  it('reads a bare riyal as the currency in an article that counts riyals and names a riyal country', () => {
    const sentences = [
      ['وخسر', 'الريال', 'نصف', 'قيمته'],
      ['وبلغ', 'الدين', 'في', 'إيران', 'مليون', 'ريال'],
    ];
    const tags = [
      ['O', 'B-ORG', 'O', 'O'],
      ['O', 'O', 'O', 'B-LOC', 'O', 'O'],
    ];
    expect(applyRules(sentences, tags)[0]).toEqual(['O', 'O', 'O', 'O']);
    // without a riyal country the club reading stays
    const noCountry = [sentences[0], ['وبلغ', 'الدين', 'مليون', 'ريال']];
    expect(applyRules(noCountry, [tags[0], ['O', 'O', 'O', 'O']])[0]).toEqual(['O', 'B-ORG', 'O', 'O']);
    // nor when the article names the club
    const club = [...sentences, ['وفاز', 'ريال', 'مدريد']];
    expect(applyRules(club, [...tags, ['O', 'B-ORG', 'I-ORG']])[0]).toEqual(['O', 'B-ORG', 'O', 'O']);
  });

  it('reads a city read as a club once as the club in the article\'s other match sentences, not after another preposition', () => {
    const sentences = [
      ['وانتقل', 'لاعب', 'روما', 'إلى', 'الدوري', 'الإنجليزي'],
      ['وتقدم', 'روما', 'بهدف', 'في', 'المباراة'],
      ['وسافر', 'الفريق', 'إلى', 'روما', 'قبل', 'المباراة'],
      ['وزار', 'الوفد', 'روما', 'أمس'],
    ];
    const tags = [
      ['O', 'O', 'B-LOC', 'O', 'O', 'O'],
      ['O', 'B-LOC', 'O', 'O', 'O'],
      ['O', 'O', 'O', 'B-LOC', 'O', 'O'],
      ['O', 'O', 'B-LOC', 'O'],
    ];
    expect(applyRules(sentences, tags).map((t) => t.join(' '))).toEqual([
      'O O B-ORG O O O',
      'O B-ORG O O O',
      'O O O B-LOC O O',
      'O O B-LOC O',
    ]);
    // without a club reading in the article the city stays a place in a match sentence
    expect(applyRules(sentences.slice(1), tags.slice(1))[0].join(' ')).toBe('O B-LOC O O O');
  });

  it('reads a full name the same way at its other mentions, dropping a common word run on with it', () => {
    const sentences = [
      ['وأفرجت', 'السلطات', 'عن', 'نبيل', 'رجب', 'أمس'],
      ['ونبيل', 'رجب', 'يقبع', 'في', 'السجن'],
      ['والتقى', 'نبيل', 'رجب', 'الوزير'],
      ['وقال', 'نبيل', 'رجب', 'إن', 'الحكم', 'ظالم'],
    ];
    const tags = [
      ['O', 'O', 'O', 'B-PER', 'I-PER', 'O'],
      ['B-PER', 'B-PER', 'I-PER', 'O', 'O'],
      ['O', 'O', 'O', 'O'],
      ['O', 'B-PER', 'I-PER', 'O', 'O', 'O'],
    ];
    const out = applyRules(sentences, tags);
    expect(out[1]).toEqual(['B-PER', 'I-PER', 'O', 'O', 'O']);
    expect(out[2]).toEqual(['O', 'B-PER', 'I-PER', 'O']);
    // read so once only, the name is not spread: it may be a misreading
    const once = applyRules(sentences.slice(0, 3), tags.slice(0, 3));
    expect(once[2]).toEqual(['O', 'O', 'O', 'O']);
    // a longer reading of the name stays whole
    const longer = applyRules(
      [sentences[0], sentences[3], ['وقال', 'نبيل', 'رجب', 'الخليفة', 'إن']],
      [tags[0], tags[3], ['O', 'B-PER', 'I-PER', 'I-PER', 'O']],
    );
    expect(longer[2]).toEqual(['O', 'B-PER', 'I-PER', 'I-PER', 'O']);
  });

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

  it('reads a club that is also a common word as the club at its other mentions in the article (6j)', () => {
    const sentences = [
      ['أعلنت', 'إدارة', 'الاتفاق', 'تجديد', 'عقد', 'اللاعب'],
      ['ولعب', 'اللاعب', 'عشرين', 'مباراة', 'مع', 'الاتفاق'],
      ['وقع', 'البلدان', 'الاتفاق', 'الجديد', 'في', 'الشمال'],
    ];
    const tags = sentences.map((w) => w.map(() => 'O'));
    const out = applyRules(sentences, tags);
    expect(out[1]).toEqual(['O', 'O', 'O', 'O', 'O', 'B-ORG']);
    expect(out[0]).toEqual(['O', 'O', 'B-ORG', 'O', 'O', 'O']);
    // the head of a longer phrase stays a common word
    expect(out[2]).toEqual(['O', 'O', 'O', 'O', 'O', 'O']);
    // without a mention as a club, the word is the agreement
    expect(applyRules([sentences[0]], [tags[0]])[0]).toEqual(['O', 'O', 'O', 'O', 'O', 'O']);
    // a model's reading outside a match is no club to spread («الجزيرة»: a channel, an island)
    const island = applyRules(
      [['وقال', 'مراسل', 'الجزيرة', 'إن', 'الوضع', 'هادئ'], ['ويعيش', 'سكان', 'الجزيرة', 'من', 'الصيد']],
      [['O', 'O', 'B-ORG', 'O', 'O', 'O'], ['O', 'O', 'O', 'O', 'O']],
    );
    expect(island[1]).toEqual(['O', 'O', 'O', 'O', 'O']);
    // not after a preposition, unless a club is expected there: «يعتمد على الشباب» is the young
    const spread = applyRules(
      [['فاز', 'الشباب', 'على', 'الهلال', 'في', 'المباراة'], ['ويعتمد', 'المدرب', 'على', 'الشباب'], ['وأعلنت', 'إدارة', 'الشباب', 'رحيل', 'مدربها']],
      [['O', 'O', 'O', 'O', 'O', 'O'], ['O', 'O', 'O', 'O'], ['O', 'O', 'O', 'O', 'O']],
    );
    expect(spread[0]).toEqual(['O', 'B-ORG', 'O', 'B-ORG', 'O', 'O']);
    expect(spread[1]).toEqual(['O', 'O', 'O', 'O']);
    expect(spread[2]).toEqual(['O', 'O', 'B-ORG', 'O', 'O']);
  });

  it("reads an organization's short name found in brackets as the organization at its other mentions (6k)", () => {
    const tagged = applyRules(
      [
        ['نشرت', 'الوكالة', 'العالمية', 'لمكافحة', 'المنشطات', '(', 'وادا', ')', 'تقريرها'],
        ['وقالت', 'وادا', 'إن', 'الفحوص', 'مستمرة'],
      ],
      [
        ['O', 'B-ORG', 'I-ORG', 'I-ORG', 'I-ORG', 'O', 'B-MISC', 'O', 'O'],
        ['O', 'B-PER', 'O', 'O', 'O'],
      ],
    );
    expect(tagged[0]).toEqual(['O', 'B-ORG', 'I-ORG', 'I-ORG', 'I-ORG', 'O', 'B-ORG', 'O', 'O']);
    expect(tagged[1]).toEqual(['O', 'B-ORG', 'O', 'O', 'O']);
  });

  it('reads the surname of a full name, read alone as a place, as the person (5c)', () => {
    const sentences = [
      ['السلوفاكي', 'هوريك', 'يبقى', 'مع', 'فريقه'],
      ['وجدد', 'النادي', 'عقد', 'بيتر', 'هوريك', 'لعامين'],
    ];
    const tags = [
      ['O', 'B-LOC', 'O', 'O', 'O'],
      ['O', 'O', 'O', 'B-PER', 'I-PER', 'O'],
    ];
    expect(applyRules(sentences, tags)[0]).toEqual(['O', 'B-PER', 'O', 'O', 'O']);
    // a listed place, even one rare in the corpus as Bern is, is no surname: it keeps the model's reading
    const place = applyRules([['زار', 'الوفد', 'برن', 'أمس'], ['وقال', 'بيتر', 'برن', 'إن']], [['O', 'O', 'B-LOC', 'O'], ['O', 'B-PER', 'I-PER', 'O']]);
    expect(place[0]).toEqual(['O', 'O', 'B-LOC', 'O']);
  });
});
