import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { linkStage } from '../../src/link/index.js';
import { buildDoc } from '../events/helpers.js';

const rows = readFileSync(join(__dirname, 'coref.tsv'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('#'))
  .slice(1)
  .map((l) => {
    const [id, text, links] = l.split('\t');
    return { id, text, links: links.split(';').map((x) => x.trim()).filter(Boolean) };
  });

describe('within-article linking', () => {
  for (const row of rows) {
    it(`${row.id}`, () => {
      const doc = linkStage(buildDoc(row.text));
      const byText = (m: string) => doc.entities.filter((e) => e.text === m);
      const plain = row.links.filter((l) => !l.startsWith('id:'));
      if (plain.length) {
        expect(doc.entities.filter((e) => plain.some((p) => p.split('=')[0] === e.text)).map((e) => `${e.text}=${e.canonical}`)).toEqual(plain);
      }
      for (const l of row.links.filter((x) => x.startsWith('id:'))) {
        const [m, id] = l.slice(3).split('=');
        expect(byText(m)[0]?.entity).toBe(id);
      }
      // every mention is linked
      for (const e of doc.entities) expect(e.entity && e.canonical, e.text).toBeTruthy();
    });
  }

  it('links the roles of a person to the canonical entity', () => {
    const doc = linkStage(buildDoc('قال رئيس الوزراء [MISC العراقي] [PER مصطفى الكاظمي] إن [PER الكاظمي] سيسافر.'));
    expect(doc.roles).toHaveLength(1);
    expect(doc.roles[0]).toMatchObject({ title: 'رئيس الوزراء', of: 'العراق', person: { name: 'مصطفى الكاظمي', type: 'PER' } });
    expect(doc.entities.map((e) => e.entity)).toEqual(['LOC:عراق', 'PER:مصطفي كاظمي', 'PER:مصطفي كاظمي']);
  });

  it('resolves البلاد in a title to the country in context', () => {
    const doc = linkStage(buildDoc('وصل الوفد [MISC القطري]. واستقبل أمير البلاد الشيخ [PER تميم بن حمد] الضيوف.'));
    expect(doc.roles.map((r) => [r.person.name, r.title, r.of])).toEqual([['تميم بن حمد', 'أمير', 'قطر']]);
  });

  it('leaves a document without entities unchanged but with an empty roles layer', () => {
    const doc = linkStage(buildDoc('لا أسماء هنا.'));
    expect(doc.entities).toEqual([]);
    expect(doc.roles).toEqual([]);
  });
});

describe('entity profiles for cross-article merging', () => {
  it('collects titles, countries and co-mentions per canonical entity', async () => {
    const { entityProfiles, shouldMerge } = await import('../../src/link/index.js');
    const doc = linkStage(buildDoc('استقبل أمير [LOC الكويت] الشيخ [PER نواف الأحمد الصباح] رئيس الوزراء [MISC العراقي] [PER مصطفى الكاظمي].'));
    const profiles = entityProfiles(doc);
    const sabah = profiles.get('PER:نواف احمد صباح')!;
    expect(sabah).toMatchObject({ name: 'نواف الأحمد الصباح', type: 'PER', titles: ['أمير'], countries: ['الكويت'] });
    expect(sabah.coMentions).toContain('مصطفى الكاظمي');
    // another article mentions only "الصباح", as Emir of Kuwait: the profiles support the merge
    const other = entityProfiles(linkStage(buildDoc('وصل أمير [LOC الكويت] [PER الصباح] إلى [LOC بغداد].')));
    expect(shouldMerge(other.get('PER:الصباح')!, sabah)).toBe(true);
  });

  it('adds a short form only in its definite form and not before a nationality', () => {
    const doc = linkStage(
      buildDoc('أعلن [ORG حزب الرابطة الإسلامية] موقفه من [ORG وزارة الخارجية العراقية]. وتحدث حزب الشعب عن الانتخابات، ثم قال الحزب إن الخارجية الروسية لم ترد، وردت الخارجية لاحقا.'),
    );
    expect(doc.entities.map((e) => e.text)).toEqual(['حزب الرابطة الإسلامية', 'وزارة الخارجية العراقية', 'الحزب', 'الخارجية']);
    expect(doc.entities.slice(2).map((e) => e.canonical)).toEqual(['حزب الرابطة الإسلامية', 'وزارة الخارجية العراقية']);
    // a short form with a nationality and no such organization named before it adds nothing
    expect(linkStage(buildDoc('رحبت [ORG الأمم المتحدة] بالاتفاق. وقالت الخارجية الروسية إن الوفد وصل.')).entities.map((e) => e.text)).toEqual(['الأمم المتحدة']);
    // the same country's nationality after the short form: the same ministry
    const same = linkStage(buildDoc('أصدرت [ORG وزارة الخارجية الروسية] بيانا. وقالت الخارجية الروسية إن الوفد وصل.'));
    expect(same.entities.map((e) => [e.text, e.canonical])).toEqual([
      ['وزارة الخارجية الروسية', 'وزارة الخارجية الروسية'],
      ['الخارجية', 'وزارة الخارجية الروسية'],
    ]);
  });
});

describe('place words (resources/link/place_words.tsv)', () => {
  it('name only countries the country list knows', async () => {
    const { linkLexicon } = await import('../../src/link/lexicon.js');
    const lex = linkLexicon();
    const known = new Set(lex.countries.values());
    const named = [...lex.placeWordCountries.values()].flatMap((s) => [...s]);
    expect(named.length).toBeGreaterThan(10);
    expect(named.filter((c) => !known.has(c))).toEqual([]);
  });
});
