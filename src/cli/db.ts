import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UserError } from './errors.js';
import { defaultDbPath, openExistingStore, openStore, type Store } from '../store/index.js';

/**
 * Opens the database for a command: `existing` for the reading commands (none yet is an error, not a new empty
 * file). Every failure is one line naming the file and why: SQLite's own words («unable to open database file»,
 * «attempt to write a readonly database») name neither.
 */
export async function openDb(db: string | undefined, mode: 'create' | 'existing'): Promise<Store> {
  try {
    return await (mode === 'existing' ? openExistingStore(db) : openStore(db));
  } catch (err) {
    throw new UserError(dbProblem(db, err));
  }
}

function dbProblem(db: string | undefined, err: unknown): string {
  const file = db === ':memory:' ? db : resolve(db || defaultDbPath());
  const e = err as NodeJS.ErrnoException;
  const msg = (err instanceof Error ? err.message : String(err)).split('\n')[0];
  if (e?.code === 'EACCES' || e?.code === 'EPERM') return `${file}: cannot create the database here (permission denied: ${e.path ?? dirname(file)})`;
  if (e?.code === 'ENOTDIR' || e?.code === 'EEXIST') return `${file}: cannot create the database here (${e.path ?? dirname(file)} is not a folder)`;
  if (/readonly database|SQLITE_READONLY/i.test(msg) || e?.code?.startsWith('SQLITE_READONLY')) {
    return `${file}: the database is read-only here (its file or folder cannot be written; Marsad needs to write beside it)`;
  }
  if (/unable to open database|SQLITE_CANTOPEN/i.test(msg) || e?.code === 'SQLITE_CANTOPEN') {
    let what = 'cannot open it';
    try {
      if (statSync(file).isDirectory()) what = 'is a folder, not a database file';
      else what = 'cannot open it (permission denied?)';
    } catch {
      what = `cannot create it (is ${dirname(file)} writable?)`;
    }
    return `${file}: ${what}`;
  }
  if (/disk I\/O error|SQLITE_IOERR/i.test(msg)) return `${file}: cannot read or write the database (disk I/O error)`;
  if (/database disk image is malformed|SQLITE_CORRUPT/i.test(msg)) return `${file}: the database is damaged (${msg})`;
  return msg.includes(file) || msg.includes(db ?? '\0') ? msg : `${file}: ${msg}`;
}
