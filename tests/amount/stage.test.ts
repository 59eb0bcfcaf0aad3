import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/pipeline/analyze.js';

// The amount stage runs after NER: an ordinal inside a person's name is a regnal number, not a quantity.
describe('amount stage in the pipeline', () => {
  it('drops a regnal ordinal inside a PER name but keeps ordinals elsewhere', () => {
    const doc = analyze('استقبل الملك عبد الله الثاني الوفد للمرة الثانية هذا العام.');
    expect(doc.entities.some((e) => e.type === 'PER' && e.text.includes('الثاني'))).toBe(true);
    expect(doc.amounts.map((a) => [a.text, a.kind, a.value])).toEqual([['الثانية', 'ordinal', 2]]);
  });
});
