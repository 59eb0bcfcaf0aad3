/**
 * Ingestion: turns inputs (articles, files, folders, URLs, feeds, raw content) into stored articles.
 * `ingestArticles(store, inputs, options)` is what the CLI (`marsad ingest`) and the server (POST /api/ingest) call.
 */
import type { IngestInput, IngestOptions, IngestSummary, Store } from '../store/types.js';

export async function ingestArticles(store: Store, inputs: IngestInput[], options: IngestOptions = {}): Promise<IngestSummary> {
  const { runIngest } = await import('./run.js');
  return runIngest(store, inputs, options);
}
