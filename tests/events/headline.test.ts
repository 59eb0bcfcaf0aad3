import { describe, expect, it } from 'vitest';
import { runLinkEvents } from './helpers.js';

/** status of the events of a headline and the article body under it (publication date 2021-08-14) */
const statuses = (annotated: string) => runLinkEvents(annotated).events.map((e) => `${e.type}:${e.status}`);

describe('a headline in the present tense', () => {
  it('tells what was done that day: a message, sanctions, an agreement, a pledge', () => {
    expect(statuses('[PER سامي يوسف] يوجه رسالة إلى [ORG الأمم المتحدة]\nوقال المتحدث إن الرسالة وصلت.')).toContain('DELIVER_MESSAGE:occurred');
    expect(statuses('[LOC واشنطن] تفرض عقوبات على [LOC كوريا الشمالية]\nوقالت الوزارة إن القرار نهائي.')).toContain('SANCTION:occurred');
    expect(statuses('[LOC الأردن] يوقع اتفاقية للطاقة مع [LOC مصر]\nوقال مسؤول إن الاتفاقية شاملة.')).toContain('AGREEMENT:occurred');
    expect(statuses('[ORG البنك المركزي] يتعهد بدعم الشركات الصغيرة\nوقال المحافظ إن الدعم سيبدأ قريبا.')).toContain('PLEDGE:occurred');
  });

  it('announces travel and meetings, which stay planned', () => {
    expect(statuses('[PER سامي يوسف] يزور [LOC الكويت]\nوقال مسؤول إن الزيارة مهمة.')).toContain('VISIT:planned');
  });

  it('takes what the body tells of the same act: done (a past verb), or planned on a date', () => {
    const done = runLinkEvents('[PER سامي يوسف] يزور [LOC الكويت]\nووصل الرئيس [PER سامي يوسف] إلى [LOC الكويت] {أمس|2021-08-13} في زيارة رسمية.').events;
    expect(done.map((e) => `${e.type}:${e.status}:${e.time}`)).toEqual(['VISIT:occurred:2021-08-13', 'VISIT:occurred:2021-08-13']);
    const later = runLinkEvents('[PER سامي يوسف] يزور [LOC الكويت]\nويصل الرئيس [PER سامي يوسف] إلى [LOC الكويت] {الأحد المقبل|2021-08-15} في زيارة رسمية.').events;
    expect(later.map((e) => `${e.type}:${e.status}:${e.time}`)).toEqual(['VISIT:planned:2021-08-15', 'VISIT:planned:2021-08-15']);
    // a verbal noun says nothing of whether it is done; another's visit is another act
    expect(statuses('[PER سامي يوسف] يزور [LOC الكويت]\nوتأتي زيارة [PER سامي يوسف] إلى [LOC الكويت] بعد قطيعة.')[0]).toBe('VISIT:planned');
    expect(statuses('[PER سامي يوسف] يزور [LOC الكويت]\nوزار [PER خالد عمر] [LOC الكويت] {أمس|2021-08-13}.')[0]).toBe('VISIT:planned');
    // an earlier act of the same kind, long before, is another one («سبق أن التقاه في مارس»)
    expect(statuses('[PER سامي يوسف] يلتقي [PER خالد عمر]\nوكان [PER سامي يوسف] قد التقى [PER خالد عمر] {في مارس|2021-03}.')[0]).toBe('MEET:planned');
  });

  it('is only the first line: the same verb in the body, or a first sentence that closes with a stop, is planned', () => {
    expect(statuses('قال مسؤول إن الأمور تسير.\n[LOC واشنطن] تفرض عقوبات على [LOC كوريا الشمالية]\nوقالت الوزارة إن القرار نهائي.')).toContain('SANCTION:planned');
    expect(statuses('[LOC واشنطن] تفرض عقوبات على [LOC كوريا الشمالية].\nوقالت الوزارة إن القرار نهائي.')).toContain('SANCTION:planned');
  });
});

describe('a call in the present tense', () => {
  it('is made now, in a headline or not', () => {
    expect(statuses('وقال البيان إن [ORG الأمم المتحدة] تدعو إلى وقف القتال في [LOC اليمن].')).toContain('APPEAL:occurred');
  });
});
