import { describe, expect, it } from 'vitest';
import { compareToPublished, eventLexicon } from '../../src/events/index.js';
import { eventLabelAr } from '../../src/events/lexicon.js';

describe('event data tables', () => {
  const lex = eventLexicon();

  it('pins the CAMEO code of every event type', () => {
    const code = (type: string, variant = 'default') => lex.cameo.get(`${type}:${variant}`);
    expect(code('VISIT')).toBe('042');
    expect(code('HOST_VISIT')).toBe('043');
    expect(code('MEET')).toBe('040');
    expect(code('MEET', 'phone')).toBe('041');
    expect(code('MEET', 'third')).toBe('044');
    expect(code('MEET', 'mediate')).toBe('045');
    expect(code('MEET', 'negotiate')).toBe('046');
    expect(code('INVITE')).toBe('026');
    expect(code('INVITE', 'accept')).toBe('036');
    expect(code('HOST_CONFERENCE')).toBe('043');
    expect(code('PLEDGE')).toBe('033');
    expect(code('PLEDGE', 'money')).toBe('0331');
    expect(code('AGREEMENT')).toBe('057');
    expect(code('RESUME_RELATIONS')).toBe('054');
    expect(code('BREAK_RELATIONS')).toBe('161');
    expect(code('DELIVER_MESSAGE')).toBe('040');
    expect(code('STATEMENT')).toBe('010');
    expect(code('APPEAL')).toBe('020');
    expect(code('APPOINT')).toBe('');
    expect(code('ASSUME_OFFICE')).toBe('');
  });

  it('every CAMEO row has an Arabic label; variants of a type that share a code share it', () => {
    expect(lex.labelAr.size).toBe(lex.cameo.size);
    const byCode = new Map<string, string>();
    for (const [key, label] of lex.labelAr) {
      // Arabic words and spaces only: no Latin, digits or stray punctuation
      expect(label, key).toMatch(/^[\u0621-\u064A]+(?: [\u0621-\u064A]+)*$/);
      const code = `${key.split(':')[0]}:${lex.cameo.get(key)}`;
      // an event keeps its type and code, not its variant: one label per code is all the API can show
      expect(byCode.get(code) ?? label, `${key} shares ${code}`).toBe(label);
      byCode.set(code, label);
    }
  });

  it('names an event by its type and CAMEO code', () => {
    expect(eventLabelAr('VISIT', '042')).toBe('زيارة');
    expect(eventLabelAr('MEET', '041')).toBe('اتصال هاتفي');
    expect(eventLabelAr('ATTACK', '183')).toBe('تفجير');
    expect(eventLabelAr('APPOINT', '')).toBe('تعيين');
    // a code the type's rows do not give (an older store) falls back to the type's default row
    expect(eventLabelAr('PLEDGE', '0399')).toBe('تعهد');
    expect(eventLabelAr('NO_SUCH_TYPE', '042')).toBeNull();
  });

  it('every trigger names a type with a CAMEO row and a frame, and a known needs rule', () => {
    for (const rows of lex.triggers.values()) {
      for (const t of rows) {
        expect(lex.cameo.has(`${t.type}:${t.variant}`), `${t.form} ${t.type}:${t.variant}`).toBe(true);
        expect(lex.frames.has(t.type), t.type).toBe(true);
        expect(['past', 'pres', 'noun', 'pass']).toContain(t.pos);
        if (t.needs === '-') continue;
        // each part of A&B, negated or not, is a built-in rule, a word class or an Arabic word
        for (const part of t.needs.split('&')) {
          expect(part, `${t.form}: ${t.needs}`).toMatch(/^!?(?:<?>|%)[^:]+(?::\d+)?$/);
          const cls = part.replace(/^!?(?:<?>|%)/, '').split(':')[0];
          if (['to', 'with', 'per', 'amount', 'money'].includes(cls)) continue;
          expect(lex.classes.has(cls) || /^[\u0600-\u06FF]+$/.test(cls), `${t.form}: class ${cls}`).toBe(true);
        }
      }
    }
  });

  it('compares a time value with the publication date', () => {
    expect(compareToPublished('2021-08-13', '2021-08-14')).toBe(-1);
    expect(compareToPublished('2021-08-28', '2021-08-14')).toBe(1);
    expect(compareToPublished('2021-08', '2021-08-14')).toBe(0);
    expect(compareToPublished('2021-W33', '2021-08-14')).toBe(1);
    expect(compareToPublished('2021-W32', '2021-08-14')).toBe(0);
    expect(compareToPublished('2020-05', '2021-08-14')).toBe(-1);
    expect(compareToPublished('2003', '2021-08-14')).toBe(-1);
    expect(compareToPublished('P3D', '2021-08-14')).toBe(0);
    expect(compareToPublished('2022', null)).toBe(0);
  });
});
