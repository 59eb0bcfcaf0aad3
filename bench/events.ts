/**
 * Full analysis throughput with linking and events: `analyze()`'s stages run one by one over ~2,000 corpus
 * articles (../shared/corpora/ant-multisource.jsonl.gz), timing each, so the figure is the whole pipeline's
 * articles/s and the share of it spent in link + events. Single-threaded (one core). Three passes: cold (the
 * first articles ever: lexicons and models load), steady (the next, unseen articles: what a long ingest sees)
 * and warm (the first articles again: every cache holds their words — an upper bound).
 * `npm run bench -- events`  (env BENCH_EVENTS_LIMIT=N to change the article count, default 2000)
 */
import { readCorpus, peakRssMb } from './corpus.js';
import { STAGES } from '../src/pipeline/analyze.js';
import { emptyDoc, type ArabicDoc } from '../src/doc.js';

export async function run(): Promise<void> {
  const limit = Number(process.env.BENCH_EVENTS_LIMIT) || 2000;
  const all: Array<{ text: string; published: string | null }> = [];
  for await (const a of readCorpus(2 * limit)) {
    all.push({ text: a.title ? `${a.title}\n\n${a.text}` : a.text, published: a.published ? a.published.slice(0, 10) : null });
  }
  // every 2nd article for the cold/warm set, the others for the steady pass: both sets mix the corpus' sources alike
  const articles = all.filter((_, i) => i % 2 === 0);
  const unseen = all.filter((_, i) => i % 2 === 1);
  const pass = (articles: Array<{ text: string; published: string | null }>) => {
    const perStage = new Map<string, number>(STAGES.map(([name]) => [name, 0]));
    let entities = 0;
    let roles = 0;
    let events = 0;
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    for (const a of articles) {
      let doc: ArabicDoc = emptyDoc(a.text, a.published);
      for (const [name, stage] of STAGES) {
        const s = process.hrtime.bigint();
        doc = stage(doc);
        perStage.set(name, perStage.get(name)! + Number(process.hrtime.bigint() - s) / 1e6);
      }
      entities += doc.entities.length;
      roles += doc.roles.length;
      events += doc.events.length;
    }
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const c = process.cpuUsage(c0);
    return { n: articles.length, ms, cpuMs: (c.user + c.system) / 1000, perStage, entities, roles, events };
  };
  // the first pass loads lexicons and models and fills caches; the second is the steady state
  const cold = pass(articles);
  const steady = pass(unseen);
  const warm = pass(articles);
  const n = articles.length;
  const show = (label: string, r: ReturnType<typeof pass>) => {
    const n = r.n;
    const linkEvents = r.perStage.get('link')! + r.perStage.get('events')!;
    console.log(
      `${label}: ${n} articles in ${(r.ms / 1000).toFixed(2)} s = ${Math.round((n / r.ms) * 1000)} articles/s wall, ` +
        `${Math.round((n / r.cpuMs) * 1000)} articles/s per CPU-second; link+events ${((linkEvents / r.ms) * 100).toFixed(1)}% ` +
        `(${((linkEvents / n) * 1000).toFixed(0)} µs/article)`,
    );
  };
  show('cold', cold);
  show('steady', steady);
  show('warm', warm);
  console.log(
    '  per stage (warm, ms/article): ' +
      [...warm.perStage].map(([name, ms]) => `${name} ${(ms / n).toFixed(3)}`).join(', '),
  );
  console.log(`  found: ${warm.entities} entities, ${warm.roles} roles, ${warm.events} events (${(warm.events / n).toFixed(1)} events/article)`);
  // link + events alone, re-run over the documents the earlier stages produced (best of 3 passes): what these
  // two stages cost without the other stages' garbage collection landing in their time
  const before = articles.map((a) => {
    let doc: ArabicDoc = emptyDoc(a.text, a.published);
    for (const [name, stage] of STAGES) {
      if (name === 'link') break;
      doc = stage(doc);
    }
    return doc;
  });
  const link = STAGES.find(([name]) => name === 'link')![1];
  const events = STAGES.find(([name]) => name === 'events')![1];
  let best = Infinity;
  for (let r = 0; r < 3; r++) {
    const c0 = process.cpuUsage();
    for (const d of before) events(link(d));
    const c = process.cpuUsage(c0);
    best = Math.min(best, (c.user + c.system) / 1000);
  }
  console.log(`  link+events alone: ${((best / n) * 1000).toFixed(0)} µs/article CPU (best of 3 passes) = ${Math.round((n / best) * 1000)} articles/s`);
  console.log(`  peak RSS ${peakRssMb()} MB`);
}
