import type { Command } from 'commander';
import { UserError } from '../errors.js';
import { openDb } from '../db.js';

interface ServeOptions {
  db?: string;
  port: string;
  host: string;
  demo?: boolean;
  logs: boolean;
}

/** `marsad serve [--db] [--port 8080] [--host 127.0.0.1] [--demo]`: the JSON API and the web UI. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the HTTP API and the web UI (POST /api/ingest needs MARSAD_TOKEN)')
    .option('--db <path>', 'database file (default $MARSAD_DB or ./marsad-data/marsad.db)')
    .option('--port <n>', 'port to listen on', '8080')
    .option('--host <addr>', 'address to bind (loopback unless told otherwise)', '127.0.0.1')
    .option('--demo', 'load the bundled demo collection when the database is empty')
    .option('--no-logs', 'no request logs')
    .action(async (opts: ServeOptions) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UserError(`--port: "${opts.port}" is not a port number (0-65535)`);
      // imported lazily so other commands do not pay for Fastify
      const { buildServer, loadDemoIfEmpty, webRootIfBuilt } = await import('../../server/index.js');
      const store = await openDb(opts.db, 'create');
      if (opts.demo) {
        const summary = await loadDemoIfEmpty(store);
        if (summary) process.stderr.write(`marsad: loaded the demo collection (${summary.added} articles, ${summary.failed} failed)\n`);
      }
      const token = process.env.MARSAD_TOKEN?.trim() || null;
      const webRoot = webRootIfBuilt();
      const app = await buildServer({ store, token, logger: opts.logs, webRoot });
      try {
        await app.listen({ port, host: opts.host });
      } catch (err) {
        await store.close();
        throw err;
      }
      const address = app.server.address();
      const shown = typeof address === 'object' && address ? `http://${opts.host.includes(':') ? `[${opts.host}]` : opts.host}:${address.port}` : String(address);
      process.stderr.write(
        `marsad: serving ${shown} (store ${store.path})` +
          (webRoot ? '' : ' — web UI not built, run `npm run build`') +
          (token ? '' : ' — write endpoints disabled (no MARSAD_TOKEN)') +
          '\n',
      );
      if (!/^(127\.|::1$|localhost$)/.test(opts.host)) {
        process.stderr.write(`marsad: note: listening on ${opts.host}, not only loopback: anyone who can reach it can read the collection\n`);
      }
      await new Promise<void>((resolveDone) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          app
            .close()
            .then(() => store.close())
            .finally(resolveDone);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });
}
