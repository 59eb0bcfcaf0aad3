/**
 * Amounts: money, percentages, counts, plain numbers and ordinals, read from scanner tokens.
 * A number is digits (any digit family) or number words, optionally with a scale (30 مليار، ثلاثة ملايين،
 * نصف مليار); what follows decides the kind: a currency (noun [+ country adjective] or symbol) → money,
 * % / في المئة → percent, a count noun → count with its singular lemma, else number.
 * Numbers inside time expressions (years, days, clock times, durations) are not amounts.
 * Spans leave out approximators (نحو، حوالي) and proclitics (ب، و).
 */
import type { Amount, AmountKind, TimeExpr } from '../doc.js';
import { fold, onlyDropped, originalOffset, scan, type ScanToken } from '../time/fold.js';
import { extractTimesFromTokens, planYearAt } from '../time/extract.js';
import { contextWords, procliticReadings, timeLexicon } from '../time/lexicon.js';
import { amountLexicon, type AmountLexicon } from './lexicon.js';
import { isStopword } from '../text/stopwords.js';
import { articleFreq, totalFreq } from '../text/lexicon.js';
import { bestSegmentFolded } from '../text/clitics.js';
import { singularOf } from './plurals.js';
import { normalize } from '../text/normalize.js';
import { definiteCardinals, numberStartWords, numberWord, parseDigits, readNumber, readOrdinal, startsNumber, type NumberReading } from './numbers.js';

const NUMBER_PROCLITICS = new Set(['و', 'ب', 'ل', 'ف', 'وب', 'ول']);

interface Ctx {
  text: string;
  toks: readonly ScanToken[];
  lex: AmountLexicon;
  /** country-context currency per ambiguous noun and paragraph, computed on first need */
  contextCodes: Map<string, { code: string | null; note: string }>;
  countryMentions: Array<{ at: number; code: string }> | null;
  /** the last bare number a head noun ranked or named, and the token after it */
  lastHead?: { role: 'ordinal' | 'identifier'; end: number };
}

/** Every country the text names (by the currency code it points to), with where. */
function countryMentions(ctx: Ctx): Array<{ at: number; code: string }> {
  if (ctx.countryMentions) return ctx.countryMentions;
  const found: Array<{ at: number; code: string }> = [];
  const { toks, lex } = ctx;
  for (let i = 0; i < toks.length; i++) {
    if (toks[i].kind !== 'w') continue;
    for (const [f] of procliticReadings(toks[i].f)) {
      const m = lex.countries.match(toks, i, f);
      if (m) {
        found.push({ at: toks[i].start, code: m.value });
        break;
      }
    }
  }
  ctx.countryMentions = found;
  return found;
}

/** The candidate the counts point to: named at least once and more than twice as often as the next. */
function clearWinner(candidates: string[], mentions: Array<{ code: string }>): string | null {
  const counts = new Map<string, number>();
  for (const m of mentions) counts.set(m.code, (counts.get(m.code) ?? 0) + 1);
  const [best, second] = candidates.map((c) => [c, counts.get(c) ?? 0] as const).sort((a, b) => b[1] - a[1]);
  return best && best[1] >= 1 && (!second || best[1] > second[1] * 2) ? best[0] : null;
}

/**
 * A bare دينار/ريال/درهم/جنيه/ليرة: the candidate currency the countries of its paragraph point to, else those of
 * the article, when clear (a digest of stories: the Saudi budget's riyals, then Iran's, in one article).
 */
function currencyFromContext(ctx: Ctx, noun: string, candidates: string[], word: string, at: number): { code: string | null; note: string } {
  const text = ctx.text;
  const from = text.lastIndexOf('\n', at) + 1;
  const nl = text.indexOf('\n', at);
  const to = nl < 0 ? text.length : nl;
  const key = `${noun}@${from}`;
  const cached = ctx.contextCodes.get(key);
  if (cached) return cached;
  const all = countryMentions(ctx);
  const local = clearWinner(candidates, all.filter((m) => m.at >= from && m.at < to));
  const code = local ?? clearWinner(candidates, all);
  const result = code
    ? { code, note: `currency of bare "${word}" taken from the ${local ? 'paragraph' : 'article'}'s country context` }
    : { code: null, note: `bare "${word}": country not clear (one of ${candidates.join(', ')})` };
  ctx.contextCodes.set(key, result);
  return result;
}

interface Measure {
  kind: AmountKind;
  currency: string | null;
  unit: string | null;
  end: number;
  note?: string;
  /** the currency's fraction a noun names («سنت»: 0.01) */
  scale?: number;
}

/** What the tokens at j say the number measures. */
function measureAt(ctx: Ctx, j: number): Measure | null {
  const { toks, lex } = ctx;
  const t = toks[j];
  if (!t) return null;
  if (t.kind === 'p' || t.kind === 'l') {
    if (t.f === '%') return { kind: 'percent', currency: null, unit: null, end: j + 1 };
    const code = lex.currencySymbols.get(t.f);
    if (code) return { kind: 'money', currency: code, unit: null, end: j + 1 };
    return null;
  }
  // "3 مليارات من الدولارات"
  if (t.f === 'من' && toks[j + 1]?.kind === 'w' && toks[j + 1].f.startsWith('ال')) {
    const noun = lex.currencyNouns.get(toks[j + 1].f);
    if (noun) {
      const m = measureAt(ctx, j + 1);
      if (m) return m;
    }
  }
  const pct = lex.percentWords.match(toks, j);
  if (pct) return { kind: 'percent', currency: null, unit: null, end: pct.end };
  const noun = lex.currencyNouns.get(t.f);
  if (noun) {
    let end = j + 1;
    let code = noun.code;
    let note: string | undefined;
    const adj = lex.currencyAdjectives.get(noun.noun)?.match(toks, end);
    if (adj) {
      code = adj.value;
      end = adj.end;
    } else if (noun.noun === 'pound' && lex.currencyNouns.get(toks[end]?.f ?? '')?.noun === 'sterling') {
      code = 'GBP';
      end++;
    } else if (code === null) {
      const r = currencyFromContext(ctx, noun.noun, noun.candidates, ctx.text.slice(t.start, t.end), t.start);
      code = r.code;
      note = r.note;
    }
    const m: Measure = { kind: 'money', currency: code, unit: null, end };
    if (note) m.note = note;
    if (noun.unit !== 1) m.scale = noun.unit;
    return m;
  }
  const unit = lex.countUnits.match(toks, j);
  if (unit) return { kind: 'count', currency: null, unit: unit.value, end: unit.end };
  return null;
}

function emit(ctx: Ctx, start: number, endTok: number, kind: AmountKind, value: number, m: Measure | null): Amount {
  const end = ctx.toks[endTok - 1].end;
  // «13 سنتا» is 0.13 dollars (rounded: 13 × 0.01 is 0.13000000000000000444)
  if (m?.scale) value = Number((value * m.scale).toPrecision(12));
  const a: Amount = {
    text: ctx.text.slice(start, end),
    start,
    end,
    kind,
    value,
    currency: m?.currency ?? null,
    unit: m?.unit ?? null,
  };
  if (m?.note) a.note = m.note;
  return a;
}

/** What may be glued before digits in a real amount: proclitics, the article, a tatweel (بـ، الـ، وبالـ). */
const GLUED_PREFIX = /(?:^[وف]?[بلك]?(?:ال)?ـ*$)|ـ$/;

/** A number glued into an identifier ("كوفيد-19", "F-16", "إس-400") is not an amount. */
function isIdentifierPart(toks: readonly ScanToken[], i: number): boolean {
  const prev = toks[i - 1];
  const prev2 = toks[i - 2];
  if (prev && prev.f === '-' && prev.start === toks[i - 1].start && prev.end === toks[i].start && prev2 && prev2.end === prev.start && prev2.kind !== 'n') return true;
  if (prev && prev.kind === 'l' && prev.end === toks[i].start) return true;
  // a name with its number glued on («فرانس24», «الجزيرة360»); not a proclitic or the article (بـ24، الـ16)
  if (prev && prev.kind === 'w' && prev.end === toks[i].start && prev.f.length >= 3 && !GLUED_PREFIX.test(prev.f)) return true;
  const next = toks[i + 1];
  if (next && next.kind === 'l' && next.start === toks[i].end && !amountLexiconSymbol(next.f)) return true;
  return false;
}

/**
 * Digits run into the word before them by a missing space («بلغ68,5 مليون شخص», «إلى40 مليونا», «إلى17 بالمئة»)
 * are an amount when a scale or a measure follows them; a name with its number glued on («فرانس24») has neither.
 */
function gluedByTypo(ctx: Ctx, i: number): boolean {
  const prev = ctx.toks[i - 1];
  if (!prev || prev.kind !== 'w' || prev.end !== ctx.toks[i].start) return false;
  if (ctx.toks[i + 1]?.kind === 'l' && ctx.toks[i + 1].start === ctx.toks[i].end) return false;
  const num = readNumber(ctx.toks, i);
  return !!num && (num.hasWords || measureAt(ctx, num.end) !== null);
}

function amountLexiconSymbol(f: string): boolean {
  return amountLexicon().currencySymbols.has(f);
}

let readingTable: Map<string, Array<[string, number]>> | null = null;

/** Every surface form that can start a number or ordinal (with or without a proclitic) → its readings. */
function numberReadingTable(): Map<string, Array<[string, number]>> {
  if (readingTable) return readingTable;
  const table = new Map<string, Array<[string, number]>>();
  for (const w of numberStartWords()) {
    for (const p of ['', ...NUMBER_PROCLITICS]) {
      const form = p + w;
      if (table.has(form)) continue;
      const r = procliticReadings(form).filter(([x, plen]) => startsNumber(x) && (plen === 0 || NUMBER_PROCLITICS.has(form.slice(0, plen))));
      if (r.length) table.set(form, r);
    }
  }
  // "الثلاث", "الخمسة": the article belongs to the span, so the reading keeps prefix length 0
  for (const w of definiteCardinals()) {
    const form = 'ال' + w;
    if (!table.has(form)) table.set(form, [[w, 0]]);
  }
  readingTable = table;
  return table;
}

let fractionTable: Map<string, Array<[string, number]>> | null = null;

/** Every surface form of a fraction word (with or without a proclitic: بنصف، وثلث) → its readings. */
function fractionReadingTable(lex: AmountLexicon): Map<string, Array<[string, number]>> {
  if (fractionTable) return fractionTable;
  const table = new Map<string, Array<[string, number]>>();
  for (const [w, fr] of lex.fractions) {
    if (fr.cls === 'denominator') continue;
    for (const p of ['', ...NUMBER_PROCLITICS]) {
      const r = procliticReadings(p + w).filter(([x, plen]) => lex.fractions.has(x) && (plen === 0 || NUMBER_PROCLITICS.has((p + w).slice(0, plen))));
      if (r.length && !table.has(p + w)) table.set(p + w, r);
    }
  }
  fractionTable = table;
  return table;
}

/** A pronoun suffix on the original word («قيمتها», «مقاعده»; not the feminine ending ة) makes it a whole. */
const POSSESSED = /(?:[^ة]ه|ها|هم|هما|هن)$/;

/**
 * A fraction that is not of a scale: of one measure («نصف في المئة»: 0.5 %, «نصف طن»: 0.5 t) or of a whole
 * («ثلث السكان», «ثلاثة أرباع الناخبين», «نصف قيمتها»: a percent share). None before a round of a cup, a period or
 * a time unit («نصف النهائي», «ربع قرن»), and «خمس» only before a definite whole (else it is five).
 * `f` is the folded word at i after its proclitic; returns the token index after the amount, or i when there is none.
 */
function fractionAt(ctx: Ctx, out: Amount[], i: number, start: number, f: string, covered: Uint8Array): number {
  const { toks, lex } = ctx;
  const prev = toks[i - 1];
  if (prev && lex.fractionContext.get(prev.f) === 'before') return i;
  // «عام ونصف», «جنيه ونصف الجنيه», «مرة ونصف المرة»: a glued و after an indefinite noun or a number continues it
  if (ctx.text.slice(toks[i].start, start).startsWith('و') && prev && (prev.kind === 'n' || (prev.kind === 'w' && !prev.f.startsWith('ال')))) return i;
  let value: number;
  let definiteOnly = false;
  let j = i + 1;
  const fr = lex.fractions.get(f);
  if (fr && fr.cls !== 'denominator') {
    value = fr.value;
    definiteOnly = fr.cls === 'share-definite';
  } else {
    const numerator = numberWord(f);
    const den = toks[i + 1]?.kind === 'w' ? lex.fractions.get(toks[i + 1].f) : undefined;
    if (!numerator || numerator.cls !== 'unit' || numerator.value < 2 || den?.cls !== 'denominator') return i;
    value = numerator.value * den.value;
    j = i + 2;
  }
  if (covered[j - 1] || covered[j]) return i;
  const next = toks[j];
  if (!next || next.kind !== 'w') return i;
  if (numberWord(next.f)?.cls.startsWith('scale')) return i; // «نصف مليون»: readNumber's
  const m = measureAt(ctx, j);
  // a fraction of one takes the singular («نصف طن»); before a plural it is a share («نصف أعضاء البرلمان»), and so
  // is a singular with a genitive after it («نصف منتخب الأسود»)
  const genitive = toks[m?.end ?? j]?.kind === 'w' && toks[m?.end ?? j].f.startsWith('ال');
  if (m && (m.kind !== 'count' || (m.unit !== null && next.f === fold(m.unit) && !genitive))) {
    out.push(emit(ctx, start, m.end, m.kind, round12(value), m));
    return m.end;
  }
  const bare = next.f.startsWith('ال') ? next.f.slice(2) : next.f;
  const role = lex.fractionContext.get(next.f);
  if (role === 'stop' || timeLexicon().timeUnits.has(bare) || isStopword(next.f)) return i;
  if (next.f.startsWith('و') && lex.fractions.has(next.f.slice(1))) return i; // «ربع ونصف النهائي»
  let whole = next.f.startsWith('ال') && bare.length >= 2;
  if (!whole && (!definiteOnly || role === 'whole')) {
    // an indefinite noun is a whole in a construct with a definite noun («نصف سكان العالم», «خمس سكان تركيا», «خمس
    // قيمة مدخراتهم») or with a pronoun («نصف قيمتها»)
    const after = toks[j + 1];
    const definite = after?.kind === 'w' && (after.f.startsWith('ال') || lex.countryNames.has(after.f) || POSSESSED.test(ctx.text.slice(after.start, after.end)));
    whole = (definite && !after.newClause && lex.fractionContext.get(after.f) !== 'stop') || POSSESSED.test(ctx.text.slice(next.start, next.end));
  }
  if (!whole) return i;
  const a = emit(ctx, start, j, 'percent', round12(value * 100), null);
  a.note = 'a fraction of a whole, as a percentage';
  out.push(a);
  return j;
}

const round12 = (v: number): number => Number(v.toPrecision(12));

/** A list or footnote marker: "(1)", or a small number opening a clause before "-" / ")" / ".". */
function isListMarker(toks: readonly ScanToken[], i: number): boolean {
  const t = toks[i];
  if (!/^\d{1,2}$/.test(t.f)) return false;
  const prev = toks[i - 1], next = toks[i + 1];
  if (prev?.f === '(' && next?.f === ')') return true;
  return (t.newClause || prev?.f === '.' || prev?.f === ':') && (next?.f === '-' || next?.f === ')' || next?.f === '.');
}

/**
 * «الدول الـ28», «المرشحين الـ55»: after a definite plural, «الـN» counts it (a cardinal), where after a singular it
 * ranks («الدورة الـ40»). A plural the count units know gives the unit; a sound plural (-ين/-ات) a bare number.
 */
function pluralBefore(ctx: Ctx, i: number): Measure | null {
  const prev = ctx.toks[i - 1];
  if (!prev || prev.kind !== 'w') return null;
  for (const [f] of procliticReadings(prev.f)) {
    if (!f.startsWith('ال') || f.length < 5) continue;
    const bare = f.slice(2);
    const unit = ctx.lex.countUnits.match(ctx.toks, i - 1, bare);
    if (unit && unit.end === i && bare !== fold(unit.value)) return { kind: 'count', currency: null, unit: unit.value, end: i };
    // (-ون ends singulars too: «القانون الـ5», «الصالون الـ20»)
    if (/(?:ين|ات)$/.test(bare)) return { kind: 'number', currency: null, unit: null, end: i };
  }
  return null;
}

/** الأولي (preliminary) folds like الأولى (first); مجموعة العشرين is the G20. */
function notOrdinal(ctx: Ctx, i: number, f: string): boolean {
  const t = ctx.toks[i];
  if (f.endsWith('اولي') && ctx.text.charCodeAt(t.end - 1) === 0x064a) return true;
  const prev = ctx.toks[i - 1];
  return !!prev && (prev.f === 'مجموعه' || prev.f === 'مجموعتي');
}

/** Amounts in already-scanned text, skipping the tokens covered by `times`. */
export function extractAmountsFromTokens(text: string, toks: readonly ScanToken[], times: TimeExpr[]): Amount[] {
  const lex = amountLexicon();
  const ctx: Ctx = { text, toks, lex, contextCodes: new Map(), countryMentions: null };
  // mark tokens inside time expressions
  const covered = new Uint8Array(toks.length);
  if (times.length) {
    const sorted = [...times].sort((a, b) => a.start - b.start);
    let k = 0;
    for (let i = 0; i < toks.length && k < sorted.length; i++) {
      while (k < sorted.length && sorted[k].end <= toks[i].start) k++;
      if (k < sorted.length && toks[i].end > sorted[k].start && toks[i].start < sorted[k].end) covered[i] = 1;
    }
  }
  const out: Amount[] = [];
  const numberTable = numberReadingTable();
  const fractionTable = fractionReadingTable(lex);
  for (let i = 0; i < toks.length; i++) {
    if (covered[i]) continue;
    const t = toks[i];
    // symbol or % before the number: "$30 مليون", "%30" (as Arabic text often stores it)
    if ((t.kind === 'p' || t.kind === 'l') && toks[i + 1]?.kind === 'n' && !covered[i + 1]) {
      const sym = t.f === '%' ? 'percent' : lex.currencySymbols.get(t.f);
      if (sym && toks[i + 1].start - t.end <= 1) {
        const num = readNumber(toks, i + 1);
        if (num && !num.weak && !covered[num.end - 1]) {
          if (sym === 'percent') out.push(emit(ctx, t.start, num.end, 'percent', num.value, null));
          else out.push(emit(ctx, t.start, num.end, 'money', num.value, { kind: 'money', currency: sym, unit: null, end: num.end }));
          i = num.end - 1;
          continue;
        }
      }
    }
    if (t.kind === 'n') {
      if (isIdentifierPart(toks, i) && !gluedByTypo(ctx, i)) continue;
      const num = readNumber(toks, i);
      if (!num) continue;
      if (isListMarker(toks, i)) continue;
      i = handleNumber(ctx, out, i, t.start, num, covered, t.f) - 1;
      continue;
    }
    if (t.kind !== 'w') continue;
    // "الـ40" is an ordinal (the 40th) unless it measures something ("الـ20 مليون دولار")
    if ((t.f === 'ال' || t.f === 'وال' || t.f === 'بال' || t.f === 'لل') && toks[i + 1]?.kind === 'n' && !covered[i + 1] &&
        onlyDropped(text, t.end, toks[i + 1].start)) {
      const num = readNumber(toks, i + 1);
      if (num && Number.isInteger(num.value) && !covered[num.end - 1]) {
        const m = covered[num.end] ? null : measureAt(ctx, num.end);
        // a round's name, «دور الـ16», is no amount
        if (!m && headRole(ctx, i - 1) === 'identifier') {
          i = num.end - 1;
          continue;
        }
        const spanStart = originalOffset(text, t.start, t.end, t.f.length - 2);
        const counted = m ? null : pluralBefore(ctx, i);
        if (m) out.push(emit(ctx, toks[i + 1].start, m.end, m.kind, num.value, m));
        else if (counted) out.push(emit(ctx, spanStart, num.end, counted.kind, num.value, counted));
        else out.push(emit(ctx, spanStart, num.end, 'ordinal', num.value, null));
        i = (m ? m.end : num.end) - 1;
        continue;
      }
    }
    const fractionReadings = fractionTable.get(t.f);
    if (fractionReadings) {
      const [f, plen] = fractionReadings[0];
      const next = fractionAt(ctx, out, i, originalOffset(text, t.start, t.end, plen), f, covered);
      if (next > i) {
        i = next - 1;
        continue;
      }
    }
    // number words, possibly after a proclitic (بثلاثة، وخمسين، ومليون)
    const readings = numberTable.get(t.f);
    if (readings === undefined) continue;
    for (const [f, plen] of readings) {
      // «ثلاثة أرباع الناخبين»
      if (lex.fractions.get(toks[i + 1]?.f ?? '')?.cls === 'denominator') {
        const next = fractionAt(ctx, out, i, originalOffset(text, t.start, t.end, plen), f, covered);
        if (next > i) {
          i = next - 1;
          break;
        }
      }
      const num = readNumber(toks, i, f);
      if (num) {
        const start = originalOffset(text, t.start, t.end, plen);
        const next = handleNumber(ctx, out, i, start, num, covered, f);
        if (next > i) {
          i = next - 1;
          break;
        }
      }
      const ord = readOrdinal(toks, i, { first: f });
      if (ord && !covered[ord.end - 1] && !notOrdinal(ctx, i, f)) {
        const start = originalOffset(text, t.start, t.end, plen);
        out.push(emit(ctx, start, ord.end, 'ordinal', ord.value, null));
        i = ord.end - 1;
        break;
      }
    }
  }
  return out;
}

/** Classifies a number reading by what follows; returns the token index after the amount (or i when rejected). */
function handleNumber(ctx: Ctx, out: Amount[], i: number, start: number, num: NumberReading, covered: Uint8Array, first: string): number {
  let end = num.end;
  while (end > i + 1 && covered[end - 1]) end--; // never run into a time expression
  if (end !== num.end) return i;
  const m = covered[end] ? null : measureAt(ctx, end);
  // "أحد المسؤولين", "إحدى الشركات" are not amounts; a lone ألف is one only before what it counts, واحد and صفر
  // only before a percentage («واحد بالمئة», «صفر في المئة»)
  if (num.weak && !(m && (ctx.toks[i].f === 'الف' || m.kind === 'percent'))) return i;
  const neg = num.weak ? null : negative(ctx, i, end, m);
  if (neg) {
    out.push(emit(ctx, neg.start ?? start, neg.m.end, neg.m.kind, -num.value, neg.m));
    return neg.m.end;
  }
  if (m) {
    out.push(emit(ctx, start, m.end, m.kind, num.value, m));
    return m.end;
  }
  if (num.weak) return i;
  if (!num.hasDigits && num.end === i + 1) {
    // a lone number word: only when it is clearly a number (not "ثلاث" inside a name); keep most of them
    // words that fold onto a number word but are usually something else: ست (lady), ميتا (dead), مية (water)
    const t = ctx.toks[i];
    const f = first;
    if (f === 'ثماني' || f === 'ثمان' || f === 'ست' || f === 'ستون') return i;
    if ((f === 'ميتا' || f === 'ميه') && !ctx.text.slice(t.start, t.end).includes('ئ')) return i;
  }
  if (dayOfMonth(ctx, i, num)) return end;
  // «دور الثمانية»: a definite number after a naming head names a round
  if (ctx.toks[i].f.startsWith('ال') && headRole(ctx, i - 1) === 'identifier') return end;
  // the year in a plan's name, which the time stage leaves out as no date («رؤية المملكة 2030»)
  if (num.hasDigits && !num.hasWords && num.end === i + 1 && /^\d{4}$/.test(ctx.toks[i].f) && planYearAt(ctx.toks, i)) return end;
  if (inScore(ctx, i, end)) return end;
  const head = num.hasDigits && !num.hasWords ? numberHead(ctx, i) ?? listedAfterHead(ctx, i) : undefined;
  if (head) ctx.lastHead = { role: head, end };
  if (head === 'identifier') return end;
  if (head === 'ordinal') {
    out.push(emit(ctx, start, end, 'ordinal', num.value, null));
    return end;
  }
  const range = rangeMeasure(ctx, num, i, end, covered);
  if (range) {
    out.push(emit(ctx, start, end, range.m.kind, num.value * range.scale, range.m));
    return end;
  }
  const counted = accusativeCounted(ctx, num, i, end) ?? genitiveCounted(ctx, num, i, end);
  if (counted) {
    out.push(emit(ctx, start, counted.end, 'count', num.value, counted));
    return counted.end;
  }
  out.push(emit(ctx, start, end, 'number', num.value, null));
  return end;
}

/** tanwin, other marks and the tatweel, which the unit's lemma leaves out */
const MARKS = /[\u0640\u064b-\u065f\u0670]/g;
/** a plural verb («قتلوا») or a pronoun suffix («سجلها», «بينهما»): no accusative noun */
const NOT_ACCUSATIVE = /(?:وا|ها|هما)$/;

/**
 * What a number ending in 11-99 counts when the count units do not list it: the indefinite accusative singular right
 * after it («15 فوزا»: فوز, «23 إيرانيا»: إيراني, «34 أسقفا»: أسقف; with no alif «15 دائرة», «46 خطأ»). Its stem
 * must be a word of the news (resources/text/lexicon.tsv), which leaves out a final ا of the word's own («12 ميغا»); adverbs are listed
 * (not-counted.tsv: «151 عالميا», «تقريبا»), and country names («روسيا») and time units are no counted noun.
 */
function accusativeCounted(ctx: Ctx, num: NumberReading, i: number, end: number): Measure | null {
  if (!Number.isInteger(num.value) || num.value % 100 < 11) return null;
  const next = ctx.toks[end];
  if (!next || next.kind !== 'w' || next.newClause || next.start - ctx.toks[end - 1].end > 1) return null;
  const f = next.f;
  if (f.length < 3 || f.startsWith('ال') || !countableWord(ctx, f)) return null;
  const written = ctx.text.slice(next.start, next.end).replace(MARKS, '');
  // a noun in ة or a final hamza takes no alif («15 دائرة», «46 خطأ», «950 اعتداء»): a noun the news uses with the
  // article, standing alone (not «بنسبة»)
  if (NO_ALIF_ACCUSATIVE.test(written)) {
    // (a number after a Latin name is a version or a model: «iOS 11 سعة التخزين»)
    if (ctx.toks[i - 1]?.kind === 'l' || constructHead(ctx, end)) return null;
    const key = normalize(written, 'search');
    if (articleFreq(key) < MIN_STEM_FREQ || bestSegmentFolded(key).proclitics.length) return null;
    return { kind: 'count', currency: null, unit: written, end: end + 1 };
  }
  if (!f.endsWith('ا') || NOT_ACCUSATIVE.test(f)) return null;
  if (!written.endsWith('ا')) return null; // «خطأ» folds to «خطا»; its final letter is its own
  const unit = written.slice(0, -1);
  if (totalFreq(normalize(unit, 'search')) < MIN_STEM_FREQ) return null;
  return { kind: 'count', currency: null, unit, end: end + 1 };
}
/** the indefinite accusative of a noun in ة or in a final hamza is written without an alif */
const NO_ALIF_ACCUSATIVE = /(?:ة|[^ا]أ|اء)$/;
/** how often the stem must occur in the news to be a word */
const MIN_STEM_FREQ = 3;

const SOUND_PLURAL = /(?:ين|ون|ات)$/;

/** No stop word, listed non-count (not-counted.tsv), country name, number word or time unit. */
function countableWord(ctx: Ctx, f: string): boolean {
  const { lex } = ctx;
  return !(isStopword(f) || lex.notCounted.has(f) || lex.countryNames.has(f) || numberWord(f) || timeLexicon().timeUnits.has(f));
}

/**
 * What an indefinite number counts when the count units do not list the noun right after it, by the number's
 * grammar: after 3–10 (also 103, 1005 …) a genitive plural («8 تصاريح»: تصريح, «سبع خدمات»: خدمة; its singular
 * from plurals.ts), after a round hundred, thousand or million a genitive singular («300 منزل», «مليون برميل»).
 * The noun stands alone, with no proclitic («7 بحالة خطيرة») or article, and the news uses it with the article
 * (no verb, name or month: «10 داونينغ ستريت», «3 أيار»).
 */
function genitiveCounted(ctx: Ctx, num: NumberReading, i: number, end: number): Measure | null {
  const v = num.value;
  if (!Number.isInteger(v) || v < 3 || ctx.toks[i].f.startsWith('ال')) return null;
  const plural = v % 100 >= 3 && v % 100 <= 10;
  if (!plural && (v < 100 || v % 100 !== 0)) return null;
  const next = ctx.toks[end];
  if (!next || next.kind !== 'w' || next.newClause || next.start - ctx.toks[end - 1].end > 1) return null;
  const f = next.f;
  // (a singular in -ا is an accusative or an adverb; a plural may end so: «5 قضايا»)
  if (f.length < 3 || f.startsWith('ال') || (!plural && f.endsWith('ا')) || !countableWord(ctx, f)) return null;
  if (timeLexicon().months.match(ctx.toks, end)) return null;
  const written = ctx.text.slice(next.start, next.end).replace(MARKS, '');
  // (a singular in ة or hamza heading a construct is no counted noun: «قتل 300 نتيجة القصف»; a plural may have its
  // object after it, «هزت ثلاثة انفجارات المدينة»)
  if (!plural && NO_ALIF_ACCUSATIVE.test(written) && constructHead(ctx, end)) return null;
  const key = normalize(written, 'search');
  if (bestSegmentFolded(key).proclitics.length) return null;
  // (a sound plural after a thousand is an adjective or a participle: «5 ملايين مسجلين لاجئين»)
  const unit = plural ? singularOf(written) : articleFreq(key) >= MIN_STEM_FREQ && !SOUND_PLURAL.test(key) ? written : null;
  return unit ? { kind: 'count', currency: null, unit, end: end + 1 } : null;
}

/**
 * Is the word at k in construct with a definite word after it («قتل 20 نتيجة الانفجار», «أصيب 15 أثناء
 * المواجهات»)? A counted noun is indefinite; a time word after it is the clause's («300 شخص الأسبوع الماضي»).
 */
function constructHead(ctx: Ctx, k: number): boolean {
  const after = ctx.toks[k + 1];
  if (!after || after.kind !== 'w' || after.newClause || after.start - ctx.toks[k].end > 1 || !after.f.startsWith('ال')) return false;
  return !timeLexicon().timeUnits.has(after.f.slice(2)) && !timeLexicon().timeUnits.has(after.f);
}

const MINUS_SIGNS = new Set(['-', '−']);

/**
 * A negative number, with its measure: below zero («5 درجات تحت الصفر», «3 تحت الصفر»: degrees), after «سالب»,
 * or with a minus glued on before a percentage or degrees («-1.5%», «-5 درجات»; a spaced dash is a score or a range).
 * `start` is set when the span opens before the number.
 */
function negative(ctx: Ctx, i: number, end: number, m: Measure | null): { start?: number; m: Measure } | null {
  const { toks, lex } = ctx;
  const below = lex.belowZero.match(toks, m ? m.end : end);
  if (below && (!m || (m.kind === 'count' && m.unit === below.value))) {
    return { m: { kind: 'count', currency: null, unit: below.value, end: below.end } };
  }
  const prev = toks[i - 1];
  if (!prev) return null;
  // (with a conjunction glued on, «وسالب 3», the span starts after it)
  if (prev.kind === 'w' && (lex.minusBefore.has(prev.f) || lex.minusBefore.has(prev.f.replace(/^[وف](?=..)/, '')))) {
    return { start: prev.start + (lex.minusBefore.has(prev.f) ? 0 : 1), m: m ?? { kind: 'number', currency: null, unit: null, end } };
  }
  const before = toks[i - 2];
  if (m && toks[i].kind === 'n' && MINUS_SIGNS.has(prev.f) && prev.end === toks[i].start && (!before || (before.end < prev.start && before.kind !== 'n' && before.f !== 'صفر')) &&
      (m.kind === 'percent' || (m.kind === 'count' && m.unit !== null && lex.belowZeroUnits.has(m.unit)))) {
    return { start: prev.start, m };
  }
  return null;
}

const SCORE_DASHES = new Set(['-', '–', '—']);
/** A side of a score: a small whole number, or «صفر» («3 - صفر») */
const scoreSide = (t: ScanToken | undefined): number | null =>
  t === undefined ? null : t.kind === 'w' ? (t.f === 'صفر' ? 0 : null) : /^\d{1,3}$/.test(t.f) ? +t.f : null;
/** football and the like: up to 30; basketball: both sides between 40 and 200 («124-114») */
const scorePair = (a: number | null, b: number | null): boolean =>
  a !== null && b !== null && ((a <= 30 && b <= 30) || (a >= 40 && a <= 200 && b >= 40 && b <= 200));
/** words before a dash-joined pair that make it a range of amounts, not a score («بين 100-150») */
const RANGE_OPENERS = new Set(['بين', 'من', 'نحو', 'حوالي']);

/**
 * A match score «1-0», «6-4 و6-4», «3 - 0», «1-صفر», «124-114»: two small numbers joined by a dash, the second
 * measuring nothing and no scale after it («بين 10-15 شخصا», «4-5 ملايين دولار» are ranges). Neither is an amount.
 */
function inScore(ctx: Ctx, i: number, end: number): boolean {
  const toks = ctx.toks;
  if (end !== i + 1 || toks[i].kind !== 'n') return false;
  const here = scoreSide(toks[i]);
  const bare = (k: number) => {
    const r = readNumber(toks, k);
    return (r === null || !r.hasWords || toks[k].f === 'صفر') && measureAt(ctx, k + 1) === null;
  };
  if (SCORE_DASHES.has(toks[i + 1]?.f ?? '') && scorePair(here, scoreSide(toks[i + 2]))) {
    return bare(i + 2) && !(here! > 30 && RANGE_OPENERS.has(toks[i - 1]?.f ?? ''));
  }
  return i >= 2 && SCORE_DASHES.has(toks[i - 1].f) && scorePair(scoreSide(toks[i - 2]), here) && bare(i) &&
    !(here! > 30 && RANGE_OPENERS.has(toks[i - 3]?.f ?? ''));
}


/** an indefinite accusative (tanwin alif) that is no nisba adverb in -يا («سريرا», not «عالميا», «برصيد», «ولكن»); and no stop word («عندما», «أيضا») */
const COUNTED_NOUN = /^(?!ال).*[^ي]ا$/;

/** The role of token k as a number head (number-heads.tsv), after any proclitic. */
function headRole(ctx: Ctx, k: number): 'ordinal' | 'identifier' | undefined {
  const t = ctx.toks[k];
  if (!t || t.kind !== 'w') return undefined;
  for (const [f] of procliticReadings(t.f)) {
    const role = ctx.lex.numberHeads.get(f);
    if (role) return role;
  }
  return undefined;
}

/** The role of the noun right before a bare number («الدقيقة 45»: ordinal; «رقم 10»: identifier), if listed. */
function numberHead(ctx: Ctx, i: number): 'ordinal' | 'identifier' | undefined {
  const toks = ctx.toks;
  // «القرار (2231)»: the number in brackets right after its head
  const bracketed = toks[i - 1]?.f === '(' && toks[i + 1]?.f === ')';
  const role = headRole(ctx, bracketed ? i - 2 : i - 1);
  if (role) {
    // an indefinite accusative noun after a ranked number is what it counts: «خصص المركز 40 سريرا» (the centre:
    // 40 beds); not an adverb («المركز 44 عالميا»), a conjunction («الدقيقة 54 ولكن») or a preposition («برصيد»)
    const next = ctx.toks[i + 1];
    if (role === 'ordinal' && next && next.kind === 'w' && COUNTED_NOUN.test(next.f) && !isStopword(next.f) && !ctx.lex.notCounted.has(next.f)) return undefined;
    return role;
  }
  // «قرار مجلس الأمن 2401»: a naming head with its genitive between, two words at most
  if (!bracketed) {
    for (let k = i - 2; k >= Math.max(0, i - 3); k--) {
      if (toks[k].kind !== 'w') break;
      if (procliticReadings(toks[k].f).some(([f]) => ctx.lex.numberHeads.get(f) === 'identifier')) return 'identifier';
    }
  }
  return undefined;
}

/** A number joined by و (or a comma) to one a head ranked or named takes its role: «الدقيقتين 53 و65», «المواد 403 و471». */
function listedAfterHead(ctx: Ctx, i: number): 'ordinal' | 'identifier' | undefined {
  const last = ctx.lastHead;
  if (!last) return undefined;
  const link = ctx.toks[i - 1];
  return link && i - 1 === last.end && (link.f === 'و' || link.f === '،' || link.f === ',') ? last.role : undefined;
}

/** What joins the two ends of a range of amounts (shared with the time stage), and «أو» (2 أو 3 ملايين). */
const RANGE_LINKS = new Set([...contextWords('range-link'), ...contextWords('amount-alternative')]);

/**
 * The measure of a range's first end, written as bare digits and given by the second: «بين 10 و12 دولارا»
 * (10 dollars), «من 5 إلى 7 في المئة», «2 أو 3 ملايين دولار» (the scale too: 2 million dollars).
 */
function rangeMeasure(ctx: Ctx, num: NumberReading, i: number, end: number, covered: Uint8Array): { m: Measure; scale: number } | null {
  const toks = ctx.toks;
  if (!num.hasDigits || covered[end]) return null;
  const link = toks[end];
  if (!link || !RANGE_LINKS.has(link.f)) return null;
  // «و» joins a range only after «بين» («بين 10 و12 دولارا»); «قتل 3 و20 جريحا» counts two things
  if (link.f === 'و' && toks[i - 1]?.f !== 'بين') return null;
  const k = end + 1;
  if (toks[k]?.kind !== 'n' || covered[k]) return null;
  const second = readNumber(toks, k);
  if (!second || covered[second.end - 1]) return null;
  // the second end's measure, or the noun it counts by its grammar («بين 8 و10 محاولات»)
  const m = covered[second.end] ? null : measureAt(ctx, second.end) ?? accusativeCounted(ctx, second, k, second.end) ?? genitiveCounted(ctx, second, k, second.end);
  if (!m || m.kind === 'ordinal') return null;
  // «بين 270 ألفا و330 ألف سوري»: the first end has its own scale; it takes only the measure
  if (num.hasWords) return (link.f === 'و' || link.f === 'او') && num.value >= second.value ? null : { m, scale: 1 };
  const digits = parseDigits(toks[k].f);
  if (digits === null || digits === 0) return null;
  // rounded: 4.6 million / 4.6 is 1000000.0000000001
  const scale = Math.round(second.value / digits);
  if (![1, 1e3, 1e6, 1e9, 1e12].includes(scale)) return null;
  // a range joined by و or أو goes up; «من 80 إلى 70 دولارا» may go down
  if ((link.f === 'و' || link.f === 'او') && num.value * scale >= second.value) return null;
  return { m, scale };
}

/**
 * A day number before a month name that the time stage did not take as a date is part of a name («قوى 14
 * آذار», «ثورة 25 يناير»; also «طرفي 14 و8 آذار»), not a quantity.
 */
function dayOfMonth(ctx: Ctx, i: number, num: NumberReading): boolean {
  if (!num.hasDigits || num.end !== i + 1 || !Number.isInteger(num.value) || num.value < 1 || num.value > 31) return false;
  const toks = ctx.toks;
  let k = num.end;
  if (toks[k]?.f === 'و' && toks[k + 1]?.kind === 'n') k += 2;
  const m = timeLexicon().months.match(toks, k);
  return m !== null && !m.value.ambiguous;
}

/** Amounts of a text. Time expressions are found first so that years and days are not read as numbers. */
export function extractAmounts(text: string, times?: TimeExpr[]): Amount[] {
  const toks = scan(text);
  return extractAmountsFromTokens(text, toks, times ?? extractTimesFromTokens(text, toks, null));
}
