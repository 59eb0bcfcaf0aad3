/**
 * Store entry point: `openStore(path?)` opens (creating and migrating when needed) the embedded SQLite store.
 * Path: the argument, else $MARSAD_DB, else ./marsad-data/marsad.db (relative to the working directory).
 */
import { resolve } from 'node:path';
import type { Store } from './types.js';

export * from './types.js';

export const DEFAULT_DB_PATH = './marsad-data/marsad.db';

export function defaultDbPath(): string {
  return process.env.MARSAD_DB || DEFAULT_DB_PATH;
}

export interface OpenStoreOptions {
  /** open read-only (no migrations, no writes); fails when the file does not exist */
  readonly?: boolean;
}

export async function openStore(path?: string | null, options: OpenStoreOptions = {}): Promise<Store> {
  const file = path === ':memory:' ? ':memory:' : resolve(path || defaultDbPath());
  const { SqliteStore } = await import('./sqlite.js');
  return SqliteStore.open(file, options);
}

/**
 * Opens a store that must already exist (for reading commands): a clear one-line error when there is none yet,
 * instead of silently creating an empty database.
 */
export async function openExistingStore(path?: string | null): Promise<Store> {
  const file = path === ':memory:' ? ':memory:' : resolve(path || defaultDbPath());
  const { existsSync } = await import('node:fs');
  if (file !== ':memory:' && !existsSync(file)) {
    throw new Error(`no database at ${file} (add news with "marsad ingest" first, or pass --db)`);
  }
  return openStore(file);
}
