/**
 * The CLI against what a demanding user brings: outputs that are devices, pipes or a full disk, database paths that
 * are folders or lie under a file, URLs of other schemes, dates in words, a query
 * after «--». Each failure is one line naming what and why, with a non-zero exit; nothing is lost in silence.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/resources.js';
import { builtIsFresh } from '../support/build.js';

const MAIN = join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'main.js');
let dir = '';
let db = '';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI without blocking the test worker (a blocked worker misses vitest's own messages). */
function marsad(args: string[], stdout?: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN, ...args], { cwd: dir, env: { ...process.env, MARSAD_DB: '' }, stdio: ['ignore', stdout ?? 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout?.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ status: code, stdout: out, stderr: err });
    });
  });
}

function expectOneLineError(r: Run, ...mentions: Array<string | RegExp>): void {
  expect(r.status, r.stderr).not.toBe(0);
  expect(r.status, 'finished, not killed by the timeout').not.toBeNull();
  const lines = r.stderr.split('\n').filter((l) => l.trim());
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0].startsWith('marsad:')).toBe(true);
  for (const m of mentions) expect(lines[0]).toMatch(m);
}

// two short articles of our own, with dates as outlets write them
const RECORDS = [
  { id: 'bi-1', title: 'افتتاح جسر', text: 'افتتح محافظ المدينة الجسر الجديد فوق النهر بعد عامين من العمل فيه.', date: '١٤/٨/٢٠٢١' },
  { id: 'bi-2', title: 'موسم الحصاد', text: 'بدأ المزارعون في السهل الشرقي موسم حصاد القمح وسط توقعات بمحصول وفير.', date: '5 ذو الحجة 1442 هـ' },
];

beforeAll(async () => {
  // build unless dist is newer than every source (npm test builds first); other areas may be mid-edit: emit anyway
  if (!builtIsFresh(PACKAGE_ROOT, MAIN)) await new Promise((r) => spawn('npx', ['tsc', '-p', '.'], { cwd: PACKAGE_ROOT, stdio: 'ignore' }).on('close', r));
  if (!existsSync(MAIN)) throw new Error(`build failed: ${MAIN} missing`);
  dir = mkdtempSync(join(tmpdir(), 'marsad-bad-'));
  db = join(dir, 'store', 'm.db');
  writeFileSync(join(dir, 'two.jsonl'), RECORDS.map((r) => JSON.stringify(r)).join('\n') + '\n');
  const r = await marsad(['ingest', '--db', db, '--json', 'two.jsonl']);
  expect(r.status, r.stderr).toBe(0);
}, 300_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('publication dates in words and Arabic-Indic digits', () => {
  it('are stored as calendar days, with no warning', async () => {
    const out = await marsad(['export', '--db', db]);
    const byId = new Map(out.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; published: string | null }).map((a) => [a.id, a.published]));
    expect(byId.get('bi-1')).toBe('2021-08-14');
    expect(byId.get('bi-2')).toBe('2021-07-15');
  });
});

describe('export and search output', () => {
  it('export -o a named pipe writes into the pipe, which stays a pipe (it was renamed over)', async () => {
    const fifo = join(dir, 'pipe');
    if (spawnSync('mkfifo', [fifo]).status !== 0) return; // no mkfifo here
    const reader = spawn('cat', [fifo]);
    let got = '';
    reader.stdout.setEncoding('utf8').on('data', (d: string) => (got += d));
    const closed = new Promise<void>((r) => reader.on('close', () => r()));
    const r = await marsad(['export', '--db', db, '-o', fifo]);
    const timer = setTimeout(() => reader.kill('SIGKILL'), 3000);
    await closed;
    clearTimeout(timer);
    expect(r.status, r.stderr).toBe(0);
    expect(statSync(fifo).isFIFO()).toBe(true);
    expect(got.trim().split('\n')).toHaveLength(RECORDS.length);
  });

  const full = existsSync('/dev/full') && statSync('/dev/full').isCharacterDevice();
  it.skipIf(!full)('export -o a full device fails in one line and leaves the device as it was', async () => {
    expectOneLineError(await marsad(['export', '--db', db, '-o', '/dev/full']), '/dev/full', /no space left/);
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
  });

  it.skipIf(!full)('standard output that cannot be written is an error, not exit status 0', async () => {
    const fd = openSync('/dev/full', 'w');
    try {
      expectOneLineError(await marsad(['search', '--db', db, 'الجسر'], fd), /standard output: cannot write \(no space left/);
      expectOneLineError(await marsad(['export', '--db', db], fd), /standard output/);
    } finally {
      closeSync(fd);
    }
  });

  it('export -o "" is refused', async () => expectOneLineError(await marsad(['export', '--db', db, '-o', '']), '-o'));

  it('a query after «--» is the query, dashes and all', async () => {
    const r = await marsad(['search', '--db', db, '--', '--الجسر']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
  });
});

describe('what an error line quotes', () => {
  it('shows control characters of the input as symbols (an id with ESC recoloured the terminal)', async () => {
    const r = await marsad(['show', '--db', db, 'x\x1b[31my']);
    expectOneLineError(r, 'x␛[31my');
    expect(r.stderr).not.toContain('\x1b');
  });

  it('search --batch refuses a binary file in one line (each garbage line was run as a query)', async () => {
    writeFileSync(join(dir, 'queries.bin'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0xff, 0xfe, 0x0a, 0x41]));
    expectOneLineError(await marsad(['search', '--db', db, '--batch', 'queries.bin']), 'queries.bin', /binary/);
  });
});

describe('database paths', () => {
  it('a folder given as the database is named, for writing and reading commands', async () => {
    expectOneLineError(await marsad(['ingest', '--db', dir, 'two.jsonl']), dir, /is a folder, not a database file/);
    expectOneLineError(await marsad(['search', '--db', dir, 'الجسر']), dir, /is a folder, not a database file/);
  });

  it('a database under a file names that file', async () => {
    expectOneLineError(await marsad(['ingest', '--db', join(dir, 'two.jsonl', 'm.db'), 'two.jsonl']), /two\.jsonl is not a folder/);
  });
});

describe('ingest inputs', () => {
  it('a URL of another scheme fails as such, not as a missing file', async () => {
    const r = await marsad(['ingest', '--db', db, 'ftp://127.0.0.1/news.rss']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('failed: ftp://127.0.0.1/news.rss: not an http(s) URL');
  });
});
