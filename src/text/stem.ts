/**
 * A light stemmer for search, built on the clitic analysis: fold to the `search` level, take the most likely
 * segmentation (proclitics and pronoun removed), then strip common suffixes in Lucene light10's order
 * (ها ان ات ون ين يه ه ي) with length guards. Unlike light10 it handles stacked proclitics (وبالمستثمرين), does
 * not strip letters that only look like clitics (بغداد, وليد, كندا — decided by the corpus lexicon), and keeps
 * suffix-like endings of frequent words that have no other inflection in the corpus (لبنان, ايران).
 * Stop words and non-Arabic tokens are returned folded, unstemmed.
 */
import { bestSegmentFolded, endsInRestoredTaMarbuta, isArabicFolded, isKeepWord } from './clitics.js';
import { FAMILY_ENDINGS, familyFreq, totalFreq } from './lexicon.js';
import { normalize } from './normalize.js';
import { isStopwordFolded } from './stopwords.js';

/** Suffixes in light10's order; each is tried once. */
const SUFFIXES = ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ه', 'ي'];
/** The stem left after removing a suffix has at least this many letters. */
const MIN_STEM = 3;
/** A frequent form keeps an ending when the stripped stem's inflections are this many times rarer. */
const PROTECT_RATIO = 10;
const PROTECT_MIN_COUNT = 20;
const total = totalFreq;

/** True when `form` (= stem + suffix) is frequent but `stem` is hardly attested otherwise: لبنان ≠ لبن + ان. */
function protectedEnding(form: string, stem: string, suffix: string): boolean {
  const f = total(form);
  if (f < PROTECT_MIN_COUNT) return false;
  const family = familyFreq(stem) - (FAMILY_ENDINGS.includes(suffix) ? f : 0);
  return family * PROTECT_RATIO < f;
}

const TEH = 0x62a;
const ALEF = 0x627;

/** `taMarbuta`: the final ه is known to be a ta marbuta (ة in the original), a suffix whatever the lexicon says. */
function stripSuffixes(s: string, taMarbuta: boolean): string {
  s = stripTanweenAlef(s);
  for (const suf of SUFFIXES) {
    if (s.length - suf.length < MIN_STEM || !s.endsWith(suf)) continue;
    if (suf === 'ه' && taMarbuta) {
      s = s.slice(0, -1);
      continue;
    }
    // ـاية nouns keep their ي: ولاية, نهاية, رواية (ولايات → ولاي like ولاية → ولاي)
    if (suf[0] === 'ي' && s.charCodeAt(s.length - suf.length - 1) === ALEF) continue;
    let t = s.slice(0, s.length - suf.length);
    if (protectedEnding(s, t, suf)) continue;
    // a feminine noun before a dual/plural ending: دولتين → دولت → دوله (then ه goes like in دوله)
    if (t.charCodeAt(t.length - 1) === TEH && t.length >= 4 && suf.length === 2) {
      const fem = t.slice(0, -1) + 'ه';
      if (total(fem) > total(t)) t = fem;
    }
    s = t;
  }
  return s;
}

/**
 * The alef of the indefinite accusative (مؤتمراً written مؤتمرا, بلدا, رسميا) goes when the form without it is
 * clearly the commoner one and not a function word (كندا, روسيا, العليا keep theirs).
 */
const TANWEEN_ALEF_RATIO = 2;
function stripTanweenAlef(s: string): string {
  if (s.length < 4 || s.charCodeAt(s.length - 1) !== ALEF) return s;
  const t = s.slice(0, -1);
  if (isStopwordFolded(t)) return s;
  const bare = total(t);
  return bare >= TANWEEN_ALEF_RATIO * total(s) && bare > 0 ? t : s;
}

const stemCache = new Map<string, string>();
const STEM_CACHE_MAX = 300_000;

/** The search-level light stem of `word` (any orthography). */
export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = computeStem(word);
    if (stemCache.size >= STEM_CACHE_MAX) stemCache.clear();
    stemCache.set(word, s);
  }
  return s;
}

const TA_MARBUTA = 0x629;

function computeStem(word: string): string {
  const w = normalize(word, 'search');
  if (!isArabicFolded(w) || isStopwordFolded(w)) return w;
  const seg = bestSegmentFolded(w);
  if (isStopwordFolded(seg.stem) || isKeepWord(seg.stem)) return seg.stem;
  // ة folds to ه at the search level; the original spelling tells a ta marbuta from a root ه (اتجاه, مياه)
  const display = normalize(word, 'display');
  const taMarbuta = seg.enclitics.length === 0 ? display.charCodeAt(display.length - 1) === TA_MARBUTA : endsInRestoredTaMarbuta(seg);
  return stripSuffixes(seg.stem, taMarbuta);
}

/** Clears the stem cache (after swapping the lexicon in tests). */
export function clearStemCache(): void {
  stemCache.clear();
}
