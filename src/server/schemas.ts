/**
 * JSON schemas for every API route: inputs are validated by Fastify (ajv) before a handler runs, and the same
 * schemas feed /api/openapi.json. Response schemas are kept loose on purpose (objects pass through untouched) so
 * the API returns exactly the store's shapes, the same as `marsad search --json`; they name only what the API adds,
 * each event's Arabic label (EVENT).
 */

/** YYYY, YYYY-MM or YYYY-MM-DD (inclusive bounds, as the store and the query language take them). */
const DATE_BOUND = { type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$', description: 'YYYY, YYYY-MM or YYYY-MM-DD (inclusive)' } as const;
const ENTITY_TYPE = { type: 'string', enum: ['PER', 'ORG', 'LOC', 'MISC'] } as const;
const ID_PARAM = {
  type: 'object',
  required: ['id'],
  additionalProperties: false,
  properties: { id: { type: 'string', minLength: 1, maxLength: 300 } },
} as const;
/** a filter that may repeat: ?source=a&source=b */
const oneOrMany = (maxLength: number, description: string) =>
  ({
    anyOf: [
      { type: 'string', maxLength },
      { type: 'array', items: { type: 'string', maxLength }, maxItems: 20 },
    ],
    description,
  }) as const;

const ERROR = {
  type: 'object',
  properties: { statusCode: { type: 'integer' }, error: { type: 'string' }, message: { type: 'string' } },
} as const;
const ANY_OBJECT = { type: 'object', additionalProperties: true } as const;

/**
 * An event as every route returns it: the store's event (actor, target, place, time, text, attributes …, passed
 * through untouched) with `labelAr` beside its type and CAMEO code.
 */
const EVENT = {
  type: 'object',
  additionalProperties: true,
  required: ['type', 'cameo', 'labelAr', 'status'],
  properties: {
    type: { type: 'string', description: 'event type (resources/events): VISIT, MEET, PLEDGE …' },
    cameo: { type: 'string', description: 'CAMEO code; empty for acts outside CAMEO (APPOINT, ASSUME_OFFICE)' },
    labelAr: {
      anyOf: [{ type: 'string' }, { type: 'null' }],
      description: 'the act in Arabic (resources/events/cameo.tsv label_ar), by type and code; null for a type the tables do not know',
    },
    status: { type: 'string', enum: ['occurred', 'reported', 'planned', 'negated'] },
  },
} as const;
const EVENTS = { type: 'array', items: EVENT } as const;
/** a document's layers (docToJson) with labelled events */
const DOC = { type: 'object', additionalProperties: true, properties: { events: EVENTS } } as const;

/** Per-route limits the handlers also rely on. */
export const LIMITS = {
  searchLimit: 100,
  maxOffset: 10_000,
  /** POST /api/analyze: characters of text (the body limit is a little above, in bytes) */
  analyzeChars: 50_000,
  // room for 50,000 characters even when a client escapes every one as \uXXXX (6 bytes)
  analyzeBodyBytes: 512 * 1024,
  /** POST /api/ingest */
  ingestArticles: 500,
  ingestArticleChars: 200_000,
  ingestBodyBytes: 16 * 1024 * 1024,
};

export const searchSchema = {
  summary: 'Search articles (same engine and result shape as `marsad search --json`)',
  tags: ['search'],
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      q: { type: 'string', maxLength: 1000, default: '', description: 'query language: words, "phrases", -exclusion, OR, entity:/source:/from:/to:/type: fields' },
      from: DATE_BOUND,
      to: DATE_BOUND,
      source: oneOrMany(200, 'source name (repeatable)'),
      entity: oneOrMany(300, 'entity id (PER:…) or a name in any spelling (repeatable)'),
      type: ENTITY_TYPE,
      limit: { type: 'integer', minimum: 1, maximum: LIMITS.searchLimit, default: 10 },
      offset: { type: 'integer', minimum: 0, maximum: LIMITS.maxOffset, default: 0 },
      sort: { type: 'string', enum: ['relevance', 'date'] },
      facets: { type: 'boolean', default: true },
    },
  },
  response: { 200: ANY_OBJECT, 400: ERROR },
} as const;

export const articleSchema = {
  summary: 'One article with all its analysis layers',
  tags: ['articles'],
  params: ID_PARAM,
  // no parameters: an unknown one is an error here too
  querystring: { type: 'object', additionalProperties: false, properties: {} },
  response: { 200: { type: 'object', additionalProperties: true, properties: { doc: DOC } }, 400: ERROR, 404: ERROR },
} as const;

export const similarSchema = {
  summary: 'Articles most like this one (near-duplicates first)',
  tags: ['articles'],
  params: ID_PARAM,
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: { limit: { type: 'integer', minimum: 1, maximum: 50, default: 10 } },
  },
  response: { 200: ANY_OBJECT, 400: ERROR, 404: ERROR },
} as const;

export const entitiesSchema = {
  summary: 'List entities',
  tags: ['entities'],
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      q: { type: 'string', maxLength: 300, description: 'name prefix, any spelling (with or without و/ب/ل/ف before it)' },
      type: ENTITY_TYPE,
      from: DATE_BOUND,
      to: DATE_BOUND,
      limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
      // the whole list can be paged through (a collection holds tens of thousands of entities)
      offset: { type: 'integer', minimum: 0, maximum: 1_000_000, default: 0 },
      sort: { type: 'string', enum: ['mentions', 'articles', 'name', 'recent'] },
    },
  },
  response: { 200: ANY_OBJECT, 400: ERROR },
} as const;

export const entitySchema = {
  summary: 'One entity: variants, type, mentions over time, roles, co-occurring entities, articles',
  tags: ['entities'],
  params: ID_PARAM,
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      articles: { type: 'integer', minimum: 1, maximum: 200, default: 20 },
      cooccurring: { type: 'integer', minimum: 1, maximum: 200, default: 20 },
    },
  },
  response: { 200: { type: 'object', additionalProperties: true, properties: { events: EVENTS } }, 400: ERROR, 404: ERROR },
} as const;

export const timelineSchema = {
  summary: 'Dated mentions and events by resolved date',
  tags: ['timeline'],
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      entity: oneOrMany(300, 'entity id or name (repeatable); omitted = all'),
      from: DATE_BOUND,
      to: DATE_BOUND,
      kinds: { type: 'string', enum: ['time', 'event', 'time,event', 'event,time'] },
      order: { type: 'string', enum: ['asc', 'desc'], default: 'asc', description: 'asc: oldest first; desc: newest first' },
      limit: { type: 'integer', minimum: 1, maximum: 1000, default: 200 },
      offset: { type: 'integer', minimum: 0, maximum: LIMITS.maxOffset, default: 0 },
    },
  },
  response: {
    200: {
      type: 'object',
      additionalProperties: true,
      properties: { items: { type: 'array', items: { type: 'object', additionalProperties: true, properties: { event: EVENT } } } },
    },
    400: ERROR,
  },
} as const;

export const eventsSchema = {
  summary: 'CAMEO-coded events (who did what to whom, when), newest first; the same as `marsad events --json`',
  tags: ['events'],
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      type: { type: 'string', pattern: '^[A-Za-z_]{2,40}$', description: 'event type (VISIT, MEET, PLEDGE …), any case' },
      cameo: { type: 'string', pattern: '^\\d{1,4}$', description: 'CAMEO code or prefix' },
      status: { type: 'string', enum: ['occurred', 'reported', 'planned', 'negated'] },
      entity: { type: 'string', maxLength: 300, description: 'actor, target or place: entity id or name' },
      actor: { type: 'string', maxLength: 300 },
      target: { type: 'string', maxLength: 300 },
      place: { type: 'string', maxLength: 300 },
      from: DATE_BOUND,
      to: DATE_BOUND,
      source: { type: 'string', maxLength: 300 },
      article: { type: 'string', maxLength: 300, description: 'events of one article' },
      limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
      offset: { type: 'integer', minimum: 0, maximum: LIMITS.maxOffset, default: 0 },
    },
  },
  response: { 200: { type: 'object', additionalProperties: true, properties: { total: { type: 'integer' }, events: EVENTS } }, 400: ERROR },
} as const;

export const analyzeSchema = {
  summary: 'Analyze text without storing it (the `marsad analyze` JSON)',
  tags: ['analyze'],
  body: {
    type: 'object',
    required: ['text'],
    additionalProperties: false,
    properties: {
      text: { type: 'string', minLength: 1, maxLength: LIMITS.analyzeChars },
      published: { anyOf: [{ type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }, { type: 'null' }], description: 'YYYY-MM-DD; anchors relative dates' },
    },
  },
  response: { 200: DOC, 400: ERROR, 413: ERROR },
} as const;

const nullableString = (maxLength: number) => ({ anyOf: [{ type: 'string', maxLength }, { type: 'null' }] }) as const;

export const ingestSchema = {
  summary: 'Add articles (JSON); needs the token from MARSAD_TOKEN',
  tags: ['ingest'],
  security: [{ bearer: [] }],
  body: {
    type: 'object',
    required: ['articles'],
    additionalProperties: false,
    properties: {
      articles: {
        type: 'array',
        minItems: 1,
        maxItems: LIMITS.ingestArticles,
        items: {
          type: 'object',
          required: ['text'],
          additionalProperties: false,
          properties: {
            id: nullableString(300),
            title: nullableString(2000),
            text: { type: 'string', minLength: 1, maxLength: LIMITS.ingestArticleChars },
            url: nullableString(2000),
            source: nullableString(200),
            author: nullableString(300),
            published: nullableString(40),
            place: nullableString(200),
            category: nullableString(200),
          },
        },
      },
      source: { type: 'string', maxLength: 200, description: 'default source for articles without one' },
    },
  },
  response: { 200: ANY_OBJECT, 400: ERROR, 401: ERROR, 403: ERROR, 413: ERROR },
} as const;

export const healthSchema = {
  summary: 'Liveness and store summary',
  tags: ['meta'],
  response: { 200: ANY_OBJECT },
} as const;
