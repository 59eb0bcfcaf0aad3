/**
 * `--workers auto` only ever speeds ingest up: when no analysis worker can start (the worker script is missing,
 * e.g. run from unbuilt sources), a big input is analyzed in the main thread with a warning, and nothing is lost.
 * An explicit worker count fails loudly instead.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/index.js';
import { ingestArticles } from '../../src/ingest/index.js';
import type { SqliteStore } from '../../src/store/sqlite.js';

vi.mock('../../src/pipeline/pool.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/pipeline/pool.js')>();
  class MissingWorkerPool {
    constructor() {
      throw new Error('analysis worker not found (/nowhere/worker.js); run npm run build');
    }
  }
  const missing = () => {
    throw new Error('analysis worker not found (/nowhere/worker.js); run npm run build');
  };
  return { ...real, AnalysisPool: MissingWorkerPool, workerScript: missing };
});

const dir = mkdtempSync(join(tmpdir(), 'marsad-fallback-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// big enough for 'auto' to want workers (it starts them only when 2,000 or more articles are still to come)
const N = 2400;
const CITIES = ['الموصل', 'البصرة', 'أربيل', 'كربلاء', 'النجف', 'الرمادي'];
const input = join(dir, 'many.jsonl');
writeFileSync(
  input,
  Array.from({ length: N }, (_, i) =>
    JSON.stringify({
      id: `n-${i}`,
      title: `نشرة رقم ${i}`,
      // a few hundred bytes each, so that the size of what was read soon tells how many are to come
      text:
        `افتتح محافظ ${CITIES[i % CITIES.length]} مشروعا رقمه ${i} بكلفة ${i + 3} ملايين دينار يوم ${1 + (i % 28)} آذار، ` +
        `وقال إن العمل فيه يبدأ في الشهر المقبل ويستمر ${2 + (i % 5)} سنوات، وإن ${100 + i} عامل سيعملون فيه.`,
    }),
  ).join('\n') + '\n',
);

describe("ingest with workers 'auto' when no worker can start", () => {
  it('analyzes in the main thread, warns once, and stores every article', async () => {
    const store = await openStore(join(dir, 'auto.db'));
    try {
      const r = await ingestArticles(store, [{ path: input }], { batchSize: 200, workers: 'auto' });
      expect(r.failed).toBe(0);
      expect(r.added + r.duplicates).toBe(N);
      expect((store as SqliteStore).timings.analyzedHere).toBe(r.added);
      expect(r.warnings).toHaveLength(1);
      expect(r.warnings[0].where).toBe('workers');
      expect(r.warnings[0].reason).toMatch(/worker not found.*analyzing in the main thread/);
    } finally {
      await store.close();
    }
  });

  it('an explicit worker count fails instead of silently running slower', async () => {
    const store = await openStore(join(dir, 'two.db'));
    try {
      await expect(ingestArticles(store, [{ path: input }], { batchSize: 200, workers: 2 })).rejects.toThrow(/worker not found/);
      expect((await store.stats()).articles).toBe(0);
    } finally {
      await store.close();
    }
  });
});
