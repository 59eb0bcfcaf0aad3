/**
 * RSS 2.0 and Atom feeds → items (each becomes an article; with --follow its link is fetched for the full text).
 * Parsed with linkedom's XML parser; item HTML (description, content:encoded, Atom content) becomes plain text.
 */
import { DOMParser } from 'linkedom';
import { createHash } from 'node:crypto';
import type { ArticleInput } from '../store/types.js';
import { htmlToText, looksLikeHtml, tidy } from './htmltext.js';

export interface FeedItem extends ArticleInput {
  /** stable item key for the ingest log: see itemKey */
  key: string;
  link: string | null;
}

export interface Feed {
  kind: 'rss' | 'atom';
  title: string | null;
  items: FeedItem[];
  /** the document ends inside its last item (a download cut short): that item's text may be cut too */
  cut?: boolean;
}

/** Is this text an RSS or Atom document? */
export function isFeed(text: string): 'rss' | 'atom' | null {
  const head = text.slice(0, 2000);
  if (/<rss[\s>]/i.test(head) || /<rdf:RDF[\s>]/i.test(head)) return 'rss';
  if (/<feed[\s>][^>]*/i.test(head) && /xmlns\s*=\s*["']http:\/\/www\.w3\.org\/2005\/Atom/i.test(head)) return 'atom';
  if (/<feed[\s>]/i.test(head)) return 'atom';
  return null;
}

type El = {
  getElementsByTagName(n: string): ArrayLike<El>;
  getAttribute(n: string): string | null;
  textContent: string | null;
  children?: ArrayLike<El>;
  localName?: string;
  tagName: string;
};

function first(el: El, ...names: string[]): El | null {
  for (const n of names) {
    const list = el.getElementsByTagName(n);
    if (list.length) return list[0];
  }
  return null;
}

function textOf(el: El | null): string {
  return (el?.textContent ?? '').trim();
}

function bodyText(raw: string): string {
  const s = raw.trim();
  return looksLikeHtml(s) || /&[a-z#0-9]+;/i.test(s) ? htmlToText(s) : tidy(s);
}

export function parseFeed(xml: string): Feed {
  const kind = isFeed(xml);
  if (!kind) throw new Error('not an RSS or Atom feed');
  // linkedom's XML parser is strict about stray entities from HTML; define the common ones
  const cleaned = xml.replace(/&(nbsp|laquo|raquo|hellip|mdash|ndash|rsquo|lsquo|rdquo|ldquo);/g, (_m, e: string) =>
    ({ nbsp: '&#160;', laquo: '&#171;', raquo: '&#187;', hellip: '&#8230;', mdash: '&#8212;', ndash: '&#8211;', rsquo: '&#8217;', lsquo: '&#8216;', rdquo: '&#8221;', ldquo: '&#8220;' })[e]!,
  );
  const doc = new DOMParser().parseFromString(cleaned, 'text/xml') as unknown as El & { documentElement: El };
  const root = doc.documentElement;
  if (!root) throw new Error('feed: unreadable XML');
  const items: FeedItem[] = [];
  if (kind === 'rss') {
    const channel = first(root, 'channel') ?? root;
    const feedTitle = bodyText(textOf(first(channel, 'title'))) || null;
    const list = root.getElementsByTagName('item');
    for (let i = 0; i < list.length; i++) {
      const it = list[i];
      const title = bodyText(textOf(first(it, 'title')));
      const link = textOf(first(it, 'link')) || first(it, 'link')?.getAttribute('href') || null;
      const guid = textOf(first(it, 'guid')) || null;
      const full = textOf(first(it, 'content:encoded'));
      const desc = textOf(first(it, 'description'));
      const published = textOf(first(it, 'pubDate', 'dc:date', 'published', 'updated')) || null;
      const author = textOf(first(it, 'dc:creator', 'author')) || null;
      const category = textOf(first(it, 'category')) || null;
      const text = bodyText(full || desc);
      items.push({ key: itemKey(worldwideId(guid, link), title, published, text), link, id: null, title: title || null, text, url: link, published, author, category, source: feedTitle });
    }
    return { kind, title: feedTitle, items, cut: endsInside(xml, 'item') };
  }
  const feedTitle = bodyText(textOf(Array.from(root.getElementsByTagName('title')).find((t) => !isInside(t, 'entry')) ?? null)) || null;
  const list = root.getElementsByTagName('entry');
  for (let i = 0; i < list.length; i++) {
    const e = list[i];
    const title = bodyText(textOf(first(e, 'title')));
    const links = Array.from(e.getElementsByTagName('link'));
    const alt = links.find((l) => (l.getAttribute('rel') ?? 'alternate') === 'alternate') ?? links[0];
    const link = alt?.getAttribute('href') ?? null;
    const id = textOf(first(e, 'id')) || null;
    const content = textOf(first(e, 'content'));
    const summary = textOf(first(e, 'summary'));
    const published = textOf(first(e, 'published', 'updated', 'dc:date')) || null;
    const authorEl = first(e, 'author');
    const author = authorEl ? textOf(first(authorEl, 'name')) || textOf(authorEl) : null;
    const text = bodyText(content || summary);
    items.push({ key: itemKey(worldwideId(id, link), title, published, text), link, id: null, title: title || null, text, url: link, published, author: author || null, source: feedTitle });
  }
  return { kind, title: feedTitle, items, cut: endsInside(xml, 'entry') };
}

/** Does the text open more <tag> elements than it closes, i.e. end inside the last one? */
function endsInside(xml: string, tag: string): boolean {
  const opened = xml.match(new RegExp(`<${tag}[\\s>]`, 'gi'))?.length ?? 0;
  const closed = xml.match(new RegExp(`</${tag}\\s*>`, 'gi'))?.length ?? 0;
  return opened > closed;
}

/**
 * The ingest-log key of a feed item: its guid, id or link when that names it worldwide (a URL, a URN, a tag: id);
 * else (a bare guid such as «123», or none) what it says, with a digest of its text: two feeds' items titled «عاجل»
 * with no date, or numbered alike, are two items (the second was skipped as already ingested).
 */
/** an identifier that is one worldwide: a URI or URN («https://…», «urn:uuid:…», «tag:…») */
const WORLDWIDE_ID = /^[a-z][\w+.-]*:\S/i;

/** The item's own id when it is one worldwide, else its link when that is, else the bare id or link. */
export function worldwideId(id: string | null, link: string | null): string | null {
  return [id, link].find((x) => x && WORLDWIDE_ID.test(x)) ?? id ?? link;
}

export function itemKey(id: string | null, title: string, published: string | null, text: string): string {
  if (id && WORLDWIDE_ID.test(id)) return id;
  const digest = createHash('sha1').update(`${title}\n${text}`).digest('hex').slice(0, 16);
  return `${id ?? ''}|${title}|${published ?? ''}|${digest}`;
}

function isInside(el: El, tag: string): boolean {
  let p = (el as unknown as { parentNode: El | null }).parentNode;
  while (p) {
    if ((p.localName ?? p.tagName ?? '').toLowerCase() === tag) return true;
    p = (p as unknown as { parentNode: El | null }).parentNode;
  }
  return false;
}
