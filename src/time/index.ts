import type { Stage } from '../doc.js';
import { extractTimes } from './extract.js';

export { extractTimes, extractTimesFromTokens } from './extract.js';
export { parseArabicNumber } from '../amount/numbers.js';

/** Fills doc.times: dates, clock times, durations and sets, resolved against doc.published. */
export const timeStage: Stage = (doc) => ({ ...doc, times: extractTimes(doc.text, doc.published) });
