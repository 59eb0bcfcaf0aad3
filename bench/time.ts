/**
 * Times + amounts extraction throughput on the multisource corpus (first 5,000 articles), one core,
 * with counts of what was found. `npx tsc -p . && node dist/bench/index.js time`
 */
import { readCorpus, peakRssMb } from './corpus.js';
import { scan } from '../src/time/fold.js';
import { extractTimesFromTokens } from '../src/time/extract.js';
import { extractAmountsFromTokens } from '../src/amount/extract.js';

const LIMIT = 5000;

export async function run(): Promise<void> {
  const articles: Array<{ text: string; published: string }> = [];
  try {
    for await (const a of readCorpus(LIMIT)) articles.push({ text: a.title + '\n' + a.text, published: a.published.slice(0, 10) });
  } catch (err) {
    console.log(`time: skipped (${err instanceof Error ? err.message : String(err)})`);
    return;
  }
  // warm-up: load the lexicons, let the JIT settle
  for (const a of articles.slice(0, 50)) {
    const toks = scan(a.text);
    extractAmountsFromTokens(a.text, toks, extractTimesFromTokens(a.text, toks, a.published));
  }
  let chars = 0, bytes = 0, times = 0, amounts = 0;
  const byKind = new Map<string, number>();
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (const a of articles) {
    const toks = scan(a.text);
    const ts = extractTimesFromTokens(a.text, toks, a.published);
    const am = extractAmountsFromTokens(a.text, toks, ts);
    times += ts.length;
    amounts += am.length;
    for (const t of ts) byKind.set('time:' + t.kind, (byKind.get('time:' + t.kind) ?? 0) + 1);
    for (const x of am) byKind.set('amount:' + x.kind, (byKind.get('amount:' + x.kind) ?? 0) + 1);
    chars += a.text.length;
  }
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  const cpuSecs = (cpu.user + cpu.system) / 1e6; // CPU time is less sensitive to other jobs on a shared machine
  for (const a of articles) bytes += Buffer.byteLength(a.text, 'utf8');
  console.log(`articles: ${articles.length}, text: ${(bytes / 1e6).toFixed(1)} MB UTF-8 (${(chars / 1e6).toFixed(1)} M chars)`);
  console.log(`times+amounts: ${secs.toFixed(2)} s wall → ${(bytes / 1e6 / secs).toFixed(1)} MB/s (UTF-8), ${(chars / 1e6 / secs).toFixed(1)} M chars/s`);
  console.log(`times+amounts: ${cpuSecs.toFixed(2)} s CPU → ${(bytes / 1e6 / cpuSecs).toFixed(1)} MB/s of CPU time (one core)`);
  console.log(`found: ${times} time expressions, ${amounts} amounts`);
  console.log('by kind: ' + [...byKind.entries()].sort().map(([k, v]) => `${k} ${v}`).join(', '));
  console.log(`peak RSS: ${peakRssMb()} MB`);
}
