import { describe, expect, it } from 'vitest';
import { emptyDoc, type ArabicDoc } from '../../src/doc.js';
import { textStage } from '../../src/text/index.js';
import { linkStage } from '../../src/link/index.js';
import { eventStage } from '../../src/events/index.js';
import { buildDoc, runLinkEvents } from './helpers.js';

const run = (doc: ArabicDoc) => eventStage(linkStage(doc));

describe('link and event stages on odd input', () => {
  it('handle empty and punctuation-only documents', () => {
    for (const text of ['', ' ', '...', '؟؟؟', '\n\n', '١٢٣']) {
      const doc = run(textStage(emptyDoc(text, '2021-08-14')));
      expect(doc.events).toEqual([]);
      expect(doc.roles).toEqual([]);
    }
  });

  it('tolerate entities with odd token ranges and overlaps', () => {
    const base = buildDoc('زار [PER أحمد علي] [LOC بغداد] أمس.');
    const doc: ArabicDoc = {
      ...base,
      entities: [
        ...base.entities,
        { start: 0, end: 3, text: 'زار', type: 'MISC', tokenStart: -1, tokenEnd: 0 },
        { start: 4, end: 12, text: 'أحمد علي', type: 'ORG', tokenStart: 1, tokenEnd: 99 },
      ],
    };
    expect(() => run(doc)).not.toThrow();
  });

  it('works without a publication date and without sentences', () => {
    expect(runLinkEvents('سيزور [PER خالد] [LOC عمان] {غدا|2021-08-15}.', null).events[0]).toMatchObject({ type: 'VISIT', status: 'planned' });
    const noSentences = { ...buildDoc('زار [PER خالد] [LOC عمان].'), sentences: [] };
    expect(run(noSentences).events).toEqual([]);
  });

  it('stays linear on a long run-on text', () => {
    const unit = 'وقال [PER سامي فريد] إن [LOC مصر] وقعت اتفاقا مع [LOC الأردن] ثم زار [LOC عمان] والتقى [PER علي حسن] ';
    const doc = runLinkEvents(unit.repeat(60));
    expect(doc.events.length).toBeGreaterThanOrEqual(60);
    for (const e of doc.events) {
      expect(e.end).toBeGreaterThan(e.start);
      expect(doc.text.slice(e.start, e.end)).toBe(e.text);
    }
  });

  it('keeps every span inside the original text', () => {
    const doc = runLinkEvents('وكان [LOC العراق] قد دعا {في الثالث من الشهر|2021-08-03} أمير [LOC دولة الكويت] الشيخ [PER الصباح] إلى حضور القمة.');
    for (const x of [...doc.roles, ...doc.events]) expect(doc.text.slice(x.start, x.end)).toBe(x.text);
  });
});
