// Display helpers: labels in Arabic, normalized values the way analysts read them.
import type { Amount, TimeExpr } from './api';

export const TYPE_LABEL: Record<string, string> = { PER: 'شخص', ORG: 'منظمة', LOC: 'مكان', MISC: 'أخرى' };
export const TYPE_GROUP: Record<string, string> = { PER: 'أشخاص', ORG: 'منظمات', LOC: 'أماكن', MISC: 'أخرى' };

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
/** 30,000,000,000 · 7.4 */
export const number = (n: number): string => numberFormat.format(n);

/** 30,000,000,000 USD · 7.4% · 119 (صوت) */
export function amountValue(a: Amount): string {
  if (a.kind === 'percent') return `${number(a.value)}%`;
  const n = number(a.value);
  if (a.kind === 'money') return a.currency ? `${n} ${a.currency}` : n;
  // the unit is stored in the singular («اتفاقية»): set apart, it reads as a label, not as «5 اتفاقية»
  return a.unit ? `${n} (${a.unit})` : n;
}

/**
 * A noun's forms for counting: the singular (after 100, 1000 … and 101, 102), the singular in the accusative
 * (after 11–99: «40 عنصرا», but «40 نتيجة»), «one X», the dual (nominative and, after a preposition, genitive)
 * and the plural (3–10).
 */
export interface CountNoun {
  one: string;
  acc: string;
  single: string;
  two: string;
  twoGen: string;
  few: string;
}

export const NOUNS = {
  result: { one: 'نتيجة', acc: 'نتيجة', single: 'نتيجة واحدة', two: 'نتيجتان', twoGen: 'نتيجتين', few: 'نتائج' },
  mention: { one: 'إشارة', acc: 'إشارة', single: 'إشارة واحدة', two: 'إشارتان', twoGen: 'إشارتين', few: 'إشارات' },
  article: { one: 'مقال', acc: 'مقالا', single: 'مقال واحد', two: 'مقالان', twoGen: 'مقالين', few: 'مقالات' },
  item: { one: 'عنصر', acc: 'عنصرا', single: 'عنصر واحد', two: 'عنصران', twoGen: 'عنصرين', few: 'عناصر' },
  page: { one: 'صفحة', acc: 'صفحة', single: 'صفحة واحدة', two: 'صفحتان', twoGen: 'صفحتين', few: 'صفحات' },
  char: { one: 'حرف', acc: 'حرفا', single: 'حرف واحد', two: 'حرفان', twoGen: 'حرفين', few: 'أحرف' },
  entity: { one: 'كيان', acc: 'كيانا', single: 'كيان واحد', two: 'كيانان', twoGen: 'كيانين', few: 'كيانات' },
} satisfies Record<string, CountNoun>;

/**
 * A number with its noun as Arabic agrees them: «نتيجة واحدة», «نتيجتان», «5 نتائج», «11 نتيجة», «40 عنصرا», «103
 * نتائج», «100 نتيجة»; none is «لا نتائج». After 100 the last two digits decide, as they do when read aloud.
 * `genitive` for a count after a preposition: «في مقالين».
 */
export function countOf(n: number, noun: CountNoun, genitive = false): string {
  if (n === 0) return `لا ${noun.few}`;
  if (n === 1) return noun.single;
  if (n === 2) return genitive ? noun.twoGen : noun.two;
  const m = n % 100;
  return `${number(n)} ${m >= 3 && m <= 10 ? noun.few : m >= 11 ? noun.acc : noun.one}`;
}

const TIME_KIND: Record<string, string> = { date: 'تاريخ', time: 'وقت', duration: 'مدة', set: 'تكرار' };

/** 2021-08-28 (with a note when the value could not be resolved) */
export function timeValue(t: TimeExpr): string {
  return t.resolved ? t.value : `${t.value} (غير محدد)`;
}

export function timeKind(t: TimeExpr): string {
  return TIME_KIND[t.kind] ?? t.kind;
}

export function day(published: string | null | undefined): string {
  return published ? published.slice(0, 10) : 'بلا تاريخ';
}

/** Only http(s) links from untrusted article metadata become clickable. */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** spaces, controls and bidi formatting characters stay escaped when a URL is shown: they could disguise it */
const KEEP_ESCAPED = /[\s\u0000-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/gu;

/** A URL as a reader reads it: percent-escapes decoded where they make valid text («/أخبار/…»). */
export function displayUrl(url: string): string {
  try {
    return decodeURI(url).replace(KEEP_ESCAPED, (c) => encodeURIComponent(c));
  } catch {
    return url;
  }
}

export const entityHref = (id: string) => `/entity/${encodeURIComponent(id)}`;
export const articleHref = (id: string) => `/article/${encodeURIComponent(id)}`;
