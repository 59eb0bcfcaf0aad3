/**
 * NER throughput on the multisource corpus, one core: text stage (tokens + sentences) then the NER stage
 * (model + rule layer), per article. Prints model load time, tokens/s including tokenization, peak memory.
 * BENCH_NER_ARTICLES sets how many articles (default 3000).
 */
import { emptyDoc } from '../src/doc.js';
import { nerStage, loadModel } from '../src/ner/index.js';
import { loadLexicon } from '../src/ner/lexicon.js';
import { WORD_CACHE_GENERATION, wordCacheSize } from '../src/ner/features.js';
import { textStage } from '../src/text/index.js';
import { peakRssMb, readCorpus } from './corpus.js';

export async function run(): Promise<void> {
  const limit = Number(process.env.BENCH_NER_ARTICLES ?? 3000);
  const texts: string[] = [];
  for await (const a of readCorpus(limit)) texts.push(`${a.title}\n\n${a.text}`);

  let t = process.hrtime.bigint();
  loadModel();
  loadLexicon();
  const loadMs = Number(process.hrtime.bigint() - t) / 1e6;

  // warm up (JIT) on a few articles, then measure
  for (const text of texts.slice(0, 50)) nerStage(textStage(emptyDoc(text)));
  let tokens = 0;
  let entities = 0;
  t = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  for (const text of texts) {
    const doc = nerStage(textStage(emptyDoc(text)));
    tokens += doc.tokens.length;
    entities += doc.entities.length;
  }
  const seconds = Number(process.hrtime.bigint() - t) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  console.log(`model + lexicon load: ${loadMs.toFixed(0)} ms`);
  console.log(`${texts.length} articles, ${tokens} tokens, ${entities} entities in ${seconds.toFixed(2)} s`);
  console.log(`NER tokens/s (tokenization + sentences + tagging + rules), one thread: ${Math.round(tokens / seconds)} wall-clock, ${Math.round(tokens / cpuSeconds)} per CPU-second`);
  console.log(`peak memory (RSS): ${peakRssMb()} MB; NER word cache: ${wordCacheSize()} words (bounded at ${2 * WORD_CACHE_GENERATION})`);
}
