/**
 * The NER's own word folding. The tagger's model weights are keyed on these exact forms, so they are
 * defined here (not borrowed from src/text) to keep a trained model valid whatever the text layer's
 * normalization becomes.
 */

const DIACRITIC = /[\u064B-\u065F\u0670\u0640\u06D6-\u06ED]/g;

/**
 * Folds an Arabic word: no diacritics/tatweel, one alef, ى→ي, ة→ه, Persian ی ک ھ → ي ك ه, Arabic-Indic digits → ASCII,
 * Latin lower-cased.
 */
export function fold(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if ((c >= 0x064b && c <= 0x065f) || c === 0x0670 || c === 0x0640 || (c >= 0x06d6 && c <= 0x06ed)) continue;
    switch (c) {
      case 0x0622: // آ
      case 0x0623: // أ
      case 0x0625: // إ
      case 0x0671: // ٱ
        out += 'ا';
        break;
      case 0x0649: // ى
      case 0x06cc: // Persian ی, as some sources write Arabic
        out += 'ي';
        break;
      case 0x0629: // ة
      case 0x06be: // Persian ھ
        out += 'ه';
        break;
      case 0x06a9: // Persian ک
        out += 'ك';
        break;
      default:
        if (c >= 0x0660 && c <= 0x0669) out += String.fromCharCode(c - 0x0660 + 48);
        else if (c >= 0x06f0 && c <= 0x06f9) out += String.fromCharCode(c - 0x06f0 + 48);
        else if (c >= 65 && c <= 90) out += String.fromCharCode(c + 32);
        else out += word[i];
    }
  }
  return out;
}

/** Removes only diacritics and tatweel (for display-level comparisons). */
export function stripMarks(word: string): string {
  return word.replace(DIACRITIC, '');
}

export function isArabicLetter(c: number): boolean {
  return (c >= 0x0621 && c <= 0x064a) || (c >= 0x0671 && c <= 0x06d3);
}

/** corpus count from which a word is known (the lexicon's isKnown uses the same) */
export const KNOWN_FREQ = 20;

export interface Split {
  /** proclitics in order (folded), e.g. ['و', 'ب'] or ['و', 'ال'] */
  pro: string;
  /** the base form (folded), keeping the article: وبالعراق → العراق, للعراق → العراق */
  base: string;
  /** the base without the article: العراق → عراق */
  bare: string;
  /** number of ORIGINAL (folded) characters of conjunction/preposition stripped before `base` (article excluded) */
  proLen: number;
}

/**
 * A light, dictionary-free proclitic analysis of a folded word: conjunction و/ف, then one preposition ب/ك/ل,
 * then the article ال (لل = ل + ال). Only strips when at least 2 letters remain, so short names survive.
 * `isKnown` may veto a strip (e.g. when the unstripped word is itself a frequent word like "ولي"); `freq` (corpus
 * counts) tells ل before a word that begins with ل from ل + the article (للبنان, للواء).
 */
export function splitProclitics(w: string, isKnown?: (base: string) => boolean, freq?: (word: string) => number): Split {
  let i = 0;
  let pro = '';
  const rest = () => w.length - i;
  if ((w[i] === 'و' || w[i] === 'ف') && rest() >= 4) {
    if (!isKnown || isKnown(w.slice(i + 1)) || !isKnown(w)) {
      pro += w[i];
      i++;
    }
  }
  if ((w[i] === 'ب' || w[i] === 'ك' || w[i] === 'ل') && rest() >= 4) {
    if (w[i] === 'ل' && w[i + 1] === 'ل') {
      pro += 'ل';
      // لل is ل + (ا)ل: للعراق → العراق. Unless neither that nor its stem is a known word, and the word is ل before
      // a name or noun that begins with ل: للبنان → لبنان, لليبيا → ليبيا; or before one with the article, whose
      // ل the article's has fused with: للواء → اللواء, للاجئين → اللاجئين (the likelier of the two by frequency)
      if (freq && !isKnown?.('ا' + w.slice(i + 1)) && !isKnown?.(w.slice(i + 2))) {
        const own = w.slice(i + 1);
        const plain = freq(own);
        const withArticle = freq('ال' + own);
        if (Math.max(plain, withArticle) >= KNOWN_FREQ) {
          return plain >= withArticle ? { pro, base: own, bare: own, proLen: i + 1 } : { pro: pro + 'ال', base: 'ال' + own, bare: own, proLen: i + 1 };
        }
      }
      return { pro: pro + 'ال', base: 'ا' + w.slice(i + 1), bare: w.slice(i + 2), proLen: i + 1 };
    }
    if (w[i + 1] === 'ا' && w[i + 2] === 'ل' || !isKnown || isKnown(w.slice(i + 1))) {
      pro += w[i];
      i++;
    }
  }
  const base = w.slice(i);
  if (base.startsWith('ال') && base.length >= 4) return { pro: pro + 'ال', base, bare: base.slice(2), proLen: i };
  return { pro, base, bare: base, proLen: i };
}

/** Nisba adjective → its place: العراقي/العراقيه/العراقيين → العراق (folded), else null. */
export function nisbaBase(w: string): string | null {
  for (const suf of ['يين', 'يون', 'يه', 'ي']) {
    if (w.endsWith(suf) && w.length - suf.length >= 3) return w.slice(0, w.length - suf.length);
  }
  return null;
}
