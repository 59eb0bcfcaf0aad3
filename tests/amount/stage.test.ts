import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/pipeline/analyze.js';

// The amount stage runs after NER: an ordinal inside a person's name is a regnal number, not a quantity.
describe('amount stage in the pipeline', () => {
  it('drops a regnal ordinal inside a PER name but keeps ordinals elsewhere', () => {
    const doc = analyze('استقبل الملك عبد الله الثاني الوفد للمرة الثانية هذا العام.');
    expect(doc.entities.some((e) => e.type === 'PER' && e.text.includes('الثاني'))).toBe(true);
    expect(doc.amounts.map((a) => [a.text, a.kind, a.value])).toEqual([['الثانية', 'ordinal', 2]]);
  });

  it('drops a bare number inside a product or body name, keeps counts and money', () => {
    const doc = analyze('اشترت الشركة 20 طائرة من طراز "إيه 380" بقيمة 16 مليار دولار خلال قمة مجموعة العشرين.');
    const names = doc.entities.map((e) => e.text);
    expect(names.some((n) => n.includes('380'))).toBe(true);
    expect(doc.amounts.map((a) => a.text)).toEqual(['20 طائرة', '16 مليار دولار']);
  });
});
