import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/** Snippet text with [start, end) highlight ranges marked; the text stays text. */
export function Highlighted({ text, ranges }: { text: string; ranges?: Array<[number, number]> }) {
  if (!ranges?.length) return <>{text}</>;
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const parts = [];
  let at = 0;
  for (const [s, e] of sorted) {
    if (s < at || e <= s) continue;
    if (s > at) parts.push(text.slice(at, s));
    parts.push(<mark key={s}>{text.slice(s, e)}</mark>);
    at = e;
  }
  if (at < text.length) parts.push(text.slice(at));
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
