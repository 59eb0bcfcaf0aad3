// Article: metadata, the original text with highlighted layers (legend; hover/focus/tap shows the normalized
// value; entities link to their page), roles, events, near-duplicates and similar articles.
import { api, type ArticleJson, type SimilarHit } from '../api';
import { Annotated, Legend } from '../components/Annotated';
import { BidiText, Section, Status, useLoad } from '../components/common';
import { EventList, RoleList } from '../components/Events';
import { articleHref, day, displayUrl, safeUrl } from '../format';
import { Link } from '../router';

export function ArticlePage({ id }: { id: string }) {
  const article = useLoad(`a:${id}`, () => api.article(id));
  const similar = useLoad(`s:${id}`, () => api.similar(id));
  if (article.state === 'ok') document.title = `${article.data.title || id} — مرصد`;
  else if (article.state === 'error') document.title = `${article.status === 404 ? 'مقال غير موجود' : 'تعذر تحميل المقال'} — مرصد`;
  return (
    <Status value={article}>
      {article.state === 'ok' && <ArticleView a={article.data} similar={similar.state === 'ok' ? similar.data.similar : null} />}
    </Status>
  );
}

function ArticleView({ a, similar }: { a: ArticleJson; similar: SimilarHit[] | null }) {
  const url = safeUrl(a.url);
  const { doc } = a;
  return (
    <article class="article-page">
      <header>
        <h1>
          <BidiText text={a.title || '(بلا عنوان)'} />
        </h1>
        <dl class="meta-list">
          <div>
            <dt>المصدر</dt>
            <dd>{a.source ?? 'غير معروف'}</dd>
          </div>
          <div>
            <dt>التاريخ</dt>
            <dd>
              <time dateTime={a.published ?? undefined} dir="ltr">{day(a.published)}</time>
            </dd>
          </div>
          {a.place && (
            <div>
              <dt>المكان</dt>
              <dd>{a.place}</dd>
            </div>
          )}
          {a.author && (
            <div>
              <dt>الكاتب</dt>
              <dd>{a.author}</dd>
            </div>
          )}
          {url && (
            <div>
              <dt>الرابط</dt>
              <dd>
                {/* shown decoded («/أخبار/…», not «/%D8%A3…») and cut to one line; the link itself is the URL */}
                <a href={url} rel="noopener noreferrer nofollow" target="_blank" dir="ltr" class="url" title={displayUrl(url)}>
                  {displayUrl(url)}
                </a>
              </dd>
            </div>
          )}
        </dl>
        {a.nearDuplicateOf && (
          <p class="notice">
            هذا المقال نسخة مكررة تقريبا من <Link href={articleHref(a.nearDuplicateOf)}>المقال الأصلي</Link>.
          </p>
        )}
      </header>
      <Legend doc={doc} />
      <p class="muted small">مرّر المؤشر فوق أي علامة أو انتقل إليها بلوحة المفاتيح أو المسها لرؤية القيمة الموحدة.</p>
      <Annotated doc={doc} />

      {doc.roles.length > 0 && (
        <Section title="المناصب">
          <RoleList roles={doc.roles} />
        </Section>
      )}
      {doc.events.length > 0 && (
        <Section title="الأحداث">
          <EventList events={doc.events} />
        </Section>
      )}
      {a.nearDuplicates.length > 0 && (
        <Section title="نسخ مكررة تقريبا">
          <ul class="plain">
            {a.nearDuplicates.map((d) => {
              const known = similar?.find((s) => s.id === d);
              return (
                <li key={d}>
                  <Link href={articleHref(d)}>
                    <BidiText text={known?.title || d} />
                  </Link>
                  {known ? (
                    <span class="muted">
                      {' '}
                      {known.source ?? ''} · <bdi dir="ltr">{day(known.published)}</bdi>
                    </span>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </Section>
      )}
      <Section title="مقالات مشابهة">
        {similar === null ? (
          <p class="muted">…</p>
        ) : similar.length === 0 ? (
          <p class="muted">لا توجد مقالات مشابهة.</p>
        ) : (
          <ul class="plain similar">
            {similar.map((s) => (
              <li key={s.id}>
                <Link href={articleHref(s.id)}>
                  <BidiText text={s.title || s.id} />
                </Link>{' '}
                <span class="muted">
                  {s.source ?? ''} · <bdi dir="ltr">{day(s.published)}</bdi>
                </span>
                {s.relation === 'near-duplicate' ? <span class="badge">مكرر تقريبا</span> : null}
              </li>
            ))}
          </ul>
        )}
      </Section>
    </article>
  );
}
