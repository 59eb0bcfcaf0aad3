import type { Command } from 'commander';
import { createWriteStream, existsSync, renameSync, rmSync, statSync, type WriteStream } from 'node:fs';
import { UserError } from '../errors.js';
import { openDb } from '../db.js';
import type { ExportQuery, StoredArticleRow } from '../../store/index.js';
import { QueryError } from '../../search/dates.js';

const CSV_COLUMNS = ['id', 'title', 'url', 'source', 'published', 'author', 'place', 'category', 'near_duplicate_of', 'entities', 'text'] as const;

/** One CSV cell: quoted when needed; a leading = + - @ is neutralised so spreadsheets do not run it as a formula. */
export function csvCell(v: unknown): string {
  let s = v === null || v === undefined ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
  return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

function csvRow(a: StoredArticleRow): string {
  const vals: Record<(typeof CSV_COLUMNS)[number], unknown> = {
    id: a.id, title: a.title, url: a.url, source: a.source, published: a.published, author: a.author, place: a.place,
    category: a.category, near_duplicate_of: a.nearDuplicateOf, entities: a.entities.map((e) => `${e.type}:${e.name}`).join('; '), text: a.text,
  };
  return CSV_COLUMNS.map((c) => csvCell(vals[c])).join(',') + '\r\n';
}

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('stream stored articles (all, or those matching a query) as JSON Lines or CSV')
    .argument('[query...]', 'optional query, same language as search')
    .option('--db <file>', 'database file (default $MARSAD_DB or ./marsad-data/marsad.db)')
    .option('--format <format>', 'jsonl or csv', 'jsonl')
    .option('--from <date>', 'published on or after')
    .option('--to <date>', 'published on or before')
    .option('--source <name>', 'only this source')
    .option('--entity <name>', 'only articles mentioning this entity')
    .option('--type <type>', 'only articles mentioning an entity of this type')
    .option('--sort <order>', 'relevance or date (default: relevance with a query, else date)')
    .option('--limit <n>', 'at most this many articles (0: none)')
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .action(async (words: string[], opts: { db?: string; format: string; from?: string; to?: string; source?: string; entity?: string; type?: string; sort?: string; limit?: string; output?: string }) => {
      if (opts.output === '') throw new UserError('-o/--output needs a file name');
      if (opts.format !== 'jsonl' && opts.format !== 'csv') throw new UserError(`--format must be jsonl or csv, not "${opts.format}"`);
      if (opts.sort && opts.sort !== 'relevance' && opts.sort !== 'date') throw new UserError(`--sort must be relevance or date, not "${opts.sort}"`);
      if (opts.type && !/^(PER|ORG|LOC|MISC)$/i.test(opts.type)) throw new UserError(`--type must be PER, ORG, LOC or MISC, not "${opts.type}"`);
      let limit: number | undefined;
      if (opts.limit !== undefined) {
        limit = Number(opts.limit);
        if (!Number.isInteger(limit) || limit < 0) throw new UserError(`--limit must be a whole number ≥ 0, not "${opts.limit}"`);
      }
      const store = await openDb(opts.db, 'existing');
      const q: ExportQuery = {
        q: words.join(' '), from: opts.from, to: opts.to, source: opts.source, entity: opts.entity,
        type: opts.type ? (opts.type.toUpperCase() as ExportQuery['type']) : undefined,
        sort: (opts.sort as ExportQuery['sort']) ?? undefined, limit,
      };
      let out: NodeJS.WritableStream = process.stdout;
      let file: WriteStream | null = null;
      // written to a file beside the output and renamed over it only once complete: a failed or interrupted
      // export leaves the previous file as it was
      const existing = opts.output && existsSync(opts.output) ? statSync(opts.output) : null;
      if (existing?.isDirectory()) {
        await store.close();
        throw new UserError(`${opts.output}: is a directory, not a file`);
      }
      // a device or a pipe (/dev/null, a FIFO, /dev/stdout) is written as it is: renamed over, it was replaced by a
      // plain file (as root, /dev/null itself)
      const direct = !!existing && !existing.isFile();
      const part = opts.output && !direct ? `${opts.output}.${process.pid}.part` : null;
      let failure = null as Error | null;
      if (opts.output) {
        file = createWriteStream(part ?? opts.output);
        file.on('error', (err) => (failure ??= err));
        await new Promise<void>((res) => {
          file!.once('open', () => res());
          file!.once('error', () => res());
        });
        if (failure) {
          await store.close();
          throw new UserError(`${opts.output}: cannot write (${describe(failure)})`);
        }
        out = file;
      }
      const write = (s: string): Promise<void> => {
        if (failure) return Promise.reject(failure);
        return out.write(s) ? Promise.resolve() : new Promise<void>((r, j) => {
          // one listener each per wait, both removed when either fires (they piled up on a long export)
          const drained = () => (file?.off('error', failed), r());
          const failed = (err: Error) => (out.off('drain', drained), j(err));
          out.once('drain', drained);
          file?.once('error', failed);
        });
      };
      let done = false;
      try {
        if (opts.format === 'csv') await write('\ufeff' + CSV_COLUMNS.join(',') + '\r\n');
        for await (const a of store.exportArticles(q)) {
          await write(opts.format === 'csv' ? csvRow(a) : JSON.stringify(a) + '\n');
        }
        done = true;
      } catch (err) {
        if (err instanceof QueryError) throw new UserError(err.message);
        if (file && failure && err === failure) throw new UserError(`${opts.output}: cannot write (${describe(failure)})`);
        throw err;
      } finally {
        // the last bytes' write error (ENOSPC on a full disk) comes with end(): the file is then incomplete
        // (end's callback never comes once the stream has failed: wait for its close, which always does)
        if (file) await new Promise<void>((r) => (file!.closed ? r() : (file!.once('close', () => r()), file!.end())));
        await store.close();
        if (part && file) {
          try {
            if (done && !failure) renameSync(part, opts.output!);
          } finally {
            rmSync(part, { force: true });
          }
        }
      }
      if (failure) throw new UserError(`${opts.output}: cannot write (${describe(failure)})`);
    });
}

function describe(err: Error): string {
  const code = (err as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? 'no such folder' : code === 'EISDIR' ? 'is a folder' : code === 'EACCES' ? 'permission denied' : code === 'ENOSPC' ? 'no space left on the device' : err.message.split('\n')[0];
}
