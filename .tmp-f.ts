import { readCorpus } from './bench/corpus.js';
import { extractTimes } from './src/time/extract.js';
import { extractAmounts } from './src/amount/extract.js';
const freq = new Map<string, number>();
const which = process.argv[2];
for await (const a of readCorpus(4000)) {
  const ts = extractTimes(a.text, a.published.slice(0,10));
  if (which === 't') for (const t of ts) { const k = t.kind+' '+t.text.replace(/\d/g,'9'); freq.set(k, (freq.get(k)??0)+1); }
  else for (const x of extractAmounts(a.text, ts)) { const k = x.kind+' '+x.text.replace(/\d/g,'9').replace(/9+/g,'9'); freq.set(k, (freq.get(k)??0)+1); }
}
console.log([...freq.entries()].sort((a,b)=>b[1]-a[1]).slice(0, +process.argv[3]).map(([k,v])=>v+' '+k).join('\n'));
