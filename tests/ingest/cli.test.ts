/**
 * End to end through the built CLI (`node dist/src/cli/main.js`): feeds and pages served from a local HTTP
 * server on 127.0.0.1, folders, JSONL, --follow, re-runs, a kill -9 in the middle of an ingest, search --json,
 * --batch, show and export.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';
import { builtIsFresh } from '../support/build.js';

const ROOT = join(__dirname, '..', '..');
const FIX = join(ROOT, 'tests', 'fixtures', 'ingest');
const CLI = join(ROOT, 'dist', 'src', 'cli', 'main.js');
let dir: string;
let server: Server;
let base: string;
/** how many items /feeds/growing.rss lists (a re-run must pick up only the new ones) */
let growing = 2;

/** Runs the CLI without blocking this process (the HTTP server it fetches from lives here). */
function run(args: string[], input?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, MARSAD_DB: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(input ?? '');
  });
}

function growingFeed(n: number): string {
  const items = Array.from({ length: n }, (_, i) => `<item><title>نشرة رقم ${i + 1} عن أسواق الخليج</title><guid>grow-${i + 1}</guid>
    <pubDate>Mon, 0${i + 1} Apr 2019 10:00:00 GMT</pubDate>
    <description>ارتفعت مؤشرات الأسهم في الأسواق الخليجية للمرة ${i + 1} هذا الشهر بدعم من قطاع المصارف وأسعار النفط.</description></item>`);
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>أسواق</title>${items.join('')}</channel></rss>`;
}

beforeAll(async () => {
  // build the CLI unless dist is already newer than every source (npm test builds first); other areas may be
  // mid-edit: emit anyway, then check the entry point exists
  if (!builtIsFresh(ROOT, CLI)) spawnSync('npx', ['tsc', '-p', '.'], { cwd: ROOT, stdio: 'ignore', timeout: 240_000 });
  expect(existsSync(CLI)).toBe(true);
  dir = mkdtempSync(join(tmpdir(), 'marsad-cli-'));
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', base);
    if (url.pathname === '/slow') return; // never answers: --timeout must give up
    if (url.pathname === '/doc.pdf') {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      res.end('%PDF-1.4 خبر في ملف');
      return;
    }
    if (url.pathname === '/cut.gz') {
      res.writeHead(200, { 'content-type': 'application/gzip' });
      res.end(gzipSync(Buffer.from('زار الوزير عمان أمس والتقى نظيره. '.repeat(50))).subarray(0, 40));
      return;
    }
    if (url.pathname === '/feeds/growing.rss') {
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
      res.end(growingFeed(growing));
      return;
    }
    const file = normalize(join(FIX, decodeURIComponent(url.pathname)));
    if (!file.startsWith(FIX) || !existsSync(file) || !/\.(html|rss|atom)$/.test(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    let body: Buffer | string = readFileSync(file);
    if (/\.(rss|atom)$/.test(file)) body = body.toString('utf8').replaceAll('{{BASE}}', base);
    // no charset in the header: the page's own declaration must decide (windows-1256 page)
    res.writeHead(200, { 'content-type': file.endsWith('.html') ? 'text/html' : 'application/xml' });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 300_000);

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('one bad input among good ones', () => {
  it('fails that input with its name and why, stores the others, and replaces a stray bad byte with a warning', async () => {
    const db = join(dir, 'mixed.db');
    const deep = join(dir, 'deep.html');
    writeFileSync(deep, `<html><body>${'<div>'.repeat(3000)}نص عميق جدا في صفحة غريبة البنية${'</div>'.repeat(3000)}</body></html>`);
    const good = join(dir, 'good.txt');
    writeFileSync(good, 'زيارة رسمية\nزار وزير الخارجية عمان أمس والتقى نظيره لبحث التعاون بين البلدين.\n');
    const stray = join(dir, 'stray.txt');
    writeFileSync(stray, Buffer.concat([Buffer.from('قمة ثلاثية\nعقد القادة قمة في بغداد '), Buffer.from([0xff]), Buffer.from(' وبحثوا مشروعات الطاقة والنقل.\n')]));
    const t0 = Date.now();
    const r = await run(['ingest', deep, `${base}/doc.pdf`, `${base}/cut.gz`, good, stray, '--json', '--db', db, '--timeout', '5']);
    expect(Date.now() - t0).toBeLessThan(60_000);
    expect(r.code).toBe(0); // some stored: failures are reported, not fatal
    const s = JSON.parse(r.stdout);
    expect(s.added).toBe(2);
    const why = Object.fromEntries(s.failures.map((f: { where: string; reason: string }) => [f.where.replace(dir, '').replace(base, ''), f.reason]));
    expect(why['/deep.html']).toMatch(/nested 3\d{3} elements deep/);
    expect(why['/doc.pdf']).toMatch(/not a news page or feed \(application\/pdf\)/);
    expect(why['/cut.gz']).toMatch(/cannot gunzip/);
    expect(s.warnings.find((w: { where: string }) => w.where.endsWith('stray.txt')).reason).toMatch(/1 invalid UTF-8 byte sequence replaced/);
    const shown = JSON.parse((await run(['search', 'بغداد', '--json', '--db', db])).stdout);
    expect(shown.hits[0].title).toBe('قمة ثلاثية');
  });
});

describe('ingest from URLs', () => {
  it('ingests an RSS feed URL, following item links for the full text', async () => {
    const db = join(dir, 'feed.db');
    const r = (await run(['ingest', `${base}/feeds/news.rss`, '--follow', '--json', '--db', db, '--timeout', '5']));
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s).toMatchObject({ read: 3, added: 3, failed: 0 });
    // two item links are 404: the feed's own text is used, with a warning
    expect(s.warnings).toHaveLength(2);
    expect(s.warnings[0].reason).toMatch(/HTTP 404/);
    const found = JSON.parse((await run(['search', 'ضيف الشرف', '--json', '--db', db])).stdout);
    expect(found.total).toBe(1); // only in the followed page, not in the feed's summary
    expect(found.hits[0].url).toBe(`${base}/feeds/linked/riyadh-book-fair.html`);
  });
  it('ingests an Atom feed and HTML pages, decoding windows-1256', async () => {
    const db = join(dir, 'pages.db');
    const r = (await run(['ingest', `${base}/feeds/news.atom`, `${base}/pages/beirut-budget-1256.html`, `${base}/pages/water-talks.html`, '--json', '--db', db]));
    const s = JSON.parse(r.stdout);
    expect(s).toMatchObject({ read: 4, added: 4, failed: 0 });
    const hit = JSON.parse((await run(['search', 'موازنه', '--json', '--db', db])).stdout).hits[0];
    expect(hit.title).toBe('الحكومة اللبنانية تقر موازنة العام المقبل');
    const again = JSON.parse((await run(['ingest', `${base}/feeds/news.atom`, `${base}/pages/water-talks.html`, '--json', '--db', db])).stdout);
    expect(again).toMatchObject({ added: 0, skippedInputs: 3 });
  });
  it('picks up only the new items of a feed on a re-run', async () => {
    const db = join(dir, 'grow.db');
    growing = 2;
    expect(JSON.parse((await run(['ingest', `${base}/feeds/growing.rss`, '--json', '--db', db])).stdout)).toMatchObject({ added: 2 });
    growing = 3;
    const again = JSON.parse((await run(['ingest', `${base}/feeds/growing.rss`, '--json', '--db', db])).stdout);
    expect(again).toMatchObject({ read: 1, added: 1, skippedInputs: 2 });
  });
  it('reports an unreachable or slow URL in one line and carries on', async () => {
    const db = join(dir, 'bad.db');
    const r = (await run(['ingest', `${base}/slow`, `${base}/nothing-here.html`, `${base}/pages/water-talks.html`, '--timeout', '1', '--db', db]));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/added 1/);
    expect(r.stdout).toMatch(/failed: .*\/slow: timed out after 1 s/);
    expect(r.stdout).toMatch(/failed: .*nothing-here\.html: HTTP 404/);
  });
});

describe('ingest, search, show, export from files', () => {
  let db: string;
  beforeAll(async () => {
    db = join(dir, 'files.db');
    const r = (await run(['ingest', join(FIX, 'pages'), join(FIX, 'texts'), join(FIX, 'jsonl'), '--json', '--db', db]));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ read: 14, added: 11, duplicates: 1, nearDuplicates: 1, failed: 2 });
  });
  it('prints a human summary naming each failure', async () => {
    const r = (await run(['ingest', join(FIX, 'jsonl', 'articles.jsonl'), '--db', join(dir, 'human.db')]));
    expect(r.stdout).toMatch(/^added 5 \(near-duplicates 1\), duplicates skipped 1, failed 2/);
    expect(r.stdout).toMatch(/failed: .*articles\.jsonl:5: invalid JSON line/);
  });
  it('search --json has the documented shape', async () => {
    const r = (await run(['search', 'وبالمستثمرين', '--json', '--db', db]));
    expect(r.code).toBe(0);
    const res = JSON.parse(r.stdout);
    expect(Object.keys(res)).toEqual(['total', 'tookMs', 'hits', 'facets']);
    expect(res.total).toBe(2);
    for (const key of ['id', 'title', 'url', 'source', 'published', 'score', 'snippet', 'highlights']) expect(res.hits[0]).toHaveProperty(key);
    expect(Object.keys(res.facets).sort()).toEqual(['entities', 'months', 'sources']);
    expect(res.facets.months).toEqual([{ value: '2021-02', label: '2021-02', count: 2 }]);
  });
  it('search filters from options and from the query agree', async () => {
    const a = JSON.parse((await run(['search', 'المستثمرين', '--to', '2021-02-08', '--json', '--db', db])).stdout);
    const b = JSON.parse((await run(['search', 'المستثمرين to:2021-02-08', '--json', '--db', db])).stdout);
    expect(a.hits.map((h: { id: string }) => h.id)).toEqual(['j-002']);
    expect(b.hits.map((h: { id: string }) => h.id)).toEqual(['j-002']);
    const c = JSON.parse((await run(['search', 'الطاقة', '--source', 'wam', '--json', '--db', db])).stdout);
    expect(c.hits.map((h: { id: string }) => h.id)).toEqual(['j-001']);
    // a dashed Arabic word is an exclusion of the query, not an option; a mistyped option is still an error
    const d = JSON.parse((await run(['search', 'الطاقة', '-source:wam', '--json', '--db', db])).stdout);
    expect(d.hits.map((h: { id: string }) => h.id)).not.toContain('j-001');
    const e = await run(['search', 'الطاقة', '-الإمارات', '--json', '--db', db]);
    expect(e.code).toBe(0);
    const typo = await run(['search', 'الطاقة', '--limt', '3', '--db', db]);
    expect(typo.code).not.toBe(0);
    expect(typo.stderr).toMatch(/unknown option '--limt'/);
  });
  it('--batch answers one JSON line per query, with ids, in one process', async () => {
    const qfile = join(dir, 'queries.txt');
    writeFileSync(qfile, 'q1\tالامارات\nq2\t"الطاقة المتجددة"\n\nمستشفي\nq4\tfrom:2030 اي شيء\nbad\tfrom:2018-13\n');
    const r = (await run(['search', '--batch', qfile, '--limit', '3', '--db', db]));
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['q1', 'q2', '4', 'q4', 'bad']);
    expect(lines[0].hits.map((h: { id: string }) => h.id)).toContain('j-001');
    expect(lines[1].total).toBe(1);
    expect(lines[2].total).toBe(2);
    expect(lines[3].total).toBe(0);
    expect(lines[4].error).toMatch(/month 13/);
    const viaStdin = (await run(['search', '--batch', '-', '--db', db], 'x\tاسامه\n'));
    expect(JSON.parse(viaStdin.stdout).hits[0].id).toBe('j-008');
  });
  it('show prints one article with its layers', async () => {
    const r = (await run(['show', 'j-008', '--json', '--db', db]));
    const a = JSON.parse(r.stdout);
    expect(a).toMatchObject({ id: 'j-008', source: 'oman-daily', published: '2022-05-10' });
    expect(a.layers.tokens.length).toBeGreaterThan(10);
    const text = (await run(['show', 'j-008', '--db', db])).stdout;
    expect(text).toMatch(/^id: j-008\ntitle: مستشفى جديد/);
    expect(text.match(/^published:/gm)).toHaveLength(1);
    const missing = (await run(['show', 'nope', '--db', db]));
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toBe('marsad: no article with id "nope"\n');
    const long = (await run(['show', 'x'.repeat(5000), '--db', db]));
    expect(long.stderr).toBe(`marsad: no article with id "${'x'.repeat(80)}…"\n`);
  });
  it('export streams JSON Lines and CSV', async () => {
    const jl = (await run(['export', 'المستثمرين', '--db', db])).stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(jl.map((a) => a.id).sort()).toEqual(['j-002', 'j-004']);
    expect(jl[0].text.length).toBeGreaterThan(100);
    const csv = (await run(['export', '--format', 'csv', '--source', 'wam', '--db', db])).stdout;
    const [head, row] = csv.replace(/^\ufeff/, '').split('\r\n');
    expect(head).toBe('id,title,url,source,published,author,place,category,near_duplicate_of,entities,text');
    expect(row.startsWith('j-001,الإمارات توقّع اتفاقية للطاقة المتجددة مع فرنسا,https://example.org/wam/1,wam,2021-01-20,')).toBe(true);
  });
  it('names the line a cut .jsonl.gz stops at, keeps the lines before it; warns of an empty feed', async () => {
    const file = join(dir, 'cut.jsonl.gz');
    const lines = Array.from({ length: 200 }, (_, i) => JSON.stringify({ id: `c-${i}`, text: `خبر رقم ${i} عن افتتاح مشروع جديد للطاقة في مدينة العقبة بكلفة ${i + 10} مليون دينار.` }));
    const gz = gzipSync(Buffer.from(lines.join('\n') + '\n'));
    writeFileSync(file, gz.subarray(0, Math.floor(gz.length * 0.6)));
    const s = JSON.parse((await run(['ingest', file, '--json', '--db', join(dir, 'cut.db')])).stdout);
    expect(s.failures).toHaveLength(1);
    const at = Number(/:(\d+)$/.exec(s.failures[0].where)![1]);
    expect(s.failures[0].reason).toMatch(new RegExp(`cannot read on .*the ${at - 1} lines before were read`));
    expect(s.added).toBe(at - 1);
    const feed = join(dir, 'empty.rss');
    writeFileSync(feed, '<?xml version="1.0"?><rss version="2.0"><channel><title>لا شيء</title></channel></rss>');
    const f = JSON.parse((await run(['ingest', feed, '--json', '--db', join(dir, 'cut.db')])).stdout);
    expect(f.warnings.map((w: { reason: string }) => w.reason)).toEqual(['the feed has no items']);
  });
  it('reads JSON Lines saved as UTF-16 with a byte order mark', async () => {
    const file = join(dir, 'u16.jsonl');
    const lines = [{ id: 'u-1', text: 'زار الوزير عمان أمس والتقى نظيره لبحث التعاون.' }, { id: 'u-2', text: 'عقد المجلس اجتماعا في بغداد لبحث أزمة المياه.' }];
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lines.map((l) => JSON.stringify(l)).join('\n') + '\n', 'utf16le')]));
    const s = JSON.parse((await run(['ingest', file, '--json', '--db', join(dir, 'u16.db')])).stdout);
    expect(s).toMatchObject({ added: 2, failed: 0 });
  });
  it('stores an unreadable publication date as none, and says so', async () => {
    const file = join(dir, 'dates.jsonl');
    writeFileSync(file, [
      { id: 'd-1', text: 'زار الوزير عمان أمس والتقى نظيره لبحث التعاون بين البلدين.', published: '2018/02/30' },
      { id: 'd-2', text: 'عقد المجلس اجتماعا طارئا في بغداد لبحث أزمة المياه في المحافظات.', published: 1 },
      { id: 'd-3', text: 'افتتحت الحكومة مستشفى جديدا في الكويت بسعة ثلاثمئة سرير.', published: '2019-09-30' },
    ].map((o) => JSON.stringify(o)).join('\n') + '\n');
    const r = await run(['ingest', file, '--json', '--db', join(dir, 'dates.db')]);
    const s = JSON.parse(r.stdout);
    expect(s.added).toBe(3);
    expect(s.warnings.map((w: { reason: string }) => w.reason)).toEqual([
      'publication date "2018/02/30" is no calendar date: stored without one',
    ]);
  });
  it('prints no control character of an article to the terminal', async () => {
    const file = join(dir, 'esc.jsonl');
    const esc = '\x1b]0;PWNED\x07\x1b[2J';
    writeFileSync(file, JSON.stringify({ id: 'esc-1', title: `عنوان ${esc}خبير`, text: `زار الوزير عمان أمس ${esc} والتقى نظيره لبحث التعاون.`, published: '2021-01-01' }) + '\n');
    const escDb = join(dir, 'esc.db');
    expect((await run(['ingest', file, '--db', escDb])).code).toBe(0);
    for (const args of [['show', 'esc-1'], ['search', 'الوزير'], ['analyze', '--format', 'text', file]]) {
      const r = await run([...args, ...(args[0] === 'analyze' ? [] : ['--db', escDb])]);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout, args.join(' ')).not.toMatch(/[\x07\x1b]/);
    }
    expect((await run(['show', 'esc-1', '--db', escDb])).stdout).toContain('␛]0;PWNED␇');
  });
  it('export -o replaces the file only when complete, and says why it cannot write', async () => {
    const out = join(dir, 'keep.jsonl');
    const first = await run(['export', '-o', out, '--db', db]);
    expect(first.code).toBe(0);
    expect(first.stderr).toBe('');
    const before = readFileSync(out, 'utf8');
    expect(before.split('\n').length).toBeGreaterThan(5);
    const bad = await run(['export', 'from:2023-02-30', '-o', out, '--db', db]);
    expect(bad.code).not.toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(before); // the old export is still there
    for (const [target, why] of [[join(dir, 'no-such-folder', 'x.csv'), /cannot write \(no such folder\)/], [dir, /is a directory/]] as const) {
      const r = await run(['export', '-o', target, '--db', db]);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(why);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(readdirSync(dir).filter((f) => f.endsWith('.part'))).toEqual([]);
  });
  it('bad input gives one line on stderr and a non-zero exit', async () => {
    for (const args of [
      ['search', 'x', '--from', '2018-13', '--db', db],
      ['search', 'x', '--limit', 'many', '--db', db],
      ['search', 'x', '--db', join(dir, 'missing.db')],
      ['export', '--format', 'xml', '--db', db],
      ['events', '--type', 'FOO', '--db', db],
      ['search', 'x', '--from', '2024', '--to', '2023', '--db', db],
      ['ingest', join(dir, 'no-such-folder'), '--db', join(dir, 'x.db')],
    ]) {
      const r = await run(args);
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.stderr + r.stdout).not.toMatch(/\n\s+at /); // no stack trace
      if (r.stderr) expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});

describe('a killed ingest', () => {
  it('loses nothing committed and resumes without duplicates after kill -9', async () => {
    const N = 400;
    const cities = ['عمّان', 'الرياض', 'الدوحة', 'مسقط', 'تونس', 'الرباط', 'بغداد', 'الكويت'];
    const topics = ['المياه', 'الكهرباء', 'النقل', 'التعليم', 'الصحة', 'الزراعة', 'السياحة', 'الإسكان'];
    const lines = Array.from({ length: N }, (_, i) =>
      JSON.stringify({
        id: `k-${i}`,
        title: `مشروع ${topics[i % 8]} رقم ${i} في ${cities[(i * 3) % 8]}`,
        text: `أعلنت وزارة ${topics[i % 8]} في ${cities[(i * 3) % 8]} إطلاق المشروع رقم ${i} بكلفة ${i * 7 + 11} مليون دولار، على أن ينجز خلال ${(i % 5) + 2} سنوات بمشاركة شركات محلية.`,
        date: `2019-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`,
        source: 'synthetic',
      }),
    );
    const file = join(dir, 'many.jsonl');
    writeFileSync(file, lines.join('\n') + '\n');
    const db = join(dir, 'killed.db');
    const count = () => {
      if (!existsSync(db)) return 0;
      try {
        const d = new Database(db, { readonly: true });
        try {
          return (d.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
        } finally {
          d.close();
        }
      } catch {
        return 0; // not created yet
      }
    };
    // with analysis worker threads: batches in flight in the workers are lost with the process, never half-stored
    const child: ChildProcess = spawn(process.execPath, [CLI, 'ingest', file, '--batch-size', '10', '--workers', '2', '--db', db], { stdio: 'ignore' });
    let exited = false;
    child.on('exit', () => (exited = true));
    let seen = 0;
    for (let i = 0; i < 600 && !exited; i++) {
      seen = count();
      if (seen >= 30) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    child.kill('SIGKILL');
    await new Promise((r) => (exited ? r(null) : child.once('exit', r)));
    const afterKill = count();
    expect(afterKill).toBeGreaterThanOrEqual(seen); // what was visible as committed survives
    expect(afterKill).toBeLessThan(N); // really killed in the middle
    const r = (await run(['ingest', file, '--json', '--db', db]));
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.added + s.duplicates).toBe(N);
    expect(s.added).toBe(N - afterKill);
    const d = new Database(db, { readonly: true });
    const ids = d.prepare('SELECT id FROM articles').pluck().all() as string[];
    d.close();
    expect(ids.length).toBe(N);
    expect(new Set(ids).size).toBe(N);
    expect(ids.every((id) => /^k-\d+$/.test(id))).toBe(true);
  });
});
