import type { Command } from 'commander';
import { terminalSafe } from '../terminal.js';
import { UserError } from '../errors.js';
import { openDb } from '../db.js';
import type { EntityQuery, EntitySummary, Store } from '../../store/index.js';

interface EntitiesOpts {
  db?: string;
  type?: string;
  from?: string;
  to?: string;
  sort?: string;
  limit?: string;
  offset?: string;
  json?: boolean;
  roles?: boolean;
}

const RLE = '\u202B';
const PDF = '\u202C';
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const SORTS = ['mentions', 'articles', 'name', 'recent'];

function count(v: string | undefined, name: string, max: number): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > max) throw new UserError(`${name} must be a whole number from 0 to ${max}, not "${v}"`);
  return n;
}

export type EntityWithRoles = EntitySummary;

/** Canonical entities with their aliases, mention counts and (unless --no-roles) the roles seen for them. */
export async function listEntitiesWithRoles(store: Store, query: EntityQuery, withRoles: boolean): Promise<{ total: number; entities: EntityWithRoles[] }> {
  return store.listEntities({ ...query, withRoles });
}

export function formatEntities(res: { total: number; entities: EntityWithRoles[] }, offset: number): string {
  const out = [`${res.total} entit${res.total === 1 ? 'y' : 'ies'}`];
  res.entities.forEach((e, i) => {
    const seen = [e.firstSeen?.slice(0, 10), e.lastSeen?.slice(0, 10)].filter(Boolean).join(' – ');
    out.push('');
    out.push(`${offset + i + 1}. ${e.type.padEnd(4)} ${RLE}${e.name}${PDF}  (${e.mentions} mention${e.mentions === 1 ? '' : 's'} in ${e.articleCount} article${e.articleCount === 1 ? '' : 's'}${seen ? `, ${seen}` : ''})`);
    out.push(`   id: ${e.id}`);
    const aliases = e.aliases.filter((a) => a !== e.name);
    if (aliases.length) out.push(`   aliases: ${RLE}${aliases.slice(0, 8).join('، ')}${PDF}${aliases.length > 8 ? ` (+${aliases.length - 8})` : ''}`);
    for (const r of (e.roles ?? []).slice(0, 4)) {
      const when = [r.firstSeen?.slice(0, 10), r.lastSeen?.slice(0, 10)].filter(Boolean);
      out.push(`   role: ${RLE}${r.title}${r.of ? ' — ' + r.of : ''}${PDF} ×${r.count}${when.length ? ` (${[...new Set(when)].join(' – ')})` : ''}`);
    }
  });
  return out.join('\n') + '\n';
}

export function registerEntities(program: Command): void {
  program
    .command('entities')
    .description('list canonical entities (people, organizations, places) with aliases, roles and mention counts')
    .argument('[name]', 'only entities whose name (any spelling) starts with this')
    .option('--db <file>', 'database file (default $MARSAD_DB or ./marsad-data/marsad.db)')
    .option('--type <type>', 'PER, ORG, LOC or MISC')
    .option('--from <date>', 'mentioned in articles published on or after (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--to <date>', 'mentioned in articles published on or before')
    .option('--sort <order>', `${SORTS.join(', ')}`, 'mentions')
    .option('--limit <n>', 'entities to list (at most 1000; 0: none, the total only)', '50')
    .option('--offset <n>', 'entities to skip', '0')
    .option('--no-roles', 'skip the roles (faster)')
    .option('--json', 'print {"total","entities"} as JSON')
    .action(async (name: string | undefined, opts: EntitiesOpts) => {
      const type = opts.type?.toUpperCase();
      if (type && !/^(PER|ORG|LOC|MISC)$/.test(type)) throw new UserError(`--type must be PER, ORG, LOC or MISC, not "${opts.type}"`);
      if (opts.sort && !SORTS.includes(opts.sort)) throw new UserError(`--sort must be one of ${SORTS.join(', ')}, not "${opts.sort}"`);
      for (const [flag, v] of [['--from', opts.from], ['--to', opts.to]] as const) {
        if (v !== undefined && !DATE.test(v)) throw new UserError(`${flag} must be YYYY, YYYY-MM or YYYY-MM-DD, not "${v}"`);
      }
      const limit = count(opts.limit, '--limit', 1000);
      const offset = count(opts.offset, '--offset', 1e9) ?? 0;
      const query: EntityQuery = {
        q: name, type: type as EntityQuery['type'], from: opts.from, to: opts.to,
        sort: opts.sort as EntityQuery['sort'], limit, offset,
      };
      const store = await openDb(opts.db, 'existing');
      try {
        let res;
        try {
          res = await listEntitiesWithRoles(store, query, opts.roles !== false);
        } catch (err) {
          if (err instanceof Error && err.name === 'QueryError') throw new UserError(err.message);
          throw err;
        }
        process.stdout.write(opts.json ? JSON.stringify(res) + '\n' : terminalSafe(formatEntities(res, offset)));
      } finally {
        await store.close();
      }
    });
}
