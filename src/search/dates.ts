/** Date helpers shared by filters, facets and time lines (all dates are UTC calendar days, YYYY-MM-DD strings). */
import { valueRange } from '../time/calendar.js';

export class QueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QueryError';
  }
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[m - 1];
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * A filter bound (YYYY, YYYY-MM or YYYY-MM-DD; "/" or "." separators allowed) as an inclusive day:
 * the first day it covers for `from`, the last for `to`. Throws QueryError on anything else.
 */
export function boundDay(value: string, edge: 'from' | 'to'): string {
  const v = value.trim().replace(/[/.]/g, '-');
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(v);
  if (!m) throw new QueryError(`${edge}: "${value}" is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)`);
  const y = Number(m[1]);
  const mo = m[2] ? Number(m[2]) : null;
  const d = m[3] ? Number(m[3]) : null;
  if (mo !== null && (mo < 1 || mo > 12)) throw new QueryError(`${edge}: "${value}" has no month ${mo}`);
  if (mo !== null && d !== null && (d < 1 || d > daysInMonth(y, mo))) throw new QueryError(`${edge}: "${value}" is not a valid day`);
  if (mo === null) return edge === 'from' ? `${y}-01-01` : `${y}-12-31`;
  if (d === null) return edge === 'from' ? `${y}-${pad(mo)}-01` : `${y}-${pad(mo)}-${pad(daysInMonth(y, mo))}`;
  return `${y}-${pad(mo)}-${pad(d)}`;
}

/**
 * The calendar day of a publication date in any common form (ISO date/timestamp, RFC 822 as in RSS,
 * "2018/02/01"), or null when it cannot be read.
 */
export function toDay(value: string | null | undefined): string | null {
  if (!value) return null;
  const s = String(value).trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (iso) {
    const [, y, m, d] = iso;
    if (Number(m) >= 1 && Number(m) <= 12 && Number(d) >= 1 && Number(d) <= daysInMonth(Number(y), Number(m))) {
      // a timestamp with an offset may fall on another UTC day; the local (stated) day is what the outlet meant
      return `${y}-${m}-${d}`;
    }
    return null;
  }
  const slash = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})/.exec(s);
  if (slash) return validDay(Number(slash[1]), Number(slash[2]), Number(slash[3]));
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (dmy) return validDay(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]));
  // anything else the platform reads (RFC 822 «Mon, 30 Sep 2019 11:00:00 GMT»), if it states a four-digit year:
  // Date.parse also reads «1» as 2001 and «12345» as the year 12345
  if (!/(?:^|\D)\d{4}(?:\D|$)/.test(s)) return null;
  const t = Date.parse(s);
  if (Number.isNaN(t)) return null;
  const day = new Date(t).toISOString().slice(0, 10);
  return Number(day.slice(0, 4)) >= MIN_YEAR && Number(day.slice(0, 4)) <= MAX_YEAR ? day : null;
}

/** Publication years outside these bounds are typing errors, not news. */
const MIN_YEAR = 1800;
const MAX_YEAR = 2200;

/** YYYY-MM-DD of a real calendar day, or null («2018/02/30» is none). */
function validDay(y: number, m: number, d: number): string | null {
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** Normalized publication value: ISO timestamp when one was given, else the day; null if unreadable. */
export function toPublished(value: string | null | undefined): string | null {
  if (!value) return null;
  const s = String(value).trim();
  if (/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(s)) return s.replace(' ', 'T');
  const day = toDay(s);
  if (!day) return null;
  const t = Date.parse(s);
  if (!Number.isNaN(t) && /\d{1,2}:\d{2}/.test(s)) return new Date(t).toISOString().replace('.000Z', 'Z');
  return day;
}

/** ISO week label "2018-W07" of a YYYY-MM-DD day. */
export function isoWeek(day: string): string {
  const d = new Date(day + 'T00:00:00Z');
  const dow = (d.getUTCDay() + 6) % 7; // Monday = 0
  d.setUTCDate(d.getUTCDate() - dow + 3); // Thursday of this week decides the year
  const year = d.getUTCFullYear();
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const week = 1 + Math.round(((d.getTime() - jan4.getTime()) / 86400000 - 3 + ((jan4.getUTCDay() + 6) % 7)) / 7);
  return `${year}-W${pad(week)}`;
}

/**
 * First day covered by a TIMEX value (2021-08-28, 2021-08, 2021, 2021-W33, 2021-Q3, 2021-SU, 196, 2021-08-13T10:30),
 * or null when it is not an anchored period (P3D, XXXX-…).
 */
export function valueStartDay(value: string | null | undefined): string | null {
  return value ? (valueRange(value)?.[0] ?? null) : null;
}
