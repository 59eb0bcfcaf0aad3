/**
 * The README's first example is a specification: its article, run through `marsad analyze --published 2023-05-16
 * --format text`, prints exactly the block shown under it (the README leaves out the invisible bidi marks).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/resources.js';

const MAIN = join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'main.js');
const README = readFileSync(join(PACKAGE_ROOT, 'README.md'), 'utf8');

/** The fenced block that follows the first line containing `marker`. */
function blockAfter(marker: string): string {
  const at = README.indexOf(marker);
  if (at < 0) throw new Error(`README: "${marker}" not found`);
  const open = README.indexOf('```\n', at) + 4;
  return README.slice(open, README.indexOf('```', open));
}

describe.skipIf(!existsSync(MAIN))('README example', () => {
  it('is what marsad analyze prints for it', () => {
    const article = blockAfter('with `article.txt` holding');
    const shown = blockAfter('prints, sentence by sentence, what Marsad read');
    expect(article).toMatch(/عمّان/);
    const r = spawnSync(process.execPath, [MAIN, 'analyze', '--published', '2023-05-16', '--format', 'text', '-'], { input: article, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout.replace(/[\u202a-\u202e\u2066-\u2069]/g, '')).toBe(shown);
  });
});
