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

/** A noun's forms for counting: the singular (also after 11 and up), «one X», the dual, the plural (3–10). */
export interface CountNoun {
  one: string;
  single: string;
  two: string;
  few: string;
}

export const NOUNS = {
  result: { one: 'نتيجة', single: 'نتيجة واحدة', two: 'نتيجتان', few: 'نتائج' },
  mention: { one: 'إشارة', single: 'إشارة واحدة', two: 'إشارتان', few: 'إشارات' },
  article: { one: 'مقال', single: 'مقال واحد', two: 'مقالان', few: 'مقالات' },
  item: { one: 'عنصر', single: 'عنصر واحد', two: 'عنصران', few: 'عناصر' },
  page: { one: 'صفحة', single: 'صفحة واحدة', two: 'صفحتان', few: 'صفحات' },
} satisfies Record<string, CountNoun>;

/**
 * A number with its noun as Arabic agrees them: «نتيجة واحدة», «نتيجتان», «5 نتائج», «11 نتيجة», «103 نتائج», «100
 * نتيجة»; none is «لا نتائج». After 100 the last two digits decide, as they do when read aloud.
 */
export function countOf(n: number, noun: CountNoun): string {
  if (n === 0) return `لا ${noun.few}`;
  if (n === 1) return noun.single;
  if (n === 2) return noun.two;
  const m = n % 100;
  return `${number(n)} ${m >= 3 && m <= 10 ? noun.few : noun.one}`;
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

export const entityHref = (id: string) => `/entity/${encodeURIComponent(id)}`;
export const articleHref = (id: string) => `/article/${encodeURIComponent(id)}`;
