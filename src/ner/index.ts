/**
 * The named-entity stage: tags each sentence's tokens with the trained linear model (perceptron + CRF), applies
 * the rule layer (rules.ts: Marsad's annotation policy and the general name lists), and turns BIO chunks into
 * doc.entities (PER/ORG/LOC/MISC) with offsets into the original text. The entity text leaves out attached
 * proclitics: وبغداد → بغداد, وببغداد → بغداد, للخارجية → خارجية (the ل and the article's ل are fused).
 */
import type { ArabicDoc, Entity, EntityType, Stage, Token } from '../doc.js';
import { chunks } from './evaluate.js';
import { fold } from './fold.js';
import { baseOf, loadLexicon, TYPES, type Lexicon } from './lexicon.js';
import { nameKey } from './namekey.js';
import { freq as wordFreq } from '../text/lexicon.js';
import { isStopword } from '../text/stopwords.js';
import { acronymEnd, isAcronymLetter } from '../text/acronyms.js';
import { applyRules, setSpan, takesBa } from './rules.js';
import { tagSentences } from './tagger.js';

export { tagWords, tagSentences, loadModel, setModel } from './tagger.js';
export { evaluate, chunks, formatEvaluation } from './evaluate.js';
export { parseConll } from './conll.js';

/** Sentences longer than this are tagged in windows (decoding is linear, this only bounds memory). */
const MAX_SENTENCE = 400;

function isMark(c: number): boolean {
  return (c >= 0x064b && c <= 0x065f) || c === 0x0670 || c === 0x0640 || (c >= 0x06d6 && c <= 0x06ed);
}

/** Offset in `text` after its first `letters` non-mark characters (and the marks that follow them). */
export function offsetAfterLetters(text: string, letters: number): number {
  let i = 0;
  let seen = 0;
  while (i < text.length && seen < letters) {
    if (!isMark(text.charCodeAt(i))) seen++;
    i++;
  }
  while (i < text.length && isMark(text.charCodeAt(i))) i++;
  return i;
}

/** How many leading characters of an Arabic token are proclitics to leave out of an entity's text. */
export function procliticLength(tokenText: string): number {
  const f = fold(tokenText);
  const lex = loadLexicon();
  const sp = baseOf(lex, f);
  // لل: the preposition and the article's ل are fused; the name starts after both (للكاظمي → كاظمي)
  // (not when the name itself begins with ل: للبنان → لبنان, للواء → لواء)
  let letters = sp.pro.endsWith('لال') && sp.base.startsWith('ال') && !f.slice(sp.proLen).startsWith('ال') && sp.bare === f.slice(sp.proLen + 1) ? sp.proLen + 1 : sp.proLen;
  // a letter that only looks like a proclitic stays when the word with it is the better reading: a name in the
  // lists (فيصل, not ف + يصل; بكين, not ب + كين) or a much more frequent word (بطولة, not ب + طولة)
  for (let i = 0; i < letters && i < sp.proLen; i++) {
    if (f[i] === 'ل' && f[i + 1] === 'ل') break; // لل is always ل + the article
    if (keepsLetter(lex, f.slice(i), f.slice(i + 1), /^[أإآ]/.test(tokenText.replace(MARKS, '').slice(i + 1)))) {
      letters = i;
      break;
    }
  }
  // a preposition before a hamza on alef (لأوجين، بإيمانويل): transliterated names do not begin so, whatever the
  // corpus counts say of the unknown rest
  if (letters <= 0) letters = HAMZA_AFTER_PREPOSITION.exec(tokenText.replace(MARKS, ''))?.[1].length ?? 0;
  // a place or an organization too rare in the corpus for the splitter to know it (بمراكش → مراكش); not a person's
  // name, which may itself begin with such a letter (باسيل is not ب + أسيل)
  if (wordFreq(f) < MIN_KEEP_FREQ && !anyListedName(f.slice(letters))) {
    const m = LEADING_PROCLITICS.exec(f);
    for (let n = m?.[0].length ?? 0; n > letters; n--) {
      if (f.length - n >= 3 && listedName(lex, f.slice(n))) {
        letters = n;
        break;
      }
    }
  }
  // و before a listed place or organization that the corpus also writes often with it («وسلوفاكيا» 21 times,
  // «سلوفاكيا» 22): the splitter may keep such a word whole; the list says where the name starts
  if (letters <= 0 && f[0] === 'و' && f.length > 4 && listedName(lex, f.slice(1)) && !anyListedName(f)) letters = 1;
  if (letters <= 0) return 0;
  return offsetAfterLetters(tokenText, letters);
}
/** Quote marks that open a quotation, a name or a title in Arabic news text. */
const OPENING_QUOTES = new Set(['"', '«', '“', "'", '‘']);
/** Proclitics a name may carry: a conjunction, then a preposition (وبـ، فلـ، كـ). */
const LEADING_PROCLITICS = /^[وف]?[بلك]?/;
// not ك: «كأسين» is a cup, not ك + أسين
const HAMZA_AFTER_PREPOSITION = /^([وف]?[لب])[أإ][\u0621-\u064A]{2,}$/;
const MARKS = /[\u064B-\u065F\u0670\u0640]/g;

/** Is `whole` (a word starting with a proclitic-like letter) a better reading than `rest` (without it)? */
function keepsLetter(lex: Lexicon, whole: string, rest: string, restHamza = false): boolean {
  const named = (w: string) => lex.personNames.has(w) || lex.places.has(w) || lex.gazetteer.next.has(nameKey(w));
  if (named(whole) && !named(rest)) return true;
  const fw = wordFreq(whole);
  const fr = wordFreq(rest);
  // a name the corpus writes with the letter a few times and never without it: «فرنسوا» (not ف + رنسوا),
  // «كاليننغراد», «بالميراس»; not و, too common before a rare name («وجاسر»: and Jasser)
  if (fr === 0 && fw >= MIN_UNSPLIT_FREQ && whole[0] !== 'و') return true;
  // ف and ك seldom stand before a name (the conjunction opens a clause, ك compares): a rest the corpus never shows
  // alone is no word, whatever the whole's count («فابيولا», «كاري»; ب and ل before a rare name are common)
  if (fr === 0 && (whole[0] === 'ف' || whole[0] === 'ك') && rest.length >= 3) return true;
  // و/ف before ي opens many transliterated names (ويندي، ويلكنز، فيدريكا، فيديلي) and few Arabic words with a
  // conjunction, whose rest the corpus would show alone (ويوسف → يوسف): kept when the rest is never seen alone
  // (ف: even when the whole is as rare; و, far more common before a name, only when the corpus has the whole)
  if (fr === 0 && rest[0] === 'ي' && (whole[0] === 'ف' || (whole[0] === 'و' && fw >= MIN_UNSPLIT_FREQ))) return true;
  // so does «وا» (واينشتين، واتفورد): an Arabic word after «و» that begins with a bare alef is seen alone too
  // (وانتهت → انتهت); not one with a hamza, as names after «و» begin (وأورور: and Aurore)
  if (fr === 0 && rest[0] === 'ا' && !restHamza && whole[0] === 'و' && fw >= MIN_UNSPLIT_FREQ) return true;
  return fw >= MIN_KEEP_FREQ && fw >= 2 * fr;
}
/** corpus count a word needs before its frequency can keep its first letter */
const MIN_KEEP_FREQ = 20;
/** corpus count that keeps the first letter of a word whose rest the corpus never shows alone */
const MIN_UNSPLIT_FREQ = 3;
/** words back from a name to the verb whose object takes ب */
const BA_VERB_REACH = 6;
/** corpus count from which a word is well known on its own */
const WELL_KNOWN_FREQ = 500;
/** a definite nisba adjective (الإسبانية، المصري) */
const NISBA_LIKE = /^ال[\u0621-\u064A]{2,}(?:ي|ية|يه)$/;

/** Token ranges [from, to) to tag as sentences: the doc's sentences, cut into windows of MAX_SENTENCE. */
function runs(doc: ArabicDoc): Array<[number, number]> {
  const spans: Array<[number, number]> = doc.sentences.length
    ? doc.sentences.map((s) => [s.tokenStart, s.tokenEnd] as [number, number])
    : [[0, doc.tokens.length]];
  const out: Array<[number, number]> = [];
  for (const [from, to] of spans) for (let a = from; a < to; a += MAX_SENTENCE) out.push([a, Math.min(to, a + MAX_SENTENCE)]);
  return out;
}

/** A unit the tagger reads: a token, or one word of a multi-word hashtag (#عهد_التميمي → عهد, التميمي). */
export interface Piece {
  text: string;
  start: number;
  end: number;
  token: number;
  /** a run of punctuation or a symbol: never the first or last word of an entity */
  mark: boolean;
  /** a proclitic was read apart before it (لـ in لبي بي سي): no name runs across it */
  afterProclitic?: boolean;
}

/** The pieces of tokens [a, b): a hashtag is read as the word(s) it tags, split at its underscores. */
function piecesOf(tokens: readonly Token[], a: number, b: number): Piece[] {
  const out: Piece[] = [];
  for (let t = a; t < b; t++) {
    const tok = tokens[t];
    if (tok.kind !== 'hashtag') {
      out.push({ text: tok.text, start: tok.start, end: tok.end, token: t, mark: tok.kind === 'punct' || tok.kind === 'symbol' });
      continue;
    }
    const before = out.length;
    const re = /[^_#]+/g;
    for (let m = re.exec(tok.text); m; m = re.exec(tok.text)) {
      out.push({ text: m[0], start: tok.start + m.index, end: tok.start + m.index + m[0].length, token: t, mark: false });
    }
    if (out.length === before) out.push({ text: tok.text, start: tok.start, end: tok.end, token: t, mark: true });
  }
  return out;
}

const PROCLITIC_LETTERS = new Set(['و', 'ف', 'ب', 'ل', 'ك']);

/**
 * A proclitic on the first letter of a spelled-out acronym (لبي بي سي: «to the BBC») is read apart, so the tagger
 * and the name lists see «بي بي سي». Only before two more letter names, written with spaces or full stops, and
 * not for a function word (لأن في أي): «لبي» alone is the verb لبّى. Edits the pieces in place.
 */
export function splitAcronymProclitics(ps: Piece[]): void {
  for (let i = 0; i + 1 < ps.length; i++) {
    const p = ps[i];
    // cheap tests first: this runs on every word
    if (p.mark || p.text.length < 3 || p.text.length > 6 || !PROCLITIC_LETTERS.has(p.text[0])) continue;
    // two more letter names after it, with spaces or full stops between (بي بي سي, سي.إن.إن): «لأن في» is no acronym
    const letters: Piece[] = [];
    for (let j = i + 1; j < ps.length && letters.length < 2; j++) {
      if (ps[j].text === '.') continue;
      if (ps[j].text.length > 4 || !isAcronymLetter(ps[j].text)) break;
      letters.push(ps[j]);
    }
    if (letters.length < 2 || letters[0].text.length < 2 || isAcronymLetter(p.text)) continue;
    // one proclitic or two (وللبي is not written; ولبي is)
    for (const n of [1, 2]) {
      const rest = p.text.slice(n);
      if (![...p.text.slice(0, n)].every((c) => PROCLITIC_LETTERS.has(c)) || rest.length < 2 || isStopword(rest) || !isAcronymLetter(rest)) continue;
      ps[i] = { ...p, text: rest, start: p.start + n, afterProclitic: true };
      break;
    }
  }
}

/** order of preference for a dotted acronym's type: most are outlets and companies */
const ACRONYM_TYPES = ['ORG', 'MISC', 'LOC', 'PER'];

/**
 * A dotted acronym (بي.بي.سي, written without spaces) is one name: the tagger reads its letters as words and may
 * tag them apart (ORG بي, ORG بي, MISC سي). When any of its letters is tagged, the whole acronym becomes one
 * entity, ORG if any letter was read so. Edits the tags in place.
 */
export function joinDottedAcronyms(ps: readonly Piece[], tags: string[]): void {
  for (let i = 0; i < ps.length; i++) {
    if (!isAcronymLetter(ps[i].text)) continue;
    const j = acronymEnd(ps, i);
    if (j === i) continue;
    const types = new Set<string>();
    for (let k = i; k <= j; k++) if (tags[k] !== 'O') types.add(tags[k].slice(2));
    const type = ACRONYM_TYPES.find((t) => types.has(t));
    if (type) {
      // a name the acronym continues (شبكة [سي.إن.إن]) keeps its start
      const continues = tags[i] === 'I-' + type;
      for (let k = i; k <= j; k++) tags[k] = (k === i && !continues ? 'B-' : 'I-') + type;
      if (j + 1 < tags.length && tags[j + 1].startsWith('I-') && tags[j + 1] !== 'I-' + type) tags[j + 1] = 'B-' + tags[j + 1].slice(2);
    }
    i = j;
  }
}

const HYPHENS = new Set(['-', '‐', '‑']);
const LETTERS = /^[\p{L}\p{M}]+$/u;

/** Is piece k a hyphen written tight between two words (هانسون-يونغ)? */
function tightHyphen(ps: readonly Piece[], k: number): boolean {
  return (
    k > 0 && k + 1 < ps.length && HYPHENS.has(ps[k].text) &&
    ps[k - 1].end === ps[k].start && ps[k].end === ps[k + 1].start &&
    LETTERS.test(ps[k - 1].text) && LETTERS.test(ps[k + 1].text)
  );
}

/** The folded texts of one-word entities written on their own somewhere in the document (not beside a tight hyphen). */
function freeStandingNames(pieces: readonly (readonly Piece[])[], tagged: readonly string[][]): Set<string> {
  const out = new Set<string>();
  pieces.forEach((ps, k) => {
    for (const c of chunks(tagged[k])) {
      if (c.end - c.start !== 1) continue;
      if (tightHyphen(ps, c.start - 1) || tightHyphen(ps, c.end)) continue;
      out.add(fold(ps[c.start].text));
    }
  });
  return out;
}

/** A one-word name that can be half of a hyphenated one: short (يونغ، أون، إن), or a given name (جان، هانز). */
function nameHalf(lex: Lexicon, word: string): boolean {
  const f = fold(word);
  return f.length <= 4 || lex.personNames.has(f);
}

/** corpus count under which a word is a rare word, so likely a name (كيتاروفيتش), not a common one */
const RARE_WORD_FREQ = 500;

/** gazetteer type bits of places and organizations */
const PLACE_OR_ORG = (1 << TYPES.indexOf('LOC')) | (1 << TYPES.indexOf('ORG'));

/** Is the word a name of any type in the name lists? */
function anyListedName(word: string): boolean {
  const lex = loadLexicon();
  const f = fold(word);
  return lex.personNames.has(f) || lex.places.has(f) || lex.gazetteer.next.has(nameKey(f));
}

/**
 * Is a word a place or organization of its own in the name lists (دمشق، برشلونة), and no given name (جان is
 * listed as a place too)? Then it is no half of a name.
 */
function listedName(lex: Lexicon, word: string): boolean {
  const f = fold(word);
  if (lex.personNames.has(f)) return false;
  return lex.places.has(f) || ((lex.gazetteer.next.get(nameKey(f))?.types ?? 0) & PLACE_OR_ORG) !== 0;
}

/**
 * A hyphenated name (كيم جونغ-أون, سارة هانسون-يونغ, جان-بيار بيمبا, نورث راين-ويستفاليا) is one entity: the
 * tagger reads the hyphen as a break and tags the halves apart, or leaves one out. A name of two words or more
 * takes the word on the other side of a tight hyphen when that word is a likely half of a name: untagged and
 * short, a given name or rare in the news corpus (no function word: «ماكرون-إلى»); for a person, also a person's
 * one-word name so (غرابار-كيتاروفيتش), or a short one of another type (يونغ read as MISC). Never a name of the
 * name lists or one the article writes on its own elsewhere: fixtures, routes and pairs stay two names
 * (ريال مدريد-برشلونة, دير الزور-دمشق, فلاديمير بوتين-أردوغان), and so do the pairs of a list
 * (أتالانتا-سمبدوريا، بينيفينتو-هيلاس فيرونا). Returns the hyphenated word pairs it joined (folded «x-y») with
 * their type, so that other mentions of them (هانسون-يونغ, two one-word names) are joined too (joinKnownHyphenated).
 */
export function joinHyphenatedNames(ps: readonly Piece[], tags: string[], freeStanding: ReadonlySet<string>): Array<[string, string]> {
  const lex = loadLexicon();
  const chunkAt = (k: number) => (tags[k] === 'O' ? null : chunks(tags).find((c) => c.start <= k && k < c.end) ?? null);
  const hyphens: number[] = [];
  for (let h = 1; h + 1 < ps.length; h++) if (tags[h] === 'O' && tightHyphen(ps, h)) hyphens.push(h);
  // a list of fixtures or pairs: names on both sides of two hyphens or more
  if (hyphens.filter((h) => tags[h - 1] !== 'O' && tags[h + 1] !== 'O').length >= 2) return [];
  const joined: Array<[string, string]> = [];
  // the one-word side k of a hyphen, for a name of `type`
  const half = (k: number, c: { type: string } | null, type: string): boolean => {
    const word = ps[k].text;
    const f = fold(word);
    if (freeStanding.has(f) || listedName(lex, word)) return false;
    const rare = wordFreq(f) < RARE_WORD_FREQ;
    // «إن» and «هي» end Korean names (مون جيه-إن): only longer function words are out
    if (c === null) return !f.startsWith('ال') && !(f.length > 2 && isStopword(word)) && (nameHalf(lex, word) || rare);
    if (type !== 'PER') return false;
    return c.type === 'PER' ? nameHalf(lex, word) || rare : nameHalf(lex, word) && rare;
  };
  for (const h of hyphens) {
    const a = chunkAt(h - 1);
    const b = chunkAt(h + 1);
    const lenA = a ? a.end - a.start : 0;
    const lenB = b ? b.end - b.start : 0;
    let from: number, to: number, type: string;
    if (lenA >= 2 && lenB <= 1 && half(h + 1, b, a!.type)) {
      from = a!.start;
      to = h + 2;
      type = a!.type;
    } else if (lenB >= 2 && lenA <= 1 && half(h - 1, a, b!.type)) {
      from = h - 1;
      to = b!.end;
      type = b!.type;
    } else continue;
    setSpan(tags, from, to, type);
    joined.push([fold(ps[h - 1].text) + '-' + fold(ps[h + 1].text), type]);
  }
  return joined;
}

/** Other mentions of a hyphenated name joined elsewhere in the document («x-y» → type) become one entity with it. */
export function joinKnownHyphenated(ps: readonly Piece[], tags: string[], known: ReadonlyMap<string, string>): void {
  for (let h = 1; h + 1 < ps.length; h++) {
    if (tags[h] !== 'O' || !tightHyphen(ps, h)) continue;
    const type = known.get(fold(ps[h - 1].text) + '-' + fold(ps[h + 1].text));
    if (!type) continue;
    let from = h - 1;
    let to = h + 2;
    if (tags[h - 1] === 'I-' + type) while (from > 0 && tags[from] !== 'B-' + type) from--;
    while (to < tags.length && tags[to] === 'I-' + type) to++;
    setSpan(tags, from, to, type);
  }
}

export const nerStage: Stage = (doc) => {
  if (!doc.tokens.length) return doc;
  const tokens: Token[] = doc.tokens;
  const spans = runs(doc).filter(([a, b]) => b > a);
  // the whole document at once: pass 2 sees every mention of a name in the article
  const pieces = spans.map(([a, b]) => piecesOf(tokens, a, b));
  pieces.forEach(splitAcronymProclitics);
  const words = pieces.map((ps) => ps.map((p) => p.text));
  // the model, then Marsad's rule layer (ministries and chambers as ORG, short forms of names, …)
  const modelTags = tagSentences(words);
  // «to» starts a new name: [خان] لـ[بي بي سي], not one name over the ل
  pieces.forEach((ps, k) => ps.forEach((p, i) => {
    if (p.afterProclitic && modelTags[k][i].startsWith('I-')) modelTags[k][i] = 'B-' + modelTags[k][i].slice(2);
  }));
  const tagged = applyRules(words, modelTags);
  pieces.forEach((ps, k) => joinDottedAcronyms(ps, tagged[k]));
  if (pieces.some((ps) => ps.some((_, h) => tightHyphen(ps, h)))) {
    const freeStanding = freeStandingNames(pieces, tagged);
    const hyphenated = new Map<string, string>();
    pieces.forEach((ps, k) => {
      for (const [pair, type] of joinHyphenatedNames(ps, tagged[k], freeStanding)) hyphenated.set(pair, type);
    });
    if (hyphenated.size) pieces.forEach((ps, k) => joinKnownHyphenated(ps, tagged[k], hyphenated));
  }
  // each entity's first and last piece and how many letters of proclitics its text leaves out
  const found: Array<{ first: Piece; last: Piece; skip: number; type: string; kept: boolean }> = [];
  const inner = new Set<string>();
  pieces.forEach((ps, k) => {
    for (const c of chunks(tagged[k])) {
      // a name does not begin or end with punctuation (سعود،، → سعود)
      let from = c.start;
      let to = c.end;
      while (from < to && ps[from].mark) from++;
      while (to > from && ps[to - 1].mark) to--;
      if (from === to) continue;
      const first = ps[from];
      const last = ps[to - 1];
      const firstToken = tokens[first.token];
      const split = firstToken.kind === 'word' || firstToken.kind === 'hashtag' ? procliticLength(first.text) : 0;
      let skip = split;
      // و"…" puts the conjunction before the quote: right after an opening quote, و/ف belong to the name (شركة
      // "واغنر"), unless what follows them is a listed name (a quotation may open with و: "ولبنان لن يقبل")
      if (skip === 1 && first.start > 0 && OPENING_QUOTES.has(doc.text[first.start - 1]) && /^[وف]/.test(first.text) && !anyListedName(first.text.slice(1))) skip = 0;
      // a person's name in apposition to a nisba takes no preposition: «المحامية الإسبانية بلين لوخان» is Belén,
      // not ب + لين (a place may: «السفير الإيراني بلندن»); unless the rest is a name the corpus knows well
      // («أشاد الرئيس المصري بترامب»: ب + ترامب, 13,177 times)
      // Only ب: after an adjective ل is most often «of» («السكرتير الشخصي لألفريدو»); nor before a hamza (بإراحة)
      // nor after a verb whose object takes ب («التقى الرئيس الإندونيسي بجوكو ويدودو»)
      // ف likewise: «البولندي فويتسي تشيسني» (no conjunction joins an adjective straight to a name)
      if (skip === 1 && c.type === 'PER' && /^[بف][^أإآ]/.test(first.text) && from > 0 && NISBA_LIKE.test(ps[from - 1].text) &&
          !anyListedName(first.text.slice(1)) && wordFreq(fold(first.text.slice(1))) < WELL_KNOWN_FREQ &&
          (first.text[0] === 'ف' || !ps.slice(Math.max(0, from - BA_VERB_REACH), from).some((p) => takesBa(fold(p.text))))) skip = 0;
      found.push({ first, last, skip, type: c.type, kept: split > 0 && skip === 0 });
      // a word inside a longer name is whole there: «موسى فقيه محمد»
      // (not و or ل, which a reading run over two names or a name and its complement has inside: «[شكري بلعيد
      // والبراهمي]», «[… لمديحة يسري]»)
      for (let k = from + 1; k < to; k++) if (!ps[k].mark && /^[بفك]/.test(ps[k].text) && procliticLength(ps[k].text) > 0) inner.add(c.type + ' ' + ps[k].text);
    }
  });
  // a word read whole once (quoted «"فلورانس"», after a nisba, inside a longer name) is whole wherever else it
  // begins a name of that type: «الإعصار فلورانس» is not ف + لورانس, «وأكد فقيه محمد» not ف + قيه
  const whole = new Set(found.filter((f) => f.kept).map((f) => f.type + ' ' + f.first.text));
  for (const w of inner) whole.add(w);
  const entities: Entity[] = [];
  for (const { first, last, skip: s0, type } of found) {
    const skip = s0 === 1 && whole.has(type + ' ' + first.text) ? 0 : s0;
    const start = first.start + (skip < first.text.length ? skip : 0);
    entities.push({
      start,
      end: last.end,
      text: doc.text.slice(start, last.end),
      type: type as EntityType,
      tokenStart: first.token,
      tokenEnd: last.token + 1,
    });
  }
  return { ...doc, entities };
};
