import { readCorpus } from './bench/corpus.js';
import { extractTimes } from './src/time/extract.js';
import { extractAmounts } from './src/amount/extract.js';
let n = 0;
const rows: string[] = [];
for await (const a of readCorpus(3000)) {
  n++;
  if (n % 30 !== 7) continue;
  const pub = a.published.slice(0, 10);
  const ts = extractTimes(a.text, pub);
  for (const t of ts) rows.push(`T ${pub} [${t.text}] ${t.kind} ${t.value} ${t.note ?? ''} | ${a.text.slice(Math.max(0, t.start - 40), t.end + 25).replace(/\n/g, ' ')}`);
  if (process.argv[2] === 'a') for (const x of extractAmounts(a.text, ts)) rows.push(`A [${x.text}] ${x.kind} ${x.value} ${x.currency ?? ''} ${x.unit ?? ''} ${x.note ?? ''} | ${a.text.slice(Math.max(0, x.start - 30), x.end + 20).replace(/\n/g, ' ')}`);
}
console.log(rows.filter(r => process.argv[2] !== 'a' || r.startsWith('A')).join('\n'));
