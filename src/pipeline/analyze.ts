import { emptyDoc, type AnalyzeOptions, type ArabicDoc, type Stage } from '../doc.js';
import { textStage } from '../text/index.js';
import { nerStage } from '../ner/index.js';
import { timeStage } from '../time/index.js';
import { amountStage } from '../amount/index.js';
import { linkStage } from '../link/index.js';
import { eventStage } from '../events/index.js';

/** The stages in order; each reads the layers before it and adds its own. */
export const STAGES: ReadonlyArray<[name: string, stage: Stage]> = [
  ['text', textStage], // tokens + sentences
  ['entities', nerStage],
  ['times', timeStage],
  ['amounts', amountStage],
  ['link', linkStage], // canonical entities + roles
  ['events', eventStage],
];

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

export function analyze(text: string, options: AnalyzeOptions = {}): ArabicDoc {
  const published = options.published ?? null;
  if (published !== null && !isValidDate(published)) {
    throw new RangeError(`published date "${published}" is not a valid YYYY-MM-DD date`);
  }
  let doc = emptyDoc(text, published);
  for (const [, stage] of STAGES) doc = stage(doc);
  return doc;
}

export function isValidDate(s: string): boolean {
  if (!DATE_RE.test(s)) return false;
  const d = new Date(s + 'T00:00:00Z');
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
