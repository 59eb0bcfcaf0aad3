/**
 * Cross-article entity resolution at ingest: which stored entity a mention's canonical key belongs to.
 *
 * The linking stage gives every mention a key (`PER:مصطفي كاظمي`) that is stable for one spelling family, but
 * an article that names only "الكاظمي" gets another key than one naming "مصطفى الكاظمي". An entity's own key
 * is its `entities.id`; every other key bound to it is kept in `entity_keys` (key → entity), and entities are
 * filed under src/link's blockingKeys in `entity_blocks` (people under their surname only). A key seen for the
 * first time is compared with the entities in its blocks through mergeDecision (same surname + compatible given
 * names, supported by a shared title, a shared country and co-mention, or two co-mentions — people and
 * organizations only — and not contradicted); it joins the best one that merges, else becomes a new entity.
 * Organizations and places join under a different name only on a shared title (spelling variants share a key
 * already). Once decided, a key always maps to the same entity: later articles never pay for the comparison.
 *
 * Only the order of articles matters (never batch boundaries): every lookup reads the same transaction's rows,
 * and ties are broken by score and then by the oldest entity, never by counters flushed at the end of a batch.
 */
import type Database from 'better-sqlite3';
import type { ArabicDoc, EntityType } from '../doc.js';
import { blockingKeys, canonicalKey, entityProfiles, mergeDecision, type EntityProfile } from '../link/index.js';
import { linkLexicon } from '../link/lexicon.js';

/**
 * Entities looked at per block, oldest first: a surname's block is short, but an organization's word block
 * (وزارة، هيئة) can hold thousands, and a partial organization name needs context support anyway.
 */
const BLOCK_CAP: Record<string, number> = { PER: 200, ORG: 40, LOC: 40, MISC: 40 };
/** co-mentions checked per candidate */
const COMENTION_CAP = 24;

/** Better reasons first: a same name beats a shared title beats circumstantial co-mentions. */
function reasonRank(reason: string): number {
  if (reason.startsWith('same')) return 4;
  if (reason.includes('title')) return 3;
  if (reason.includes('country')) return 2;
  return 1;
}

function keyWords(key: string): string[] {
  return key.slice(key.indexOf(':') + 1).split(' ').filter(Boolean);
}

function stripAl(w: string): string {
  return w.length > 3 && w.startsWith('ال') ? w.slice(2) : w;
}

/** What one article says about its entities, for the keys it has not been seen before. */
export class ArticleEntityContext {
  private profiles: Map<string, EntityProfile> | null = null;
  /** store rowids of the article's entities resolved so far (co-mentions, compared by identity) */
  readonly rowids = new Map<string, number>();
  /** keys already looked up and not found (saves a second lookup) */
  readonly unknown = new Set<string>();
  constructor(readonly doc: ArabicDoc) {}

  profile(key: string, type: EntityType, name: string): EntityProfile {
    this.profiles ??= entityProfiles(this.doc);
    const p = this.profiles.get(key);
    // co-mentions count only people and organizations: places (العراق، مصر) are named beside everyone
    const co: string[] = [];
    for (const [k, rid] of this.rowids) if (k !== key && (k.startsWith('PER:') || k.startsWith('ORG:'))) co.push('#' + rid);
    return { name, type, titles: p?.titles ?? [], countries: p?.countries ?? [], coMentions: co };
  }
}

export interface EntityLinkStats {
  /** keys met for the first time */
  newKeys: number;
  /** of which joined an existing entity */
  merged: number;
  /** candidate entities compared */
  compared: number;
}

export class EntityResolver {
  readonly stats: EntityLinkStats = { newKeys: 0, merged: 0, compared: 0 };
  private readonly byId: Database.Statement;
  private readonly byKey: Database.Statement;
  private readonly insKey: Database.Statement;
  private readonly insBlock: Database.Statement;
  private readonly blockRows: Database.Statement;
  private readonly rolesOf: Database.Statement;
  private readonly coOccur: Database.Statement;
  private readonly insEntity: Database.Statement;
  private readonly rename: Database.Statement;

  constructor(db: Database.Database) {
    this.byId = db.prepare('SELECT rowid FROM entities WHERE id = ?').pluck();
    this.byKey = db.prepare('SELECT entity FROM entity_keys WHERE key = ?').pluck();
    this.insKey = db.prepare('INSERT OR IGNORE INTO entity_keys(key, entity) VALUES(?, ?)');
    this.insBlock = db.prepare('INSERT OR IGNORE INTO entity_blocks(block, entity) VALUES(?, ?)');
    this.blockRows = db.prepare(
      `SELECT b.entity AS rowid, e.id, e.type, coalesce(e.canonical, substr(e.id, instr(e.id, ':') + 1)) AS name
       FROM entity_blocks b JOIN entities e ON e.rowid = b.entity WHERE b.block = ? ORDER BY b.entity LIMIT ?`,
    );
    this.rolesOf = db.prepare('SELECT DISTINCT title, of FROM roles WHERE entity = ? LIMIT 40');
    // does the candidate share an article with this entity? (walks the candidate's articles, stops at the first)
    this.coOccur = db.prepare(
      `SELECT 1 FROM article_entities a1 WHERE a1.entity = ?
         AND EXISTS (SELECT 1 FROM article_entities a2 WHERE a2.article = a1.article AND a2.entity = ?) LIMIT 1`,
    ).pluck();
    this.insEntity = db.prepare('INSERT INTO entities(id, type, canonical) VALUES(?, ?, ?) RETURNING rowid');
    this.rename = db.prepare('UPDATE entities SET id = ?, canonical = ? WHERE rowid = ?');
  }

  /** The entity a key is already bound to, if any. */
  known(key: string): number | undefined {
    return (this.byId.get(key) as number | undefined) ?? (this.byKey.get(key) as number | undefined);
  }

  /**
   * Binds a key seen for the first time: to the existing entity the merge decision picks, else to a new entity.
   * Returns the entity rowid and whether a new entity was created.
   */
  bind(key: string, type: EntityType, name: string | null | undefined, ctx: ArticleEntityContext | null): { rowid: number; created: boolean } {
    this.stats.newKeys++;
    const display = (name && name.trim()) || key.slice(key.indexOf(':') + 1);
    const blocks = this.blocksOf(display, type, key);
    const hit = ctx ? this.bestCandidate(key, type, display, blocks, ctx) : null;
    if (hit !== null) {
      this.stats.merged++;
      for (const b of blocks) this.insBlock.run(b, hit.rowid);
      // an entity first seen as a bare surname takes the full name that joins it on strong evidence (a shared
      // title); never a longer span on weaker grounds, which is as often a tagger's over-long span
      if (keyWords(hit.id).length === 1 && keyWords(key).length > 1 && hit.rank >= 3) {
        this.rename.run(key, name ?? hit.name, hit.rowid);
        this.insKey.run(hit.id, hit.rowid);
      } else this.insKey.run(key, hit.rowid);
      return { rowid: hit.rowid, created: false };
    }
    const rowid = (this.insEntity.get(key, type, name ?? null) as { rowid: number }).rowid;
    for (const b of blocks) this.insBlock.run(b, rowid);
    return { rowid, created: true };
  }

  private blocksOf(name: string, type: EntityType, key: string): string[] {
    try {
      return storedBlocks(name, type);
    } catch {
      // linker data unavailable: block on the key's last word
      const w = keyWords(key);
      return w.length ? [`${type}~${stripAl(w[w.length - 1])}`] : [];
    }
  }

  private bestCandidate(
    key: string, type: EntityType, name: string, blocks: string[], ctx: ArticleEntityContext,
  ): { rowid: number; id: string; name: string; rank: number } | null {
    // people are filed under their surname only (storedBlocks), and a candidate must end in the same surname:
    // a lone given name (محمد) is no evidence of anyone
    const words = keyWords(key).map(stripAl);
    const seen = new Set<number>();
    let mine: EntityProfile | null = null;
    let best: { rowid: number; id: string; name: string; rank: number } | null = null;
    for (const block of blocks) {
      for (const c of this.blockRows.iterate(block, BLOCK_CAP[type] ?? 40) as Iterable<{ rowid: number; id: string; type: string; name: string }>) {
        if (seen.has(c.rowid) || c.type !== type) continue;
        seen.add(c.rowid);
        // names first, on the stored key's words (cheap): only compatible names need their context loaded
        const cw = keyWords(c.id).map(stripAl);
        if (type === 'PER' && cw[cw.length - 1] !== words[words.length - 1]) continue;
        if (!mayBeOneName(words, cw, type !== 'PER')) continue;
        const byName = mergeDecision({ name, type }, { name: c.name, type });
        if (!byName.merge && (byName.reason === 'names differ' || byName.reason === 'different types')) continue;
        this.stats.compared++;
        mine ??= ctx.profile(key, type, name);
        const decision = mergeDecision(mine, this.profileOf(c.rowid, c.name, type, mine));
        if (!decision.merge) continue;
        const rank = reasonRank(decision.reason);
        // an organization or place joins another under a different name only on a shared title: two names
        // where one contains the other are usually two bodies (الأمم المتحدة، وكالة الأمم المتحدة)
        if (type !== 'PER' && rank < 3) continue;
        // several may merge (a bare surname shared by two office holders): the strongest reason wins, then the oldest
        if (!best || rank > best.rank) best = { rowid: c.rowid, id: c.id, name: c.name, rank };
      }
    }
    return best;
  }

  /** A stored entity's profile: its roles' titles and countries, and which of `mine`'s co-mentions it shares an article with. */
  private profileOf(rowid: number, name: string, type: EntityType, mine: EntityProfile): EntityProfile {
    const titles: string[] = [];
    const countries: string[] = [];
    for (const r of this.rolesOf.iterate(rowid) as Iterable<{ title: string; of: string | null }>) {
      if (!titles.includes(r.title)) titles.push(r.title);
      if (r.of && !countries.includes(r.of)) countries.push(r.of);
    }
    const coMentions: string[] = [];
    for (const c of (mine.coMentions ?? []).slice(0, COMENTION_CAP)) {
      const other = Number(c.slice(1));
      if (other !== rowid && this.coOccur.get(rowid, other)) coMentions.push(c);
      if (coMentions.length >= 2) break;
    }
    return { name, type, titles, countries, coMentions };
  }
}

/**
 * A necessary condition for mergeDecision to see two names as compatible (its full check runs after): the
 * shorter word list is the head or tail of the longer one, or (organizations) a subsequence of it.
 */
function mayBeOneName(a: string[], b: string[], subsequence: boolean): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const off = long.length - short.length;
  let tail = true;
  let head = true;
  for (let i = 0; i < short.length && (tail || head); i++) {
    if (short[i] !== long[off + i]) tail = false;
    if (short[i] !== long[i]) head = false;
  }
  if (tail || head) return true;
  if (!subsequence) return false;
  let j = 0;
  for (const w of long) if (j < short.length && w === short[j]) j++;
  return j === short.length;
}

/**
 * The blocks an entity is filed under: src/link's blockingKeys, but a person only under the surname (the
 * last word) — a lone given name is never evidence, so nobody looks a person up by it.
 */
function storedBlocks(name: string, type: EntityType): string[] {
  const blocks = blockingKeys(name, type);
  if (type !== 'PER' || blocks.length < 2) return blocks;
  const words = keyWords(canonicalKey(name, type)).map(stripAl);
  const surname = `PER~${words[words.length - 1]}`;
  return blocks.includes(surname) ? [surname] : blocks.slice(0, 1);
}

/** Fills entity_blocks for a database written before it existed (migration 2). */
export function backfillEntityKeys(db: Database.Database): void {
  const insBlock = db.prepare('INSERT OR IGNORE INTO entity_blocks(block, entity) VALUES(?, ?)');
  const rows = db.prepare(`SELECT rowid, id, type, coalesce(canonical, substr(id, instr(id, ':') + 1)) AS name FROM entities`).all() as Array<{ rowid: number; id: string; type: EntityType; name: string }>;
  for (const r of rows) {
    let blocks: string[] = [];
    try {
      blocks = storedBlocks(r.name, r.type);
    } catch {
      blocks = [];
    }
    for (const b of blocks) insBlock.run(b, r.rowid);
  }
}

/**
 * Migration 4: linking keys fold Persian ی ک ھ since then. An entity stored under a key written with them takes the
 * key the linker makes now (its old key stays bound to it, as when an entity is renamed) and the blocks of its folded
 * name, so new mentions in either spelling, or its surname alone, find it; unless another entity holds that key, when
 * the old one only gains the blocks. Other keys bound with those letters get their folded form bound too.
 */
export function bindFoldedKeys(db: Database.Database): void {
  rekeyEntities(db, '*[یکھ]*');
}

/**
 * Migration 6: «الله» keeps its article in keys since then (PER:حسن نصر الله, not PER:حسن نصر له); an entity stored
 * under the old key takes the new one (the old stays bound to it), and a shorter key bound to it gains its new form.
 */
export function bindAllahKeys(db: Database.Database): void {
  // a key word «له» can only be «الله» with its article cut (keys strip ال only from words longer than three letters)
  const restore = (key: string) => key.replace(/([: ])له(?= |$)/g, '$1الله');
  const taken = db.prepare('SELECT 1 FROM entities WHERE id = ? UNION ALL SELECT 1 FROM entity_keys WHERE key = ?');
  const rename = db.prepare('UPDATE entities SET id = ? WHERE rowid = ?');
  const bind = db.prepare('INSERT OR IGNORE INTO entity_keys(key, entity) VALUES(?, ?)');
  for (const row of db.prepare("SELECT rowid, id FROM entities WHERE id GLOB '*له*'").all() as Array<{ rowid: number; id: string }>) {
    const key = restore(row.id);
    if (key === row.id || taken.get(key, key)) continue;
    rename.run(key, row.rowid);
    bind.run(row.id, row.rowid);
  }
  for (const k of db.prepare("SELECT key, entity FROM entity_keys WHERE key GLOB '*له*'").all() as Array<{ key: string; entity: number }>) {
    const key = restore(k.key);
    if (key !== k.key && !taken.get(key, key)) bind.run(key, k.entity);
  }
}

/**
 * Entities whose key matches the glob take the key the linker makes of their name now (the old one stays bound to
 * them, as when an entity is renamed) and the blocks of that name, unless another entity holds the key; other keys
 * bound with the glob get their new form bound too.
 */
function rekeyEntities(db: Database.Database, glob: string): void {
  const rows = db.prepare('SELECT rowid, id, type, canonical FROM entities WHERE id GLOB ?').all(glob) as Array<{ rowid: number; id: string; type: EntityType; canonical: string | null }>;
  const taken = db.prepare('SELECT 1 FROM entities WHERE id = ? UNION ALL SELECT 1 FROM entity_keys WHERE key = ?');
  const rename = db.prepare('UPDATE entities SET id = ? WHERE rowid = ?');
  const bind = db.prepare('INSERT OR IGNORE INTO entity_keys(key, entity) VALUES(?, ?)');
  const insBlock = db.prepare('INSERT OR IGNORE INTO entity_blocks(block, entity) VALUES(?, ?)');
  for (const row of rows) {
    const name = row.canonical ?? row.id.slice(row.id.indexOf(':') + 1);
    const key = canonicalKey(name, row.type);
    if (key !== row.id && !taken.get(key, key)) {
      rename.run(key, row.rowid);
      bind.run(row.id, row.rowid);
    }
    let blocks: string[] = [];
    try {
      blocks = storedBlocks(name, row.type);
    } catch {
      blocks = [];
    }
    for (const b of blocks) insBlock.run(b, row.rowid);
  }
  const keys = db.prepare('SELECT key, entity FROM entity_keys WHERE key GLOB ?').all(glob) as Array<{ key: string; entity: number }>;
  for (const k of keys) {
    const type = k.key.slice(0, k.key.indexOf(':')) as EntityType;
    const folded = canonicalKey(k.key.slice(k.key.indexOf(':') + 1), type);
    if (folded !== k.key && !taken.get(folded, folded)) bind.run(folded, k.entity);
  }
}

/**
 * Migration 3: a one-word club's key keeps its article since then (src/link: the club «الفتح» is not the movement
 * «فتح»). An entity stored under the article-less key whose name is written with the article (the channel
 * «الجزيرة», ORG:جزيره) is bound the new key too (ORG:الجزيره), so that new mentions join it instead of starting a
 * second entity; one named without it («فتح») is not, and the club's new mentions start their own entity, as in a
 * database built today.
 */
export function bindClubKeys(db: Database.Database): void {
  const get = db.prepare('SELECT rowid, canonical FROM entities WHERE id = ?');
  const taken = db.prepare('SELECT 1 FROM entities WHERE id = ? UNION ALL SELECT 1 FROM entity_keys WHERE key = ?');
  const bind = db.prepare('INSERT INTO entity_keys(key, entity) VALUES(?, ?)');
  for (const club of linkLexicon().clubs) {
    if (club.includes(' ')) continue;
    const row = get.get('ORG:' + club) as { rowid: number; canonical: string | null } | undefined;
    if (!row?.canonical) continue;
    const key = canonicalKey(row.canonical, 'ORG');
    if (key === 'ORG:ال' + club && !taken.get(key, key)) bind.run(key, row.rowid);
  }
}
