// `marsad serve` as a user runs it: a child process on a fresh database with --demo, answering on loopback,
// refusing writes without MARSAD_TOKEN, stopping cleanly on SIGTERM; and one-line errors for bad options.
import { afterAll, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:net';
import { PACKAGE_ROOT } from '../../src/resources.js';

const tmp = mkdtempSync(join(tmpdir(), 'marsad-serve-'));
// run from the package root so `--import tsx` resolves
const CLI = ['--import', 'tsx', join(PACKAGE_ROOT, 'src', 'cli', 'main.ts')];
const children: ChildProcess[] = [];

afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(tmp, { recursive: true, force: true });
});

/** Waits until the child's stderr announces the address it serves on. */
function servingUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolveUrl, reject) => {
    let err = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      const m = /serving (http:\/\/[^\s]+)/.exec(err);
      if (m) resolveUrl(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${err}`)));
  });
}

it('serves the demo collection on loopback, refuses writes without a token, stops on SIGTERM', async () => {
  const env = { ...process.env, MARSAD_TOKEN: '' };
  const child = spawn(process.execPath, [...CLI, 'serve', '--db', join(tmp, 'demo.db'), '--port', '0', '--demo', '--no-logs'], { env, cwd: PACKAGE_ROOT });
  children.push(child);
  const base = await servingUrl(child);
  expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

  const health = (await (await fetch(`${base}/healthz`)).json()) as { articles: number; writable: boolean };
  expect(health.articles).toBeGreaterThanOrEqual(30);
  expect(health.writable).toBe(false);
  const search = (await (await fetch(`${base}/api/search?q=${encodeURIComponent('ميزانية')}`)).json()) as { total: number };
  expect(search.total).toBeGreaterThan(0);
  const write = await fetch(`${base}/api/ingest`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ articles: [{ text: 'نص' }] }) });
  expect(write.status).toBe(403);
  // raw Arabic bytes in the request line (curl sends them as typed): a one-line reason, not «Client Error»
  const raw = await new Promise<string>((resolve, reject) => {
    const { hostname, port } = new URL(base);
    const sock = connect(Number(port), hostname, () => sock.end(Buffer.from('GET /api/search?q=الكاظمي HTTP/1.1\r\nHost: x\r\n\r\n', 'utf8')));
    let got = '';
    sock.on('data', (d) => (got += d.toString('utf8')));
    sock.on('end', () => resolve(got));
    sock.on('error', reject);
  });
  expect(raw.split('\r\n')[0]).toBe('HTTP/1.1 400 Bad Request');
  expect(raw).toMatch(/must be percent-encoded/);

  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
});

it('bad options are one clear line, not a stack trace', () => {
  const res = spawnSync(process.execPath, [...CLI, 'serve', '--db', join(tmp, 'x.db'), '--port', 'eighty'], { encoding: 'utf8', cwd: PACKAGE_ROOT });
  expect(res.status).not.toBe(0);
  expect(res.stderr.trim()).toBe('marsad: --port: "eighty" is not a port number (0-65535)');
});
