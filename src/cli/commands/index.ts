import type { Command } from 'commander';
import { registerAnalyze } from './analyze.js';
import { registerEval } from './eval.js';
import { registerIngest } from './ingest.js';
import { registerSearch } from './search.js';
import { registerShow } from './show.js';
import { registerExport } from './export.js';
import { registerServe } from './serve.js';
import { registerEntities } from './entities.js';
import { registerEvents } from './events.js';

/** Every CLI command registers itself here; each lives in its own file. */
export const COMMANDS: Array<(program: Command) => void> = [
  registerAnalyze,
  registerIngest,
  registerSearch,
  registerShow,
  registerExport,
  registerEntities,
  registerEvents,
  registerServe,
  registerEval,
];
