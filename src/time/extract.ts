/**
 * Time expressions: finds dates, clock times, durations and sets in Arabic text and resolves them against
 * the publication date. Works on scanner tokens (folded words with original offsets); every matcher is a
 * small grammar rule tried where a trigger word or a number starts, and the longest match wins.
 *
 * Span convention: prepositions (في، منذ، خلال، حتى، بحلول) and attached proclitics (و، ف، ب، ل) are left out;
 * words that are part of the expression stay in ("عام 2003", "يوم الجمعة", "قبل أسبوعين", "الساعة العاشرة").
 */
import type { Granularity, TimeExpr, TimeKind } from '../doc.js';
import { definiteCardinals, numberStartWords, readNumber, readOrdinal, startsNumber } from '../amount/numbers.js';
import { isMeasureAt } from '../amount/lexicon.js';
import { fold, onlyDropped, originalOffset, scan, type ScanToken } from './fold.js';
import { PROCLITICS, contextWords, procliticReadings, timeLexicon, type DayPart, type MonthEntry, type Tense, type TimeLexicon } from './lexicon.js';
import {
  addMonths, daysToHijri, formatDay, formatIsoWeek, formatMonth, fromDays, hijriMonthStart,
  hijriToDays, isValidYmd, isoWeekday, pad2, pad4, parseIsoDate, seasonRange, toDays,
} from './calendar.js';
import { tenseAround, tenseEvidence } from './tense.js';
import { isStopword } from '../text/stopwords.js';

interface Candidate {
  /** token index of the first token and original start offset (after any proclitic) */
  tok: number;
  start: number;
  end: number;
  kind: TimeKind;
  value: string;
  granularity: Granularity | null;
  resolved: boolean;
  note?: string;
  /** day number (days since 1970) when the expression names one resolved day (to anchor clock times) */
  day?: number;
  /** a Gregorian month (and day) whose year was inferred from the publication date, not written */
  yearInferred?: boolean;
  /** … as «عام 2014» or in a whole date («12 يونيو 2014»), so that it may anchor what follows (see anchoredYear) */
  anchors?: boolean;
  /** a month (and day) that took the year of a year written shortly before (see anchoredYear) */
  anchored?: boolean;
}

interface Ctx {
  text: string;
  toks: readonly ScanToken[];
  pub: number | null;
  lex: TimeLexicon;
  /** the year of the last date found so far (for «من العام نفسه» and the tense check) and where it ends */
  lastDate: { y: number; end: number } | null;
  /** the month of the last date that names or implies one, for «16 من الشهر ذاته» */
  lastMonth: { y: number; m: number } | null;
  /** the last date named to the day (as days) and where it ends, for «في اليوم ذاته», «في اليوم التالي» */
  lastDay: { d: number; end: number } | null;
  /** a year written shortly before, narrated (not «منذ عام 2014»), and the token after it (see anchoredYear) */
  yearAnchor: { y: number; endTok: number } | null;
}

const NO_PUB = 'relative: no publication date';
const MONTH_WORD = 'شهر';
const DAY_WORD = 'يوم';
// closed word lists from resources/time/context-words.tsv (see there for what each one means)
const YEAR_WORDS = contextWords('year-word');
const HIJRI_ERA = contextWords('hijri-era');
const GREG_ERA = contextWords('gregorian-era');
const THIS = contextWords('this');
const THAT = contextWords('that');
const BEFORE_WEEKDAY_BLOCK = contextWords('weekday-block');
const ITHNAYN_PREV_BLOCK = contextWords('ithnayn-prev-block');
const ITHNAYN_NEXT_BLOCK = contextWords('ithnayn-next-block');
const PLURAL_QUANTIFIERS = contextWords('plural-quantifier');
const CURRENT_MONTH = contextWords('current-month');
const DAY_LEADS = contextWords('day-lead');
const GENERAL_NOUNS = contextWords('general-noun');
/**
 * «اللاعبين الاثنين» (the two players): after a definite noun in the dual's oblique form the word is «the two».
 * A nisba plural («الفلسطينيين الاثنين»), a short stem («اليمين الاثنين», the oath on Monday) or a plural
 * after a quantifier («مئات المهاجرين الاثنين») leaves it a Monday.
 */
function dualBefore(toks: readonly ScanToken[], k: number): boolean {
  const t = toks[k];
  if (!t || t.kind !== 'w' || !/^(?:و|ف|ب|ل)?(?:ال|لل).{4,}ين$/.test(t.f) || t.f.endsWith('يين')) return false;
  const q = toks[k - 1];
  return !(q && q.kind === 'w' && PLURAL_QUANTIFIERS.has(q.f.replace(/^و/, '')));
}
const TODAY_PREV_BLOCK = contextWords('today-block');
const DATE_PREPOSITIONS = contextWords('date-preposition');
const NAMED_DATE_HEADS = contextWords('named-date-head');
const SAME_AFTER = contextWords('same-after');
const MONTH_NAME_NEXT = contextWords('month-name-next');
const MONTH_NAME_PREV = contextWords('month-name-prev');
const LEVANTINE_MONTHS = contextWords('levantine-month');
const SAME_BEFORE = contextWords('same-before');
const NEXT_DAY = contextWords('next-day');
const PREVIOUS_DAY = contextWords('previous-day');
const SEPARATORS = new Set(['/', '-', '–', '—', '،', ',', '(']);

// ---------------------------------------------------------------- helpers

/**
 * Whether the day and month at token i name something (a movement, a revolution: «قوى 14 آذار», «لثورة 25
 * يناير», «طرفي 8 و14 آذار») rather than date it: a head word stands right before, past an opening quote or
 * another day number joined by و.
 */
function namedDateAt(ctx: Ctx, i: number): boolean {
  const toks = ctx.toks;
  let k = i - 1;
  while (k >= 0 && k >= i - 4 && (toks[k].f === '"' || toks[k].f === '«' || toks[k].f === '(' || toks[k].f === 'و' ||
    isInt(toks[k], 1, 31, 2) !== null)) k--;
  const w = toks[k];
  if (!w || w.kind !== 'w') return false;
  return procliticReadings(w.f).some(([f]) => NAMED_DATE_HEADS.has(f));
}

function tokEnd(ctx: Ctx, endTok: number): number {
  return ctx.toks[endTok - 1].end;
}

function startOffset(ctx: Ctx, i: number, prefixLen: number): number {
  const t = ctx.toks[i];
  return originalOffset(ctx.text, t.start, t.end, prefixLen);
}

/** The next token is glued to this one (no space; a tatweel may sit between), e.g. "الـ" + "24". */
function glued(ctx: Ctx, a: number): boolean {
  const t = ctx.toks[a], u = ctx.toks[a + 1];
  return !!u && (u.start === t.end || onlyDropped(ctx.text, t.end, u.start));
}

function isInt(t: ScanToken | undefined, min: number, max: number, maxLen = 4): number | null {
  if (!t || t.kind !== 'n' || t.f.length > maxLen || !/^\d+$/.test(t.f)) return null;
  const v = parseInt(t.f, 10);
  return v >= min && v <= max ? v : null;
}

interface MonthHit extends MonthEntry {
  end: number;
}

/** A month name at j (with double forms: "شباط فبراير", "فبراير/شباط", "شباط (فبراير)", "آب - أغسطس"). */
function monthAt(ctx: Ctx, j: number, first?: string): MonthHit | null {
  const m1 = ctx.lex.months.match(ctx.toks, j, first);
  if (!m1) return null;
  let hit: MonthHit = { ...m1.value, end: m1.end };
  let k = m1.end;
  let paren = false;
  const t = ctx.toks[k];
  if (t && t.kind === 'p' && SEPARATORS.has(t.f)) {
    paren = t.f === '(';
    k++;
  }
  const m2 = ctx.lex.months.match(ctx.toks, k);
  // «يوليو/حزيران 2016», «31 أكتوبر/ تشرين الثاني»: a double form with a slip in one half is still one month, the
  // Western name's (the Levantine one is the mistranslation); a dash between two months is a range
  const slip = t?.f === '/' && m2 && m2.value.month !== hit.month;
  if (m2 && (m2.value.month === hit.month || slip) && m2.value.calendar === hit.calendar) {
    // … unless the first half is the Levantine name, as France 24 writes them («تشرين الثاني/ أكتوبر القادم»)
    if (slip && LEVANTINE_MONTHS.has(first ?? ctx.toks[j].f) && !LEVANTINE_MONTHS.has(ctx.toks[k].f)) hit = { ...hit, month: m2.value.month };
    let end = m2.end;
    if (paren && ctx.toks[end]?.f === ')') end++;
    hit = { ...hit, ambiguous: hit.ambiguous && m2.value.ambiguous, end };
  }
  return hit;
}

/**
 * Whether the month name at i is the second half of a double form whose first half stands before it: «هجمات 11
 * سبتمبر/أيلول» (the first refused as a named date), a mismatched pair «يونيو/تموز». It names no month of its own.
 */
function secondOfPair(ctx: Ctx, i: number): boolean {
  const sep = ctx.toks[i - 1];
  if (!sep || (sep.f !== '/' && sep.f !== '(')) return false; // «يوليو - مايو» is a range
  for (const k of [i - 2, i - 3]) if (k >= 0 && ctx.lex.months.match(ctx.toks, k)?.end === i - 1) return true;
  return false;
}

interface YearHit {
  year: number;
  end: number;
  hijri: boolean;
  /** introduced by عام/سنة (or an era marker), so certainly a year */
  marked: boolean;
}

/** A year at j: [عام|سنة] [(] 2018 [)] [م|هـ]. */
function yearAt(ctx: Ctx, j: number, first?: string, requireWord = false): YearHit | null {
  const toks = ctx.toks;
  let k = j;
  let marked = false;
  const f0 = first ?? toks[k]?.f;
  if (f0 !== undefined && YEAR_WORDS.has(f0)) {
    marked = true;
    k++;
  } else if (requireWord) return null;
  let paren = false;
  if (toks[k]?.f === '(') {
    paren = true;
    k++;
  }
  const y = isInt(toks[k], marked ? 100 : 1000, 2200);
  if (y === null) return null;
  k++;
  if (paren) {
    if (toks[k]?.f !== ')') return null;
    k++;
  } else if (toks[k]?.f === ')' && toks[k + 1] && HIJRI_ERA.has(toks[k + 1].f)) {
    k++; // "(1343) هجري": the era after the bracket marks the year
  }
  let hijri = false;
  const era = toks[k];
  const unitAfter = toks[k + 1]?.f === 'مربع' || toks[k + 1]?.f === 'مكعب'; // "1000 م مربع" is an area
  if (era && era.kind === 'w' && !unitAfter) {
    if (HIJRI_ERA.has(era.f)) {
      hijri = true;
      marked = true;
      k++;
    } else if (GREG_ERA.has(era.f)) {
      marked = true;
      k++;
    }
  }
  if (!marked && !paren && (y < 1000 || y > 2100)) return null;
  return { year: y, end: k, hijri, marked };
}

/** "قبل الماضي" (the one before last) at j. */
function beforeLastAt(ctx: Ctx, j: number): boolean {
  const a = ctx.toks[j]?.f, b = ctx.toks[j + 1]?.f;
  return a === 'قبل' && (b === 'الماضي' || b === 'الماضيه');
}

/** "من العام الماضي", "العام الجاري", "من هذا العام" after a month: the year offset. */
function relativeYearAt(ctx: Ctx, j: number): { offset: number; end: number } | null {
  const toks = ctx.toks;
  let k = j;
  if (toks[k]?.f === 'من') k++;
  if (toks[k] && THIS.has(toks[k].f) && ctx.lex.units.get(toks[k + 1]?.f ?? '') === 'Y') return { offset: 0, end: k + 2 };
  if (toks[k] && ctx.lex.units.get(toks[k].f) === 'Y') {
    if (beforeLastAt(ctx, k + 1)) return { offset: -2, end: k + 3 };
    const off = ctx.lex.offsets.get(toks[k + 1]?.f ?? '');
    if (off !== undefined) return { offset: off, end: k + 2 };
  }
  return null;
}

/** "الشهر الحالي", "هذا الشهر", "الشهر" (after "الثالث من"), "الجاري" alone: month offset. */
function relativeMonthAt(ctx: Ctx, j: number): { offset: number; end: number; same?: boolean } | null {
  const toks = ctx.toks;
  if (toks[j] && THIS.has(toks[j].f) && toks[j + 1]?.f === 'الشهر') return { offset: 0, end: j + 2 };
  // «في 17 الحالي», «13 من الجاري»: the month is understood
  if (toks[j] && CURRENT_MONTH.has(toks[j].f)) return { offset: 0, end: j + 1 };
  if (toks[j]?.f !== 'الشهر') return null;
  const off = ctx.lex.offsets.get(toks[j + 1]?.f ?? '');
  if (off !== undefined) return { offset: off, end: j + 2 };
  // «16 من الشهر ذاته»: the month of the last date named
  if (SAME_AFTER.has(toks[j + 1]?.f ?? '')) return { offset: 0, end: j + 2, same: true };
  return { offset: 0, end: j + 1 };
}

/** Whether the word at k is a year unit, with or without ب/ل («بالعام», «للسنة»). */
function yearUnitAt(ctx: Ctx, k: number): boolean {
  const t = ctx.toks[k];
  return !!t && t.kind === 'w' && procliticReadings(t.f).some(([f]) => ctx.lex.units.get(f) === 'Y');
}

/**
 * «من العام نفسه», «بالعام ذاته», «من نفس العام», «من ذلك العام» at j (after a month): the year named last.
 * Returns the end token.
 */
function sameYearAt(ctx: Ctx, j: number): number | null {
  const toks = ctx.toks;
  let k = j;
  if (toks[k]?.f === 'من' || toks[k]?.f === 'في') k++;
  if (yearUnitAt(ctx, k) && SAME_AFTER.has(toks[k + 1]?.f ?? '')) return k + 2;
  if ((SAME_BEFORE.has(toks[k]?.f ?? '') || THAT.has(toks[k]?.f ?? '')) && yearUnitAt(ctx, k + 1)) return k + 2;
  return null;
}

/**
 * The year of a month (and day) named without one in a narrative of a year written shortly before: «في عام 2014
 * سيطر التنظيم على المدينة، وفي 12 يونيو أعلن …» is 12 June 2014. Shortly: in the same sentence (reading the next
 * one too, on every corpus article, was wrong more often than right), the chain going on while each date takes it. Only a year before the publication's, written «عام
 * 2014» or in a whole date, right after «في», «خلال» … anchors (driver, yearNarratedAt): a year that only places a
 * noun («الاتفاق المبرم عام 2015») does not. A date the publication resolves in between («أمس») ends the narrative;
 * a future or deadline tense («ستنسحب في مايو», «حتى 6 نوفمبر») or the publication's own day leaves the date to
 * inferYear.
 */
function anchoredYear(ctx: Ctx, i: number, tense: Tense | null, month: number, day: number | null): number | null {
  const a = ctx.yearAnchor;
  if (!a || ctx.pub === null || tense === 'future' || tense === 'nearest') return null;
  // the publication's own day («في عام 1910 اقترحت أن يصبح 8 مارس يوما عالميا» on 8 March): the day the article
  // marks, not a day of that year
  const p = fromDays(ctx.pub);
  if (day !== null && Math.abs(toDays(p.y, month, day) - ctx.pub) <= 1) return null;
  let sentences = 0;
  for (let k = a.endTok; k <= i; k++) {
    const t = ctx.toks[k];
    if (NARRATIVE_BREAKS.has(t.f)) return null; // «… في 15 تموز 2016، فيما تعهد أردوغان الذي أعيد انتخابه نهاية حزيران»
    if (!t.newClause || k === 0) continue;
    if (ctx.text.slice(ctx.toks[k - 1].end, t.start).includes('\n')) return null;
    if (++sentences > ANCHOR_SENTENCES) return null;
  }
  return a.y;
}

const NARRATIVE_BREAKS = contextWords('narrative-break');

/** how many sentence ends may lie between a written year and a date that takes it */
const ANCHOR_SENTENCES = 0;

/** Year of a month (and day) without a year, from the publication date and the clause's tense. */
function inferYear(
  ctx: Ctx, month: number, day: number | null, tense: Tense | null, offset?: number, at = 0, firm = false,
): number | null {
  if (ctx.pub === null) return null;
  const p = fromDays(ctx.pub);
  const after = month > p.m || (month === p.m && day !== null && day > p.d);
  const before = month < p.m || (month === p.m && day !== null && day < p.d);
  if (offset === 0) return p.y; // "29 أغسطس الجاري": this year's, whatever the tense around it
  if (offset === -1) return after || (month === p.m && (day === null || day === p.d)) ? p.y - 1 : p.y; // "ديسمبر الماضي"
  if (offset === 1) return before || (month === p.m && (day === null || day === p.d)) ? p.y + 1 : p.y; // "مارس المقبل"
  // A past clause puts a date still ahead in the year into the last year, and a future clause a date gone by into
  // the next, unless that date lies close to the publication: then the clause's verb is another event's («أعلن …
  // تنظيم انتخابات في 24 يونيو» in April, «قال إن القمة ستعقد في 12 يونيو»), and a day-month a year away would
  // carry a year or «الماضي». On every 4th corpus article this moved 132 dates, 106 rightly, 10 wrongly (mostly bare
  // months of a past narrative); beyond ten weeks the tense was right more often than not.
  // The tense wins still when a particle or a preposition set it («لم تفتتح في أبريل», «منذ ديسمبر»), or when the
  // paragraph's last date is in the year it points to («في العام الماضي، … من مايو إلى سبتمبر», «هجوم 22 مايو 2017
  // … وهجوم برشلونة في أغسطس»).
  const keep = (y: number) => !firm && nearPublication(ctx.pub!, p.y, month, day) && !lastDateIn(ctx, y, at);
  if (tense === 'past' && after) return keep(p.y - 1) ? p.y : p.y - 1;
  if (tense === 'future' && before) return keep(p.y + 1) ? p.y : p.y + 1;
  if (tense === 'nearest') {
    // the year whose date lies nearest the publication (a deadline or an end is weeks ahead or just gone), leaning
    // ahead: the date gone by only when it is less than two thirds as far (a ban «حتى 15 سبتمبر» in March is
    // this September's)
    const d = day ?? 15;
    const pastY = toDays(p.y, month, d) <= ctx.pub ? p.y : p.y - 1;
    const behind = ctx.pub - toDays(pastY, month, d);
    const ahead = toDays(pastY + 1, month, d) - ctx.pub;
    return behind * 1.5 < ahead ? pastY : pastY + 1;
  }
  // no tense: this year's, unless that is more than half a year ahead («في ديسمبر» in February is the December
  // just gone); news tells of the past more than of the future, so a month earlier in the year stays this year's
  if (tense === null && month - p.m > 6) return p.y - 1;
  return p.y;
}

/** how far back (characters) the day a «في اليوم نفسه / التالي» points to may have been named */
const SAME_DAY_REACH = 800;

/** The day named last, when it was named close enough before `offset`. */
function recentDay(ctx: Ctx, offset: number): number | null {
  return ctx.lastDay && offset - ctx.lastDay.end <= SAME_DAY_REACH ? ctx.lastDay.d : null;
}

/** How far (in days) a date may lie on the wrong side of the publication and still keep its year, against the tense. */
const NEAR_PUBLICATION_DAYS = 72;

/** Whether this year's date (mid-month for a month) lies within NEAR_PUBLICATION_DAYS of the publication. */
function nearPublication(pub: number, y: number, month: number, day: number | null): boolean {
  return Math.abs(toDays(y, month, day ?? 15) - pub) <= NEAR_PUBLICATION_DAYS;
}

/** Whether the last date before offset `at`, in the same paragraph, lies in year y. */
function lastDateIn(ctx: Ctx, y: number, at: number): boolean {
  const last = ctx.lastDate;
  if (!last || last.y !== y || last.end > at) return false;
  const nl = ctx.text.indexOf('\n', last.end);
  return nl === -1 || nl >= at;
}

/**
 * Hijri year of a Hijri month (and day) named without a year: the occurrence nearest to the publication date,
 * or the next / last one when the clause is clearly future / past.
 */
function inferHijriYear(ctx: Ctx, month: number, day: number | null, tense: Tense | null): number | null {
  if (ctx.pub === null) return null;
  const pub = ctx.pub;
  const h = daysToHijri(pub);
  let best: number | null = null;
  let bestDist = Infinity;
  for (const hy of [h.y - 1, h.y, h.y + 1]) {
    const s = hijriMonthStart(hy, month);
    if (s === null) continue;
    const from = day !== null ? s + day - 1 : s;
    const to = day !== null ? from : s + 29;
    if (tense === 'future' && to < pub) continue;
    if (tense === 'past' && from > pub) continue;
    const dist = pub < from ? from - pub : pub > to ? pub - to : 0;
    if (dist < bestDist) {
      bestDist = dist;
      best = hy;
    }
  }
  return best ?? h.y;
}

function cand(
  ctx: Ctx, tok: number, start: number, endTok: number, kind: TimeKind, value: string, granularity: Granularity | null,
  resolved = true, note?: string, day?: number,
): Candidate {
  const c: Candidate = { tok, start, end: tokEnd(ctx, endTok), kind, value, granularity, resolved };
  if (note) c.note = note;
  if (day !== undefined) c.day = day;
  (c as Candidate & { endTok: number }).endTok = endTok;
  return c;
}

function endTokOf(c: Candidate): number {
  return (c as Candidate & { endTok: number }).endTok;
}

function hijriNote(ctx: Ctx, startTok: number, endTok: number): string {
  return 'hijri: ' + ctx.text.slice(ctx.toks[startTok].start, ctx.toks[endTok - 1].end);
}

// ---------------------------------------------------------------- matchers

type Matcher = (ctx: Ctx, i: number, f: string, plen: number) => Candidate | null;

/** [weekday [،]] day [من] month [year] | month [year] | day من الشهر [offset] | شهر month [year] */
const matchCalendarDate: Matcher = (ctx, i, f, plen) => {
  const toks = ctx.toks;
  const start = startOffset(ctx, i, plen);
  let j = i;
  let first: string | undefined = f;
  // optional weekday before an explicit date: "الجمعة 13 أغسطس 2021"
  let weekdayPrefix = false;
  {
    // «ليلة السبت 2 يونيو»: a day part before the weekday
    const lead = leadingDayPart(ctx, j, first);
    let k = lead.j;
    let ff: string | undefined = lead.ff;
    if ((ff ?? toks[k]?.f) === DAY_WORD) {
      k++;
      ff = undefined;
    }
    const wd = ctx.lex.weekdays.get(ff ?? toks[k]?.f ?? '');
    if (wd) {
      k++;
      if (toks[k]?.f === '،' || toks[k]?.f === ',' || toks[k]?.f === '-') k++;
      if (isInt(toks[k], 1, 31, 2) !== null || readOrdinal(toks, k)) {
        j = k;
        first = undefined;
        weekdayPrefix = true;
      }
    }
  }
  let monthWord = false;
  if ((first ?? toks[j]?.f) === MONTH_WORD) {
    monthWord = true;
    j++;
    first = undefined;
  }
  // day
  let day: number | null = null;
  if (!monthWord) {
    const dn = first === undefined || first === toks[j].f ? isInt(toks[j], 1, 31, 2) : null;
    if (dn !== null) {
      day = dn;
      j++;
    } else if ((first ?? toks[j].f) === 'ال' && glued(ctx, j) && isInt(toks[j + 1], 1, 31, 2) !== null) {
      // "الـ28 من الشهر الجاري"
      day = isInt(toks[j + 1], 1, 31, 2);
      j += 2;
    } else {
      const saved = first;
      const o = toks[j].kind === 'w' && (saved === undefined || saved === toks[j].f) ? readOrdinal(toks, j) : null;
      // «الأسبوع الأول من الشهر», «المركز الثاني»: an ordinal after a definite noun describes that noun, not a day
      // («اليوم الأول من الشهر», «الموافق السابع من أكتوبر» are days: day-lead in context-words.tsv)
      const before = toks[j - 1];
      const describes = !!before && before.kind === 'w' && /^(?:[وفب]?ال|لل)[\u0621-\u064A]{3}/.test(before.f) && !DAY_LEADS.has(before.f) && !ctx.lex.weekdays.has(before.f);
      if (o && o.value <= 31 && toks[o.end]?.f === 'من' && !describes) {
        day = o.value;
        j = o.end;
      }
    }
    if (day !== null) first = undefined;
  }
  const relAt = toks[j]?.f === 'من' ? j + 1 : j;
  if (day !== null && (toks[j]?.f === 'من' || (toks[j]?.f === 'الشهر' && ctx.lex.offsets.has(toks[j + 1]?.f ?? '')) || CURRENT_MONTH.has(toks[j]?.f ?? ''))) {
    // "الثالث من الشهر الحالي" / "28 من الشهر المقبل" / "الثالث من فبراير" / "15 الشهر الجاري"
    const rel = relativeMonthAt(ctx, relAt);
    if (rel) {
      if (ctx.pub === null) {
        return cand(ctx, i, start, rel.end, 'date', `XXXX-XX-${pad2(day)}`, 'day', false, NO_PUB);
      }
      const p = fromDays(ctx.pub);
      let { y, m } = addMonths(p.y, p.m, rel.offset);
      if (rel.same && ctx.lastMonth) ({ y, m } = ctx.lastMonth);
      if (!isValidYmd(y, m, day)) return null;
      const d = toDays(y, m, day);
      return cand(ctx, i, start, rel.end, 'date', formatDay(d), 'day', true, undefined, d);
    }
    if (toks[j]?.f === 'من') j++;
  } else if (day !== null && !weekdayPrefix && readOrdinal(toks, i) && day <= 31) {
    // an ordinal day must be followed by من
    if (isInt(toks[i], 1, 31, 2) === null) return null;
  }
  const month = monthAt(ctx, j, first);
  if (!month) return null;
  if (j === i && secondOfPair(ctx, i)) return null;
  let k = month.end;
  let sepEnd = k;
  if (toks[k]?.f === '،' || toks[k]?.f === ',') sepEnd = k + 1;
  // «الرابع من يونيو لعام 1967»: the year word may carry ل
  const fk = toks[k]?.f ?? '';
  const lYearWord = fk.startsWith('لل') ? 'ال' + fk.slice(2) : fk.startsWith('ل') ? fk.slice(1) : null;
  let year = yearAt(ctx, k) ?? (lYearWord && YEAR_WORDS.has(lYearWord) ? yearAt(ctx, k, lYearWord) : null) ??
    (sepEnd > k ? yearAt(ctx, sepEnd) : null);
  if (!year && toks[k]?.f === 'من') {
    const y2 = yearAt(ctx, k + 1);
    if (y2 && y2.marked) year = y2; // "فبراير من عام 2018"
  }
  const relYear = year ? null : relativeYearAt(ctx, k);
  // «في ديسمبر من العام نفسه»: the year named last (left to the inference when none was)
  const sameYearEnd = year || relYear || !ctx.lastDate ? null : sameYearAt(ctx, k);
  const monthOffset = year || relYear || sameYearEnd ? undefined : ctx.lex.offsets.get(toks[k]?.f ?? '');
  // an ambiguous name (مارس، ماي، آب) needs date context: a day, a year, شهر, a relative word, or a preposition
  const prevWord = toks[i - 1]?.f;
  const prepContext = j === i && prevWord !== undefined && DATE_PREPOSITIONS.has(prevWord) &&
    (month.calendar === 'g' || month.month === 9) && // "في رجب" may be a person; "في رمضان" is the month
    !(month.month === 8 && !ctx.text.slice(toks[i].start, toks[i].end).includes('آ')); // "في إب" is a city
  if (month.ambiguous && day === null && !monthWord && !year && monthOffset === undefined && !relYear && !prepContext) return null;
  if (month.ambiguous && day === null && !monthWord && year && !year.marked && year.end - k > 1) return null;
  // «أيلول الأسود» (Black September) names an event and an organization, not a September
  if (day === null && !year && !relYear && monthOffset === undefined && MONTH_NAME_NEXT.has(toks[month.end]?.f ?? '')) return null;
  // «لويجي دي مايو» (a name), «ثورة يناير», «حرب أكتوبر», «كذبة أبريل» (an event named by its month)
  if (day === null && !year && !relYear && monthOffset === undefined && j === i && !weekdayPrefix &&
    (MONTH_NAME_PREV.has(toks[i - 1]?.f ?? '') || (namedDateAt(ctx, i) && !toks[i].newClause))) return null;
  // a named date, and its month alone once the day was refused
  if ((day !== null || isInt(toks[i - 1], 1, 31, 2) !== null) && !year && !relYear && monthOffset === undefined &&
    !weekdayPrefix && !monthWord && namedDateAt(ctx, i)) return null;
  const end = year ? year.end : relYear ? relYear.end : sameYearEnd ?? (monthOffset !== undefined ? k + 1 : month.end);
  const evidence = year || relYear || sameYearEnd ? null : tenseEvidence(ctx.toks, ctx.lex, i, end);
  const tense = evidence?.tense ?? null;

  if (month.calendar === 'h' && sameYearEnd) return null; // a Hijri month in a Gregorian year named before: not one date
  if (month.calendar === 'h') {
    let hy = year ? year.year : inferHijriYear(ctx, month.month, day, tense);
    if (hy === null) {
      const v = day !== null ? `XXXX-XX-XX` : 'XXXX-XX';
      return cand(ctx, i, start, end, 'date', v, day !== null ? 'day' : 'month', false, NO_PUB + '; ' + hijriNote(ctx, i, end));
    }
    if (year && !year.hijri && year.year > 1700) return null; // a Gregorian year after a Hijri month: not one date
    if (day !== null) {
      const d = hijriToDays(hy, month.month, day);
      if (d === null) return null;
      return cand(ctx, i, start, end, 'date', formatDay(d), 'day', true, hijriNote(ctx, i, end), d);
    }
    const s = hijriMonthStart(hy, month.month);
    if (s === null) return null;
    const g = fromDays(s);
    const next = month.month === 12 ? hijriMonthStart(hy + 1, 1) : hijriMonthStart(hy, month.month + 1);
    const range = next !== null ? ` (${formatDay(s)}/${formatDay(next - 1)})` : '';
    return cand(ctx, i, start, end, 'date', formatMonth(g.y, g.m), 'month', true, hijriNote(ctx, i, end) + range);
  }

  let y: number | null;
  let anchored: number | null = null;
  let resolved = true;
  if (year) {
    if (year.hijri) return null;
    y = year.year;
  } else if (relYear) {
    y = ctx.pub === null ? null : fromDays(ctx.pub).y + relYear.offset;
  } else if (sameYearEnd) {
    y = ctx.lastDate!.y;
  } else {
    anchored = monthOffset === undefined ? anchoredYear(ctx, i, tense, month.month, day) : null;
    y = anchored ?? inferYear(ctx, month.month, day, tense, monthOffset, start, evidence?.firm);
  }
  if (y === null) {
    resolved = false;
    const v = day !== null ? `XXXX-${pad2(month.month)}-${pad2(day)}` : `XXXX-${pad2(month.month)}`;
    return cand(ctx, i, start, end, 'date', v, day !== null ? 'day' : 'month', resolved, NO_PUB);
  }
  const inferred = !year && !relYear && !sameYearEnd && monthOffset === undefined;
  let c: Candidate;
  if (day !== null) {
    if (!isValidYmd(y, month.month, day)) return null;
    const d = toDays(y, month.month, day);
    c = cand(ctx, i, start, end, 'date', formatDay(d), 'day', true, undefined, d);
  } else c = cand(ctx, i, start, end, 'date', formatMonth(y, month.month), 'month');
  if (inferred) c.yearInferred = true;
  if (anchored !== null) c.anchored = true;
  if (year && day !== null) c.anchors = true;
  return c;
};

const YEAR_LEADS = contextWords('year-lead');
const DURATION_LEADS = contextWords('duration-lead');
const NAMED_YEAR_HEADS = contextWords('named-year-head');

/**
 * Is the number at i the year in a plan's name («رؤية 2030», «رؤية المملكة 2030», «#رؤية_2030», «استراتيجية 2021»)?
 * Such a year is no date here, and no quantity in the amount stage.
 */
export function planYearAt(toks: readonly ScanToken[], i: number): boolean {
  const prev = toks[i - 1];
  if (!prev) return false;
  return NAMED_YEAR_HEADS.has(prev.f) || ((prev.f === '_' || (prev.kind === 'w' && !isStopword(prev.f))) && NAMED_YEAR_HEADS.has(toks[i - 2]?.f ?? ''));
}

/**
 * A bare number before 1900 is a year after «منذ» («منذ 1896») or as the second end of a range of years
 * («بين عامي 1347 و1351», «1914-1918»); elsewhere it is a quantity as often.
 */
function earlyYear(ctx: Ctx, i: number, year: number): boolean {
  if (year < 1000) return false;
  const prev = ctx.toks[i - 1];
  if (!prev) return false;
  if (YEAR_LEADS.has(prev.f)) return true;
  const before = ctx.toks[i - 2];
  if (!RANGE_LINKS.has(prev.f) || !before || !/^\d{4}$/.test(before.f)) return false;
  const first = Number(before.f);
  return first < year && year - first <= 200;
}

/** عام 2003 | سنة 1443 هـ | bare 2018 where a year is plausible */
const matchYear: Matcher = (ctx, i, f, plen) => {
  const toks = ctx.toks;
  const y = yearAt(ctx, i, f);
  if (!y) return null;
  const start = startOffset(ctx, i, plen);
  if (!y.marked) {
    // a bare number: only in a year-like position
    const t = toks[i];
    const prev = toks[i - 1];
    if (!/^\d{4}$/.test(t.f) || y.year > 2100 || (y.year < 1900 && !earlyYear(ctx, i, y.year))) return null;
    if (planYearAt(toks, i)) return null;
    if (prev && ctx.lex.yearBlockers.has(prev.f)) return null;
    // "2017/2018" (a fiscal or season year pair) is two years; another number around a slash is not a year
    const pairedBefore = prev?.f === '/' && /^\d{4}$/.test(toks[i - 2]?.f ?? '');
    const pairedAfter = toks[y.end]?.f === '/' && /^\d{4}$/.test(toks[y.end + 1]?.f ?? '');
    if (prev && (prev.f === '$' || prev.f === '#' || prev.f === '+' || (prev.f === '/' && !pairedBefore))) return null;
    // "F-16" is not a year, "2018-2020" is a range of two
    if (prev && prev.f === '-' && glued(ctx, i - 1) && !/^\d{4}$/.test(toks[i - 2]?.f ?? '')) return null;
    if (prev && prev.kind === 'n') return null;
    const next = toks[y.end];
    if (next && (next.f === 'من' || next.f === '%' || next.f === ':' || (next.f === '/' && !pairedAfter))) return null;
    if (isMeasureAt(toks, y.end)) return null;
    if (next && next.kind === 'w') {
      const nw = readNumber(toks, y.end);
      if (nw && nw.hasWords) return null; // "2000 ألف"
      if (ctx.lex.timeUnits.has(next.f)) return null; // "1000 يوم" is a duration
    }
  }
  if (y.hijri) {
    const s = hijriMonthStart(y.year, 1);
    const e = hijriMonthStart(y.year + 1, 1);
    const mid = hijriMonthStart(y.year, 7);
    if (s === null || mid === null) return null;
    const range = e !== null ? ` (${formatDay(s)}/${formatDay(e - 1)})` : '';
    return cand(ctx, i, start, y.end, 'date', pad4(fromDays(mid).y), 'year', true, hijriNote(ctx, i, y.end) + range);
  }
  const c = cand(ctx, i, start, y.end, 'date', pad4(y.year), 'year');
  if (y.marked) c.anchors = true;
  return c;
};

function periodValue(ctx: Ctx, unit: 'W' | 'M' | 'Y', offset: number): { value: string; resolved: boolean } {
  if (ctx.pub === null) return { value: unit === 'W' ? 'XXXX-WXX' : unit === 'M' ? 'XXXX-XX' : 'XXXX', resolved: false };
  const p = fromDays(ctx.pub);
  if (unit === 'W') return { value: formatIsoWeek(ctx.pub + 7 * offset), resolved: true };
  if (unit === 'M') {
    const { y, m } = addMonths(p.y, p.m, offset);
    return { value: formatMonth(y, m), resolved: true };
  }
  return { value: pad4(p.y + offset), resolved: true };
}

const GRAN: Record<'W' | 'M' | 'Y', Granularity> = { W: 'week', M: 'month', Y: 'year' };

/** الأسبوع المقبل | الشهر الماضي | العام الجاري | هذا العام */
const matchRelativePeriod: Matcher = (ctx, i, f, plen) => {
  const toks = ctx.toks;
  let j = i;
  let offset: number | undefined;
  let unit = ctx.lex.units.get(f);
  if (!unit && THIS.has(f)) {
    unit = ctx.lex.units.get(toks[i + 1]?.f ?? '');
    if (!unit) return null;
    offset = 0;
    j = i + 2;
  } else if (unit) {
    // «الأمين العام السابق», «المدعي العام»: العام is «general» after these nouns, not the year
    if (unit === 'Y' && f === 'العام' && i > 0 && GENERAL_NOUNS.has(toks[i - 1].f.replace(/^[وف]/, ''))) return null;
    const two = beforeLastAt(ctx, i + 1);
    offset = two ? -2 : ctx.lex.offsets.get(toks[i + 1]?.f ?? '');
    if (offset === undefined) return null;
    j = two ? i + 3 : i + 2;
  } else return null;
  if (unit === 'Y') {
    // "العام الماضي 2017": the explicit year joins the expression
    const y = isInt(toks[j], 1900, 2100);
    if (y !== null && toks[j].f.length === 4) return cand(ctx, i, startOffset(ctx, i, plen), j + 1, 'date', pad4(y), 'year');
  }
  const { value, resolved } = periodValue(ctx, unit, offset);
  return cand(ctx, i, startOffset(ctx, i, plen), j, 'date', value, GRAN[unit], resolved, resolved ? undefined : NO_PUB);
};

/** مطلع/منتصف/نهاية + period: "أواخر الشهر الماضي", "نهاية العام", "مطلع 2018", "منتصف فبراير" */
const matchModified: Matcher = (ctx, i, f, plen) => {
  const mod = ctx.lex.modifiers.get(f);
  if (!mod) return null;
  const toks = ctx.toks;
  let j = i + 1;
  if (toks[j]?.f === 'من') j++;
  const nf = toks[j]?.f;
  if (nf === undefined) return null;
  let inner: Candidate | null = null;
  const bareUnit = ctx.lex.units.get(nf);
  if (bareUnit) {
    inner = matchRelativePeriod(ctx, j, nf, 0);
    if (!inner) {
      const { value, resolved } = periodValue(ctx, bareUnit, 0);
      inner = cand(ctx, j, toks[j].start, j + 1, 'date', value, GRAN[bareUnit], resolved, resolved ? undefined : NO_PUB);
    }
  } else {
    inner = matchRelativePeriod(ctx, j, nf, 0) ?? matchSeason(ctx, j, nf, 0) ?? matchCalendarDate(ctx, j, nf, 0) ?? matchYear(ctx, j, nf, 0) ??
      matchDecadeCentury(ctx, j, nf, 0);
    if (inner && inner.granularity === 'day') inner = null;
  }
  if (!inner) return null;
  if (f === 'نهايه' && inner.granularity === 'week' && inner.resolved) {
    // "نهاية الأسبوع" is the weekend; with no modifier, the clause's tense picks the last one or the next one when
    // this week's is not yet or no longer there («وذكرت الوكالة في نهاية الأسبوع» on a Wednesday: the last)
    let value = inner.value;
    if (bareUnit && endTokOf(inner) === j + 1 && ctx.pub !== null) {
      const tense = tenseAround(toks, ctx.lex, i, j + 1);
      const wd = isoWeekday(ctx.pub);
      if (tense === 'past' && wd < 6) value = formatIsoWeek(ctx.pub - 7);
      else if (tense === 'future' && wd === 7) value = formatIsoWeek(ctx.pub + 7);
    }
    return cand(ctx, i, startOffset(ctx, i, plen), endTokOf(inner), 'date', value + '-WE', 'week', true, inner.note);
  }
  const note = 'mod: ' + mod + (inner.note ? '; ' + inner.note : '');
  const c = cand(ctx, i, startOffset(ctx, i, plen), endTokOf(inner), 'date', inner.value, inner.granularity, inner.resolved, note);
  c.anchors = inner.anchors;
  c.anchored = inner.anchored;
  return c;
};

/** Resolves a weekday against the publication date by explicit offset or tense. */
function resolveWeekday(ctx: Ctx, isoday: number, offset: number | undefined, tense: Tense | null): number {
  const pub = ctx.pub as number;
  const wd = isoWeekday(pub);
  if (offset === 1 || (offset === undefined && tense === 'future')) {
    let delta = (isoday - wd + 7) % 7;
    if (offset === 1 && delta === 0) delta = 7;
    return pub + delta;
  }
  let delta = (wd - isoday + 7) % 7;
  if (offset === -1 && delta === 0) delta = 7;
  return pub - delta;
}

/** A part of day that may open a day expression ("صباح", "مساء", "ليلة"): where the day word starts, and which part. */
function leadingDayPart(ctx: Ctx, i: number, f: string | undefined): { j: number; ff: string | undefined; part: string | undefined } {
  const dp = ctx.lex.dayParts.match(ctx.toks, i, f);
  if (dp && dp.value.pre) return { j: dp.end, ff: undefined, part: dp.value.code };
  return { j: i, ff: f, part: undefined };
}

/** [صباح|مساء|ليلة] [يوم] الجمعة [المقبل|الماضي] */
const matchWeekday: Matcher = (ctx, i, f, plen) => {
  const toks = ctx.toks;
  let { j, ff, part } = leadingDayPart(ctx, i, f);
  let dayWord = false;
  if ((ff ?? toks[j]?.f) === DAY_WORD) {
    dayWord = true;
    j++;
    ff = undefined;
  }
  const wd = ctx.lex.weekdays.get(ff ?? toks[j]?.f ?? '');
  if (!wd) return null;
  const wdTok = j;
  j++;
  // «الأحد عشر»: eleven
  if (toks[j]?.f === 'عشر' || toks[j]?.f === 'عشره') return null;
  let offset = ctx.lex.offsets.get(toks[j]?.f ?? '');
  if (offset === 0) offset = undefined;
  if (offset !== undefined) j++;
  const prev = toks[i - 1];
  if (!dayWord && !part && prev && BEFORE_WEEKDAY_BLOCK.has(prev.f)) return null;
  if (wd.ambiguous && !dayWord && !part && offset === undefined) {
    const before = toks[wdTok - 1];
    const after = toks[wdTok + 1];
    if (before && ITHNAYN_PREV_BLOCK.has(before.f)) return null;
    if (dualBefore(toks, wdTok - 1)) return null;
    if (after && ITHNAYN_NEXT_BLOCK.has(after.f)) return null;
  }
  const start = startOffset(ctx, i, part || dayWord ? plen : plen);
  const note = part ? 'part of day: ' + part : undefined;
  if (ctx.pub === null) {
    return cand(ctx, i, start, j, 'date', `XXXX-WXX-${wd.isoday}`, 'day', false, NO_PUB + (note ? '; ' + note : ''));
  }
  // "منذ الخميس" (since Thursday) is always behind us: منذ is a past cue (tense-cues.tsv)
  const tense = offset !== undefined ? null : tenseAround(toks, ctx.lex, i, j);
  const d = resolveWeekday(ctx, wd.isoday, offset, tense);
  return cand(ctx, i, start, j, 'date', formatDay(d), 'day', true, note, d);
};

const DAY_ADJECTIVES = contextWords('day-adjective');
const DAY_NOUN_BEFORE = contextWords('day-noun-before');
/** a nisba adjective that can describe «اليوم» (masculine singular: «الوطني», «العالمي»); «الليلة» takes the
 * feminine («الليلة الرمضانية»); never a plural («أعلن اليوم الحوثيون» is today) */
const NISBA_MASCULINE = /^ال..+ي$/;
const NISBA_FEMININE = /^ال..+يه$/;

/**
 * Whether the definite word at k describes «اليوم» / «الليلة» before it, making them «the day», «the night»: a
 * nisba of its gender («اليوم الوطني», «الليلة الرمضانية»), an ordinal or a number («اليوم الأول», «اليوم الـ25»),
 * a relative pronoun or an adjective of day-adjective. Any other definite word is the clause's subject or object,
 * and «اليوم» is today («وصل اليوم الوزير», «تم اليوم التوصل إلى اتفاق»).
 */
function describesDay(ctx: Ctx, k: number): boolean {
  const t = ctx.toks[k];
  const nisba = ctx.toks[k - 1]?.f === 'الليله' ? NISBA_FEMININE : NISBA_MASCULINE;
  if (DAY_ADJECTIVES.has(t.f) || nisba.test(t.f) || readOrdinal(ctx.toks, k) !== null) return true;
  if (definiteCardinalSet().has(t.f)) return true; // «ساعات اليوم الأربع والعشرين»
  return t.f === 'ال' && ctx.toks[k + 1]?.kind === 'n'; // «اليوم الـ 43»
}

let definiteCardinalForms: Set<string> | null = null;
function definiteCardinalSet(): Set<string> {
  return (definiteCardinalForms ??= new Set(definiteCardinals().map((w) => 'ال' + w)));
}

/**
 * Whether «اليوم» at i is the object of a preposition («في اليوم المحدد», «باليوم المفتوح», «لليوم الـ43»): a day,
 * not today.
 */
function dayNounBefore(ctx: Ctx, i: number, plen: number): boolean {
  const prev = ctx.toks[i - 1];
  const f = ctx.toks[i].f;
  return /[بلك]/.test(f.slice(0, plen)) || /^و?لل/.test(f) || (!!prev && !ctx.toks[i].newClause && DAY_NOUN_BEFORE.has(prev.f));
}

const MEDIA_NOUNS = contextWords('media-noun');
const TODAY_NAMES = contextWords('today-name');
const QUOTES = new Set(['"', '«', '“']);

/**
 * Whether «اليوم» at i ends the name of a newspaper or a channel: after a media noun and one word, quoted
 * («صحيفة "المصري اليوم"», «قناة "اليمن اليوم"») or a name of today-name («موقع روسيا اليوم»).
 */
function mediaNameAt(ctx: Ctx, i: number): boolean {
  const toks = ctx.toks;
  const isMedia = (k: number) => k >= 0 && toks[k].kind === 'w' && procliticReadings(toks[k].f).some(([w]) => MEDIA_NOUNS.has(w));
  if (!toks[i - 1] || toks[i - 1].kind !== 'w') return false;
  if (QUOTES.has(toks[i - 2]?.f ?? '')) {
    // «لقناة "روسيا اليوم"», «لـ"روسيا اليوم"»: a quote closing right after it shuts the name in, media noun or not
    const close = toks[i + 1];
    return isMedia(i - 3) || (!!close && close.start === toks[i].end && (close.f === '"' || close.f === '»' || close.f === '”'));
  }
  return isMedia(i - 2) && TODAY_NAMES.has(toks[i - 1].f);
}

/** اليوم، أمس، أول أمس، غدا، بعد غد، الليلة، صباح اليوم، أمس الجمعة */
const matchDeictic: Matcher = (ctx, i, f, plen) => {
  const toks = ctx.toks;
  let { j, ff, part } = leadingDayPart(ctx, i, f);
  const m = ctx.lex.deictics.match(toks, j, ff);
  if (!m) return null;
  const word = ff ?? toks[j].f;
  // «لامس» (touched) is no ل + «أمس»; «بأمس» and «وأمس» are
  if (word === 'امس' && plen > 0 && /ل$/.test(toks[i].f.slice(0, plen))) return null;
  // «بأمس الحاجة», «في أمس الحاجة»: in dire need
  if (word === 'امس' && toks[m.end]?.f === 'الحاجه') return null;
  let end = m.end;
  const next = toks[end];
  const prev = toks[i - 1];
  // «في اليوم التالي», «في اليوم السابق»: a day from the day named last (not «اليوم التالي للانتخابات», another's)
  // (after a preposition or a part of day: «رئيس تحرير المصري اليوم السابق» is a newspaper's former editor)
  const step = word === 'اليوم' && m.end === j + 1 && next ? (NEXT_DAY.has(next.f) ? 1 : PREVIOUS_DAY.has(next.f) ? -1 : 0) : 0;
  if (step !== 0) {
    const after = toks[end + 1];
    const day = recentDay(ctx, toks[i].start);
    if (day === null || (after && after.kind === 'w' && /^ل/.test(after.f) && !after.newClause)) return null;
    if (j === i && !(prev && DATE_PREPOSITIONS.has(prev.f) && !toks[i].newClause)) return null;
    const d = day + step;
    return cand(ctx, i, startOffset(ctx, i, plen), end + 1, 'date', formatDay(d), 'day', true, 'a day from the day named before', d);
  }
  // a following weekday names the same day ("اليوم الجمعة")
  const namedDay = next ? ctx.lex.weekdays.get(next.f) : undefined;
  if (namedDay) end++;
  else if (word === 'غد' && m.end === j + 1) return null; // bare "غد" only before a weekday ("غد السبت")
  else if (next && next.kind === 'w' && next.f.startsWith('ال') && (word === 'اليوم' || word === 'الليله') && m.end === j + 1 &&
    (describesDay(ctx, end) || (j === i && dayNounBefore(ctx, i, plen)))) {
    return null; // اليوم الوطني، الليلة الأولى، في اليوم المحدد (not «وصل اليوم الوزير», «أعلن اليوم الجيش»)
  }
  // «في اليوم ذاته», «في نفس اليوم», «الليلة نفسها»: the day named last, not today (none named: no date)
  const sameAfter = (word === 'اليوم' || word === 'الليله') && m.end === j + 1 && SAME_AFTER.has(next?.f ?? '');
  const sameBefore = (word === 'اليوم' || word === 'الليله') && m.end === j + 1 && !!prev && SAME_BEFORE.has(prev.f);
  if (sameAfter || sameBefore) {
    const day = recentDay(ctx, toks[i].start);
    if (day === null) return null;
    const from = sameBefore ? i - 1 : i;
    let last = sameAfter ? end + 1 : end;
    let d = day;
    // «في نفس اليوم من عام 1990»: that day of another year («on this day in history»)
    const at = toks[last]?.f === 'من' || toks[last]?.f === 'في' ? last + 1 : last;
    const other = yearAt(ctx, at);
    if (other && !other.hijri) {
      const p = fromDays(day);
      if (!isValidYmd(other.year, p.m, p.d)) return null;
      d = toDays(other.year, p.m, p.d);
      last = other.end;
    }
    return cand(ctx, from, sameBefore ? toks[i - 1].start : startOffset(ctx, i, plen), last, 'date', formatDay(d), 'day', true, 'the day named before', d);
  }
  if ((word === 'اليوم' || word === 'الليله') && m.end === j + 1 && prev && TODAY_PREV_BLOCK.has(prev.f)) return null;
  if (word === 'اليوم' && j === i && mediaNameAt(ctx, i)) return null;
  if (word === 'اليوم' && next && next.kind === 'w' && next.f === 'من') return null; // "اليوم من" (the day of …)
  const note = part ? 'part of day: ' + part : m.value.night ? 'part of day: NI' : undefined;
  const start = startOffset(ctx, i, plen);
  if (ctx.pub === null) return cand(ctx, i, start, end, 'date', 'XXXX-XX-XX', 'day', false, NO_PUB + (note ? '; ' + note : ''));
  let d = ctx.pub + m.value.offset;
  if (namedDay) {
    // the weekday wins when the publication date is a day off ("أمس الخميس" in a Saturday edition)
    const delta = ((namedDay.isoday - isoWeekday(d) + 10) % 7) - 3; // -3 … +3
    d += delta;
  }
  return cand(ctx, i, start, end, 'date', formatDay(d), 'day', true, note, d);
};

function durationValue(n: number | null, unit: string): string {
  const num = n === null ? 'X' : String(n);
  if (unit === 'H') return `PT${num}H`;
  if (unit === 'MIN') return `PT${num}M`;
  if (unit === 'S') return `PT${num}S`;
  return `P${num}${unit}`;
}

/** N + unit ("ثلاثة أيام", "48 ساعة", "عامين") and "قبل أسبوعين" (a date). */
const matchDuration: Matcher = (ctx, i, f, plen) => {
  const toks = ctx.toks;
  let j = i;
  let ago = false;
  if (f === 'قبل') {
    ago = true;
    j++;
  }
  let n: number | null = null;
  // «قبل نحو شهر», «قبل حوالي عام»
  if (ago && (toks[j]?.f === 'نحو' || toks[j]?.f === 'حوالي')) j++;
  let unitTok = j;
  const fj = j === i ? f : toks[j]?.f;
  let unit = fj !== undefined ? ctx.lex.timeUnits.get(fj) : undefined;
  const led = j === i && DURATION_LEADS.has(toks[i - 1]?.f ?? '') && plen === 0;
  // a genitive after the unit makes it that one's: «خلال أيام العيد», «بعد يوم الانتخابات» (not «الماضية»)
  const genitiveAfter = toks[j + 1]?.kind === 'w' && toks[j + 1].f.startsWith('ال') && !ctx.lex.offsets.has(toks[j + 1].f) && !ctx.lex.periodEnds.has(toks[j + 1].f);
  const vague = unit && unit.number === 0 && (ago || led) && toks[j + 1]?.kind !== 'n' && !isMeasureAt(toks, j + 1) && !genitiveAfter;
  if (unit && unit.number === 2) {
    n = 2;
  } else if (vague) {
    // «قبل أيام», «منذ أشهر», «خلال أسابيع»: some units, how many unsaid
    const start = startOffset(ctx, i, plen);
    return cand(ctx, i, start, j + 1, 'duration', durationValue(null, unit!.unit), null);
  } else if (led && unit && unit.number === 1 && toks[j + 1]?.kind !== 'n' && !genitiveAfter) {
    n = 1; // «منذ أسبوع», «لمدة عام», «خلال شهر» (not «خلال عام 2018», «بعد يوم الانتخابات»)
  } else if (ago && unit && unit.number === 1 && toks[j + 1]?.kind !== 'n') {
    // «قبل يوم عرفة», «قبل يوم الانتخابات»: before a named day, not a day ago
    if (ctx.lex.holidays.match(toks, j) || (toks[j + 1]?.kind === 'w' && toks[j + 1].f.startsWith('ال') && !ctx.lex.offsets.has(toks[j + 1].f))) return null;
    n = 1; // "قبل شهر", "قبل عام" (but "قبل عام 2003" is a year)
  } else {
    const first = j === i ? f : toks[j]?.f;
    // "لثلاثة أيام"; "الثلاثة أشهر"
    const num = readNumber(toks, j, first) ?? (first?.startsWith('ال') ? readNumber(toks, j, first.slice(2)) : null);
    if (num && num.hasDigits && j === i && f !== toks[i].f) return null;
    if (!num || num.weak || num.value <= 0) return null;
    unitTok = num.end;
    unit = ctx.lex.timeUnits.get(toks[unitTok]?.f ?? '');
    if (!unit || unit.number === 2) return null;
    // «من 48 عام 1991 إلى 106 عام 2017», «32.4 مليار عام 2016»: the year word opens the year after it (the count is
    // something else's), not «48 years»
    if (YEAR_WORDS.has(toks[unitTok].f) && /^\d{4}$/.test(toks[unitTok + 1]?.f ?? '')) return null;
    n = num.value;
  }
  const end = unitTok + 1;
  const start = startOffset(ctx, i, plen);
  if (!ago) return cand(ctx, i, start, end, 'duration', durationValue(n, unit.unit), null);
  // «قبل ثلاثة أيام من المباراة», «قبل أسبوع على الافتتاح»: before another event, not before the publication (but
  // «قبل عامين من الآن» and «قبل عشر سنوات على الأقل» are)
  const from = toks[end]?.f;
  if ((from === 'من' && toks[end + 1]?.f !== 'الان') || (from === 'علي' && toks[end + 1]?.f !== 'الاقل')) {
    return cand(ctx, i, start, end, 'duration', durationValue(n, unit.unit), null, true, 'before another event, not the publication');
  }
  // "قبل أسبوعين": a date that many units before publication
  if (ctx.pub === null || !Number.isInteger(n)) return cand(ctx, i, start, end, 'date', 'XXXX-XX-XX', null, false, NO_PUB);
  const p = fromDays(ctx.pub);
  switch (unit.unit) {
    case 'D': {
      const d = ctx.pub - n;
      return cand(ctx, i, start, end, 'date', formatDay(d), 'day', true, undefined, d);
    }
    case 'W':
      return cand(ctx, i, start, end, 'date', formatIsoWeek(ctx.pub - 7 * n), 'week');
    case 'M': {
      const { y, m } = addMonths(p.y, p.m, -n);
      return cand(ctx, i, start, end, 'date', formatMonth(y, m), 'month');
    }
    case 'Y':
      return cand(ctx, i, start, end, 'date', pad4(p.y - n), 'year');
    default:
      return null;
  }
};

/** الأيام الثلاثة الماضية | الأسبوعين الماضيين | ال24 ساعة الماضية | الأشهر الأخيرة */
const matchPastPeriod: Matcher = (ctx, i, f, plen) => {
  const toks = ctx.toks;
  let j = i;
  let n: number | null = null;
  let unit = ctx.lex.pluralPeriods.get(f);
  if (!unit && f === 'ال' && glued(ctx, i)) {
    // "الـ24 ساعة الماضية"
    const num = readNumber(toks, i + 1);
    if (!num || !num.hasDigits) return null;
    const u = ctx.lex.timeUnits.get(toks[num.end]?.f ?? '');
    if (!u) return null;
    n = num.value;
    unit = u;
    j = num.end + 1;
  } else if (unit) {
    j++;
    if (unit.number === 2) n = 2;
    else {
      // "الثلاثة" / "ال3" / "الـ 24"
      const t = toks[j];
      if (t && t.kind === 'w' && t.f.startsWith('ال') && t.f.length > 3) {
        const num = readNumber(toks, j, t.f.slice(2)); // "الثلاثة", "الستة عشر"
        if (num && !num.weak) {
          n = num.value;
          j = num.end;
        }
      } else if (t && t.f === 'ال' && glued(ctx, j)) {
        const v = isInt(toks[j + 1], 1, 1000);
        if (v !== null) {
          n = v;
          j += 2;
        }
      }
    }
  } else return null;
  const endWord = toks[j]?.f;
  if (endWord === undefined || !ctx.lex.periodEnds.has(endWord)) return null;
  j++;
  return cand(ctx, i, startOffset(ctx, i, plen), j, 'duration', durationValue(n, unit.unit), null);
};

/** Clock times: الساعة العاشرة صباحا، الساعة 10:30 مساء بتوقيت غرينتش، 10:30 مساء */
/** hour and minutes joined by a comma or a point (folded: the Arabic comma is «,») */
const CLOCK_WITH_SEPARATOR = /^(\d{1,2})[.,،](\d{2})$/;

/** «ت غ», «ت.غ»: توقيت غرينتش abbreviated after a clock; the token after it, or -1 */
function gmtAbbreviationEnd(toks: readonly ScanToken[], k: number): number {
  if (toks[k]?.f !== 'ت') return -1;
  if (toks[k + 1]?.f === 'غ') return k + 2;
  return toks[k + 1]?.f === '.' && toks[k + 2]?.f === 'غ' ? k + 3 : -1;
}

/** How many words back a part of day may stand and still give a clock after it its half of the day. */
const CLOCK_PART_BACK_WORDS = 5;

/** Whether a clock time ends right before token k: an hour number or ordinal, or its minutes. */
function clockEndsAt(ctx: Ctx, k: number): boolean {
  const t = ctx.toks[k - 1];
  if (!t) return false;
  if (t.kind === 'n') return true;
  if (t.kind !== 'w') return false;
  return ctx.lex.minuteWords.has(t.f) || ctx.lex.clockFractions.match(ctx.toks, k - 1) !== null ||
    readOrdinal(ctx.toks, k - 1, { hour: true }) !== null;
}

/** The nearest part of day in the few words before token i, in the same clause («مساء الثلاثاء في الساعة الثامنة»). */
function dayPartBefore(ctx: Ctx, i: number): DayPart | null {
  const toks = ctx.toks;
  for (let k = i - 1, words = 0; k >= 0 && words < CLOCK_PART_BACK_WORDS; k--) {
    if (toks[k + 1].newClause) break;
    if (toks[k].kind !== 'w') continue;
    words++;
    for (const [f] of procliticReadings(toks[k].f)) {
      const dp = ctx.lex.dayParts.match(toks, k, f);
      // «العاشرة مساء حتى الساعة الثانية»: the part of another clock is that clock's
      if (dp && dp.end <= i) return clockEndsAt(ctx, k) ? null : dp.value;
    }
  }
  return null;
}

/**
 * Minutes after an hour at j: a fraction word («والنصف», «إلا ربعا») or a count with its lead and a minute word
 * («وخمس دقائق», «و20 دقيقة», «إلا عشر دقائق»); negative when taken away from the hour.
 */
function clockMinutesAt(ctx: Ctx, j: number): { minutes: number; end: number } | null {
  const toks = ctx.toks;
  const frac = ctx.lex.clockFractions.match(toks, j);
  if (frac) return { minutes: frac.value, end: frac.end };
  const t = toks[j];
  if (!t || t.kind !== 'w') return null;
  // the lead alone («و 20», «إلا خمس») or glued to a number word («وخمس»)
  let sign = ctx.lex.clockLeads.get(t.f);
  let k = j + 1;
  let first: string | undefined;
  if (sign === undefined && t.f.length > 2) {
    sign = ctx.lex.clockLeads.get(t.f[0]);
    k = j;
    first = t.f.slice(1);
  }
  if (sign === undefined) return null;
  const n = readNumber(toks, k, first);
  if (!n || n.value < 1 || n.value > 59 || !ctx.lex.minuteWords.has(toks[n.end]?.f ?? '')) return null;
  if (sign < 0 && n.value > 30) return null;
  return { minutes: sign * n.value, end: n.end + 1 };
}

const matchClock: Matcher = (ctx, i, f, plen) => {
  const toks = ctx.toks;
  let j = i;
  const hourWord = f === 'الساعه';
  if (hourWord) j++;
  let hour: number | null = null;
  let minute = -1;
  const t = toks[j];
  if (!t) return null;
  const fourDigits = t.kind === 'n' && /^(\d\d)(\d\d)$/.exec(t.f);
  if (fourDigits && gmtAbbreviationEnd(toks, j + 1) > 0 && +fourDigits[1] < 24 && +fourDigits[2] < 60) {
    // «(0900 ت غ)»: a clock written as four digits, as agencies give Greenwich time
    hour = +fourDigits[1];
    minute = +fourDigits[2];
    j++;
  } else if (!hourWord && f === 'منتصف' && (toks[j + 1]?.f === 'الليل' || toks[j + 1]?.f === 'النهار')) {
    // "منتصف الليل" (midnight), "منتصف النهار" (noon)
    hour = toks[j + 1].f === 'الليل' ? 0 : 12;
    minute = 0;
    j += 2;
  } else if (t.kind === 'n' && CLOCK_WITH_SEPARATOR.test(t.f)) {
    // «الساعة 7,30 صباحا», «00.30 بتوقيت غرينتش»: a comma or a point between hour and minutes, as news agencies
    // write them; only with الساعة, a part of day or a time zone, else it is a decimal number
    const [, hh, mm] = CLOCK_WITH_SEPARATOR.exec(t.f)!;
    if (+hh > 24 || +mm > 59) return null;
    const next = toks[j + 1]?.f;
    const zoned = next === 'بتوقيت' || next === 'توقيت' || gmtAbbreviationEnd(toks, j + 1) > 0;
    const dp = ctx.lex.dayParts.match(toks, j + 1);
    if (!hourWord && !zoned && !(dp && dp.value.post)) return null;
    hour = +hh;
    minute = +mm;
    j++;
  } else if (t.kind === 'n') {
    hour = isInt(t, 0, 24, 2);
    if (hour === null) return null;
    j++;
    if (toks[j]?.f === ':' && glued(ctx, j - 1) && glued(ctx, j)) {
      const mm = isInt(toks[j + 1], 0, 59, 2);
      if (mm === null || toks[j + 1].f.length !== 2) return null;
      minute = mm;
      j += 2;
    } else if (!hourWord) {
      // a bare number needs a part of day after it: "10 صباحا"; not the end of a score («بنتيجة 3-1 مساء السبت»)
      const dp = ctx.lex.dayParts.match(toks, j);
      if (!dp || !dp.value.post || hour > 12) return null;
      if (i >= 2 && toks[i - 1].f === '-' && toks[i - 2].kind === 'n') return null;
    }
  } else if (hourWord || (f.endsWith('ه') && f.startsWith('ال'))) {
    // "الساعة العاشرة"; without الساعة a feminine ordinal needs a part of day after it ("العاشرة صباحا")
    const o = readOrdinal(toks, j, { hour: true, first: f === toks[j].f || hourWord ? undefined : f });
    if (!o || o.value > 12) return null;
    if (!hourWord) {
      const dp = ctx.lex.dayParts.match(toks, o.end);
      const minutes = clockMinutesAt(ctx, o.end);
      const halfThenPart = minutes && ctx.lex.dayParts.match(toks, minutes.end)?.value.post;
      if (!(dp && dp.value.post) && !halfThenPart) return null;
    }
    hour = o.value;
    j = o.end;
  } else return null;
  // «والنصف», «إلا ربعا», «وخمس دقائق», «إلا 10 دقائق» (clock-fractions.tsv)
  if (minute < 0) {
    const m = clockMinutesAt(ctx, j);
    if (m) {
      minute = (m.minutes + 60) % 60;
      if (m.minutes < 0) hour = (hour + 23) % 24;
      j = m.end;
    }
  }
  let part: string | undefined;
  const dp = ctx.lex.dayParts.match(toks, j);
  // a part of day opening the day named after the clock: «الساعة الثالثة بعد ظهر الثلاثاء», «الساعة 12.01 من فجر
  // الجمعة» (it stays the day's: the clock does not take its words)
  const opening = dp && dp.value.post ? null : ctx.lex.dayParts.match(toks, toks[j]?.f === 'من' ? j + 1 : j);
  const pmPart = dp && dp.value.post ? dp : opening && opening.value.pre ? opening : null;
  if (pmPart) {
    part = pmPart.value.code;
    if (pmPart.value.pm && hour < 12 && !(part === 'NI' && hour <= 4)) hour += 12;
    // twelve at dawn or at night is midnight
    if (hour === 12 && (part === 'MO' && pmPart === opening || part === 'NI')) hour = 0;
    if (pmPart === dp) j = dp.end;
  } else if ((toks[j]?.f === 'م' || toks[j]?.f === 'ص') && (hourWord || minute >= 0)) {
    // «الساعة 6.40 م»: مساءً / صباحاً abbreviated
    if (toks[j].f === 'م' && hour < 12) hour += 12;
    if (toks[j].f === 'ص' && hour === 12) hour = 0;
    part = toks[j].f === 'م' ? 'EV' : 'MO';
    j++;
  } else if (hour >= 1 && hour < 12 && !fourDigits && !/^0/.test(toks[hourWord ? i + 1 : i]?.f ?? '')) {
    // «مساء الثلاثاء في الساعة الثامنة», «بعد الظهر … الساعة الخامسة»: a part of day just before the clock (not
    // over a 24-hour clock, «ظهرا (0900 ت.غ)»)
    const before = dayPartBefore(ctx, i);
    if (before?.pm && !(before.code === 'NI' && hour <= 4)) hour += 12;
  }
  let tz: string | undefined;
  const gmtEnd = gmtAbbreviationEnd(toks, j);
  if (gmtEnd > 0) {
    tz = '+00:00';
    j = gmtEnd;
  } else if (toks[j]?.f === 'بتوقيت' || toks[j]?.f === 'توقيت') {
    const z = ctx.lex.timezones.match(toks, j + 1);
    if (z) {
      tz = z.value;
      j = z.end;
    } else if (toks[j + 1]?.kind === 'w') {
      tz = ctx.text.slice(toks[j + 1].start, toks[j + 1].end);
      j += 2;
    }
  }
  if (hour === 24) hour = 0;
  const gran: Granularity = minute < 0 ? 'hour' : 'minute';
  const hhmm = `T${pad2(hour)}:${pad2(Math.max(0, minute))}`;
  const notes: string[] = [];
  if (tz) notes.push('timezone: ' + tz);
  const start = startOffset(ctx, i, plen);
  return cand(ctx, i, start, j, 'time', hhmm, gran, true, notes.join('; ') || undefined);
};

/** Numeric dates: 28/8/2021, 28-8-2021, 28.8.2021, 2021-08-28, 2021/8/28 (day first, as Arab media write them). */
const matchNumericDate: Matcher = (ctx, i) => {
  const toks = ctx.toks;
  const t = toks[i];
  if (t.kind !== 'n') return null;
  let parts: number[] | null = null;
  let end = i + 1;
  if (/^\d{1,4}\.\d{1,2}\.\d{2,4}$/.test(t.f)) {
    parts = t.f.split('.').map(Number);
  } else {
    const sep = toks[i + 1]?.f;
    if ((sep === '/' || sep === '-') && toks[i + 3]?.f === sep) {
      const a = toks[i], b = toks[i + 2], c = toks[i + 4];
      if (b?.kind === 'n' && c?.kind === 'n' && /^\d+$/.test(a.f) && /^\d+$/.test(b.f) && /^\d+$/.test(c.f)) {
        parts = [Number(a.f), Number(b.f), Number(c.f)];
        if (a.f.length === 4 && c.f.length > 2) return null;
        if (a.f.length !== 4 && c.f.length !== 4) return null;
        end = i + 5;
      }
    }
  }
  if (!parts || parts.length !== 3) return null;
  let [d, m, y] = parts;
  if (parts[0] >= 1000) [y, m, d] = parts;
  else if (m > 12 && d <= 12) [m, d] = [d, m]; // "4/22/1948": month first when day-first cannot be
  const era = toks[end];
  const hijriEra = era !== undefined && HIJRI_ERA.has(era.f);
  // 15/3/1443 هـ: a Hijri year (marked, or in the Hijri range) converts through Umm al-Qura
  if (hijriEra || (y >= 1300 && y <= 1500)) {
    if (y < 1300 || y > 1500 || m < 1 || m > 12) return null;
    const hd = hijriToDays(y, m, d);
    if (hd === null) return null;
    const hend = hijriEra ? end + 1 : end;
    return cand(ctx, i, t.start, hend, 'date', formatDay(hd), 'day', true, hijriNote(ctx, i, hend), hd);
  }
  if (y < 1800 || y > 2100 || !isValidYmd(y, m, d)) return null;
  const days = toDays(y, m, d);
  if (era !== undefined && GREG_ERA.has(era.f)) end++; // "28/8/2021 م"
  return cand(ctx, i, t.start, end, 'date', formatDay(days), 'day', true, undefined, days);
};

/** Sets: يوميا، أسبوعيا، سنويا، كل يوم، كل أربع سنوات */
const matchSet: Matcher = (ctx, i, f, plen) => {
  const toks = ctx.toks;
  const s = ctx.lex.sets.match(toks, i, f);
  if (s) return cand(ctx, i, startOffset(ctx, i, plen), s.end, 'set', s.value, null);
  if (f !== 'كل') return null;
  const num = readNumber(toks, i + 1);
  if (num && !num.weak) {
    const unit = ctx.lex.timeUnits.get(toks[num.end]?.f ?? '');
    if (unit && unit.number !== 2) return cand(ctx, i, startOffset(ctx, i, plen), num.end + 1, 'set', durationValue(num.value, unit.unit), null);
  }
  const dual = ctx.lex.timeUnits.get(toks[i + 1]?.f ?? '');
  if (dual && dual.number === 2) return cand(ctx, i, startOffset(ctx, i, plen), i + 2, 'set', durationValue(2, dual.unit), null);
  return null;
};

const AGE_SUBJECTS = contextWords('age-subject');
const AGE_NOUNS = contextWords('age-noun');

/** Is the decade word at i someone's age («وهو في أواخر العشرينات», «في الثلاثينات من عمرها»)? */
function isAge(ctx: Ctx, i: number): boolean {
  const toks = ctx.toks;
  if (toks[i + 1]?.f === 'من' && AGE_NOUNS.has(toks[i + 2]?.f ?? '')) return true;
  let k = i - 1;
  if (k < 0 || !ctx.lex.modifiers.has(toks[k].f)) return false;
  k--;
  if (k >= 0 && toks[k].f === 'في') k--;
  return k >= 0 && AGE_SUBJECTS.has(toks[k].f);
}

/** Decades and centuries: التسعينيات، القرن العشرين، القرن الماضي */
const matchDecadeCentury: Matcher = (ctx, i, f, plen) => {
  const toks = ctx.toks;
  const dec = ctx.lex.decades.get(f);
  const start = startOffset(ctx, i, plen);
  if (dec) {
    if (isAge(ctx, i)) return null;
    let end = i + 1;
    let k = end;
    if (toks[k]?.f === 'من') k++;
    if (toks[k]?.f === 'القرن' && (toks[k + 1]?.f === 'الماضي' || toks[k + 1]?.f === 'العشرين')) end = k + 2;
    return cand(ctx, i, start, end, 'date', dec, 'decade');
  }
  // «سبعينيات القرن الماضي», «ثمانينات القرن التاسع عشر»: a decade in construct with its century
  const inConstruct = ctx.lex.decades.get('ال' + f);
  if (inConstruct && toks[i + 1]?.f === 'القرن') {
    const century = matchDecadeCentury(ctx, i + 1, 'القرن', 0);
    if (!century || century.granularity !== 'century') return null;
    if (!century.resolved) return cand(ctx, i, start, endTokOf(century), 'date', 'XX' + inConstruct[2], 'decade', false, century.note);
    return cand(ctx, i, start, endTokOf(century), 'date', century.value + inConstruct[2], 'decade');
  }
  if (f !== 'القرن') return null;
  const off = ctx.lex.offsets.get(toks[i + 1]?.f ?? '');
  if (off !== undefined && off !== 1) {
    if (ctx.pub === null) return cand(ctx, i, start, i + 2, 'date', 'XX', 'century', false, NO_PUB);
    const c = Math.floor(fromDays(ctx.pub).y / 100) + off;
    return cand(ctx, i, start, i + 2, 'date', pad2(c), 'century');
  }
  const o = readOrdinal(toks, i + 1);
  if (o && o.value >= 1 && o.value <= 21) return cand(ctx, i, start, o.end, 'date', pad2(o.value - 1), 'century');
  return null;
};

/** Quarters and halves: الربع الأول من العام الجاري، الربع الثالث من 2018، النصف الثاني من العام */
const matchQuarter: Matcher = (ctx, i, f, plen) => {
  const toks = ctx.toks;
  const isQuarter = f === 'الربع';
  if (!isQuarter && f !== 'النصف') return null;
  const o = readOrdinal(toks, i + 1);
  if (!o || o.value < 1 || o.value > (isQuarter ? 4 : 2)) return null;
  const code = (isQuarter ? 'Q' : 'H') + o.value;
  const gran: Granularity | null = isQuarter ? 'quarter' : null;
  const start = startOffset(ctx, i, plen);
  let k = o.end;
  if (toks[k]?.f === 'من' || toks[k]?.f === 'خلال') k++;
  const nf = toks[k]?.f ?? '';
  const rel = ctx.lex.units.get(nf) === 'Y' || THIS.has(nf) ? matchRelativePeriod(ctx, k, nf, 0) : null;
  if (rel && rel.granularity === 'year') {
    const v = rel.resolved ? `${rel.value}-${code}` : `XXXX-${code}`;
    return cand(ctx, i, start, endTokOf(rel), 'date', v, gran, rel.resolved, rel.note);
  }
  const y = yearAt(ctx, k);
  if (y && !y.hijri) return cand(ctx, i, start, y.end, 'date', `${pad4(y.year)}-${code}`, gran);
  if (ctx.lex.units.get(nf) === 'Y') {
    // "الربع الأول من العام": the current year
    if (ctx.pub === null) return cand(ctx, i, start, k + 1, 'date', `XXXX-${code}`, gran, false, NO_PUB);
    return cand(ctx, i, start, k + 1, 'date', `${pad4(fromDays(ctx.pub).y)}-${code}`, gran);
  }
  return null; // "الربع الأول" alone may be a quarter of a match
};

/**
 * The occurrence of a season relative to the publication day: +1 the first to begin after it, −1 the last to end
 * before it, 0 the one it falls in or else the nearest («هذا الشتاء» in October is the coming one).
 */
function seasonYear(pub: number, code: string, offset: number): number {
  const y0 = fromDays(pub).y;
  let best = y0;
  let bestDistance = Infinity;
  for (let y = y0 - 2; y <= y0 + 2; y++) {
    const [first, last] = seasonRange(y, code);
    if (offset > 0 && first > pub) return y;
    if (offset < 0 && last < pub) best = y;
    if (offset === 0) {
      const distance = pub < first ? first - pub : pub > last ? pub - last : 0;
      if (distance < bestDistance) (best = y), (bestDistance = distance);
    }
  }
  return best;
}

/** صيف 2019 | صيف عام 2019 | شتاء العام الماضي | صيف هذا العام | الصيف المقبل | الشتاء الماضي | هذا الخريف */
const matchSeason: Matcher = (ctx, i, f, plen) => {
  const toks = ctx.toks;
  let j = i;
  let code = ctx.lex.seasons.get(f);
  const demonstrative = !code && THIS.has(f);
  if (demonstrative) code = ctx.lex.seasons.get(toks[(j = i + 1)]?.f ?? '');
  if (!code) return null;
  const start = startOffset(ctx, i, plen);
  const relative = (offset: number, end: number): Candidate => {
    if (ctx.pub === null) return cand(ctx, i, start, end, 'date', `XXXX-${code}`, 'season', false, NO_PUB);
    return cand(ctx, i, start, end, 'date', `${pad4(seasonYear(ctx.pub, code as string, offset))}-${code}`, 'season');
  };
  const definite = toks[j].f.startsWith('ال');
  if (demonstrative) return definite ? relative(0, j + 1) : null;
  const nf = toks[j + 1]?.f ?? '';
  if (definite) {
    const offset = ctx.lex.offsets.get(nf);
    return offset === undefined ? null : relative(offset, j + 2);
  }
  // the indefinite season in construct with a year: «صيف 2019», «شتاء العام الماضي»
  const rel = ctx.lex.units.get(nf) === 'Y' || THIS.has(nf) ? matchRelativePeriod(ctx, j + 1, nf, 0) : null;
  if (rel && rel.granularity === 'year') {
    return cand(ctx, i, start, endTokOf(rel), 'date', rel.resolved ? `${rel.value}-${code}` : `XXXX-${code}`, 'season', rel.resolved, rel.note);
  }
  const y = yearAt(ctx, j + 1);
  if (!y || y.hijri || (!y.marked && (y.year < 1900 || y.year > 2100))) return null;
  return cand(ctx, i, start, y.end, 'date', `${pad4(y.year)}-${code}`, 'season');
};

/** عيد الفطر | عيد الأضحى المقبل | عيد الفطر الماضي | عيد الأضحى 1439 هـ: the feast's first day */
const matchHoliday: Matcher = (ctx, i, f, plen) => {
  const toks = ctx.toks;
  const m = ctx.lex.holidays.match(toks, i, f);
  if (!m) return null;
  const { month, day } = m.value;
  let end = m.end;
  // «عيد الأضحى المبارك», «عيد الفطر السعيد»
  if (toks[end]?.f === 'المبارك' || toks[end]?.f === 'السعيد') end++;
  const start = startOffset(ctx, i, plen);
  const offset = ctx.lex.offsets.get(toks[end]?.f ?? '');
  const year = yearAt(ctx, end);
  let hy: number | null;
  if (year && year.hijri) {
    hy = year.year;
    end = year.end;
  } else if (year && year.year >= 1900 && year.year <= 2100) {
    // «عيد الفطر 2019»: the feast that falls in that Gregorian year (the first, when two do)
    const first = daysToHijri(toDays(year.year, 1, 1)).y;
    hy = [first, first + 1].find((y) => {
      const d = hijriToDays(y, month, day);
      return d !== null && fromDays(d).y === year.year;
    }) ?? null;
    if (hy === null) return null;
    end = year.end;
  } else {
    if (offset !== undefined) end++;
    const tense: Tense | null = offset === 1 ? 'future' : offset === -1 ? 'past' : tenseAround(toks, ctx.lex, i, end);
    hy = inferHijriYear(ctx, month, day, tense);
  }
  if (hy === null) return cand(ctx, i, start, end, 'date', 'XXXX-XX-XX', 'day', false, NO_PUB);
  const d = hijriToDays(hy, month, day);
  if (d === null) return null;
  return cand(ctx, i, start, end, 'date', formatDay(d), 'day', true, `hijri: ${day}/${month}/${hy}`, d);
};

/** What joins the two ends of a range (folded): و, a dash, إلى, حتى. */
const RANGE_LINKS = contextWords('range-link');

/** The first day of a day range that shares its month: "من 1 إلى 5 أغسطس", "يومي 5 و6 أغسطس" → "1" / "5". */
const matchRangeStart: Matcher = (ctx, i) => {
  const toks = ctx.toks;
  const d1 = isInt(toks[i], 1, 31, 2);
  if (d1 === null || toks[i].kind !== 'n') return null;
  const link = toks[i + 1];
  if (!link || !RANGE_LINKS.has(link.f) || isInt(toks[i + 2], 1, 31, 2) === null) return null;
  const second = matchCalendarDate(ctx, i + 2, toks[i + 2].f, 0);
  if (!second || second.granularity !== 'day' || !/^(\d{4}|XXXX)-\d{2}-\d{2}$/.test(second.value)) return null;
  if (+second.value.slice(8) <= d1) return null;
  const value = second.value.slice(0, 8) + pad2(d1);
  const d = parseIsoDate(value);
  if (second.resolved && d === null) return null;
  const c = cand(ctx, i, toks[i].start, i + 1, 'date', value, 'day', second.resolved, second.note, d ?? undefined);
  c.anchored = second.anchored; // «في عام 2014 … بين 5 و7 يونيو»: the second day goes on with the narrative
  return c;
};

const MATCHERS: Matcher[] = [
  matchRangeStart,
  matchQuarter,
  matchCalendarDate, matchYear, matchRelativePeriod, matchModified, matchWeekday, matchDeictic, matchDuration,
  matchPastPeriod, matchClock, matchNumericDate, matchSet, matchDecadeCentury, matchSeason, matchHoliday,
];

// ---------------------------------------------------------------- driver

let triggers: Set<string> | null = null;

function triggerWords(lex: TimeLexicon): Set<string> {
  if (triggers) return triggers;
  const s = new Set<string>([
    ...lex.months.firstWords(), ...lex.weekdays.keys(), ...lex.units.keys(), ...lex.deictics.firstWords(),
    ...lex.dayParts.firstWords(), ...lex.modifiers.keys(), ...lex.timeUnits.keys(), ...lex.pluralPeriods.keys(),
    ...lex.sets.firstWords(), ...lex.decades.keys(), ...[...lex.decades.keys()].map((d) => d.slice(2)), ...lex.seasons.keys(), ...lex.holidays.firstWords(), ...YEAR_WORDS, ...THIS,
    MONTH_WORD, DAY_WORD, 'قبل', 'الساعه', 'كل', 'القرن', 'ال', 'الربع', 'النصف',
  ]);
  triggers = s;
  return s;
}

let readingTable: Map<string, Array<[string, number]>> | null = null;

/**
 * Every surface form (trigger word with or without a proclitic, number word, ordinal) that can start a time
 * expression, with its readings: one hash lookup per token decides whether any matcher needs to run.
 */
function triggerReadingTable(trig: Set<string>): Map<string, Array<[string, number]>> {
  if (readingTable) return readingTable;
  const table = new Map<string, Array<[string, number]>>();
  const add = (form: string): void => {
    if (table.has(form)) return;
    // a number word or ordinal can start a duration ("ثلاثة أيام", "لثلاثة أيام") or a day ("الثالث من")
    const r = procliticReadings(form).filter(([w]) => trig.has(w) || startsNumber(w));
    if (r.length) table.set(form, r);
  };
  for (const w of trig) {
    add(w);
    for (const p of PROCLITICS) add(p + w);
    if (w.startsWith('ال')) {
      add('ل' + w.slice(1));
      add('ول' + w.slice(1));
    }
  }
  for (const w of definiteCardinals()) if (!table.has('ال' + w)) table.set('ال' + w, [['ال' + w, 0]]); // "الثلاثة أشهر"
  for (const w of numberStartWords()) {
    add(w);
    for (const p of ['و', 'ب', 'ل', 'ف']) add(p + w);
  }
  readingTable = table;
  return table;
}

/** Finds the time expressions of already-scanned text. */
export function extractTimesFromTokens(text: string, toks: readonly ScanToken[], published: string | null): TimeExpr[] {
  const lex = timeLexicon();
  const table = triggerReadingTable(triggerWords(lex));
  const pub = published ? parseIsoDate(published) : null;
  const ctx: Ctx = { text, toks, pub, lex, lastDate: null, lastMonth: null, lastDay: null, yearAnchor: null };
  const out: TimeExpr[] = [];
  let lastDay: { endTok: number; day: number } | null = null;
  /** the last expression is a month (and day) whose year was inferred */
  let prevInferred = false;
  /** index in `out` of a clock time anchored only on the publication date */
  let pendingClock = -1;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.kind === 'p' || t.kind === 'l') continue;
    let readings: Array<[string, number]>;
    if (t.kind === 'n') readings = [[t.f, 0]];
    else {
      const r = table.get(t.f);
      if (r === undefined) continue;
      readings = r;
    }
    let best: Candidate | null = null;
    for (const [f, plen] of readings) {
      for (const m of MATCHERS) {
        const c = m(ctx, i, f, plen);
        if (c && (!best || endTokOf(c) > endTokOf(best))) best = c;
      }
    }
    if (!best) continue;
    // a clock time takes its day from a date just before it in the same clause, else the publication date
    if (best.kind === 'time') {
      let anchor: number | null = null;
      if (lastDay && i - lastDay.endTok <= 4) anchor = lastDay.day;
      else if (pub !== null) {
        anchor = pub;
        pendingClock = out.length; // "الساعة 2:57 صباح الجمعة": a day right after may still claim it
      }
      if (anchor !== null) best.value = formatDay(anchor) + best.value;
      else {
        best.value = 'XXXX-XX-XX' + best.value;
        best.resolved = false;
        best.note = best.note ? NO_PUB + '; ' + best.note : NO_PUB;
      }
    }
    const endTok = endTokOf(best);
    if (best.day !== undefined) {
      lastDay = { endTok, day: best.day };
      const clock = pendingClock >= 0 ? out[pendingClock] : undefined;
      if (clock && pendingClock === out.length - 1 && CLOCK_THEN_DAY.test(text.slice(clock.end, best.start))) {
        clock.value = formatDay(best.day) + clock.value.slice(10);
      }
    }
    if (best.kind !== 'time') pendingClock = -1;
    const expr: TimeExpr = {
      text: text.slice(best.start, best.end),
      start: best.start,
      end: best.end,
      kind: best.kind,
      value: best.value,
      granularity: best.granularity,
      resolved: best.resolved,
    };
    if (best.note) expr.note = best.note;
    // «بين يوليو وديسمبر 2015», «من يناير إلى مارس 2017»: the first month of a range takes the year written after it
    const prev = out.length ? out[out.length - 1] : null;
    if (prev && prevInferred && !best.yearInferred && best.kind === 'date' && /^\d{4}-\d\d/.test(best.value) && RANGE_LINKS.has(fold(text.slice(prev.end, best.start).trim()))) {
      const y2 = Number(best.value.slice(0, 4));
      const m1 = Number(prev.value.slice(5, 7));
      const y1 = m1 <= Number(best.value.slice(5, 7)) ? y2 : y2 - 1;
      // «29 فبراير» is a date only in a leap year
      const d1 = prev.value.length >= 10 ? Number(prev.value.slice(8, 10)) : null;
      if (d1 === null || isValidYmd(y1, m1, d1)) prev.value = String(y1).padStart(4, '0') + prev.value.slice(4);
    }
    // «أمس، 12 أبريل»: a day and month in apposition to a day already resolved is that day, in its year
    if (prev && best.yearInferred && prev.resolved && prev.granularity === 'day' && /^\d{4}-\d\d-\d\d$/.test(prev.value) &&
        /^\d{4}-\d\d-\d\d$/.test(expr.value) && prev.value.slice(5) === expr.value.slice(5) && /^\s*[،,]\s*$/.test(text.slice(prev.end, expr.start))) {
      expr.value = prev.value;
    }
    prevInferred = best.yearInferred === true;
    out.push(expr);
    if (expr.kind === 'date' && expr.resolved) {
      const ym = /^(\d{4})(?:-(\d\d)(?:-\d\d)?)?$/.exec(expr.value);
      if (ym) ctx.lastDate = { y: Number(ym[1]), end: expr.end };
      if (ym?.[2]) ctx.lastMonth = { y: Number(ym[1]), m: Number(ym[2]) };
      const day = /^(\d{4})-(\d\d)-(\d\d)$/.exec(expr.value);
      if (day) ctx.lastDay = { d: toDays(Number(day[1]), Number(day[2]), Number(day[3])), end: expr.end };
      // a written year narrated anchors the yearless dates after it; a date it anchored carries it on; any other
      // date (resolved from the publication) ends the narrative
      // last year's only in a whole date: «في عام 2017 … في مايو» in June is as often this May
      const anchorY = ym ? Number(ym[1]) : NaN, pubY = pub !== null ? fromDays(pub).y : NaN;
      if (best.anchors && (anchorY < pubY - 1 || (anchorY === pubY - 1 && best.granularity === 'day')) && yearNarratedAt(ctx, best.tok, best.start)) {
        ctx.yearAnchor = { y: anchorY, endTok };
      } else if (best.anchored && ctx.yearAnchor) ctx.yearAnchor.endTok = endTok;
      else ctx.yearAnchor = null;
    }
    i = endTok - 1;
  }
  return out;
}

const YEAR_NARRATIVE = contextWords('year-narrative');

/**
 * Whether the year expression at token `tok` sets the time of a narrative: right after «في», «خلال», «بتاريخ», «يوم»
 * (year-narrative: «وبدأت التحضيرات في عام 1994»), not a year that only places a noun («الاتفاق المبرم عام 2015»,
 * «منذ سقوط النظام عام 2003», «لعام 2016», «مقارنة بعام 2014»).
 */
function yearNarratedAt(ctx: Ctx, tok: number, start: number): boolean {
  const prev = ctx.toks[tok - 1];
  if (!prev || ctx.toks[tok].newClause || start !== ctx.toks[tok].start) return false;
  return YEAR_NARRATIVE.has(prev.f) || (prev.f.length > 3 && prev.f.startsWith('و') && YEAR_NARRATIVE.has(prev.f.slice(1)));
}

/** What may stand between a clock time and the day it belongs to: "الساعة 10 صباح [يوم] الجمعة", "… من يوم الأحد". */
const CLOCK_THEN_DAY = /^[\s،,]*(?:من\s+)?$/;

/** Time expressions of a text, resolved against `published` (YYYY-MM-DD) when given. */
export function extractTimes(text: string, published: string | null = null): TimeExpr[] {
  return extractTimesFromTokens(text, scan(text), published);
}

