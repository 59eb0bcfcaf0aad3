/**
 * Time-expression vocabulary, loaded once from resources/time/*.tsv and folded with the scanner's folding.
 * Multi-word entries ("كانون الثاني", "أول من أمس") live in phrase tables keyed by their first word.
 */
import { readTsv } from '../resources.js';
import { fold, type ScanToken } from './fold.js';

export interface PhraseMatch<T> {
  value: T;
  /** token index one past the phrase */
  end: number;
}

/** Longest-match lookup of multi-word phrases on folded tokens. */
export class PhraseTable<T> {
  private readonly byFirst = new Map<string, Array<{ words: string[]; value: T }>>();

  add(phrase: string, value: T): void {
    const words = fold(phrase).split(/\s+/).filter(Boolean);
    if (!words.length) return;
    let list = this.byFirst.get(words[0]);
    if (!list) this.byFirst.set(words[0], (list = []));
    list.push({ words, value });
    list.sort((a, b) => b.words.length - a.words.length);
  }

  hasFirst(f: string): boolean {
    return this.byFirst.has(f);
  }

  firstWords(): IterableIterator<string> {
    return this.byFirst.keys();
  }

  /** Match at token i; `first` overrides the first token's folded text (after stripping a proclitic). */
  match(tokens: readonly ScanToken[], i: number, first?: string): PhraseMatch<T> | null {
    const t = tokens[i];
    if (!t) return null;
    const list = this.byFirst.get(first ?? t.f);
    if (!list) return null;
    for (const { words, value } of list) {
      if (i + words.length > tokens.length) continue;
      let ok = true;
      for (let k = 1; k < words.length; k++) {
        if (tokens[i + k].f !== words[k]) {
          ok = false;
          break;
        }
      }
      if (ok) return { value, end: i + words.length };
    }
    return null;
  }
}

export interface MonthEntry {
  month: number;
  calendar: 'g' | 'h';
  ambiguous: boolean;
}
export interface WeekdayEntry {
  isoday: number;
  ambiguous: boolean;
}
export interface DayPart {
  code: string;
  pre: boolean;
  post: boolean;
  pm: boolean;
}
export interface TimeUnit {
  unit: string;
  number: number;
}

/**
 * The tense a time expression takes from its clause: past or future; `nearest`, from a word of deadline
 * («بحلول 12 مايو»), the occurrence nearest the publication date, whatever the verbs around say.
 */
export type Tense = 'past' | 'future' | 'nearest';

export interface TimeLexicon {
  months: PhraseTable<MonthEntry>;
  weekdays: Map<string, WeekdayEntry>;
  offsets: Map<string, number>;
  periodEnds: Map<string, number>;
  units: Map<string, 'W' | 'M' | 'Y'>;
  deictics: PhraseTable<{ offset: number; night: boolean }>;
  dayParts: PhraseTable<DayPart>;
  modifiers: Map<string, string>;
  timeUnits: Map<string, TimeUnit>;
  pluralPeriods: Map<string, TimeUnit>;
  sets: PhraseTable<string>;
  timezones: PhraseTable<string>;
  decades: Map<string, string>;
  /** season words → TIMEX3 season code (SP, SU, FA, WI) */
  seasons: Map<string, string>;
  /** feasts on the Hijri calendar → their Hijri month and day */
  holidays: PhraseTable<{ month: number; day: number }>;
  tenseCues: Map<string, 'past' | 'future'>;
  /** Particles that set the tense of the verb after them (لم, لن). */
  tenseParticles: Map<string, 'past' | 'future'>;
  /** prepositions that give the time expression right after them its tense (منذ) */
  tensePrepositions: Map<string, Tense>;
  /** words that make a particle after them conditional, so it sets no tense («ما لم», «إن لم») */
  tenseConditionals: Set<string>;
  yearBlockers: Set<string>;
  /** minutes after an hour: fractions («والنصف» 30, «إلا ربعا» -15), the leads «و»/«إلا» (+1/-1) of a counted
   * number of minutes, and the minute words after it */
  clockFractions: PhraseTable<number>;
  clockLeads: Map<string, number>;
  minuteWords: Set<string>;
}

let lexicon: TimeLexicon | null = null;

function rows(file: string): Record<string, string>[] {
  return readTsv(['time', file]) as Record<string, string>[];
}

export function timeLexicon(): TimeLexicon {
  if (lexicon) return lexicon;
  const months = new PhraseTable<MonthEntry>();
  for (const r of rows('months.tsv')) {
    months.add(r.form, { month: +r.month, calendar: r.calendar === 'h' ? 'h' : 'g', ambiguous: r.ambiguous === '1' });
  }
  const weekdays = new Map<string, WeekdayEntry>();
  for (const r of rows('weekdays.tsv')) weekdays.set(fold(r.form), { isoday: +r.isoday, ambiguous: r.ambiguous === '1' });
  const offsets = new Map<string, number>();
  const periodEnds = new Map<string, number>();
  const units = new Map<string, 'W' | 'M' | 'Y'>();
  const deictics = new PhraseTable<{ offset: number; night: boolean }>();
  for (const r of rows('relative-words.tsv')) {
    if (r.role === 'offset') {
      offsets.set(fold(r.form), +r.value);
      if (+r.value !== 0) periodEnds.set(fold(r.form), +r.value); // "العامين الحالي" is not a period
    } else if (r.role === 'period-end') periodEnds.set(fold(r.form), +r.value);
    else if (r.role === 'unit') units.set(fold(r.form), r.value as 'W' | 'M' | 'Y');
    else if (r.role === 'deictic') deictics.add(r.form, { offset: +r.value, night: fold(r.form).includes('ليل') });
  }
  const dayParts = new PhraseTable<DayPart>();
  for (const r of rows('day-parts.tsv')) {
    dayParts.add(r.form, { code: r.code, pre: r.position !== 'post', post: r.position !== 'pre', pm: r.pm === '1' });
  }
  const modifiers = new Map<string, string>();
  for (const r of rows('modifiers.tsv')) modifiers.set(fold(r.form), r.mod);
  const timeUnits = new Map<string, TimeUnit>();
  for (const r of rows('time-units.tsv')) timeUnits.set(fold(r.form), { unit: r.unit, number: +r.number });
  const pluralPeriods = new Map<string, TimeUnit>();
  for (const r of rows('plural-periods.tsv')) pluralPeriods.set(fold(r.form), { unit: r.unit, number: +r.number });
  const sets = new PhraseTable<string>();
  for (const r of rows('sets.tsv')) sets.add(r.form, r.value);
  const timezones = new PhraseTable<string>();
  for (const r of rows('timezones.tsv')) timezones.add(r.form, r.offset);
  const decades = new Map<string, string>();
  for (const r of rows('decades.tsv')) decades.set(fold(r.form), r.value);
  const seasons = new Map<string, string>();
  for (const r of rows('seasons.tsv')) seasons.set(fold(r.form), r.code);
  const holidays = new PhraseTable<{ month: number; day: number }>();
  for (const r of rows('holidays.tsv')) holidays.add(r.form, { month: +r.month, day: +r.day });
  const tenseCues = new Map<string, 'past' | 'future'>();
  const tenseParticles = new Map<string, 'past' | 'future'>();
  const tensePrepositions = new Map<string, Tense>();
  const tenseConditionals = new Set<string>();
  for (const r of rows('tense-cues.tsv')) {
    const tense = r.tense === 'future' ? 'future' : 'past';
    if (r.kind === 'conditional') tenseConditionals.add(fold(r.form));
    else if (r.kind === 'preposition') tensePrepositions.set(fold(r.form), r.tense === 'nearest' ? 'nearest' : tense);
    else (r.kind === 'particle' ? tenseParticles : tenseCues).set(fold(r.form), tense);
  }
  const yearBlockers = new Set<string>();
  for (const r of rows('year-blockers.tsv')) yearBlockers.add(fold(r.form));
  const clockFractions = new PhraseTable<number>();
  const clockLeads = new Map<string, number>();
  const minuteWords = new Set<string>();
  for (const r of rows('clock-fractions.tsv')) {
    if (r.role === 'fraction') clockFractions.add(r.form, +r.minutes);
    else if (r.role === 'lead') clockLeads.set(fold(r.form), +r.minutes);
    else if (r.role === 'minute-word') minuteWords.add(fold(r.form));
  }
  lexicon = {
    months, weekdays, offsets, periodEnds, units, deictics, dayParts, modifiers, timeUnits, pluralPeriods, sets,
    timezones, decades, seasons, holidays, tenseCues, tenseParticles, tensePrepositions, tenseConditionals, yearBlockers,
    clockFractions, clockLeads, minuteWords,
  };
  return lexicon;
}

let contextLists: Map<string, Set<string>> | null = null;

/** A closed word list from resources/time/context-words.tsv, folded. */
export function contextWords(list: string): Set<string> {
  if (!contextLists) {
    contextLists = new Map();
    for (const r of rows('context-words.tsv')) {
      let set = contextLists.get(r.list);
      if (!set) contextLists.set(r.list, (set = new Set()));
      set.add(fold(r.form));
    }
  }
  return contextLists.get(list) ?? new Set();
}

export const PROCLITICS = ['و', 'ف', 'ب', 'ل', 'ك', 'وب', 'ول', 'وك', 'فب', 'فل'];

/**
 * The candidate readings of a word with an optional leading proclitic: [folded form, prefix length].
 * The unstripped reading comes first. "لل" + word reads as ل + ال.
 */
export function procliticReadings(f: string): Array<[string, number]> {
  const out: Array<[string, number]> = [[f, 0]];
  if (f.length < 3) return out;
  for (const p of PROCLITICS) {
    if (f.length - p.length >= 2 && f.startsWith(p)) out.push([f.slice(p.length), p.length]);
  }
  if (f.startsWith('لل') && f.length > 3) out.push(['ا' + f.slice(1), 0]);
  if (f.startsWith('ولل') && f.length > 4) out.push(['ا' + f.slice(2), 1]);
  return out;
}
