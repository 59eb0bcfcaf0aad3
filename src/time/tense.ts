/**
 * The tense of the clause around a time expression, from verb cues (resources/time/tense-cues.tsv) or a
 * future-marked verb (س + present prefix: سيزور، ستعقد، سنعمل).
 */
import type { ScanToken } from './fold.js';
import { contextWords, type Tense, type TimeLexicon } from './lexicon.js';
import { freq } from '../text/lexicon.js';

// س + ي/ت/ن/ا + at least three letters; nouns that look like this are excluded below.
const FUTURE_PREFIX = /^(?:و|ف)?س(?:ي|ت|ن)[\u0621-\u064a]{3,}$/;
const NOT_FUTURE =
  /^(?:و|ف)?(?:سيار|سياس|سياد|سياح|سياق|سيطر|سيناريو|سيناء|سيناي|سينما|ستوديو|ستين|سنوات|سنوي|سنين|سنتين|سنغافور|ستوكهولم|سيول|سيدات|سيده|سيدي|سيئ|سيرته|سيرتها|ستار|سنوك|سيريلانك|سيريا)/;

const OBJECT_SUFFIX = /(?:ها|هما|هم)$/;
const SA_PRESENT = /^[وف]?س([يتن][\u0621-\u064a]{2})$/;
const PRESENT_PREFIX = /^[وف]?[يت]/;

function cueOf(lex: TimeLexicon, f: string): 'past' | 'future' | null {
  let c = lex.tenseCues.get(f);
  if (c) return c;
  if (f.length > 3 && (f.charCodeAt(0) === 0x0648 || f.charCodeAt(0) === 0x0641)) {
    c = lex.tenseCues.get(f.slice(1));
    if (c) return c;
  }
  if (FUTURE_PREFIX.test(f) && !NOT_FUTURE.test(f) && presentIsAWord(f)) return 'future';
  // س before a listed present verb of a short stem, too short for FUTURE_PREFIX: «سيصل», «ستصل»
  const bare = SA_PRESENT.exec(f);
  if (bare && lex.tenseCues.get(bare[1]) === 'future') return 'future';
  // an object pronoun on a listed present-tense verb that announces the future: «يزورها», «تعقدها». Not on a past
  // form, which a verbal noun with a possessive looks like («بعد نقلها»: نقل is also «transferred»), and not ه,
  // which folded ة also ends in («تظاهرة» is no «تظاهر» + ه)
  const m = OBJECT_SUFFIX.exec(f);
  if (m && m.index >= 3 && PRESENT_PREFIX.test(f)) {
    const c = lex.tenseCues.get(f.slice(0, m.index).replace(/^[وف]/, ''));
    if (c === 'future') return c;
  }
  return null;
}

/**
 * س + a present verb only when that present form is a word the news uses, as often as the whole one: «سيزور» (يزور),
 * not the names «سيرغي», «ستافان», «سيريكا» («يرغي», «تافان» never occur), nor «ستالين» («تالين» is rarer).
 */
function presentIsAWord(f: string): boolean {
  const whole = f.replace(/^[وف]/, '');
  const present = freq(whole.slice(1));
  return present >= 3 && present * 2 >= freq(whole);
}

/** The tense a particle (لم، ولم، لن) gives the verb after it, or null. Only و is stripped: «فلم» is a film. */
function particleOf(lex: TimeLexicon, f: string): 'past' | 'future' | null {
  const c = lex.tenseParticles.get(f);
  if (c) return c;
  return f.charCodeAt(0) === 0x0648 ? (lex.tenseParticles.get(f.slice(1)) ?? null) : null;
}

/**
 * Whether the particle at j follows a conditional word: «ما لم يجدد ترامب … في 12 مايو» (unless he renews) and «إن
 * لم يرجئها» speak of what may still come, not of the past.
 */
function conditionalBefore(toks: readonly ScanToken[], lex: TimeLexicon, j: number): boolean {
  const p = toks[j - 1];
  if (!p || p.kind !== 'w' || toks[j].newClause || !lex.tenseConditionals.has(p.f.replace(/^[وف](?=..)/, ''))) return false;
  // «وهو ما لم يحدث في ديسمبر»: after a pronoun or a demonstrative, ما is «what», and لم keeps its past
  const q = toks[j - 2];
  return !(q && q.kind === 'w' && !p.newClause && RELATIVE_MA_BEFORE.has(q.f));
}
const RELATIVE_MA_BEFORE = contextWords('relative-ma-before');

/** The tense of a clause and whether a particle or a preposition set it (firm) rather than a verb's own form. */
export interface TenseReading {
  tense: Tense;
  firm: boolean;
}

const YET = contextWords('yet');
const YET_NEXT = contextWords('yet-next');
const AFTER_NEXT = contextWords('after-next');
/** how many words after «لم» its «بعد» (yet) may stand: «لم تصدر شركة فيسبوك تعليقا بعد على …» */
const YET_REACH_WORDS = 5;

/**
 * Whether the past particle at j is «لم … بعد», not yet: «بعد» a few words on in its clause, where it is no
 * preposition: before a pause («لم تنشر بعد،»), before a preposition («لم تصدر تعليقا بعد على»), or right after the
 * verb before an indefinite word («لم يشكل بعد حكومة», «لم يتضح بعد إن»), not before a definite or possessed noun
 * or «أن» («لم يعد بعد الحرب», «لم يعلق بعد خروجه», «لم يصل بعد أن»: after).
 */
function notYetAt(toks: readonly ScanToken[], j: number): boolean {
  for (let k = j + 1, words = 0; k < toks.length && words <= YET_REACH_WORDS; k++) {
    if (toks[k].newClause) return false;
    if (toks[k].kind !== 'w') continue;
    words++;
    if (!YET.has(toks[k].f)) continue;
    const u = toks[k + 1];
    if (!u || u.newClause || u.kind === 'p') return true;
    if (u.kind !== 'w') return false;
    const v = toks[k + 2];
    if (YET_NEXT.has(u.f) || (v && v.kind === 'w' && YET_NEXT.has(u.f + ' ' + v.f))) return true;
    return words === 2 && !AFTER_NEXT.has(u.f) && !/^(?:[وفب]?ال|لل)/.test(u.f) && !/(?:ه|ها|هم|هما)$/.test(u.f);
  }
  return false;
}

/**
 * The tense a particle at j gives its clause: «لم … بعد» (not yet) tells of nothing done, so a date around it is
 * the one nearest the publication (`nearest`); else the particle's own.
 */
function particleReading(toks: readonly ScanToken[], tense: 'past' | 'future', j: number): TenseReading {
  return tense === 'past' && notYetAt(toks, j) ? { tense: 'nearest', firm: true } : { tense, firm: true };
}

/** The cue of the word at k, a particle right before it overriding the verb's own («لم يعقد» is past). */
function cueAt(toks: readonly ScanToken[], lex: TimeLexicon, k: number): TenseReading | null {
  const particle = particleOf(lex, toks[k].f);
  if (particle && conditionalBefore(toks, lex, k)) return null;
  const own = particle ?? cueOf(lex, toks[k].f);
  if (!own) return null;
  for (let j = k - 1; j >= 0; j--) {
    if (toks[j + 1].newClause) break;
    if (toks[j].kind !== 'w') continue;
    const before = particleOf(lex, toks[j].f);
    if (before && conditionalBefore(toks, lex, j)) return null;
    if (before) return particleReading(toks, before, j);
    break;
  }
  return particle ? particleReading(toks, particle, k) : { tense: own, firm: false };
}

/** Complementizers: a future verb after them belongs to reported content, not to the time expression. */
const COMPLEMENTIZER = /^(?:و|ف)?(?:ان|انه|انها|انهم|بان|بانه|بانها|لان)$/;

const BACK_WORDS = 14;
const AHEAD_WORDS = 6;

/**
 * The tense of the clause around tokens [start, end): the nearest cue word before the expression (Arabic puts
 * the verb first: "قال الوزير الجمعة"), else the nearest cue after it, up to a complementizer.
 */
export function tenseAround(toks: readonly ScanToken[], lex: TimeLexicon, start: number, end: number): Tense | null {
  return tenseEvidence(toks, lex, start, end)?.tense ?? null;
}

/** tenseAround, telling also whether a particle or a preposition set the tense. */
export function tenseEvidence(toks: readonly ScanToken[], lex: TimeLexicon, start: number, end: number): TenseReading | null {
  // «منذ الخميس»: a preposition right before the expression decides («منذ أواخر نوفمبر»: past a part word)
  let b = start - 1;
  while (b > 0 && lex.modifiers.has(toks[b].f) && !toks[b + 1].newClause) b--;
  const prev = toks[b];
  if (prev && prev.kind === 'w' && !toks[b + 1].newClause) {
    // two words first: «اعتبارا من 22 مايو», «ابتداء من يوليو» (a start date, whatever the verb)
    const before = b > 0 && toks[b - 1].kind === 'w' && !toks[b].newClause ? toks[b - 1].f.replace(/^[وف](?=...)/, '') : null;
    const p = (before ? lex.tensePrepositions.get(before + ' ' + prev.f) : undefined) ??
      lex.tensePrepositions.get(prev.f) ?? (prev.f.charCodeAt(0) === 0x0648 ? lex.tensePrepositions.get(prev.f.slice(1)) : undefined);
    if (p) return { tense: p, firm: true };
  }
  for (let k = start - 1, words = 0; k >= 0 && words < BACK_WORDS; k--) {
    if (toks[k + 1].newClause) break;
    const t = toks[k];
    if (t.kind !== 'w') continue;
    words++;
    const c = cueAt(toks, lex, k);
    if (c) return c;
  }
  for (let k = end, words = 0; k < toks.length && words < AHEAD_WORDS; k++) {
    if (toks[k].newClause) break;
    const t = toks[k];
    if (t.kind !== 'w') continue;
    words++;
    if (COMPLEMENTIZER.test(t.f)) break;
    const c = cueAt(toks, lex, k);
    if (c) return c;
  }
  return null;
}
