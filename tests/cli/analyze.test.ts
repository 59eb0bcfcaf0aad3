/**
 * End-to-end tests of `marsad analyze` through the built CLI (node dist/src/cli/main.js).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/resources.js';

const MAIN = join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'main.js');
const SEED = join(PACKAGE_ROOT, '..', 'shared', 'seed', 'elaph-kadhimi-kuwait.txt');
let dir = '';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function marsad(args: string[], input?: string | Buffer, timeout = 60_000): Run {
  const r = spawnSync(process.execPath, [MAIN, ...args], { input, encoding: 'utf8', timeout, maxBuffer: 512 * 1024 * 1024, cwd: PACKAGE_ROOT });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/** The same, without blocking the test worker (for the long run). */
function marsadAsync(args: string[], timeout: number): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [MAIN, ...args], { cwd: PACKAGE_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdoutTail = '';
    let stderr = '';
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, timeout);
    // keep only the end of stdout: the large run's output is not held in memory
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdoutTail = (stdoutTail + d).slice(-4096)));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ status: killed ? null : code, stdout: stdoutTail, stderr });
    });
  });
}

/** A bad input: non-zero exit, exactly one line on stderr starting "marsad:", no stack trace. */
function expectOneLineError(r: Run, mentions?: string): void {
  expect(r.status, r.stderr).not.toBe(0);
  expect(r.status).not.toBeNull(); // finished, not killed by the timeout
  const lines = r.stderr.split('\n').filter((l) => l.trim() !== '');
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0].startsWith('marsad:')).toBe(true);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  if (mentions) expect(lines[0]).toContain(mentions);
}

// Our own example text: a title line, two paragraphs, a heading between them, numbers in several scripts.
const ARTICLE = [
  'وزير الطاقة يزور القاهرة',
  '',
  'وصل وزير الطاقة الأردني إلى القاهرة صباح الأحد في زيارة تستمر يومين. وقال د. سامي الخطيب إن الجانبين سيبحثان ربط الشبكتين الكهربائيتين.',
  '',
  'تعاون إقليمي',
  '',
  'وبلغت قيمة المشاريع المشتركة ١٬٢٥٠ مليون دولار، بنمو ٢٫٥٪ عن العام الماضي؟ نعم، وفق بيان نُشر في 28.8.2021.',
].join('\n');

beforeAll(() => {
  // build once (other areas may be mid-edit: compile errors elsewhere still emit our files)
  spawnSync('npx', ['tsc', '-p', '.'], { cwd: PACKAGE_ROOT, encoding: 'utf8', timeout: 240_000 });
  if (!existsSync(MAIN)) throw new Error(`build failed: ${MAIN} missing`);
  dir = mkdtempSync(join(tmpdir(), 'marsad-cli-'));
}, 300_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('marsad analyze: output', () => {
  it('prints the JSON document with sentences and tokens whose offsets point into the text', () => {
    const file = join(dir, 'article.txt');
    writeFileSync(file, ARTICLE);
    const r = marsad(['analyze', file, '--published', '2021-08-30']);
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as {
      text: string;
      published: string | null;
      sentences: Array<{ start: number; end: number; heading?: boolean }>;
      tokens: Array<{ start: number; end: number; text: string; kind: string; norm: string; stem: string }>;
    };
    expect(doc.text).toBe(ARTICLE);
    expect(doc.published).toBe('2021-08-30');
    const sentences = doc.sentences.map((s) => doc.text.slice(s.start, s.end));
    expect(sentences).toEqual([
      'وزير الطاقة يزور القاهرة',
      'وصل وزير الطاقة الأردني إلى القاهرة صباح الأحد في زيارة تستمر يومين.',
      'وقال د. سامي الخطيب إن الجانبين سيبحثان ربط الشبكتين الكهربائيتين.',
      'تعاون إقليمي',
      'وبلغت قيمة المشاريع المشتركة ١٬٢٥٠ مليون دولار، بنمو ٢٫٥٪ عن العام الماضي؟',
      'نعم، وفق بيان نُشر في 28.8.2021.',
    ]);
    expect(doc.sentences.map((s) => s.heading === true)).toEqual([true, false, false, true, false, false]);
    for (const t of doc.tokens) {
      expect(Object.keys(t)).toEqual(expect.arrayContaining(['start', 'end', 'text', 'norm', 'stem']));
      expect(doc.text.slice(t.start, t.end)).toBe(t.text);
    }
    const byText = new Map(doc.tokens.map((t) => [t.text, t]));
    expect(byText.get('١٬٢٥٠')).toMatchObject({ kind: 'number', norm: '1,250' });
    expect(byText.get('٢٫٥٪')).toMatchObject({ kind: 'number', norm: '2.5%' });
    expect(byText.get('28.8.2021')).toMatchObject({ kind: 'number' });
    expect(byText.get('الأردني')).toMatchObject({ norm: 'الاردني', stem: 'اردن' });
    expect(byText.get('نُشر')).toMatchObject({ norm: 'نشر' });
    expect(byText.get('الكهربائيتين')?.stem).toBe(byText.get('الكهربائيتين')?.stem); // present
    // later layers are arrays in the same object
    for (const key of ['entities', 'times', 'amounts', 'events']) expect(Array.isArray((doc as unknown as Record<string, unknown>)[key])).toBe(true);
  });

  it('reads standard input with - and without a file argument', () => {
    const a = marsad(['analyze', '-'], 'جملة قصيرة. وأخرى بعدها.');
    expect(a.status, a.stderr).toBe(0);
    expect(JSON.parse(a.stdout).sentences).toHaveLength(2);
    const b = marsad(['analyze'], 'جملة قصيرة. وأخرى بعدها.');
    expect(b.status, b.stderr).toBe(0);
    expect(JSON.parse(b.stdout).tokens.length).toBe(JSON.parse(a.stdout).tokens.length);
  });

  it('--format text prints each sentence on its own line', () => {
    const file = join(dir, 'article-text.txt');
    writeFileSync(file, ARTICLE);
    const r = marsad(['analyze', file, '--format', 'text']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('تعاون إقليمي');
    expect(r.stdout).toMatch(/\[1\].*وزير الطاقة يزور القاهرة/);
    expect(r.stdout).toMatch(/\[6\].*نعم، وفق بيان/);
    expect(() => JSON.parse(r.stdout)).toThrow();
  });

  it('an unknown --format is one line of error', () => {
    const file = join(dir, 'fmt.txt');
    writeFileSync(file, 'نص.');
    expectOneLineError(marsad(['analyze', file, '--format', 'xml']), 'format');
  });

  it('a malformed --published date is one line of error', () => {
    const file = join(dir, 'pub.txt');
    writeFileSync(file, 'نص.');
    expectOneLineError(marsad(['analyze', file, '--published', '14/08/2021']), 'published');
  });
});

describe('marsad: help and version', () => {
  it('--help lists the analyze command', () => {
    const r = marsad(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('analyze');
  });

  it('analyze --help describes its options', () => {
    const r = marsad(['analyze', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('--published');
    expect(r.stdout).toContain('--format');
  });

  it('--version prints the package version', () => {
    const { version } = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
    const r = marsad(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(version);
  });
});

describe('marsad analyze: bad input gets one line, never a stack trace', () => {
  it('missing file', () => expectOneLineError(marsad(['analyze', join(dir, 'no-such-file.txt')]), 'no-such-file.txt'));

  it('directory', () => {
    const d = join(dir, 'a-directory');
    mkdirSync(d, { recursive: true });
    expectOneLineError(marsad(['analyze', d]), 'a-directory');
  });

  it('invalid UTF-8', () => {
    const file = join(dir, 'latin1.txt');
    writeFileSync(file, Buffer.concat([Buffer.from('قال ', 'utf8'), Buffer.from([0xe9, 0xe8, 0x20, 0xff, 0xfe, 0x41])]));
    expectOneLineError(marsad(['analyze', file]), 'latin1.txt');
  });

  it('Arabic in windows-1256, the legacy encoding ingest reads too, is text', () => {
    const file = join(dir, 'cp1256.txt');
    // «زار الرئيس بغداد» in windows-1256 (ز 0xD2, ا 0xC7, ر 0xD1, space, ا ل ر ئ ي س, space, ب غ د ا د)
    writeFileSync(file, Buffer.from([0xd2, 0xc7, 0xd1, 0x20, 0xc7, 0xe1, 0xd1, 0xc6, 0xed, 0xd3, 0x20, 0xc8, 0xdb, 0xcf, 0xc7, 0xcf]));
    const r = marsad(['analyze', file, '--published', '2021-08-14']);
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { text: string }).text).toBe('زار الرئيس بغداد');
  });

  it('UTF-16 with its byte order mark is text', () => {
    const file = join(dir, 'utf16.txt');
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('زار الرئيس المصري بغداد أمس.', 'utf16le')]));
    const r = marsad(['analyze', file, '--published', '2021-08-14']);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as { text: string; entities: Array<{ text: string }> };
    expect(doc.text).toBe('زار الرئيس المصري بغداد أمس.');
    expect(doc.entities.map((e) => e.text)).toContain('بغداد');
  });

  it('binary file', () => {
    const file = join(dir, 'image.bin');
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 37 + 11) % 256;
    writeFileSync(file, bytes);
    expectOneLineError(marsad(['analyze', file]), 'image.bin');
  });

  it('empty file', () => {
    const file = join(dir, 'empty.txt');
    writeFileSync(file, '');
    expectOneLineError(marsad(['analyze', file]), 'empty.txt');
  });

  it('whitespace-only file', () => {
    const file = join(dir, 'blank.txt');
    writeFileSync(file, '  \n\n\t \n');
    expectOneLineError(marsad(['analyze', file]), 'blank.txt');
  });

  it('empty standard input', () => expectOneLineError(marsad(['analyze', '-'], '')));

  it('a ~50 MB input is processed or refused with one clear line', async () => {
    const file = join(dir, 'large.txt');
    const paragraph = 'وقال المتحدث إن الوفد سيعود إلى العاصمة بعد انتهاء المحادثات مع الجانب الآخر في الأسبوع المقبل. '.repeat(8) + '\n\n';
    const chunk = Buffer.from(paragraph.repeat(Math.ceil(1_000_000 / Buffer.byteLength(paragraph))), 'utf8');
    const fd = openSync(file, 'w');
    let written = 0;
    while (written < 50_000_000) written += writeSync(fd, chunk);
    closeSync(fd);
    const r = await marsadAsync(['analyze', file, '--format', 'text'], 60_000);
    expect(r.status, 'finished within the time limit').not.toBeNull();
    if (r.status === 0) {
      expect(r.stderr).toBe('');
      expect(r.stdout).toContain('sentences');
    } else {
      expectOneLineError(r, 'large.txt');
    }
  }, 90_000);
});

describe.skipIf(!existsSync(SEED))('the seed article (../shared/seed)', () => {
  it('gives its paragraphs and sentences, with the heading line as its own sentence', () => {
    const r = marsad(['analyze', SEED, '--published', '2021-08-14']);
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { text: string; sentences: Array<{ start: number; end: number; heading?: boolean }> };
    const sentences = doc.sentences.map((s) => doc.text.slice(s.start, s.end));
    const heading = sentences.indexOf('علاقات لسياسية وأمن حدود');
    expect(heading).toBeGreaterThan(0);
    expect(doc.sentences[heading].heading).toBe(true);
    // every paragraph ends a sentence: no sentence spans a blank line
    for (const s of sentences) expect(s).not.toContain('\n');
    const paragraphs = doc.text.split(/\n\s*\n/).filter((p) => p.trim());
    expect(sentences.length).toBeGreaterThanOrEqual(paragraphs.length);
    // sentences are in order and do not overlap
    for (let i = 1; i < doc.sentences.length; i++) expect(doc.sentences[i].start).toBeGreaterThanOrEqual(doc.sentences[i - 1].end);
  });
});
