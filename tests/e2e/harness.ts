// E2E harness: builds the web UI when stale, starts `marsad serve` in-process on loopback with the demo
// collection in a fresh database, and drives Debian's Chromium through playwright-core.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type BrowserContext } from 'playwright-core';
import { PACKAGE_ROOT } from '../../src/resources.js';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/types.js';
import { buildServer, loadDemoIfEmpty, WEB_ROOT } from '../../src/server/index.js';

export const CHROMIUM = process.env.MARSAD_CHROMIUM || '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);
export const SCREENSHOTS = join(PACKAGE_ROOT, 'test-output', 'screenshots');
export const TOKEN = 'e2e-token';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Runs the Vite build unless dist/web is newer than every file under web/. */
export async function ensureWebBuilt(): Promise<void> {
  const index = join(WEB_ROOT, 'index.html');
  const webDir = join(PACKAGE_ROOT, 'web');
  if (existsSync(index) && statSync(index).mtimeMs >= newestMtime(webDir)) return;
  const { build } = await import('vite');
  await build({ configFile: join(webDir, 'vite.config.ts'), logLevel: 'error' });
}

/** The stored id of a demo article (HTML and RSS items get ids from the store), found by its exact title. */
export async function idByTitle(store: Store, title: string): Promise<string> {
  const result = await store.search({ q: `"${title}"`, limit: 20, facets: false });
  const hit = result.hits.find((h) => h.title === title);
  if (!hit) throw new Error(`demo article not found: ${title}`);
  return hit.id;
}

export interface Running {
  store: Store;
  app: FastifyInstance;
  base: string;
  context: BrowserContext;
  close(): Promise<void>;
}

export async function start(): Promise<Running> {
  await ensureWebBuilt();
  mkdirSync(SCREENSHOTS, { recursive: true });
  const tmp = mkdtempSync(join(tmpdir(), 'marsad-e2e-'));
  const store = await openStore(join(tmp, 'e2e.db'));
  const demo = await loadDemoIfEmpty(store);
  if (!demo || demo.read < 34 || demo.failed > 0) throw new Error(`demo collection did not load (${JSON.stringify(demo?.failures ?? demo)})`);
  const app = await buildServer({ store, token: TOKEN, logger: false, webRoot: WEB_ROOT });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no TCP address');
  const base = `http://127.0.0.1:${address.port}`;
  const context = await chromium.launchPersistentContext(join(tmp, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
    locale: 'ar',
    timezoneId: 'UTC',
  });
  return {
    store,
    app,
    base,
    context,
    async close() {
      await context.close().catch(() => undefined);
      await app.close();
      await store.close();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}
