/**
 * Clitic analysis: the candidate segmentations of an Arabic word into proclitics (و ف ب ك ل لل س ال), a stem
 * and a pronoun enclitic (ه ها هم هما هن ك كم كن ي نا ني), most likely first.
 *
 * Candidates are ranked by corpus evidence (resources/text/lexicon.tsv) so that words whose first letters only
 * look like clitics keep them: بغداد, لندن, فرنسا, كندا, وليد, والي. A reading's score is
 *   log(1 + support of its stem) + Σ clitic priors (resources/text/clitics.tsv: how readily each clitic attaches),
 * where a stem's support is its corpus count alone and with the article (or a share of its ending-less form's,
 * so a rare كتابين still counts as كتاب). The unsegmented reading is scored on the word's own count, plus
 * strong credit for "lexical evidence" — the word seen after a clitic that could not precede its first letter
 * read as a clitic (الوليد, لكندا: an article or preposition cannot stand before a conjunction). When that
 * evidence is missing and a proclitic reading is a well attested word, most of the word's count is taken to be
 * clitic readings (وأضاف, وقال are و + verb) and only a small share of it supports the unsegmented reading.
 * Function words do not host proclitics of known words (والي ≠ و + إلى here), take pronouns only when they are
 * prepositions or particles (resources/text/pronoun-hosts.txt: فيها, لكنه; not تم + كن), and
 * resources/text/keep-words.txt lists words kept whole whatever the corpus says (names such as فيصل).
 * For words the corpus never saw the priors decide, in the direction Lucene's light10 would. */
import { readList, readTsv } from '../resources.js';
import { articleFreq, evidenceFreq, freq, totalFreq } from './lexicon.js';
import { normalize } from './normalize.js';
import { isStopwordFolded } from './stopwords.js';

export interface Segmentation {
  proclitics: string[];
  stem: string;
  enclitics: string[];
  score: number;
}

type Slot = 'conj' | 'prep' | 'future' | 'lamlam' | 'article' | 'enclitic';

interface CliticTable {
  conj: Map<string, number>;
  prep: Map<string, number>;
  future: Map<string, number>;
  lamlam: number;
  article: number;
  /** enclitics, longest first */
  enclitics: Array<[string, number]>;
}

const CLITICS: CliticTable = (() => {
  const rows = readTsv(['text', 'clitics.tsv']) as Record<string, string>[];
  const t: CliticTable = { conj: new Map(), prep: new Map(), future: new Map(), lamlam: 0, article: 0, enclitics: [] };
  for (const r of rows) {
    const prior = parseFloat(r.prior) || 0;
    switch (r.slot as Slot) {
      case 'conj': t.conj.set(r.clitic, prior); break;
      case 'prep': t.prep.set(r.clitic, prior); break;
      case 'future': t.future.set(r.clitic, prior); break;
      case 'lamlam': t.lamlam = prior; break;
      case 'article': t.article = prior; break;
      case 'enclitic': t.enclitics.push([r.clitic, prior]); break;
    }
  }
  t.enclitics.sort((a, b) => b[0].length - a[0].length);
  return t;
})();

/**
 * The unsegmented reading of a word counts fully only when the word shows it is a word of its own: it also
 * occurs after a clitic that could not precede its first letter as a clitic (الوليد, لكندا, بسياسة — an
 * article or a preposition cannot stand before a conjunction or another preposition). Otherwise its count is
 * mostly clitic readings (وأضاف, وقال) and only CLITIC_SHARE of it supports the unsegmented reading.
 */
const LEXICAL_EVIDENCE = 0.02;
const CLITIC_SHARE = 0.01;
/** A proclitic reading's stem needs this corpus count to take the word's count away (كريس is not ك + ريس). */
const MIN_ATTESTED = 50;
/** Credit per occurrence of that evidence. */
const EVIDENCE_CREDIT = 3;
/** A stem that is a function word (الي, في, له) does not support a segmentation of a known word (والي, الله). */
const STOPWORD_STEM_SHARE = 0;

const ALEF = 0x627;
const LAM = 0x644;
const FUTURE_NEXT = new Set([0x64a, 0x62a, 0x646]); // ي ت ن (سأ is rare and سامي, سالم are names)
const TEH = 0x62a;

/** Arabic letters only (after search folding): the words clitic analysis applies to. */
export function isArabicFolded(w: string): boolean {
  if (w.length === 0) return false;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c < 0x621 || c > 0x64a || c === 0x640) return false;
  }
  return true;
}

/** Corpus support of a stem: its count alone and with the article. */
function directSupport(stem: string): number {
  return stem.charCodeAt(0) === ALEF && stem.charCodeAt(1) === LAM ? freq(stem) : totalFreq(stem);
}

/** Inflectional endings that say nothing about clitics: a rare كتابين is still كتاب + ين. */
const ENDINGS = ['ين', 'ون', 'ان', 'ات', 'يه', 'ه', 'ي', 'ا'];
/** Share of the support of the form without its ending credited to the form itself. */
const ENDING_SHARE = 0.1;

/** The form without one inflectional ending (at least three letters left), or null. */
function withoutEnding(w: string): string | null {
  for (const e of ENDINGS) if (w.length - e.length >= 3 && w.endsWith(e)) return w.slice(0, w.length - e.length);
  return null;
}

/** Support of a stem: its own, or a share of its ending-less form's when that is better attested. */
function support(stem: string): number {
  const own = directSupport(stem);
  const base = withoutEnding(stem);
  return base === null ? own : Math.max(own, ENDING_SHARE * directSupport(base));
}

/** Support of the unsegmented reading of a word (see LEXICAL_EVIDENCE). */
function wholeSupportOf(w: string, functionForm: boolean, pres: Prefix[] = prefixes(w)): number {
  const f = freq(w);
  const evidence = lexicalEvidence(w);
  // a word's count is shared with its proclitic readings only when one of them is a well attested word
  const shared =
    !functionForm && evidence < LEXICAL_EVIDENCE * f && startsLikeProclitic(w) && bestProcliticSupport(w, pres) >= Math.max(MIN_ATTESTED, CLITIC_SHARE * f);
  return (shared ? CLITIC_SHARE * f : f) + EVIDENCE_CREDIT * evidence;
}

function bestProcliticSupport(w: string, pres: Prefix[]): number {
  let best = 0;
  for (const p of pres) if (p.proclitics.length) best = Math.max(best, directSupport(w.slice(p.at)));
  return best;
}

function startsLikeProclitic(w: string): boolean {
  const c = w[0];
  return CLITICS.conj.has(c) || CLITICS.prep.has(c) || CLITICS.future.has(c) || (w.charCodeAt(0) === ALEF && w.charCodeAt(1) === LAM);
}

/**
 * Occurrences of w after clitics that cannot precede its first letter read as a clitic: after the article
 * (any word), after a preposition (a word starting with و ف ب ل ك س), after a conjunction (a word starting
 * with و ف). They show the first letter belongs to the word.
 */
function lexicalEvidence(w: string): number {
  return evidenceFreq(w);
}

interface Prefix {
  proclitics: string[];
  /** where the rest of the word starts */
  at: number;
  prior: number;
  /** the article is among the proclitics (no enclitic can follow) */
  article: boolean;
  /** the lamlam reading: the stem is written after "لل" */
  lamlam: boolean;
}

/** Every structurally possible proclitic chain of w: [conj] [prep | lamlam | future] [article]. */
function prefixes(w: string): Prefix[] {
  const out: Prefix[] = [{ proclitics: [], at: 0, prior: 0, article: false, lamlam: false }];
  const n = w.length;
  const conjs: Array<[string[], number, number]> = [[[], 0, 0]];
  const c0 = w[0];
  if (CLITICS.conj.has(c0) && n - 1 >= 3) conjs.push([[c0], 1, CLITICS.conj.get(c0)!]);
  for (const [conj, p1, prior1] of conjs) {
    const seconds: Array<[string[], number, number, 'none' | 'prep' | 'lamlam' | 'future']> = [[[], p1, 0, 'none']];
    const c1 = w[p1];
    if (CLITICS.prep.has(c1) && n - p1 - 1 >= 3) seconds.push([[c1], p1 + 1, CLITICS.prep.get(c1)!, 'prep']);
    if (w.charCodeAt(p1) === LAM && w.charCodeAt(p1 + 1) === LAM && n - p1 - 2 >= 2) seconds.push([['ل', 'ال'], p1 + 2, CLITICS.lamlam, 'lamlam']);
    if (CLITICS.future.has(c1) && FUTURE_NEXT.has(w.charCodeAt(p1 + 1)) && n - p1 - 1 >= 3) {
      seconds.push([[c1], p1 + 1, CLITICS.future.get(c1)!, 'future']);
    }
    for (const [second, p2, prior2, kind] of seconds) {
      if (conj.length || second.length) {
        out.push({ proclitics: [...conj, ...second], at: p2, prior: prior1 + prior2, article: kind === 'lamlam', lamlam: kind === 'lamlam' });
      }
      if ((kind === 'none' || kind === 'prep') && w.charCodeAt(p2) === ALEF && w.charCodeAt(p2 + 1) === LAM && n - p2 - 2 >= 2) {
        out.push({ proclitics: [...conj, ...second, 'ال'], at: p2 + 2, prior: prior1 + prior2 + CLITICS.article, article: true, lamlam: false });
      }
    }
  }
  return out;
}

/** Segmentations whose stem's final ه is a restored ta marbuta (حكومتها → حكومه). */
const TA_MARBUTA = new WeakSet<Segmentation>();

/** True when the stem of a segmentation from bestSegmentFolded ends in a ta marbuta written ت before a pronoun. */
export function endsInRestoredTaMarbuta(seg: Segmentation): boolean {
  return TA_MARBUTA.has(seg);
}

const segmentCache = new Map<string, Segmentation[]>();
const SEGMENT_CACHE_MAX = 200_000;

/**
 * Candidate segmentations of `word` (any orthography; analysed at the `search` level), most likely first.
 * Non-Arabic input gives one candidate: the folded word itself.
 */
export function segment(word: string): Segmentation[] {
  const w = normalize(word, 'search');
  const cached = segmentCache.get(w);
  if (cached) return cached.map(copySeg);
  const result = computeSegments(w);
  if (segmentCache.size >= SEGMENT_CACHE_MAX) segmentCache.clear();
  segmentCache.set(w, result);
  return result.map(copySeg);
}

function copySeg(s: Segmentation): Segmentation {
  return { proclitics: [...s.proclitics], stem: s.stem, enclitics: [...s.enclitics], score: s.score };
}

/**
 * The best segmentation of a word already folded to the `search` level, computed without building and
 * sorting the candidate list (the stemmer's path; its callers cache per word).
 */
export function bestSegmentFolded(w: string): Segmentation {
  const cached = segmentCache.get(w);
  return cached ? cached[0] : computeSegments(w, true)[0];
}

/** Function words that take pronoun suffixes (resources/text/pronoun-hosts.txt), search-folded. */
const PRONOUN_HOSTS: Set<string> = new Set(readList('text', 'pronoun-hosts.txt').map((w) => normalize(w, 'search')));

/** Words kept whole whatever their letters look like (resources/text/keep-words.txt), search-folded. */
const KEEP_BONUS = 100;
const KEEP_WORDS: Set<string> = new Set(readList('text', 'keep-words.txt').map((w) => normalize(w, 'search')));

/** True when the folded word is on the keep list. */
export function isKeepWord(folded: string): boolean {
  return KEEP_WORDS.has(folded);
}

function cliticCount(s: Segmentation): number {
  return s.proclitics.length + s.enclitics.length;
}

function computeSegments(w: string, bestOnly = false): Segmentation[] {
  if (!isArabicFolded(w)) return [{ proclitics: [], stem: w, enclitics: [], score: 0 }];
  const f = freq(w);
  const known = f >= 3;
  const pres = prefixes(w);
  // a function word behind a clitic (والي = وإلى, وفي): the form is that function word's, count it fully
  const functionForm = known && pres.some((p) => p.proclitics.length > 0 && isStopwordFolded(w.slice(p.at)));
  let wholeSupport = wholeSupportOf(w, functionForm, pres);
  const base = withoutEnding(w);
  if (base !== null) wholeSupport = Math.max(wholeSupport, ENDING_SHARE * wholeSupportOf(base, false));
  const keep = KEEP_WORDS.has(w) ? KEEP_BONUS : 0;
  const cands: Segmentation[] = [{ proclitics: [], stem: w, enclitics: [], score: Math.log1p(wholeSupport) + keep }];
  // bestOnly: cands[0] is the best so far (ties: the earlier, shorter analysis stays), nothing else is kept
  const add = (seg: Segmentation): void => {
    if (!bestOnly) cands.push(seg);
    else if (seg.score > cands[0].score || (seg.score === cands[0].score && cliticCount(seg) < cliticCount(cands[0]))) cands[0] = seg;
  };
  // a function word as the host of proclitics (و + الي) does not explain a known word; with only a pronoun
  // attached it does (فيها = في + ها)
  const stemScore = (stem: string, prior: number, proclitics: number): number => {
    let s = support(stem);
    if (proclitics > 0 && known && isStopwordFolded(stem)) s *= STOPWORD_STEM_SHARE;
    return Math.log1p(s) + prior;
  };
  for (const p of pres) {
    const rest = w.slice(p.at);
    // التي, الذي, الي are function words, not ال + تي
    if (p.article && !p.lamlam && isStopwordFolded(w.slice(p.at - 2))) continue;
    if (p.proclitics.length) add({ proclitics: p.proclitics, stem: rest, enclitics: [], score: stemScore(rest, p.prior, p.proclitics.length) });
    if (p.article) continue; // no pronoun after the article
    for (const [enc, prior] of CLITICS.enclitics) {
      if (!rest.endsWith(enc)) continue;
      const base = rest.slice(0, rest.length - enc.length);
      if (base.length < (enc.length === 1 ? 3 : 2)) continue;
      // no pronoun after the article: العراقي is ال + عراقي, not العراق + ي (unless ال is the word's: التزامه)
      if (base.charCodeAt(0) === ALEF && base.charCodeAt(1) === LAM) {
        const a = articleFreq(base);
        if (a === 0 || a < LEXICAL_EVIDENCE * freq(base)) continue;
      }
      // a function word hosts a pronoun only if it is a preposition or particle (فيها, لكنه), not تم + كن
      if (isStopwordFolded(base) && !PRONOUN_HOSTS.has(base)) continue;
      add({ proclitics: p.proclitics, stem: base, enclitics: [enc], score: stemScore(base, p.prior + prior, p.proclitics.length) });
      // ta marbuta is written ت before a pronoun: حكومته = حكومة + ه
      if (base.length >= 3 && base.charCodeAt(base.length - 1) === TEH) {
        const restored = base.slice(0, -1) + 'ه';
        const seg: Segmentation = { proclitics: p.proclitics, stem: restored, enclitics: [enc], score: stemScore(restored, p.prior + prior, p.proclitics.length) };
        TA_MARBUTA.add(seg);
        add(seg);
      }
    }
  }
  // most likely first; ties keep the shorter analysis (fewer clitics) first
  cands.sort((a, b) => b.score - a.score || a.proclitics.length + a.enclitics.length - (b.proclitics.length + b.enclitics.length));
  return cands;
}

/** Clears the analysis cache (after swapping the lexicon in tests). */
export function clearSegmentCache(): void {
  segmentCache.clear();
}
