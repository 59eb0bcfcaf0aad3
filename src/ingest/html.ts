/**
 * An HTML page → one article: main text through @mozilla/readability on linkedom; title, author, source and
 * publication date from the page's metadata (article:published_time, JSON-LD datePublished, <time datetime>).
 */
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import type { ArticleInput } from '../store/types.js';
import { nodeToText, tidy } from './htmltext.js';

type Doc = ReturnType<typeof parseHTML>['document'];

const MIN_ARTICLE_CHARS = 20;

function meta(document: Doc, ...names: string[]): string | null {
  for (const n of names) {
    const el = document.querySelector(`meta[property="${n}"]`) ?? document.querySelector(`meta[name="${n}"]`) ?? document.querySelector(`meta[itemprop="${n}"]`);
    const v = el?.getAttribute('content')?.trim();
    if (v) return v;
  }
  return null;
}

interface LdInfo {
  datePublished?: string;
  headline?: string;
  author?: string;
  publisher?: string;
  url?: string;
}

/** The first NewsArticle/Article-like object in the page's JSON-LD blocks. */
function jsonLd(document: Doc): LdInfo {
  const out: LdInfo = {};
  for (const s of document.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(s.textContent ?? '');
    } catch {
      continue;
    }
    const queue: unknown[] = [data];
    while (queue.length) {
      const x = queue.shift();
      if (Array.isArray(x)) {
        queue.push(...x);
        continue;
      }
      if (!x || typeof x !== 'object') continue;
      const o = x as Record<string, unknown>;
      if (Array.isArray(o['@graph'])) queue.push(...(o['@graph'] as unknown[]));
      const name = (v: unknown): string | undefined => {
        if (typeof v === 'string') return v;
        if (Array.isArray(v)) return name(v[0]);
        if (v && typeof v === 'object' && typeof (v as { name?: unknown }).name === 'string') return (v as { name: string }).name;
        return undefined;
      };
      if (typeof o.datePublished === 'string' && !out.datePublished) out.datePublished = o.datePublished;
      if (typeof o.headline === 'string' && !out.headline) out.headline = o.headline;
      if (!out.author) out.author = name(o.author);
      if (!out.publisher) out.publisher = name(o.publisher);
      if (typeof o.url === 'string' && !out.url && /Article|Posting/i.test(String(o['@type'] ?? ''))) out.url = o.url;
    }
  }
  return out;
}

/** "العنوان | الموقع" → "العنوان" when the site part is short. */
function stripSiteSuffix(title: string, site: string | null): string {
  const t = title.trim();
  for (const sep of [' | ', ' - ', ' – ', ' — ', ' :: ']) {
    const i = t.lastIndexOf(sep);
    if (i > 10) {
      const tail = t.slice(i + sep.length).trim();
      if (tail.length <= 30 || (site && tail === site)) return t.slice(0, i).trim();
    }
  }
  return t;
}

export interface HtmlArticle extends ArticleInput {
  /** why the page gave no article, when text is empty */
  problem?: string;
}

/** Deeper markup is no news page: parsers and Readability slow down badly (a 2,000-deep page took 95 s) or overflow. */
export const MAX_MARKUP_DEPTH = 400;
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** elements a parser closes by itself when the next one opens: an unclosed one does not nest */
const SELF_CLOSING = new Set(['p', 'li', 'td', 'th', 'tr', 'dd', 'dt', 'option', 'thead', 'tbody', 'tfoot', 'colgroup', 'rt', 'rp', 'optgroup']);

/** The deepest element nesting of a page, from its tags alone (no parsing). */
export function markupDepth(html: string): number {
  let depth = 0;
  let max = 0;
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(\/?)>/g)) {
    const name = m[2].toLowerCase();
    if (VOID.has(name) || SELF_CLOSING.has(name) || m[3]) continue;
    if (m[1]) depth = Math.max(0, depth - 1);
    else if (++depth > max) max = depth;
  }
  return max;
}

export function extractHtmlArticle(html: string, url?: string | null): HtmlArticle {
  const depth = markupDepth(html);
  if (depth > MAX_MARKUP_DEPTH) {
    return { title: null, text: '', url: url ?? null, problem: `markup nested ${depth} elements deep (at most ${MAX_MARKUP_DEPTH}): not read as a page` };
  }
  const { document } = parseHTML(html);
  const ld = jsonLd(document);
  const site = meta(document, 'og:site_name', 'application-name') ?? ld.publisher ?? null;
  const timeEl = document.querySelector('article time[datetime]') ?? document.querySelector('time[datetime]');
  const published =
    meta(document, 'article:published_time', 'datePublished', 'pubdate', 'publishdate', 'date', 'DC.date.issued', 'dc.date', 'og:published_time') ??
    ld.datePublished ??
    timeEl?.getAttribute('datetime') ??
    null;
  const author = meta(document, 'author', 'article:author', 'byl') ?? ld.author ?? null;
  // read as strings now: Readability moves these nodes' children away
  const articleH1 = document.querySelector('article h1')?.textContent?.trim() ?? '';
  // a lone <h1> outside <article> is often the site's logo: it comes after the page's declared titles
  const anyH1 = document.querySelector('h1')?.textContent?.trim() ?? '';
  const docTitle = document.querySelector('title')?.textContent ?? '';
  const ogTitle = meta(document, 'og:title', 'twitter:title') ?? ld.headline ?? null;
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta(document, 'og:url') ?? ld.url ?? null;

  let text = '';
  let rTitle: string | null = null;
  try {
    // Readability mutates the document: metadata was read above
    const r = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
    if (r?.content) {
      const { document: cd } = parseHTML(`<!doctype html><html><body>${r.content}</body></html>`);
      text = nodeToText(cd.body as never);
      rTitle = r.title ?? null;
    }
  } catch {
    /* fall through to the whole body */
  }
  if (!text) {
    const { document: again } = parseHTML(html);
    for (const sel of ['nav', 'header', 'footer', 'aside', 'script', 'style', 'form']) for (const el of again.querySelectorAll(sel)) el.remove();
    text = nodeToText((again.querySelector('article') ?? again.querySelector('main') ?? again.body) as never);
  }
  const title = tidy(
    (articleH1 || ogTitle || (rTitle ? stripSiteSuffix(rTitle, site) : '') || anyH1 || stripSiteSuffix(docTitle, site) || '').replace(/\s+/g, ' '),
  );
  // the heading is the title, not the first paragraph
  if (title && text.startsWith(title)) text = text.slice(title.length).replace(/^\s+/, '');
  const out: HtmlArticle = {
    title: title || null,
    text,
    url: canonical && /^https?:/i.test(canonical) ? canonical : url ?? canonical ?? null,
    source: site,
    author,
    published,
  };
  // a page whose only text is a menu or a caption is not an article
  if (text.replace(/\s+/g, '').length < MIN_ARTICLE_CHARS) out.problem = 'no article text found in the page';
  return out;
}
