import type { Stage } from '../doc.js';
import { extractAmounts } from './extract.js';

export { extractAmounts, extractAmountsFromTokens } from './extract.js';
export { parseArabicNumber, parseDigits } from './numbers.js';

/** Fills doc.amounts (money, percentages, counts, numbers, ordinals), leaving out numbers inside doc.times. */
export const amountStage: Stage = (doc) => ({ ...doc, amounts: extractAmounts(doc.text, doc.times) });
