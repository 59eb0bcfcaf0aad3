// Entities: browse the people, organizations and places in the collection (?type=…&q=… in the URL).
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { Status, useLoad } from '../components/common';
import { day, entityHref, TYPE_GROUP } from '../format';
import { Link, navigate } from '../router';

const TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;

export function EntitiesPage({ query }: { query: URLSearchParams }) {
  const type = TYPES.find((t) => t === query.get('type')) ?? null;
  const q = query.get('q') ?? '';
  const [draft, setDraft] = useState(q);
  useEffect(() => setDraft(q), [q]);
  const params = new URLSearchParams({ limit: '100' });
  if (type) params.set('type', type);
  if (q.trim()) params.set('q', q.trim());
  const list = useLoad(params.toString(), () => api.entities(params));
  const href = (t: string | null, name = q) => {
    const p = new URLSearchParams();
    if (t) p.set('type', t);
    if (name.trim()) p.set('q', name.trim());
    const s = p.toString();
    return s ? `/entities?${s}` : '/entities';
  };
  document.title = 'الكيانات — مرصد';
  return (
    <div class="entities-page">
      <h1>الكيانات</h1>
      <nav class="tabs" aria-label="نوع الكيان">
        <Link href={href(null)} aria-current={type === null ? 'page' : undefined}>
          الكل
        </Link>
        {TYPES.map((t) => (
          <Link key={t} href={href(t)} aria-current={type === t ? 'page' : undefined}>
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
          navigate(href(type, draft));
        }}
      >
        <label for="entity-q" class="visually-hidden">
          ابحث عن اسم
        </label>
        <input id="entity-q" type="search" value={draft} onInput={(e) => setDraft((e.target as HTMLInputElement).value)} placeholder="اسم بأي تهجئة" dir="auto" />
        <button type="submit">بحث</button>
      </form>
      <Status value={list}>
        {list.state === 'ok' && (
          <>
            <p class="muted">{list.data.total} كيان</p>
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
                      <span class={`swatch ann-${e.type}`} aria-hidden="true" /> <Link href={entityHref(e.id)}>{e.name}</Link>
                    </td>
                    <td>{e.mentions}</td>
                    <td>{e.articleCount}</td>
                    <td>
                      <bdi dir="ltr">{day(e.lastSeen)}</bdi>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </Status>
    </div>
  );
}
