// Thin fetch wrappers for the Marsad API; types come from the store contract (type-only imports).
import type {
  EntityDetail,
  EntityList,
  SearchResult,
  SimilarHit,
  StoredArticle,
  Timeline,
  TimelineItem,
} from '../../src/store/types.js';
import type { Amount, Entity, Role, TimeExpr, NewsEvent } from '../../src/doc.js';

export type { EntityDetail, EntityList, SearchResult, SimilarHit, Timeline, TimelineItem, Amount, Entity, Role, TimeExpr, NewsEvent };

/** An event as the API sends it: with `labelAr`, the act in Arabic (resources/events/cameo.tsv), beside type and code. */
export type ServedEvent = NewsEvent & { labelAr: string | null };

/** The analysis layers as the API sends them (docToJson). */
export interface DocJson {
  text: string;
  published: string | null;
  entities: Entity[];
  times: TimeExpr[];
  amounts: Amount[];
  roles: Role[];
  events: ServedEvent[];
}

export type ArticleJson = Omit<StoredArticle, 'doc'> & { doc: DocJson };

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

async function request<T>(url: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, headers: { Accept: 'application/json', ...(init?.headers ?? {}) } });
  } catch {
    // status 0: the page says so in Arabic; there is no reason from the server to add
    throw new ApiError('', 0);
  }
  const body = (await res.json().catch(() => null)) as (T & { message?: string }) | null;
  if (!res.ok || body === null) throw new ApiError(body?.message ?? `HTTP ${res.status}`, res.status);
  return body;
}

export const api = {
  search: (params: URLSearchParams) => request<SearchResult>(`/api/search?${params}`),
  article: (id: string) => request<ArticleJson>(`/api/articles/${encodeURIComponent(id)}`),
  similar: (id: string) => request<{ id: string; similar: SimilarHit[] }>(`/api/articles/${encodeURIComponent(id)}/similar?limit=8`),
  entity: (id: string) => request<EntityDetail>(`/api/entities/${encodeURIComponent(id)}`),
  /** the newest `limit` items from `offset` on (newest first) */
  timeline: (entity: string, offset = 0, limit = 40) =>
    request<Timeline>(`/api/timeline?entity=${encodeURIComponent(entity)}&order=desc&limit=${limit}&offset=${offset}`),
  entities: (params: URLSearchParams) => request<EntityList>(`/api/entities?${params}`),
  analyze: (text: string, published: string | null) =>
    request<DocJson>('/api/analyze', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text, published }),
    }),
};
