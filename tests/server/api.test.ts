// The HTTP API through fastify.inject: every endpoint's answers and validation errors, the token rule,
// the analyze size limit, the OpenAPI document and the UI fallback.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/types.js';
import { buildServer, LIMITS } from '../../src/server/index.js';
import { analyze } from '../../src/pipeline/analyze.js';
import { docToJson } from '../../src/cli/format.js';
import { FIXTURE_ARTICLES } from './fixtures.js';
import { readFileSync } from 'node:fs';

const TOKEN = 'test-token-1234';
let store: Store;
let app: FastifyInstance;

beforeAll(async () => {
  store = await openStore(':memory:');
  const added = await store.addArticles(FIXTURE_ARTICLES);
  expect(added.failed).toBe(0);
  app = await buildServer({ store, token: TOKEN, logger: false, webRoot: null });
});

afterAll(async () => {
  await app?.close();
  await store?.close();
});

const get = (url: string) => app.inject({ method: 'GET', url });
const enc = encodeURIComponent;

/** a 400 whose message names `what` */
async function expect400(url: string, what: RegExp) {
  const res = await get(url);
  expect(res.statusCode, `${url} → ${res.body}`).toBe(400);
  const body = res.json();
  expect(body.error).toBe('Bad Request');
  expect(body.message).toMatch(what);
  expect(body.message).not.toContain('\n');
}

describe('meta', () => {
  it('GET /healthz answers ok with the article count', async () => {
    const res = await get('/healthz');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', articles: FIXTURE_ARTICLES.length, writable: true });
  });

  it('GET /api/openapi.json documents every endpoint', async () => {
    const res = await get('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of ['/api/search', '/api/articles/{id}', '/api/articles/{id}/similar', '/api/entities', '/api/entities/{id}', '/api/events', '/api/timeline', '/api/analyze', '/api/ingest', '/healthz']) {
      expect(Object.keys(doc.paths), path).toContain(path);
    }
    expect(doc.paths['/api/search'].get.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['q', 'from', 'to', 'source', 'entity', 'type', 'limit', 'offset']));
    expect(doc.paths['/api/ingest'].post.security).toBeTruthy();
  });

  it('unknown API paths are JSON 404s', async () => {
    const res = await get('/api/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toContain('/api/nothing-here');
  });

  it('sends a restrictive Content-Security-Policy', async () => {
    const res = await get('/healthz');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('GET /api/search', () => {
  it('finds an article and returns the search result shape', async () => {
    const res = await get(`/api/search?q=${enc('الربط الكهربائي')}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBeGreaterThanOrEqual(1);
    expect(body.hits[0]).toHaveProperty('snippet');
    expect(body.hits.map((h: { id: string }) => h.id)).toContain('fx-safadi-baghdad');
    expect(body.facets).toHaveProperty('sources');
    expect(body.facets).toHaveProperty('months');
  });

  it('is the same engine as the store (same ids, same order)', async () => {
    const q = 'الربط';
    const direct = await store.search({ q, limit: 10 });
    const body = (await get(`/api/search?q=${enc(q)}`)).json();
    expect(body.hits.map((h: { id: string }) => h.id)).toEqual(direct.hits.map((h) => h.id));
    expect(body.total).toBe(direct.total);
  });

  it('filters by source (repeatable) and date range', async () => {
    const res = await get(`/api/search?q=&source=${enc('مصدر ب')}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().hits.map((h: { id: string }) => h.id)).toEqual(['fx-kuwait-budget']);
    const two = (await get(`/api/search?q=&source=${enc('مصدر ب')}&source=${enc('مصدر أ')}&from=2022-06&to=2022-12`)).json();
    expect(two.hits.map((h: { id: string }) => h.id).sort()).toEqual(['fx-doha-summit', 'fx-kuwait-budget']);
  });

  it('rejects bad input with one clear line', async () => {
    await expect400('/api/search?q=x&limit=0', /limit/);
    await expect400(`/api/search?q=x&limit=${LIMITS.searchLimit + 1}`, /limit/);
    await expect400('/api/search?q=x&limit=ten', /limit/);
    await expect400('/api/search?q=x&offset=-1', /offset/);
    await expect400('/api/search?q=x&type=PERSON', /type must be one of PER, ORG, LOC, MISC/);
    await expect400('/api/search?q=x&from=yesterday', /from must be a date/);
    await expect400('/api/search?q=x&to=2022-02-30', /to.*not a calendar date/);
    await expect400('/api/search?q=x&from=2023&to=2022', /after/);
    await expect400('/api/search?q=x&sort=random', /sort/);
    await expect400('/api/search?q=x&colour=red', /unknown field "colour"/);
    await expect400(`/api/search?q=${'ب'.repeat(1001)}`, /q/);
  });

  it('reports query-language errors as 400', async () => {
    await expect400(`/api/search?q=${enc('type:PERSON')}`, /type/);
  });
});

describe('GET /api/articles/:id', () => {
  it('returns the article with all its layers', async () => {
    const res = await get('/api/articles/fx-safadi-baghdad');
    expect(res.statusCode).toBe(200);
    const a = res.json();
    expect(a).toMatchObject({ id: 'fx-safadi-baghdad', source: 'مصدر أ', published: '2022-03-02' });
    for (const layer of ['text', 'sentences', 'tokens', 'entities', 'times', 'amounts', 'roles', 'events']) expect(a.doc).toHaveProperty(layer);
    expect(a.doc.text).toBe(a.text);
  });

  it('404 for an unknown id, 400 for an absurd one', async () => {
    const res = await get('/api/articles/no-such-article');
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toContain('no-such-article');
    const long = await get(`/api/articles/${'x'.repeat(301)}`);
    expect(long.statusCode).toBe(400);
    expect(long.json().message).toMatch(/id/);
  });

  it('similar: a list for a known id, 404 for an unknown one, 400 for a bad limit', async () => {
    const res = await get('/api/articles/fx-safadi-baghdad/similar');
    expect(res.statusCode).toBe(200);
    expect(Array.isArray(res.json().similar)).toBe(true);
    expect((await get('/api/articles/nope/similar')).statusCode).toBe(404);
    await expect400('/api/articles/fx-safadi-baghdad/similar?limit=0', /limit/);
    await expect400('/api/articles/fx-safadi-baghdad/similar?limit=51', /limit/);
  });
});

describe('GET /api/entities', () => {
  it('lists entities and validates filters', async () => {
    const res = await get('/api/entities');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toHaveProperty('entities');
    expect(res.json()).toHaveProperty('total');
    await expect400('/api/entities?type=PEOPLE', /type/);
    await expect400('/api/entities?limit=100000', /limit/);
    await expect400('/api/entities?sort=size', /sort/);
    await expect400('/api/entities?from=2022-1', /from/);
    await expect400('/api/entities?name=x', /unknown field "name"/);
  });

  it('GET /api/entities/:id: the detail of a listed entity, 404 for an unknown one', async () => {
    const list = (await get('/api/entities?limit=5')).json();
    if (list.entities.length > 0) {
      const id = list.entities[0].id as string;
      const res = await get(`/api/entities/${enc(id)}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ id, type: list.entities[0].type });
      expect(res.json()).toHaveProperty('mentionsByWeek');
      expect(res.json()).toHaveProperty('cooccurring');
    }
    expect((await get(`/api/entities/${enc('PER:لا أحد بهذا الاسم')}`)).statusCode).toBe(404);
    await expect400('/api/entities/x?articles=0', /articles/);
  });
});

describe('GET /api/events', () => {
  it('lists events as `marsad events --json` does, filtered, and validates its filters', async () => {
    const all = (await get('/api/events?limit=1000')).json() as { total: number; events: Array<{ type: string; article: { id: string }; actor: { entity: string } | null }> };
    expect(all.total).toBeGreaterThan(0);
    expect(all.events.length).toBe(all.total);
    // the store's events, each with its Arabic label (below)
    expect(all.events.map(({ labelAr: _label, ...e }: { labelAr?: unknown }) => e)).toEqual((await store.listEvents({ limit: 1000 })).events.map((e) => JSON.parse(JSON.stringify(e))));
    const type = all.events[0].type;
    const one = (await get(`/api/events?type=${type.toLowerCase()}`)).json() as { events: Array<{ type: string }> };
    expect(one.events.length).toBe(all.events.filter((e) => e.type === type).length);
    const article = all.events[0].article.id;
    const of = (await get(`/api/events?article=${enc(article)}`)).json() as { events: Array<{ article: { id: string } }> };
    expect(of.events.length).toBe(all.events.filter((e) => e.article.id === article).length);
    await expect400('/api/events?type=visits', /type.*VISIT/);
    await expect400('/api/events?status=maybe', /status/);
    await expect400('/api/events?from=2023&to=2022', /after/);
    await expect400('/api/events?limit=0', /limit/);
    await expect400('/api/events?cameo=04a', /cameo/);
  });
});

describe('GET /api/timeline', () => {
  it('answers with items and validates its filters', async () => {
    const res = await get('/api/timeline?from=2022&to=2023');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toHaveProperty('items');
    await expect400('/api/timeline?from=last-week', /from/);
    await expect400('/api/timeline?kinds=people', /kinds/);
    await expect400('/api/timeline?limit=5000', /limit/);
    await expect400('/api/timeline?order=newest', /order/);
    const asc = (await get('/api/timeline?limit=1000')).json() as { items: Array<{ sortDate: string }> };
    const desc = (await get('/api/timeline?limit=3&order=desc')).json() as { items: Array<{ sortDate: string }> };
    expect(desc.items.map((i) => i.sortDate)).toEqual(asc.items.map((i) => i.sortDate).reverse().slice(0, 3));
  });
  it('answers a program asking for an unknown path with a JSON 404', async () => {
    const api = await get('/no/such/page');
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ statusCode: 404 });
  });
});

describe('POST /api/analyze', () => {
  const post = (payload: unknown, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url: '/api/analyze', payload: payload as object, headers });

  it('returns exactly the `marsad analyze` JSON (events with their Arabic label) and stores nothing', async () => {
    const text = 'وصل رئيس الوزراء إلى الكويت أمس في زيارة تستمر يومين.';
    const before = (await store.stats()).articles;
    const res = await post({ text, published: '2021-08-14' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    body.events = body.events.map(({ labelAr: _label, ...e }: { labelAr?: unknown }) => e);
    expect(body).toEqual(JSON.parse(JSON.stringify(docToJson(analyze(text, { published: '2021-08-14' })))));
    expect((await store.stats()).articles).toBe(before);
  });
  it('refuses a body that is not UTF-8, naming the byte; still refuses prototype poisoning', async () => {
    const body = Buffer.concat([Buffer.from('{"text":"زار '), Buffer.from([0xff, 0xfe]), Buffer.from(' الرئيس"}')]);
    const res = await app.inject({ method: 'POST', url: '/api/analyze', payload: body, headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe(`request body is not valid UTF-8 (at byte ${Buffer.from('{"text":"زار ').length})`);
    const poison = await app.inject({ method: 'POST', url: '/api/analyze', payload: '{"text":"نص","__proto__":{"x":1}}', headers: { 'content-type': 'application/json' } });
    expect(poison.statusCode).toBe(400);
    const bad = await app.inject({ method: 'POST', url: '/api/analyze', payload: '{"text":', headers: { 'content-type': 'application/json' } });
    expect(bad.statusCode).toBe(400);
  });

  it('rejects bad bodies', async () => {
    for (const [payload, what] of [
      [{}, /missing required field "text"/],
      [{ text: '' }, /text/],
      [{ text: '   ' }, /empty/],
      [{ text: 42 }, /text/],
      [{ text: 'نص', published: '14/08/2021' }, /published/],
      [{ text: 'نص', published: '2021-02-30' }, /published.*not a calendar date/],
      [{ text: 'نص', extra: 1 }, /unknown field "extra"/],
    ] as const) {
      const res = await post(payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().message).toMatch(what);
    }
  });

  it('malformed JSON is a 400 naming the problem', async () => {
    const bad = await app.inject({ method: 'POST', url: '/api/analyze', payload: '{"text": "نص"', headers: { 'content-type': 'application/json' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/JSON/);
    const empty = await app.inject({ method: 'POST', url: '/api/analyze', payload: '', headers: { 'content-type': 'application/json' } });
    expect(empty.statusCode).toBe(400);
  });

  it('limits the size: too many characters → 400, too many bytes → 413, not JSON → 415', async () => {
    const tooLong = await post({ text: 'ا'.repeat(LIMITS.analyzeChars + 1) });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().message).toBe(`body/text is too long: at most ${LIMITS.analyzeChars} characters`);
    const tooBig = await post({ text: 'ا'.repeat(LIMITS.analyzeBodyBytes) });
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().message).toMatch(/too large/);
    const plain = await app.inject({ method: 'POST', url: '/api/analyze', payload: 'نص', headers: { 'content-type': 'application/xml' } });
    expect(plain.statusCode).toBe(415);
  });
});

describe('POST /api/ingest and the token rule', () => {
  const article = { id: 'fx-ingested', title: 'وزير الطاقة يفتتح محطة شمسية', text: 'افتتح وزير الطاقة محطة للطاقة الشمسية بقدرة 600 ميغاواط في جنوب البلاد.', source: 'مصدر ج', published: '2023-01-10' };
  const post = (payload: unknown, headers: Record<string, string> = {}, target = app) =>
    target.inject({ method: 'POST', url: '/api/ingest', payload: payload as object, headers });

  it('without a configured token every write is refused (403)', async () => {
    const readOnly = await buildServer({ store, token: null, logger: false, webRoot: null });
    try {
      for (const headers of [{}, { authorization: `Bearer ${TOKEN}` }] as Array<Record<string, string>>) {
        const res = await post({ articles: [article] }, headers, readOnly);
        expect(res.statusCode).toBe(403);
        expect(res.json().message).toMatch(/MARSAD_TOKEN/);
      }
      expect((await readOnly.inject({ method: 'GET', url: '/healthz' })).json().writable).toBe(false);
    } finally {
      await readOnly.close();
    }
    expect(await store.hasArticle('fx-ingested')).toBe(false);
  });

  it('a missing or wrong token is 401, before the body is looked at', async () => {
    expect((await post({ articles: [article] })).statusCode).toBe(401);
    expect((await post({ articles: [article] }, { authorization: 'Bearer wrong' })).statusCode).toBe(401);
    expect((await post({ articles: [article] }, { 'x-marsad-token': `${TOKEN}x` })).statusCode).toBe(401);
    expect((await post({ nonsense: true }, { authorization: 'Basic abc' })).statusCode).toBe(401);
    expect(await store.hasArticle('fx-ingested')).toBe(false);
  });

  it('validates the body once the token is right', async () => {
    const auth = { authorization: `Bearer ${TOKEN}` };
    for (const [payload, what] of [
      [{}, /missing required field "articles"/],
      [{ articles: [] }, /articles/],
      [{ articles: [{ title: 'بلا نص' }] }, /text/],
      [{ articles: [{ text: '' }] }, /text/],
      [{ articles: [{ text: 'نص', colour: 'red' }] }, /unknown field "colour"/],
      [{ articles: [{ text: 'نص', published: 20230110 }] }, /published/],
    ] as const) {
      const res = await post(payload, auth);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().message).toMatch(what);
    }
  });

  it('adds articles with the right token; they become searchable', async () => {
    const res = await post({ articles: [article] }, { authorization: `Bearer ${TOKEN}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ added: 1, failed: 0 });
    expect(await store.hasArticle('fx-ingested')).toBe(true);
    const again = await post({ articles: [article] }, { 'x-marsad-token': TOKEN });
    expect(again.statusCode).toBe(200);
    expect(again.json().added).toBe(0);
    const found = (await get(`/api/search?q=${enc('محطة شمسية')}`)).json();
    expect(found.hits.map((h: { id: string }) => h.id)).toContain('fx-ingested');
  });
});

describe('web UI routes', () => {
  it('without a built UI, UI routes say how to build it', async () => {
    const res = await get('/');
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain('npm run build');
  });

  it('serves index.html for UI routes and assets as files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'marsad-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="ar" dir="rtl"><title>مرصد</title></html>');
    writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
    const ui = await buildServer({ store, token: null, logger: false, webRoot: dir });
    try {
      for (const url of ['/', '/?q=x', '/article/fx-kuwait-budget', `/entity/${enc('PER:س')}`, '/entities?type=PER', '/analyze']) {
        const res = await ui.inject({ method: 'GET', url });
        expect(res.statusCode, url).toBe(200);
        expect(res.headers['content-type']).toMatch(/text\/html/);
        expect(res.body).toContain('dir="rtl"');
      }
      expect((await ui.inject({ method: 'GET', url: '/assets/app.js' })).statusCode).toBe(200);
      expect((await ui.inject({ method: 'GET', url: '/assets/missing.js' })).statusCode).toBe(404);
      expect((await ui.inject({ method: 'GET', url: '/api/articles/nope' })).headers['content-type']).toMatch(/json/);
    } finally {
      await ui.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('input the routes refuse, in one shape', () => {
  /** every error is {statusCode, error, message}, nothing more, and one line */
  function oneShape(res: { statusCode: number; json(): Record<string, unknown> }, status: number) {
    expect(res.statusCode).toBe(status);
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual(['error', 'message', 'statusCode']);
    expect(body.statusCode).toBe(status);
    expect(String(body.message)).not.toContain('\n');
    return String(body.message);
  }

  it('broken percent-encoding in a query string is a 400, not a search for the raw bytes', async () => {
    expect(oneShape(await get('/api/search?q=%FF'), 400)).toMatch(/^querystring\/q: "%FF" is not valid percent-encoding/);
    expect(oneShape(await get('/api/search?q=%E0%A4%A'), 400)).toMatch(/^querystring\/q: .*percent-encoding/);
    expect(oneShape(await get(`/api/entities?type=LOC&q=${enc('بغداد')}%D8`), 400)).toMatch(/^querystring\/q:/);
    // well-formed encodings (and + for a space) still work
    expect((await get(`/api/search?q=${enc('الربط')}+${enc('الكهربائي')}`)).statusCode).toBe(200);
    // in a path: the same shape (no extra `code`)
    expect(oneShape(await get('/api/articles/%FF'), 400)).toMatch(/not a valid URL path/);
  });

  it('a known path asked with another method is a 405 naming the allowed ones', async () => {
    const post = await app.inject({ method: 'POST', url: '/api/search', payload: {} });
    expect(oneShape(post, 405)).toBe('POST /api/search is not allowed: use GET, HEAD');
    expect(post.headers.allow).toBe('GET, HEAD');
    const get405 = await get('/api/analyze');
    expect(oneShape(get405, 405)).toMatch(/use POST$/);
    expect(oneShape(await app.inject({ method: 'DELETE', url: '/api/articles/fx-kuwait-budget' }), 405)).toMatch(/DELETE/);
    // an unknown path stays a 404
    expect((await app.inject({ method: 'POST', url: '/api/nothing' })).statusCode).toBe(404);
  });

  it('a text/plain body is a 415, not «body must be object»', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/analyze', payload: 'نص عادي', headers: { 'content-type': 'text/plain' } });
    expect(oneShape(res, 415)).toBe('/api/analyze takes a JSON body (Content-Type: application/json), not text/plain');
  });

  it('unknown parameters on an article are refused as on every other route', async () => {
    expect(oneShape(await get('/api/articles/fx-kuwait-budget?x=1'), 400)).toBe('querystring: unknown field "x"');
    expect((await get('/api/articles/fx-kuwait-budget')).statusCode).toBe(200);
  });

  it('a parameter given twice says so', async () => {
    expect(oneShape(await get('/api/search?q=a&limit=1&limit=2'), 400)).toBe('querystring/limit is given 2 times: give it once');
    expect(oneShape(await get('/api/entities?type=PER&type=LOC'), 400)).toBe('querystring/type is given 2 times: give it once');
    // the repeatable filters still repeat
    expect((await get(`/api/search?source=${enc('مصدر أ')}&source=${enc('مصدر ب')}`)).statusCode).toBe(200);
  });

  it('events of an unknown article are a 404', async () => {
    expect(oneShape(await get('/api/events?article=nope'), 404)).toBe('no article with id "nope"');
    expect((await get('/api/events?article=fx-safadi-baghdad')).statusCode).toBe(200);
  });

  it('errors name their field the same way, from a parameter or from the query language', async () => {
    expect(oneShape(await get('/api/search?from=2021-13'), 400)).toMatch(/^querystring\/from: /);
    expect(oneShape(await get(`/api/search?q=${enc('from:2021-13')}`), 400)).toMatch(/^querystring\/q: from: /);
    expect(oneShape(await get('/api/search?from=2021-02-30'), 400)).toMatch(/^querystring\/from: /);
    expect(oneShape(await get(`/api/search?q=${'ا'.repeat(1001)}`), 400)).toBe('querystring/q is too long: at most 1000 characters');
  });
});

describe('GET /api/entities: names typed with a clitic', () => {
  it('«والكويت», «بالكويت» (Persian ی too) find what «الكويت» finds', async () => {
    const plain = (await get(`/api/entities?q=${enc('الكويت')}`)).json();
    expect(plain.total).toBeGreaterThan(0);
    const ids = plain.entities.map((e: { id: string }) => e.id);
    for (const typed of ['والكويت', 'بالكويت', 'بالكویت', 'وبغداد']) {
      const res = await get(`/api/entities?q=${enc(typed)}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().total, typed).toBeGreaterThan(0);
      if (typed !== 'وبغداد') expect(res.json().entities.map((e: { id: string }) => e.id)).toEqual(ids);
    }
    // the first word of a longer name too
    expect((await get(`/api/entities?q=${enc('لمحمد بن سلمان')}`)).json().entities[0]?.name).toBe('محمد بن سلمان');
    // a name found as typed is not widened
    expect((await get(`/api/entities?q=${enc('زززق')}`)).json().total).toBe(0);
  });

  it('pages through the whole list', async () => {
    const all = (await get('/api/entities?limit=500')).json();
    const second = (await get('/api/entities?limit=2&offset=2')).json();
    expect(second.total).toBe(all.total);
    expect(second.entities.map((e: { id: string }) => e.id)).toEqual(all.entities.slice(2, 4).map((e: { id: string }) => e.id));
    expect((await get('/api/entities?offset=20000')).statusCode).toBe(200);
  });
});

describe('event labels in Arabic', () => {
  // resources/events/cameo.tsv, read here on its own: the label_ar of every row, by type and CAMEO code
  const lines = readFileSync(new URL('../../resources/events/cameo.tsv', import.meta.url), 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'));
  const head = lines[0].split('\t');
  const rows = lines.slice(1).map((l) => Object.fromEntries(l.split('\t').map((v, i) => [head[i], v.trim()])));
  type Ev = { type: string; cameo: string; labelAr?: string | null };
  const expectLabelled = (events: Ev[], where: string) => {
    for (const e of events) {
      const labels = new Set(rows.filter((r) => r.type === e.type && r.cameo === e.cameo).map((r) => r.label_ar));
      expect(labels.size, `${where}: ${e.type} ${e.cameo} in cameo.tsv`).toBe(1);
      expect(e.labelAr, `${where}: ${e.type} ${e.cameo}`).toBe([...labels][0]);
    }
  };

  it('every route that returns events gives each its label_ar from resources/events/cameo.tsv', async () => {
    const list = (await get('/api/events?limit=1000')).json() as { events: Array<Ev & { article: { id: string }; actor: { entity: string } | null }> };
    expect(new Set(list.events.map((e) => e.type)).size).toBeGreaterThan(1);
    expectLabelled(list.events, '/api/events');
    const planned = list.events.find((e) => e.type === 'VISIT' && e.article.id === 'fx-safadi-baghdad');
    expect(planned?.labelAr).toBe('زيارة');

    const article = (await get('/api/articles/fx-safadi-baghdad')).json() as { doc: { events: Ev[] } };
    expect(article.doc.events.length).toBeGreaterThan(0);
    expectLabelled(article.doc.events, '/api/articles/:id');

    const timeline = (await get('/api/timeline?kinds=event&limit=1000')).json() as { items: Array<{ event?: Ev }> };
    const dated = timeline.items.flatMap((i) => (i.event ? [i.event] : []));
    expect(dated.length).toBeGreaterThan(0);
    expectLabelled(dated, '/api/timeline');

    const actor = list.events.find((e) => e.actor?.entity)!.actor!.entity;
    const entity = (await get(`/api/entities/${enc(actor)}`)).json() as { events: Ev[] };
    expect(entity.events.length).toBeGreaterThan(0);
    expectLabelled(entity.events, '/api/entities/:id');

    const analyzed = (await app.inject({ method: 'POST', url: '/api/analyze', payload: { text: 'أجرى وزير الخارجية اتصالا هاتفيا مع نظيره المصري أمس.', published: '2022-01-10' } })).json() as { events: Ev[] };
    expect(analyzed.events.map((e) => [e.type, e.cameo, e.labelAr])).toContainEqual(['MEET', '041', 'اتصال هاتفي']);
    expectLabelled(analyzed.events, '/api/analyze');
  });

  it('the OpenAPI document names labelAr beside the type and CAMEO code', async () => {
    const doc = (await get('/api/openapi.json')).json();
    const event = doc.paths['/api/events'].get.responses['200'].content['application/json'].schema.properties.events.items;
    expect(Object.keys(event.properties)).toEqual(expect.arrayContaining(['type', 'cameo', 'labelAr', 'status']));
  });
});
