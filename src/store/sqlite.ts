/**
 * The embedded store: SQLite through better-sqlite3 (WAL, one transaction per batch), FTS5 over Marsad's own
 * analyzed terms. All SQL lives here; clients see only the `Store` interface.
 *
 * Search runs in two steps: FTS5 gives every matching rowid with its BM25 score; filters, facets and the
 * recency tie-break are then applied from a compact in-memory copy of each article's day, source and entity ids
 * (loaded once, refreshed when another process commits), which keeps facets over tens of thousands of matches
 * in the millisecond range.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ArabicDoc, EntityRef, EntityType, NewsEvent, Sentence } from '../doc.js';
import { analyze } from '../pipeline/analyze.js';
import { canonicalKey, isContextualMention } from '../link/index.js';
import { normalize, segment, tokenize } from '../text/index.js';
import { indexTerms, safeTerm, queryWords, isIndexed, type IndexTerms } from '../search/terms.js';
import { parseQuery, summarizeQuery, type ParsedQuery, type QueryItem } from '../search/query.js';
import { boundDay, isoWeek, QueryError, toPublished, valueStartDay } from '../search/dates.js';
import { valueRange } from '../time/calendar.js';
import { highlightAll, makeSnippet, matcherOf } from '../search/snippet.js';
import { MIGRATIONS, SCHEMA_VERSION } from './schema.js';
import { MinhashIndex, minhash, sigToBlob, blobToSig } from './minhash.js';
import { ArticleEntityContext, EntityResolver, backfillEntityKeys, bindAllahKeys, bindClubKeys, bindFoldedKeys } from './entitylink.js';
import { analysisRequestOf, articleText } from './request.js';
import type {
  AddOptions,
  AddOutcome,
  AddResult,
  ArticleInput,
  ArticleSummary,
  EntityDetail,
  EntityDetailOptions,
  EntityList,
  EntityQuery,
  EntityRoleSummary,
  EntitySummary,
  EventList,
  EventQuery,
  ExportQuery,
  FacetValue,
  PeriodCount,
  RelatedEntity,
  SearchFacets,
  SearchHit,
  SearchQuery,
  SearchResult,
  SimilarHit,
  Store,
  StoredArticle,
  StoredArticleRow,
  StoredEvent,
  StoreStats,
  Timeline,
  TimelineItem,
  TimelineQuery,
} from './types.js';

const ENTITY_TYPES: EntityType[] = ['PER', 'ORG', 'LOC', 'MISC'];
const TYPE_CODE: Record<string, number> = { PER: 1, ORG: 2, LOC: 3, MISC: 4 };

/** BM25 column weights: title stems, title folded forms, body stems, body folded forms. */
export const BM25_WEIGHTS = [6, 3, 1, 0.5] as const;
const BM25 = `bm25(fts, ${BM25_WEIGHTS.join(', ')})`;

const FACET_TOP = 10;
const MAX_LIMIT = 1000;

/**
 * The analysis layers are kept as deflated JSON: they are only read whole (for `show` / an article page) and
 * take more room than the text itself. A plain JSON string is read too.
 */
function packLayers(layers: unknown): Buffer {
  return deflateRawSync(Buffer.from(JSON.stringify(layers)), { level: 1 });
}

function unpackLayers(v: string | Buffer): unknown {
  return JSON.parse(typeof v === 'string' ? v : inflateRawSync(v).toString('utf8'));
}

/** Exact-duplicate key: the folded letters and digits of the body (punctuation and spacing do not count). */
export function contentHash(text: string): string {
  const folded = normalize(text, 'search').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return createHash('sha1').update(folded).digest('hex');
}

/** Canonical id of an entity mention: the linker's id, else TYPE:folded text. */
export function entityIdOf(e: { entity?: string; type: string; text: string }): string {
  return e.entity || `${e.type}:${normalize(e.text, 'search').replace(/\s+/g, ' ').trim()}`;
}

function foldName(s: string): string {
  return normalize(s, 'search').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * Names typed with proclitics the store's names never carry («والكويت», «بالكويت»): the same words with the first
 * one's conjunction or preposition taken off (its article kept), as the clitic analysis that indexes search terms
 * reads it (src/text), its three likeliest readings in order.
 */
export function withoutProclitics(name: string): string[] {
  const words = name.trim().split(/\s+/);
  if (!words[0] || words.length > 6) return [];
  const out: string[] = [];
  for (const seg of segment(words[0]).slice(0, 3)) {
    if (!seg.proclitics.some((c) => c !== 'ال') || seg.stem.length < 2) continue;
    const first = (seg.proclitics.includes('ال') ? 'ال' : '') + seg.stem + seg.enclitics.join('');
    const candidate = [first, ...words.slice(1)].join(' ');
    if (!out.includes(candidate)) out.push(candidate);
  }
  return out;
}

/** A fallback title: the first line or sentence of the text, cut at a word boundary. */
export function fallbackTitle(text: string): string {
  const first = text.trim().split(/\n/)[0].trim();
  const sent = /^(.{10,}?[.!?؟])\s/u.exec(first)?.[1] ?? first;
  if (sent.length <= 120) return sent;
  const cut = sent.slice(0, 120);
  const sp = cut.lastIndexOf(' ');
  return (sp > 60 ? cut.slice(0, sp) : cut) + '…';
}

function sentenceIndex(sentences: Sentence[], pos: number): number | null {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid];
    if (pos < s.start) hi = mid - 1;
    else if (pos >= s.end) lo = mid + 1;
    else return mid;
  }
  return null;
}

interface ArticleRow {
  rowid: number;
  id: string;
  title: string;
  text: string;
  url: string | null;
  source: string | null;
  author: string | null;
  place: string | null;
  category: string | null;
  origin: string | null;
  published: string | null;
  pub_day: string | null;
  ingested_at: string;
  near_dup_of: number | null;
  near_id?: string | null;
  layers: string | Buffer;
}

interface Prepared {
  index: number;
  input: ArticleInput;
  title: string;
  text: string;
  hash: string;
  published: string | null;
  day: string | null;
  /** the analysis without its token layer (the biggest part: it is only needed for the index terms) */
  doc: ArabicDoc;
  bodyTerms: IndexTerms;
  titleTerms: IndexTerms;
  /** MinHash signature (null when too short, or near-duplicate detection is off) */
  sig: Uint32Array | null;
  /** entities with their canonical ids */
  entities: ArabicDoc['entities'];
  layersBlob: Buffer;
}

/**
 * Everything about an article that does not depend on the database, computed right after its analysis and
 * outside the write transaction; the token layer is dropped here, so a batch holds hundreds of articles' rows,
 * not hundreds of token arrays.
 */
function prepareWrite(doc: ArabicDoc, title: string, text: string, detectNear: boolean): Pick<Prepared, 'doc' | 'bodyTerms' | 'titleTerms' | 'sig' | 'entities' | 'layersBlob'> {
  const bodyTerms = indexTerms(doc.tokens.length ? doc.tokens : tokenize(text));
  const titleTerms = indexTerms(title);
  const sig = detectNear ? minhash(bodyTerms.stems ? bodyTerms.stems.split(' ') : []) : null;
  const entities = doc.entities.map((e) => ({ ...e, entity: entityIdOf(e), canonical: e.canonical ?? undefined }));
  const layers = {
    sentences: doc.sentences.map((s) => (s.heading ? [s.start, s.end, s.tokenStart, s.tokenEnd, 1] : [s.start, s.end, s.tokenStart, s.tokenEnd])),
    entities,
    times: doc.times,
    amounts: doc.amounts,
    roles: doc.roles,
    events: doc.events,
  };
  return { doc: { ...doc, tokens: [] }, bodyTerms, titleTerms, sig, entities, layersBlob: packLayers(layers) };
}

/** The per-article data search needs in memory. */
class MetaCache {
  day: Array<string | null> = [];
  /** YYYYMMDD per rowid (0 = unknown) */
  dayNum = new Int32Array(1024);
  source: Array<string | null> = [];
  sourceLabel: Array<string | null> = [];
  ents: Array<Int32Array | null> = [];
  /** entity rowid → type code (1..4) */
  etype = new Uint8Array(1024);
  rowids: number[] = [];
  maxRowid = 0;
  maxEntity = 0;

  setEntityType(rowid: number, type: string): void {
    if (rowid >= this.etype.length) {
      const n = new Uint8Array(Math.max(rowid + 1, this.etype.length * 2));
      n.set(this.etype);
      this.etype = n;
    }
    this.etype[rowid] = TYPE_CODE[type] ?? 4;
    if (rowid > this.maxEntity) this.maxEntity = rowid;
  }

  addArticle(rowid: number, day: string | null, sourceKey: string | null, source: string | null, ents: Int32Array | null): void {
    if (rowid >= this.dayNum.length) {
      const n = new Int32Array(Math.max(rowid + 1, this.dayNum.length * 2));
      n.set(this.dayNum);
      this.dayNum = n;
    }
    this.dayNum[rowid] = dayNum(day);
    this.day[rowid] = day;
    this.source[rowid] = sourceKey;
    this.sourceLabel[rowid] = source;
    this.ents[rowid] = ents;
    this.rowids.push(rowid);
    if (rowid > this.maxRowid) this.maxRowid = rowid;
  }
}

function entsBlob(ids: Iterable<number>): Buffer {
  const arr = Int32Array.from(ids);
  return Buffer.from(arr.buffer, arr.byteOffset, arr.byteLength);
}

function blobEnts(b: Buffer | null): Int32Array | null {
  if (!b || b.length === 0) return null;
  // copy: the Buffer may be a view on a pooled allocation with an unaligned offset
  const out = new Int32Array(b.length >> 2);
  for (let i = 0; i < out.length; i++) out[i] = b.readInt32LE(i * 4);
  return out;
}

function asList(v: string | string[] | undefined | null): string[] {
  if (v === undefined || v === null) return [];
  return (Array.isArray(v) ? v : [v]).map((s) => String(s).trim()).filter(Boolean);
}

function clampInt(v: unknown, def: number, min: number, max: number): number {
  const n = typeof v === 'number' ? v : v === undefined || v === null || v === '' ? def : Number(v);
  if (!Number.isFinite(n)) return def;
  return Math.min(max, Math.max(min, Math.floor(n)));
}

/** FTS5 string literal of a term (terms are letters/digits, but quote anyway). */
function lit(s: string): string {
  return '"' + s.replace(/"/g, '""') + '"';
}

function ftsItem(it: QueryItem, withNorm: boolean): string {
  if (it.kind === 'term') {
    if (it.word.weakStem) return `{title_norm body_norm} : ${lit(it.word.norm)}`;
    const s = `{title_stem body_stem} : ${lit(it.word.stem)}`;
    return withNorm ? `(${s} OR {title_norm body_norm} : ${lit(it.word.norm)})` : s;
  }
  const s = `{title_stem body_stem} : ${lit(it.words.map((w) => w.stem).join(' '))}`;
  return withNorm ? `(${s} OR {title_norm body_norm} : ${lit(it.words.map((w) => w.norm).join(' '))})` : s;
}

const isStopGroup = (g: QueryItem[]) => g.every((it) => it.kind === 'term' && it.word.stop);

/**
 * The FTS5 MATCH expression of a parsed query (null when it has no positive part). `extra` gives a group more
 * alternatives (the proximity groups of rankedExpression), each of which must imply the group's own items.
 */
export function ftsExpression(q: ParsedQuery, mode: 'and' | 'or' = 'and', extra?: Map<QueryItem[], string[]>): string | null {
  let groups = q.groups;
  // frequent function words cost time and add nothing to an AND query that has content words
  if (groups.some((g) => !isStopGroup(g))) groups = groups.filter((g) => !isStopGroup(g) || mode === 'and' && g.length > 1);
  if (!groups.length) return null;
  const parts = groups.map((g) => {
    const alts = [...g.map((it) => ftsItem(it, true)), ...(extra?.get(g) ?? [])];
    return alts.length === 1 ? alts[0] : '(' + alts.join(' OR ') + ')';
  });
  let expr = parts.length === 1 ? parts[0] : parts.join(mode === 'and' ? ' AND ' : ' OR ');
  if (q.excluded.length) expr = `(${expr})` + q.excluded.map((it) => ` NOT ${ftsItem(it, false)}`).join('');
  return expr;
}

/** How far apart (in words) two query words may stand to count as near each other. */
const NEAR_DISTANCE = 3;
/** Weight of the proximity score added to the BM25 score of an AND query of several words (a whole number: rankedExpression repeats a NEAR group this often). */
export const PROXIMITY_WEIGHT = 1;
/** Weight of the all-words-near score of a query of three words or more (a whole number, as PROXIMITY_WEIGHT). */
export const FULL_PROXIMITY_WEIGHT = 2;
/** At most this many NEAR groups per query (spelling variants multiply them). */
const MAX_NEAR = 12;

/** The stem terms of an item for a NEAR group (a phrase stays a phrase); null for a word searched by its folded form. */
function nearTerm(it: QueryItem): string | null {
  if (it.kind === 'term') return it.word.weakStem ? null : lit(it.word.stem);
  if (it.words.some((w) => w.weakStem)) return null;
  return lit(it.words.map((w) => w.stem).join(' '));
}

/** A NEAR group and the query group of its first word (every article it matches has that word). */
interface NearGroup {
  group: QueryItem[];
  near: string;
}

/** The NEAR groups of proximityExpression. */
function pairNears(q: ParsedQuery): NearGroup[] {
  const groups = q.groups.filter((g) => !isStopGroup(g));
  const nears: NearGroup[] = [];
  for (let i = 0; i + 1 < groups.length && nears.length < MAX_NEAR; i++) {
    for (const a of groups[i]) {
      for (const b of groups[i + 1]) {
        const ta = nearTerm(a);
        const tb = nearTerm(b);
        if (!ta || !tb || ta === tb || nears.length >= MAX_NEAR) continue;
        const span = NEAR_DISTANCE + (a.kind === 'phrase' ? a.words.length - 1 : 0) + (b.kind === 'phrase' ? b.words.length - 1 : 0);
        nears.push({ group: groups[i], near: `{title_stem body_stem} : NEAR(${ta} ${tb}, ${span})` });
      }
    }
  }
  return nears;
}

/** The NEAR groups of fullProximityExpression. */
function fullNears(q: ParsedQuery): NearGroup[] {
  const groups = q.groups.filter((g) => !isStopGroup(g));
  const nears: NearGroup[] = [];
  if (groups.length >= 3) {
    let combos: string[][] = [[]];
    for (const g of groups) {
      const terms = g.map(nearTerm).filter((t): t is string => t !== null);
      if (!terms.length) { combos = []; break; }
      combos = combos.flatMap((c) => terms.map((t) => [...c, t])).slice(0, 4);
    }
    const span = NEAR_DISTANCE + groups.reduce((n, g) => n + (g[0].kind === 'phrase' ? g[0].words.length - 1 : 0), 0);
    for (const c of combos) if (new Set(c).size === c.length) nears.push({ group: groups[0], near: `{title_stem body_stem} : NEAR(${c.join(' ')}, ${span})` });
  }
  return nears;
}

const orNears = (nears: NearGroup[]): string | null => (nears.length ? nears.map((n) => n.near).join(' OR ') : null);

/**
 * Proximity of an AND query of several words: for each two consecutive content groups, their items NEAR each other
 * in the title or the body. Every article this matches has both words, so its BM25 score is a bonus added to the
 * articles the query found («وزير الخارجية الأمريكي» ranks the minister above an article with «وزير» in one place
 * and «الخارجية» in another). Null when there is nothing to pair.
 */
export function proximityExpression(q: ParsedQuery): string | null {
  return orNears(pairNears(q));
}

/**
 * Three words or more: all of them near one another, a bonus of its own (weighted FULL_PROXIMITY_WEIGHT) on top of
 * the pairs' («وزير الخارجية الأمريكي» over an article with «وزير الخارجية» of another country and «الخارجية
 * الأمريكية» elsewhere). Null for fewer words.
 */
export function fullProximityExpression(q: ParsedQuery): string | null {
  return orNears(fullNears(q));
}

/**
 * The AND expression of a query of several words with its proximity bonus inside: each NEAR group of
 * proximityExpression and fullProximityExpression is one more alternative of the query group of its first word,
 * repeated as often as its weight. A NEAR group matches only where that word does, so the articles found are
 * ftsExpression's; bm25() sums over phrases, and the phrases of a NEAR that does not hold in an article have no hits
 * there, so an article's score is its BM25 plus the BM25 of the NEAR groups that hold in it — the bonus, computed in
 * the one query and only for the articles found (the NEAR queries over the whole index it replaces cost as much as
 * the query itself). Null when there is no proximity to add.
 */
export function rankedExpression(q: ParsedQuery): string | null {
  const extra = new Map<QueryItem[], string[]>();
  let any = false;
  for (const [nears, weight] of [[pairNears(q), PROXIMITY_WEIGHT], [fullNears(q), FULL_PROXIMITY_WEIGHT]] as const) {
    for (const n of nears) {
      for (let k = 0; k < weight; k++) extra.set(n.group, [...(extra.get(n.group) ?? []), n.near]);
      any = true;
    }
  }
  return any ? ftsExpression(q, 'and', extra) : null;
}

/** 20180201 for "2018-02-01" (0 for none): a number compares faster than a string. */
function dayNum(day: string | null | undefined): number {
  if (!day) return 0;
  return Number(day.slice(0, 4)) * 10000 + Number(day.slice(5, 7)) * 100 + Number(day.slice(8, 10));
}

/**
 * A result set: parallel arrays of rowids and scores in FTS order. Only the first k results are ever put in
 * order (score, then recency, then newest rowid), which is what a page needs; `ordered(n)` sorts all.
 */
class Matches {
  private scoreMap: Map<number, number> | null = null;
  constructor(
    readonly ids: number[],
    readonly scores: number[],
    private readonly days: Int32Array,
    private readonly byDate: boolean,
  ) {}

  /** true when result i goes before result j */
  private before(i: number, j: number): boolean {
    if (!this.byDate) {
      const d = this.scores[i] - this.scores[j];
      if (d !== 0) return d > 0;
    }
    const a = this.days[this.ids[i]] ?? 0;
    const b = this.days[this.ids[j]] ?? 0;
    if (a !== b) return a > b;
    return this.ids[i] > this.ids[j];
  }

  ordered(k: number): number[] {
    const n = this.ids.length;
    const want = Math.min(k, n);
    if (want <= 0) return [];
    let idx: number[];
    if (want * 8 >= n) {
      idx = Array.from({ length: n }, (_, i) => i).sort((i, j) => (this.before(i, j) ? -1 : this.before(j, i) ? 1 : 0));
    } else {
      // keep the best `want` in a sorted buffer; most candidates lose to the current last one at once
      idx = [];
      for (let i = 0; i < n; i++) {
        if (idx.length === want && !this.before(i, idx[want - 1])) continue;
        let lo = 0;
        let hi = idx.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (this.before(idx[mid], i)) lo = mid + 1;
          else hi = mid;
        }
        idx.splice(lo, 0, i);
        if (idx.length > want) idx.pop();
      }
    }
    return idx.slice(0, want).map((i) => this.ids[i]);
  }

  readonly scoreOf = (rowid: number): number => {
    if (!this.scoreMap) {
      this.scoreMap = new Map();
      for (let i = 0; i < this.ids.length; i++) this.scoreMap.set(this.ids[i], this.scores[i]);
    }
    return this.scoreMap.get(rowid) ?? 0;
  };
}

export class SqliteStore implements Store {
  /** where ingestion time goes (for the bench): analysis vs. writing to the database */
  readonly timings = { analyzeMs: 0, writeMs: 0, articles: 0, analyzedHere: 0 };
  private readonly stmts = new Map<string, Database.Statement>();
  private meta: MetaCache | null = null;
  private simIndex: MinhashIndex | null = null;
  private dataVersion = -1;
  private entityRowids = new Map<string, number>();
  /** entity rowids whose canonical name is known to be stored (saves an UPDATE per mention) */
  private entityNamed = new Set<number>();
  private readonly pendingAliases = new Map<string, { rid: number; text: string; n: number }>();
  private readonly pendingFts: Array<[number, string, string, string, string]> = [];
  private readonly pendingEntities = new Map<number, { n: number; articles: number; first: string | null; last: string | null }>();
  /** folded alias word → entity rowids (lazy, for entity:NAME filters) */
  private aliasWords: Map<string, Set<number>> | null = null;
  private aliasFolded: Map<number, string[]> | null = null;
  private aliasLoadedUpTo = 0;

  private constructor(
    readonly path: string,
    private readonly db: Database.Database,
    private readonly readonly: boolean,
  ) {}

  static open(file: string, options: { readonly?: boolean } = {}): SqliteStore {
    const ro = !!options.readonly;
    if (file !== ':memory:') {
      if (ro && !existsSync(file)) throw new Error(`${file}: no such database`);
      if (!ro) mkdirSync(dirname(file), { recursive: true });
    }
    let db: Database.Database;
    try {
      db = new Database(file, ro ? { readonly: true, fileMustExist: true } : {});
      db.pragma('busy_timeout = 10000');
      if (!ro) {
        db.pragma('journal_mode = WAL');
        // WAL + NORMAL: a committed transaction survives a killed process (kill -9); only an OS crash may lose the last ones
        db.pragma('synchronous = NORMAL');
      }
      db.pragma('cache_size = -65536');
      db.pragma('temp_store = MEMORY');
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version > SCHEMA_VERSION) {
        throw new Error(`${file}: database schema ${version} is newer than this Marsad (schema ${SCHEMA_VERSION})`);
      }
      if (version < SCHEMA_VERSION) {
        if (ro) throw new Error(`${file}: database needs migrating (open it once for writing)`);
        migrate(db, version);
      }
    } catch (err) {
      const msg = err instanceof Error ? err.message : String(err);
      if (/file is not a database|file is encrypted/i.test(msg)) throw new Error(`${file}: not a Marsad database (not SQLite)`);
      throw err;
    }
    return new SqliteStore(file, db, ro);
  }

  private stmt(sql: string): Database.Statement {
    let s = this.stmts.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.stmts.set(sql, s);
    }
    return s;
  }

  // ───────────────────────── writing ─────────────────────────

  async addArticles(articles: ArticleInput[], options: AddOptions = {}): Promise<AddResult> {
    return this.addArticlesSync(articles, options);
  }

  async storedDuplicates(articles: ArticleInput[]): Promise<Array<string | null>> {
    const hashes = articles.map((a) => this.hashOf(a));
    const stored = this.storedByHash(hashes);
    return hashes.map((h) => (h === null ? null : (stored.get(h) ?? null)));
  }

  /**
   * The content hash of an article's text (null without text), remembered per input object: ingest asks
   * storedDuplicates() before it analyzes a batch and addArticles() right after, for the same objects.
   */
  private hashOf(input: ArticleInput): string | null {
    const text = articleText(input);
    if (!text.trim()) return null;
    const known = this.hashes.get(input);
    if (known && known.text === text) return known.hash;
    const hash = contentHash(text);
    this.hashes.set(input, { text, hash });
    return hash;
  }
  private readonly hashes = new WeakMap<ArticleInput, { text: string; hash: string }>();

  /** Stored article id per content hash, for the given hashes: one lookup for a whole batch. */
  private storedByHash(hashes: Array<string | null>): Map<string, string> {
    // (each statement outside a transaction opens its own read snapshot, which costs more than the lookup itself)
    const stored = new Map<string, string>();
    const wanted = hashes.filter((h): h is string => h !== null);
    if (wanted.length) {
      for (const r of this.stmt('SELECT content_hash AS h, id FROM articles WHERE content_hash IN (SELECT value FROM json_each(?))').iterate(JSON.stringify(wanted)) as Iterable<{ h: string; id: string }>) {
        stored.set(r.h, r.id);
      }
    }
    return stored;
  }

  addArticlesSync(articles: ArticleInput[], options: AddOptions = {}): AddResult {
    if (this.readonly) throw new Error(`${this.path}: opened read-only`);
    const outcomes: AddOutcome[] = new Array(articles.length);
    const prepared: Prepared[] = [];
    const batchHashes = new Map<string, number>();
    // exact duplicates already stored
    const hashes = articles.map((a) => (a && typeof a === 'object' ? this.hashOf(a) : null));
    const stored = this.storedByHash(hashes);
    for (let i = 0; i < articles.length; i++) {
      const input = articles[i];
      const origin = input?.origin ?? null;
      try {
        if (!input || typeof input !== 'object') throw new Error('not an article object');
        const request = analysisRequestOf(input);
        if (!request) throw new Error(articleText(input).trim() ? 'no text to read (no letter or digit)' : 'empty text');
        const text = request.text;
        const title = (typeof input.title === 'string' && input.title.trim()) || fallbackTitle(text);
        const hash = hashes[i]!;
        const dupId = stored.get(hash);
        if (dupId !== undefined) {
          outcomes[i] = { status: 'duplicate', id: dupId, of: dupId, title, origin };
          continue;
        }
        const earlier = batchHashes.get(hash);
        if (earlier !== undefined) {
          outcomes[i] = { status: 'duplicate', id: null, of: articles[earlier].id ?? null, title, origin };
          continue;
        }
        const published = toPublished(input.published ?? null);
        const day = request.published;
        const ta = performance.now();
        let doc = options.docs?.[i];
        if (!doc) (doc = analyze(text, { published: day })), this.timings.analyzedHere++;
        this.timings.analyzeMs += performance.now() - ta;
        batchHashes.set(hash, i);
        const cleanTitle = title.replace(/\s+/g, ' ').trim();
        const parts = prepareWrite(doc, cleanTitle, text, options.nearDuplicates !== false);
        prepared.push({ index: i, input, title: cleanTitle, text, hash, published, day, ...parts });
      } catch (err) {
        outcomes[i] = { status: 'failed', id: null, reason: (err instanceof Error ? err.message : String(err)).split('\n')[0], title: input?.title ?? undefined, origin };
      }
    }
    if (prepared.length) {
      const tx = this.db.transaction(() => {
        // under the write lock (BEGIN IMMEDIATE): catch up with other writers first, so in-memory caches
        // never skip rows committed elsewhere
        this.refreshCaches();
        for (const p of prepared) outcomes[p.index] = this.insertArticle(p, options.nearDuplicates !== false);
        this.flushEntityCounters();
        this.flushFts();
        const dups = outcomes.filter((o) => o?.status === 'duplicate').length;
        if (dups) this.stmt(`INSERT INTO counters(name, value) VALUES('duplicates_skipped', ?) ON CONFLICT(name) DO UPDATE SET value = value + excluded.value`).run(dups);
      });
      const tw = performance.now();
      try {
        tx.immediate();
        this.timings.writeMs += performance.now() - tw;
        this.timings.articles += prepared.length;
      } catch (err) {
        // the transaction rolled back: forget in-memory additions made during it
        this.meta = null;
        this.simIndex = null;
        this.entityRowids.clear();
        this.entityNamed.clear();
        this.pendingAliases.clear();
        this.pendingEntities.clear();
        this.pendingFts.length = 0;
        this.aliasWords = null;
        throw err;
      }
      this.dataVersion = this.db.pragma('data_version', { simple: true }) as number;
    } else {
      const dups = outcomes.filter((o) => o?.status === 'duplicate').length;
      if (dups) this.stmt(`INSERT INTO counters(name, value) VALUES('duplicates_skipped', ?) ON CONFLICT(name) DO UPDATE SET value = value + excluded.value`).run(dups);
    }
    const result: AddResult = { added: 0, duplicates: 0, nearDuplicates: 0, failed: 0, outcomes };
    for (const o of outcomes) {
      if (o.status === 'added') result.added++;
      else if (o.status === 'duplicate') result.duplicates++;
      else if (o.status === 'near-duplicate') (result.nearDuplicates++, result.added++);
      else result.failed++;
    }
    return result;
  }

  /**
   * The batch's full-text rows, written LAST in the transaction. FTS5 keeps a transaction's new terms in memory
   * and must write them out as a new index segment whenever a statement that may need a statement journal runs
   * (an INSERT on a table with a UNIQUE key, an upsert): interleaved with the other writes, that wrote one small
   * segment per article and then spent its time merging them. Written together, a batch makes one segment.
   */
  private flushFts(): void {
    const ins = this.stmt('INSERT INTO fts(rowid, title_stem, title_norm, body_stem, body_norm) VALUES(?, ?, ?, ?, ?)');
    for (const r of this.pendingFts) ins.run(...r);
    this.pendingFts.length = 0;
  }

  /** Entity counters and alias counts gathered over a batch, written once per entity/alias at its end. */
  private flushEntityCounters(): void {
    const insAlias = this.stmt(
      `INSERT INTO aliases(entity, alias, folded, count) VALUES(?, ?, ?, ?)
       ON CONFLICT(entity, alias) DO UPDATE SET count = count + excluded.count`,
    );
    for (const a of this.pendingAliases.values()) insAlias.run(a.rid, a.text, foldName(a.text), a.n);
    this.pendingAliases.clear();
    const upd = this.stmt(
      `UPDATE entities SET mentions = mentions + @n, articles = articles + @a,
         first_seen = CASE WHEN @first IS NULL THEN first_seen WHEN first_seen IS NULL OR @first < first_seen THEN @first ELSE first_seen END,
         last_seen  = CASE WHEN @last IS NULL THEN last_seen  WHEN last_seen  IS NULL OR @last > last_seen  THEN @last ELSE last_seen  END
       WHERE rowid = @rid`,
    );
    for (const [rid, x] of this.pendingEntities) upd.run({ n: x.n, a: x.articles, first: x.first, last: x.last, rid });
    this.pendingEntities.clear();
  }

  /**
   * The entity a mention's canonical key belongs to: a key seen before maps to its entity at once (memory, then
   * entity_keys); a new key goes through cross-article resolution (./entitylink.ts) with the article's context.
   */
  private entityRowid(id: string, type: string, canonical: string | null | undefined, ctx: ArticleEntityContext | null = null): number {
    let rowid = this.entityRowids.get(id);
    if (rowid === undefined && !ctx?.unknown.has(id)) rowid = this.resolver().known(id);
    if (rowid !== undefined) {
      if (canonical && !this.entityNamed.has(rowid)) {
        this.stmt('UPDATE entities SET canonical = ? WHERE rowid = ? AND canonical IS NULL').run(canonical, rowid);
        this.entityNamed.add(rowid);
      }
      this.entityRowids.set(id, rowid);
      return rowid;
    }
    const bound = this.resolver().bind(id, type as EntityType, canonical, ctx);
    rowid = bound.rowid;
    this.entityRowids.set(id, rowid);
    if (canonical || !bound.created) this.entityNamed.add(rowid);
    if (bound.created) this.meta?.setEntityType(rowid, type);
    return rowid;
  }

  private entityResolver: EntityResolver | null = null;
  private resolver(): EntityResolver {
    return (this.entityResolver ??= new EntityResolver(this.db));
  }

  /** cross-article linking counters since the store was opened (bench, tests) */
  get linkStats() {
    return this.resolver().stats;
  }

  private insertArticle(p: Prepared, detectNear: boolean): AddOutcome {
    const { input, doc } = p;
    const origin = input.origin ?? null;
    // the public id: the input's own id when free, else a content-derived one
    let id = typeof input.id === 'string' || typeof input.id === 'number' ? String(input.id).trim() : '';
    const taken = this.stmt('SELECT 1 FROM articles WHERE id = ?');
    if (!id) id = p.hash.slice(0, 16);
    else if (taken.get(id)) id = `${id}~${p.hash.slice(0, 8)}`;
    if (taken.get(id)) return { status: 'duplicate', id, of: id, title: p.title, origin };

    const { bodyTerms, titleTerms, entities } = p;
    const sig = detectNear ? p.sig : null;
    let nearOf: number | null = null;
    let nearSim: number | null = null;
    if (detectNear) {
      if (sig) {
        const hit = this.minhashIndex().nearest(sig);
        if (hit) {
          // link to the cluster's original, not to another copy
          const root = this.stmt('SELECT coalesce(near_dup_of, rowid) AS root FROM articles WHERE rowid = ?').get(hit.rowid) as { root: number } | undefined;
          nearOf = root?.root ?? hit.rowid;
          nearSim = hit.similarity;
        }
      }
    }

    const sourceKey = input.source ? foldName(String(input.source)).toLowerCase() || null : null;
    // entity rows first, so the article row can carry its entity ids
    const perEntity = new Map<number, { count: number; id: string }>();
    const mentionRows: Array<[number, number, number, number | null, string, boolean]> = [];
    // keys seen before first (they are the co-mentions new keys are judged by), then the new ones in text order
    const ctx = new ArticleEntityContext(entities === doc.entities ? doc : { ...doc, entities });
    for (const e of entities) {
      if (ctx.rowids.has(e.entity!)) continue;
      const known = this.entityRowids.get(e.entity!) ?? this.resolver().known(e.entity!);
      if (known !== undefined) ctx.rowids.set(e.entity!, known);
      else ctx.unknown.add(e.entity!);
    }
    for (const e of entities) {
      const rid = this.entityRowid(e.entity!, e.type, e.canonical, ctx);
      ctx.rowids.set(e.entity!, rid);
      const pe = perEntity.get(rid);
      if (pe) pe.count++;
      else perEntity.set(rid, { count: 1, id: e.entity! });
      mentionRows.push([rid, e.start, e.end, sentenceIndex(doc.sentences, e.start), e.text, isContextualMention(e.text, e.type, e.canonical)]);
    }
    const info = this.stmt(
      `INSERT INTO articles(id, title, text, url, source, source_key, author, place, category, origin, published, pub_day,
         ingested_at, content_hash, minhash, near_dup_of, near_sim, words, ents, layers)
       VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(content_hash) DO NOTHING`,
    ).run(
      id, p.title, p.text, input.url ?? null, input.source ?? null, sourceKey, input.author ?? null, input.place ?? null,
      input.category ?? null, origin, p.published, p.day, new Date().toISOString(), p.hash,
      sig ? sigToBlob(sig) : null, nearOf, nearSim, bodyTerms.count, perEntity.size ? entsBlob(perEntity.keys()) : null,
      p.layersBlob,
    );
    if (info.changes === 0) {
      const dup = this.stmt('SELECT id FROM articles WHERE content_hash = ?').get(p.hash) as { id: string };
      return { status: 'duplicate', id: dup.id, of: dup.id, title: p.title, origin };
    }
    const rowid = Number(info.lastInsertRowid);
    this.pendingFts.push([rowid, titleTerms.stems, titleTerms.norms, bodyTerms.stems, bodyTerms.norms]);
    const insMention = this.stmt('INSERT INTO mentions(article, entity, start, end, sentence, text) VALUES(?, ?, ?, ?, ?, ?)');
    for (const [rid, start, end, sent, text, contextual] of mentionRows) {
      insMention.run(rowid, rid, start, end, sent, text);
      if (contextual) continue;
      // a name as it reads: «دونالد #ترمب», «#دونالد_ترمب» are the alias «دونالد ترمب»
      const alias = aliasForm(text);
      const k = rid + '\u0000' + alias;
      const a = this.pendingAliases.get(k);
      if (a) a.n++;
      else this.pendingAliases.set(k, { rid, text: alias, n: 1 });
    }
    const insAE = this.stmt('INSERT INTO article_entities(article, entity, count) VALUES(?, ?, ?)');
    for (const [rid, pe] of perEntity) {
      insAE.run(rowid, rid, pe.count);
      const x = this.pendingEntities.get(rid);
      if (!x) this.pendingEntities.set(rid, { n: pe.count, articles: 1, first: p.day, last: p.day });
      else {
        x.n += pe.count;
        x.articles++;
        if (p.day && (!x.first || p.day < x.first)) x.first = p.day;
        if (p.day && (!x.last || p.day > x.last)) x.last = p.day;
      }
    }
    const insTime = this.stmt(
      `INSERT INTO times(article, start, end, sentence, text, kind, value, granularity, resolved, sort_day, sent_start, sent_end)
       VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const t of doc.times) {
      const si = sentenceIndex(doc.sentences, t.start);
      const s = si === null ? null : doc.sentences[si];
      // (a decade or a century is no point on a time line of mentions; an event in one still sorts in it)
      const sortDay = t.resolved && (t.kind === 'date' || t.kind === 'time') && t.granularity !== 'decade' && t.granularity !== 'century' ? valueStartDay(t.value) : null;
      insTime.run(rowid, t.start, t.end, si, t.text, t.kind, t.value, t.granularity ?? null, t.resolved ? 1 : 0, sortDay, s?.start ?? null, s?.end ?? null);
    }
    const insAmount = this.stmt('INSERT INTO amounts(article, start, end, text, kind, value, currency, unit) VALUES(?, ?, ?, ?, ?, ?, ?, ?)');
    for (const a of doc.amounts) {
      insAmount.run(rowid, a.start, a.end, a.text, a.kind, Number.isFinite(a.value) ? a.value : null, a.currency ?? null, a.unit ?? null);
    }
    const refRowid = (r: EntityRef | null | undefined) => (r && r.entity ? this.entityRowid(r.entity, r.type, r.name, ctx) : null);
    const insRole = this.stmt('INSERT INTO roles(article, entity, title, of, start, end, text) VALUES(?, ?, ?, ?, ?, ?, ?)');
    for (const r of doc.roles) insRole.run(rowid, refRowid(r.person), r.title, r.of ?? null, r.start, r.end, r.text);
    const insEvent = this.stmt(
      `INSERT INTO events(article, type, cameo, status, actor, target, place, time, sort_day, end_day, sentence, start, end, sent_start, sent_end, data)
       VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const ev of doc.events) {
      const s = doc.sentences[ev.sentence] ?? (() => { const si = sentenceIndex(doc.sentences, ev.start); return si === null ? undefined : doc.sentences[si]; })();
      const period = ev.time ? valueRange(ev.time) : null;
      insEvent.run(
        rowid, ev.type, ev.cameo ?? null, ev.status ?? null, refRowid(ev.actor), refRowid(ev.target), refRowid(ev.place),
        ev.time ?? null, period?.[0] ?? p.day, period?.[1] ?? null, ev.sentence ?? null, ev.start, ev.end, s?.start ?? null, s?.end ?? null, JSON.stringify(ev),
      );
    }
    if (sig) this.simIndex?.add(rowid, sig);
    this.meta?.addArticle(rowid, p.day, sourceKey, input.source ?? null, perEntity.size ? Int32Array.from(perEntity.keys()) : null);
    if (this.aliasWords) this.indexAliases(mentionRows.filter((m) => !m[5]).map(([rid, , , , text]) => [rid, foldName(text)]));
    const nearId = nearOf === null ? null : (this.stmt('SELECT id FROM articles WHERE rowid = ?').get(nearOf) as { id: string }).id;
    return nearOf === null
      ? { status: 'added', id, title: p.title, origin }
      : { status: 'near-duplicate', id, of: nearId, title: p.title, origin };
  }

  private minhashIndex(): MinhashIndex {
    if (!this.simIndex) {
      const idx = new MinhashIndex();
      this.loadSignatures(idx);
      this.simIndex = idx;
    }
    return this.simIndex;
  }

  private loadSignatures(idx: MinhashIndex): void {
    for (const r of this.stmt('SELECT rowid, minhash FROM articles WHERE minhash IS NOT NULL AND rowid > ?').iterate(idx.maxRowid) as Iterable<{ rowid: number; minhash: Buffer }>) {
      const sig = blobToSig(r.minhash);
      if (sig) idx.add(r.rowid, sig);
    }
  }

  /** Brings in-memory caches up to date with commits made by other connections. */
  private refreshCaches(): void {
    const v = this.db.pragma('data_version', { simple: true }) as number;
    if (v === this.dataVersion) return;
    this.dataVersion = v;
    if (this.meta) this.loadMeta(this.meta);
    if (this.simIndex) this.loadSignatures(this.simIndex);
    if (this.aliasWords) this.loadAliases();
    this.entityRowids.clear();
    this.entityNamed.clear();
  }

  private loadMeta(m: MetaCache): void {
    for (const r of this.stmt('SELECT rowid, type FROM entities WHERE rowid > ?').iterate(m.maxEntity) as Iterable<{ rowid: number; type: string }>) {
      m.setEntityType(r.rowid, r.type);
    }
    for (const r of this.stmt('SELECT rowid, pub_day, source_key, source, ents FROM articles WHERE rowid > ? ORDER BY rowid').iterate(m.maxRowid) as Iterable<{
      rowid: number; pub_day: string | null; source_key: string | null; source: string | null; ents: Buffer | null;
    }>) {
      m.addArticle(r.rowid, r.pub_day, r.source_key, r.source, blobEnts(r.ents));
    }
  }

  private metaCache(): MetaCache {
    this.refreshCaches();
    if (!this.meta) {
      const m = new MetaCache();
      this.loadMeta(m);
      this.meta = m;
    }
    return this.meta;
  }

  // ───────────────────────── entity name resolution ─────────────────────────

  private indexAliases(rows: Iterable<[number, string]>): void {
    const words = this.aliasWords!;
    const folded = this.aliasFolded!;
    for (const [rid, f] of rows) {
      if (!f) continue;
      const list = folded.get(rid);
      if (list) {
        if (list.includes(f)) continue;
        list.push(f);
      } else folded.set(rid, [f]);
      for (const w of f.split(' ')) {
        const key = stripAl(w);
        let set = words.get(key);
        if (!set) words.set(key, (set = new Set()));
        set.add(rid);
      }
    }
  }

  private loadAliases(): void {
    if (!this.aliasWords) {
      this.aliasWords = new Map();
      this.aliasFolded = new Map();
      this.aliasLoadedUpTo = 0;
    }
    const rows: Array<[number, string]> = [];
    for (const r of this.stmt('SELECT entity, folded FROM aliases WHERE entity > ?').iterate(this.aliasLoadedUpTo) as Iterable<{ entity: number; folded: string }>) {
      rows.push([r.entity, r.folded]);
    }
    // aliases of existing entities may also have grown: re-read everything when another process wrote (rare)
    if (this.aliasLoadedUpTo > 0) {
      for (const r of this.stmt('SELECT entity, folded FROM aliases').iterate() as Iterable<{ entity: number; folded: string }>) rows.push([r.entity, r.folded]);
    }
    this.indexAliases(rows);
    const max = this.stmt('SELECT max(rowid) AS m FROM entities').get() as { m: number | null };
    this.aliasLoadedUpTo = max.m ?? 0;
  }

  /**
   * Entity rowids for names/ids given by a user: an exact canonical id or the entity the name's canonical key is
   * bound to, else every entity one of whose name variants contains the name's words in sequence
   * (entity:الكاظمي finds "مصطفى الكاظمي"), any spelling. A name that finds nothing is tried without the
   * proclitics of its first word («والكويت» → «الكويت», withoutProclitics), the first reading that finds something.
   */
  resolveEntities(names: string[], types: EntityType[] = []): Set<number> {
    const out = new Set<number>();
    if (!names.length) return out;
    this.refreshCaches();
    if (!this.aliasWords) this.loadAliases();
    for (const name of names) {
      if (this.resolveName(name, types, out)) continue;
      for (const bare of withoutProclitics(name)) if (this.resolveName(bare, types, out)) break;
    }
    return out;
  }

  /** Adds to `out` the entities one name means (resolveEntities); false when it finds none. */
  private resolveName(name: string, types: EntityType[], out: Set<number>): boolean {
    const typeOk = (rid: number, type?: string) => {
      if (!types.length) return true;
      const t = type ?? (this.stmt('SELECT type FROM entities WHERE rowid = ?').get(rid) as { type: string } | undefined)?.type;
      return !!t && types.includes(t as EntityType);
    };
    const byId = this.stmt(
      `SELECT rowid, type FROM entities WHERE id = @k
       UNION ALL SELECT e.rowid, e.type FROM entity_keys k JOIN entities e ON e.rowid = k.entity WHERE k.key = @k LIMIT 1`,
    );
    const exact = byId.get({ k: name }) as { rowid: number; type: string } | undefined;
    if (exact) {
      if (!typeOk(exact.rowid, exact.type)) return false;
      out.add(exact.rowid);
      return true;
    }
    // the linker's canonical key of the name as typed (maps transliteration variants: ترمب → ترامب); a name that
    // is an entity's own is that entity, not every name that contains it («ترمب» is not the junk «ترمب كيم»)
    let keyed = false;
    for (const t of types.length ? types : ENTITY_TYPES) {
      let key: string | null = null;
      try {
        key = canonicalKey(name, t);
      } catch {
        key = null; // linker data unavailable: the alias match below still works
      }
      const hit = key ? (byId.get({ k: key }) as { rowid: number } | undefined) : undefined;
      if (hit) (out.add(hit.rowid), (keyed = true));
    }
    if (keyed) return true;
    const f = foldName(name.replace(/^(PER|ORG|LOC|MISC):/, ''));
    if (!f) return false;
    const words = f.split(' ').map(stripAl);
    let cands: Set<number> | null = null;
    for (const w of words) {
      const s = this.aliasWords!.get(w);
      if (!s) return false;
      if (!cands) cands = new Set(s);
      else for (const r of cands) if (!s.has(r)) cands.delete(r);
    }
    const seq = words.join(' ');
    let found = false;
    for (const rid of cands ?? []) {
      const variants = this.aliasFolded!.get(rid) ?? [];
      if (variants.some((v) => (' ' + v.split(' ').map(stripAl).join(' ') + ' ').includes(' ' + seq + ' ')) && typeOk(rid)) (out.add(rid), (found = true));
    }
    return found;
  }

  // ───────────────────────── search ─────────────────────────

  async search(query: SearchQuery): Promise<SearchResult> {
    return this.searchSync(query);
  }

  searchSync(query: SearchQuery): SearchResult {
    const t0 = performance.now();
    const limit = clampInt(query.limit, 10, 0, MAX_LIMIT);
    const offset = clampInt(query.offset, 0, 0, 1e9);
    const { matches, parsed, relaxed } = this.match(query);
    const m = this.metaCache();
    const total = matches.ids.length;
    const page = matches.ordered(offset + limit).slice(offset);
    const hits = this.hitsFor(page, matches.scoreOf, parsed, query.snippetLength);
    const facets = query.facets === false ? emptyFacets() : this.facetsFor(matches.ids, m);
    const res: SearchResult = { total, tookMs: 0, hits, facets, query: summarizeQuery(parsed) };
    if (relaxed) res.relaxed = true;
    res.tookMs = Math.round((performance.now() - t0) * 100) / 100;
    return res;
  }

  /** Every matching rowid (unordered) with its score, and the first k in result order on demand. */
  private match(query: SearchQuery): { matches: Matches; parsed: ParsedQuery; relaxed: boolean } {
    const parsed = parseQuery(String(query.q ?? ''));
    const f = parsed.filters;
    const from = [f.from, query.from ? boundDay(query.from, 'from') : null].filter(Boolean).sort().pop() ?? null;
    const to = [f.to, query.to ? boundDay(query.to, 'to') : null].filter(Boolean).sort()[0] ?? null;
    // the API refuses this too: an empty range is a mistake to name, not a search with no results
    if (from && to && from > to) throw new QueryError(`from (${from}) is after to (${to})`);
    const sources = [...f.source, ...asList(query.source)].map((s) => foldName(s).toLowerCase());
    const types = [...f.type, ...(query.type ? [String(query.type).toUpperCase() as EntityType] : [])];
    for (const t of types) if (!TYPE_CODE[t]) throw new QueryError(`type: "${t}" is not one of PER, ORG, LOC, MISC`);
    const entityNames = [...f.entity, ...asList(query.entity)];
    const m = this.metaCache();
    // entity filters: each named entity must be mentioned (AND across names; any variant of one name)
    const entitySets = entityNames.map((n) => this.resolveEntities([n], types));
    const typeCodes = new Set(types.map((t) => TYPE_CODE[t]));
    // exclusions: no excluded source, no mention of an excluded entity or of any entity of an excluded type
    const notSources = f.notSource.map((s) => foldName(s).toLowerCase());
    const notEntities = new Set(f.notEntity.flatMap((n) => [...this.resolveEntities([n], [])]));
    const notTypeCodes = new Set(f.notType.map((t) => TYPE_CODE[t]));
    const fromNum = from ? dayNum(from) : 0;
    const toNum = to ? dayNum(to) : 0;
    const excluding = notSources.length > 0 || notEntities.size > 0 || notTypeCodes.size > 0;
    const filtered = !!(from || to || sources.length || entitySets.length || typeCodes.size || excluding);

    const excludedByFilter = (r: number): boolean => {
      if (notSources.length) {
        const s = m.source[r];
        if (s && notSources.some((x) => s === x || s.includes(x))) return true;
      }
      if (notEntities.size || notTypeCodes.size) {
        const ents = m.ents[r];
        if (ents) for (let i = 0; i < ents.length; i++) if (notEntities.has(ents[i]) || notTypeCodes.has(m.etype[ents[i]])) return true;
      }
      return false;
    };

    const keep = (r: number): boolean => {
      if (excluding && excludedByFilter(r)) return false;
      if (fromNum || toNum) {
        const d = m.dayNum[r];
        if (!d || (fromNum && d < fromNum) || (toNum && d > toNum)) return false;
      }
      if (sources.length) {
        const s = m.source[r];
        if (!s || !sources.some((x) => s === x || s.includes(x))) return false;
      }
      if (entitySets.length || typeCodes.size) {
        const ents = m.ents[r];
        if (!ents) return false;
        for (const set of entitySets) {
          let ok = false;
          for (let i = 0; i < ents.length; i++) if (set.has(ents[i])) { ok = true; break; }
          if (!ok) return false;
        }
        if (typeCodes.size && !entitySets.length) {
          let ok = false;
          for (let i = 0; i < ents.length; i++) if (typeCodes.has(m.etype[ents[i]])) { ok = true; break; }
          if (!ok) return false;
        }
      }
      return true;
    };

    let ids: number[];
    let scores: number[];
    let relaxed = false;
    const expr = ftsExpression(parsed, 'and');
    if (parsed.unsearchable) {
      ids = [];
      scores = [];
    } else if (expr === null) {
      // no positive words: every article passing the filters (minus exclusions), newest first
      let excluded: Set<number> | null = null;
      if (parsed.excluded.length) {
        const ex = parsed.excluded.map((it) => ftsItem(it, false)).join(' OR ');
        excluded = new Set(this.stmt('SELECT rowid FROM fts WHERE fts MATCH ?').pluck().all(ex) as number[]);
      }
      ids = m.rowids.filter((r) => (!filtered || keep(r)) && !(excluded && excluded.has(r)));
      scores = new Array(ids.length).fill(0);
    } else {
      // by relevance, the proximity bonus is scored in the same query (rankedExpression): same articles
      ({ ids, scores } = this.ftsMatch((query.sort !== 'date' && rankedExpression(parsed)) || expr, filtered ? keep : null));
      if (ids.length === 0 && parsed.groups.length > 1 && !parsed.groups.every((g) => g.some((it) => it.kind === 'phrase'))) {
        // nothing has every word: fall back to any word (best-matching first), e.g. a misremembered title
        const orExpr = ftsExpression(parsed, 'or');
        if (orExpr) {
          ({ ids, scores } = this.ftsMatch(orExpr, filtered ? keep : null));
          relaxed = ids.length > 0;
        }
      }
    }
    const byDate = expr === null || query.sort === 'date';
    return { matches: new Matches(ids, scores, m.dayNum, byDate), parsed, relaxed };
  }

  private ftsMatch(expr: string, keep: ((r: number) => boolean) | null): { ids: number[]; scores: number[] } {
    const rows = this.stmt(`SELECT rowid, ${BM25} AS s FROM fts WHERE fts MATCH ?`).raw(true).all(expr) as Array<[number, number]>;
    const ids: number[] = [];
    const scores: number[] = [];
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i][0];
      if (keep && !keep(r)) continue;
      ids.push(r);
      // FTS5's bm25 is "lower is better"; 6 significant digits so float noise does not hide a tie
      scores.push(Math.round(-rows[i][1] * 1e6) / 1e6);
    }
    return { ids, scores };
  }

  private summaries(rowids: number[]): Map<number, ArticleRow> {
    const out = new Map<number, ArticleRow>();
    if (!rowids.length) return out;
    const rows = this.stmt(
      `SELECT a.rowid, a.id, a.title, a.text, a.url, a.source, a.published, a.pub_day, a.near_dup_of,
              (SELECT o.id FROM articles o WHERE o.rowid = a.near_dup_of) AS near_id
       FROM articles a WHERE a.rowid IN (SELECT value FROM json_each(?))`,
    ).all(JSON.stringify(rowids)) as ArticleRow[];
    for (const r of rows) out.set(r.rowid, r);
    return out;
  }

  private hitsFor(page: number[], scoreOf: (rowid: number) => number, parsed: ParsedQuery, snippetLength?: number): SearchHit[] {
    const rows = this.summaries(page);
    const matcher = matcherOf(parsed);
    const len = clampInt(snippetLength, 220, 40, 2000);
    const hits: SearchHit[] = [];
    for (const r of page) {
      const a = rows.get(r);
      if (!a) continue;
      const { snippet, highlights } = makeSnippet(a.text, tokenize(a.text), matcher, len);
      const titleHighlights = highlightAll(tokenize(a.title), matcher);
      hits.push({
        id: a.id,
        title: a.title,
        url: a.url,
        source: a.source,
        published: a.published,
        score: scoreOf(r),
        snippet,
        highlights,
        titleHighlights,
        nearDuplicateOf: a.near_id ?? null,
      });
    }
    return hits;
  }

  private facetsFor(rowids: number[], m: MetaCache): SearchFacets {
    const counts = new Int32Array(m.etype.length);
    const touched: number[] = [];
    const sources = new Map<string, { label: string; count: number }>();
    const months = new Map<string, number>();
    for (const r of rowids) {
      const ents = m.ents[r];
      if (ents) {
        for (let i = 0; i < ents.length; i++) {
          const e = ents[i];
          if (e >= counts.length) continue;
          if (counts[e]++ === 0) touched.push(e);
        }
      }
      const s = m.source[r];
      if (s) {
        const x = sources.get(s);
        if (x) x.count++;
        else sources.set(s, { label: m.sourceLabel[r] ?? s, count: 1 });
      }
      const d = m.day[r];
      if (d) {
        const mo = d.slice(0, 7);
        months.set(mo, (months.get(mo) ?? 0) + 1);
      }
    }
    const perType: Record<number, number[]> = { 1: [], 2: [], 3: [], 4: [] };
    // partial selection: keep the top FACET_TOP of each type
    touched.sort((a, b) => counts[b] - counts[a] || a - b);
    for (const e of touched) {
      const list = perType[m.etype[e]] ?? perType[4];
      if (list.length < FACET_TOP) list.push(e);
      if (perType[1].length >= FACET_TOP && perType[2].length >= FACET_TOP && perType[3].length >= FACET_TOP && perType[4].length >= FACET_TOP) break;
    }
    const all = [...perType[1], ...perType[2], ...perType[3], ...perType[4]];
    const labels = this.entityLabels(all);
    const entities = {} as Record<EntityType, FacetValue[]>;
    ENTITY_TYPES.forEach((t, i) => {
      entities[t] = perType[i + 1].map((e) => {
        const l = labels.get(e);
        return { value: l?.id ?? String(e), label: l?.name ?? '', count: counts[e] };
      });
    });
    return {
      entities,
      sources: [...sources.entries()].map(([value, x]) => ({ value: x.label ?? value, label: x.label ?? value, count: x.count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
      months: [...months.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([mo, c]) => ({ value: mo, label: mo, count: c })),
    };
  }

  private entityLabels(rowids: number[]): Map<number, { id: string; name: string; type: EntityType }> {
    const out = new Map<number, { id: string; name: string; type: EntityType }>();
    if (!rowids.length) return out;
    const rows = this.stmt(
      `SELECT e.rowid, e.id, e.type, coalesce(e.canonical,
          (SELECT alias FROM aliases WHERE entity = e.rowid ORDER BY count DESC, alias LIMIT 1), e.id) AS name
       FROM entities e WHERE e.rowid IN (SELECT value FROM json_each(?))`,
    ).all(JSON.stringify(rowids)) as Array<{ rowid: number; id: string; type: EntityType; name: string }>;
    for (const r of rows) out.set(r.rowid, { id: r.id, name: r.name, type: r.type });
    return out;
  }

  // ───────────────────────── articles ─────────────────────────

  async getArticle(id: string): Promise<StoredArticle | null> {
    const a = this.stmt(
      `SELECT a.*, (SELECT o.id FROM articles o WHERE o.rowid = a.near_dup_of) AS near_id FROM articles a WHERE a.id = ?`,
    ).get(String(id)) as ArticleRow | undefined;
    if (!a) return null;
    const layers = unpackLayers(a.layers) as {
      sentences: number[][];
      entities: ArabicDoc['entities'];
      times: ArabicDoc['times'];
      amounts: ArabicDoc['amounts'];
      roles: ArabicDoc['roles'];
      events: ArabicDoc['events'];
    };
    // the ids stored with the layers are the article's own keys; show the store's entity each one belongs to
    // now (an article naming only الكاظمي points at the merged entity of مصطفى الكاظمي)
    const current = this.currentEntities([
      ...layers.entities.map((e) => e.entity ?? ''),
      ...layers.roles.map((r) => r.person?.entity ?? ''),
      ...layers.events.flatMap((ev) => [ev.actor?.entity ?? '', ev.target?.entity ?? '', ev.place?.entity ?? '']),
    ]);
    const ref = <T extends EntityRef | null | undefined>(r: T): T => {
      const c = r && r.entity ? current.get(r.entity) : undefined;
      return (c ? { ...r, entity: c.id, name: c.name } : r) as T;
    };
    const doc: ArabicDoc = {
      text: a.text,
      published: a.pub_day,
      sentences: layers.sentences.map(([start, end, tokenStart, tokenEnd, heading]) => ({ start, end, tokenStart, tokenEnd, ...(heading ? { heading: true } : {}) })),
      tokens: tokenize(a.text),
      entities: layers.entities.map((e) => {
        const c = e.entity ? current.get(e.entity) : undefined;
        return c ? { ...e, entity: c.id, canonical: c.name } : e;
      }),
      times: layers.times,
      amounts: layers.amounts,
      roles: layers.roles.map((r) => ({ ...r, person: ref(r.person) })),
      events: layers.events.map((ev) => ({ ...ev, actor: ref(ev.actor), target: ref(ev.target), place: ref(ev.place) })),
    };
    const near = this.stmt('SELECT id FROM articles WHERE near_dup_of = ? ORDER BY rowid').pluck().all(a.rowid) as string[];
    return {
      id: a.id,
      title: a.title,
      url: a.url,
      source: a.source,
      published: a.published,
      text: a.text,
      author: a.author,
      place: a.place,
      category: a.category,
      origin: a.origin,
      ingestedAt: a.ingested_at,
      nearDuplicateOf: a.near_id ?? null,
      nearDuplicates: near,
      doc,
    };
  }

  /** key → the stored entity's current id and name, for the keys that resolve to a different id */
  private currentEntities(keys: string[]): Map<string, { id: string; name: string }> {
    const out = new Map<string, { id: string; name: string }>();
    const sel = this.stmt(
      `SELECT e.id, coalesce(e.canonical, e.id) AS name FROM entity_keys k JOIN entities e ON e.rowid = k.entity WHERE k.key = ?`,
    );
    for (const k of new Set(keys)) {
      if (!k) continue;
      const r = sel.get(k) as { id: string; name: string } | undefined;
      if (r && r.id !== k) out.set(k, r);
    }
    return out;
  }

  async getArticles(ids: string[]): Promise<ArticleSummary[]> {
    if (!ids.length) return [];
    const rows = this.stmt('SELECT id, title, url, source, published FROM articles WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids.map(String))) as ArticleSummary[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((i) => byId.get(String(i))).filter((x): x is ArticleSummary => !!x);
  }

  async hasArticle(id: string): Promise<boolean> {
    return !!this.stmt('SELECT 1 FROM articles WHERE id = ?').get(String(id));
  }

  async similar(id: string, limit = 10): Promise<SimilarHit[]> {
    const a = this.stmt('SELECT rowid, title, near_dup_of FROM articles WHERE id = ?').get(String(id)) as
      | { rowid: number; title: string; near_dup_of: number | null }
      | undefined;
    if (!a) return [];
    const n = clampInt(limit, 10, 1, 100);
    const out: SimilarHit[] = [];
    const seen = new Set<number>([a.rowid]);
    const root = a.near_dup_of ?? a.rowid;
    const cluster = this.stmt(
      `SELECT rowid, id, title, url, source, published FROM articles WHERE (rowid = ? OR near_dup_of = ?) AND rowid != ? ORDER BY rowid`,
    ).all(root, root, a.rowid) as Array<ArticleSummary & { rowid: number }>;
    for (const c of cluster) {
      if (out.length >= n) break;
      seen.add(c.rowid);
      out.push({ id: c.id, title: c.title, url: c.url, source: c.source, published: c.published, score: 1, relation: 'near-duplicate' });
    }
    if (out.length >= n) return out;
    // "more like this": the title's content words and the article's most mentioned names
    const terms = new Set<string>();
    for (const w of queryWords(a.title)) if (!w.stop) terms.add(w.stem);
    const top = this.stmt(
      `SELECT m.text, count(*) AS c FROM mentions m WHERE m.article = ? GROUP BY m.entity ORDER BY c DESC LIMIT 6`,
    ).all(a.rowid) as Array<{ text: string }>;
    for (const t of top) for (const w of queryWords(t.text)) if (!w.stop) terms.add(w.stem);
    if (!terms.size) return out;
    const expr = [...terms].slice(0, 24).map((s) => `{title_stem body_stem} : ${lit(s)}`).join(' OR ');
    const rows = this.stmt(`SELECT rowid, ${BM25} AS s FROM fts WHERE fts MATCH ? ORDER BY s LIMIT ?`).raw(true).all(expr, n + seen.size + 5) as Array<[number, number]>;
    const cand = rows.filter(([r]) => !seen.has(r)).slice(0, n - out.length);
    const info = this.summaries(cand.map(([r]) => r));
    for (const [r, s] of cand) {
      const x = info.get(r);
      if (x) out.push({ id: x.id, title: x.title, url: x.url, source: x.source, published: x.published, score: Math.round(-s * 1e4) / 1e4, relation: 'similar' });
    }
    return out;
  }

  async *exportArticles(query: ExportQuery): AsyncIterable<StoredArticleRow> {
    const { matches } = this.match({ ...query, facets: false });
    const limit = query.limit === undefined ? Infinity : clampInt(query.limit, 0, 0, 1e9);
    const ids = matches.ordered(Math.min(limit, matches.ids.length));
    const CHUNK = 200;
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      const rows = this.stmt(
        `SELECT a.rowid, a.id, a.title, a.url, a.source, a.published, a.text, a.author, a.place, a.category,
                (SELECT o.id FROM articles o WHERE o.rowid = a.near_dup_of) AS near_id
         FROM articles a WHERE a.rowid IN (SELECT value FROM json_each(?))`,
      ).all(JSON.stringify(chunk)) as Array<ArticleRow>;
      const ents = this.stmt(
        `SELECT ae.article, e.id, e.type, coalesce(e.canonical, (SELECT alias FROM aliases WHERE entity = e.rowid ORDER BY count DESC LIMIT 1), e.id) AS name
         FROM article_entities ae JOIN entities e ON e.rowid = ae.entity
         WHERE ae.article IN (SELECT value FROM json_each(?)) ORDER BY ae.count DESC`,
      ).all(JSON.stringify(chunk)) as Array<{ article: number; id: string; type: EntityType; name: string }>;
      const byArticle = new Map<number, Array<{ id: string; name: string; type: EntityType }>>();
      for (const e of ents) {
        const l = byArticle.get(e.article) ?? [];
        l.push({ id: e.id, name: e.name, type: e.type });
        byArticle.set(e.article, l);
      }
      const byRow = new Map(rows.map((r) => [r.rowid, r]));
      for (const r of chunk) {
        const a = byRow.get(r);
        if (!a) continue;
        yield {
          id: a.id, title: a.title, url: a.url, source: a.source, published: a.published, text: a.text,
          author: a.author, place: a.place, category: a.category, nearDuplicateOf: a.near_id ?? null,
          entities: byArticle.get(r) ?? [], score: matches.scoreOf(r),
        };
      }
    }
  }

  // ───────────────────────── entities ─────────────────────────

  async listEntities(query: EntityQuery = {}): Promise<EntityList> {
    // a limit of 0 lists none and counts them all, as search does
    const limit = clampInt(query.limit, 50, 0, 1000);
    const offset = clampInt(query.offset, 0, 0, 1e9);
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.type) {
      const t = String(query.type).toUpperCase();
      if (!TYPE_CODE[t]) throw new QueryError(`type: "${query.type}" is not one of PER, ORG, LOC, MISC`);
      where.push('e.type = ?');
      params.push(t);
    }
    if (query.q && query.q.trim()) {
      const ids = this.resolveEntities([query.q.trim()]);
      // also name prefixes: "الكاظ" finds الكاظمي
      const f = foldName(query.q);
      if (f) {
        for (const r of this.stmt(`SELECT DISTINCT entity FROM aliases WHERE folded >= ? AND folded < ? LIMIT 2000`).pluck().all(f, f + '\uffff') as number[]) ids.add(r);
      }
      where.push('e.rowid IN (SELECT value FROM json_each(?))');
      params.push(JSON.stringify([...ids]));
    }
    // a date window lists the entities mentioned in articles published in it, with their counts there (not the
    // entities whose first-to-last span overlaps it, with all-time counts)
    let source = 'entities e';
    const windowParams: string[] = [];
    if (query.from || query.to) {
      const from = query.from ? boundDay(query.from, 'from') : '0000-01-01';
      const to = query.to ? boundDay(query.to, 'to') : '9999-12-31';
      if (from > to) throw new QueryError(`from (${from}) is after to (${to})`);
      source = `(SELECT x.rowid, x.id, x.type, x.canonical, w.mentions, w.articles, w.first_seen, w.last_seen FROM entities x JOIN (
                   SELECT ae.entity, sum(ae.count) AS mentions, count(*) AS articles, min(a.pub_day) AS first_seen, max(a.pub_day) AS last_seen
                   FROM articles a JOIN article_entities ae ON ae.article = a.rowid WHERE a.pub_day BETWEEN ? AND ? GROUP BY ae.entity
                 ) w ON w.entity = x.rowid) e`;
      windowParams.push(from, to);
    }
    const w = where.length ? 'WHERE ' + where.join(' AND ') : '';
    const order = { mentions: 'e.mentions DESC, e.rowid', articles: 'e.articles DESC, e.rowid', name: 'name, e.rowid', recent: 'e.last_seen DESC, e.mentions DESC' }[query.sort ?? 'mentions'] ?? 'e.mentions DESC, e.rowid';
    const total = (this.db.prepare(`SELECT count(*) AS n FROM ${source} ${w}`).get(...windowParams, ...params) as { n: number }).n;
    const rows = this.db
      .prepare(
        `SELECT e.rowid, e.id, e.type, e.canonical, e.mentions, e.articles, e.first_seen, e.last_seen,
                coalesce(e.canonical, (SELECT alias FROM aliases WHERE entity = e.rowid ORDER BY count DESC, alias LIMIT 1), e.id) AS name
         FROM ${source} ${w} ORDER BY ${order} LIMIT ? OFFSET ?`,
      )
      .all(...windowParams, ...params, limit, offset) as EntityRowFull[];
    return {
      total,
      entities: rows.map((r) => {
        const e = this.entitySummary(r);
        if (query.withRoles) e.roles = this.rolesOf(r.rowid);
        return e;
      }),
    };
  }

  private rolesOf(rowid: number): EntityRoleSummary[] {
    const rows = this.stmt(
      `SELECT ro.title, ro.of, count(*) AS n, min(a.pub_day) AS first, max(a.pub_day) AS last, group_concat(DISTINCT a.id) AS ids
       FROM roles ro JOIN articles a ON a.rowid = ro.article WHERE ro.entity = ? GROUP BY ro.title, ro.of ORDER BY n DESC, ro.title`,
    ).all(rowid) as Array<{ title: string; of: string | null; n: number; first: string | null; last: string | null; ids: string | null }>;
    return rows.map((x) => ({
      title: x.title, of: x.of, count: x.n, firstSeen: x.first, lastSeen: x.last, articles: (x.ids ?? '').split(',').filter(Boolean).slice(0, 5),
    }));
  }

  private entitySummary(r: EntityRowFull): EntitySummary {
    const aliases = this.stmt('SELECT alias FROM aliases WHERE entity = ? ORDER BY count DESC, alias LIMIT 30').pluck().all(r.rowid) as string[];
    return {
      id: r.id, name: r.name, type: r.type, aliases, mentions: r.mentions, articleCount: r.articles,
      firstSeen: r.first_seen, lastSeen: r.last_seen,
    };
  }

  private findEntityRow(idOrName: string): EntityRowFull | null {
    const sel = `SELECT e.rowid, e.id, e.type, e.canonical, e.mentions, e.articles, e.first_seen, e.last_seen,
        coalesce(e.canonical, (SELECT alias FROM aliases WHERE entity = e.rowid ORDER BY count DESC, alias LIMIT 1), e.id) AS name
      FROM entities e`;
    // any key the entity was ever known by (an article naming only الكاظمي links to the merged entity)
    const exact = (this.stmt(`${sel} WHERE e.id = ?`).get(idOrName) ?? this.stmt(`${sel} WHERE e.rowid = (SELECT entity FROM entity_keys WHERE key = ?)`).get(idOrName)) as EntityRowFull | undefined;
    if (exact) return exact;
    const f = foldName(idOrName);
    const byAlias = this.stmt(`${sel} WHERE e.rowid IN (SELECT entity FROM aliases WHERE folded = ?) ORDER BY e.mentions DESC LIMIT 1`).get(f) as EntityRowFull | undefined;
    if (byAlias) return byAlias;
    const ids = [...this.resolveEntities([idOrName])];
    if (!ids.length) return null;
    return (this.stmt(`${sel} WHERE e.rowid IN (SELECT value FROM json_each(?)) ORDER BY e.mentions DESC LIMIT 1`).get(JSON.stringify(ids)) as EntityRowFull | undefined) ?? null;
  }

  async getEntity(idOrName: string, options: EntityDetailOptions = {}): Promise<EntityDetail | null> {
    const r = this.findEntityRow(String(idOrName));
    if (!r) return null;
    const summary = this.entitySummary(r);
    const aliasCounts = this.stmt('SELECT alias, count FROM aliases WHERE entity = ? ORDER BY count DESC, alias').all(r.rowid) as Array<{ alias: string; count: number }>;
    const perDay = this.stmt(
      `SELECT a.pub_day AS day, sum(ae.count) AS n FROM article_entities ae JOIN articles a ON a.rowid = ae.article
       WHERE ae.entity = ? AND a.pub_day IS NOT NULL GROUP BY a.pub_day`,
    ).all(r.rowid) as Array<{ day: string; n: number }>;
    const weeks = new Map<string, number>();
    const months = new Map<string, number>();
    for (const { day, n } of perDay) {
      const w = isoWeek(day);
      weeks.set(w, (weeks.get(w) ?? 0) + n);
      const mo = day.slice(0, 7);
      months.set(mo, (months.get(mo) ?? 0) + n);
    }
    const periods = (m: Map<string, number>): PeriodCount[] => [...m.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([period, count]) => ({ period, count }));
    const nCo = clampInt(options.cooccurring, 20, 0, 200);
    const co = nCo
      ? (this.stmt(
          `SELECT ae2.entity AS rowid, count(*) AS c FROM article_entities ae1
           JOIN article_entities ae2 ON ae2.article = ae1.article AND ae2.entity != ae1.entity
           WHERE ae1.entity = ? GROUP BY ae2.entity ORDER BY c DESC, ae2.entity LIMIT ?`,
        ).all(r.rowid, nCo) as Array<{ rowid: number; c: number }>)
      : [];
    const labels = this.entityLabels(co.map((c) => c.rowid));
    const cooccurring: RelatedEntity[] = co.map((c) => {
      const l = labels.get(c.rowid)!;
      return { id: l.id, name: l.name, type: l.type, count: c.c };
    });
    const nArt = clampInt(options.articles, 20, 0, 500);
    const articles = this.stmt(
      `SELECT a.id, a.title, a.url, a.source, a.published FROM article_entities ae JOIN articles a ON a.rowid = ae.article
       WHERE ae.entity = ? ORDER BY a.pub_day DESC, a.rowid DESC LIMIT ?`,
    ).all(r.rowid, nArt) as ArticleSummary[];
    const roles = this.rolesOf(r.rowid);
    const nEv = clampInt(options.events, 20, 0, 500);
    const events = nEv ? (await this.listEvents({ entity: r.id, limit: nEv })).events : [];
    return { ...summary, aliasCounts, mentionsByWeek: periods(weeks), mentionsByMonth: periods(months), cooccurring, articles, roles, events };
  }

  // ───────────────────────── time line & events ─────────────────────────

  async timeline(query: TimelineQuery): Promise<Timeline> {
    const limit = clampInt(query.limit, 200, 1, 5000);
    const offset = clampInt(query.offset, 0, 0, 1e9);
    const from = query.from ? boundDay(query.from, 'from') : '0000-01-01';
    const to = query.to ? boundDay(query.to, 'to') : '9999-12-31';
    const kinds = new Set(query.kinds?.length ? query.kinds : ['time', 'event']);
    const desc = query.order === 'desc';
    const dir = desc ? 'DESC' : 'ASC';
    const names = asList(query.entity);
    let ents: number[] | null = null;
    if (names.length) {
      ents = [...this.resolveEntities(names)];
      if (!ents.length) return { total: 0, items: [] };
    }
    const entJson = JSON.stringify(ents ?? []);
    const take = offset + limit;
    type Raw = { kind: 'time' | 'event'; article: number; sort_day: string; start: number; end: number; sentence: number | null; sent_start: number | null; sent_end: number | null; value: string; granularity: string | null; text: string; evrow?: number };
    const raws: Raw[] = [];
    let total = 0;
    if (kinds.has('time')) {
      const cond = ents
        ? `AND EXISTS (SELECT 1 FROM mentions m WHERE m.article = t.article AND m.sentence = t.sentence AND m.entity IN (SELECT value FROM json_each(@ents)))`
        : '';
      total += (this.stmt(`SELECT count(*) AS n FROM times t WHERE t.sort_day BETWEEN @from AND @to ${cond}`).get({ from, to, ...(ents ? { ents: entJson } : {}) }) as { n: number }).n;
      const rows = this.stmt(
        `SELECT 'time' AS kind, t.article, t.sort_day, t.start, t.end, t.sentence, t.sent_start, t.sent_end, t.value, t.granularity, t.text
         FROM times t WHERE t.sort_day BETWEEN @from AND @to ${cond} ORDER BY t.sort_day ${dir}, t.article ${dir}, t.start ${dir} LIMIT @take`,
      ).all({ from, to, take, ...(ents ? { ents: entJson } : {}) }) as Raw[];
      raws.push(...rows);
    }
    if (kinds.has('event')) {
      const cond = ents
        ? `AND (ev.actor IN (SELECT value FROM json_each(@ents)) OR ev.target IN (SELECT value FROM json_each(@ents)) OR ev.place IN (SELECT value FROM json_each(@ents))
             OR EXISTS (SELECT 1 FROM mentions m WHERE m.article = ev.article AND m.sentence = ev.sentence AND m.entity IN (SELECT value FROM json_each(@ents))))`
        : '';
      total += (this.stmt(`SELECT count(*) AS n FROM events ev WHERE ev.sort_day BETWEEN @from AND @to ${cond}`).get({ from, to, ...(ents ? { ents: entJson } : {}) }) as { n: number }).n;
      const rows = this.stmt(
        `SELECT 'event' AS kind, ev.article, ev.sort_day, ev.start, ev.end, ev.sentence, ev.sent_start, ev.sent_end, coalesce(ev.time, ev.sort_day) AS value, NULL AS granularity,
                json_extract(ev.data, '$.text') AS text, ev.rowid AS evrow
         FROM events ev WHERE ev.sort_day BETWEEN @from AND @to ${cond} ORDER BY ev.sort_day ${dir}, ev.article ${dir}, ev.start ${dir} LIMIT @take`,
      ).all({ from, to, take, ...(ents ? { ents: entJson } : {}) }) as Raw[];
      raws.push(...rows);
    }
    raws.sort((a, b) => (a.sort_day < b.sort_day ? -1 : a.sort_day > b.sort_day ? 1 : a.article - b.article || a.start - b.start || (a.kind < b.kind ? 1 : -1)));
    if (desc) raws.reverse();
    const page = raws.slice(offset, offset + limit);
    const arts = this.summaries([...new Set(page.map((p) => p.article))]);
    const evs = new Map<number, StoredEvent>();
    const evIds = page.filter((p) => p.evrow).map((p) => p.evrow!);
    if (evIds.length) for (const e of this.eventsByRowids(evIds)) evs.set(e.id, e);
    const sentEnts = this.stmt(
      `SELECT DISTINCT e.id, e.type, coalesce(e.canonical, (SELECT alias FROM aliases WHERE entity = e.rowid ORDER BY count DESC LIMIT 1), e.id) AS name
       FROM mentions m JOIN entities e ON e.rowid = m.entity WHERE m.article = ? AND m.sentence = ?`,
    );
    const items: TimelineItem[] = page.map((p) => {
      const a = arts.get(p.article)!;
      const context = p.sent_start !== null && p.sent_end !== null ? a.text.slice(p.sent_start, p.sent_end) : a.text.slice(Math.max(0, p.start - 100), p.end + 100);
      const entities = p.sentence === null ? [] : (sentEnts.all(p.article, p.sentence) as Array<{ id: string; type: EntityType; name: string }>).map((e) => ({ entity: e.id, name: e.name, type: e.type }));
      const item: TimelineItem = {
        date: p.value,
        sortDate: p.sort_day,
        granularity: (p.granularity as TimelineItem['granularity']) ?? null,
        kind: p.kind,
        text: p.text ?? '',
        context,
        article: { id: a.id, title: a.title, url: a.url, source: a.source, published: a.published },
        start: p.start,
        end: p.end,
        entities,
      };
      if (p.evrow) item.event = evs.get(p.evrow);
      return item;
    });
    return { total, items };
  }

  private eventsByRowids(rowids: number[]): StoredEvent[] {
    // the refs stored with an event carry the article's own keys; name the store's entities they were bound to, as
    // an article's page does (an article naming only «يونكر» points at «جان كلود يونكر»)
    const rows = this.stmt(
      `SELECT ev.rowid, ev.data, a.id, a.title, a.url, a.source, a.published,
              xa.id AS actor_id, coalesce(xa.canonical, xa.id) AS actor_name, xt.id AS target_id, coalesce(xt.canonical, xt.id) AS target_name,
              xp.id AS place_id, coalesce(xp.canonical, xp.id) AS place_name
       FROM events ev JOIN articles a ON a.rowid = ev.article
       LEFT JOIN entities xa ON xa.rowid = ev.actor LEFT JOIN entities xt ON xt.rowid = ev.target LEFT JOIN entities xp ON xp.rowid = ev.place
       WHERE ev.rowid IN (SELECT value FROM json_each(?))`,
    ).all(JSON.stringify(rowids)) as Array<{ rowid: number; data: string } & ArticleSummary & Record<`${'actor' | 'target' | 'place'}_${'id' | 'name'}`, string | null>>;
    return rows.map((r) => {
      const ev = JSON.parse(r.data) as NewsEvent;
      for (const role of ['actor', 'target', 'place'] as const) {
        const ref = ev[role];
        const id = r[`${role}_id`];
        if (ref && id) ev[role] = { ...ref, entity: id, name: r[`${role}_name`] ?? ref.name };
      }
      return { ...ev, id: r.rowid, article: { id: r.id, title: r.title, url: r.url, source: r.source, published: r.published } };
    });
  }

  async listEvents(query: EventQuery = {}): Promise<EventList> {
    const limit = clampInt(query.limit, 100, 0, 10000);
    const offset = clampInt(query.offset, 0, 0, 1e9);
    const where: string[] = [];
    const params: Record<string, unknown> = {};
    if (query.type) (where.push('ev.type = @type'), (params.type = query.type));
    if (query.cameo) (where.push("ev.cameo LIKE @cameo || '%'"), (params.cameo = query.cameo));
    if (query.status) (where.push('ev.status = @status'), (params.status = query.status));
    // an event's period overlaps the window (a week, a season, a decade), not only starts in it
    if (query.from) (where.push('coalesce(ev.end_day, ev.sort_day) >= @from'), (params.from = boundDay(query.from, 'from')));
    if (query.to) (where.push('ev.sort_day <= @to'), (params.to = boundDay(query.to, 'to')));
    if (query.from && query.to && (params.from as string) > (params.to as string)) throw new QueryError(`from (${params.from}) is after to (${params.to})`);
    if (query.articleId) (where.push('a.id = @aid'), (params.aid = query.articleId));
    if (query.source) (where.push("a.source_key LIKE '%' || @src || '%'"), (params.src = foldName(query.source).toLowerCase()));
    const roleFilter = (name: string | undefined, cols: string[], key: string) => {
      if (!name) return;
      const ids = [...this.resolveEntities([name])];
      params[key] = JSON.stringify(ids);
      where.push('(' + cols.map((c) => `${c} IN (SELECT value FROM json_each(@${key}))`).join(' OR ') + ')');
    };
    roleFilter(query.entity, ['ev.actor', 'ev.target', 'ev.place'], 'ent');
    roleFilter(query.actor, ['ev.actor'], 'act');
    roleFilter(query.target, ['ev.target'], 'tgt');
    roleFilter(query.place, ['ev.place'], 'plc');
    const w = where.length ? 'WHERE ' + where.join(' AND ') : '';
    const total = (this.db.prepare(`SELECT count(*) AS n FROM events ev JOIN articles a ON a.rowid = ev.article ${w}`).get(params) as { n: number }).n;
    const ids = this.db
      .prepare(`SELECT ev.rowid FROM events ev JOIN articles a ON a.rowid = ev.article ${w} ORDER BY ev.sort_day DESC, ev.rowid DESC LIMIT @limit OFFSET @offset`)
      .pluck()
      .all({ ...params, limit, offset }) as number[];
    const byId = new Map(this.eventsByRowids(ids).map((e) => [e.id, e]));
    return { total, events: ids.map((i) => byId.get(i)!).filter(Boolean) };
  }

  // ───────────────────────── stats, log, close ─────────────────────────

  async stats(): Promise<StoreStats> {
    const one = (sql: string) => (this.stmt(sql).get() as { n: number | null } | undefined)?.n ?? 0;
    const range = this.stmt('SELECT min(pub_day) AS a, max(pub_day) AS b FROM articles').get() as { a: string | null; b: string | null };
    const sources = this.stmt('SELECT coalesce(source, \'\') AS value, count(*) AS n FROM articles GROUP BY source_key ORDER BY n DESC').all() as Array<{ value: string; n: number }>;
    let dbBytes: number | null = null;
    if (this.path !== ':memory:') {
      dbBytes = 0;
      for (const f of [this.path, this.path + '-wal']) if (existsSync(f)) dbBytes += statSync(f).size;
    }
    return {
      articles: one('SELECT count(*) AS n FROM articles'),
      nearDuplicates: one('SELECT count(*) AS n FROM articles WHERE near_dup_of IS NOT NULL'),
      duplicatesSkipped: one("SELECT value AS n FROM counters WHERE name = 'duplicates_skipped'"),
      entities: one('SELECT count(*) AS n FROM entities'),
      mentions: one('SELECT count(*) AS n FROM mentions'),
      times: one('SELECT count(*) AS n FROM times'),
      amounts: one('SELECT count(*) AS n FROM amounts'),
      roles: one('SELECT count(*) AS n FROM roles'),
      events: one('SELECT count(*) AS n FROM events'),
      sources: sources.map((s) => ({ value: s.value, label: s.value, count: s.n })),
      firstPublished: range.a,
      lastPublished: range.b,
      dbBytes,
      schemaVersion: SCHEMA_VERSION,
      path: this.path,
    };
  }

  async isIngested(key: string): Promise<boolean> {
    return !!this.stmt('SELECT 1 FROM ingest_log WHERE key = ?').get(key);
  }

  async markIngested(key: string, info: { articles?: number; note?: string } = {}): Promise<void> {
    if (this.readonly) return;
    this.stmt(
      `INSERT INTO ingest_log(key, at, articles, note) VALUES(?, ?, ?, ?)
       ON CONFLICT(key) DO UPDATE SET at = excluded.at, articles = excluded.articles, note = excluded.note`,
    ).run(key, new Date().toISOString(), info.articles ?? null, info.note ?? null);
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    if (!this.readonly) {
      try {
        this.db.pragma('optimize');
      } catch {
        /* best effort */
      }
    }
    this.db.close();
  }

  /** Merges FTS5 segments into one (after a large ingest; makes queries faster). */
  async optimize(): Promise<void> {
    this.optimizeSync();
  }

  optimizeSync(): void {
    if (this.readonly) return;
    this.db.exec("INSERT INTO fts(fts) VALUES('optimize')");
  }
}

interface EntityRowFull {
  rowid: number;
  id: string;
  type: EntityType;
  canonical: string | null;
  name: string;
  mentions: number;
  articles: number;
  first_seen: string | null;
  last_seen: string | null;
}

function stripAl(w: string): string {
  return w.length > 3 && w.startsWith('ال') ? w.slice(2) : w;
}

function emptyFacets(): SearchFacets {
  return { entities: { PER: [], ORG: [], LOC: [], MISC: [] }, sources: [], months: [] };
}

function migrate(db: Database.Database, from: number): void {
  for (let v = from; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]);
      // JS steps of a migration (data only the linker can compute)
      if (v + 1 === 2) backfillEntityKeys(db);
      if (v + 1 === 3) bindClubKeys(db);
      if (v + 1 === 4) bindFoldedKeys(db);
      if (v + 1 === 5) eventPeriods(db);
      if (v + 1 === 6) bindAllahKeys(db);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}

/** Migration 5: the first and last day of every stored event's time. */
function eventPeriods(db: Database.Database): void {
  const upd = db.prepare('UPDATE events SET sort_day = ?, end_day = ? WHERE rowid = ?');
  for (const r of db.prepare('SELECT rowid, time FROM events WHERE time IS NOT NULL').all() as Array<{ rowid: number; time: string }>) {
    const range = valueRange(r.time);
    if (range) upd.run(range[0], range[1], r.rowid);
  }
}

export { isIndexed, safeTerm };

/** A mention's text as an alias: hashtag marks and the underscores joining a hashtag's words are no part of a name. */
function aliasForm(text: string): string {
  if (!/[#_]/.test(text)) return text;
  return text.replace(/#/g, '').replace(/_/g, ' ').replace(/\s+/g, ' ').trim() || text;
}
