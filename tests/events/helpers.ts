import { emptyDoc, type Amount, type ArabicDoc, type Entity, type EntityType, type TimeExpr, type Granularity } from '../../src/doc.js';
import { textStage } from '../../src/text/index.js';
import { linkStage } from '../../src/link/index.js';
import { eventStage } from '../../src/events/index.js';

/**
 * Builds a document from an annotated sentence so link/event tests do not depend on NER, time or amount
 * accuracy. Marks: [PER name] [ORG …] [LOC …] [MISC …] for entities, {text|2021-08-21} for a resolved date,
 * <text|30000000000 USD> money, <text|76 بلد> a count of بلد, <text|5%> percent, <text|12> a number.
 */
export function buildDoc(annotated: string, published: string | null = '2021-08-14'): ArabicDoc {
  let plain = '';
  const ents: Array<{ start: number; end: number; type: EntityType }> = [];
  const times: TimeExpr[] = [];
  const amounts: Amount[] = [];
  const re = /\[(PER|ORG|LOC|MISC) ([^\]]+)\]|\{([^|}]+)\|([^}]+)\}|<([^|>]+)\|([^>]+)>/g;
  let last = 0;
  for (const m of annotated.matchAll(re)) {
    plain += annotated.slice(last, m.index);
    last = m.index! + m[0].length;
    const start = plain.length;
    if (m[1]) {
      plain += m[2];
      ents.push({ start, end: plain.length, type: m[1] as EntityType });
    } else if (m[3]) {
      plain += m[3];
      const value = m[4].trim();
      times.push({ start, end: plain.length, text: m[3], kind: 'date', value, granularity: granularityOf(value), resolved: true });
    } else {
      plain += m[5];
      amounts.push(amountOf(start, plain.length, m[5], m[6].trim()));
    }
  }
  plain += annotated.slice(last);
  let doc = textStage(emptyDoc(plain, published));
  const entities: Entity[] = ents.map((e) => {
    const tokenStart = doc.tokens.findIndex((t) => t.end > e.start);
    let tokenEnd = tokenStart;
    while (tokenEnd < doc.tokens.length && doc.tokens[tokenEnd].start < e.end) tokenEnd++;
    return { start: e.start, end: e.end, text: plain.slice(e.start, e.end), type: e.type, tokenStart, tokenEnd };
  });
  doc = { ...doc, entities, times, amounts };
  return doc;
}

export function runLinkEvents(annotated: string, published: string | null = '2021-08-14'): ArabicDoc {
  return eventStage(linkStage(buildDoc(annotated, published)));
}

function granularityOf(v: string): Granularity | null {
  if (/^\d{4}-\d{2}-\d{2}T/.test(v)) return 'minute';
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return 'day';
  if (/^\d{4}-W\d{2}$/.test(v)) return 'week';
  if (/^\d{4}-\d{2}$/.test(v)) return 'month';
  if (/^\d{4}$/.test(v)) return 'year';
  return null;
}

function amountOf(start: number, end: number, text: string, spec: string): Amount {
  const money = /^([\d.]+)\s+([A-Z]{3})$/.exec(spec);
  if (money) return { start, end, text, kind: 'money', value: Number(money[1]), currency: money[2], unit: null };
  const pct = /^([\d.]+)%$/.exec(spec);
  if (pct) return { start, end, text, kind: 'percent', value: Number(pct[1]), currency: null, unit: null };
  const count = /^([\d.]+)\s+(\S+)$/.exec(spec);
  if (count) return { start, end, text, kind: 'count', value: Number(count[1]), currency: null, unit: count[2] };
  return { start, end, text, kind: 'number', value: Number(spec), currency: null, unit: null };
}
