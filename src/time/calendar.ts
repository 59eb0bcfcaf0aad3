/**
 * Calendar arithmetic on whole UTC days (days since 1970-01-01), ISO weeks, and Hijri (Umm al-Qura) →
 * Gregorian conversion through Node's Intl (`islamic-umalqura`), cached per Hijri month.
 */

const DAY_MS = 86_400_000;

export interface YMD {
  y: number;
  m: number;
  d: number;
}

export function toDays(y: number, m: number, d: number): number {
  return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
}

export function fromDays(days: number): YMD {
  const dt = new Date(days * DAY_MS);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

export function parseIsoDate(s: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const y = +m[1], mo = +m[2], d = +m[3];
  if (!isValidYmd(y, mo, d)) return null;
  return toDays(y, mo, d);
}

export function isValidYmd(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  return d <= daysInMonth(y, m);
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(days: number): number {
  const w = new Date(days * DAY_MS).getUTCDay();
  return w === 0 ? 7 : w;
}

export function pad2(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

export function pad4(n: number): string {
  return String(n).padStart(4, '0');
}

export function formatDay(days: number): string {
  const { y, m, d } = fromDays(days);
  return `${pad4(y)}-${pad2(m)}-${pad2(d)}`;
}

export function formatMonth(y: number, m: number): string {
  return `${pad4(y)}-${pad2(m)}`;
}

/** ISO 8601 week "2021-W33" of a day. */
export function formatIsoWeek(days: number): string {
  const wd = isoWeekday(days);
  const thursday = days + (4 - wd); // the week belongs to the year of its Thursday
  const { y } = fromDays(thursday);
  const week = Math.floor((thursday - toDays(y, 1, 1)) / 7) + 1;
  return `${pad4(y)}-W${pad2(week)}`;
}

/** Adds months to a (year, month) pair. */
export function addMonths(y: number, m: number, k: number): { y: number; m: number } {
  const idx = y * 12 + (m - 1) + k;
  return { y: Math.floor(idx / 12), m: (idx % 12) + 1 };
}

// ---------- Hijri (Umm al-Qura) ----------

let hijriFormat: Intl.DateTimeFormat | null = null;

function hijriOf(days: number): YMD {
  hijriFormat ??= new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  });
  let y = 0, m = 0, d = 0;
  for (const part of hijriFormat.formatToParts(new Date(days * DAY_MS))) {
    if (part.type === 'year') y = parseInt(part.value, 10);
    else if (part.type === 'month') m = parseInt(part.value, 10);
    else if (part.type === 'day') d = parseInt(part.value, 10);
  }
  return { y, m, d };
}

/** 1 Muharram 1 AH ≈ 622-07-16 (Julian epoch), in days since 1970. */
const HIJRI_EPOCH_DAYS = toDays(622, 7, 19) - 3;
const monthStartCache = new Map<number, number | null>();

/** Gregorian day (days since 1970) of the 1st of a Hijri month, or null when out of the calendar's range. */
export function hijriMonthStart(hy: number, hm: number): number | null {
  if (hm < 1 || hm > 12 || hy < 1 || hy > 1600) return null;
  const key = hy * 12 + hm;
  const cached = monthStartCache.get(key);
  if (cached !== undefined) return cached;
  // Estimate from the mean month length, then walk: the estimate is within a few days.
  let guess = HIJRI_EPOCH_DAYS + Math.floor(((hy - 1) * 12 + (hm - 1)) * 29.530588);
  let found: number | null = null;
  for (let iter = 0; iter < 8 && found === null; iter++) {
    const h = hijriOf(guess);
    const monthDiff = (hy * 12 + hm) - (h.y * 12 + h.m);
    if (monthDiff === 0) found = guess - (h.d - 1);
    else guess += Math.round(monthDiff * 29.53) - (h.d - 1) + (monthDiff > 0 ? 1 : -1);
  }
  monthStartCache.set(key, found);
  return found;
}

/** Gregorian day of a Hijri date, or null when the date does not exist. */
export function hijriToDays(hy: number, hm: number, hd: number): number | null {
  const start = hijriMonthStart(hy, hm);
  if (start === null) return null;
  const next = hm === 12 ? hijriMonthStart(hy + 1, 1) : hijriMonthStart(hy, hm + 1);
  const length = next === null ? 30 : next - start;
  if (hd < 1 || hd > length) return null;
  return start + hd - 1;
}

const toHijriCache = new Map<number, YMD>();

/** The Hijri date of a Gregorian day (cached: articles share publication dates). */
export function daysToHijri(days: number): YMD {
  let h = toHijriCache.get(days);
  if (!h) {
    h = hijriOf(days);
    if (toHijriCache.size > 50_000) toHijriCache.clear();
    toHijriCache.set(days, h);
  }
  return { ...h };
}

/** first month of each TIMEX3 season; the winter of a year is the one its January and February fall in */
const SEASON_START: Record<string, [yearShift: number, month: number]> = { SP: [0, 3], SU: [0, 6], FA: [0, 9], WI: [-1, 12] };

/**
 * The first and last day of a TIMEX3 season (SP, SU, FA, WI) of year y: meteorological seasons of the northern
 * hemisphere, three months each; the winter of y runs from December of y − 1 through February of y, as «شتاء 2018»
 * mostly means January and February of 2018.
 */
export function seasonRange(y: number, code: string): [number, number] {
  const [shift, month] = SEASON_START[code];
  const end = addMonths(y + shift, month, 3);
  return [toDays(y + shift, month, 1), toDays(end.y, end.m, 1) - 1];
}

/**
 * The first and last calendar day (YYYY-MM-DD) a TIMEX value covers: a day (or a time on it), an ISO week (or its
 * weekend, Saturday and Sunday), a month, a quarter, a season, a year, a decade (196), a century (18); null for what is no anchored
 * period (P3D, XXXX-…).
 */
export function valueRange(value: string): [string, string] | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (m) return [m[0], m[0]];
  m = /^(\d{4})-W(\d{2})(-WE)?$/.exec(value);
  if (m) {
    const jan4 = toDays(+m[1], 1, 4);
    const monday = jan4 - (isoWeekday(jan4) - 1) + (+m[2] - 1) * 7;
    return [formatDay(m[3] ? monday + 5 : monday), formatDay(monday + 6)];
  }
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) return [`${m[1]}-${m[2]}-01`, `${m[1]}-${m[2]}-${pad2(daysInMonth(+m[1], +m[2]))}`];
  m = /^(\d{4})-Q([1-4])$/.exec(value);
  if (m) {
    const first = (+m[2] - 1) * 3 + 1;
    return [formatDay(toDays(+m[1], first, 1)), formatDay(toDays(+m[1], first + 3, 1) - 1)];
  }
  m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value);
  if (m) return seasonRange(+m[1], m[2]).map(formatDay) as [string, string];
  m = /^(\d{4})$/.exec(value);
  if (m) return [`${m[1]}-01-01`, `${m[1]}-12-31`];
  // a decade (196: the 1960s) and a century (18: the 1800s)
  m = /^(\d{3})$/.exec(value);
  if (m) return [`${m[1]}0-01-01`, `${m[1]}9-12-31`];
  m = /^(\d{2})$/.exec(value);
  if (m) return [`${m[1]}00-01-01`, `${m[1]}99-12-31`];
  return null;
}
