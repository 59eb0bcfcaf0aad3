// Display helpers: labels in Arabic, normalized values the way analysts read them.
import type { Amount, TimeExpr } from './api';

export const TYPE_LABEL: Record<string, string> = { PER: 'شخص', ORG: 'منظمة', LOC: 'مكان', MISC: 'أخرى' };
export const TYPE_GROUP: Record<string, string> = { PER: 'أشخاص', ORG: 'منظمات', LOC: 'أماكن', MISC: 'أخرى' };

const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** 30,000,000,000 USD · 7.4% · 119 (صوت) */
export function amountValue(a: Amount): string {
  if (a.kind === 'percent') return `${number.format(a.value)}%`;
  const n = number.format(a.value);
  if (a.kind === 'money') return a.currency ? `${n} ${a.currency}` : n;
  return a.unit ? `${n} ${a.unit}` : n;
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
