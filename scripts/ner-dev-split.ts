/**
 * Writes the NER dev split — the last 10% of ../shared/data/ner/anercorp-train.txt by sentences, exactly the part
 * the held-out run of `npm run train:ner` holds out — to OUT (default test-output/anercorp-dev.txt), for other
 * scorers and error analysis. The file stays out of the repository. `npm run ner:dev` runs this, then the held-out
 * training, which prints the README's dev figures and writes its predictions beside the split. (The shipped model
 * is trained on the dev part too, so `marsad eval ner OUT` scores it on text it has seen.)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseConll } from '../src/ner/conll.js';
import { PACKAGE_ROOT } from '../src/resources.js';

const source = join(PACKAGE_ROOT, '..', 'shared', 'data', 'ner', 'anercorp-train.txt');
const out = process.argv[2] ?? join(PACKAGE_ROOT, 'test-output', 'anercorp-dev.txt');
let text: string;
try {
  text = readFileSync(source, 'utf8');
} catch {
  console.error(`ner:dev: cannot read ${source} (the ../shared data beside the project)`);
  process.exit(1);
}
const { sentences } = parseConll(text);
const dev = sentences.slice(Math.floor(sentences.length * 0.9));
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, dev.map((s) => s.words.map((w, i) => `${w} ${s.tags[i]}`).join('\n')).join('\n\n') + '\n');
console.log(`${dev.length} dev sentences written to ${out}`);
