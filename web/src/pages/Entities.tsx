// Entities: browse the people, organizations and places in the collection. All state is in the URL
// (/entities?type=…&q=…&sort=…&page=…), so a list can be shared and reloaded.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { Status, useLoad } from '../components/common';
import { countOf, day, entityHref, NOUNS, number, TYPE_GROUP } from '../format';
import { Link, navigate } from '../router';

const TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
const PAGE_SIZE = 100;
/** the longest name the API takes (GET /api/entities q) */
export const NAME_MAX = 300;
const SORTS = [
  ['mentions', 'الأكثر ذكرا'],
  ['articles', 'الأكثر مقالات'],
  ['recent', 'الأحدث ظهورا'],
  ['name', 'الاسم'],
] as const;
type Sort = (typeof SORTS)[number][0];

export function EntitiesPage({ query }: { query: URLSearchParams }) {
  const type = TYPES.find((t) => t === query.get('type')) ?? null;
  const q = query.get('q') ?? '';
  const sort: Sort = SORTS.find(([s]) => s === query.get('sort'))?.[0] ?? 'mentions';
  const page = Math.max(1, Math.floor(Number(query.get('page'))) || 1);
  const [draft, setDraft] = useState(q);
  useEffect(() => setDraft(q), [q]);
  const params = new URLSearchParams({ limit: String(PAGE_SIZE), offset: String((page - 1) * PAGE_SIZE) });
  if (type) params.set('type', type);
  if (q.trim()) params.set('q', q.trim().slice(0, NAME_MAX));
  if (sort !== 'mentions') params.set('sort', sort);
  const list = useLoad(params.toString(), () => api.entities(params));
  /** this list's URL with some of its state changed; any change but the page's goes back to page 1 */
  const href = (changes: { type?: string | null; q?: string; sort?: Sort; page?: number }) => {
    const p = new URLSearchParams();
    const t = 'type' in changes ? changes.type : type;
    const name = (changes.q ?? q).trim();
    const so = changes.sort ?? sort;
    const pg = changes.page ?? 1;
    if (t) p.set('type', t);
    if (name) p.set('q', name);
    if (so !== 'mentions') p.set('sort', so);
    if (pg > 1) p.set('page', String(pg));
    const s = p.toString();
    return s ? `/entities?${s}` : '/entities';
  };
  document.title = 'الكيانات — مرصد';
  return (
    <div class="entities-page">
      <h1>الكيانات</h1>
      <nav class="tabs" aria-label="نوع الكيان">
        <Link href={href({ type: null })} aria-current={type === null ? 'page' : undefined}>
          الكل
        </Link>
        {TYPES.map((t) => (
          <Link key={t} href={href({ type: t })} aria-current={type === t ? 'page' : undefined}>
            <span class={`swatch ann-${t}`} aria-hidden="true" />
            {TYPE_GROUP[t]}
          </Link>
        ))}
      </nav>
      <form
        role="search"
        class="search-box"
        onSubmit={(e) => {
          e.preventDefault();
          navigate(href({ q: draft }));
        }}
      >
        <label for="entity-q" class="visually-hidden">
          ابحث عن اسم
        </label>
        <input id="entity-q" type="search" value={draft} onInput={(e) => setDraft((e.target as HTMLInputElement).value)} placeholder="اسم بأي تهجئة" dir="auto" maxLength={NAME_MAX} />
        <button type="submit">بحث</button>
      </form>
      <Status value={list}>
        {list.state === 'ok' && (
          <>
            <div class="result-bar">
              <p class="muted" role="status">
                {countOf(list.data.total, NOUNS.entity)}
                {pagesOf(list.data.total) > 1 && page <= pagesOf(list.data.total) ? ` — الصفحة ${number(page)} من ${number(pagesOf(list.data.total))}` : ''}
              </p>
              <p class="sort">
                الترتيب:{' '}
                {SORTS.map(([s, label], i) => (
                  <span key={s}>
                    {i > 0 ? ' · ' : ''}
                    {s === sort ? <strong>{label}</strong> : <Link href={href({ sort: s })}>{label}</Link>}
                  </span>
                ))}
              </p>
            </div>
            {list.data.entities.length === 0 && list.data.total > 0 && (
              <p>
                لا توجد صفحة {number(page)}: للقائمة {countOf(pagesOf(list.data.total), NOUNS.page)}.{' '}
                <Link href={href({ page: pagesOf(list.data.total) })}>إلى الصفحة الأخيرة</Link>
              </p>
            )}
            <table class="values entity-table">
              <thead>
                <tr>
                  <th>الاسم</th>
                  <th>إشارات</th>
                  <th>مقالات</th>
                  <th>آخر ظهور</th>
                </tr>
              </thead>
              <tbody>
                {list.data.entities.map((e) => (
                  <tr key={e.id}>
                    <td>
                      <span class={`swatch ann-${e.type}`} aria-hidden="true" />{' '}
                      <Link href={entityHref(e.id)}>
                        <bdi>{e.name}</bdi>
                      </Link>
                    </td>
                    <td>{number(e.mentions)}</td>
                    <td>{number(e.articleCount)}</td>
                    <td>
                      <bdi dir="ltr">{day(e.lastSeen)}</bdi>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pager page={page} pages={pagesOf(list.data.total)} href={(p) => href({ page: p })} />
          </>
        )}
      </Status>
    </div>
  );
}

const pagesOf = (total: number) => Math.max(1, Math.ceil(total / PAGE_SIZE));

function Pager({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  if (pages <= 1) return null;
  return (
    <nav class="pager" aria-label="الصفحات">
      {page > 1 ? <Link href={href(Math.min(page - 1, pages))}>→ السابقة</Link> : <span />}
      <span class="muted">
        صفحة {number(page)} من {number(pages)}
      </span>
      {page < pages ? <Link href={href(page + 1)}>التالية ←</Link> : <span />}
    </nav>
  );
}
