/**
 * The store contract. Every client (CLI, HTTP server, web UI, bench) codes against `Store`; the SQLite
 * implementation lives in ./sqlite.ts and a PostgreSQL one can follow behind the same interface, so all SQL
 * dialect details stay inside the implementations.
 *
 * Methods return Promises so an asynchronous backend fits without changing callers (the SQLite one is
 * synchronous underneath). Signatures here are stable: extend with optional fields, never break.
 *
 * Dates: `published` is an ISO date `YYYY-MM-DD` (or full ISO timestamp when the input had one; it always
 * starts with `YYYY-MM-DD`). Filters `from`/`to` accept `YYYY`, `YYYY-MM` or `YYYY-MM-DD` and are inclusive
 * (`to: 2018-02` means up to the end of February 2018).
 */
import type {
  Amount,
  ArabicDoc,
  Entity,
  EntityRef,
  EntityType,
  Granularity,
  NewsEvent,
  Role,
  TimeExpr,
} from '../doc.js';

// ───────────────────────────── articles ─────────────────────────────

/** One article to add, as read from any input format (or posted to POST /api/ingest). */
export interface ArticleInput {
  /** the article's own id from its input (kept as the public id when present and not already taken) */
  id?: string | null;
  title?: string | null;
  /** the article body (plain text); required, non-empty */
  text: string;
  url?: string | null;
  /** outlet name, e.g. "bbc", "إيلاف" */
  source?: string | null;
  author?: string | null;
  /** publication date/time, ISO 8601 (`2018-02-01` or `2018-02-01T10:00:00Z`); other forms are parsed when possible */
  published?: string | null;
  /** dateline place ("لندن") when the input stated one */
  place?: string | null;
  category?: string | null;
  /** the input this came from (file path, feed URL), for the ingest log */
  origin?: string | null;
}

/** How an article relates to earlier ones. */
export type DuplicateStatus = 'original' | 'near-duplicate';

/** The short form used in lists (search hits, entity pages, timelines). */
export interface ArticleSummary {
  id: string;
  title: string;
  url: string | null;
  source: string | null;
  /** YYYY-MM-DD[Thh:mm…] or null when unknown */
  published: string | null;
}

/** One stored article with all its analysis layers (GET /api/articles/:id, `marsad show`). */
export interface StoredArticle extends ArticleSummary {
  text: string;
  author: string | null;
  place: string | null;
  category: string | null;
  origin: string | null;
  /** ISO timestamp of ingestion */
  ingestedAt: string;
  /** near-duplicate link: the original's id when this article is a re-publication of it, else null */
  nearDuplicateOf: string | null;
  /** ids of articles that are near-duplicates of this one */
  nearDuplicates: string[];
  /**
   * The analysis of `text` (offsets index `text`): all layers of `analyze(text, {published})` — tokens,
   * sentences, entities, times, amounts, roles, events. Stored entities always carry `entity` (canonical id)
   * and `canonical` (name).
   */
  doc: ArabicDoc;
}

// ───────────────────────────── search ─────────────────────────────

/**
 * A search request. `q` uses the query language: words, "exact phrases", -exclusion, OR, and fields
 * `entity:NAME` `source:S` `from:DATE` `to:DATE` `type:PER|ORG|LOC|MISC` (fields in `q` and the options
 * below combine with AND). An empty `q` with filters lists matching articles newest first.
 */
export interface SearchQuery {
  q: string;
  /** default 10, max 1000 */
  limit?: number;
  offset?: number;
  from?: string;
  to?: string;
  /** source name(s), case-insensitive */
  source?: string | string[];
  /** entity id(s) (`PER:…`) or name(s) in any spelling */
  entity?: string | string[];
  /** only articles mentioning an entity of this type (with `entity`: the entity must have this type) */
  type?: EntityType;
  /** compute facets (default true; costs a little) */
  facets?: boolean;
  /** relevance (default) or newest first */
  sort?: 'relevance' | 'date';
  /** chars of snippet context (default ~220 chars total) */
  snippetLength?: number;
}

/** [start, end) UTF-16 offsets within the hit's `snippet` string, to be marked by the client (which escapes). */
export type Highlight = [start: number, end: number];

export interface SearchHit extends ArticleSummary {
  /** higher is better; comparable only within one result list */
  score: number;
  /** plain ORIGINAL text (diacritics and all) around the best match; may start/end with "…" */
  snippet: string;
  highlights: Highlight[];
  /** the title's matched ranges (offsets within `title`) */
  titleHighlights?: Highlight[];
  /** set when this hit is a near-duplicate of another stored article */
  nearDuplicateOf?: string | null;
}

export interface FacetValue {
  /** the value to filter on (source name, entity id, YYYY-MM) */
  value: string;
  /** display label (entity canonical name; same as value for sources/months) */
  label: string;
  count: number;
}

export interface SearchFacets {
  /** top entities per type among ALL matching articles (not just this page) */
  entities: Record<EntityType, FacetValue[]>;
  sources: FacetValue[];
  /** per-month histogram of publication dates, ascending: value = label = "YYYY-MM" */
  months: FacetValue[];
}

/** The `marsad search --json` object and GET /api/search body. */
export interface SearchResult {
  total: number;
  tookMs: number;
  hits: SearchHit[];
  facets: SearchFacets;
  /** present in `--batch` output: the query line's id */
  id?: string;
  /** true when no article had every word and the results are those matching some of them (best first) */
  relaxed?: boolean;
  /** the parsed query, for display/debugging */
  query?: ParsedQuerySummary;
}

export interface ParsedQuerySummary {
  terms: string[];
  phrases: string[];
  excluded: string[];
  filters: Record<string, string[]>;
}

export interface SimilarHit extends ArticleSummary {
  score: number;
  /** 'near-duplicate' when linked by the dedup stage, else 'similar' (shared terms/entities) */
  relation: 'near-duplicate' | 'similar';
}

// ───────────────────────────── entities ─────────────────────────────

export interface EntityQuery {
  /** name prefix / any spelling (folded) */
  q?: string;
  type?: EntityType;
  from?: string;
  to?: string;
  /** default 50 */
  limit?: number;
  offset?: number;
  /** default 'mentions' */
  sort?: 'mentions' | 'articles' | 'name' | 'recent';
  /** also fill `roles` of each listed entity */
  withRoles?: boolean;
}

export interface EntitySummary {
  /** canonical id: the linking stage's `entity`, else `${type}:${normalize(text,'search')}` */
  id: string;
  /** canonical name (most frequent surface form when no linker name) */
  name: string;
  type: EntityType;
  /** distinct surface forms seen, most frequent first */
  aliases: string[];
  /** number of mentions */
  mentions: number;
  /** number of articles mentioning it */
  articleCount: number;
  firstSeen: string | null;
  lastSeen: string | null;
  /** roles held (only with EntityQuery.withRoles; always in EntityDetail) */
  roles?: EntityRoleSummary[];
}

export interface EntityList {
  total: number;
  entities: EntitySummary[];
}

export interface PeriodCount {
  /** "2018-W07" for weeks (ISO week), "2018-02" for months */
  period: string;
  count: number;
}

export interface RelatedEntity {
  id: string;
  name: string;
  type: EntityType;
  /** number of articles mentioning both */
  count: number;
}

export interface EntityRoleSummary {
  title: string;
  of: string | null;
  /** number of mentions of this role */
  count: number;
  firstSeen: string | null;
  lastSeen: string | null;
  /** a few article ids stating it */
  articles: string[];
}

export interface EntityDetail extends EntitySummary {
  /** alias → count */
  aliasCounts: Array<{ alias: string; count: number }>;
  /** mentions per ISO week and per month, by article publication date, ascending */
  mentionsByWeek: PeriodCount[];
  mentionsByMonth: PeriodCount[];
  cooccurring: RelatedEntity[];
  /** latest articles mentioning it (newest first) */
  articles: ArticleSummary[];
  roles: EntityRoleSummary[];
  /** events where it is actor, target or place (newest first, a few) */
  events: StoredEvent[];
}

export interface EntityDetailOptions {
  /** articles to list (default 20) */
  articles?: number;
  /** co-occurring entities (default 20) */
  cooccurring?: number;
  events?: number;
}

// ───────────────────────────── time line & events ─────────────────────────────

export interface TimelineQuery {
  /** entity id(s) or name(s); omitted = all */
  entity?: string | string[];
  from?: string;
  to?: string;
  /** default 200 */
  limit?: number;
  offset?: number;
  /** include 'time' items, 'event' items or both (default both) */
  kinds?: Array<'time' | 'event'>;
  /** 'asc' (default): oldest first; 'desc': newest first, so a page of the latest items can be asked for */
  order?: 'asc' | 'desc';
}

export interface TimelineItem {
  /** the resolved date this is about (TimeExpr.value / NewsEvent.time), e.g. 2021-08-28, 2021-08, 2021-W33 */
  date: string;
  /** first day the value covers, YYYY-MM-DD (sort key) */
  sortDate: string;
  granularity: Granularity | null;
  kind: 'time' | 'event';
  /** the time expression text (kind 'time') or the event's clause text */
  text: string;
  /** the sentence around it, original text */
  context: string;
  article: ArticleSummary;
  /** offsets into the article text */
  start: number;
  end: number;
  /** kind 'event' only */
  event?: StoredEvent;
  /** entities mentioned in the same sentence */
  entities: EntityRef[];
}

export interface Timeline {
  total: number;
  items: TimelineItem[];
}

export interface EventQuery {
  type?: string;
  /** CAMEO code prefix: "04" matches 040–046 */
  cameo?: string;
  status?: NewsEvent['status'];
  /** entity id or name that is actor, target or place */
  entity?: string;
  actor?: string;
  target?: string;
  place?: string;
  /** by the event's resolved time when it has one, else the article's publication date */
  from?: string;
  to?: string;
  source?: string;
  articleId?: string;
  /** default 100 */
  limit?: number;
  offset?: number;
}

export interface StoredEvent extends NewsEvent {
  /** store-wide event id */
  id: number;
  article: ArticleSummary;
}

export interface EventList {
  total: number;
  events: StoredEvent[];
}

// ───────────────────────────── stats & ingest ─────────────────────────────

export interface StoreStats {
  articles: number;
  nearDuplicates: number;
  /** exact duplicates skipped over the store's life (from the ingest log) */
  duplicatesSkipped: number;
  entities: number;
  mentions: number;
  times: number;
  amounts: number;
  roles: number;
  events: number;
  sources: FacetValue[];
  firstPublished: string | null;
  lastPublished: string | null;
  /** database file size in bytes (incl. WAL), null when not a file */
  dbBytes: number | null;
  schemaVersion: number;
  path: string;
}

/** What happened to one input article. */
export type AddStatus = 'added' | 'duplicate' | 'near-duplicate' | 'failed';

export interface AddOutcome {
  status: AddStatus;
  /** stored id ('added', 'near-duplicate'), or the existing article's id ('duplicate') */
  id: string | null;
  /** for 'near-duplicate': the original's id; for 'duplicate': the existing copy */
  of?: string | null;
  /** 'failed': why, one line */
  reason?: string;
  title?: string;
  origin?: string | null;
}

export interface AddResult {
  added: number;
  duplicates: number;
  nearDuplicates: number;
  failed: number;
  outcomes: AddOutcome[];
}

export interface AddOptions {
  /**
   * documents already analyzed (by ingest's worker pool), by article index; each must be
   * analyze(analysisRequestOf(article)) — see ./request.ts. A missing one is analyzed here.
   */
  docs?: Array<ArabicDoc | null | undefined>;
  /** run near-duplicate detection (default true) */
  nearDuplicates?: boolean;
}

export interface ExportQuery extends Omit<SearchQuery, 'facets' | 'limit' | 'offset' | 'snippetLength'> {
  /** default: all matches */
  limit?: number;
}

/** The store. Open with `openStore(path?)` from ./index.ts; always `close()`. */
export interface Store {
  /** the database file path (or ':memory:') */
  readonly path: string;

  /**
   * Analyze and add articles in ONE transaction: exact duplicates (same normalized content) are skipped,
   * near-duplicates stored and linked to their original, failures reported per article (never thrown).
   */
  addArticles(articles: ArticleInput[], options?: AddOptions): Promise<AddResult>;
  /** per article, the id of a stored article with the same content (what addArticles would skip), else null */
  storedDuplicates(articles: ArticleInput[]): Promise<Array<string | null>>;

  getArticle(id: string): Promise<StoredArticle | null>;
  /** summaries for ids (missing ones omitted), in the given order */
  getArticles(ids: string[]): Promise<ArticleSummary[]>;
  hasArticle(id: string): Promise<boolean>;

  search(query: SearchQuery): Promise<SearchResult>;
  /** articles most like this one (near-duplicates first); [] when the id is unknown */
  similar(id: string, limit?: number): Promise<SimilarHit[]>;
  /** all matching articles with their text, for `marsad export` (streams) */
  exportArticles(query: ExportQuery): AsyncIterable<StoredArticleRow>;

  listEntities(query?: EntityQuery): Promise<EntityList>;
  /** id = canonical id, or a name in any spelling (resolved to the most mentioned matching entity) */
  getEntity(id: string, options?: EntityDetailOptions): Promise<EntityDetail | null>;
  timeline(query: TimelineQuery): Promise<Timeline>;
  listEvents(query?: EventQuery): Promise<EventList>;

  stats(): Promise<StoreStats>;

  /** ingest log: has this input key (file path + mtime/size, feed item guid, URL) been fully processed? */
  isIngested(key: string): Promise<boolean>;
  /** records an input key as processed (after its articles were committed) */
  markIngested(key: string, info?: { articles?: number; note?: string }): Promise<void>;

  /** housekeeping after a large ingest (e.g. merging full-text index segments); optional */
  optimize?(): Promise<void>;

  close(): Promise<void>;
}

/** An exported article: summary + text + flat entity list (no token layers). */
export interface StoredArticleRow extends ArticleSummary {
  text: string;
  author: string | null;
  place: string | null;
  category: string | null;
  nearDuplicateOf: string | null;
  entities: Array<{ id: string; name: string; type: EntityType }>;
  score?: number;
}

// ───────────────────────────── ingest (src/ingest) ─────────────────────────────

/**
 * One thing to ingest, for `ingestArticles(store, inputs)` (src/ingest/index.ts): ready articles, a path
 * (file or folder, recursive), a URL (page or feed), or raw content with a hint of its format.
 */
export type IngestInput =
  | ArticleInput
  | { path: string; source?: string | null }
  | { url: string; source?: string | null }
  | { content: string | Uint8Array; name?: string; format?: InputFormat; url?: string | null; source?: string | null };

export type InputFormat = 'txt' | 'html' | 'rss' | 'atom' | 'jsonl' | 'json';

export interface IngestOptions {
  /** default source name when the input has none */
  source?: string | null;
  /** RSS/Atom: fetch each item's link for the full text */
  follow?: boolean;
  /** articles per transaction (default 200) */
  batchSize?: number;
  /** per-request timeout for URLs, ms (default 15000) */
  timeoutMs?: number;
  /** called after each committed batch */
  onProgress?: (p: IngestProgress) => void;
  /** stop after this many articles read (bench / tests) */
  limit?: number;
  signal?: AbortSignal;
  /**
   * analysis worker threads (pipeline/pool.ts), used once a batch fills: 0 analyzes in this thread (the
   * default); 'auto' (the CLI's default) one per core, only for inputs big enough to pay for starting them
   * (a few thousand articles). The stored result is the same either way.
   */
  workers?: number | 'auto';
}

export interface IngestProgress {
  read: number;
  added: number;
  duplicates: number;
  nearDuplicates: number;
  failed: number;
  /** total articles expected when known (e.g. JSONL line count), else null */
  total: number | null;
  elapsedMs: number;
  current?: string;
  /** share of the input bytes read so far (0..1) when the inputs' sizes are known, for an ETA */
  fraction?: number | null;
}

export interface IngestFailure {
  /** file path / URL / feed item, plus article id or line number when known */
  where: string;
  reason: string;
}

export interface IngestSummary {
  read: number;
  added: number;
  duplicates: number;
  nearDuplicates: number;
  failed: number;
  /** inputs skipped because the ingest log says they were done */
  skippedInputs: number;
  failures: IngestFailure[];
  /** problems that did not lose an article (e.g. --follow could not fetch a page; the feed's summary was used) */
  warnings: IngestFailure[];
  /** ids of the added articles (first 1000) */
  addedIds: string[];
  elapsedMs: number;
}

export type { Amount, Entity, EntityRef, EntityType, Role, TimeExpr, NewsEvent };
