import { readFileSync } from 'node:fs';
import { extractTimes } from './src/time/extract.js';
import { extractAmounts } from './src/amount/extract.js';
const lines = readFileSync('../shared/data/wojood-sample/train.txt', 'utf8').split('\n').concat(readFileSync('../shared/data/wojood-sample/val.txt', 'utf8').split('\n'));
type Sent = { toks: string[]; tags: string[][] };
const sents: Sent[] = []; let cur: Sent = { toks: [], tags: [] };
for (const l of lines) { if (!l.trim()) { if (cur.toks.length) sents.push(cur); cur = { toks: [], tags: [] }; continue; } const p = l.split(/\s+/); cur.toks.push(p[0]); cur.tags.push(p.slice(1)); }
const which = process.argv[2] === 'a' ? ['MONEY','PERCENT','CARDINAL','ORDINAL','QUANTITY'] : ['DATE','TIME'];
let gold = 0, goldHit = 0, mine = 0, mineHit = 0; const misses: string[] = []; const fps: string[] = [];
for (const s of sents) {
  let text = ''; const off: number[] = [];
  for (const t of s.toks) { off.push(text.length); text += t + ' '; }
  const spans: Array<[number, number, string]> = [];
  for (const typ of which) {
    for (let i = 0; i < s.toks.length; i++) if (s.tags[i].includes('B-' + typ)) { let j = i + 1; while (j < s.toks.length && s.tags[j].includes('I-' + typ)) j++; spans.push([off[i], off[j - 1] + s.toks[j - 1].length, typ]); }
  }
  const got = process.argv[2] === 'a' ? extractAmounts(text, extractTimes(text, '2020-01-01')) : extractTimes(text, '2020-01-01');
  for (const [a, b, typ] of spans) { gold++; if (got.some(g => g.start < b && g.end > a)) goldHit++; else misses.push(typ + ' ' + text.slice(a, b)); }
  for (const g of got) { mine++; if (spans.some(([a, b]) => g.start < b && g.end > a)) mineHit++; else fps.push(g.text + ' | ' + text.slice(Math.max(0, g.start - 30), g.end + 20)); }
}
console.log({ gold, goldHit, recall: goldHit / gold, mine, mineHit, precision: mineHit / mine });
console.log('MISSES\n' + misses.slice(0, +(process.argv[3] ?? 40)).join('\n'));
console.log('FPS\n' + fps.slice(0, +(process.argv[3] ?? 40)).join('\n'));
