/**
 * Analysis on worker threads (src/pipeline/pool.ts) and ingest with a pool: the documents are exactly those
 * of analyze() in this thread, and so is everything stored; what cannot be analyzed comes back empty and is
 * reported by the store as if there were no pool.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AnalysisPool } from '../../src/pipeline/pool.js';
import { analyze } from '../../src/pipeline/analyze.js';
import { openStore, type ArticleInput, type Store } from '../../src/store/index.js';
import { ingestArticles } from '../../src/ingest/index.js';
import type { SqliteStore } from '../../src/store/sqlite.js';

const FIX = join(__dirname, '..', 'fixtures', 'ingest');

// our own sentences: names, dates, money, a visit
const TEXTS = [
  'استقبل وزير الخارجية الأردني أيمن الصفدي في عمّان يوم الأحد نظيره المصري، وبحثا مشروعاً بقيمة 40 مليون دولار.',
  'أعلنت شركة الاتصالات الكويتية أرباحاً بلغت 12% في الربع الأول من عام 2021.',
  'يزور رئيس الوزراء العراقي الرياض الأسبوع المقبل لبحث الربط الكهربائي.',
  '',
  'قالت الأمم المتحدة إن ثلاثة ملايين شخص يحتاجون إلى المساعدة في اليمن.',
];

let pool: AnalysisPool;
beforeAll(() => {
  pool = new AnalysisPool(2);
});
afterAll(async () => {
  await pool.close();
});

describe('AnalysisPool', () => {
  it('gives the documents analyze() gives, in request order', async () => {
    const requests = TEXTS.map((text, i) => ({ text, published: `2021-03-0${i + 1}` }));
    // more requests than one message holds, so that both workers take part and the order is put back together
    const many = Array.from({ length: 40 }, (_, k) => requests[k % requests.length]);
    const docs = await pool.analyzeMany(many);
    expect(docs).toHaveLength(many.length);
    many.forEach((r, k) => expect(docs[k]).toEqual(analyze(r.text, { published: r.published })));
  });

  it('returns null for a text it cannot analyze (the caller reports the error)', async () => {
    const docs = await pool.analyzeMany([
      { text: TEXTS[0], published: '2021-02-30' }, // not a date: analyze() throws
      { text: TEXTS[1], published: null },
    ]);
    expect(docs[0]).toBeNull();
    expect(docs[1]).toEqual(analyze(TEXTS[1], { published: null }));
    expect(docs[1]!.amounts.length).toBeGreaterThan(0);
  });

  it('rejects a worker count that is not a whole number ≥ 1, and work after close', async () => {
    expect(() => new AnalysisPool(0)).toThrow(/worker count/);
    const p = new AnalysisPool(1);
    await p.close();
    await expect(p.analyzeMany([{ text: 'نص', published: null }])).rejects.toThrow(/closed/);
  });
});

describe('ingest with worker threads', () => {
  let dir: string;
  let plain: Store;
  let pooled: Store;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'marsad-pool-'));
    plain = await openStore(join(dir, 'plain.db'));
    pooled = await openStore(join(dir, 'pooled.db'));
  });
  afterAll(async () => {
    await plain?.close();
    await pooled?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores exactly what ingest without workers stores', async () => {
    const a = await ingestArticles(plain, [{ path: FIX }], { batchSize: 3, workers: 0 });
    const b = await ingestArticles(pooled, [{ path: FIX }], { batchSize: 3, workers: 2 });
    const { elapsedMs: _a, ...sa } = a;
    const { elapsedMs: _b, ...sb } = b;
    expect(sb).toEqual(sa);
    expect(a.added).toBeGreaterThan(10);
    for (const id of a.addedIds) {
      const x = await plain.getArticle(id);
      const y = await pooled.getArticle(id);
      expect(y).not.toBeNull();
      const strip = (s: typeof x) => ({ ...s, ingestedAt: undefined, ingested_at: undefined });
      expect(strip(y)).toEqual(strip(x));
    }
    expect((await pooled.stats()).articles).toBe((await plain.stats()).articles);
    // the documents came from the workers: the store analyzed none itself
    expect((plain as SqliteStore).timings.analyzedHere).toBe(a.added);
    expect((pooled as SqliteStore).timings.analyzedHere).toBe(0);
  });

  it("'auto' starts no workers for a small input (loading their models would cost more than it saves)", async () => {
    const s = await openStore(join(dir, 'auto.db'));
    try {
      const r = await ingestArticles(s, [{ path: FIX }], { batchSize: 3, workers: 'auto' });
      expect(r.added).toBeGreaterThan(10);
      expect((s as SqliteStore).timings.analyzedHere).toBe(r.added);
    } finally {
      await s.close();
    }
  });

  it('knows what is stored before analyzing it again (storedDuplicates)', async () => {
    const stored = (await pooled.getArticle((await ingestArticles(pooled, [{ text: TEXTS[2], id: 'p-1' }])).addedIds[0]))!;
    const probe: ArticleInput[] = [{ text: stored.text.replace(/\n/g, '\r\n') }, { text: TEXTS[4] }, { text: '   ' }];
    expect(await pooled.storedDuplicates(probe)).toEqual(['p-1', null, null]);
  });

  it('a failing record is reported the same with a pool (analysis throws in the worker, then here)', async () => {
    const bad: ArticleInput[] = Array.from({ length: 4 }, (_, i) => ({ id: `bad-${i}`, text: `${TEXTS[0]} (${i})`, published: i === 2 ? '2021-02-30' : '2021-03-01' }));
    const r = await ingestArticles(pooled, bad.map((a) => ({ ...a })), { batchSize: 2, workers: 1 });
    const r0 = await ingestArticles(plain, bad.map((a) => ({ ...a })), { batchSize: 2, workers: 0 });
    expect(r.added).toBe(r0.added);
    expect(r.failures).toEqual(r0.failures);
  });
});
