import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type SearchResult, type Store } from '../../src/store/index.js';
import { ingestArticles } from '../../src/ingest/index.js';
import { parseQuery } from '../../src/search/query.js';
import { QueryError } from '../../src/search/dates.js';

const FIX = join(__dirname, '..', 'fixtures', 'ingest');
let dir: string;
let store: Store;
let titles: Map<string, string>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'marsad-search-'));
  store = await openStore(join(dir, 'm.db'));
  const s = await ingestArticles(store, [{ path: FIX }]);
  expect(s.added).toBeGreaterThan(10);
  titles = new Map();
  for await (const a of store.exportArticles({ q: '' })) titles.set(a.id, a.title);
});
afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** "j-001" or "t:title fragment" → the article id(s) it names */
function idsOf(ref: string): string[] {
  if (!ref.startsWith('t:')) return [ref];
  const frag = ref.slice(2);
  const ids = [...titles].filter(([, t]) => t.includes(frag)).map(([id]) => id);
  expect(ids.length, `no stored title contains "${frag}"`).toBeGreaterThan(0);
  return ids;
}

const table = readFileSync(join(__dirname, 'variants.tsv'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('#'))
  .slice(1)
  .map((l) => l.split('\t'));

describe('query language and variants (variants.tsv)', () => {
  it.each(table)('%s', async (query, expectCol, absentCol, why) => {
    const res = await store.search({ q: query, limit: 50 });
    const got = res.hits.map((h) => h.id);
    const expected = (expectCol ?? '').split('|').filter(Boolean);
    if (!expected.length) expect(got, why).toEqual([]);
    for (const ref of expected) for (const id of idsOf(ref)) expect(got, `${why}: ${ref}`).toContain(id);
    for (const ref of (absentCol ?? '').split('|').filter(Boolean)) for (const id of idsOf(ref)) expect(got, `${why}: not ${ref}`).not.toContain(id);
    expect(res.total).toBe(got.length);
  });
});

describe('parser', () => {
  it('splits words, phrases, exclusions, OR groups and fields', () => {
    const q = parseQuery('الكويت "رئيس الوزراء" -العراق بغداد OR دمشق entity:"مصطفى الكاظمي" source:bbc from:2018-02 to:2018 type:per');
    expect(q.groups).toHaveLength(3);
    expect(q.groups[1][0].kind).toBe('phrase');
    expect(q.groups[2]).toHaveLength(2);
    expect(q.excluded).toHaveLength(1);
    expect(q.filters).toEqual({ entity: ['مصطفى الكاظمي'], source: ['bbc'], type: ['PER'], notEntity: [], notSource: [], notType: [], from: '2018-02-01', to: '2018-12-31' });
  });
  it('excludes with -entity:, -source: and -type:, and refuses -from:/-to:', async () => {
    const all = await store.search({ q: '', limit: 100 });
    const iraq = await store.search({ q: 'source:iraq-news', limit: 100 });
    expect(iraq.total).toBeGreaterThan(0);
    const notIraq = await store.search({ q: '-source:iraq-news', limit: 100 });
    expect(notIraq.total).toBe(all.total - iraq.total);
    expect(notIraq.hits.some((h) => h.source === 'iraq-news')).toBe(false);
    const withKuwait = await store.search({ q: 'entity:الكويت', limit: 100 });
    const withoutKuwait = await store.search({ q: '-entity:الكويت', limit: 100 });
    expect(withKuwait.total).toBeGreaterThan(0);
    expect(withoutKuwait.total).toBe(all.total - withKuwait.total);
    const people = await store.search({ q: 'type:PER', limit: 100 });
    expect((await store.search({ q: '-type:PER', limit: 100 })).total).toBe(all.total - people.total);
    expect(parseQuery('-source:x').filters).toMatchObject({ source: [], notSource: ['x'] });
    expect(() => parseQuery('الكويت -from:2019')).toThrow(/cannot be excluded/);
  });
  it('finds nothing for text with nothing searchable in it, and refuses an empty date range', async () => {
    for (const q of ['OR', '()', '*', '| OR']) {
      expect(parseQuery(q).unsearchable, q).toBe(true);
      expect((await store.search({ q })).total, q).toBe(0);
    }
    expect(parseQuery('').unsearchable).toBeUndefined();
    expect((await store.search({ q: '' })).total).toBeGreaterThan(0);
    await expect(store.search({ q: 'الكويت', from: '2024', to: '2023' })).rejects.toThrow(/from \(2024-01-01\) is after to \(2023-12-31\)/);
    await expect(store.search({ q: 'الكويت from:2024 to:2023' })).rejects.toThrow(QueryError);
  });
  it('accepts Arabic quotation marks for phrases', () => {
    expect(parseQuery('«الطاقة المتجددة»').groups[0][0].kind).toBe('phrase');
  });
  it('refuses bad dates and types with one clear line', () => {
    expect(() => parseQuery('from:2018-13')).toThrow(QueryError);
    expect(() => parseQuery('to:yesterday')).toThrow(/not a date/);
    expect(() => parseQuery('type:CITY')).toThrow(/PER, ORG, LOC, MISC/);
  });
  it('finds nothing for a query of symbols only, but lists everything for filters only', async () => {
    expect((await store.search({ q: '؟؟ !!' })).total).toBe(0);
    expect((await store.search({ q: 'source:wam' })).total).toBe(1);
  });
  it('treats unknown prefixes and lone operators as words', () => {
    const q = parseQuery('OR http:x -');
    expect(q.groups.length).toBe(1);
  });
});

describe('ranking', () => {
  it('ranks the exact form in the title first', async () => {
    const res = await store.search({ q: 'المستثمرين' });
    expect(res.hits[0].id).toBe('j-004');
    expect(res.hits[0].score).toBeGreaterThan(res.hits[1].score);
  });
  it('boosts title matches over body matches', async () => {
    const res = await store.search({ q: 'مستشفى' });
    const ids = res.hits.map((h) => h.id);
    expect(ids[0] === 'j-008' || titles.get(ids[0])!.includes('مستشفى')).toBe(true);
    expect(titles.get(ids[1])!).toContain('مستشفى');
  });
  it('breaks ties by recency', async () => {
    const s = await openStore(':memory:');
    await s.addArticles([
      { id: 'old', title: 'خبر عن المدينة', text: 'زار الوزير المدينة صباح اليوم', published: '2019-01-01' },
      { id: 'new', title: 'خبر عن المدينة', text: 'زار الوزير المدينة صباح الامس', published: '2020-01-01' },
    ]);
    const res = await s.search({ q: 'المدينة' });
    expect(res.hits.map((h) => h.id)).toEqual(['new', 'old']);
    expect(res.hits[0].score).toBe(res.hits[1].score);
    await s.close();
  });
  it('paginates without overlap', async () => {
    const all = await store.search({ q: 'في', limit: 100 });
    const p1 = await store.search({ q: 'في', limit: 3, offset: 0 });
    const p2 = await store.search({ q: 'في', limit: 3, offset: 3 });
    expect([...p1.hits, ...p2.hits].map((h) => h.id)).toEqual(all.hits.slice(0, 6).map((h) => h.id));
    expect(p1.total).toBe(all.total);
  });
  it('falls back to any word when no article has them all', async () => {
    const res = await store.search({ q: 'زنجبيل المستثمرين' });
    expect(res.relaxed).toBe(true);
    expect(res.hits.map((h) => h.id)).toContain('j-002');
    const none = await store.search({ q: '"زنجبيل المستثمرين"' });
    expect(none.total).toBe(0);
  });
  it('sorts by date on request', async () => {
    const res = await store.search({ q: 'وزير', sort: 'date', limit: 50 });
    const days = res.hits.map((h) => (h.published ?? '').slice(0, 10));
    const dated = days.filter(Boolean);
    expect([...dated].sort().reverse()).toEqual(dated);
  });
});

describe('snippets', () => {
  it('are cut from the original text, diacritics and all, with highlights on the matched words', async () => {
    const res = await store.search({ q: 'الامارات' });
    const hit = res.hits.find((h) => h.title.includes('مستشفى'))!;
    const art = (await store.getArticle(hit.id))!;
    const body = hit.snippet.replace(/^…/, '').replace(/…$/, '');
    expect(art.text.replace(/\n/g, ' ')).toContain(body);
    const marked = hit.highlights.map(([s, e]) => hit.snippet.slice(s, e));
    expect(marked).toContain('الإِمَارَات');
  });
  it('highlight clitic and tatweel forms as written', async () => {
    const r2 = await store.search({ q: 'كويت العاصمه' });
    const marks = r2.hits.flatMap((h) => h.highlights.map(([s, e]) => h.snippet.slice(s, e)));
    expect(marks).toContain('الكويـــت');
    const r3 = await store.search({ q: 'المستثمر' });
    const m3 = r3.hits.flatMap((h) => h.highlights.map(([s, e]) => h.snippet.slice(s, e)));
    expect(m3).toContain('بالمستثمرين');
  });
  it('mark a phrase as one range and title matches separately', async () => {
    const res = await store.search({ q: '"الطاقة المتجددة"' });
    const h = res.hits[0];
    expect(h.highlights.map(([s, e]) => h.snippet.slice(s, e))).toContain('الطاقة المتجددة');
    expect(h.titleHighlights!.map(([s, e]) => h.title.slice(s, e))).toEqual(['للطاقة المتجددة']);
  });
  it('start at the text when nothing matches in it (filter-only query)', async () => {
    const res = await store.search({ q: 'source:wam' });
    expect(res.hits[0].snippet.startsWith('أبوظبي')).toBe(true);
    expect(res.hits[0].highlights).toEqual([]);
  });
});

describe('facets', () => {
  let res: SearchResult;
  beforeAll(async () => {
    res = await store.search({ q: 'وزير OR وزارة', limit: 5 });
  });
  it('count sources and months over all matches, not only the page', () => {
    expect(res.total).toBeGreaterThan(5);
    expect(res.facets.sources.reduce((n, s) => n + s.count, 0)).toBeLessThanOrEqual(res.total);
    expect(res.facets.sources.reduce((n, s) => n + s.count, 0)).toBeGreaterThan(5);
    const months = res.facets.months.map((m) => m.value);
    expect([...months].sort()).toEqual(months);
    for (const m of months) expect(m).toMatch(/^\d{4}-\d{2}$/);
  });
  it('list entities per type, and a facet value filters', async () => {
    expect(Object.keys(res.facets.entities).sort()).toEqual(['LOC', 'MISC', 'ORG', 'PER']);
    const all = [...res.facets.entities.LOC, ...res.facets.entities.PER, ...res.facets.entities.ORG];
    if (!all.length) return; // NER not available: nothing more to check
    const top = all[0];
    const narrowed = await store.search({ q: 'وزير OR وزارة', entity: top.value, limit: 50 });
    expect(narrowed.total).toBe(top.count);
    const src = res.facets.sources[0];
    const bySource = await store.search({ q: 'وزير OR وزارة', source: src.value });
    expect(bySource.total).toBe(src.count);
  });
  it('month facet filter round-trips through from/to', async () => {
    const m = res.facets.months[0];
    const r = await store.search({ q: 'وزير OR وزارة', from: m.value, to: m.value });
    expect(r.total).toBe(m.count);
  });
});

describe('similar', () => {
  it('lists near-duplicates first, then related articles', async () => {
    const sim = await store.similar('j-002');
    expect(sim[0]).toMatchObject({ id: 'j-004', relation: 'near-duplicate' });
    expect(sim.some((s) => s.relation === 'similar')).toBe(true);
    expect(sim.map((s) => s.id)).not.toContain('j-002');
    expect(await store.similar('no-such-id')).toEqual([]);
  });
});
