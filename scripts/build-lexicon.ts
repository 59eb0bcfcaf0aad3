/**
 * Rebuilds resources/text/lexicon.tsv — `npm run build:lexicon` — from the unlabelled multisource news corpus
 * (../shared/corpora/ant-multisource.jsonl.gz, titles and texts): counts of Arabic word forms folded to the
 * `search` level (single words only, no sentences), the most frequent LEXICON_SIZE forms seen at least
 * MIN_COUNT times. The clitic analyser (src/text/clitics.ts) uses it to tell clitics from word letters.
 */
import { writeFileSync } from 'node:fs';
import { readCorpus } from '../bench/corpus.js';
import { resourcePath } from '../src/resources.js';
import { CHAR_CLASS, C_AR, C_MARK } from '../src/text/chars.js';
import { normalize } from '../src/text/normalize.js';

const LEXICON_SIZE = 120_000;
const MIN_COUNT = 3;

/** Per folded form ending in ه: how often the original ended in a ta marbuta ة (مدينة) rather than ه (اتجاه). */
const TA_MARBUTA = 0x629;

function countWords(text: string, counts: Map<string, number>, taMarbuta: Map<string, number>): number {
  let words = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (CHAR_CLASS[text.charCodeAt(i)] !== C_AR) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n) {
      const k = CHAR_CLASS[text.charCodeAt(j)];
      if (k === C_AR || k === C_MARK) j++;
      else break;
    }
    const original = text.slice(i, j);
    const form = normalize(original, 'search');
    counts.set(form, (counts.get(form) ?? 0) + 1);
    const display = normalize(original, 'display');
    if (display.charCodeAt(display.length - 1) === TA_MARBUTA) taMarbuta.set(form, (taMarbuta.get(form) ?? 0) + 1);
    words++;
    i = j;
  }
  return words;
}

async function main(): Promise<void> {
  const counts = new Map<string, number>();
  const taMarbuta = new Map<string, number>();
  let articles = 0;
  let words = 0;
  for await (const a of readCorpus()) {
    words += countWords(a.title ?? '', counts, taMarbuta) + countWords(a.text ?? '', counts, taMarbuta);
    articles++;
  }
  const rows = [...counts].filter(([, c]) => c >= MIN_COUNT).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, LEXICON_SIZE);
  const header = [
    '# Word-frequency lexicon: Arabic word forms folded to the `search` level (src/text/normalize.ts) and their counts',
    `# in the unlabelled multisource news corpus (${articles} articles, ${words} Arabic words; titles and texts).`,
    `# The ${rows.length} most frequent forms seen at least ${MIN_COUNT} times; single words only (a derived artifact).`,
    '# Corpus: Chouigui, Ben Khiroun & Elayeb, "An Arabic Multi-source News Corpus", AJSE 46(8), 2021 (Apache-2.0).',
    '# Rebuild: npm run build:lexicon   (scripts/build-lexicon.ts, reads ../shared/corpora/ant-multisource.jsonl.gz)',
    '# Columns: form<TAB>count[<TAB>how many of them were written with a final ة (when the form ends in ه and any were)]',
  ];
  writeFileSync(resourcePath('text', 'lexicon.tsv'), header.join('\n') + '\n' + rows.map(([w, c]) => (taMarbuta.has(w) ? `${w}\t${c}\t${taMarbuta.get(w)}` : `${w}\t${c}`)).join('\n') + '\n');
  console.log(`lexicon: ${rows.length} forms from ${articles} articles, ${words} words (${counts.size} distinct) → resources/text/lexicon.tsv`);
}

main().catch((err) => {
  console.error(`build-lexicon: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
