import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/resources.js';
import { analyze } from '../../src/pipeline/analyze.js';
import type { ArabicDoc, NewsEvent } from '../../src/doc.js';

/**
 * The canonical example, through the FULL pipeline (text → NER → times → amounts → link → events). It depends on
 * the NER finding the names, so each check is skipped (and says so) while the NER layer yields no entities.
 */
const SEED = join(PACKAGE_ROOT, '..', 'shared', 'seed', 'elaph-kadhimi-kuwait.txt');
const doc: ArabicDoc | null = existsSync(SEED) ? analyze(readFileSync(SEED, 'utf8'), { published: '2021-08-14' }) : null;
const noEntities = !doc || doc.entities.length === 0;

const has = (name: string | undefined | null, part: string) => !!name && name.includes(part);
const events = (type: string): NewsEvent[] => doc!.events.filter((e) => e.type === type);

describe.skipIf(!doc)('seed article through analyze()', () => {
  it.skipIf(noEntities)('planned VISIT of مصطفى الكاظمي to الكويت, next week, the first since taking office', () => {
    const visits = events('VISIT').filter((e) => has(e.actor?.name, 'الكاظمي') && has(e.target?.name, 'الكويت'));
    expect(visits.length).toBeGreaterThan(0);
    expect(visits.every((e) => e.status === 'planned' && e.cameo === '042')).toBe(true);
    expect(visits.some((e) => e.time !== null && e.time.startsWith('2021-'))).toBe(true);
    expect(visits.some((e) => e.attributes?.first === true)).toBe(true);
  });

  it.skipIf(noEntities)('MEET of المنهل الصافي with محمد جاسم الصقر, reported on Friday 2021-08-13', () => {
    const meet = events('MEET').find((e) => has(e.actor?.name, 'المنهل الصافي') && has(e.target?.name, 'الصقر'));
    expect(meet).toMatchObject({ status: 'reported', time: '2021-08-13' });
    expect(meet!.cameo.startsWith('04')).toBe(true);
  });

  it.skipIf(noEntities)('HOST_CONFERENCE by الكويت in 2018-02 with 76 countries', () => {
    const conf = events('HOST_CONFERENCE').find((e) => has(e.actor?.name, 'الكويت'));
    expect(conf).toMatchObject({ status: 'occurred', time: '2018-02', cameo: '043' });
    expect(conf!.amounts?.map((a) => a.value)).toContain(76);
  });

  it.skipIf(noEntities)('PLEDGE of 30 billion USD, 88 billion hoped', () => {
    const pledge = events('PLEDGE').find((e) => e.amounts?.some((a) => a.value === 30e9 && a.currency === 'USD'));
    expect(pledge).toBeDefined();
    expect(pledge!.cameo).toBe('0331');
    expect(pledge!.attributes?.hoped).toBe(88e9);
  });

  it.skipIf(noEntities)('ASSUME_OFFICE of الكاظمي in 2020-05', () => {
    expect(events('ASSUME_OFFICE').some((e) => has(e.actor?.name, 'الكاظمي') && e.time === '2020-05' && e.status === 'occurred')).toBe(true);
  });

  it.skipIf(noEntities)('RESUME_RELATIONS of Baghdad and Kuwait in 2003', () => {
    const r = events('RESUME_RELATIONS').find((e) => e.time === '2003');
    expect(r).toBeDefined();
    expect([r!.actor?.name, r!.target?.name].sort()).toEqual(['الكويت', 'بغداد']);
    expect(r!.cameo).toBe('054');
  });

  it.skipIf(noEntities)('the 2012 Khor Abdullah AGREEMENT between the two countries', () => {
    const a = events('AGREEMENT').find((e) => e.time === '2012');
    expect(a).toMatchObject({ cameo: '057', status: 'occurred' });
    expect(String(a!.attributes?.subject)).toContain('خور عبد الله');
    expect([a!.actor?.name, a!.target?.name].sort()).toEqual(['العراق', 'الكويت']);
  });

  it.skipIf(noEntities)('INVITE of the Emir on 2021-08-03 to the Baghdad summit on 2021-08-28', () => {
    const inv = events('INVITE').find((e) => has(e.actor?.name, 'العراق'));
    expect(inv).toMatchObject({ time: '2021-08-03', status: 'occurred' });
    expect(inv!.target?.name).toContain('الصباح');
    expect(inv!.attributes?.to_time).toBe('2021-08-28');
    expect(String(inv!.attributes?.to)).toContain('قمة بغداد');
  });

  it.skipIf(noEntities)('DELIVER_MESSAGE by خالد بتال to الصباح, from الكاظمي', () => {
    const m = events('DELIVER_MESSAGE')[0];
    expect(m?.actor?.name).toBe('خالد بتال');
    expect(m?.target?.name).toContain('الصباح');
    expect(String(m?.attributes?.from)).toContain('الكاظمي');
  });

  it.skipIf(noEntities)('the roles: Iraqi PM, ambassador, chamber head, Emir of Kuwait, planning minister', () => {
    const roles = doc!.roles.map((r) => `${r.person.name}|${r.title}|${r.of ?? ''}`);
    expect(roles).toContain('مصطفى الكاظمي|رئيس الوزراء|العراق');
    expect(roles.some((r) => r.startsWith('المنهل الصافي|سفير|'))).toBe(true);
    expect(roles.some((r) => r.startsWith('محمد جاسم الصقر|رئيس') && r.includes('الكويت'))).toBe(true);
    expect(roles).toContain('نواف الأحمد الصباح|أمير|الكويت');
    expect(roles).toContain('خالد بتال|وزير التخطيط|العراق');
  });

  it.skipIf(noEntities)('short forms link to the full names', () => {
    const canon = (text: string) => new Set(doc!.entities.filter((e) => e.text === text).map((e) => e.canonical));
    expect([...canon('الصباح')]).toEqual(['نواف الأحمد الصباح']);
    expect([...canon('الكاظمي')]).toEqual(['مصطفى الكاظمي']);
    expect([...canon('الخارجية')]).toEqual(['وزارة الخارجية العراقية']);
  });
});
