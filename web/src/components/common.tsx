import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/** digits joined by hyphens: «2021-03-31», «2-1» */
const HYPHENATED_NUMBER = /\d+(?:-\d+)+/g;

/**
 * Text with its hyphenated numbers isolated left-to-right: after Arabic letters the bidi algorithm reads
 * «2021-03-31» as Arabic numbers around neutral hyphens and shows it as «31-03-2021».
 */
export function BidiText({ text }: { text: string }) {
  HYPHENATED_NUMBER.lastIndex = 0;
  if (!HYPHENATED_NUMBER.test(text)) return <>{text}</>;
  const parts = [];
  let at = 0;
  for (const m of text.matchAll(HYPHENATED_NUMBER)) {
    if (m.index! > at) parts.push(text.slice(at, m.index));
    parts.push(
      <bdi key={m.index} dir="ltr">
        {m[0]}
      </bdi>,
    );
    at = m.index! + m[0].length;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}

/** Snippet text with [start, end) highlight ranges marked; the text stays text. */
export function Highlighted({ text, ranges }: { text: string; ranges?: Array<[number, number]> }) {
  if (!ranges?.length) return <BidiText text={text} />;
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const parts = [];
  let at = 0;
  for (const [s, e] of sorted) {
    if (s < at || e <= s) continue;
    if (s > at) parts.push(<BidiText key={`t${at}`} text={text.slice(at, s)} />);
    parts.push(
      <mark key={s}>
        <BidiText text={text.slice(s, e)} />
      </mark>,
    );
    at = e;
  }
  if (at < text.length) parts.push(<BidiText key={`t${at}`} text={text.slice(at)} />);
  return <>{parts}</>;
}

export type Loaded<T> = { state: 'loading' } | { state: 'error'; message: string; status: number } | { state: 'ok'; data: T };

/** Runs `load` whenever `key` changes; ignores answers that arrive after a newer request started. */
export function useLoad<T>(key: string, load: () => Promise<T>): Loaded<T> {
  const [value, setValue] = useState<Loaded<T>>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    setValue({ state: 'loading' });
    load().then(
      (data) => live && setValue({ state: 'ok', data }),
      (err: { message?: string; status?: number }) => live && setValue({ state: 'error', message: err.message ?? String(err), status: err.status ?? 0 }),
    );
    return () => {
      live = false;
    };
  }, [key]);
  return value;
}

export function Status({ value, children }: { value: Loaded<unknown>; children?: ComponentChildren }) {
  if (value.state === 'loading') return <p class="status" role="status">جارٍ التحميل…</p>;
  if (value.state === 'error')
    return (
      <p class="status error" role="alert">
        {value.status === 404 ? 'غير موجود.' : value.status === 400 ? 'تعذر فهم الطلب، راجع كتابته.' : value.status === 0 ? 'تعذر الاتصال بالخادم.' : 'حدث خطأ في الخادم.'}{' '}
        {/* the API's own one-line reason, in English, for whoever reports it */}
        <bdi dir="ltr" class="detail" lang="en">
          ({value.message})
        </bdi>
      </p>
    );
  return <>{children}</>;
}

export function Section({ title, children }: { title: string; children?: ComponentChildren }) {
  return (
    <section class="panel">
      <h2>{title}</h2>
      {children}
    </section>
  );
}
