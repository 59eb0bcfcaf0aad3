// A bounded burst of 200 concurrent searches over loopback: every one must answer 200 with a result.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/types.js';
import { buildServer } from '../../src/server/index.js';
import { FIXTURE_ARTICLES } from './fixtures.js';

const REQUESTS = 200;
const QUERIES = ['الربط الكهربائي', 'الكويت', 'قمة', '"وزير المالية"', 'بغداد OR الدوحة', '', 'ميزانية -الكويت'];
let store: Store;
let app: FastifyInstance;
let base: string;

beforeAll(async () => {
  store = await openStore(':memory:');
  await store.addArticles(FIXTURE_ARTICLES);
  app = await buildServer({ store, token: null, logger: false, webRoot: null });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no TCP address');
  expect(address.address).toBe('127.0.0.1');
  base = `http://127.0.0.1:${address.port}`;
});

afterAll(async () => {
  await app?.close();
  await store?.close();
});

it(`answers a burst of ${REQUESTS} concurrent /api/search requests without an error`, async () => {
  const results = await Promise.all(
    Array.from({ length: REQUESTS }, async (_, i) => {
      const q = QUERIES[i % QUERIES.length];
      const res = await fetch(`${base}/api/search?q=${encodeURIComponent(q)}&limit=5&offset=${i % 3}`);
      const body = (await res.json()) as { total?: number; hits?: unknown[] };
      return { status: res.status, ok: typeof body.total === 'number' && Array.isArray(body.hits) };
    }),
  );
  const failures = results.filter((r) => r.status !== 200 || !r.ok);
  expect(failures).toEqual([]);
  expect(results).toHaveLength(REQUESTS);
});
