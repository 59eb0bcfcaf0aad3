import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestSource(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (e.name.endsWith('.ts')) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

/** Is the built file newer than every TypeScript source under root/src (npm test builds first: no need again)? */
export function builtIsFresh(root: string, built: string): boolean {
  return existsSync(built) && statSync(built).mtimeMs >= newestSource(join(root, 'src'));
}
