/**
 * Marsad's library entry: the CLI, server and UI are clients of this same API.
 *
 * Layered like the code: the document model and `analyze` first; then each analysis stage for callers that
 * want one layer alone; then the store (`openStore`) and ingestion (`ingestArticles`). Heavy parts (the NER
 * model, SQLite, readability) load lazily on first use, so importing `analyze` alone stays cheap.
 */
export * from './doc.js';
export { analyze, STAGES, isValidDate } from './pipeline/analyze.js';

// the Arabic text layer: normalization with offset maps, tokens, sentences, clitics, stems
export * from './text/index.js';
// single stages, usable alone
export { tagWords, tagSentences, evaluate, parseConll } from './ner/index.js';
export { extractTimes } from './time/index.js';
export { extractAmounts, parseArabicNumber } from './amount/index.js';
export { canonicalKey, canonicalName, linkMentions } from './link/index.js';
export { extractEvents } from './events/index.js';

// storage, search and ingestion
export { openStore, openExistingStore, defaultDbPath, DEFAULT_DB_PATH } from './store/index.js';
export type * from './store/types.js';
export { ingestArticles } from './ingest/index.js';
