import type { Command } from 'commander';
import { terminalSafe } from '../terminal.js';
import { UserError } from '../errors.js';
import { openDb } from '../db.js';
import { docToJson, formatDocText } from '../format.js';

export function registerShow(program: Command): void {
  program
    .command('show')
    .description('print one stored article with its analysis layers')
    .argument('<id>', 'article id (as in search results)')
    .option('--db <file>', 'database file (default $MARSAD_DB or ./marsad-data/marsad.db)')
    .option('--json', 'print JSON (the article and its layers)')
    .action(async (id: string, opts: { db?: string; json?: boolean }) => {
      const store = await openDb(opts.db, 'existing');
      try {
        const a = await store.getArticle(id);
        // an id pasted wrong may be anything, a whole text too: the message shows its start
        if (!a) throw new UserError(`no article with id "${id.length > 80 ? id.slice(0, 80) + '…' : id}"`);
        if (opts.json) {
          const { doc, ...meta } = a;
          process.stdout.write(JSON.stringify({ ...meta, layers: docToJson(doc) }, null, 2) + '\n');
          return;
        }
        const head = [
          `id: ${a.id}`,
          `title: ${a.title}`,
          a.source ? `source: ${a.source}` : null,
          a.published ? `published: ${a.published}` : null,
          a.author ? `author: ${a.author}` : null,
          a.place ? `place: ${a.place}` : null,
          a.url ? `url: ${a.url}` : null,
          a.nearDuplicateOf ? `near-duplicate of: ${a.nearDuplicateOf}` : null,
          a.nearDuplicates.length ? `near-duplicates: ${a.nearDuplicates.join(', ')}` : null,
        ].filter(Boolean);
        // the header has the publication date as stored; the day relative dates were read against is its day
        process.stdout.write(terminalSafe(head.join('\n') + '\n\n' + formatDocText(a.doc, { published: false })));
      } finally {
        await store.close();
      }
    });
}
