/**
 * A light stemmer for search, built on the clitic analysis: fold to the `search` level, take the most likely
 * segmentation (proclitics and pronoun removed), then strip common suffixes in Lucene light10's order
 * (ها ان ات ون ين يه ه ي) with length guards. Unlike light10 it handles stacked proclitics (وبالمستثمرين), does
 * not strip letters that only look like clitics (بغداد, وليد, كندا — decided by the corpus lexicon), and keeps
 * suffix-like endings of frequent words that have no other inflection in the corpus (لبنان, ايران).
 * Stop words and non-Arabic tokens are returned folded, unstemmed.
 */
import { bestSegmentFolded, endsInRestoredTaMarbuta, isArabicFolded, isKeepWord } from './clitics.js';
import { FAMILY_ENDINGS, familyFreq, taMarbutaShare, totalFreq } from './lexicon.js';
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

/**
 * Dual and sound plural endings come in nominative/oblique pairs (ان/ين, ون/ين), and the oblique ين is the
 * commoner of the two: a frequent form whose counterpart is missing or rare is not an inflected form (اعلان,
 * قانون, تشرين, ملايين keep their endings; طالبان is not طالب + ان although طالبين occurs). A verb's ون
 * (يقولون) pairs with وا (يقولوا) or with its frequent bare stem (يقول).
 */
const COUNTERPARTS: Record<string, Array<[ending: string, minShare: number]>> = {
  ان: [['ين', 0.3]],
  ون: [['ين', 0.3], ['وا', 0.02]],
  ين: [['ون', 0.05], ['ان', 0.05]],
};
const COUNTERPART_MIN_COUNT = 20;
const VERB_STEM_SHARE = 0.5;
function hasCaseCounterpart(stem: string, suffix: string): boolean {
  const others = COUNTERPARTS[suffix];
  if (!others) return true;
  const f = total(stem + suffix);
  if (f < COUNTERPART_MIN_COUNT) return true; // too rare to judge: strip like light10
  for (const [o, share] of others) if (total(stem + o) >= share * f) return true;
  return suffix === 'ون' && total(stem) >= VERB_STEM_SHARE * f;
}

const SHORT_FEMININE_MIN_COUNT = 50;

const TEH = 0x62a;
const ALEF = 0x627;

/** `taMarbuta`: the final ه is known to be a ta marbuta (ة in the original), a suffix whatever the lexicon says. */
/** `tanween`: the word may end in the accusative alef (no pronoun follows). */
function stripSuffixes(s: string, taMarbuta: boolean, tanween = true): string {
  if (tanween) s = stripTanweenAlef(s);
  for (const suf of SUFFIXES) {
    if (!s.endsWith(suf)) continue;
    if (s.length - suf.length < MIN_STEM) {
      // a short feminine noun's plural meets its singular: قوات → قوه like قوة, لغات → لغه (بنات, ذات stay)
      if (suf === 'ات' && s.length === 4) {
        const fem = s.slice(0, 2) + 'ه';
        if (total(fem) >= SHORT_FEMININE_MIN_COUNT && total(fem) >= total(s) / 10) s = fem;
      }
      continue;
    }
    if (suf === 'ه' && taMarbuta) {
      s = s.slice(0, -1);
      continue;
    }
    // ـاية nouns keep their ي: ولاية, نهاية, رواية (ولايات → ولاي like ولاية → ولاي)
    if (suf[0] === 'ي' && s.charCodeAt(s.length - suf.length - 1) === ALEF) continue;
    let t = s.slice(0, s.length - suf.length);
    // dual and plural endings are judged by their counterparts, the others by the stem's inflections
    if (suf in COUNTERPARTS ? !hasCaseCounterpart(t, suf) : protectedEnding(s, t, suf)) continue;
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

/** A form ending in ه is read as ending in ة when the corpus writes it so at least this often. */
const TA_MARBUTA_SHARE = 0.5;
const TA_MARBUTA_FORMS = new Set([0x629, 0xfe93, 0xfe94]); // ة and its presentation forms

/** The original word's last letter (ignoring harakat, tatweel and invisible marks) is a ta marbuta. */
function endsWithTaMarbuta(word: string): boolean {
  for (let i = word.length - 1; i >= 0; i--) {
    const c = word.charCodeAt(i);
    if (TA_MARBUTA_FORMS.has(c)) return true;
    const removed = (c >= 0x64b && c <= 0x65f) || c === 0x670 || c === 0x640 || (c >= 0x200b && c <= 0x200f) || c === 0xfeff;
    if (!removed) return false;
  }
  return false;
}

function computeStem(word: string): string {
  return stemFolded(word, normalize(word, 'search'));
}

/**
 * The stem of `word` whose `search`-level form is `folded` (the tokenizer has it already). Not cached: the
 * tokenizer caches per distinct token.
 */
export function stemFolded(word: string, folded: string): string {
  const w = folded;
  if (!isArabicFolded(w) || isStopwordFolded(w)) return w;
  const seg = bestSegmentFolded(w);
  if (isStopwordFolded(seg.stem)) return seg.stem;
  // ة folds to ه at the search level; the original spelling tells a ta marbuta from a root ه (اتجاه, مياه)
  // (a ه-spelled ة — مدينه for مدينة, common in queries — counts as one when the corpus mostly writes ة)
  const taMarbuta =
    seg.enclitics.length === 0 ? endsWithTaMarbuta(word) || (seg.stem.endsWith('ه') && taMarbutaShare(seg.stem) >= TA_MARBUTA_SHARE) : endsInRestoredTaMarbuta(seg);
  if (isKeepWord(seg.stem)) return taMarbuta && seg.stem.length > MIN_STEM ? seg.stem.slice(0, -1) : seg.stem;
  return stripSuffixes(seg.stem, taMarbuta, seg.enclitics.length === 0);
}

/** Clears the stem cache (after swapping the lexicon in tests). */
export function clearStemCache(): void {
  stemCache.clear();
}
