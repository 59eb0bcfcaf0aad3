import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../src/resources.js';

export const CORPUS = join(PACKAGE_ROOT, '..', 'shared', 'corpora', 'ant-multisource.jsonl.gz');

export interface CorpusArticle {
  id: string;
  source: string;
  url: string;
  category: string;
  title: string;
  published: string;
  abstract: string;
  text: string;
}

/** Streams the multisource corpus (../shared), optionally only the first `limit` articles. */
export async function* readCorpus(limit = Infinity): AsyncGenerator<CorpusArticle> {
  if (!existsSync(CORPUS)) throw new Error(`corpus not found at ${CORPUS}`);
  const rl = createInterface({ input: createReadStream(CORPUS).pipe(createGunzip()), crlfDelay: Infinity });
  let n = 0;
  for await (const line of rl) {
    if (!line.trim()) continue;
    yield JSON.parse(line) as CorpusArticle;
    if (++n >= limit) break;
  }
  rl.close();
}

export function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

/**
 * CPU seconds of this process's main thread alone (Linux /proc; null elsewhere): the one core the work runs
 * on, without V8's background GC and compiler threads (Node 20 has no per-thread CPU clock of its own).
 */
export function mainThreadCpuSeconds(): number | null {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    // fields after the command name (which may contain spaces) start after the last ')'
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(f[11]) + Number(f[12]); // utime + stime
    return Number.isFinite(ticks) ? ticks / CLOCK_TICKS : null;
  } catch {
    return null;
  }
}
/** USER_HZ: 100 on every Linux Node supports */
const CLOCK_TICKS = 100;
