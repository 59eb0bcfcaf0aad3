import type { Amount, Entity, Stage } from '../doc.js';
import { extractAmounts } from './extract.js';

export { extractAmounts, extractAmountsFromTokens } from './extract.js';
export { parseArabicNumber, parseDigits } from './numbers.js';

/**
 * Fills doc.amounts (money, percentages, counts, numbers, ordinals), leaving out numbers inside doc.times and
 * bare numbers and ordinals that belong to a name: a regnal number («عبد الله الثاني»), a model («إيه 380»), a
 * body («مجموعة العشرين»), an event («الحرب العالمية الثانية»). Money, percentages and counts stay.
 */
export const amountStage: Stage = (doc) => ({ ...doc, amounts: withoutNameParts(extractAmounts(doc.text, doc.times), doc.entities) });

function withoutNameParts(amounts: Amount[], entities: Entity[]): Amount[] {
  if (entities.length === 0) return amounts;
  return amounts.filter((a) => (a.kind !== 'ordinal' && a.kind !== 'number') || !entities.some((e) => a.start >= e.start && a.end <= e.end));
}
