import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, dirname, resolve } from 'node:path';

// Imports point one way: text ← analysis stages ← pipeline ← store/search/ingest ← server, cli.
const ROOT = resolve(__dirname, '../..');
const LAYER: Record<string, number> = {
  'src/doc.ts': 0,
  'src/resources.ts': 0,
  'src/random.ts': 0,
  'src/text': 1,
  'src/ner': 2,
  'src/time': 2,
  'src/amount': 2,
  'src/link': 3,
  'src/events': 3,
  'src/pipeline': 4,
  'src/index.ts': 5,
  'src/store': 5,
  'src/search': 5,
  'src/ingest': 5,
  'src/server': 6,
  'src/cli': 6,
};

function layerOf(file: string): number | undefined {
  const rel = relative(ROOT, file).replace(/\\/g, '/');
  for (const [prefix, layer] of Object.entries(LAYER)) if (rel === prefix || rel.startsWith(prefix + '/')) return layer;
  return undefined;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('architecture', () => {
  it('no module imports from a higher layer', () => {
    const violations: string[] = [];
    for (const file of walk(join(ROOT, 'src'))) {
      const from = layerOf(file);
      if (from === undefined) continue;
      const src = readFileSync(file, 'utf8');
      for (const m of src.matchAll(/(?:from|import)\s*\(?\s*['"](\.[^'"]+)['"]/g)) {
        const target = resolve(dirname(file), m[1]).replace(/\.js$/, '.ts');
        const to = layerOf(target);
        if (to !== undefined && to > from) violations.push(`${relative(ROOT, file)} → ${m[1]}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('the layer table knows every source folder', () => {
    const folders = readdirSync(join(ROOT, 'src')).map((n) => `src/${n}`);
    const unknown = folders.filter((f) => layerOf(join(ROOT, f)) === undefined);
    expect(unknown).toEqual([]);
  });
});
