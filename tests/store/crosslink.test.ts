import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import Database from 'better-sqlite3';
import { MIGRATIONS } from '../../src/store/schema.js';
import { openStore, type Store } from '../../src/store/index.js';
import type { SqliteStore } from '../../src/store/sqlite.js';
import { canonicalKey } from '../../src/link/index.js';
import { textStage } from '../../src/text/index.js';
import { emptyDoc, type ArabicDoc, type Entity, type EntityType, type Role } from '../../src/doc.js';
import { readTsvRows } from '../support/tsv.js';

/**
 * Cross-article entity resolution: small articles with hand-built entity and role layers (so the cases do not
 * depend on the tagger) are ingested into a fresh store; the table says whether the two names end up as one
 * stored entity.
 */
interface Case {
  id: string;
  type: EntityType;
  a: string;
  b: string;
  expect: 'merge' | 'apart';
  ctxA: string;
  ctxB: string;
  line: number;
}

const cases: Case[] = readTsvRows(join(__dirname, 'crosslink.tsv'), 'id').map(({ cells, line }) => {
  const [id, type, a, b, expect, ctxA, ctxB] = cells;
  return { id, type: type as EntityType, a, b, expect: expect as Case['expect'], ctxA: ctxA ?? '-', ctxB: ctxB ?? '-', line };
});

interface Mention {
  name: string;
  type: EntityType;
  title?: string;
  of?: string | null;
}

/** The mentions of one article: the target name (with its role, if any), its role's country, co-mentioned names. */
function mentionsOf(name: string, type: EntityType, ctx: string): Mention[] {
  const target: Mention = { name, type };
  const others: Mention[] = [];
  if (ctx && ctx !== '-') {
    for (const part of ctx.split(';')) {
      const [k, v] = part.split('=');
      if (k === 'title') target.title = v;
      else if (k === 'country') {
        target.of = v;
        others.push({ name: v, type: 'LOC' });
      } else if (k === 'with') {
        for (const w of v.split(',')) {
          const m = /^(PER|ORG|LOC|MISC):(.+)$/.exec(w);
          others.push(m ? { name: m[2], type: m[1] as EntityType } : { name: w, type: 'LOC' });
        }
      } else throw new Error(`unknown context field ${k}`);
    }
  }
  if (target.title && target.of === undefined) target.of = null;
  return [target, ...others];
}

let serial = 0;

/** An article naming the mentions, with entity and role layers as the linking stage would give them. */
function articleDoc(mentions: Mention[], published = '2021-08-14'): ArabicDoc {
  // a serial number keeps two articles that differ only in spelling from being exact duplicates
  let text = `نشرة رقم ${++serial}: `;
  const entities: Entity[] = [];
  const roles: Role[] = [];
  for (const m of mentions) {
    text += m === mentions[0] ? 'قال ' : ' وجاء في البيان ذكر ';
    const roleStart = text.length;
    if (m.title) text += m.title + ' ';
    const start = text.length;
    text += m.name;
    const ref = { entity: canonicalKey(m.name, m.type), name: m.name, type: m.type };
    entities.push({ start, end: text.length, text: m.name, type: m.type, tokenStart: 0, tokenEnd: 0, entity: ref.entity, canonical: m.name });
    if (m.title) roles.push({ start: roleStart, end: text.length, text: text.slice(roleStart), title: m.title, of: m.of ?? null, person: ref });
    text += ' إن المحادثات كانت مفيدة.';
  }
  const doc = textStage(emptyDoc(text, published));
  return { ...doc, entities, roles };
}

async function ingest(store: Store, docs: ArabicDoc[], ids: string[]): Promise<void> {
  const r = await store.addArticles(docs.map((d, i) => ({ id: ids[i], text: d.text, title: ids[i], published: '2021-08-14' })), { docs });
  expect(r.added).toBe(docs.length);
}

async function entityOf(store: Store, name: string, type: EntityType): Promise<string | undefined> {
  return (await store.getEntity(canonicalKey(name, type)))?.id;
}

describe('cross-article entity resolution in the store', () => {
  it('has merge and apart cases', () => {
    expect(cases.filter((c) => c.expect === 'merge').length).toBeGreaterThanOrEqual(15);
    expect(cases.filter((c) => c.expect === 'apart').length).toBeGreaterThanOrEqual(15);
  });
  for (const c of cases) {
    it(`${c.id} (line ${c.line}): ${c.a} / ${c.b} → ${c.expect}`, async () => {
      for (const order of ['ab', 'ba']) {
        const store = await openStore(':memory:');
        try {
          const docA = articleDoc(mentionsOf(c.a, c.type, c.ctxA));
          const docB = articleDoc(mentionsOf(c.b, c.type, c.ctxB));
          if (order === 'ab') await ingest(store, [docA, docB], ['a', 'b']);
          else await ingest(store, [docB, docA], ['b', 'a']);
          const ea = await entityOf(store, c.a, c.type);
          const eb = await entityOf(store, c.b, c.type);
          expect(ea, `${order}: entity of ${c.a}`).toBeTruthy();
          expect(eb, `${order}: entity of ${c.b}`).toBeTruthy();
          expect({ order, merged: ea === eb ? 'merge' : 'apart' }).toEqual({ order, merged: c.expect });
        } finally {
          await store.close();
        }
      }
    });
  }

  it('names the merged entity by its fullest name and keeps every variant as an alias', async () => {
    const store = await openStore(':memory:');
    // the short form comes first; the full name arrives later with the same title
    const first = articleDoc([{ name: 'الكاظمي', type: 'PER', title: 'رئيس الوزراء', of: null }]);
    const said = first.roles[0];
    first.events = [{ type: 'STATEMENT', cameo: '010', actor: said.person, target: null, place: null, time: null, status: 'occurred', text: said.text, start: said.start, end: said.end, sentence: 0 }];
    await ingest(store, [first], ['s1']);
    await ingest(store, [articleDoc([{ name: 'مصطفى الكاظمي', type: 'PER', title: 'رئيس الوزراء', of: 'العراق' }, { name: 'العراق', type: 'LOC' }])], ['s2']);
    await ingest(store, [articleDoc([{ name: 'الكاظمى', type: 'PER', title: 'رئيس الوزراء', of: null }])], ['s3']);
    const e = (await store.getEntity('الكاظمي'))!;
    expect(e).toMatchObject({ id: canonicalKey('مصطفى الكاظمي', 'PER'), name: 'مصطفى الكاظمي', mentions: 3, articleCount: 3 });
    expect([...e.aliases].sort()).toEqual(['الكاظمى', 'الكاظمي', 'مصطفى الكاظمي'].sort());
    // the short form's own key still finds the entity, and so does a search filter
    expect((await store.getEntity(canonicalKey('الكاظمي', 'PER')))?.id).toBe(e.id);
    expect((await store.search({ q: '', entity: e.id })).total).toBe(3);
    const listed = (await store.listEntities({ type: 'PER' })).entities;
    expect(listed.filter((x) => x.aliases.includes('الكاظمي'))).toHaveLength(1);
    expect([...new Set((await store.getEntity(e.id))!.roles.map((r) => r.title))]).toEqual(['رئيس الوزراء']);
    // the article that named only the surname shows the merged entity
    const s1 = (await store.getArticle('s1'))!;
    expect(s1.doc.entities.map((x) => [x.text, x.entity, x.canonical])).toEqual([['الكاظمي', e.id, 'مصطفى الكاظمي']]);
    expect(s1.doc.roles[0].person).toMatchObject({ entity: e.id, name: 'مصطفى الكاظمي' });
    // and so do its events, listed or in a timeline, as on its page
    expect(s1.doc.events[0].actor).toMatchObject({ entity: e.id, name: 'مصطفى الكاظمي' });
    expect((await store.listEvents({ articleId: 's1' })).events[0].actor).toMatchObject({ entity: e.id, name: 'مصطفى الكاظمي' });
    await store.close();
  });

  it('decides the same whatever the batch boundaries', async () => {
    const docs = cases.flatMap((c) => [articleDoc(mentionsOf(c.a, c.type, c.ctxA)), articleDoc(mentionsOf(c.b, c.type, c.ctxB))]);
    const ids = docs.map((_, i) => `d${i}`);
    const partition = async (batch: number) => {
      const store = (await openStore(':memory:')) as SqliteStore;
      for (let i = 0; i < docs.length; i += batch) {
        await store.addArticles(docs.slice(i, i + batch).map((d, k) => ({ id: ids[i + k], text: d.text + ' ' + ids[i + k], title: ids[i + k] })), {
          docs: docs.slice(i, i + batch).map((d, k) => ({ ...d, text: d.text + ' ' + ids[i + k] })),
        });
      }
      const list = (await store.listEntities({ limit: 1000, sort: 'name' })).entities;
      await store.close();
      return list.map((e) => `${e.id} ${[...e.aliases].sort().join('|')}`).sort();
    };
    const one = await partition(1000);
    expect(await partition(1)).toEqual(one);
    expect(await partition(7)).toEqual(one);
  });

  it('files the entities of a database written before cross-article resolution (migration 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'marsad-mig-'));
    try {
      const file = join(dir, 'old.db');
      const old = new Database(file);
      old.exec(MIGRATIONS[0]);
      old.pragma('user_version = 1');
      old.prepare("INSERT INTO entities(id, type, canonical) VALUES(?, 'PER', ?)").run(canonicalKey('مصطفى الكاظمي', 'PER'), 'مصطفى الكاظمي');
      old.close();
      const store = await openStore(file);
      // a later article naming only the surname, with the role the old entity holds, joins it
      const raw = new Database(file);
      raw.pragma('foreign_keys = OFF'); // a role row without its article: only the entity's profile matters here
      raw.prepare("INSERT INTO roles(article, entity, title, of, start, end, text) VALUES(1, 1, 'رئيس الوزراء', 'العراق', 0, 1, 'x')").run();
      raw.close();
      await ingest(store, [articleDoc([{ name: 'الكاظمي', type: 'PER', title: 'رئيس الوزراء', of: 'العراق' }, { name: 'العراق', type: 'LOC' }])], ['late']);
      expect((await store.getEntity(canonicalKey('الكاظمي', 'PER')))?.id).toBe(canonicalKey('مصطفى الكاظمي', 'PER'));
      expect((await store.stats()).schemaVersion).toBe(MIGRATIONS.length);
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('binds the folded key of an entity stored under a key with Persian letters (migration 4)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'marsad-mig-'));
    try {
      const file = join(dir, 'old.db');
      const old = new Database(file);
      for (const m of MIGRATIONS.slice(0, 3)) old.exec(m);
      old.pragma('user_version = 3');
      // the key as the linker made it before it folded ی and ک
      old.prepare("INSERT INTO entities(id, type, canonical) VALUES(?, 'PER', ?)").run('PER:سامی کمال', 'سامی کمال');
      old.close();
      const store = await openStore(file);
      expect(canonicalKey('سامی کمال', 'PER')).toBe(canonicalKey('سامي كمال', 'PER'));
      await ingest(store, [articleDoc([{ name: 'سامي كمال', type: 'PER' }])], ['new']);
      // the stored entity takes the folded key; the old one still finds it, and the Arabic spelling's mentions join it
      const key = canonicalKey('سامي كمال', 'PER');
      expect((await store.getEntity('PER:سامی کمال'))?.id).toBe(key);
      expect((await store.getEntity(key))?.id).toBe(key);
      expect((await store.getEntity(key))?.articles.map((a) => a.id)).toEqual(['new']);
      expect((await store.stats()).schemaVersion).toBe(MIGRATIONS.length);
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("binds a one-word club's new key to an entity stored under the old one when its name has the article (migration 3)", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'marsad-mig-'));
    try {
      const file = join(dir, 'old.db');
      const old = new Database(file);
      old.exec(MIGRATIONS[0]);
      old.exec(MIGRATIONS[1]);
      old.pragma('user_version = 2');
      // keys as the linker made them before: without the article
      const add = old.prepare("INSERT INTO entities(id, type, canonical) VALUES(?, 'ORG', ?)");
      add.run('ORG:جزيره', 'الجزيرة');
      add.run('ORG:فتح', 'فتح');
      old.close();
      const store = await openStore(file);
      await ingest(store, [articleDoc([{ name: 'الجزيرة', type: 'ORG' }, { name: 'الفتح', type: 'ORG' }])], ['new']);
      // the channel's new mentions join the stored entity; the club «الفتح» is not the movement «فتح»
      expect(canonicalKey('الجزيرة', 'ORG')).toBe('ORG:الجزيره');
      expect((await store.getEntity('ORG:الجزيره'))?.id).toBe('ORG:جزيره');
      expect((await store.getEntity('ORG:الفتح'))?.id).toBe('ORG:الفتح');
      expect((await store.stats()).schemaVersion).toBe(MIGRATIONS.length);
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives an entity stored under a key that cut «الله» to «له» the key that keeps it (migration 6)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'marsad-mig-'));
    try {
      const file = join(dir, 'old.db');
      const old = new Database(file);
      for (const m of MIGRATIONS.slice(0, 5)) old.exec(m);
      old.pragma('user_version = 5');
      old.prepare("INSERT INTO entities(id, type, canonical) VALUES(?, 'ORG', ?)").run('ORG:جند له', 'جند الله');
      // a key with له inside a word is no «الله»
      old.prepare("INSERT INTO entities(id, type, canonical) VALUES(?, 'ORG', ?)").run('ORG:كتله وطنيه', 'الكتلة الوطنية');
      old.close();
      const store = await openStore(file);
      const key = canonicalKey('جند الله', 'ORG');
      expect(key).toBe('ORG:جند الله');
      await ingest(store, [articleDoc([{ name: 'جند الله', type: 'ORG' }])], ['new']);
      // one entity under the new key; the old key still finds it
      expect((await store.getEntity('ORG:جند له'))?.id).toBe(key);
      expect((await store.getEntity(key))?.articles.map((a) => a.id)).toEqual(['new']);
      expect((await store.listEntities({ type: 'ORG' })).entities.map((e) => e.id).sort()).toEqual([key, 'ORG:كتله وطنيه'].sort());
      expect((await store.stats()).schemaVersion).toBe(MIGRATIONS.length);
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
