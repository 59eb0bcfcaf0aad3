/** Marsad's library entry: the CLI, server and UI are clients of this same API. */
export * from './doc.js';
export { analyze, STAGES } from './pipeline/analyze.js';
