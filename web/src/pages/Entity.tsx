// Entity: name and variants, type, mentions per week, roles, co-occurring entities, latest articles.
import { api, type EntityDetail, type Timeline } from '../api';
import { Section, Status, useLoad } from '../components/common';
import { WeekChart } from '../components/WeekChart';
import { articleHref, day, entityHref, TYPE_LABEL } from '../format';
import { Link } from '../router';

export function EntityPage({ id }: { id: string }) {
  const entity = useLoad(`e:${id}`, () => api.entity(id));
  const timeline = useLoad(`t:${id}`, () => api.timeline(id));
  if (entity.state === 'ok') document.title = `${entity.data.name} — مرصد`;
  return (
    <Status value={entity}>
      {entity.state === 'ok' && <EntityView e={entity.data} timeline={timeline.state === 'ok' ? timeline.data : null} />}
    </Status>
  );
}

/** Dated mentions in the entity's sentences, by the date they are about (not the publication date). */
function TimelineList({ timeline }: { timeline: Timeline }) {
  // a dated sentence can come as a time and as an event: show it once
  const seen = new Set<string>();
  const items = timeline.items.filter((t) => {
    const key = `${t.article.id}|${t.date}|${t.context}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (!items.length) return <p class="muted">لا توجد تواريخ مذكورة معه.</p>;
  return (
    <ol class="timeline">
      {items.map((t, i) => (
        <li key={i}>
          <bdi dir="ltr" class="when">
            {t.date}
          </bdi>{' '}
          <span class="what">{t.context.length > 160 ? `${t.context.slice(0, 160)}…` : t.context}</span>{' '}
          <Link href={articleHref(t.article.id)} class="muted small">
            ({t.article.source ?? 'المقال'})
          </Link>
        </li>
      ))}
    </ol>
  );
}

function EntityView({ e, timeline }: { e: EntityDetail; timeline: Timeline | null }) {
  return (
    <div class="entity-page">
      <header>
        <h1>
          <span class={`swatch ann-${e.type}`} aria-hidden="true" /> {e.name}
        </h1>
        <p class="meta">
          <span class="badge">{TYPE_LABEL[e.type] ?? e.type}</span> {e.mentions} إشارة في {e.articleCount} مقال
          {e.firstSeen ? (
            <>
              {' · من '}
              <bdi dir="ltr">{day(e.firstSeen)}</bdi>
              {' إلى '}
              <bdi dir="ltr">{day(e.lastSeen)}</bdi>
            </>
          ) : null}
        </p>
        <p>
          <Link href={`/?entity=${encodeURIComponent(e.id)}`}>كل المقالات التي تذكره ←</Link>
        </p>
      </header>
      <Section title="صيغ الاسم">
        <ul class="variants">
          {(e.aliasCounts?.length ? e.aliasCounts : e.aliases.map((alias) => ({ alias, count: 0 }))).map((v) => (
            <li key={v.alias}>
              {v.alias} {v.count ? <span class="count">{v.count}</span> : null}
            </li>
          ))}
        </ul>
      </Section>
      <Section title="الإشارات أسبوعيا">
        <WeekChart weeks={e.mentionsByWeek ?? []} />
      </Section>
      <Section title="الخط الزمني (حسب التاريخ المذكور)">{timeline ? <TimelineList timeline={timeline} /> : <p class="muted">…</p>}</Section>
      {e.roles?.length > 0 && (
        <Section title="المناصب">
          <ul class="plain">
            {e.roles.map((r, i) => (
              <li key={i}>
                {r.title}
                {r.of ? ` (${r.of})` : ''} <span class="count">{r.count}</span>
                {r.firstSeen ? <span class="muted"> · <bdi dir="ltr">{day(r.firstSeen)}</bdi></span> : null}
              </li>
            ))}
          </ul>
        </Section>
      )}
      {e.cooccurring?.length > 0 && (
        <Section title="كيانات ترد معه">
          <ul class="variants">
            {e.cooccurring.map((c) => (
              <li key={c.id}>
                <span class={`swatch ann-${c.type}`} aria-hidden="true" /> <Link href={entityHref(c.id)}>{c.name}</Link>{' '}
                <span class="count">{c.count}</span>
              </li>
            ))}
          </ul>
        </Section>
      )}
      <Section title="أحدث المقالات">
        <ul class="plain">
          {e.articles.map((a) => (
            <li key={a.id}>
              <Link href={articleHref(a.id)}>{a.title || a.id}</Link>{' '}
              <span class="muted">
                {a.source ?? ''} · <bdi dir="ltr">{day(a.published)}</bdi>
              </span>
            </li>
          ))}
        </ul>
      </Section>
    </div>
  );
}
