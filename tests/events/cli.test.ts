/**
 * End-to-end: `marsad entities` and `marsad events` through the built CLI over a small store made from two
 * articles written for this test.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/resources.js';

const MAIN = join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'main.js');
let dir = '';
let db = '';

function marsad(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [MAIN, ...args], { encoding: 'utf8', timeout: 120_000, cwd: PACKAGE_ROOT });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

const ARTICLES = [
  {
    id: 'ev-1',
    title: 'رئيس الوزراء العراقي يزور الكويت',
    published: '2021-08-14',
    source: 'اختبار',
    text:
      'يزور رئيس الوزراء العراقي مصطفى الكاظمي الكويت الأسبوع المقبل في أول زيارة رسمية له. ' +
      'وقالت وزارة الخارجية العراقية يوم الجمعة إن الكاظمي سيلتقي أمير الكويت الشيخ نواف الأحمد الصباح.',
  },
  {
    id: 'ev-2',
    title: 'الصباح يستقبل وزير الخارجية',
    published: '2021-09-02',
    source: 'اختبار',
    text: 'استقبل أمير الكويت الشيخ نواف الأحمد الصباح وزير الخارجية العراقي فؤاد حسين في قصر بيان أمس. وقال حسين إن العلاقات بين البلدين متينة.',
  },
];

describe.skipIf(!existsSync(MAIN))('marsad entities / events (built CLI)', () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'marsad-events-'));
    db = join(dir, 'm.db');
    const input = join(dir, 'a.jsonl');
    writeFileSync(input, ARTICLES.map((a) => JSON.stringify(a)).join('\n') + '\n');
    const r = marsad(['ingest', '--db', db, '--no-progress', input]);
    expect(r.status, r.stderr).toBe(0);
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('lists canonical entities with aliases, counts and roles as JSON', () => {
    const r = marsad(['entities', '--db', db, '--type', 'PER', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const res = JSON.parse(r.stdout) as { total: number; entities: Array<{ id: string; name: string; type: string; aliases: string[]; mentions: number; roles?: Array<{ title: string; of: string | null }> }> };
    expect(res.total).toBeGreaterThan(0);
    expect(res.entities.every((e) => e.type === 'PER')).toBe(true);
    const sabah = res.entities.find((e) => e.name.includes('الصباح'));
    if (sabah) {
      expect(sabah.mentions).toBeGreaterThanOrEqual(2);
      expect(sabah.roles?.some((x) => x.title === 'أمير')).toBe(true);
    }
  });

  it('prints a readable list', () => {
    const r = marsad(['entities', '--db', db, '--limit', '3']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^\d+ entit/);
    expect(r.stdout).toContain('id: ');
  });

  it('exports events as CSV with a header and one row per event', () => {
    const r = marsad(['events', '--db', db, '--csv']);
    expect(r.status, r.stderr).toBe(0);
    // a byte order mark and CRLF rows, as spreadsheets need to read the Arabic as UTF-8 (and as export writes)
    expect(r.stdout.startsWith('\ufeffid,')).toBe(true);
    const lines = r.stdout.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('id,time,type,cameo,status,actor,actor_id,target,target_id,place,place_id,article_id,published,source,title,text,attributes');
    const json = JSON.parse(marsad(['events', '--db', db, '--json']).stdout) as { total: number; events: Array<{ type: string; cameo: string; article: { id: string } }> };
    expect(lines.length - 1).toBe(json.events.length);
    expect(json.total).toBe(json.events.length);
    for (const e of json.events) expect(['ev-1', 'ev-2']).toContain(e.article.id);
  });

  it('takes --limit 0 as none listed, the total only, for events and entities alike', () => {
    const ev = JSON.parse(marsad(['events', '--db', db, '--json', '--limit', '0']).stdout) as { total: number; events: unknown[] };
    expect(ev.events).toEqual([]);
    expect(ev.total).toBeGreaterThan(0);
    const en = JSON.parse(marsad(['entities', '--db', db, '--json', '--limit', '0']).stdout) as { total: number; entities: unknown[] };
    expect(en.entities).toEqual([]);
    expect(en.total).toBeGreaterThan(0);
  });

  it('filters events by type and CAMEO prefix', () => {
    const all = JSON.parse(marsad(['events', '--db', db, '--json']).stdout) as { events: Array<{ type: string; cameo: string }> };
    const stmt = JSON.parse(marsad(['events', '--db', db, '--json', '--type', 'statement']).stdout) as { events: Array<{ type: string }> };
    expect(stmt.events.length).toBe(all.events.filter((e) => e.type === 'STATEMENT').length);
    const cameo04 = JSON.parse(marsad(['events', '--db', db, '--json', '--cameo', '04']).stdout) as { events: Array<{ cameo: string }> };
    expect(cameo04.events.every((e) => e.cameo.startsWith('04'))).toBe(true);
  });

  it('rejects bad options with one line', () => {
    for (const args of [
      ['events', '--db', db, '--status', 'maybe'],
      ['events', '--db', db, '--json', '--csv'],
      ['events', '--db', db, '--from', 'yesterday'],
      ['events', '--db', db, '--limit', '-3'],
      ['entities', '--db', db, '--type', 'PERSON'],
      ['entities', '--db', join(dir, 'none.db')],
    ]) {
      const r = marsad(args);
      expect(r.status, args.join(' ')).not.toBe(0);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^marsad: /);
    }
  });
});
