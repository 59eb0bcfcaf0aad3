import type { ArabicDoc } from '../doc.js';
import type { EntityProfile } from './canonical.js';

/**
 * What one analyzed article says about each of its entities, as EntityProfiles for shouldMerge: the roles'
 * titles and countries, the countries its mentions are tied to, and the other entities of the article.
 * The store accumulates these per canonical id to decide cross-article merges.
 */
export function entityProfiles(doc: ArabicDoc): Map<string, EntityProfile> {
  const out = new Map<string, EntityProfile>();
  const ids = new Set<string>();
  for (const e of doc.entities) {
    if (!e.entity) continue;
    ids.add(e.entity);
    if (!out.has(e.entity)) out.set(e.entity, { name: e.canonical ?? e.text, type: e.type, titles: [], countries: [], coMentions: [] });
  }
  for (const r of doc.roles) {
    const p = out.get(r.person.entity);
    if (!p) continue;
    if (!p.titles!.includes(r.title)) p.titles!.push(r.title);
    if (r.of && !p.countries!.includes(r.of)) p.countries!.push(r.of);
  }
  for (const [id, p] of out) {
    // co-mentions by canonical name: ids can differ across articles for the same thing, names less so
    for (const other of ids) if (other !== id) p.coMentions!.push(out.get(other)!.name);
  }
  return out;
}
