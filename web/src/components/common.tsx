import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/** digits joined by hyphens: «2021-03-31», «2-1» */
const HYPHENATED_NUMBER = /\d+(?:-\d+)+/g;
const STRONG = /\p{L}/u;
const ARABIC_SCRIPT = /[\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}]/u;
const PARAGRAPH_END = /[\n\r\u2029\u001c-\u001e\u0085]/;

/**
 * Whether the last strong character of `before` in its paragraph is an Arabic letter: then the bidi algorithm
 * reads the digits that follow as Arabic numbers (rule W2), and hyphens between them no longer bind them.
 * After a Latin letter («Mate 20», «Windows 10-11») or at a paragraph's start digits stay in their run.
 */
export function afterArabicLetter(before: string): boolean | null {
  for (let i = before.length - 1; i >= 0; i--) {
    const c = before[i];
    if (PARAGRAPH_END.test(c)) return false;
    if (STRONG.test(c)) return ARABIC_SCRIPT.test(c);
  }
  return null;
}

/**
 * Text with the hyphenated numbers that need it isolated left-to-right: after Arabic letters the bidi algorithm
 * reads «2021-03-31» as Arabic numbers around neutral hyphens and shows it as «31-03-2021». Nothing else is
 * isolated: a number inside a Latin run («HUAWEI Mate 20», «iPhone 13») stays where it is. `before` is the text
 * right before this one (what decides how its first number is read).
 */
export function BidiText({ text, before = '' }: { text: string; before?: string }) {
  // (no test() first: it would leave lastIndex after the first match, where matchAll would then start)
  if (!/\d-\d/.test(text)) return <>{text}</>;
  const parts = [];
  let at = 0;
  for (const m of text.matchAll(HYPHENATED_NUMBER)) {
    const arabic = afterArabicLetter(text.slice(0, m.index)) ?? afterArabicLetter(before) ?? false;
    if (!arabic) continue;
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

/** at most the last 300 characters before `at`: enough to find the strong letter that decides (see BidiText) */
export const textBefore = (text: string, at: number): string => text.slice(Math.max(0, at - 300), at);

/** Snippet text with [start, end) highlight ranges marked; the text stays text. */
export function Highlighted({ text, ranges }: { text: string; ranges?: Array<[number, number]> }) {
  if (!ranges?.length) return <BidiText text={text} />;
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const parts = [];
  let at = 0;
  for (const [s, e] of sorted) {
    if (s < at || e <= s) continue;
    if (s > at) parts.push(<BidiText key={`t${at}`} text={text.slice(at, s)} before={textBefore(text, at)} />);
    parts.push(
      <mark key={s}>
        <BidiText text={text.slice(s, e)} before={textBefore(text, s)} />
      </mark>,
    );
    at = e;
  }
  if (at < text.length) parts.push(<BidiText key={`t${at}`} text={text.slice(at)} before={textBefore(text, at)} />);
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
        {value.message ? (
          <bdi dir="ltr" class="detail" lang="en">
            ({value.message})
          </bdi>
        ) : null}
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
