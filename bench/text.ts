/**
 * Text-layer throughput on the multisource corpus (../shared/corpora/ant-multisource.jsonl.gz): tokens with
 * norm and stem, and sentences. Articles are read and decompressed first; only the analyzer is timed.
 * `npm run bench -- text`  (env BENCH_TEXT_LIMIT=N for the first N articles)
 */
import { readCorpus, peakRssMb } from './corpus.js';
import { clearTokenCache, tokenize } from '../src/text/tokenize.js';
import { splitSentences } from '../src/text/sentences.js';
import { clearSegmentCache } from '../src/text/clitics.js';
import { clearStemCache, stem } from '../src/text/stem.js';

export async function run(): Promise<void> {
  const limit = Number(process.env.BENCH_TEXT_LIMIT) || Infinity;
  const texts: string[] = [];
  let chars = 0;
  let bytes = 0;
  for await (const a of readCorpus(limit)) {
    // decoded from bytes like the CLI's and the ingester's input (a flat string, not a concatenation)
    const t = Buffer.from(a.title ? `${a.title}\n\n${a.text}` : a.text, 'utf8').toString('utf8');
    texts.push(t);
    chars += t.length;
    bytes += Buffer.byteLength(t, 'utf8');
  }
  // cold: empty per-form caches (each distinct word analysed once, as for a fresh process); warm: caches
  // filled by an earlier pass, as in a long-running server.
  const pass = (): { ms: number; cpuMs: number; tokens: number; sentences: number } => {
    let tokens = 0;
    let sentences = 0;
    const t0 = process.hrtime.bigint();
    const c0 = process.cpuUsage();
    for (const text of texts) {
      const toks = tokenize(text);
      tokens += toks.length;
      sentences += splitSentences(text, toks).length;
    }
    const c = process.cpuUsage(c0);
    return { ms: Number(process.hrtime.bigint() - t0) / 1e6, cpuMs: (c.user + c.system) / 1000, tokens, sentences };
  };
  // best of two passes each (the machine is shared: the better figure is the less disturbed one)
  const best = <T extends { ms: number }>(a: T, b: T): T => (a.ms <= b.ms ? a : b);
  stem('تحميل'); // load the lexicon and resource tables before timing
  const coldPass = () => {
    clearTokenCache();
    clearSegmentCache();
    clearStemCache();
    return pass();
  };
  const cold = best(coldPass(), coldPass());
  const warm = best(pass(), pass());
  const mb = bytes / 1e6;
  // wall-clock figures, and the same per second of CPU time (fairer on a shared, loaded machine)
  const line = (name: string, r: { ms: number; cpuMs: number; tokens: number; sentences: number }) =>
    console.log(
      `${name.padEnd(5)} ${(r.tokens / (r.ms / 1000) / 1e6).toFixed(2)} M tokens/s  ${(mb / (r.ms / 1000)).toFixed(1)} MB/s  ` +
        `(${r.tokens} tokens, ${r.sentences} sentences in ${(r.ms / 1000).toFixed(2)} s; ` +
        `per CPU second: ${(r.tokens / (r.cpuMs / 1000) / 1e6).toFixed(2)} M tokens/s, ${(mb / (r.cpuMs / 1000)).toFixed(1)} MB/s)`,
    );
  console.log(`text layer: ${texts.length} articles, ${mb.toFixed(1)} MB UTF-8, ${chars} UTF-16 units; tokenize + norm + stem + sentences, one core`);
  line('cold', cold);
  line('warm', warm);
  console.log(`peak RSS ${peakRssMb()} MB`);
}
