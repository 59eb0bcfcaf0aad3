// Search: the query box, results with highlighted snippets, facets that filter on click, pagination.
// All state lives in the URL (/?q=…&source=…&entity=…&type=…&from=…&to=…&page=…).
import { useEffect, useState } from 'preact/hooks';
import { api, type SearchResult } from '../api';
import { Highlighted, Status, useLoad } from '../components/common';
import { articleHref, countOf, day, NOUNS, number, TYPE_GROUP } from '../format';
import { Link, navigate } from '../router';

const PAGE_SIZE = 10;
/** the longest query the API takes (GET /api/search q) */
export const QUERY_MAX = 1000;
const FILTERS = ['source', 'entity', 'type', 'from', 'to'] as const;
type Filter = (typeof FILTERS)[number];

/** The URL for this query with some parameters changed (null removes one); a new filter resets the page. */
function withParams(query: URLSearchParams, changes: Partial<Record<Filter | 'q' | 'page' | 'sort', string | null>>): string {
  const next = new URLSearchParams(query);
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === '') next.delete(k);
    else next.set(k, v);
  }
  if (!('page' in changes)) next.delete('page');
  const s = next.toString();
  return s ? `/?${s}` : '/';
}

const FILTER_LABEL: Record<Filter, string> = { source: 'المصدر', entity: 'الكيان', type: 'النوع', from: 'من', to: 'إلى' };

export function SearchPage({ query }: { query: URLSearchParams }) {
  const q = query.get('q') ?? '';
  const page = Math.max(1, Number(query.get('page')) || 1);
  const [draft, setDraft] = useState(q);
  useEffect(() => setDraft(q), [q]);

  const apiParams = new URLSearchParams();
  apiParams.set('q', q);
  for (const f of FILTERS) {
    const v = query.get(f);
    if (v) apiParams.set(f, v);
  }
  apiParams.set('limit', String(PAGE_SIZE));
  apiParams.set('offset', String((page - 1) * PAGE_SIZE));
  const sort = !q.trim() || query.get('sort') === 'date' ? 'date' : 'relevance';
  apiParams.set('sort', sort);
  // a query longer than the API takes (a shared link, say) is not sent: the reader is told why
  const tooLong = q.length > QUERY_MAX;
  const result = useLoad(apiParams.toString(), () => (tooLong ? new Promise<SearchResult>(() => undefined) : api.search(apiParams)));

  const onSubmit = (e: Event) => {
    e.preventDefault();
    navigate(withParams(query, { q: draft.trim() || null }));
  };
  const active = FILTERS.filter((f) => query.get(f));
  const entityLabel = result.state === 'ok' ? labelsOf(result.data) : new Map<string, string>();

  return (
    <div class="search-page">
      <form role="search" class="search-box" onSubmit={onSubmit}>
        <label for="q" class="visually-hidden">
          ابحث في الأخبار
        </label>
        <input
          id="q"
          name="q"
          type="search"
          value={draft}
          onInput={(e) => setDraft((e.target as HTMLInputElement).value)}
          placeholder="ابحث في الأخبار، مثلا: الكاظمي الكويت"
          autoComplete="off"
          dir="auto"
          maxLength={QUERY_MAX}
          aria-describedby={draft.length >= QUERY_MAX && !tooLong ? 'q-limit' : undefined}
        />
        <button type="submit">بحث</button>
      </form>
      {draft.length >= QUERY_MAX && !tooLong && (
        <p id="q-limit" class="status error small" role="alert">
          بلغ البحث حده الأقصى: {countOf(QUERY_MAX, NOUNS.char)}. اختصره إلى كلمات أقل.
        </p>
      )}
      <p class="hint muted">
        كلمات، <code>"عبارة مطابقة"</code>، <code dir="ltr">-كلمة</code> للاستبعاد، <code dir="ltr">OR</code>، وحقول مثل{' '}
        <code dir="ltr">entity:قطر</code> و<code dir="ltr">source:…</code> و<code dir="ltr">from:2021-08</code>.
      </p>
      {active.length > 0 && (
        <ul class="chips" aria-label="عوامل التصفية">
          {active.map((f) => (
            <li key={f}>
              <span>
                {FILTER_LABEL[f]}: {f === 'entity' ? entityLabel.get(query.get(f)!) ?? query.get(f)!.replace(/^(PER|ORG|LOC|MISC):/, '') : f === 'type' ? TYPE_GROUP[query.get(f)!] ?? query.get(f) : query.get(f)}
              </span>
              <Link href={withParams(query, { [f]: null })} aria-label={`إزالة ${FILTER_LABEL[f]}`} class="chip-x">
                ×
              </Link>
            </li>
          ))}
        </ul>
      )}
      {tooLong ? (
        <p class="status error" role="alert">
          البحث أطول من {countOf(QUERY_MAX, NOUNS.char, true)} ({countOf(q.length, NOUNS.char)})، فلم يُرسل. اختصره إلى الكلمات التي تهمك.
        </p>
      ) : (
        <Status value={result}>
          {result.state === 'ok' && <Results data={result.data} query={query} page={page} />}
        </Status>
      )}
    </div>
  );
}

function labelsOf(data: SearchResult): Map<string, string> {
  const m = new Map<string, string>();
  for (const list of Object.values(data.facets?.entities ?? {})) for (const v of list) m.set(v.value, v.label);
  return m;
}

function Results({ data, query, page }: { data: SearchResult; query: URLSearchParams; page: number }) {
  const pages = Math.ceil(data.total / PAGE_SIZE);
  return (
    <div class="results-layout">
      <div class="results">
        <div class="result-bar">
          <p class="muted" role="status">
            {countOf(data.total, NOUNS.result)}
            {data.total > 0 && pages > 1 && page <= pages ? ` — الصفحة ${page} من ${pages}` : ''}
          </p>
          {(query.get('q') ?? '').trim() && (
            <p class="sort">
              الترتيب:{' '}
              {query.get('sort') === 'date' ? (
                <>
                  <Link href={withParams(query, { sort: null })}>الأكثر صلة</Link> · <strong>الأحدث</strong>
                </>
              ) : (
                <>
                  <strong>الأكثر صلة</strong> · <Link href={withParams(query, { sort: 'date' })}>الأحدث</Link>
                </>
              )}
            </p>
          )}
        </div>
        {data.relaxed && (
          <p class="notice" role="note">
            لا مقال يجمع كل كلمات البحث؛ هذه المقالات تذكر بعضها. ضع العبارة بين علامتي تنصيص لتطابق نصا بعينه.
          </p>
        )}
        {data.hits.length === 0 && data.total > 0 && page > pages && (
          <p>
            لا توجد صفحة {page}: للنتائج {countOf(pages, NOUNS.page)}.{' '}
            <Link href={withParams(query, { page: String(pages) })}>إلى الصفحة الأخيرة</Link>
          </p>
        )}
        {data.total === 0 && <p>لا نتائج. جرّب كلمات أقل أو أزل بعض عوامل التصفية.</p>}
        <ol class="hits">
          {data.hits.map((h) => (
            <li key={h.id} class="hit">
              <h3>
                <Link href={articleHref(h.id)}>
                  <Highlighted text={h.title || '(بلا عنوان)'} ranges={h.titleHighlights} />
                </Link>
              </h3>
              <p class="meta">
                <span>{h.source ?? 'مصدر غير معروف'}</span> · <time dateTime={h.published ?? undefined} dir="ltr">{day(h.published)}</time>
                {h.nearDuplicateOf ? <span class="badge">نسخة مكررة تقريبا</span> : null}
              </p>
              <p class="snippet">
                <Highlighted text={h.snippet} ranges={h.highlights} />
              </p>
            </li>
          ))}
        </ol>
        {pages > 1 && (
          <nav class="pager" aria-label="الصفحات">
            {page > 1 ? <Link href={withParams(query, { page: String(page - 1) })}>→ السابقة</Link> : <span />}
            <span class="muted">
              صفحة {page} من {pages}
            </span>
            {page < pages ? <Link href={withParams(query, { page: String(page + 1) })}>التالية ←</Link> : <span />}
          </nav>
        )}
      </div>
      {data.facets && <Facets data={data} query={query} />}
    </div>
  );
}

/** One facet's values, each a link that adds (or shows as active) its filter. */
function FacetValues({ values, filter, query }: { values: Array<{ value: string; label: string; count: number }>; filter: 'entity' | 'source'; query: URLSearchParams }) {
  return (
    <ul>
      {values.map((v) => (
        <li key={v.value}>
          <Link href={withParams(query, { [filter]: v.value })} class={query.get(filter) === v.value ? 'active' : ''}>
            {v.label}
          </Link>{' '}
          <span class="count">{v.count}</span>
        </li>
      ))}
    </ul>
  );
}

function Facets({ data, query }: { data: SearchResult; query: URLSearchParams }) {
  const { facets } = data;
  const months = facets.months ?? [];
  const maxMonth = Math.max(1, ...months.map((m) => m.count));
  // open beside the results on wide screens; folded above them on phones
  const wide = typeof window.matchMedia !== 'function' || !window.matchMedia('(max-width: 760px)').matches;
  return (
    <details class="facets" open={wide}>
      <summary>تصفية النتائج</summary>
      {(['PER', 'ORG', 'LOC', 'MISC'] as const).map((type) => {
        const values = facets.entities?.[type] ?? [];
        if (!values.length) return null;
        return (
          <section key={type} class="facet" data-facet={type}>
            <h2>
              <Link href={withParams(query, { type })} class={query.get('type') === type ? 'active' : ''} title="المقالات التي تذكر كيانا من هذا النوع">
                {TYPE_GROUP[type]}
              </Link>
            </h2>
            <FacetValues values={values.slice(0, 8)} filter="entity" query={query} />
          </section>
        );
      })}
      {facets.sources?.length > 0 && (
        <section class="facet" data-facet="source">
          <h2>المصادر</h2>
          <FacetValues values={facets.sources} filter="source" query={query} />
        </section>
      )}
      {months.length > 0 && (
        <section class="facet" data-facet="month">
          <h2>حسب الشهر</h2>
          <ul class="months">
            {months.map((m) => (
              <li key={m.value}>
                <Link
                  href={withParams(query, { from: m.value, to: m.value })}
                  class={query.get('from') === m.value && query.get('to') === m.value ? 'active month' : 'month'}
                  aria-label={`${m.label}: ${m.count}`}
                >
                  <span class="month-label" dir="ltr">{m.label}</span>
                  <span class="month-bar" style={{ inlineSize: `${Math.max(4, (m.count / maxMonth) * 100)}%` }} />
                  <span class="count">{m.count}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </details>
  );
}
