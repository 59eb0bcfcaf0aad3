/** fetchUrl against a loopback server: a page cut short is an error, never a shorter page. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { fetchUrl } from '../../src/ingest/fetch.js';

const PAGE = Buffer.from(`<html><body>${'<p>افتتح الوزير المعرض الدولي للكتاب في دورته الجديدة.</p>'.repeat(400)}</body></html>`);
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const gzipOk = /gzip/.test(String(req.headers['accept-encoding'] ?? ''));
    if (req.url === '/gzip-cut') {
      // a compressed body cut in half: served to whoever accepts gzip (Node's fetch would inflate it leniently)
      if (gzipOk) {
        const gz = gzipSync(PAGE);
        const cut = gz.subarray(0, gz.length >> 1);
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip', 'content-length': cut.length });
        res.end(cut);
      } else {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': PAGE.length });
        res.end(PAGE);
      }
      return;
    }
    if (req.url === '/plain-cut') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': PAGE.length });
      res.write(PAGE.subarray(0, 5000));
      setTimeout(() => res.socket?.destroy(), 20);
      return;
    }
    if (req.url === '/chunked-cut') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.write(PAGE.subarray(0, 5000));
      setTimeout(() => res.socket?.destroy(), 20);
      return;
    }
    if (req.url === '/declared-huge') {
      // a length far past the cap, declared before any byte
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': 64 * 1024 * 1024 });
      res.end();
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

describe('fetchUrl', () => {
  it('asks for the page uncompressed, so a cut compressed body cannot pass for a whole one', async () => {
    const page = await fetchUrl(`${base}/gzip-cut`, 5000);
    expect(page.bytes.length).toBe(PAGE.length);
  });

  it('fails a body cut short of its length or its last chunk, naming the bytes that came', async () => {
    await expect(fetchUrl(`${base}/plain-cut`, 5000)).rejects.toThrow(/^the connection broke after 5000 bytes, before the whole page came/);
    await expect(fetchUrl(`${base}/chunked-cut`, 5000)).rejects.toThrow(/^the connection broke after 5000 bytes/);
  });

  it('says in words what a refused connection or a declared size past the cap is', async () => {
    // a port nothing listens on: one just closed
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', () => r()));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    await expect(fetchUrl(`http://127.0.0.1:${port}/`, 5000)).rejects.toThrow(/^connection refused \(ECONNREFUSED\)$/);
    await expect(fetchUrl(`${base}/declared-huge`, 5000)).rejects.toThrow(/^too large \(64 MB; the limit is 20 MB\)$/);
  });

  it('names an HTTP error status', async () => {
    await expect(fetchUrl(`${base}/nothing`, 5000)).rejects.toThrow(/^HTTP 404/);
  });
});
