/**
 * `npm run bench -- ingest`: ingest the multisource corpus (../shared/corpora/ant-multisource.jsonl.gz) with full
 * analysis into a temporary database, then measure search.
 *
 * Prints: articles/s and words/s of the ingest (and the share spent in analysis vs. the database), database size,
 * peak memory; p50/p95/p99 latency of ≥ 200 queries (single words, phrases, several words, filtered) including
 * facets and snippets; known-item search on 1,000 sampled titles (hamzas, ة and ى changed, the first words given
 * و/ال prefixes): rank-1 rate and MRR@10; and the same through PostgreSQL's to_tsvector('arabic') + GIN + ts_rank
 * when a server is reachable (PG* environment or the local socket), else a skip message.
 *
 * Knobs (environment): BENCH_ARTICLES=N ingest only the first N articles; BENCH_QUERIES=N (default 300);
 * BENCH_KNOWN=N (default 1000); BENCH_DB=FILE keep/reuse the database there (skip ingest when it has articles);
 * BENCH_ANALYSIS=text index with the text layer only (fast, for developing search); BENCH_PG=0 skip PostgreSQL;
 * BENCH_WORKERS=N analyze on N worker threads (default 0: the one-core figure the issue asks for).
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { CORPUS, mainThreadCpuSeconds, peakRssMb, readCorpus } from './corpus.js';
import { openStore, type ArticleInput, type SearchQuery } from '../src/store/index.js';
import { ingestArticles } from '../src/ingest/index.js';
import type { SqliteStore } from '../src/store/sqlite.js';
import { emptyDoc } from '../src/doc.js';
import { textStage } from '../src/text/index.js';
import { queryWords } from '../src/search/terms.js';
import { mulberry32 } from '../src/random.js';


function pct(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const mb = (bytes: number) => (bytes / 1e6).toFixed(1);

/** The known-item query: hamzas dropped, ة → ه, ى → ي; first word given و, second ال (or و when it has ال). */
export function misspellTitle(title: string): string {
  const words = title
    .replace(/[أإآ]/g, 'ا')
    .replace(/ة/g, 'ه')
    .replace(/ى/g, 'ي')
    .split(/\s+/)
    .filter(Boolean);
  const arabic = (w: string) => /^[\u0621-\u064A]/.test(w);
  let prefixed = 0;
  for (let i = 0; i < words.length && prefixed < 2; i++) {
    // a word that already carries و gets no second one (والفتح stays), the next word is prefixed instead
    if (!arabic(words[i]) || words[i].startsWith('و')) continue;
    if (prefixed === 0) words[i] = 'و' + words[i];
    else words[i] = words[i].startsWith('ال') ? 'و' + words[i] : 'ال' + words[i];
    prefixed++;
  }
  return words.join(' ');
}

interface Sample {
  id: string;
  title: string;
  source: string | null;
  day: string | null;
}

export async function run(): Promise<void> {
  const limit = Number(process.env.BENCH_ARTICLES) || Infinity;
  const nQueries = Math.max(200, Number(process.env.BENCH_QUERIES) || 300);
  const nKnown = Number(process.env.BENCH_KNOWN) || 1000;
  const textOnly = process.env.BENCH_ANALYSIS === 'text';
  const workers = Math.max(0, Math.floor(Number(process.env.BENCH_WORKERS) || 0));
  if (!existsSync(CORPUS)) {
    console.log(`skipped: corpus not found at ${CORPUS}`);
    return;
  }
  const tmp = process.env.BENCH_DB ? null : mkdtempSync(join(tmpdir(), 'marsad-bench-'));
  const dbPath = process.env.BENCH_DB ?? join(tmp!, 'bench.db');
  try {
    const store = (await openStore(dbPath)) as SqliteStore;
    const existing = (await store.stats()).articles;
    if (existing > 0) {
      console.log(`reusing ${dbPath} (${existing} articles); ingest not measured`);
    } else {
      console.log(`ingest: ${limit === Infinity ? 'all' : limit} articles of ${CORPUS.split('/').slice(-2).join('/')}, ${textOnly ? 'TEXT LAYER ONLY (BENCH_ANALYSIS=text)' : 'full analysis'}, ${workers ? `${workers} analysis worker threads + the main thread` : 'one thread'}`);
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      const main0 = mainThreadCpuSeconds();
      let summary;
      if (textOnly) {
        let batch: ArticleInput[] = [];
        let added = 0;
        let read = 0;
        const flush = async () => {
          const docs = batch.map((a) => textStage(emptyDoc(a.text, null)));
          added += (await store.addArticles(batch, { docs })).added;
          batch = [];
        };
        for await (const a of readCorpus(limit)) {
          read++;
          batch.push({ id: a.id, title: a.title, text: a.text, url: a.url, source: a.source, category: a.category, published: a.published });
          if (batch.length >= 500) await flush();
        }
        await flush();
        summary = { read, added, duplicates: read - added, nearDuplicates: 0, failed: 0 };
      } else {
        summary = await ingestArticles(store, [{ path: CORPUS }], { limit, batchSize: 500, workers });
      }
      const ms = performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      const main1 = mainThreadCpuSeconds();
      const cpuMs = (cpu.user + cpu.system) / 1000;
      const tOpt = performance.now();
      store.optimizeSync();
      const optMs = performance.now() - tOpt;
      const words = (new Database(dbPath, { readonly: true }).prepare('SELECT sum(words) AS n FROM articles').get() as { n: number }).n;
      const t = store.timings;
      console.log(
        `ingested ${summary.read} articles in ${(ms / 1000).toFixed(1)} s: ${(summary.read / (ms / 1000)).toFixed(0)} articles/s, ` +
          `${((words / (ms / 1000)) / 1e6).toFixed(2)} M words/s (${words} words) — added ${summary.added}, duplicates ${summary.duplicates}, ` +
          `near-duplicates ${summary.nearDuplicates}, failed ${summary.failed}`,
      );
      console.log(
        `  CPU time ${(cpuMs / 1000).toFixed(1)} s: ${(summary.read / (cpuMs / 1000)).toFixed(0)} articles per CPU-second, ` +
          `${((words / (cpuMs / 1000)) / 1e6).toFixed(2)} M words per CPU-second (the one-core figure when the machine is shared; load average ${loadavg()[0].toFixed(1)})`,
      );
      if (main0 !== null && main1 !== null && !workers) {
        const mainS = main1 - main0;
        console.log(
          `  main thread CPU ${mainS.toFixed(1)} s: ${(summary.read / mainS).toFixed(0)} articles per main-thread CPU-second; ` +
            `V8's background threads (GC, compiler) and zlib add ${(cpuMs / 1000 - mainS).toFixed(1)} s on the other cores`,
        );
      }
      if (workers) console.log(`  analysis on the worker threads; ${t.analyzedHere} articles analyzed in the main thread`);
      else console.log(
        `  time split: analysis ${(t.analyzeMs / 1000).toFixed(1)} s (${(t.analyzeMs / Math.max(1, t.articles)).toFixed(2)} ms/article), ` +
          `database writes ${(t.writeMs / 1000).toFixed(1)} s (${(t.writeMs / Math.max(1, t.articles)).toFixed(2)} ms/article), ` +
          `reading/parsing/hashing the rest; FTS optimize ${(optMs / 1000).toFixed(1)} s`,
      );
      const l = store.linkStats;
      console.log(
        `  cross-article entity resolution: ${l.newKeys} new canonical keys, ${l.merged} joined an existing entity ` +
          `(${l.compared} candidate comparisons)`,
      );
    }
    await store.close();
    const size = ['', '-wal'].reduce((n, ext) => n + (existsSync(dbPath + ext) ? statSync(dbPath + ext).size : 0), 0);
    console.log(`database ${mb(size)} MB; peak RSS ${peakRssMb()} MB`);

    // ── queries ──
    const s2 = (await openStore(dbPath)) as SqliteStore;
    const raw = new Database(dbPath, { readonly: true });
    const all = raw.prepare('SELECT id, title, source, pub_day AS day FROM articles ORDER BY rowid').all() as Sample[];
    const topEntities = raw
      .prepare(`SELECT coalesce(canonical, (SELECT alias FROM aliases WHERE entity = e.rowid ORDER BY count DESC LIMIT 1)) AS name
                FROM entities e WHERE type IN ('PER','ORG','LOC') ORDER BY mentions DESC LIMIT 60`)
      .pluck()
      .all() as string[];
    raw.close();
    const rand = mulberry32(20180201); // seeded: every run samples the same queries
    const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
    const contentWords = (title: string) => queryWords(title).filter((w) => !w.stop && w.norm.length >= 3 && /[\u0621-\u064A]/.test(w.text)).map((w) => w.text.replace(/["«»]/g, ''));
    const queries: Array<{ kind: string; q: SearchQuery }> = [];
    const months = [...new Set(all.map((a) => a.day?.slice(0, 7)).filter(Boolean))] as string[];
    const sources = [...new Set(all.map((a) => a.source).filter(Boolean))] as string[];
    while (queries.length < nQueries) {
      const a = pick(all);
      const ws = contentWords(a.title);
      if (ws.length < 3) continue;
      const i = Math.floor(rand() * (ws.length - 1));
      const slot = queries.length % 9;
      if (slot < 4) queries.push({ kind: 'word', q: { q: ws[i] } });
      else if (slot < 6) queries.push({ kind: 'phrase', q: { q: `"${ws[i]} ${ws[i + 1]}"` } });
      else if (slot === 6) queries.push({ kind: 'words', q: { q: ws.slice(0, 3).join(' ') } });
      else if (slot === 7) {
        const m = pick(months);
        queries.push({ kind: 'filtered', q: { q: `${ws[i]} from:${m} to:${m}` } });
      } else {
        const f = rand() < 0.5 && topEntities.length ? `entity:"${pick(topEntities)}"` : `source:${pick(sources)}`;
        queries.push({ kind: 'filtered', q: { q: `${ws[i]} ${f}` } });
      }
    }
    // warm the caches a running server would have warm (not timed): some queries, an entity filter
    for (const w of queries.slice(0, 20)) await s2.search({ ...w.q, limit: 10 });
    if (topEntities.length) await s2.search({ q: `entity:"${topEntities[0]}"`, limit: 10 });
    const lat: Record<string, number[]> = { all: [] };
    const cpuLat: number[] = [];
    let hitsTotal = 0;
    for (const w of queries) {
      const c = process.cpuUsage();
      const t = performance.now();
      const r = await s2.search({ ...w.q, limit: 10 });
      const ms = performance.now() - t;
      const cu = process.cpuUsage(c);
      cpuLat.push((cu.user + cu.system) / 1000);
      hitsTotal += r.total;
      (lat[w.kind] ??= []).push(ms);
      lat.all.push(ms);
    }
    for (const [k, v] of Object.entries(lat)) {
      v.sort((a, b) => a - b);
      console.log(
        `search ${k.padEnd(8)} n=${String(v.length).padStart(3)}  p50 ${pct(v, 50).toFixed(2)} ms  p95 ${pct(v, 95).toFixed(2)} ms  p99 ${pct(v, 99).toFixed(2)} ms` +
          (k === 'all' ? `  (top 10 with facets and snippets; ${(hitsTotal / queries.length).toFixed(0)} matches/query on average)` : ''),
      );
    }
    cpuLat.sort((a, b) => a - b);
    console.log(`search CPU time per query  p50 ${pct(cpuLat, 50).toFixed(2)} ms  p95 ${pct(cpuLat, 95).toFixed(2)} ms  p99 ${pct(cpuLat, 99).toFixed(2)} ms  (load average ${loadavg()[0].toFixed(1)} on ${(await import('node:os')).cpus().length} cores)`);

    // ── known-item search ──
    const titled = all.filter((a) => a.title && a.title.split(/\s+/).length >= 3);
    const titleCount = new Map<string, number>();
    for (const a of titled) titleCount.set(a.title, (titleCount.get(a.title) ?? 0) + 1);
    const sample: Sample[] = [];
    const used = new Set<number>();
    while (sample.length < Math.min(nKnown, titled.length)) {
      const k = Math.floor(rand() * titled.length);
      if (used.has(k)) continue;
      used.add(k);
      sample.push(titled[k]);
    }
    let rr = 0;
    let top1 = 0;
    let top1Title = 0;
    let shared = 0;
    const kiLat: number[] = [];
    const known: Array<{ id: string; q: string; title: string }> = sample.map((a) => ({ id: a.id, q: misspellTitle(a.title), title: a.title }));
    for (const k of known) {
      const t = performance.now();
      const r = await s2.search({ q: k.q, limit: 10, facets: false });
      kiLat.push(performance.now() - t);
      const rank = r.hits.findIndex((h) => h.id === k.id);
      if (rank >= 0) rr += 1 / (rank + 1);
      if (rank === 0) top1++;
      if (r.hits[0]?.title === k.title) top1Title++;
      if ((titleCount.get(k.title) ?? 0) > 1) shared++;
    }
    kiLat.sort((a, b) => a - b);
    console.log(
      `known-item (${known.length} titles, e.g. "${known[0]?.q}"): rank-1 ${((100 * top1) / known.length).toFixed(1)}%, MRR@10 ${(rr / known.length).toFixed(3)}` +
        ` (rank-1 counting another article with the identical title: ${((100 * top1Title) / known.length).toFixed(1)}%; ${shared} sampled titles are shared) — p50 ${pct(kiLat, 50).toFixed(2)} ms, p95 ${pct(kiLat, 95).toFixed(2)} ms`,
    );
    await s2.close();

    await postgres(queries.map((q) => q.q.q), known, limit);
  } finally {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
}

/** The same corpus and queries through PostgreSQL's Arabic snowball config, when a server is reachable. */
async function postgres(queries: string[], known: Array<{ id: string; q: string }>, limit: number): Promise<void> {
  if (process.env.BENCH_PG === '0') {
    console.log('postgresql: skipped (BENCH_PG=0)');
    return;
  }
  let pg: typeof import('pg');
  try {
    pg = await import('pg');
  } catch {
    console.log('postgresql: skipped (the pg client is not installed)');
    return;
  }
  const socket = ['/var/run/postgresql', '/tmp'].find((d) => existsSync(join(d, '.s.PGSQL.5432')));
  if (!process.env.PGHOST && !process.env.PGDATABASE && !socket) {
    console.log('postgresql: skipped (no server: set PGHOST/PGUSER/PGDATABASE/PGPASSWORD, or run one on the local socket)');
    return;
  }
  const Client = (pg.default ?? pg).Client;
  const client = new Client({ host: process.env.PGHOST ?? socket, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
  } catch (err) {
    console.log(`postgresql: skipped (cannot connect: ${(err as Error).message.split('\n')[0]})`);
    return;
  }
  try {
    const version = (await client.query('SHOW server_version')).rows[0].server_version;
    await client.query('CREATE TEMP TABLE marsad_bench (id text PRIMARY KEY, title text, body text, tsv tsvector)');
    let batch: Array<[string, string, string]> = [];
    const flush = async () => {
      if (!batch.length) return;
      await client.query('INSERT INTO marsad_bench(id, title, body) SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ON CONFLICT DO NOTHING', [
        batch.map((b) => b[0]), batch.map((b) => b[1]), batch.map((b) => b[2]),
      ]);
      batch = [];
    };
    for await (const a of readCorpus(limit)) {
      batch.push([a.id, a.title ?? '', a.text ?? '']);
      if (batch.length >= 1000) await flush();
    }
    await flush();
    let t = performance.now();
    await client.query(`UPDATE marsad_bench SET tsv = setweight(to_tsvector('arabic', coalesce(title,'')), 'A') || setweight(to_tsvector('arabic', coalesce(body,'')), 'D')`);
    const tsvMs = performance.now() - t;
    t = performance.now();
    await client.query('CREATE INDEX ON marsad_bench USING gin(tsv)');
    const ginMs = performance.now() - t;
    await client.query('ANALYZE marsad_bench');
    console.log(`postgresql ${version}: to_tsvector('arabic') ${(tsvMs / 1000).toFixed(1)} s, GIN index ${(ginMs / 1000).toFixed(1)} s`);
    const toTs = (q: string) => {
      const phrase = /^"(.*)"$/.exec(q.trim());
      const words = q.replace(/\b(from|to|source|entity|type):("[^"]*"|\S+)/g, '').replace(/"/g, '').trim();
      return { fn: phrase ? 'phraseto_tsquery' : 'plainto_tsquery', text: words };
    };
    const lat: number[] = [];
    for (const q of queries) {
      const { fn, text } = toTs(q);
      const s = performance.now();
      await client.query(`SELECT id, ts_rank(tsv, query) AS r FROM marsad_bench, ${fn}('arabic', $1) query WHERE tsv @@ query ORDER BY r DESC LIMIT 10`, [text]);
      lat.push(performance.now() - s);
    }
    lat.sort((a, b) => a - b);
    console.log(`postgresql search n=${lat.length} (filters dropped)  p50 ${pct(lat, 50).toFixed(2)} ms  p95 ${pct(lat, 95).toFixed(2)} ms  p99 ${pct(lat, 99).toFixed(2)} ms`);
    for (const mode of ['AND', 'OR'] as const) {
      let rr = 0;
      let top1 = 0;
      const kl: number[] = [];
      for (const k of known) {
        const s = performance.now();
        const sql =
          mode === 'AND'
            ? `SELECT id FROM marsad_bench, plainto_tsquery('arabic', $1) query WHERE tsv @@ query ORDER BY ts_rank(tsv, query) DESC LIMIT 10`
            : `SELECT id FROM marsad_bench, to_tsquery('arabic', replace(plainto_tsquery('arabic', $1)::text, '&', '|')) query WHERE tsv @@ query ORDER BY ts_rank(tsv, query) DESC LIMIT 10`;
        const rows = (await client.query(sql, [k.q])).rows as Array<{ id: string }>;
        kl.push(performance.now() - s);
        const rank = rows.findIndex((r) => r.id === k.id);
        if (rank >= 0) rr += 1 / (rank + 1);
        if (rank === 0) top1++;
      }
      kl.sort((a, b) => a - b);
      console.log(`postgresql known-item (${mode}): rank-1 ${((100 * top1) / known.length).toFixed(1)}%, MRR@10 ${(rr / known.length).toFixed(3)} — p50 ${pct(kl, 50).toFixed(2)} ms, p95 ${pct(kl, 95).toFixed(2)} ms`);
    }
  } finally {
    await client.end();
  }
}
