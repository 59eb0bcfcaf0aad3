import type { ArabicDoc } from '../doc.js';

/** The `marsad analyze` JSON: the document's layers in a fixed key order. */
export function docToJson(doc: ArabicDoc): Record<string, unknown> {
  return {
    text: doc.text,
    published: doc.published,
    sentences: doc.sentences.map((s) => ({ start: s.start, end: s.end, ...(s.heading ? { heading: true } : {}) })),
    tokens: doc.tokens.map((t) => ({ start: t.start, end: t.end, text: t.text, kind: t.kind, norm: t.norm, stem: t.stem })),
    entities: doc.entities,
    times: doc.times,
    amounts: doc.amounts,
    roles: doc.roles,
    events: doc.events,
  };
}

// Right-to-left embedding so Arabic lines render in order in a terminal that supports bidi.
const RLE = '\u202B';
const PDF = '\u202C';

/** A readable view: each sentence, then its annotations with their normalized values (after the publication day, unless told not to). */
export function formatDocText(doc: ArabicDoc, opts: { published?: boolean } = {}): string {
  const out: string[] = [];
  if (doc.published && opts.published !== false) out.push(`published: ${doc.published}`);
  doc.sentences.forEach((s, i) => {
    out.push(`[${i + 1}]${s.heading ? ' (heading)' : ''} ${RLE}${doc.text.slice(s.start, s.end)}${PDF}`);
    const inside = <T extends { start: number; end: number }>(xs: T[]) => xs.filter((x) => x.start >= s.start && x.start < s.end);
    for (const e of inside(doc.entities)) out.push(`    ${e.type.padEnd(8)} ${RLE}${e.text}${PDF}${e.canonical && e.canonical !== e.text ? ` → ${RLE}${e.canonical}${PDF}` : ''}`);
    for (const t of inside(doc.times)) out.push(`    ${('TIME:' + t.kind).padEnd(8)} ${RLE}${t.text}${PDF} = ${t.value}${t.resolved ? '' : ' (unresolved)'}`);
    for (const a of inside(doc.amounts)) out.push(`    ${a.kind.toUpperCase().padEnd(8)} ${RLE}${a.text}${PDF} = ${a.value}${a.currency ? ' ' + a.currency : ''}${a.unit ? ' ' + a.unit : ''}`);
    for (const r of inside(doc.roles)) out.push(`    ROLE     ${RLE}${r.person.name}${PDF}: ${RLE}${r.title}${r.of ? ' / ' + r.of : ''}${PDF}`);
    for (const ev of inside(doc.events)) {
      const attrs = Object.entries(ev.attributes ?? {}).map(([k, v]) => `${k}=${v}`).join(' ');
      out.push(`    EVENT    ${ev.type} (${ev.cameo}, ${ev.status}) ${ev.actor?.name ?? '?'} → ${ev.target?.name ?? '?'}${ev.place ? ' in ' + ev.place.name : ''}${ev.time ? ' @ ' + ev.time : ''}${attrs ? ' [' + attrs + ']' : ''}`);
    }
  });
  out.push(`${doc.sentences.length} sentences, ${doc.tokens.length} tokens, ${doc.entities.length} entities, ${doc.times.length} times, ${doc.amounts.length} amounts, ${doc.events.length} events`);
  return out.join('\n') + '\n';
}
