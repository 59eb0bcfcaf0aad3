// An article's (or an analyzed text's) roles and events as lists, for the article and analyze pages. Each event
// shows its type in Arabic (the API's label), whether it happened (occurred / planned / reported / negated), its parties, place and
// time; the text it was read from shows when the parties are missing or the event did not plainly happen.
import type { Role, ServedEvent } from '../api';
import { entityHref } from '../format';
import { EVENT_STATUS, eventTypeLabel } from '../labels';
import { Link } from '../router';
import { BidiText } from './common';

type Ref = { entity: string; name: string } | null;

function Name({ r, link }: { r: Ref; link: boolean }) {
  if (!r) return <>؟</>;
  const name = <bdi>{r.name}</bdi>;
  return link && r.entity ? <Link href={entityHref(r.entity)}>{name}</Link> : name;
}

/** identical rows (the same person and title; the same event read in two sentences) show once */
function unique<T>(items: T[], key: (x: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((x) => {
    const k = key(x);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export function RoleList({ roles, link = true }: { roles: Role[]; link?: boolean }) {
  const rows = unique(roles, (r) => `${r.person.entity || r.person.name}|${r.title}|${r.of ?? ''}`);
  return (
    <ul class="plain roles">
      {rows.map((r, i) => (
        <li key={i}>
          <Name r={r.person} link={link} />: {r.title}
          {r.of ? ` (${r.of})` : ''}
        </li>
      ))}
    </ul>
  );
}

const eventKey = (e: ServedEvent) =>
  [e.type, e.cameo, e.status, e.actor?.entity ?? '', e.target?.entity ?? '', e.place?.entity ?? '', e.time ?? '', JSON.stringify(e.attributes ?? {})].join('|');

const QUOTE_MAX = 140;

export function EventList({ events, link = true }: { events: ServedEvent[]; link?: boolean }) {
  const rows = unique(events, eventKey);
  return (
    <ul class="plain events">
      {rows.map((e, i) => {
        const status = EVENT_STATUS[e.status] ?? { label: e.status, note: '' };
        const parties = Boolean(e.actor || e.target);
        const quote = !parties || e.status !== 'occurred';
        return (
          <li key={i} class={`event event-${e.status}`} data-status={e.status} data-type={e.type}>
            <span class="badge etype" title={`${e.type}${e.cameo ? ` · CAMEO ${e.cameo}` : ''}`}>
              {eventTypeLabel(e)}
            </span>{' '}
            <span class={`estatus estatus-${e.status}`} title={status.note}>
              {status.label}
            </span>{' '}
            {parties ? (
              <>
                <Name r={e.actor} link={link} /> ← <Name r={e.target} link={link} />
              </>
            ) : null}
            {e.place ? (
              <>
                {' · '}
                <Name r={e.place} link={link} />
              </>
            ) : null}
            {e.time ? (
              <>
                {' · '}
                <bdi dir="ltr">{e.time}</bdi>
              </>
            ) : null}
            {e.attributes?.killed !== undefined ? <span class="casualties"> · قتلى: {String(e.attributes.killed)}</span> : null}
            {e.attributes?.wounded !== undefined ? <span class="casualties"> · جرحى: {String(e.attributes.wounded)}</span> : null}
            {quote && e.text ? (
              <q class="event-text">
                <BidiText text={e.text.length > QUOTE_MAX ? `${e.text.slice(0, QUOTE_MAX)}…` : e.text} />
              </q>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
