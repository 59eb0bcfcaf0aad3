/**
 * What the analysis of a stored article is given: its text with line ends normalized, and its publication day.
 * One definition for every store and for callers that analyze ahead of the store (ingest's worker pool), so
 * a document analyzed elsewhere is the one the store would have made.
 */
import type { AnalysisRequest } from '../pipeline/pool.js';
import { toDay, toPublished } from '../search/dates.js';
import type { ArticleInput } from './types.js';

export function articleText(input: ArticleInput | null | undefined): string {
  return input && typeof input === 'object' && typeof input.text === 'string' ? input.text.replace(/\r\n?/g, '\n') : '';
}

/** The analysis request of an article, or null when it has no text to analyze (the store reports that). */
export function analysisRequestOf(input: ArticleInput): AnalysisRequest | null {
  const text = articleText(input);
  // no letter and no digit («😀», «!!!»): nothing to read, and every such text would hash alike as a duplicate
  if (!/[\p{L}\p{N}]/u.test(text)) return null;
  return { text, published: toDay(toPublished(input.published ?? null)) };
}
