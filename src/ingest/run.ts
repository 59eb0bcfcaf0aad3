/**
 * The ingestion loop. Inputs are walked in order (folders recursively, sorted), each recognised by content and
 * extension; articles are committed in batches (one transaction each) and only then reported, so a killed run
 * loses nothing it reported. The ingest log records finished files, feed items and URLs: a re-run skips them,
 * and anything else already stored is recognised by its content hash before it is analyzed again.
 */
import { closeSync, createReadStream, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import type { ArticleInput, IngestInput, IngestOptions, IngestSummary, InputFormat, Store } from '../store/types.js';
import { decodeBytes, gunzipIfNeeded, isGzip, utf16Bom } from './decode.js';
import { extractHtmlArticle } from './html.js';
import { isFeed, parseFeed, type FeedItem } from './feed.js';
import { parseDateline, parseTxt } from './txt.js';
import { recordsOf, recordToArticle, sniffJson } from './records.js';
import { fetchUrl } from './fetch.js';
import type { ArabicDoc } from '../doc.js';
import { AnalysisPool, defaultWorkers, workerScript, type AnalysisRequest } from '../pipeline/pool.js';
import { analysisRequestOf } from '../store/request.js';
import { readPublished } from './dates.js';

/** File names recognised inside folders (others are skipped silently). */
const KNOWN_EXT = new Set(['.txt', '.text', '.html', '.htm', '.xhtml', '.xml', '.rss', '.atom', '.json', '.jsonl', '.ndjson']);
const STREAM_EXT = new Set(['.jsonl', '.ndjson']);
const MAX_FILE_BYTES = 512 * 1024 * 1024;
/** Characters of text one article may have: a thousand times a long news article (the corpus's longest is under 1 MB). */
export const MAX_ARTICLE_CHARS = 5_000_000;
/** Failures and warnings listed in the summary (the rest are counted): a run's memory must not grow with them. */
const MAX_LISTED = 10000;

interface Pending {
  article: ArticleInput;
  where: string;
  /** ingest-log key to record once this article is committed */
  key?: string;
}

/** A batch on its way to the store: its documents may still be being analyzed by the worker pool. */
interface InFlight {
  items: Pending[];
  /** ingest-log keys of inputs finished with this batch */
  keys: string[];
  /** pre-analyzed documents by item (undefined: the store analyzes them itself) */
  docs?: Promise<Array<ArabicDoc | null>>;
}

/** Batches analyzed ahead of the one being written, with a worker pool: enough to keep the workers busy while a batch commits. */
const LOOKAHEAD = 2;
/** With workers: 'auto', worker threads start when this many articles are still to come: below that, the ~1 s each spends loading the models does not pay. */
const WORKERS_FROM = 2000;

function extOf(file: string): { ext: string; gz: boolean } {
  let name = file.toLowerCase();
  const gz = name.endsWith('.gz');
  if (gz) name = name.slice(0, -3);
  return { ext: extname(name), gz };
}

/** Files under a path (itself when a file), recursively, sorted; hidden entries and node_modules skipped. */
export function walkFiles(path: string): string[] {
  const st = statSync(path);
  if (!st.isDirectory()) return [path];
  const out: string[] = [];
  const visit = (dir: string) => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) visit(p);
      else if (e.isFile() && KNOWN_EXT.has(extOf(e.name).ext)) out.push(p);
      // a link to a file is that file (a link to a folder is not followed: links can loop)
      else if (e.isSymbolicLink() && KNOWN_EXT.has(extOf(e.name).ext) && isFileTarget(p)) out.push(p);
    }
  };
  visit(path);
  return out;
}

/** Does the file open with a UTF-16 byte order mark? */
function startsUtf16(file: string): boolean {
  const head = Buffer.alloc(2);
  let fd: number | null = null;
  try {
    fd = openSync(file, 'r');
    readSync(fd, head, 0, 2, 0);
  } catch {
    return false;
  } finally {
    if (fd !== null) closeSync(fd);
  }
  return utf16Bom(head) !== null;
}

function isFileTarget(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false; // a broken link
  }
}

/** Content types that are no page, feed or JSON of news: documents, code, media, archives. */
const NOT_NEWS_TYPE = /^\s*(?:application\/(?:pdf|javascript|x-javascript|ecmascript|zip|x-zip-compressed|x-rar-compressed|x-7z-compressed|msword|wasm|vnd\.[\w.+-]+)|text\/(?:javascript|css|ecmascript)|image\/|audio\/|video\/|font\/)/i;

function errLine(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'ENOENT') return 'no such file or directory';
  if (e?.code === 'EACCES') return 'permission denied';
  return (err instanceof Error ? err.message : String(err)).split('\n')[0];
}

export async function runIngest(store: Store, inputs: IngestInput[], options: IngestOptions = {}): Promise<IngestSummary> {
  const t0 = Date.now();
  const batchSize = Math.max(1, Math.min(5000, options.batchSize ?? 200));
  const limit = options.limit ?? Infinity;
  const timeoutMs = options.timeoutMs ?? 15000;
  const forcedSource = options.source ?? null;
  const summary: IngestSummary = {
    read: 0, added: 0, duplicates: 0, nearDuplicates: 0, failed: 0, skippedInputs: 0,
    failures: [], warnings: [], addedIds: [], elapsedMs: 0,
  };
  let batch: Pending[] = [];
  let keysAfterBatch: string[] = [];
  let totalBytes = 0;
  let doneBytes = 0;
  let liveBytes = 0;
  let current = '';

  const fail = (where: string, reason: string) => {
    summary.failed++;
    if (summary.failures.length < MAX_LISTED) summary.failures.push({ where, reason });
  };
  // warnings are listed up to the same cap (a big file of unreadable dates held one object per line in memory);
  // the rest are counted, and the last entry says how many
  let unlisted = 0;
  const warn = (where: string, reason: string) => {
    if (summary.warnings.length < MAX_LISTED) summary.warnings.push({ where, reason });
    else unlisted++;
  };
  const progress = () => {
    options.onProgress?.({
      read: summary.read, added: summary.added, duplicates: summary.duplicates, nearDuplicates: summary.nearDuplicates,
      failed: summary.failed, total: null, elapsedMs: Date.now() - t0, current,
      fraction: totalBytes > 0 ? Math.min(1, (doneBytes + liveBytes) / totalBytes) : null,
    });
  };
  // analysis on worker threads, started once the input proves big enough (a few hundred articles are analyzed
  // here sooner than workers could load their models); closed when the run ends, however it ends
  const auto = options.workers === 'auto';
  let wantWorkers = auto ? defaultWorkers() : Math.max(0, Math.floor(Number(options.workers ?? 0)));
  // workers asked for by number and impossible: a setup error, said before anything is read
  if (!auto && wantWorkers > 0) workerScript();
  let pool: AnalysisPool | null = null;
  const inFlight: InFlight[] = [];
  /** articles still to come, estimated from the bytes of the file inputs read so far (0 when unknown) */
  const expectedMore = () => {
    const consumed = doneBytes + liveBytes;
    if (totalBytes <= 0 || consumed <= 0 || summary.read === 0) return 0;
    return Math.min(limit, (summary.read * totalBytes) / consumed) - summary.read;
  };
  const commit = async (job: InFlight) => {
    const { items } = job;
    if (items.length) {
      const docs = job.docs ? await job.docs : undefined;
      const res = await store.addArticles(items.map((p) => p.article), docs ? { docs } : {});
      res.outcomes.forEach((o, i) => {
        const p = items[i];
        if (o.status === 'failed') fail(p.where, o.reason ?? 'failed');
        else if (o.status === 'duplicate') summary.duplicates++;
        else {
          summary.added++;
          if (o.status === 'near-duplicate') summary.nearDuplicates++;
          if (o.id && summary.addedIds.length < 1000) summary.addedIds.push(o.id);
        }
      });
      // a feed item / page is logged once its article is stored (or known); a failed one is tried again next run
      for (let i = 0; i < items.length; i++) {
        if (items[i].key && res.outcomes[i]?.status !== 'failed') await store.markIngested(items[i].key!, { articles: 1 });
      }
    }
    for (const k of job.keys) await store.markIngested(k);
    progress();
  };
  /** Sends the batch on (to the workers, when there are any) and commits the batches whose turn has come, in order. */
  const flush = async (final = false) => {
    const job: InFlight = { items: batch, keys: keysAfterBatch };
    batch = [];
    keysAfterBatch = [];
    if (!pool && wantWorkers > 0 && job.items.length >= batchSize && (!auto || expectedMore() >= WORKERS_FROM)) {
      try {
        pool = new AnalysisPool(wantWorkers);
      } catch (err) {
        if (!auto) throw err;
        // 'auto' only speeds things up: without workers (e.g. run from the TypeScript sources, unbuilt) analyze here
        warn('workers', `${errLine(err)}; analyzing in the main thread`);
        wantWorkers = 0;
      }
    }
    if (pool && job.items.length) {
      // what is stored already is not analyzed again (a resumed run re-reads what it committed before)
      const articles = job.items.map((p) => p.article);
      const dups = await store.storedDuplicates(articles);
      const requests: AnalysisRequest[] = [];
      const at: number[] = [];
      articles.forEach((a, i) => {
        const r = dups[i] === null ? analysisRequestOf(a) : null;
        if (r) (requests.push(r), at.push(i));
      });
      job.docs = pool.analyzeMany(requests).then((docs) => {
        const out = new Array<ArabicDoc | null>(articles.length).fill(null);
        at.forEach((i, k) => (out[i] = docs[k]));
        return out;
      });
    }
    inFlight.push(job);
    const keep = final || !pool ? 0 : LOOKAHEAD;
    while (inFlight.length > keep) await commit(inFlight.shift()!);
  };
  const stopped = () => summary.read >= limit || !!options.signal?.aborted;
  const push = async (article: ArticleInput, where: string, key?: string) => {
    if (stopped()) return;
    summary.read++;
    // analysis holds every layer of an article in memory (16 MB of text took 1.7 GB): far past any news article,
    // one input fails alone rather than the whole run running out of memory
    if (typeof article.text === 'string' && article.text.length > MAX_ARTICLE_CHARS) {
      fail(where, `too long for one article (${(article.text.length / 1e6).toFixed(1)} million characters; the limit is ${MAX_ARTICLE_CHARS / 1e6} million)`);
      return;
    }
    if (forcedSource) article.source = forcedSource;
    // a date in words or Arabic-Indic digits is read by the time stage; one that names no day is stored as none,
    // and said so («2018/02/30», «1», «not a date»)
    if (article.published) {
      const read = readPublished(String(article.published));
      if (!read) warn(where, `publication date "${String(article.published).slice(0, 40)}" is no calendar date: stored without one`);
      article.published = read;
    }
    withDateline(article);
    batch.push({ article, where, key });
    if (batch.length >= batchSize) await flush();
  };

  // ── formats ──
  const pushFeed = async (text: string, where: string) => {
    let feed;
    try {
      feed = parseFeed(text);
    } catch (err) {
      fail(where, errLine(err));
      return;
    }
    if (!feed.items.length) warn(where, 'the feed has no items');
    for (const [n, item] of feed.items.entries()) {
      if (stopped()) return;
      // the document ends inside its last item: what came of it is no whole article
      if (feed.cut && n === feed.items.length - 1) {
        summary.read++;
        fail(`${where} item ${n + 1}`, 'cut short: the feed ends inside it');
        continue;
      }
      const key = `item:${item.key}`;
      if (await store.isIngested(key)) {
        summary.skippedInputs++;
        continue;
      }
      if (item.link && /^https?:/i.test(where)) {
        try {
          item.link = new URL(item.link, where).href;
          item.url = item.link;
        } catch {
          /* keep it as written */
        }
      }
      const art = await followItem(item, where);
      if (!art) continue;
      // an item is named by its title, else by its place in the feed
      await push(art, `${where} item ${item.title ? `"${item.title.slice(0, 60)}"` : `${n + 1} (untitled)`}`, key);
    }
  };
  const followItem = async (item: FeedItem, where: string): Promise<ArticleInput | null> => {
    const { key: _k, link, ...base } = item;
    const art: ArticleInput = { ...base, origin: where };
    if (options.follow && link && /^https?:/i.test(link)) {
      try {
        const page = await fetchUrl(link, timeoutMs, options.signal);
        const html = decodeBytes(gunzipIfNeeded(page.bytes), page.contentType).text;
        const x = extractHtmlArticle(html, page.url);
        if (x.problem && !x.text) throw new Error(x.problem);
        if (x.text && x.text.length >= (art.text?.length ?? 0)) {
          art.text = x.text;
          art.title = art.title || x.title;
          art.published = art.published || x.published;
          art.author = art.author || x.author;
        }
      } catch (err) {
        const reason = `--follow ${link}: ${errLine(err)}`;
        if (!art.text?.trim()) {
          fail(where, reason);
          return null;
        }
        warn(where, reason + ' (the feed summary was used)');
      }
    }
    return art;
  };
  const pushJsonText = async (text: string, kind: 'json' | 'jsonl', where: string, origin: string) => {
    if (kind === 'jsonl') {
      const lines = text.split('\n');
      for (let i = 0; i < lines.length && !stopped(); i++) await pushJsonLine(lines[i], `${where}:${i + 1}`, origin);
      return;
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (err) {
      fail(where, `invalid JSON (${errLine(err)})`);
      return;
    }
    const arr = recordsOf(data);
    for (let i = 0; i < arr.length && !stopped(); i++) {
      try {
        await push({ ...recordToArticle(arr[i]), origin }, `${where}[${i}]`);
      } catch (err) {
        summary.read++;
        fail(`${where}[${i}]`, errLine(err));
      }
    }
  };
  const pushJsonLine = async (line: string, where: string, origin: string) => {
    const l = line.trim();
    if (!l) return;
    let recs: unknown[];
    try {
      recs = recordsOf(JSON.parse(l));
    } catch {
      summary.read++;
      fail(where, 'invalid JSON line');
      return;
    }
    // a line that wraps several records (an API page per line) names each by its place in the line
    for (let i = 0; i < recs.length && !stopped(); i++) {
      const at = recs.length === 1 ? where : `${where}[${i}]`;
      let rec: ArticleInput;
      try {
        rec = recordToArticle(recs[i]);
      } catch (err) {
        summary.read++;
        fail(at, errLine(err));
        continue;
      }
      await push({ ...rec, origin }, at);
    }
  };
  /** One document's bytes, any format. */
  const pushContent = async (raw: Uint8Array, name: string, format: InputFormat | undefined, url: string | null, contentType: string | null, source: string | null | undefined) => {
    let bytes: Uint8Array;
    try {
      bytes = gunzipIfNeeded(raw);
    } catch (err) {
      fail(name, `cannot gunzip (${errLine(err)})`);
      return;
    }
    if (bytes.subarray(0, 4096).includes(0) && !/utf-16/i.test(contentType ?? '') && !utf16Bom(bytes)) {
      fail(name, 'binary file, not text');
      return;
    }
    const { text, invalid } = decodeBytes(bytes, contentType);
    if (invalid) warn(name, `${invalid} invalid UTF-8 byte sequence${invalid === 1 ? '' : 's'} replaced with �`);
    if (!text.trim()) {
      fail(name, 'empty input');
      return;
    }
    const { ext } = extOf(name);
    const fmt = format ?? sniffFormat(text, ext, contentType);
    const withSource = (a: ArticleInput): ArticleInput => (source && !a.source ? { ...a, source } : a);
    switch (fmt) {
      case 'rss':
      case 'atom':
        await pushFeed(text, name);
        return;
      case 'json':
      case 'jsonl':
        await pushJsonText(text, fmt, name, name);
        return;
      case 'xml': {
        // a sitemap, an OPML list, a SOAP reply: no article, and its markup is no text to store
        summary.read++;
        fail(name, `an XML document that is no RSS or Atom feed (<${/<([A-Za-z][\w:.-]*)[\s>/]/.exec(text.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/gi, ''))?.[1] ?? '?'}>)`);
        return;
      }
      case 'html': {
        let a;
        try {
          a = extractHtmlArticle(text, url);
        } catch (err) {
          // a page the parser cannot read is this input's failure, not the end of the whole ingest
          summary.read++;
          fail(name, `cannot read the page (${errLine(err)})`);
          return;
        }
        if (a.problem) {
          summary.read++;
          fail(name, a.problem);
          return;
        }
        const { problem: _p, ...art } = a;
        const page = withSource({ ...art, origin: name });
        // a page that does not name its site: its host name is the next best source label
        if (!page.source && page.url) page.source = hostOf(page.url);
        await push(page, name);
        return;
      }
      default:
        await push(withSource({ ...parseTxt(text), url, origin: name }), name);
    }
  };
  /** JSON Lines read as a stream; lines are named by the path as given (`name`), as every other input is */
  const pushStreamFile = async (file: string, gz: boolean, name: string) => {
    const raw = createReadStream(file);
    raw.on('data', (c) => (liveBytes += (c as Buffer).length));
    const input: Readable = gz ? raw.pipe(createGunzip()) : raw;
    const rl = createInterface({ input, crlfDelay: Infinity });
    let n = 0;
    try {
      for await (const line of rl) {
        n++;
        if (stopped()) break;
        await pushJsonLine(line, `${name}:${n}`, name);
      }
    } catch (err) {
      // lines up to n were read and handled: the one that could not be read is the next (a cut .gz)
      fail(`${name}:${n + 1}`, `cannot read on (${errLine(err)}); the ${n} line${n === 1 ? '' : 's'} before were read`);
    } finally {
      rl.close();
      raw.destroy();
    }
  };
  const pushFile = async (file: string, explicit: boolean) => {
    const abs = resolve(file);
    let st;
    try {
      st = statSync(abs);
    } catch (err) {
      fail(file, errLine(err));
      return;
    }
    // a device has no end (/dev/zero was read until memory ran out, deaf to Ctrl-C); a pipe (/dev/stdin) has one
    if (!st.isFile() && !st.isFIFO()) {
      summary.read++;
      fail(file, 'not a regular file (a device or a socket)');
      return;
    }
    const key = `file:${abs}:${st.size}:${Math.round(st.mtimeMs)}`;
    if (await store.isIngested(key)) {
      summary.skippedInputs++;
      doneBytes += st.size;
      return;
    }
    current = file;
    const { ext, gz } = extOf(file);
    liveBytes = 0;
    if (st.size > MAX_FILE_BYTES && !STREAM_EXT.has(ext)) {
      fail(file, `too large (${Math.round(st.size / 1e6)} MB)`);
      return;
    }
    // JSON Lines are streamed as UTF-8; a UTF-16 file (its byte order mark first) is decoded whole instead
    if (STREAM_EXT.has(ext) && !(!gz && st.size <= MAX_FILE_BYTES && startsUtf16(abs))) {
      await pushStreamFile(abs, gz, file);
    } else {
      let buf: Buffer;
      try {
        buf = await readFile(abs);
      } catch (err) {
        fail(file, errLine(err));
        return;
      }
      if (!explicit && !KNOWN_EXT.has(ext) && !isGzip(buf)) return;
      // a .json.gz that is really JSON Lines: stream-like handling through pushContent
      await pushContent(buf, file, undefined, null, null, undefined);
    }
    doneBytes += st.size;
    liveBytes = 0;
    // an interrupted file (limit/abort) is not finished: leave it unlogged so a re-run resumes it
    if (!stopped()) keysAfterBatch.push(key);
  };
  const pushUrl = async (url: string, source: string | null | undefined) => {
    const key = `url:${url}`;
    current = url;
    // a page already stored is not fetched again (feeds never get this key: they are always re-read for new items)
    if (await store.isIngested(key)) {
      summary.skippedInputs++;
      return;
    }
    let page;
    try {
      page = await fetchUrl(url, timeoutMs, options.signal);
    } catch (err) {
      summary.read++;
      fail(url, errLine(err));
      return;
    }
    const ct = page.contentType ?? '';
    if (NOT_NEWS_TYPE.test(ct)) {
      summary.read++;
      fail(url, `not a news page or feed (${ct.split(';')[0].trim()})`);
      return;
    }
    let text: string;
    try {
      text = decodeBytes(gunzipIfNeeded(page.bytes), ct).text;
    } catch (err) {
      summary.read++;
      fail(url, `cannot gunzip (${errLine(err)})`);
      return;
    }
    if (isFeed(text) || /(rss|atom)\+xml/i.test(ct)) {
      await pushFeed(text, page.url);
      return;
    }
    const before = summary.read;
    await pushContent(page.bytes, url, undefined, page.url, ct, source);
    if (summary.read > before && batch.length) batch[batch.length - 1].key = key;
  };

  try {
    // total bytes of the file inputs, for the ETA
    const fileLists: Array<string[] | null> = inputs.map((inp) => {
      if (inp && typeof inp === 'object' && 'path' in inp && typeof inp.path === 'string') {
        try {
          return walkFiles(inp.path);
        } catch {
          return null;
        }
      }
      return null;
    });
    for (const list of fileLists) for (const f of list ?? []) {
      try {
        totalBytes += statSync(f).size;
      } catch {
        /* reported when reached */
      }
    }

    for (let i = 0; i < inputs.length && !stopped(); i++) {
      const inp = inputs[i] as IngestInput & Record<string, unknown>;
      if (!inp || typeof inp !== 'object') {
        summary.read++;
        fail(`input[${i}]`, 'not an object');
        continue;
      }
      if (typeof inp.path === 'string') {
        const list = fileLists[i];
        if (!list) {
          let reason = 'cannot read';
          try {
            walkFiles(inp.path);
          } catch (err) {
            reason = errLine(err);
          }
          summary.read++;
          fail(inp.path, reason);
          continue;
        }
        const explicit = list.length === 1 && list[0] === inp.path;
        for (const f of list) {
          if (stopped()) break;
          await pushFile(f, explicit);
        }
        if (list.length === 0) warn(inp.path, 'no recognisable files (.txt .html .xml .rss .atom .json .jsonl, optionally .gz)');
      } else if ('content' in inp && inp.content !== undefined) {
        const c = inp.content as string | Uint8Array;
        const bytes = typeof c === 'string' ? new TextEncoder().encode(c) : c;
        // a string is already decoded: its bytes are UTF-8 whatever an HTML <meta charset> inside still says
        const ct = typeof c === 'string' ? 'text/plain; charset=utf-8' : null;
        await pushContent(bytes, (inp.name as string) ?? `input[${i}]`, inp.format as InputFormat | undefined, (inp.url as string) ?? null, ct, inp.source as string | null | undefined);
      } else if (typeof inp.text === 'string') {
        // text wins over url: a record that carries its text never triggers a fetch (its url is metadata)
        await push({ ...(inp as ArticleInput) }, `input[${i}]${inp.id ? ` (${String(inp.id)})` : ''}`);
      } else if (typeof inp.url === 'string') {
        if (!/^https?:\/\//i.test(inp.url)) {
          summary.read++;
          fail(inp.url, 'not an http(s) URL');
          continue;
        }
        await pushUrl(inp.url, (inp.source as string | null | undefined) ?? null);
      } else {
        summary.read++;
        fail(`input[${i}]`, 'needs "text", "path", "url" or "content"');
      }
    }
    await flush(true);
    if (unlisted) summary.warnings.push({ where: 'ingest', reason: `${unlisted} more warnings not listed` });
    summary.elapsedMs = Date.now() - t0;
    return summary;
  } finally {
    await (pool as AnalysisPool | null)?.close();
  }
}

/**
 * A page, feed item or record whose text opens with a dateline ("بيروت - رويترز:", "إيلاف من لندن:") gets its
 * place, and its source when the input named none; what the input stated itself is never overwritten.
 */
function withDateline(article: ArticleInput): void {
  if (article.place || typeof article.text !== 'string') return;
  const first = article.text.slice(0, 200).split('\n').find((l) => l.trim()) ?? '';
  const dl = parseDateline(first);
  if (!dl) return;
  article.place = dl.place;
  if (!article.source) article.source = dl.source;
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/** Format of a decoded document from its content, then its extension / content type; 'xml': XML that is no feed. */
export function sniffFormat(text: string, ext: string, contentType: string | null): InputFormat | 'xml' {
  const feed = isFeed(text);
  if (feed) return feed;
  const json = sniffJson(text);
  if (json) return json;
  const head = text.slice(0, 1024).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || /<(head|body|article)[\s>]/.test(head) || /html/i.test(contentType ?? '')) return 'html';
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml') return 'html';
  // XML of another kind (it was stored as an article of raw markup)
  if ((head.startsWith('<?xml') && !/<(!doctype html|html)[\s>]/.test(head)) || (/^<[a-z][\w:.-]*[\s>]/.test(head) && /xml|\.(xml|rss|atom)$/.test(`${contentType ?? ''} ${ext}`))) return 'xml';
  return 'txt';
}

export { basename };
