import type { Stage } from '../doc.js';
import { extractEvents } from './engine.js';

export { extractEvents, compareToPublished } from './engine.js';
export { eventLexicon } from './lexicon.js';

/** The events stage: CAMEO-coded events (VISIT, MEET, INVITE, PLEDGE, AGREEMENT, …) from trigger and frame data. */
export const eventStage: Stage = (doc) => ({ ...doc, events: extractEvents(doc) });
