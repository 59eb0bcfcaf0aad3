/**
 * The tense of the clause around a time expression, from the nearest verb cue (resources/time/tense-cues.tsv)
 * or a future-marked verb (س + present prefix: سيزور، ستعقد، سنعمل). Looks back to the clause start (at most
 * 12 tokens) and ahead (at most 8 tokens); the nearest cue wins, the one before on a tie.
 */
import type { ScanToken } from './fold.js';
import type { TimeLexicon } from './lexicon.js';

// س + ي/ت/ن/ا + at least three letters; nouns that look like this are excluded below.
const FUTURE_PREFIX = /^(?:و|ف)?س(?:ي|ت|ن)[\u0621-\u064a]{3,}$/;
const NOT_FUTURE =
  /^(?:و|ف)?(?:سيار|سياس|سياد|سياح|سياق|سيطر|سيناريو|سيناء|سيناي|سينما|ستوديو|ستين|سنوات|سنوي|سنين|سنتين|سنغافور|ستوكهولم|سيول|سيدات|سيده|سيدي|سيئ|سيرته|سيرتها|ستار|سنوك|سيريلانك|سيريا)/;

function cueOf(lex: TimeLexicon, f: string): 'past' | 'future' | null {
  let c = lex.tenseCues.get(f);
  if (c) return c;
  if (f.length > 3 && (f.charCodeAt(0) === 0x0648 || f.charCodeAt(0) === 0x0641)) {
    c = lex.tenseCues.get(f.slice(1));
    if (c) return c;
  }
  if (FUTURE_PREFIX.test(f) && !NOT_FUTURE.test(f)) return 'future';
  return null;
}

export function tenseAround(toks: ScanToken[], lex: TimeLexicon, start: number, end: number): 'past' | 'future' | null {
  let back: { dist: number; tense: 'past' | 'future' } | null = null;
  for (let k = start - 1, n = 1; k >= 0 && n <= 12; k--, n++) {
    if (toks[k + 1].newClause) break;
    const t = toks[k];
    if (t.kind !== 'w') continue;
    const c = cueOf(lex, t.f);
    if (c) {
      back = { dist: n, tense: c };
      break;
    }
  }
  let ahead: { dist: number; tense: 'past' | 'future' } | null = null;
  for (let k = end, n = 1; k < toks.length && n <= 8; k++, n++) {
    if (toks[k].newClause) break;
    const t = toks[k];
    if (t.kind !== 'w') continue;
    const c = cueOf(lex, t.f);
    if (c) {
      ahead = { dist: n, tense: c };
      break;
    }
  }
  if (back && (!ahead || back.dist <= ahead.dist)) return back.tense;
  return ahead ? ahead.tense : null;
}
