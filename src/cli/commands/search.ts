import type { Command } from 'commander';
import { terminalSafe } from '../terminal.js';
import { UserError } from '../errors.js';
import { readTextInput } from '../input.js';
import { openDb } from '../db.js';
import type { SearchHit, SearchQuery, SearchResult, Store } from '../../store/index.js';
import { QueryError } from '../../search/dates.js';

interface SearchOpts {
  db?: string;
  limit?: string;
  offset?: string;
  from?: string;
  to?: string;
  source?: string;
  entity?: string;
  type?: string;
  sort?: string;
  json?: boolean;
  batch?: string;
  facets?: boolean;
}

function nonNegInt(v: string | undefined, name: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new UserError(`${name} must be a whole number ≥ 0, not "${v}"`);
  return n;
}

// Right-to-left embedding so Arabic lines render in order in a terminal that supports bidi.
const RLE = '\u202B';
const PDF = '\u202C';

function marked(text: string, hl: Array<[number, number]>, tty: boolean): string {
  if (!tty || !hl.length) return text;
  let out = '';
  let at = 0;
  for (const [s, e] of hl) {
    if (s < at) continue;
    out += text.slice(at, s) + '\x1b[1;33m' + text.slice(s, e) + '\x1b[0m';
    at = e;
  }
  return out + text.slice(at);
}

export function formatResultText(res: SearchResult, offset: number, tty: boolean): string {
  const out: string[] = [];
  out.push(`${res.total} result${res.total === 1 ? '' : 's'} (${res.tookMs} ms)${(res as { relaxed?: boolean }).relaxed ? ' — no article has every word; showing articles with some of them' : ''}`);
  res.hits.forEach((h: SearchHit, i) => {
    const meta = terminalSafe([h.source, h.published?.slice(0, 10), h.id].filter(Boolean).join(' · '));
    out.push('');
    out.push(`${offset + i + 1}. ${RLE}${marked(terminalSafe(h.title), h.titleHighlights ?? [], tty)}${PDF}`);
    out.push(`   ${meta}${h.nearDuplicateOf ? ` · near-duplicate of ${h.nearDuplicateOf}` : ''}`);
    out.push(`   ${RLE}${marked(terminalSafe(h.snippet), h.highlights, tty)}${PDF}`);
  });
  const f = res.facets;
  const line = (name: string, vals: Array<{ label: string; count: number }>) => (vals.length ? `${name}: ${vals.slice(0, 6).map((v) => `${v.label} (${v.count})`).join(', ')}` : null);
  const facetLines = [
    line('people', f.entities.PER),
    line('organizations', f.entities.ORG),
    line('places', f.entities.LOC),
    line('sources', f.sources),
    f.months.length ? `months: ${f.months.map((m) => `${m.label} (${m.count})`).join(', ')}` : null,
  ].filter(Boolean) as string[];
  if (facetLines.length && res.total) out.push('', ...facetLines.map(terminalSafe));
  return out.join('\n') + '\n';
}

async function runOne(store: Store, q: SearchQuery): Promise<SearchResult> {
  try {
    return await store.search(q);
  } catch (err) {
    if (err instanceof QueryError) throw new UserError(err.message);
    throw err;
  }
}

export function registerSearch(program: Command): void {
  program
    .command('search')
    .description('search the stored news: words, "phrases", -exclusion, OR, entity: source: from: to: type:')
    .argument('[query...]', 'the query (any spelling variant or clitic form of a word finds the same articles)')
    .option('--db <file>', 'database file (default $MARSAD_DB or ./marsad-data/marsad.db)')
    .option('--limit <n>', 'results to show', '10')
    .option('--offset <n>', 'results to skip', '0')
    .option('--from <date>', 'published on or after (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--to <date>', 'published on or before')
    .option('--source <name>', 'only this source')
    .option('--entity <name>', 'only articles mentioning this entity (any spelling)')
    .option('--type <type>', 'only articles mentioning an entity of this type: PER, ORG, LOC or MISC')
    .option('--sort <order>', 'relevance or date', 'relevance')
    .option('--json', 'print {"total","tookMs","hits","facets"} as JSON')
    .option('--batch <file>', 'one query per line (or id<TAB>query), - for stdin; prints one JSON object per line')
    .option('--no-facets', 'skip facet computation')
    // «-الكويت» is an exclusion in the query, not an option: unknown dashed words reach the query, «--x» stays an error
    .allowUnknownOption()
    .action(async (words: string[], opts: SearchOpts) => {
      // after a bare «--» every word is the query's (commander drops the «--» itself)
      const dd = process.argv.indexOf('--');
      const literal = dd >= 0 ? new Set(process.argv.slice(dd + 1)) : new Set<string>();
      const typo = words.find((w) => (w.startsWith('--') || /^-[A-Za-z]$/.test(w)) && !literal.has(w));
      if (typo) {
        const shown = typo.length > 40 ? `${typo.slice(0, 40)}…` : typo;
        throw new UserError(`unknown option '${shown}' (to exclude a word, write it in the query: "… -${shown.replace(/^-+/, '')}"; after -- every word is the query)`);
      }
      const limit = nonNegInt(opts.limit, '--limit');
      const offset = nonNegInt(opts.offset, '--offset') ?? 0;
      if (limit !== undefined && limit > 1000) throw new UserError('--limit must be at most 1000');
      if (opts.sort !== 'relevance' && opts.sort !== 'date') throw new UserError(`--sort must be relevance or date, not "${opts.sort}"`);
      if (opts.type && !/^(PER|ORG|LOC|MISC)$/i.test(opts.type)) throw new UserError(`--type must be PER, ORG, LOC or MISC, not "${opts.type}"`);
      const base: Omit<SearchQuery, 'q'> = {
        limit, offset, from: opts.from, to: opts.to, source: opts.source, entity: opts.entity,
        type: opts.type ? (opts.type.toUpperCase() as SearchQuery['type']) : undefined,
        sort: opts.sort as SearchQuery['sort'], facets: opts.facets !== false,
      };
      if (!opts.batch && !words.length && !opts.from && !opts.to && !opts.source && !opts.entity && !opts.type) {
        throw new UserError('search: give a query (or filters such as --source), or --batch FILE');
      }
      const store = await openDb(opts.db, 'existing');
      try {
        if (opts.batch) {
          // the checks analyze makes: a binary file or invalid UTF-8 is one line, not thousands of garbage queries
          const { text } = readTextInput(opts.batch);
          const lines = text.split(/\r?\n/);
          for (let i = 0; i < lines.length; i++) {
            const line = lines[i];
            if (!line.trim()) continue;
            const tab = line.indexOf('\t');
            const id = tab >= 0 ? line.slice(0, tab).trim() : String(i + 1);
            const q = tab >= 0 ? line.slice(tab + 1) : line;
            let out: Record<string, unknown>;
            try {
              const res = await store.search({ ...base, q });
              out = { id, total: res.total, tookMs: res.tookMs, hits: res.hits, facets: res.facets };
            } catch (err) {
              // one bad query line must not stop the batch
              out = { id, error: err instanceof Error ? err.message.split('\n')[0] : String(err), total: 0, tookMs: 0, hits: [], facets: null };
            }
            process.stdout.write(JSON.stringify(out) + '\n');
          }
          return;
        }
        const res = await runOne(store, { ...base, q: words.join(' ') });
        if (opts.json) {
          const { total, tookMs, hits, facets } = res;
          process.stdout.write(JSON.stringify({ total, tookMs, hits, facets, ...((res as { relaxed?: boolean }).relaxed ? { relaxed: true } : {}) }) + '\n');
        } else {
          process.stdout.write(formatResultText(res, offset, !!process.stdout.isTTY));
        }
      } finally {
        await store.close();
      }
    });
}
