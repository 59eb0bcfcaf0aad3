/**
 * Ranking of queries of several words (proximity) and of words with two spellings (stem rules of
 * resources/search/spelling-variants.tsv). Articles written for these tests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/index.js';
import { parseQuery } from '../../src/search/query.js';
import type Database from 'better-sqlite3';
import { BM25_WEIGHTS, FULL_PROXIMITY_WEIGHT, PROXIMITY_WEIGHT, ftsExpression, fullProximityExpression, proximityExpression, rankedExpression } from '../../src/store/sqlite.js';

let store: Store;

const FILLER = 'وتناول اللقاء ملفات عديدة منها التجارة والطاقة والتعليم والصحة والنقل والزراعة.';

beforeAll(async () => {
  store = await openStore(':memory:');
  await store.addArticles([
    // the three words side by side, once
    {
      id: 'minister',
      title: 'زيارة إلى العاصمة',
      text: `وصل وزير الخارجية الأمريكي إلى العاصمة صباح اليوم في جولة تشمل ثلاث دول. ${FILLER}`,
      published: '2020-01-01',
    },
    // the same words more often, never two of them together
    {
      id: 'scattered',
      title: 'زيارة إلى العاصمة',
      text:
        'قال وزير الزراعة إن الموسم جيد. وأعلنت الخارجية في بيان موعد الاجتماع. وانتقد النائب الأمريكي القرار. ' +
        'وقال وزير النقل إن الطريق سيفتح. ونفت الخارجية الخبر. وعلق المسؤول الأمريكي على ذلك.',
      published: '2020-01-02',
    },
    // each two words together, the three never: another country's «وزير الخارجية», then «الخارجية … الأمريكي»
    {
      id: 'pairs',
      title: 'زيارة إلى العاصمة',
      text: 'استقبل وزير الخارجية الفرنسي نظيره صباح اليوم. وقال المتحدث باسم الخارجية إن الوفد الأمريكي وصل.',
      published: '2020-01-03',
    },
    // two of the words side by side, the third nowhere: the pair's NEAR holds, the query does not
    {
      id: 'two-only',
      title: 'لقاء في العاصمة',
      text: 'التقى وزير الخارجية نظيره في العاصمة وبحثا ملفات التعاون.',
      published: '2020-01-04',
    },
    // articles without the words, so that they weigh something
    ...[
      'يفتتح المعرض السنوي للزهور أبوابه غدا في الحديقة الكبرى.',
      'فاز الفريق المحلي بالمباراة بهدفين مقابل هدف.',
      'ارتفعت درجات الحرارة في المدن الساحلية هذا الأسبوع.',
      'أعلنت الجامعة عن منح دراسية جديدة للطلاب المتفوقين.',
      'افتتحت البلدية مكتبة عامة في الحي القديم.',
      'انخفضت أسعار الخضار في السوق المركزي.',
    ].map((text, i) => ({ id: `other-${i}`, title: 'خبر محلي', text, published: '2019-06-01' })),
    { id: 'trump-a', title: 'الرئيس ترامب يلقي خطابا', text: 'ألقى الرئيس الأمريكي دونالد ترامب خطابا أمام أنصاره في الولاية.', published: '2020-02-01' },
    { id: 'trump-b', title: 'ترمب يستقبل ضيفه', text: 'استقبل الرئيس الأميركي دونالد ترمب ضيفه في البيت الأبيض وأقام له مأدبة.', published: '2020-02-02' },
    { id: 'putin', title: 'بوتن يفتتح جسرا', text: 'افتتح الرئيس الروسي فلاديمير بوتن جسرا جديدا فوق النهر.', published: '2020-02-03' },
  ]);
});
afterAll(async () => {
  await store?.close();
});

describe('proximity', () => {
  it('ranks the words side by side above the same words scattered, and all of them together above each two', async () => {
    const res = await store.search({ q: 'وزير الخارجية الأمريكي' });
    const ids = res.hits.map((h) => h.id);
    expect(ids).toContain('scattered');
    expect(ids[0]).toBe('minister');
    expect(ids.indexOf('minister')).toBeLessThan(ids.indexOf('pairs'));
    expect(ids.indexOf('pairs')).toBeLessThan(ids.indexOf('scattered'));
  });
  it('ranks two words side by side above the same two words apart, though these come more often', async () => {
    const ids = (await store.search({ q: 'وزير الخارجية' })).hits.map((h) => h.id);
    expect(ids).toHaveLength(4);
    expect(ids[3]).toBe('scattered');
  });
  it('adds nothing for one word, and finds the same articles with or without it', async () => {
    expect(proximityExpression(parseQuery('الخارجية'))).toBeNull();
    expect(proximityExpression(parseQuery('"وزير الخارجية"'))).toBeNull();
    expect(proximityExpression(parseQuery('وزير الخارجية'))).toMatch(/NEAR/);
    expect(fullProximityExpression(parseQuery('وزير الخارجية'))).toBeNull();
    expect(fullProximityExpression(parseQuery('وزير الخارجية الأمريكي'))).toMatch(/NEAR/);
    const byDate = await store.search({ q: 'وزير الخارجية الأمريكي', sort: 'date' });
    const byScore = await store.search({ q: 'وزير الخارجية الأمريكي' });
    expect(byScore.total).toBe(byDate.total);
    expect(new Set(byScore.hits.map((h) => h.id))).toEqual(new Set(byDate.hits.map((h) => h.id)));
  });
});

describe('proximity scored in the query itself (rankedExpression)', () => {
  const db = () => (store as unknown as { db: Database.Database }).db;
  const bm25 = (expr: string) =>
    new Map(db().prepare(`SELECT rowid, -bm25(fts, ${BM25_WEIGHTS.join(', ')}) FROM fts WHERE fts MATCH ?`).raw(true).all(expr) as Array<[number, number]>);

  it('ORs each NEAR group into the group of its first word, as often as its weight', () => {
    const e = rankedExpression(parseQuery('وزير الخارجية الأمريكي'))!;
    const [first, second, third] = e.split(/\) AND \(/);
    expect(first.match(/NEAR\("وزير" "خارج", 3\)/g)).toHaveLength(PROXIMITY_WEIGHT);
    expect(first.match(/NEAR\("وزير" "خارج" "امريك", 3\)/g)).toHaveLength(FULL_PROXIMITY_WEIGHT);
    expect(second).toMatch(/NEAR\("خارج" "امريك", 3\)/);
    expect(third).not.toMatch(/NEAR/);
    expect(rankedExpression(parseQuery('الخارجية'))).toBeNull();
    expect(rankedExpression(parseQuery('"وزير الخارجية"'))).toBeNull();
  });

  it.each(['وزير الخارجية', 'وزير الخارجية الأمريكي', 'الرئيس الأمريكي', 'الرئيس ترامب', 'الرئيس الأمريكي -ترمب'])(
    '%s: the articles of the query, each scored its BM25 plus the NEAR groups\' BM25 over the whole index',
    (q) => {
      const p = parseQuery(q);
      const base = bm25(ftsExpression(p)!);
      const pair = bm25(proximityExpression(p)!);
      const full = fullProximityExpression(p) ? bm25(fullProximityExpression(p)!) : new Map<number, number>();
      const ranked = bm25(rankedExpression(p)!);
      expect(new Set(ranked.keys())).toEqual(new Set(base.keys()));
      for (const [r, s] of base) {
        const want = s + PROXIMITY_WEIGHT * (pair.get(r) ?? 0) + FULL_PROXIMITY_WEIGHT * (full.get(r) ?? 0);
        expect(ranked.get(r)).toBeCloseTo(want, 6);
      }
    },
  );

  it('finds no article where only the NEAR of two of the words holds', async () => {
    expect((await store.search({ q: 'وزير الخارجية', limit: 50 })).hits.map((h) => h.id)).toContain('two-only');
    expect((await store.search({ q: 'وزير الخارجية الأمريكي', limit: 50 })).hits.map((h) => h.id)).not.toContain('two-only');
  });
});

describe('spellings of one stem', () => {
  it.each([
    ['ترمب', ['trump-a', 'trump-b']],
    ['ترامب', ['trump-a', 'trump-b']],
    ['لترمب', ['trump-a', 'trump-b']],
    ['بوتين', ['putin']],
    ['الأمريكي', ['trump-a', 'trump-b', 'minister']],
    ['الأميركية', ['trump-a', 'trump-b', 'minister']],
    ['"الرئيس الأمريكي"', ['trump-a', 'trump-b']],
  ])('%s finds both spellings', async (q, expected) => {
    const ids = (await store.search({ q, limit: 50 })).hits.map((h) => h.id);
    for (const id of expected) expect(ids, `${q} → ${id}`).toContain(id);
  });
  it('marks the other spelling as a variant and excludes both', async () => {
    const g = parseQuery('ترامب').groups[0];
    expect(g.map((it) => (it.kind === 'term' ? it.word.stem : '') + (it.variant ? '*' : ''))).toEqual(['ترامب', 'ترمب*']);
    const ids = (await store.search({ q: 'الرئيس -ترمب', limit: 50 })).hits.map((h) => h.id);
    expect(ids).not.toContain('trump-a');
    expect(ids).not.toContain('trump-b');
  });
  it('highlights the other spelling in snippets', async () => {
    const hit = (await store.search({ q: 'ترامب' })).hits.find((h) => h.id === 'trump-b')!;
    expect(hit.highlights.map(([s, e]) => hit.snippet.slice(s, e))).toContain('ترمب');
  });
});
