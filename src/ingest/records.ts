/**
 * JSON Lines and JSON arrays: each object is an article, with the common field names mapped
 * (id, title, text|content|body, published|date|date_extracted|pubDate, url, source, …).
 */
import type { ArticleInput } from '../store/types.js';
import { htmlToText, looksLikeHtml } from './htmltext.js';

const FIELDS: Record<keyof Pick<ArticleInput, 'id' | 'title' | 'text' | 'published' | 'url' | 'source' | 'author' | 'category' | 'place'>, string[]> = {
  id: ['id', 'guid', '_id', 'article_id', 'doc_id', 'uuid'],
  title: ['title', 'headline', 'name'],
  text: ['text', 'content', 'body', 'article', 'full_text', 'fulltext', 'story', 'description', 'abstract', 'summary'],
  published: ['published', 'date', 'date_extracted', 'pubDate', 'pubdate', 'published_at', 'publishedAt', 'datePublished', 'date_published', 'time', 'timestamp', 'created_at'],
  url: ['url', 'link', 'href', 'permalink'],
  source: ['source', 'site', 'outlet', 'publisher', 'source_name', 'domain'],
  author: ['author', 'byline', 'creator'],
  category: ['category', 'section', 'topic'],
  place: ['place', 'location', 'dateline'],
};

function pick(o: Record<string, unknown>, names: string[]): unknown {
  for (const n of names) {
    const v = o[n];
    if (v !== undefined && v !== null && v !== '') return v;
  }
  // case-insensitive second pass
  const lower = new Map(Object.keys(o).map((k) => [k.toLowerCase(), k]));
  for (const n of names) {
    const k = lower.get(n.toLowerCase());
    if (k !== undefined && o[k] !== undefined && o[k] !== null && o[k] !== '') return o[k];
  }
  return undefined;
}

function str(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number') {
    return String(v);
  }
  if (Array.isArray(v)) return v.map(str).filter(Boolean).join('\n\n') || null;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return str(o.name ?? o.title ?? o.text ?? o.value ?? o['#text']) ?? null;
  }
  return String(v);
}

function dateStr(v: unknown): string | null {
  if (typeof v === 'number' && Number.isFinite(v)) {
    // epoch seconds or milliseconds
    const ms = v > 1e12 ? v : v * 1000;
    const d = new Date(ms);
    // beyond what a Date holds (1e20) the number is no timestamp: kept as written, and reported as no date
    return Number.isNaN(d.getTime()) ? String(v) : d.toISOString();
  }
  return str(v);
}

/** Keys under which APIs and dumps wrap their list of records («{"status":"ok","data":[…]}»), likeliest first. */
const WRAPPERS = ['articles', 'items', 'data', 'results', 'docs', 'documents', 'hits', 'entries', 'posts', 'news', 'records', 'rows', 'response'];

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * The records of a parsed JSON document: an array, or the array an object wraps (under a known key, or its only
 * array of objects, up to three levels down: «{"response":{"docs":[…]}}», «{"hits":{"hits":[…]}}»), else the object
 * itself as one record. A wrapper was one record with «empty text».
 */
export function recordsOf(data: unknown, depth = 0): unknown[] {
  if (Array.isArray(data)) return data;
  if (!isObject(data) || depth > 2 || pick(data, FIELDS.text) !== undefined) return [data];
  const lists = Object.entries(data).filter(([, v]) => Array.isArray(v) ? v.some(isObject) : isObject(v));
  const known = WRAPPERS.map((k) => lists.find(([name]) => name.toLowerCase() === k)).find(Boolean);
  const only = lists.length === 1 ? lists[0] : undefined;
  const inner = (known ?? only)?.[1];
  if (inner === undefined) return [data];
  const out = recordsOf(inner, depth + 1);
  // an object that leads to no list (a record's nested author or source) is the record itself
  return Array.isArray(inner) || out.length !== 1 || out[0] !== inner ? out : [data];
}

/** Maps one JSON object to an article (throws a one-line reason when it is not one). */
export function recordToArticle(o: unknown): ArticleInput {
  if (!o || typeof o !== 'object' || Array.isArray(o)) throw new Error('not a JSON object');
  // a search engine's hit keeps the record under _source
  const src = (o as Record<string, unknown>)._source;
  const r = isObject(src) ? { _id: (o as Record<string, unknown>)._id, ...src } : (o as Record<string, unknown>);
  let text = str(pick(r, FIELDS.text)) ?? '';
  if (looksLikeHtml(text)) text = htmlToText(text);
  let title = str(pick(r, FIELDS.title));
  if (title && looksLikeHtml(title)) title = htmlToText(title);
  return {
    id: str(pick(r, FIELDS.id)),
    title,
    text,
    published: dateStr(pick(r, FIELDS.published)),
    url: str(pick(r, FIELDS.url)),
    source: str(pick(r, FIELDS.source)),
    author: str(pick(r, FIELDS.author)),
    category: str(pick(r, FIELDS.category)),
    place: str(pick(r, FIELDS.place)),
  };
}

/** Is this text JSON (array/object) or JSON Lines? */
export function sniffJson(text: string): 'json' | 'jsonl' | null {
  const t = text.trimStart();
  if (t.startsWith('[')) return 'json';
  if (!t.startsWith('{')) return null;
  const nl = t.indexOf('\n');
  if (nl < 0) return 'json';
  // one object per line?
  const firstLine = t.slice(0, nl).trim();
  try {
    JSON.parse(firstLine);
    return 'jsonl';
  } catch {
    // a broken first line of JSON Lines must not make the whole file one bad JSON document: when the text is
    // no JSON document and its lines look like objects, it is JSON Lines (each bad line reported on its own)
    try {
      JSON.parse(t);
      return 'json';
    } catch {
      const lines = t.split('\n').map((l) => l.trim()).filter(Boolean);
      const objects = lines.filter((l) => l.startsWith('{') && l.endsWith('}')).length;
      return lines.length >= 2 && objects >= Math.max(2, lines.length / 2) ? 'jsonl' : 'json';
    }
  }
}
