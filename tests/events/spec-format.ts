import type { ArabicDoc, NewsEvent, Role } from '../../src/doc.js';

/**
 * Spec rows: `id <TAB> annotated sentence <TAB> events <TAB> roles`.
 * events: `-` for none, else `;`-separated, each `TYPE|status|a=actor|t=target|p=place|time=V|cameo=C|amount=V|attr:k=v`.
 *   Actor and target are always checked (absent = none); place, time, cameo, amount and attributes only when given.
 *   Names compare by canonical name.
 * roles: `-` none, `*` not checked, else `;`-separated `person|title|of` (`of` = `*` not checked, `-` none).
 */
export interface SpecRow {
  id: string;
  sentence: string;
  events: string;
  roles: string;
}

export function readSpec(text: string): SpecRow[] {
  return text
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => {
      const [id, sentence, events, roles] = l.split('\t');
      return { id, sentence, events: (events ?? '').trim(), roles: (roles ?? '*').trim() };
    });
}

function describeEvent(e: NewsEvent): string {
  const parts = [e.type, e.status];
  if (e.actor) parts.push(`a=${e.actor.name}`);
  if (e.target) parts.push(`t=${e.target.name}`);
  if (e.place) parts.push(`p=${e.place.name}`);
  if (e.time) parts.push(`time=${e.time}`);
  parts.push(`cameo=${e.cameo}`);
  for (const a of e.amounts ?? []) parts.push(`amount=${a.value}`);
  for (const [k, v] of Object.entries(e.attributes ?? {})) parts.push(`attr:${k}=${v}`);
  return parts.join('|');
}

/** Differences between the expected and produced events/roles; empty when the row passes. */
export function checkRow(row: SpecRow, doc: ArabicDoc): string[] {
  const problems: string[] = [];
  const expected = row.events === '-' ? [] : row.events.split(';').map((s) => s.trim()).filter(Boolean);
  const got = [...doc.events].sort((a, b) => a.start - b.start);
  if (expected.length !== got.length) {
    problems.push(`expected ${expected.length} events, got ${got.length}: ${got.map(describeEvent).join(' ; ') || '(none)'}`);
  }
  expected.forEach((spec, i) => {
    const e = got[i];
    if (!e) return;
    const [type, status, ...fields] = spec.split('|').map((x) => x.trim());
    const want = new Map<string, string>();
    const attrs: Array<[string, string]> = [];
    const amounts: string[] = [];
    for (const f of fields) {
      const eq = f.indexOf('=');
      const k = f.slice(0, eq);
      const v = f.slice(eq + 1);
      if (k.startsWith('attr:')) attrs.push([k.slice(5), v]);
      else if (k === 'amount') amounts.push(v);
      else want.set(k, v);
    }
    const bad = (what: string) => problems.push(`event ${i + 1} (${spec}): ${what}; got ${describeEvent(e)}`);
    if (e.type !== type) bad('type');
    else if (e.status !== status) bad('status');
    else if ((e.actor?.name ?? '') !== (want.get('a') ?? '')) bad('actor');
    else if ((e.target?.name ?? '') !== (want.get('t') ?? '')) bad('target');
    else if (want.has('p') && (e.place?.name ?? '') !== want.get('p')) bad('place');
    else if (want.has('time') && (e.time ?? '') !== want.get('time')) bad('time');
    else if (want.has('cameo') && e.cameo !== want.get('cameo')) bad('cameo');
    else if (amounts.length && amounts.join(',') !== (e.amounts ?? []).map((a) => String(a.value)).join(',')) bad('amounts');
    else for (const [k, v] of attrs) if (String(e.attributes?.[k]) !== v) bad(`attribute ${k}`);
  });
  if (row.roles !== '*') {
    const wantRoles = row.roles === '-' ? [] : row.roles.split(';').map((s) => s.trim()).filter(Boolean);
    const gotRoles = [...doc.roles].sort((a, b) => a.start - b.start);
    const show = (r: Role) => `${r.person.name}|${r.title}|${r.of ?? '-'}`;
    if (wantRoles.length !== gotRoles.length) problems.push(`expected ${wantRoles.length} roles, got ${gotRoles.map(show).join(' ; ') || '(none)'}`);
    wantRoles.forEach((spec, i) => {
      const r = gotRoles[i];
      if (!r) return;
      const [person, title, of] = spec.split('|').map((x) => x.trim());
      const ok = r.person.name === person && r.title === title && (of === '*' || (of === '-' ? r.of === null : r.of === of));
      if (!ok) problems.push(`role ${i + 1}: expected ${spec}, got ${show(r)}`);
    });
  }
  return problems;
}
