import { readCorpus } from './bench/corpus.js';
import { extractTimes } from './src/time/extract.js';
const re = new RegExp(process.argv[2]);
let shown = 0;
for await (const a of readCorpus(8000)) {
  for (const t of extractTimes(a.text, a.published.slice(0,10))) {
    if (!re.test(t.text)) continue;
    console.log(`[${t.text}] ${t.value} | ${a.text.slice(Math.max(0, t.start - 50), t.end + 30).replace(/\n/g, ' ')}`);
    if (++shown >= +(process.argv[3] ?? 15)) process.exit(0);
  }
}
