/**
 * Plain-text articles. The first non-empty line is the title unless it is long (then the text has no title line
 * and one is derived later); a dateline opening the body — "إيلاف من لندن:", "بيروت - رويترز:",
 * "القاهرة (أ ف ب) -" — gives the source and the place. A line holding only a date near the top gives the
 * publication date. The text itself is kept as written (the dateline stays in it).
 */
import type { ArticleInput } from '../store/types.js';
import { toDay } from '../search/dates.js';

/** Longer first lines are body text, not a title. */
export const MAX_TITLE_CHARS = 150;

export interface Dateline {
  source: string | null;
  place: string | null;
  /** the dateline's length in the line */
  length: number;
}

const W = '[\\u0600-\\u06FFA-Za-z.]+';
const NAME = `${W}(?:\\s${W}){0,2}`;
// "إيلاف من لندن:" / "إيلاف من لندن -"
const RE_FROM = new RegExp(`^\\s*(${NAME})\\s+من\\s+(${NAME})\\s*[:：\\-–—]`, 'u');
// "بيروت - رويترز:" / "بيروت – أ ف ب:"
const RE_DASH = new RegExp(`^\\s*(${NAME})\\s*[-–—]\\s*(${NAME})\\s*[:：]`, 'u');
// "القاهرة (أ ف ب) -" / "واشنطن (رويترز):"
const RE_PAREN = new RegExp(`^\\s*(${NAME})\\s*[(（]\\s*([^()（）]{1,25}?)\\s*[)）]\\s*[-–—:：]`, 'u');

/** A dateline at the start of a line, or null. */
export function parseDateline(line: string): Dateline | null {
  const head = line.slice(0, 80);
  let m = RE_FROM.exec(head);
  if (m) return { source: m[1].trim(), place: m[2].trim(), length: m[0].length };
  m = RE_PAREN.exec(head);
  if (m) return { place: m[1].trim(), source: m[2].trim(), length: m[0].length };
  m = RE_DASH.exec(head);
  if (m) return { place: m[1].trim(), source: m[2].trim(), length: m[0].length };
  return null;
}

const DATE_LINE = /^\s*(?:(?:نشر|تاريخ النشر|التاريخ|published|date)\s*[:：]?\s*)?(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?|\d{1,2}[-/.]\d{1,2}[-/.]\d{4})\s*$/iu;

export function parseTxt(text: string): ArticleInput {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let i = 0;
  while (i < lines.length && !lines[i].trim()) i++;
  let title: string | null = null;
  let published: string | null = null;
  const first = (lines[i] ?? '').trim();
  // (a file of one line is all text: «زار الرئيس …» alone is the article, not a title without one)
  const more = lines.slice(i + 1).some((l) => l.trim());
  if (first && more && first.length <= MAX_TITLE_CHARS && !parseDateline(first) && !DATE_LINE.test(first)) {
    title = first;
    i++;
  }
  // a bare date line among the first lines
  for (let k = i; k < Math.min(lines.length, i + 4); k++) {
    const m = DATE_LINE.exec(lines[k]);
    if (m) {
      published = toDay(m[1]) ? m[1] : null;
      if (k === i) i++;
      break;
    }
  }
  const body = lines.slice(i).join('\n').trim();
  let source: string | null = null;
  let place: string | null = null;
  const firstBody = body.split('\n').find((l) => l.trim()) ?? '';
  const dl = parseDateline(firstBody);
  if (dl) {
    source = dl.source;
    place = dl.place;
  }
  return { title, text: body, published, source, place };
}
