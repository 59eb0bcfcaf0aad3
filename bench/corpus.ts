import { createReadStream, existsSync } from 'node:fs';
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
