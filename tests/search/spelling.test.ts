import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../../src/store/index.js';
import { ingestArticles } from '../../src/ingest/index.js';
import { parseQuery, summarizeQuery } from '../../src/search/query.js';

// Articles written for this test: each spells a name or word one of the ways Arabic news writes it.
const ARTICLES = [
  { id: 'joined', title: 'زيارة رسمية', text: 'استقبل الرئيس عبدالفتاح السيسي في القاهرة وفدا من رجال الأعمال، وبحث معهم مشروعات النقل.' },
  { id: 'apart', title: 'قمة ثلاثية', text: 'شارك الرئيس عبد الفتاح السيسي في قمة عقدت في عمان لبحث التعاون الإقليمي في الطاقة.' },
  { id: 'hamza-waw', title: 'وفد حكومي', text: 'التقى المسؤولون في الوزارة ممثلي النقابات لبحث شؤون العمال وأجورهم.' },
  { id: 'hamza-ya', title: 'اجتماع نقابي', text: 'قال مسئول في النقابة إن الاجتماع تناول شئون المتقاعدين وزيادة المعاشات.' },
  { id: 'hundred-a', title: 'مساعدات', text: 'وصلت مائة شاحنة محملة بالمساعدات إلى المدينة صباح اليوم.' },
  { id: 'hundred-b', title: 'قافلة', text: 'عبرت مئة شاحنة الحدود وعلى متنها مواد غذائية وأدوية.' },
  { id: 'abu-apart', title: 'معرض', text: 'افتتح في أبو ظبي معرض للكتاب بمشاركة دور نشر عربية.' },
  { id: 'abu-joined', title: 'مؤتمر', text: 'تستضيف أبوظبي مؤتمرا دوليا عن المناخ الشهر المقبل.' },
  { id: 'two-words', title: 'خبر آخر', text: 'قال عبد من العمال إن الفتاح المحل التجاري أغلق أبوابه.' },
  { id: 'barham', title: 'استقبال', text: 'استقبل الرئيس برهم صالح وفدا من رجال الأعمال في بغداد.' },
  { id: 'land', title: 'مساعدات', text: 'نقلت المساعدات للبر والبحر إلى المدينة المنكوبة عبر طرق عدة.' },
];

let dir: string;
let store: Store;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'marsad-spelling-'));
  store = await openStore(join(dir, 'm.db'));
  const r = await ingestArticles(store, ARTICLES.map((a) => ({ ...a, published: '2021-08-14' })));
  expect(r.added).toBe(ARTICLES.length);
});
afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

const ids = async (q: string) => (await store.search({ q, limit: 50 })).hits.map((h) => h.id).sort();

describe('spellings searched together (resources/search/spelling-variants.tsv)', () => {
  it.each([
    ['عبد الفتاح السيسي', ['apart', 'joined']],
    ['عبدالفتاح', ['apart', 'joined']],
    ['"الرئيس عبدالفتاح السيسي"', ['apart', 'joined']],
    ['مسؤول', ['hamza-waw', 'hamza-ya']],
    ['مسئول', ['hamza-waw', 'hamza-ya']],
    ['شؤون', ['hamza-waw', 'hamza-ya']],
    ['مائة شاحنة', ['hundred-a', 'hundred-b']],
    ['مئة', ['hundred-a', 'hundred-b']],
    ['أبو ظبي', ['abu-apart', 'abu-joined']],
    ['أبوظبي', ['abu-apart', 'abu-joined']],
  ])('%s', async (q, want) => {
    expect(await ids(q)).toEqual(want);
  });
  it('reads «عبد» and a word in «ال» typed apart as one name, not two words anywhere', async () => {
    expect(await ids('عبد الفتاح')).not.toContain('two-words');
  });
  it('searches a word the stemmer cuts to two letters as written («برهم» is not «للبر»)', async () => {
    expect(await ids('برهم')).toEqual(['barham']);
    // (the other way round the index's stem still conflates them: «البر» finds «برهم» too)
    expect(await ids('البر')).toContain('land');
  });
  it('excludes every spelling', async () => {
    expect(await ids('النقابة -مسؤول')).toEqual([]);
  });
  it('highlights the other spelling too', async () => {
    const hit = (await store.search({ q: 'عبدالفتاح', limit: 50 })).hits.find((h) => h.id === 'apart')!;
    expect(hit.snippet).toContain('عبد الفتاح');
    expect(hit.highlights.length).toBeGreaterThan(0);
  });
  it('shows the query as typed, without the spellings added', () => {
    expect(summarizeQuery(parseQuery('مسؤول عبدالفتاح')).terms).toEqual(['مسؤول', 'عبدالفتاح']);
  });
});
