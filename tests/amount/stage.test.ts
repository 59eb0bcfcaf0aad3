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

describe('the currency of a bare riyal or dinar', () => {
  it('comes from the countries of its own paragraph first, then from the whole article', async () => {
    const { extractAmounts } = await import('../../src/amount/extract.js');
    const text = [
      'أقرت الحكومة السعودية موازنة قدرها 1100 مليار ريال للعام المقبل.',
      'وفي طهران، هبط الريال إلى أدنى مستوياته، وقال مسؤول إيراني إن إيران تواجه الضغوط وإن إيران صامدة، وبلغ سعر الدولار 42 ألف ريال.',
      'وتعتزم الشركة طرح سندات بقيمة 5 مليارات ريال.',
    ].join('\n');
    expect(extractAmounts(text).map((a) => [a.value, a.currency])).toEqual([[1100e9, 'SAR'], [42000, 'IRR'], [5e9, 'IRR']]);
  });
});
