import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { terminalSafe } from '../terminal.js';
import { UserError } from '../errors.js';
import type { IngestInput } from '../../store/index.js';
import { openDb } from '../db.js';
import { ingestArticles } from '../../ingest/index.js';
import { progressLine, summaryText } from '../../ingest/progress.js';
import { defaultWorkers } from '../../pipeline/pool.js';

interface IngestOpts {
  db?: string;
  source?: string;
  follow?: boolean;
  json?: boolean;
  batchSize?: string;
  timeout?: string;
  limit?: string;
  progress?: boolean;
  workers?: string;
}

function positiveInt(v: string | undefined, name: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new UserError(`${name} must be a positive whole number, not "${v}"`);
  return n;
}

function readStdin(): Buffer {
  try {
    return readFileSync(0);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    throw new UserError(`<stdin>: ${e.code === 'EAGAIN' ? 'no input on stdin' : `cannot read (${e.message.split('\n')[0]})`}`);
  }
}

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('add news to the store: files, folders (recursive), URLs, RSS/Atom feeds, JSON/JSONL (.gz), or - for stdin')
    .argument('<inputs...>', 'files, folders or http(s) URLs')
    .option('--db <file>', 'database file (default $MARSAD_DB or ./marsad-data/marsad.db)')
    .option('--source <name>', 'source name to record for these inputs')
    .option('--follow', 'for feed items, fetch each item link for the full text')
    .option('--json', 'print the summary as JSON')
    .option('--batch-size <n>', 'articles per transaction', '200')
    .option('--timeout <seconds>', 'timeout per URL fetch', '15')
    .option('--limit <n>', 'stop after this many articles')
    .option('--no-progress', 'no progress line, even on a terminal')
    .option('--workers <n>', `analysis threads (0 = the main thread; default: one per core, here ${defaultWorkers()}, for inputs of a few thousand articles or more)`)
    .action(async (inputs: string[], opts: IngestOpts) => {
      const batchSize = positiveInt(opts.batchSize, '--batch-size');
      const timeoutSec = Number(opts.timeout ?? 15);
      if (!Number.isFinite(timeoutSec) || timeoutSec <= 0) throw new UserError(`--timeout must be a positive number of seconds, not "${opts.timeout}"`);
      const limit = positiveInt(opts.limit, '--limit');
      let workers: number | 'auto' = 'auto';
      if (opts.workers !== undefined) {
        workers = Number(opts.workers);
        if (!Number.isInteger(workers) || workers < 0 || workers > 64) throw new UserError(`--workers must be a whole number from 0 to 64, not "${opts.workers}"`);
      }
      // any scheme («ftp://», «file://») is a URL, refused alone by the ingest as no http(s) one: not a missing file
      const items: IngestInput[] = inputs.map((x) =>
        /^[a-z][\w+.-]*:\/\//i.test(x) ? { url: x } : x === '-' ? { content: readStdin(), name: '<stdin>' } : { path: x },
      );
      const store = await openDb(opts.db, 'create');
      const ac = new AbortController();
      const onSignal = () => ac.abort();
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      const tty = !!process.stderr.isTTY && opts.progress !== false && !opts.json;
      let lastDraw = 0;
      try {
        const summary = await ingestArticles(store, items, {
          source: opts.source ?? null,
          follow: !!opts.follow,
          batchSize,
          timeoutMs: timeoutSec * 1000,
          limit,
          workers,
          signal: ac.signal,
          onProgress: (p) => {
            if (!tty) return;
            const now = Date.now();
            if (now - lastDraw < 100) return;
            lastDraw = now;
            process.stderr.write(`\r\x1b[K${progressLine(p)}`);
          },
        });
        // many new articles: merge the full-text index segments so searches stay fast
        if (summary.added >= 1000 && store.optimize) await store.optimize();
        if (tty) process.stderr.write('\r\x1b[K');
        if (opts.json) process.stdout.write(JSON.stringify(summary) + '\n');
        else process.stdout.write(terminalSafe(summaryText(summary)));
        if (ac.signal.aborted) process.stderr.write('marsad: interrupted; everything reported above is stored (re-run to continue)\n');
        if (summary.failed > 0 && summary.added + summary.duplicates + summary.skippedInputs === 0) process.exitCode = 1;
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        await store.close();
      }
    });
}
