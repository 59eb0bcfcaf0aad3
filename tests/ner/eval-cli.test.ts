import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/resources.js';
import { evaluate } from '../../src/ner/evaluate.js';
import { parseConll } from '../../src/ner/conll.js';
import { decodeDigests, encodeDigests, sentenceDigest } from '../../src/ner/seen.js';

const CLI = join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'main.js');
const FIXTURE = join(__dirname, 'fixtures', 'tiny.conll');
const ANERCORP = join(PACKAGE_ROOT, '..', 'shared', 'data', 'ner', 'anercorp-train.txt');

describe('training-sentence digests', () => {
  it('round-trip, keep word order, and read junk as an empty set', () => {
    const sents = [['زار', 'الوزير', 'بغداد'], ['بغداد', 'زار', 'الوزير'], ['زار', 'الوزير', 'بغداد']];
    const set = decodeDigests(encodeDigests(sents));
    expect(set.size).toBe(2);
    expect(set.has(sentenceDigest(['زار', 'الوزير', 'بغداد']))).toBe(true);
    expect(set.has(sentenceDigest(['زار', 'الوزير']))).toBe(false);
    expect(sentenceDigest(['زار الوزير'])).not.toBe(sentenceDigest(['زار', 'الوزير']));
    expect(decodeDigests(undefined).size).toBe(0);
    expect(decodeDigests(42).size).toBe(0);
  });
});

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
      expect(json.seenInTraining).toBe(0); // our own sentences: not in the model's training data
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

  // the shipped model is trained on the whole ANERcorp training file: scoring it there must say so
  it.skipIf(!existsSync(ANERCORP))('notes when the file holds sentences the model was trained on', () => {
    const dir = mkdtempSync(join(tmpdir(), 'marsad-eval-'));
    try {
      const { sentences } = parseConll(readFileSync(ANERCORP, 'utf8'));
      const file = join(dir, 'seen.conll');
      writeFileSync(file, sentences.slice(100, 105).map((s) => s.words.map((w, i) => `${w} ${s.tags[i]}`).join('\n')).join('\n\n') + '\n');
      const r = spawnSync(process.execPath, [CLI, 'eval', 'ner', file, '--json'], { encoding: 'utf8' });
      expect(r.status).toBe(0);
      expect(JSON.parse(r.stdout).seenInTraining).toBe(5);
      expect(r.stderr).toMatch(/note: 5 of the 5 sentences .* were in the NER model's training data/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a binary file with one line and a non-zero exit', () => {
    const dir = mkdtempSync(join(tmpdir(), 'marsad-eval-'));
    try {
      const file = join(dir, 'bin.dat');
      writeFileSync(file, Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 37 + 11) % 256)));
      const r = spawnSync(process.execPath, [CLI, 'eval', 'ner', file], { encoding: 'utf8' });
      expect(r.status).not.toBe(0);
      expect(r.stderr.trim().split('\n')).toEqual([`marsad: ${file}: looks like a binary file (contains NUL bytes), not text`]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says which tag types it reads as O', () => {
    const dir = mkdtempSync(join(tmpdir(), 'marsad-eval-'));
    try {
      const file = join(dir, 'types.conll');
      writeFileSync(file, 'زار B-PER\nالوفد O\nيوم B-DATE\nالخميس I-DATE\nمدينة B-LOCC\n');
      const r = spawnSync(process.execPath, [CLI, 'eval', 'ner', file, '--json'], { encoding: 'utf8' });
      expect(r.status).toBe(0);
      expect(r.stderr).toMatch(/read as O: DATE ×2, LOCC ×1/);
      expect(JSON.parse(r.stdout).byType.PER.gold).toBe(1);
      const clean = spawnSync(process.execPath, [CLI, 'eval', 'ner', FIXTURE], { encoding: 'utf8' });
      expect(clean.stderr).not.toMatch(/read as O/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // a city after a player word is its club (rule 6e, a knowledge rule): the model alone reads the city
  it('scores the model with the knowledge rules by default, the model alone with --model-only', () => {
    const dir = mkdtempSync(join(tmpdir(), 'marsad-eval-'));
    try {
      const file = join(dir, 'club.conll');
      writeFileSync(file, 'انتقل O\nلاعب O\nبرشلونة B-ORG\nإلى O\nنادي O\nآخر O\n. O\n');
      const run = (...flags: string[]) => JSON.parse(execFileSync(process.execPath, [CLI, 'eval', 'ner', file, '--json', ...flags], { encoding: 'utf8' }));
      const withRules = run();
      expect(withRules.rules).toBe('knowledge');
      expect(withRules.byType.ORG.correct).toBe(1);
      const alone = run('--model-only');
      expect(alone.rules).toBe('none');
      expect(alone.byType.ORG?.correct ?? 0).toBe(0);
      expect(run('--rules').rules).toBe('all');
      const both = spawnSync(process.execPath, [CLI, 'eval', 'ner', file, '--rules', '--model-only'], { encoding: 'utf8' });
      expect(both.status).not.toBe(0);
      expect(both.stderr).toMatch(/exclude each other/);
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
