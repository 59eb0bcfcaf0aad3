/**
 * Publication dates as inputs write them. What the store reads directly (ISO, RFC 822, «2021/8/14») is kept as
 * written; otherwise a timestamp given as a string of digits, and dates in words or Arabic-Indic digits («١٤/٨/٢٠٢١»,
 * «14 أغسطس 2021», «الأحد 5 ذو الحجة 1442 هـ») are read by the time stage, which knows every month name and the
 * Hijri calendar. They were stored without a date.
 */
import { toDay, toPublished } from '../search/dates.js';
import { extractTimes } from '../time/index.js';
import { readList } from '../resources.js';

/** Longer values are no date field but text put in one. */
const MAX_DATE_CHARS = 200;

let dateWords: Set<string> | null = null;

/** Are all the words of the value ones a date in Latin letters holds (resources/ingest/latin-date-words.txt)? */
function platformWords(s: string): boolean {
  dateWords ??= new Set(readList('ingest', 'latin-date-words.txt'));
  return (s.match(/\p{L}+/gu) ?? []).every((w) => dateWords!.has(w.toLowerCase()));
}

/** The stored form of a publication date, or null when it names no calendar day. */
export function readPublished(value: string): string | null {
  const s = value.trim();
  if (!s || s.length > MAX_DATE_CHARS) return null;
  // what the store reads, when it is a calendar day («2018-02-30» and «2021-13-01» passed as ISO dates) and holds
  // no word that parser would skip
  const direct = platformWords(s) ? toPublished(s) : null;
  if (direct) return toDay(direct) ? direct : null;
  // epoch seconds (10 digits) or milliseconds (13), as a JSON string
  if (/^\d{10}$|^\d{13}$/.test(s)) {
    const d = new Date(s.length === 13 ? Number(s) : Number(s) * 1000);
    return toPublished(d.toISOString().replace('.000Z', 'Z'));
  }
  const times = extractTimes(s, null);
  const day = times.find((t) => /^\d{4}-\d{2}-\d{2}$/.test(t.value));
  if (!day || !toDay(day.value)) return null;
  // a clock time after it on that day («… 2021 - 10:30 ص») makes it a timestamp in the outlet's own time
  const at = times.find((t) => t.value.startsWith(`${day.value}T`));
  return at && toPublished(at.value) ? at.value : day.value;
}
