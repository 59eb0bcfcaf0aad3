import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/resources.js';
import { evaluate } from '../../src/ner/evaluate.js';

const CLI = join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'main.js');
const FIXTURE = join(__dirname, 'fixtures', 'tiny.conll');

// runs the built CLI (npm test builds first)
describe.skipIf(!existsSync(CLI))('marsad eval ner', () => {
  it('prints JSON scores and writes predictions a scorer can read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'marsad-eval-'));
    try {
      const out = join(dir, 'pred.txt');
      const json = JSON.parse(execFileSync(process.execPath, [CLI, 'eval', 'ner', FIXTURE, '--json', '--predictions', out], { encoding: 'utf8' }));
      expect(json.tokens).toBe(21);
      expect(json.byType.PER.gold).toBe(1);
      expect(json.byType.LOC.gold).toBe(2);
      for (const k of ['precision', 'recall', 'f1']) expect(json[k]).toBeGreaterThanOrEqual(0), expect(json[k]).toBeLessThanOrEqual(1);
      expect(json.tokensPerSecond).toBeGreaterThan(0);
      const lines = readFileSync(out, 'utf8').split('\n');
      expect(lines[0].split(' ').slice(0, 2)).toEqual(['استقبل', 'O']);
      expect(lines[12]).toBe('');
      // the predictions file alone gives the same score
      const sents = readFileSync(out, 'utf8').split(/\n\n/).filter((b) => b.trim()).map((b) => b.split('\n').filter(Boolean).map((l) => l.split(' ')));
      expect(sents.flat()).toHaveLength(21);
      const again = evaluate(sents.map((s) => s.map((r) => r[1])), sents.map((s) => s.map((r) => r[2])));
      expect(again.f1).toBeCloseTo(json.f1, 10);
      expect(again.predicted).toBe(json.predicted);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails with one line on a missing file or an unknown task', () => {
    const r = spawnSync(process.execPath, [CLI, 'eval', 'ner', '/nonexistent/file.conll'], { encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    const t = spawnSync(process.execPath, [CLI, 'eval', 'pos', FIXTURE], { encoding: 'utf8' });
    expect(t.status).not.toBe(0);
    expect(t.stderr).toMatch(/unknown task/);
  });
});
