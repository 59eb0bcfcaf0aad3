import type { Command } from 'commander';
import { terminalSafe } from '../terminal.js';
import { UserError } from '../errors.js';
import { openDb } from '../db.js';
import type { EventQuery, StoredEvent } from '../../store/index.js';
import { eventTypes } from '../../events/lexicon.js';

interface EventsOpts {
  db?: string;
  type?: string;
  cameo?: string;
  status?: string;
  entity?: string;
  actor?: string;
  target?: string;
  place?: string;
  from?: string;
  to?: string;
  source?: string;
  article?: string;
  limit?: string;
  offset?: string;
  json?: boolean;
  csv?: boolean;
}

const RLE = '\u202B';
const PDF = '\u202C';
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const STATUSES = ['planned', 'occurred', 'reported', 'negated'];

export const CSV_COLUMNS = [
  'id', 'time', 'type', 'cameo', 'status', 'actor', 'actor_id', 'target', 'target_id', 'place', 'place_id',
  'article_id', 'published', 'source', 'title', 'text', 'attributes',
] as const;

/** One CSV field: quoted when it holds a comma, quote or line break (RFC 4180); formula-leading cells are defused. */
export function csvField(v: unknown): string {
  let s = v === null || v === undefined ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = "'" + s; // spreadsheet formula injection from article text
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function eventCsvRow(e: StoredEvent): string {
  const attrs = { ...(e.attributes ?? {}), ...(e.amounts?.length ? { amounts: e.amounts.map((a) => `${a.value}${a.currency ? ' ' + a.currency : ''}${a.unit ? ' ' + a.unit : ''}`).join('; ') } : {}) };
  const cells = [
    e.id, e.time, e.type, e.cameo, e.status, e.actor?.name, e.actor?.entity, e.target?.name, e.target?.entity,
    e.place?.name, e.place?.entity, e.article.id, e.article.published, e.article.source, e.article.title, e.text,
    Object.keys(attrs).length ? JSON.stringify(attrs) : '',
  ];
  return cells.map(csvField).join(',');
}

export function formatEventText(e: StoredEvent): string {
  const who = [e.actor?.name ?? '?', e.target ? '→ ' + e.target.name : null, e.place ? '@ ' + e.place.name : null].filter(Boolean).join(' ');
  return `${(e.time ?? e.article.published?.slice(0, 10) ?? '').padEnd(10)}  ${e.type} ${e.cameo ? '(' + e.cameo + ')' : ''} ${e.status}  ${RLE}${who}${PDF}\n            ${RLE}${e.text}${PDF}  [${e.article.id}]`;
}

function count(v: string | undefined, name: string, max: number): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > max) throw new UserError(`${name} must be a whole number from 0 to ${max}, not "${v}"`);
  return n;
}

export function registerEvents(program: Command): void {
  program
    .command('events')
    .description('export CAMEO-coded events (who did what to whom, when) from the stored news')
    .option('--db <file>', 'database file (default $MARSAD_DB or ./marsad-data/marsad.db)')
    .option('--type <type>', 'event type: VISIT, MEET, INVITE, PLEDGE, AGREEMENT, …')
    .option('--cameo <code>', 'CAMEO code prefix ("04" = 040–046)')
    .option('--status <status>', STATUSES.join(', '))
    .option('--entity <name>', 'events where this entity (id or any spelling) is actor, target or place')
    .option('--actor <name>', 'events with this actor')
    .option('--target <name>', 'events with this target')
    .option('--place <name>', 'events at this place')
    .option('--from <date>', 'event time (else publication date) on or after YYYY, YYYY-MM or YYYY-MM-DD')
    .option('--to <date>', 'event time (else publication date) on or before')
    .option('--source <name>', 'only articles from this source')
    .option('--article <id>', 'only events of this article')
    .option('--limit <n>', 'events to export (at most 10000; 0: none, the total only)', '100')
    .option('--offset <n>', 'events to skip', '0')
    .option('--json', 'print {"total","events"} as JSON')
    .option('--csv', `print CSV with a header row: ${CSV_COLUMNS.join(',')}`)
    .action(async (opts: EventsOpts) => {
      if (opts.json && opts.csv) throw new UserError('choose one of --json and --csv');
      if (opts.type) {
        // the types Marsad reads (resources/events): a typo is an error, not an empty list
        const types = eventTypes();
        if (!types.includes(opts.type.toUpperCase())) throw new UserError(`--type must be one of ${types.join(', ')}, not "${opts.type}"`);
      }
      if (opts.cameo && !/^\d{1,4}$/.test(opts.cameo)) throw new UserError(`--cameo must be a CAMEO code or prefix of digits, not "${opts.cameo}"`);
      if (opts.status && !STATUSES.includes(opts.status)) throw new UserError(`--status must be one of ${STATUSES.join(', ')}, not "${opts.status}"`);
      for (const [flag, v] of [['--from', opts.from], ['--to', opts.to]] as const) {
        if (v !== undefined && !DATE.test(v)) throw new UserError(`${flag} must be YYYY, YYYY-MM or YYYY-MM-DD, not "${v}"`);
      }
      const limit = count(opts.limit, '--limit', 10000);
      const offset = count(opts.offset, '--offset', 1e9) ?? 0;
      const query: EventQuery = {
        type: opts.type?.toUpperCase(), cameo: opts.cameo, status: opts.status as EventQuery['status'],
        entity: opts.entity, actor: opts.actor, target: opts.target, place: opts.place,
        from: opts.from, to: opts.to, source: opts.source, articleId: opts.article,
        limit, offset,
      };
      const store = await openDb(opts.db, 'existing');
      try {
        let res;
        try {
          res = await store.listEvents(query);
        } catch (err) {
          if (err instanceof Error && err.name === 'QueryError') throw new UserError(err.message);
          throw err;
        }
        if (opts.json) process.stdout.write(JSON.stringify(res) + '\n');
        // the byte order mark and CRLF rows, as `export --format csv` writes them: spreadsheets then read the Arabic as UTF-8
        else if (opts.csv) process.stdout.write('\ufeff' + [CSV_COLUMNS.join(','), ...res.events.map(eventCsvRow)].join('\r\n') + '\r\n');
        else {
          const lines = [`${res.total} event${res.total === 1 ? '' : 's'}${res.total > res.events.length ? ` (showing ${res.events.length})` : ''}`];
          for (const e of res.events) lines.push(formatEventText(e));
          process.stdout.write(terminalSafe(lines.join('\n')) + '\n');
        }
      } finally {
        await store.close();
      }
    });
}
