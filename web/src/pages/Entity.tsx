// Entity: name and variants, type, mentions per week, roles, co-occurring entities, latest articles.
import { useEffect, useState } from 'preact/hooks';
import { api, type EntityDetail, type Timeline, type TimelineItem } from '../api';
import { BidiText, Section, Status, useLoad } from '../components/common';
import { WeekChart } from '../components/WeekChart';
import { articleHref, countOf, day, entityHref, NOUNS, number, TYPE_LABEL } from '../format';
import { Link } from '../router';

export function EntityPage({ id }: { id: string }) {
  const entity = useLoad(`e:${id}`, () => api.entity(id));
  if (entity.state === 'ok') document.title = `${entity.data.name} — مرصد`;
  else if (entity.state === 'error') document.title = `${entity.status === 404 ? 'كيان غير موجود' : 'تعذر تحميل الكيان'} — مرصد`;
  return <Status value={entity}>{entity.state === 'ok' && <EntityView e={entity.data} />}</Status>;
}

const TIMELINE_PAGE = 40;

/**
 * Dated mentions in the entity's sentences, by the date they are about (not the publication date): the newest
 * first page, shown oldest to newest, with older ones on request and the count of all.
 */
function TimelineList({ id }: { id: string }) {
  const [pages, setPages] = useState<Timeline[]>([]);
  const [state, setState] = useState<'loading' | 'ok' | 'error'>('loading');
  const load = (offset: number) => {
    setState('loading');
    api.timeline(id, offset, TIMELINE_PAGE).then(
      (t) => {
        setPages((p) => (offset === 0 ? [t] : [...p, t]));
        setState('ok');
      },
      () => setState('error'),
    );
  };
  useEffect(() => {
    setPages([]);
    load(0);
  }, [id]);
  const loaded = pages.flatMap((p) => p.items);
  const total = pages[0]?.total ?? 0;
  // a dated sentence can come as a time and as an event: show it once
  const seen = new Set<string>();
  const items = loaded.filter((t) => {
    const key = `${t.article.id}|${t.date}|${t.context}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  }).reverse();
  if (state === 'error' && !loaded.length) return <p class="status error" role="alert">تعذر تحميل الخط الزمني.</p>;
  if (!loaded.length) return <p class="muted">{state === 'loading' ? 'جارٍ التحميل…' : 'لا توجد تواريخ مذكورة معه.'}</p>;
  return (
    <>
      <p class="muted small" role="status">
        {countOf(items.length, NOUNS.item)}
        {items.length < loaded.length ? ' (المكرر يظهر مرة واحدة)' : ''}
        {loaded.length < total ? (
          <>
            {' '}
            — الأحدث {number(loaded.length)} من {number(total)}.{' '}
            <button type="button" class="link-button" disabled={state === 'loading'} onClick={() => load(loaded.length)}>
              عرض الأقدم
            </button>
          </>
        ) : null}
      </p>
      <ol class="timeline">
        {items.map((t, i) => (
          <li key={i}>
            <bdi dir="ltr" class="when">
              {t.date}
            </bdi>{' '}
            <TimelineContext t={t} />{' '}
            <Link href={articleHref(t.article.id)} class="muted small">
              ({t.article.source ?? 'المقال'})
            </Link>
          </li>
        ))}
      </ol>
    </>
  );
}

/** how much of a long sentence a time line entry shows, around the dated phrase */
const CONTEXT_CHARS = 200;

/**
 * The sentence of a time line entry, cut to about CONTEXT_CHARS around its dated phrase (a time expression, or an
 * event's clause) at word boundaries, with the phrase marked: the date is always seen where the text gives it.
 */
export function contextWindow(context: string, phrase: string, max = CONTEXT_CHARS): { before: string; phrase: string; after: string } {
  let at = phrase ? context.indexOf(phrase) : -1;
  let len = phrase.length;
  if (at < 0) {
    at = 0;
    len = 0;
  }
  if (context.length <= max) return { before: context.slice(0, at), phrase: context.slice(at, at + len), after: context.slice(at + len) };
  if (len > max) len = max; // a long clause: its start, which holds the verb, is shown
  const room = max - len;
  let from = Math.max(0, at - Math.floor(room / 2));
  let to = Math.min(context.length, from + len + room);
  from = Math.max(0, to - len - room);
  // cut at spaces, never inside a word
  if (from > 0) {
    const sp = context.indexOf(' ', from);
    if (sp >= 0 && sp < at) from = sp + 1;
  }
  if (to < context.length) {
    const sp = context.lastIndexOf(' ', to);
    if (sp > at + len) to = sp;
  }
  return {
    before: (from > 0 ? '…' : '') + context.slice(from, at),
    phrase: context.slice(at, at + len),
    after: context.slice(at + len, to) + (to < context.length ? '…' : ''),
  };
}

function TimelineContext({ t }: { t: TimelineItem }) {
  const w = contextWindow(t.context, t.text);
  return (
    <span class="what">
      <BidiText text={w.before} />
      {w.phrase ? (
        <mark class="dated">
          <BidiText text={w.phrase} before={w.before} />
        </mark>
      ) : null}
      <BidiText text={w.after} before={w.before + w.phrase} />
    </span>
  );
}

function EntityView({ e }: { e: EntityDetail }) {
  return (
    <div class="entity-page">
      <header>
        <h1>
          <span class={`swatch ann-${e.type}`} aria-hidden="true" /> {e.name}
        </h1>
        <p class="meta">
          <span class="badge">{TYPE_LABEL[e.type] ?? e.type}</span> {countOf(e.mentions, NOUNS.mention)} في {countOf(e.articleCount, NOUNS.article, true)}
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
      <Section title="الخط الزمني (حسب التاريخ المذكور)">
        <TimelineList id={e.id} />
      </Section>
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
              <Link href={articleHref(a.id)}>
                <BidiText text={a.title || a.id} />
              </Link>{' '}
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
