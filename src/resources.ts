import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Language knowledge lives as data under resources/ (and trained artifacts under models/).
 * This finds the package root from wherever the code runs (src/ under tsx/vitest, dist/src/ when built).
 */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'resources'))) return dir;
    dir = dirname(dir);
  }
  throw new Error('marsad: cannot find the package root (resources/ folder)');
}

export const PACKAGE_ROOT = findRoot();

export function resourcePath(...parts: string[]): string {
  return join(PACKAGE_ROOT, 'resources', ...parts);
}

export function modelPath(...parts: string[]): string {
  return join(PACKAGE_ROOT, 'models', ...parts);
}

export function readResource(...parts: string[]): string {
  return readFileSync(resourcePath(...parts), 'utf8');
}

/** Non-empty, non-comment (#) lines of a resource list, trimmed. */
export function readList(...parts: string[]): string[] {
  return readResource(...parts)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

/**
 * Rows `name<TAB>kind` of a name list whose entries may carry a kind (resources/ner/*.txt; clubs.txt marks each club
 * `name` or `word`). Name lists without kinds read with kind ''. One reader, as the tagger's lexicon, the rule layer
 * and the linker all read clubs.txt.
 */
export function readKindedList(...parts: string[]): Array<{ name: string; kind: string }> {
  return readList(...parts).map((line) => {
    const [name, kind] = line.split('\t');
    return { name: name.trim(), kind: (kind ?? '').trim() };
  });
}

/** Rows of a tab-separated resource; '#' lines are comments; the first row is a header unless header=false. */
export function readTsv(parts: string[], header = true): Record<string, string>[] | string[][] {
  const rows = readList(...parts).map((l) => l.split('\t'));
  if (!header) return rows;
  const [head, ...body] = rows;
  return body.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i] ?? ''])));
}

export function readJsonResource<T>(...parts: string[]): T {
  return JSON.parse(readResource(...parts)) as T;
}
