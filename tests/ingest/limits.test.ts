/** What one run holds and says at its limits: an article too long to analyze, a cut feed, XML that is no feed, thousands of failures and warnings. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { openStore, type IngestSummary, type Store } from '../../src/store/index.js';
import { ingestArticles } from '../../src/ingest/index.js';
import { MAX_ARTICLE_CHARS } from '../../src/ingest/run.js';
import { summaryText } from '../../src/ingest/progress.js';

let store: Store;

beforeAll(async () => {
  store = await openStore(':memory:');
});

afterAll(async () => {
  await store.close();
});

describe('ingest limits', () => {
  it('fails an article too long to analyze alone, and stores the others', async () => {
    const long = 'جملة طويلة عن موضوع واحد. '.repeat(Math.ceil((MAX_ARTICLE_CHARS + 1) / 25));
    const s = await ingestArticles(store, [
      { id: 'too-long', text: long },
      { id: 'fine', text: 'افتتح رئيس البلدية معرضا للصور القديمة في المكتبة العامة.' },
    ], { workers: 0 });
    expect(s).toMatchObject({ read: 2, added: 1, failed: 1 });
    expect(s.failures[0].reason).toMatch(/^too long for one article \(\d+\.\d million characters; the limit is 5 million\)$/);
  });

  it('lists at most 10,000 warnings and counts the rest', async () => {
    // records with an unreadable date and no text: a warning and a failure each, nothing to analyze
    const lines = Array.from({ length: 10_050 }, (_, i) => JSON.stringify({ id: `w${i}`, text: '', date: `not a date ${i}` })).join('\n');
    const s = await ingestArticles(store, [{ content: lines, name: 'dates.jsonl' }], { workers: 0 });
    expect(s.failed).toBe(10_050);
    expect(s.failures).toHaveLength(10_000);
    expect(s.warnings).toHaveLength(10_001);
    expect(s.warnings[10_000].reason).toBe('50 more warnings not listed');
  });

  it('fails the item a cut feed ends inside, and XML that is no feed, naming why', async () => {
    const feed = '<rss version="2.0"><channel><title>نشرة</title><item><title>بند كامل</title><description>افتتحت وزارة النقل محطة قطارات جديدة في الضاحية الشمالية.</description></item><item><title>بند مقطوع</title><description>بدأت البلدية أعمال';
    const s = await ingestArticles(store, [
      { content: feed, name: 'cut.rss' },
      { content: '<?xml version="1.0"?><!-- map --><urlset><url><loc>https://a.example/1</loc></url></urlset>', name: 'sitemap.xml' },
    ], { workers: 0 });
    expect(s).toMatchObject({ added: 1, failed: 2 });
    expect(s.failures).toEqual([
      { where: 'cut.rss item 2', reason: 'cut short: the feed ends inside it' },
      { where: 'sitemap.xml', reason: 'an XML document that is no RSS or Atom feed (<urlset>)' },
    ]);
  });

  it.skipIf(!existsSync('/dev/zero'))('refuses a device as an input (reading /dev/zero never ended)', async () => {
    const s = await ingestArticles(store, [{ path: '/dev/zero' }], { workers: 0 });
    expect(s.failures).toEqual([{ where: '/dev/zero', reason: 'not a regular file (a device or a socket)' }]);
  }, 10_000);

  it('the summary text counts what it does not print from the totals', () => {
    const s: IngestSummary = {
      read: 50_000, added: 0, duplicates: 0, nearDuplicates: 0, failed: 50_000, skippedInputs: 0, addedIds: [], elapsedMs: 1000,
      failures: Array.from({ length: 10_000 }, (_, i) => ({ where: `x:${i + 1}`, reason: 'invalid JSON line' })),
      warnings: Array.from({ length: 25 }, (_, i) => ({ where: `y:${i + 1}`, reason: 'publication date "z" is no calendar date: stored without one' })),
    };
    const text = summaryText(s);
    expect(text).toContain('  … and 49980 more failures (--json lists the first 10000)');
    expect(text).toContain('  … and 5 more warnings (--json lists them)');
  });
});
