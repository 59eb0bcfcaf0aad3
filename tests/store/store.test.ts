import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openStore, openExistingStore, type Store, type IngestSummary } from '../../src/store/index.js';
import { ingestArticles } from '../../src/ingest/index.js';
import { analyze } from '../../src/pipeline/analyze.js';
import type { ArabicDoc } from '../../src/doc.js';
import { canonicalKey } from '../../src/link/index.js';

const FIX = join(__dirname, '..', 'fixtures', 'ingest');
let dir: string;
let store: Store;
let first: IngestSummary;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'marsad-store-'));
  store = await openStore(join(dir, 'm.db'));
  first = await ingestArticles(store, [{ path: FIX }], { batchSize: 4 });
});
afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('ingesting the fixture corpus', () => {
  it('adds every article once, skipping the exact duplicate and reporting the bad records', () => {
    // 3 pages + 1 linked page + 3 RSS + 2 Atom + 6 JSONL records + 3 texts = 18 read … minus the duplicate
    expect(first.read).toBe(20);
    expect(first.added).toBe(17);
    expect(first.duplicates).toBe(1);
    expect(first.nearDuplicates).toBe(1);
    expect(first.failed).toBe(2);
    const reasons = first.failures.map((f) => `${f.where.replace(FIX, '')}: ${f.reason}`);
    expect(reasons).toEqual(['/jsonl/articles.jsonl:5: invalid JSON line', '/jsonl/articles.jsonl:6: empty text']);
  });
  it('adds nothing when the same inputs are ingested again (ingest log)', async () => {
    const again = await ingestArticles(store, [{ path: FIX }]);
    expect(again).toMatchObject({ read: 0, added: 0, duplicates: 0 });
    expect(again.skippedInputs).toBe(10); // every file
  });
  it('adds nothing from a copy of the inputs either (content hashes)', async () => {
    const copy = join(dir, 'copy');
    cpSync(FIX, copy, { recursive: true });
    const again = await ingestArticles(store, [{ path: copy }]);
    expect(again.added).toBe(0);
    expect(again.duplicates).toBe(again.read - again.failed);
    expect((await store.stats()).articles).toBe(17);
  });
  it('keeps ids from the input, maps other field names, derives stable ids otherwise', async () => {
    expect(await store.hasArticle('j-001')).toBe(true);
    expect(await store.hasArticle('j-003')).toBe(false); // the exact duplicate of j-001
    const j7 = (await store.getArticle('j-007'))!;
    expect(j7).toMatchObject({ title: 'العراق يعيد فتح معبر حدودي مع سوريا', source: 'iraq-news', url: 'https://example.org/iraq/7', published: 'Mon, 30 Sep 2019 11:00:00 GMT'.length ? j7.published : '' });
    expect(j7.published?.startsWith('2019-09-30')).toBe(true);
    expect(j7.text).not.toContain('<p>');
  });
  it('links the near-duplicate to its original', async () => {
    const j4 = (await store.getArticle('j-004'))!;
    expect(j4.nearDuplicateOf).toBe('j-002');
    expect((await store.getArticle('j-002'))!.nearDuplicates).toEqual(['j-004']);
    const hit = (await store.search({ q: 'جدة المستثمرين' })).hits.find((h) => h.id === 'j-004')!;
    expect(hit.nearDuplicateOf).toBe('j-002');
  });
  it('stores text datelines as source and place, and the windows-1256 page decoded', async () => {
    const res = await store.search({ q: 'source:إيلاف' });
    expect(res.total).toBe(1);
    const a = (await store.getArticle(res.hits[0].id))!;
    expect(a).toMatchObject({ source: 'إيلاف', place: 'لندن', title: 'وفد عراقي رفيع يزور الكويت لبحث ملف الحدود البحرية' });
    const b = (await store.search({ q: 'موازنة بعبدا' })).hits[0];
    expect(b.title).toBe('الحكومة اللبنانية تقر موازنة العام المقبل');
    expect(b.published).toBe('2019-10-21');
  });
  it('keeps every layer with offsets into the original text', async () => {
    const a = (await store.getArticle('j-008'))!;
    expect(a.doc.tokens.length).toBeGreaterThan(20);
    expect(a.doc.sentences.length).toBeGreaterThan(1);
    for (const t of a.doc.tokens) expect(a.text.slice(t.start, t.end)).toBe(t.text);
    for (const e of a.doc.entities) {
      expect(a.text.slice(e.start, e.end)).toBe(e.text);
      expect(e.entity).toBeTruthy();
    }
    for (const t of a.doc.times) expect(a.text.slice(t.start, t.end)).toBe(t.text);
    expect(a.doc.published).toBe('2022-05-10');
  });
  it('reports statistics', async () => {
    const s = await store.stats();
    expect(s).toMatchObject({ articles: 17, nearDuplicates: 1, schemaVersion: 6 });
    expect(s.duplicatesSkipped).toBeGreaterThanOrEqual(1);
    expect(s.dbBytes).toBeGreaterThan(0);
    expect(s.firstPublished).toBe('2019-03-12');
    expect(s.lastPublished).toBe('2022-05-10');
  });
  it('exports every article with its entities, newest first without a query', async () => {
    const rows = [];
    for await (const r of store.exportArticles({ q: '' })) rows.push(r);
    expect(rows).toHaveLength(17);
    const days = rows.map((r) => (r.published ?? '').slice(0, 10)).filter(Boolean);
    expect([...days].sort().reverse()).toEqual(days);
    const limited = [];
    for await (const r of store.exportArticles({ q: 'المستثمرين', limit: 1 })) limited.push(r);
    expect(limited).toHaveLength(1);
  });
  it('uses WAL journaling', () => {
    const db = new Database(join(dir, 'm.db'), { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });
});

describe('adding articles', () => {
  let s: Store;
  beforeAll(async () => {
    s = await openStore(':memory:');
  });
  afterAll(async () => s.close());

  it('reports a failing article and keeps the rest of the batch', async () => {
    const r = await s.addArticles([
      { id: 'ok1', title: 'أ', text: 'نص أول عن الاقتصاد' },
      { id: 'bad', title: 'ب', text: '' },
      { id: 'bad2', text: null as unknown as string },
      { id: 'ok2', title: 'ج', text: 'نص ثان عن السياسة' },
      { id: 'ok3', title: 'د', text: 'نص ثان عن السياسة!' }, // same letters: an exact duplicate
      { id: 'emoji', text: '😀' }, // no letter or digit: nothing to read, not a duplicate of the next
      { id: 'emoji2', text: '👍 !!!' },
    ]);
    expect(r.outcomes.map((o) => o.status)).toEqual(['added', 'failed', 'failed', 'added', 'duplicate', 'failed', 'failed']);
    expect(r.outcomes[1].reason).toBe('empty text');
    expect(r.outcomes[5].reason).toBe('no text to read (no letter or digit)');
    expect(r).toMatchObject({ added: 2, failed: 4, duplicates: 1 });
  });
  it('gives a colliding input id a suffix instead of overwriting', async () => {
    const r = await s.addArticles([{ id: 'ok1', title: 'هـ', text: 'نص مختلف تماما عن الرياضة' }]);
    expect(r.outcomes[0].id).toMatch(/^ok1~[0-9a-f]{8}$/);
    expect((await s.getArticle('ok1'))!.text).toBe('نص أول عن الاقتصاد');
  });
  it('derives a title when there is none', async () => {
    const r = await s.addArticles([{ text: 'أعلنت الحكومة خطة جديدة للنقل. وقال الوزير إنها تبدأ قريبا.' }]);
    const a = (await s.getArticle(r.outcomes[0].id!))!;
    expect(a.title).toBe('أعلنت الحكومة خطة جديدة للنقل.');
    expect(a.id).toMatch(/^[0-9a-f]{16}$/);
  });
  it('ingests raw content of any format and ready articles (what the server posts)', async () => {
    const html = '<html><head><meta charset="windows-1256"><title>ت</title></head><body><article><h1>عنوان الصفحة هنا</h1><p>نص عربي طويل بما يكفي ليكون مقالا كاملا عن الاقتصاد والسياسة.</p></article></body></html>';
    const r = await ingestArticles(s, [
      { content: html, name: 'posted.html' },
      { content: '{"id":"c1","title":"سطر","text":"نص السطر الأول عن الزراعة"}\n{"id":"c2","text":"نص السطر الثاني عن الصناعة"}\n', format: 'jsonl' },
      { id: 'p1', title: 'مقال مرسل', text: 'نص مقال مرسل عبر الواجهة عن التعليم', source: 'api' },
      { nothing: true } as never,
    ]);
    expect(r).toMatchObject({ read: 5, added: 4, failed: 1 });
    expect(r.failures[0].reason).toMatch(/needs "text", "path", "url" or "content"/);
    const page = (await s.search({ q: 'عنوان الصفحة' })).hits[0];
    expect(page.title).toBe('عنوان الصفحة هنا');
    expect(await s.hasArticle('c2')).toBe(true);
    expect((await s.getArticle('p1'))!.source).toBe('api');
  });
  it('refuses to open what is not a database, in one line', async () => {
    const bogus = join(dir, 'not-a-db.db');
    writeFileSync(bogus, 'hello, this is text and not SQLite at all'.repeat(100));
    await expect(openStore(bogus)).rejects.toThrow(/not a Marsad database/);
    await expect(openExistingStore(join(dir, 'missing.db'))).rejects.toThrow(/no database at/);
  });
});

/** A document with hand-built entity/time/role/event layers, so these tests do not depend on NER accuracy. */
function handDoc(text: string, published: string, spans: Array<{ text: string; type: 'PER' | 'ORG' | 'LOC'; entity?: string; canonical?: string; nth?: number }>, times: Array<{ text: string; value: string }> = []): ArabicDoc {
  const doc = analyze(text, { published });
  const find = (s: string, nth = 0) => {
    let at = -1;
    for (let i = 0; i <= nth; i++) at = text.indexOf(s, at + 1);
    if (at < 0) throw new Error(`"${s}" not in text`);
    return at;
  };
  doc.entities = spans.map((sp) => {
    const start = find(sp.text, sp.nth ?? 0);
    return { start, end: start + sp.text.length, text: sp.text, type: sp.type, tokenStart: 0, tokenEnd: 0, ...(sp.entity ? { entity: sp.entity, canonical: sp.canonical } : {}) };
  });
  doc.times = times.map((t) => {
    const start = find(t.text);
    return { start, end: start + t.text.length, text: t.text, kind: 'date' as const, value: t.value, granularity: 'day' as const, resolved: true };
  });
  doc.roles = [];
  doc.events = [];
  return doc;
}

describe('entities, time line and events', () => {
  let s: Store;
  beforeAll(async () => {
    s = await openStore(':memory:');
    const t1 = 'قال رئيس الوزراء مصطفى الكاظمي إنه سيزور الكويت يوم السبت المقبل. وفي بغداد قال مسؤول إن الزيارة مهمة.';
    const t2 = 'استقبل أمير الكويت رئيس الوزراء العراقي الكاظمي يوم 28 آب في قصر بيان.';
    const t3 = 'التقى الكاظمى وفدا من رجال الأعمال في بغداد.';
    const d1 = handDoc(t1, '2021-08-14', [
      { text: 'مصطفى الكاظمي', type: 'PER', entity: 'PER:مصطفي الكاظمي', canonical: 'مصطفى الكاظمي' },
      { text: 'الكويت', type: 'LOC' },
      { text: 'بغداد', type: 'LOC' },
    ], [{ text: 'يوم السبت المقبل', value: '2021-08-21' }]);
    d1.roles = [{ start: d1.entities[0].start - 12, end: d1.entities[0].end, text: 'رئيس الوزراء مصطفى الكاظمي', title: 'رئيس الوزراء', of: 'العراق', person: { entity: 'PER:مصطفي الكاظمي', name: 'مصطفى الكاظمي', type: 'PER' } }];
    d1.events = [{
      start: 0, end: 60, text: 'سيزور الكويت يوم السبت المقبل', type: 'VISIT', cameo: '042', status: 'planned', sentence: 0, time: '2021-08-21',
      actor: { entity: 'PER:مصطفي الكاظمي', name: 'مصطفى الكاظمي', type: 'PER' }, target: null, place: { entity: 'LOC:الكويت', name: 'الكويت', type: 'LOC' },
    }];
    const d2 = handDoc(t2, '2021-08-29', [
      { text: 'الكويت', type: 'LOC' },
      { text: 'الكاظمي', type: 'PER', entity: 'PER:مصطفي الكاظمي', canonical: 'مصطفى الكاظمي' },
    ], [{ text: 'يوم 28 آب', value: '2021-08-28' }]);
    const d3 = handDoc(t3, '2021-09-02', [
      { text: 'الكاظمى', type: 'PER', entity: 'PER:مصطفي الكاظمي', canonical: 'مصطفى الكاظمي' },
      { text: 'بغداد', type: 'LOC' },
    ]);
    const r = await s.addArticles(
      [
        { id: 'k1', title: 'الكاظمي إلى الكويت', text: t1, published: '2021-08-14', source: 'إيلاف' },
        { id: 'k2', title: 'أمير الكويت يستقبل الكاظمي', text: t2, published: '2021-08-29', source: 'kuna' },
        { id: 'k3', title: 'الكاظمي ورجال الأعمال', text: t3, published: '2021-09-02', source: 'ina' },
      ],
      { docs: [d1, d2, d3] },
    );
    expect(r.added).toBe(3);
  });
  afterAll(async () => s.close());

  it('stores mentions under the linker id, else TYPE:folded text, with their aliases', async () => {
    const list = await s.listEntities({ type: 'PER' });
    expect(list.entities[0]).toMatchObject({ id: 'PER:مصطفي الكاظمي', name: 'مصطفى الكاظمي', mentions: 3, articleCount: 3, firstSeen: '2021-08-14', lastSeen: '2021-09-02' });
    expect([...list.entities[0].aliases].sort()).toEqual(['الكاظمى', 'الكاظمي', 'مصطفى الكاظمي'].sort());
    const locs = await s.listEntities({ type: 'LOC' });
    expect(locs.entities.map((e) => e.id).sort()).toEqual(['LOC:الكويت', 'LOC:بغداد']);
  });
  it('lists for a date window the entities mentioned in it, with their counts there', async () => {
    const w = await s.listEntities({ from: '2021-08-20', to: '2021-08-31' });
    // Baghdad was named before and after the window, not in it
    expect(w.entities.map((e) => e.id).sort()).toEqual(['LOC:الكويت', 'PER:مصطفي الكاظمي']);
    expect(w.entities.find((e) => e.type === 'PER')).toMatchObject({ mentions: 1, articleCount: 1, firstSeen: '2021-08-29', lastSeen: '2021-08-29' });
    expect(w.total).toBe(2);
    await expect(s.listEntities({ from: '2021-09', to: '2021-08' })).rejects.toThrow(/is after/);
  });
  it('finds entities by any spelling of a name or a part of it', async () => {
    expect((await s.listEntities({ q: 'الكاظمى' })).entities[0]?.id).toBe('PER:مصطفي الكاظمي');
    expect((await s.getEntity('كاظمي'))?.id).toBe('PER:مصطفي الكاظمي');
    expect(await s.getEntity('لا يوجد')).toBeNull();
  });
  it('looks a name typed with a proclitic up without it («والكويت» is الكويت), wherever a name is given', async () => {
    expect((await s.listEntities({ q: 'والكويت' })).entities.map((e) => e.id)).toEqual(['LOC:الكويت']);
    expect((await s.listEntities({ q: 'وبغداد' })).entities.map((e) => e.id)).toEqual(['LOC:بغداد']);
    expect((await s.getEntity('بالكويت'))?.id).toBe('LOC:الكويت');
    expect((await s.search({ q: 'entity:وبغداد' })).hits.map((h) => h.id).sort()).toEqual(['k1', 'k3']);
    expect((await s.search({ q: '', entity: 'للكاظمي' })).total).toBe(3);
    expect((await s.timeline({ entity: ['والكاظمي'] })).items.length).toBeGreaterThan(0);
    // nothing stays nothing
    expect((await s.listEntities({ q: 'وزززق' })).total).toBe(0);
    expect(await s.getEntity('وزززق')).toBeNull();
  });
  it('gives entity detail: counts per week and month, co-occurring entities, articles, roles, events', async () => {
    const e = (await s.getEntity('PER:مصطفي الكاظمي'))!;
    expect(e.mentionsByMonth).toEqual([{ period: '2021-08', count: 2 }, { period: '2021-09', count: 1 }]);
    expect(e.mentionsByWeek.map((w) => w.period)).toEqual(['2021-W32', '2021-W34', '2021-W35']);
    expect(e.cooccurring.map((c) => [c.id, c.count])).toEqual([['LOC:الكويت', 2], ['LOC:بغداد', 2]]);
    expect(e.articles.map((a) => a.id)).toEqual(['k3', 'k2', 'k1']);
    expect(e.roles).toEqual([expect.objectContaining({ title: 'رئيس الوزراء', of: 'العراق', count: 1, articles: ['k1'] })]);
    expect(e.events.map((ev) => ev.type)).toEqual(['VISIT']);
    expect(e.aliasCounts.reduce((n, a) => n + a.count, 0)).toBe(3);
  });
  it('filters search by entity in any spelling and by type', async () => {
    expect((await s.search({ q: 'entity:الكاظمى' })).total).toBe(3);
    expect((await s.search({ q: 'entity:بغداد' })).hits.map((h) => h.id).sort()).toEqual(['k1', 'k3']);
    expect((await s.search({ q: '', entity: 'الكويت', source: 'kuna' })).total).toBe(1);
    expect((await s.search({ q: 'قصر', type: 'PER' })).total).toBe(1);
    expect((await s.search({ q: 'entity:بغداد entity:الكويت' })).hits.map((h) => h.id)).toEqual(['k1']);
    const f = (await s.search({ q: 'الكاظمي' })).facets;
    expect(f.entities.PER[0]).toMatchObject({ value: 'PER:مصطفي الكاظمي', label: 'مصطفى الكاظمي', count: 3 });
    expect(f.entities.LOC.map((x) => x.count)).toEqual([2, 2]);
  });
  it.skipIf(canonicalKey('ترمب', 'PER') !== canonicalKey('ترامب', 'PER'))('resolves transliteration variants through the linker key', async () => {
    const text = 'قال الرئيس الأمريكي ترامب إن المحادثات كانت مثمرة.';
    const doc = handDoc(text, '2018-06-12', [{ text: 'ترامب', type: 'PER', entity: canonicalKey('ترامب', 'PER'), canonical: 'دونالد ترامب' }]);
    await s.addArticles([{ id: 'tr1', title: 'تصريح', text, published: '2018-06-12' }], { docs: [doc] });
    expect((await s.search({ q: 'entity:ترمب' })).hits.map((h) => h.id)).toEqual(['tr1']);
    expect((await s.getEntity('ترمب'))?.name).toBe('دونالد ترامب');
  });
  it('keeps an alias as a name reads, without hashtag marks', async () => {
    const text = 'قال دونالد #ترمب إن القمة ناجحة، وكتب لاحقا عن #دونالد_ترمب.';
    const key = canonicalKey('دونالد ترامب', 'PER');
    const doc = handDoc(text, '2018-06-13', [
      { text: 'دونالد #ترمب', type: 'PER', entity: key, canonical: 'دونالد ترامب' },
      { text: 'دونالد_ترمب', type: 'PER', entity: key, canonical: 'دونالد ترامب' },
    ]);
    await s.addArticles([{ id: 'hash1', title: 'تغريدة', text, published: '2018-06-13' }], { docs: [doc] });
    const e = (await s.getEntity(key))!;
    expect(e.aliasCounts.filter((a) => /ترمب/.test(a.alias))).toEqual([{ alias: 'دونالد ترمب', count: 2 }]);
  });
  it('builds a time line by resolved date, not publication date', async () => {
    const tl = await s.timeline({ entity: 'الكاظمي' });
    expect(tl.items.map((i) => [i.kind, i.date, i.article.id])).toEqual([
      ['event', '2021-08-21', 'k1'], // same day and article: by position in the text
      ['time', '2021-08-21', 'k1'],
      ['time', '2021-08-28', 'k2'],
    ]);
    expect(tl.total).toBe(3);
    // newest first, a page at a time: the latest items of a long line can be asked for
    const desc = await s.timeline({ entity: 'الكاظمي', order: 'desc', limit: 2 });
    expect(desc.items.map((i) => [i.kind, i.date])).toEqual([['time', '2021-08-28'], ['time', '2021-08-21']]);
    expect(desc.total).toBe(3);
    expect((await s.timeline({ entity: 'الكاظمي', order: 'desc', limit: 2, offset: 2 })).items.map((i) => [i.kind, i.date])).toEqual([['event', '2021-08-21']]);
    expect(tl.items[1].context).toContain('سيزور الكويت');
    expect(tl.items[1].entities.map((e) => e.entity)).toContain('PER:مصطفي الكاظمي');
    const aug = await s.timeline({ from: '2021-08-25', to: '2021-08' });
    expect(aug.items.map((i) => i.date)).toEqual(['2021-08-28']);
    expect((await s.timeline({ entity: 'لا أحد' })).items).toEqual([]);
    // a time mentioned in a sentence without the entity is not on its line
    expect((await s.timeline({ entity: 'بغداد', kinds: ['time'] })).items).toEqual([]);
  });
  it('lists events with filters', async () => {
    expect((await s.listEvents({ type: 'VISIT' })).total).toBe(1);
    expect((await s.listEvents({ cameo: '04' })).events[0].article.id).toBe('k1');
    expect((await s.listEvents({ entity: 'الكاظمي' })).total).toBe(1);
    expect((await s.listEvents({ place: 'الكويت' })).total).toBe(1);
    expect((await s.listEvents({ from: '2021-09' })).total).toBe(0);
    expect((await s.listEvents({ status: 'planned' })).events[0]).toMatchObject({ type: 'VISIT', time: '2021-08-21' });
  });
});

describe('records that carry both text and url', () => {
  it('stores the given text and never fetches the url (it is metadata)', async () => {
    const d = mkdtempSync(join(tmpdir(), 'marsad-texturl-'));
    const s = await openStore(join(d, 'm.db'));
    try {
      // port 9 (discard) on loopback: a fetch would fail, so a failure here means the url was followed
      const r = await ingestArticles(s, [
        { id: 'tu-1', title: 'زيارة رسمية', text: 'وصل وزير الخارجية إلى عمّان في زيارة رسمية تستمر يومين.', url: 'http://127.0.0.1:9/never-fetched' },
      ]);
      expect(r.failed).toBe(0);
      expect(r.added).toBe(1);
      const a = await s.getArticle('tu-1');
      expect(a?.url).toBe('http://127.0.0.1:9/never-fetched');
      expect(a?.text).toContain('عمّان');
    } finally {
      await s.close();
      rmSync(d, { recursive: true, force: true });
    }
  });
});

describe('datelines in any input', () => {
  it('takes place and source from a dateline opening an HTML page or a record, never overriding stated ones', async () => {
    const d = mkdtempSync(join(tmpdir(), 'marsad-dateline-'));
    const s = await openStore(join(d, 'm.db'));
    try {
      const body = 'قال مسؤولون في وزارة المالية إن الحكومة أقرت موازنة جديدة تركز على دعم المشاريع الصغيرة وخفض العجز خلال العامين المقبلين. '.repeat(3);
      const page = `<!doctype html><html><head><meta charset="utf-8"><title>موازنة جديدة</title></head><body><article><h1>موازنة جديدة</h1><p>عمّان - وكالة البتراء: ${body}</p></article></body></html>`;
      const r = await ingestArticles(s, [
        { content: page, name: 'page.html', format: 'html' },
        { id: 'dl-2', text: `الرباط (و م ع) - ${body} وأضافوا أن التنفيذ يبدأ فورا.`, source: 'نشرة المغرب' },
        { id: 'dl-3', text: `بيروت - رويترز: ${body} وتابعوا أن الخطة طموحة.`, place: 'لبنان' },
      ]);
      expect(r.failed).toBe(0);
      const hits = await s.search({ q: 'موازنة', limit: 10 });
      const page1 = hits.hits.find((h) => h.title === 'موازنة جديدة');
      const a1 = await s.getArticle(page1!.id);
      expect([a1?.place, a1?.source]).toEqual(['عمّان', 'وكالة البتراء']);
      const a2 = await s.getArticle('dl-2');
      expect([a2?.place, a2?.source]).toEqual(['الرباط', 'نشرة المغرب']);
      const a3 = await s.getArticle('dl-3');
      expect(a3?.place).toBe('لبنان');
    } finally {
      await s.close();
      rmSync(d, { recursive: true, force: true });
    }
  });
});

describe('events over a period', () => {
  const text = 'ازدهرت صناعة السينما في الستينيات. وتقام المهرجانات في نهاية الأسبوع.';
  const event = (time: string, start: number) => ({
    start, end: start + 5, text: text.slice(start, start + 5), type: 'HOST_CONFERENCE', cameo: '043', status: 'occurred' as const, sentence: 0, time,
    actor: null, target: null, place: null,
  });
  const doc = (): ArabicDoc => {
    const d = handDoc(text, '2021-08-14', []);
    d.events = [event('196', 0), event('2018-W15-WE', 40)];
    return d;
  };
  const days = async (st: Store, from: string, to: string) => (await st.listEvents({ from, to })).events.map((e) => e.time);

  it('finds an event whose week, season or decade overlaps the dates asked for, also in a database written before (migration 5)', async () => {
    const d = mkdtempSync(join(tmpdir(), 'marsad-periods-'));
    try {
      const file = join(d, 'p.db');
      let st = await openStore(file);
      await st.addArticles([{ id: 'p1', title: 'عن السينما', text, published: '2021-08-14' }], { docs: [doc()] });
      expect(await days(st, '1965-03-01', '1965-03-31')).toEqual(['196']);
      expect(await days(st, '2018-04-15', '2018-04-15')).toEqual(['2018-W15-WE']);
      expect(await days(st, '2021-08-14', '2021-08-14')).toEqual([]);
      await expect(st.listEvents({ from: '2019', to: '2018' })).rejects.toThrow(/is after/);
      await st.close();
      // as a database of schema 4 stored them: no end day, a decade on the publication day
      const old = new Database(file);
      old.exec("ALTER TABLE events DROP COLUMN end_day; UPDATE events SET sort_day = '2021-08-14' WHERE time = '196'");
      old.pragma('user_version = 4');
      old.close();
      st = await openStore(file);
      expect(await days(st, '1965-03-01', '1965-03-31')).toEqual(['196']);
      expect(await days(st, '2018-04-15', '2018-04-15')).toEqual(['2018-W15-WE']);
      expect((await st.stats()).schemaVersion).toBe(6);
      await st.close();
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });
});

describe('aliases', () => {
  it('keeps a head noun or a word for a country as a mention, not an alias («الحزب» is no name of one party)', async () => {
    const st = await openStore(':memory:');
    const text = 'أعلن حزب العمال فوزه، وقال الحزب إن البلاد تنتظر الإصلاح في تونس.';
    const d = handDoc(text, '2021-08-14', [
      { text: 'حزب العمال', type: 'ORG', entity: 'ORG:حزب عمال', canonical: 'حزب العمال' },
      { text: 'الحزب', type: 'ORG', entity: 'ORG:حزب عمال', canonical: 'حزب العمال' },
      { text: 'البلاد', type: 'LOC', entity: 'LOC:تونس', canonical: 'تونس' },
      { text: 'تونس', type: 'LOC', entity: 'LOC:تونس', canonical: 'تونس' },
    ]);
    await st.addArticles([{ id: 'a1', title: 'فوز الحزب', text, published: '2021-08-14' }], { docs: [d] });
    const party = (await st.getEntity('ORG:حزب عمال'))!;
    expect(party.mentions).toBe(2);
    expect([...party.aliases]).toEqual(['حزب العمال']);
    expect((await st.getEntity('LOC:تونس'))!.aliases).toEqual(['تونس']);
    await st.close();
  });
});

describe('entity names given by a user', () => {
  it('mean the entity whose key the name is, not every entity whose name contains it', async () => {
    const st = await openStore(':memory:');
    const t1 = 'قال سامر في المؤتمر إن النتائج جيدة.';
    const t2 = 'وقالت مصادر إن سامر حداد لم يحضر الاجتماع.';
    const d1 = handDoc(t1, '2021-08-14', [{ text: 'سامر', type: 'PER', entity: canonicalKey('سامر', 'PER'), canonical: 'سامر' }]);
    const d2 = handDoc(t2, '2021-08-14', [{ text: 'سامر حداد', type: 'PER', entity: canonicalKey('سامر حداد', 'PER'), canonical: 'سامر حداد' }]);
    await st.addArticles([{ id: 'n1', title: 'أ', text: t1, published: '2021-08-14' }, { id: 'n2', title: 'ب', text: t2, published: '2021-08-14' }], { docs: [d1, d2] });
    expect((await st.search({ q: '', entity: 'سامر' })).hits.map((h) => h.id)).toEqual(['n1']);
    // a name no entity owns still finds those that contain it
    expect((await st.search({ q: '', entity: 'حداد' })).hits.map((h) => h.id)).toEqual(['n2']);
    await st.close();
  });
});
