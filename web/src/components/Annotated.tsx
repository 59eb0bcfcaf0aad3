// The original text with entities, times and amounts marked by type. Text is rendered as Preact text nodes
// (never innerHTML): an article's "<script>" stays visible text. Each mark shows its normalized value on
// hover, keyboard focus or tap (focusable), and entity marks link to the entity page.
import { useState } from 'preact/hooks';
import type { Amount, DocJson, Entity, TimeExpr } from '../api';
import { amountValue, entityHref, TYPE_LABEL, timeKind, timeValue } from '../format';
import { Link } from '../router';
import { BidiText, textBefore } from './common';

type MarkKind = 'PER' | 'ORG' | 'LOC' | 'MISC' | 'TIME' | 'AMOUNT';

interface Mark {
  start: number;
  end: number;
  kind: MarkKind;
  /** the tooltip: the kind, then the normalized value (shown left-to-right) */
  tipLabel: string;
  tipValue: string;
  href?: string;
  /** marks inside this one (a name inside a time or an amount) */
  inner?: Mark[];
}

function entityMark(e: Entity, link: boolean): Mark {
  const name = e.canonical && e.canonical !== e.text ? e.canonical : '';
  return { start: e.start, end: e.end, kind: e.type, tipLabel: TYPE_LABEL[e.type] ?? e.type, tipValue: name, href: link && e.entity ? entityHref(e.entity) : undefined };
}
const timeMark = (t: TimeExpr): Mark => ({ start: t.start, end: t.end, kind: 'TIME', tipLabel: timeKind(t), tipValue: timeValue(t) });
const amountMark = (a: Amount): Mark => ({ start: a.start, end: a.end, kind: 'AMOUNT', tipLabel: a.kind === 'money' ? 'مبلغ' : a.kind === 'percent' ? 'نسبة' : 'عدد', tipValue: amountValue(a) });

const ARABIC_LETTER = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;

/**
 * Marks in text order. On overlap the earlier-starting (then longer) span wins, except that a time or an amount
 * holds the names inside it as marks of their own («الثامنة بتوقيت [باريس]», «مليون [يورو]»); other overlaps
 * are left out.
 */
export function layoutMarks(doc: Pick<DocJson, 'text' | 'entities' | 'times' | 'amounts'>, linkEntities: boolean): Mark[] {
  const all = [...doc.entities.map((e) => entityMark(e, linkEntities)), ...doc.times.map(timeMark), ...doc.amounts.map(amountMark)]
    .filter((m) => m.start >= 0 && m.end > m.start && m.end <= doc.text.length)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Mark[] = [];
  let reached = 0;
  for (const m of all) {
    if (m.start >= reached) {
      out.push({ ...m });
      reached = m.end;
      continue;
    }
    const outer = out[out.length - 1];
    const inner = outer.inner ?? [];
    if (!outer.href && m.end <= outer.end && (m.start > outer.start || m.end < outer.end) && !(inner.length && m.start < inner[inner.length - 1].end)) {
      outer.inner = [...inner, m];
    }
  }
  return out;
}

export function Annotated({ doc, linkEntities = true }: { doc: Pick<DocJson, 'text' | 'entities' | 'times' | 'amounts'>; linkEntities?: boolean }) {
  const marks = layoutMarks(doc, linkEntities);
  // a tap (click) pins a value open too, for touch browsers that neither hover nor focus on tap
  const [pinned, setPinned] = useState<string | null>(null);

  /** the text of [from, to) with the given marks inside it */
  const textWith = (from: number, to: number, inside: Mark[], keyBase: string) => {
    const parts = [];
    let at = from;
    inside.forEach((m, i) => {
      if (m.start > at) parts.push(<BidiText key={`${keyBase}t${at}`} text={doc.text.slice(at, m.start)} before={textBefore(doc.text, at)} />);
      parts.push(markOf(m, `${keyBase}${i}`));
      at = m.end;
    });
    if (at < to) parts.push(<BidiText key={`${keyBase}t${at}`} text={doc.text.slice(at, to)} before={textBefore(doc.text, at)} />);
    return parts;
  };

  const markOf = (m: Mark, key: string) => {
    const label = doc.text.slice(m.start, m.end);
    // a mark is no bidi isolate: «20» in «HUAWEI Mate 20» stays in its Latin run; only a hyphenated number after
    // Arabic letters («2021-08-29», which would show as 29-08-2021) is isolated, by BidiText
    const content = m.inner?.length ? textWith(m.start, m.end, m.inner, `${key}.`) : <BidiText text={label} before={textBefore(doc.text, m.start)} />;
    const tip = (
      <span class="tip" role="tooltip" dir="rtl">
        {m.tipLabel}
        {m.tipValue ? (
          <>
            {': '}
            <bdi dir={ARABIC_LETTER.test(m.tipValue) ? 'rtl' : 'ltr'}>{m.tipValue}</bdi>
          </>
        ) : null}
      </span>
    );
    const value = m.tipValue ? `${m.tipLabel}: ${m.tipValue}` : m.tipLabel;
    return m.href ? (
      <Link key={key} class={`ann ann-${m.kind}`} href={m.href} data-kind={m.kind} data-value={value}>
        {content}
        {tip}
      </Link>
    ) : (
      <span
        key={key}
        class={`ann ann-${m.kind}${pinned === key ? ' pinned' : ''}`}
        tabIndex={0}
        data-kind={m.kind}
        data-value={value}
        onClick={(e) => {
          // a mark inside another pins itself, not the one around it
          e.stopPropagation();
          setPinned(pinned === key ? null : key);
        }}
      >
        {content}
        {tip}
      </span>
    );
  };

  return <div class="annotated">{textWith(0, doc.text.length, marks, '')}</div>;
}

const LEGEND: Array<[MarkKind, string]> = [
  ['PER', 'شخص'],
  ['ORG', 'منظمة'],
  ['LOC', 'مكان'],
  ['MISC', 'كيان آخر'],
  ['TIME', 'زمن'],
  ['AMOUNT', 'مبلغ أو عدد'],
];

/** The colours, each with how many marks of its kind the text shows. */
export function Legend({ doc }: { doc: Pick<DocJson, 'text' | 'entities' | 'times' | 'amounts'> }) {
  const count: Record<MarkKind, number> = { PER: 0, ORG: 0, LOC: 0, MISC: 0, TIME: 0, AMOUNT: 0 };
  for (const m of layoutMarks(doc, false)) for (const x of [m, ...(m.inner ?? [])]) count[x.kind] += 1;
  return (
    <ul class="legend" aria-label="دليل الألوان">
      {LEGEND.map(([kind, label]) => (
        <li key={kind}>
          <span class={`swatch ann-${kind}`} aria-hidden="true" />
          {label} <span class="muted">({count[kind]})</span>
        </li>
      ))}
    </ul>
  );
}
