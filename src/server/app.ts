/**
 * The HTTP server: a Fastify app with the JSON API under /api, the OpenAPI document, /healthz and the built web
 * UI (dist/web) with a single-page-app fallback. Every route validates its input with a JSON schema; errors are
 * answered as `{statusCode, error, message}` with one clear line.
 */
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { analyze, isValidDate } from '../pipeline/analyze.js';
import { docToJson } from '../cli/format.js';
import type { ArticleInput, EntityType, EventQuery, Store, TimelineQuery } from '../store/types.js';
import { eventTypes } from '../events/lexicon.js';
import {
  analyzeSchema,
  articleSchema,
  entitiesSchema,
  entitySchema,
  eventsSchema,
  healthSchema,
  ingestSchema,
  LIMITS,
  searchSchema,
  similarSchema,
  timelineSchema,
} from './schemas.js';
import { buildOpenApi, type RouteDoc } from './openapi.js';
import { registerWebUi } from './web.js';
import { firstTypeMismatch } from './strict.js';
import { firstInvalidUtf8 } from '../ingest/decode.js';
import { labelDocEvents, labelEvent, labelEvents } from './labels.js';

export interface ServerOptions {
  store: Store;
  /** the write token (POST /api/ingest); null/empty = write endpoints refused */
  token?: string | null;
  /** structured request logs (pino JSON to stdout); false in tests */
  logger?: boolean;
  /** folder with the built web UI (index.html + assets); null = API only */
  webRoot?: string | null;
}

interface HttpError extends Error {
  statusCode: number;
}

function httpError(statusCode: number, message: string): HttpError {
  return Object.assign(new Error(message), { statusCode });
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  500: 'Internal Server Error',
};

/** One readable line from an ajv validation error, naming the field: "querystring/limit must be <= 100". */
function validationMessage(err: FastifyError): string {
  const first = err.validation?.[0];
  if (!first) return err.message;
  const where = `${err.validationContext ?? 'input'}${first.instancePath || ''}`;
  const params = first.params as Record<string, unknown>;
  if (first.keyword === 'additionalProperties') return `${where}: unknown field "${String(params.additionalProperty)}"`;
  if (first.keyword === 'required') return `${where}: missing required field "${String(params.missingProperty)}"`;
  if (first.keyword === 'enum') return `${where} must be one of ${(params.allowedValues as unknown[]).join(', ')}`;
  if (first.keyword === 'maxLength') return `${where} is too long: at most ${String(params.limit)} characters`;
  if (first.keyword === 'pattern' && /from|to|published/.test(where)) return `${where} must be a date like 2021-08 or 2021-08-14`;
  if (first.keyword === 'anyOf' && err.validation!.length > 1) {
    const inner = err.validation!.find((v) => v.keyword !== 'anyOf' && v.keyword !== 'type');
    if (inner) return `${where}: ${inner.message ?? 'is not valid'}`;
  }
  return `${where} ${first.message ?? 'is not valid'}`;
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The token from `Authorization: Bearer …` or `X-Marsad-Token: …`. */
function requestToken(req: FastifyRequest): string | null {
  const auth = req.headers.authorization;
  if (typeof auth === 'string' && /^Bearer\s+/i.test(auth)) return auth.replace(/^Bearer\s+/i, '').trim();
  const header = req.headers['x-marsad-token'];
  return typeof header === 'string' ? header.trim() : null;
}

const asList = (v: string | string[] | undefined): string[] | undefined =>
  v === undefined ? undefined : (Array.isArray(v) ? v : [v]).map((s) => s.trim()).filter(Boolean);

function checkRange(from?: string, to?: string): void {
  for (const [name, v] of [['from', from], ['to', to]] as const) {
    if (v && v.length === 10 && !isValidDate(v)) throw httpError(400, `querystring/${name}: "${v}" is not a calendar date`);
  }
  if (from && to && from.slice(0, to.length) > to) throw httpError(400, `querystring: from (${from}) is after to (${to})`);
}

/**
 * The first query-string part whose percent-encoding is not UTF-8 («%FF», a cut «%E0%A4%A»), named; null when
 * all are. The query parser would otherwise keep such bytes as they are and search for «FF».
 */
export function badPercentEncoding(url: string): string | null {
  const q = url.indexOf('?');
  if (q < 0) return null;
  for (const part of url.slice(q + 1).split('&')) {
    for (const piece of part.split('=')) {
      try {
        decodeURIComponent(piece.replace(/\+/g, ' '));
      } catch {
        const name = part.split('=')[0];
        let key = name;
        try {
          key = decodeURIComponent(name.replace(/\+/g, ' '));
        } catch {
          /* the name is the bad part */
        }
        const shown = piece.length > 40 ? `${piece.slice(0, 40)}…` : piece;
        return `querystring/${key}: "${shown}" is not valid percent-encoding (characters outside ASCII are UTF-8 bytes, %D8%A7 …)`;
      }
    }
  }
  return null;
}

/**
 * A QueryError or UserError names the field it is about («from: …»): said the way validation errors say it,
 * «querystring/from: …», or «querystring/q: from: …» when the field was written inside the query language.
 */
function locateMessage(message: string, query: unknown): string {
  if (/^(querystring|body|params|headers)\b/.test(message)) return message;
  const qs = (query && typeof query === 'object' ? query : {}) as Record<string, unknown>;
  const field = /^([a-z_]+):/.exec(message)?.[1];
  if (field && qs[field] !== undefined && qs[field] !== '') return `querystring/${message}`;
  if (typeof qs.q === 'string' && qs.q.trim()) return `querystring/q: ${message}`;
  return message;
}

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const { store } = options;
  const token = options.token?.trim() || null;
  const app = Fastify({
    logger: options.logger ? { level: 'info' } : false,
    // unknown query fields are an error (a typo should not silently widen a search), not stripped
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false } },
    bodyLimit: LIMITS.ingestBodyBytes,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 400 },
    // a path the router cannot decode («/api/articles/%FF») is answered in the API's own error shape
    frameworkErrors: (err, req, reply) => {
      const path = req.url.split('?')[0];
      const message =
        err.code === 'FST_ERR_BAD_URL'
          ? `params: "${path.length > 80 ? `${path.slice(0, 80)}…` : path}" is not a valid URL path (bad percent-encoding)`
          : err.message.split('\n')[0];
      void (reply as FastifyReply).status(400).send({ statusCode: 400, error: 'Bad Request', message });
    },
    // a request the HTTP parser refuses never reaches a route: say why in one line, not «Client Error»
    clientErrorHandler: (err, socket) => {
      if (!socket.writable) return;
      const code = (err as NodeJS.ErrnoException).code ?? '';
      const message = /INVALID_(?:URL|PATH|CHAR|METHOD|HEADER)|HPE_INVALID/.test(code) || code === 'HPE_INVALID_CONSTANT'
        ? `the request cannot be read (${code}): characters outside ASCII in a URL must be percent-encoded (%D8%A7 …)`
        : `the request cannot be read (${code || err.message})`;
      const body = JSON.stringify({ statusCode: 400, error: 'Bad Request', message });
      socket.end(`HTTP/1.1 400 Bad Request\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
    },
  });

  const routes: RouteDoc[] = [];
  /** each API path pattern with the methods it answers (a known path asked with another method is a 405) */
  const methodsByPath: Array<{ pattern: RegExp; methods: Set<string> }> = [];
  app.addHook('onRoute', (r) => {
    if (r.url.startsWith('/api/') || r.url === '/healthz') {
      routes.push({ method: r.method, url: r.url, schema: r.schema as RouteDoc['schema'] });
      const source = '^' + r.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z_]+/g, '[^/]+') + '/?$';
      let entry = methodsByPath.find((e) => e.pattern.source === source);
      if (!entry) methodsByPath.push((entry = { pattern: new RegExp(source), methods: new Set() }));
      for (const m of [r.method].flat()) entry.methods.add(m);
    }
  });
  const methodsFor = (path: string): string[] => [...new Set(methodsByPath.filter((e) => e.pattern.test(path)).flatMap((e) => [...e.methods]))];

  // a query string whose percent-encoding is broken is refused, not searched for as the raw bytes
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/') && !req.url.startsWith('/healthz')) return; // the UI reads its own URLs
    const bad = badPercentEncoding(req.url);
    if (bad) throw httpError(400, bad);
  });

  // Defence in depth for the UI: article text is rendered as text by Preact, and scripts may only come from us.
  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header(
      'Content-Security-Policy',
      "default-src 'self'; script-src 'self'; style-src 'self'; font-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
    );
    return payload;
  });

  // JSON bodies must be UTF-8: a bad byte would otherwise reach the store as U+FFFD, silently (the CLI refuses
  // the same bytes); then fastify's own parser, which guards against prototype poisoning
  const jsonParser = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
    const bytes = body as Buffer;
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      done(httpError(400, `request body is not valid UTF-8 (at byte ${firstInvalidUtf8(bytes)})`), undefined);
      return;
    }
    jsonParser(req, text, done);
  });

  // the API takes JSON only: a text/plain body is a 415, as any other type, not a string that fails the schema
  app.removeContentTypeParser('text/plain');

  // bodies are validated without type coercion (see strict.ts)
  app.addHook('preValidation', async (req) => {
    // a parameter given twice where the API takes one (?limit=1&limit=2): say so, not «must be integer»
    const qsSchema = (req.routeOptions.schema as { querystring?: { properties?: Record<string, { type?: string; anyOf?: unknown[] }> } } | undefined)?.querystring;
    if (qsSchema?.properties && req.query && typeof req.query === 'object') {
      for (const [key, value] of Object.entries(req.query as Record<string, unknown>)) {
        const prop = qsSchema.properties[key];
        if (Array.isArray(value) && prop && !prop.anyOf && prop.type !== 'array') {
          throw httpError(400, `querystring/${key} is given ${value.length} times: give it once`);
        }
      }
    }
    const schema = (req.routeOptions.schema as { body?: Parameters<typeof firstTypeMismatch>[0] } | undefined)?.body;
    if (!schema || req.body === undefined) return;
    const mismatch = firstTypeMismatch(schema, req.body);
    if (mismatch) throw httpError(400, mismatch);
  });

  app.setErrorHandler((err: FastifyError, req, reply) => {
    let status = err.statusCode ?? 500;
    let message: string;
    if (err.validation) {
      status = 400;
      message = validationMessage(err);
    } else if (err.name === 'QueryError' || err.name === 'UserError') {
      // the query language and the store report the user's mistakes with these
      status = 400;
      message = locateMessage(err.message, req.query);
    } else if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || err.code === 'FST_ERR_CTP_EMPTY_TYPE') {
      status = 415;
      const type = String(req.headers['content-type'] ?? '').split(';')[0].trim();
      message = `${req.url.split('?')[0]} takes a JSON body (Content-Type: application/json)${type ? `, not ${type}` : ''}`;
    } else if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      const path = req.url.split('?')[0];
      const limit = path === '/api/analyze' ? LIMITS.analyzeBodyBytes : LIMITS.ingestBodyBytes;
      message = `request body too large for ${path} (limit ${Math.round(limit / 1024)} KiB)`;
    } else if (status < 500) {
      message = err.message;
    } else {
      req.log.error({ err }, 'request failed');
      message = 'internal error (see the server log)';
    }
    reply.status(status).send({ statusCode: status, error: STATUS_TEXT[status] ?? 'Error', message: message.split('\n')[0] });
  });

  // ─────────── meta ───────────
  app.get('/healthz', { schema: healthSchema }, async () => {
    const stats = await store.stats();
    return { status: 'ok', articles: stats.articles, entities: stats.entities, writable: token !== null };
  });

  // ─────────── search ───────────
  type SearchQs = {
    q: string; from?: string; to?: string; source?: string | string[]; entity?: string | string[];
    type?: EntityType; limit: number; offset: number; sort?: 'relevance' | 'date'; facets: boolean;
  };
  app.get<{ Querystring: SearchQs }>('/api/search', { schema: searchSchema }, async (req) => {
    const qs = req.query;
    checkRange(qs.from, qs.to);
    return store.search({
      q: qs.q ?? '',
      from: qs.from,
      to: qs.to,
      source: asList(qs.source),
      entity: asList(qs.entity),
      type: qs.type,
      limit: qs.limit,
      offset: qs.offset,
      sort: qs.sort,
      facets: qs.facets,
    });
  });

  // ─────────── articles ───────────
  app.get<{ Params: { id: string } }>('/api/articles/:id', { schema: articleSchema }, async (req) => {
    const article = await store.getArticle(req.params.id);
    if (!article) throw httpError(404, `no article with id "${req.params.id}"`);
    return { ...article, doc: labelDocEvents(docToJson(article.doc)) };
  });

  app.get<{ Params: { id: string }; Querystring: { limit: number } }>('/api/articles/:id/similar', { schema: similarSchema }, async (req) => {
    if (!(await store.hasArticle(req.params.id))) throw httpError(404, `no article with id "${req.params.id}"`);
    return { id: req.params.id, similar: await store.similar(req.params.id, req.query.limit) };
  });

  // ─────────── entities ───────────
  type EntitiesQs = { q?: string; type?: EntityType; from?: string; to?: string; limit: number; offset: number; sort?: 'mentions' | 'articles' | 'name' | 'recent' };
  app.get<{ Querystring: EntitiesQs }>('/api/entities', { schema: entitiesSchema }, async (req) => {
    checkRange(req.query.from, req.query.to);
    const q = req.query.q?.trim() || undefined;
    // «والكويت» finds what «الكويت» finds: the store's name lookup tries a name without its proclitics
    return store.listEntities({ ...req.query, q });
  });

  app.get<{ Params: { id: string }; Querystring: { articles: number; cooccurring: number } }>('/api/entities/:id', { schema: entitySchema }, async (req) => {
    const entity = await store.getEntity(req.params.id, { articles: req.query.articles, cooccurring: req.query.cooccurring });
    if (!entity) throw httpError(404, `no entity "${req.params.id}"`);
    return { ...entity, events: labelEvents(entity.events) };
  });

  // ─────────── events ───────────
  type EventsQs = { type?: string; cameo?: string; status?: EventQuery['status']; entity?: string; actor?: string; target?: string; place?: string; from?: string; to?: string; source?: string; article?: string; limit: number; offset: number };
  app.get<{ Querystring: EventsQs }>('/api/events', { schema: eventsSchema }, async (req) => {
    const { article, type, ...qs } = req.query;
    checkRange(qs.from, qs.to);
    if (article && !(await store.hasArticle(article))) throw httpError(404, `no article with id "${article}"`);
    // the types Marsad reads (resources/events): a typo is an error, not an empty list
    if (type && !eventTypes().includes(type.toUpperCase())) throw httpError(400, `querystring/type: "${type}" is not one of ${eventTypes().join(', ')}`);
    const list = await store.listEvents({ ...qs, type: type?.toUpperCase(), articleId: article });
    return { ...list, events: labelEvents(list.events) };
  });

  // ─────────── timeline ───────────
  type TimelineQs = { entity?: string | string[]; from?: string; to?: string; kinds?: string; order: 'asc' | 'desc'; limit: number; offset: number };
  app.get<{ Querystring: TimelineQs }>('/api/timeline', { schema: timelineSchema }, async (req) => {
    const qs = req.query;
    checkRange(qs.from, qs.to);
    const query: TimelineQuery = { entity: asList(qs.entity), from: qs.from, to: qs.to, order: qs.order, limit: qs.limit, offset: qs.offset };
    if (qs.kinds) query.kinds = qs.kinds.split(',') as TimelineQuery['kinds'];
    const timeline = await store.timeline(query);
    return { ...timeline, items: timeline.items.map((item) => (item.event ? { ...item, event: labelEvent(item.event) } : item)) };
  });

  // ─────────── analyze (nothing stored) ───────────
  app.post<{ Body: { text: string; published?: string | null } }>(
    '/api/analyze',
    { schema: analyzeSchema, bodyLimit: LIMITS.analyzeBodyBytes },
    async (req) => {
      const { text, published } = req.body;
      if (!text.trim()) throw httpError(400, 'body/text is empty (only whitespace)');
      if (published && !isValidDate(published)) throw httpError(400, `body/published: "${published}" is not a calendar date`);
      return labelDocEvents(docToJson(analyze(text, { published: published ?? null })));
    },
  );

  // ─────────── ingest (write: token required) ───────────
  app.post<{ Body: { articles: ArticleInput[]; source?: string } }>(
    '/api/ingest',
    {
      schema: ingestSchema,
      bodyLimit: LIMITS.ingestBodyBytes,
      // the token is checked before the body is even parsed
      onRequest: async (req) => {
        if (!token) throw httpError(403, 'write endpoints are disabled: start the server with MARSAD_TOKEN set');
        const given = requestToken(req);
        if (!given) throw httpError(401, 'missing token: send "Authorization: Bearer <MARSAD_TOKEN>"');
        if (!sameToken(given, token)) throw httpError(401, 'wrong token');
      },
    },
    async (req) => {
      // Straight to the store: posted articles are complete (never fetched by URL from here, so a posted
      // `url` cannot make the server reach into the network).
      const fallbackSource = req.body.source ?? null;
      const articles: ArticleInput[] = req.body.articles.map((a) => ({ ...a, source: a.source ?? fallbackSource, origin: 'POST /api/ingest' }));
      const result = await store.addArticles(articles);
      req.log.info({ added: result.added, duplicates: result.duplicates, failed: result.failed }, 'ingest');
      return result;
    },
  );

  app.get('/api/openapi.json', { schema: { hide: true } as Record<string, unknown> }, async () => buildOpenApi(routes));

  await registerWebUi(app, options.webRoot ?? null, methodsFor);
  return app;
}

export type { FastifyInstance, FastifyReply };
