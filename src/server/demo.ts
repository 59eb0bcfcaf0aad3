/**
 * The bundled demo collection (examples/demo: HTML pages, an RSS feed, JSONL), loaded into an empty store by
 * `marsad serve --demo` / `npm start` so a new user meets a working system at once.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ingestArticles } from '../ingest/index.js';
import { PACKAGE_ROOT } from '../resources.js';
import type { IngestInput, IngestSummary, Store } from '../store/types.js';

export const DEMO_DIR = join(PACKAGE_ROOT, 'examples', 'demo');

/** The demo inputs, each with the outlet name its files stand for. */
export function demoInputs(dir = DEMO_DIR): IngestInput[] {
  return [
    { path: join(dir, 'html'), source: 'الرافدين اليوم' },
    { path: join(dir, 'rss', 'gulf-bulletin.xml'), source: 'نشرة الخليج' },
    { path: join(dir, 'jsonl', 'mashreq-wire.jsonl'), source: 'وكالة المشرق' },
  ];
}

/** Loads the demo collection when the store has no articles; returns null when nothing was done. */
export async function loadDemoIfEmpty(store: Store, dir = DEMO_DIR): Promise<IngestSummary | null> {
  if ((await store.stats()).articles > 0) return null;
  if (!existsSync(dir)) throw new Error(`demo collection not found at ${dir}`);
  return ingestArticles(store, demoInputs(dir));
}
