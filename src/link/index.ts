import type { ArabicDoc, Entity, Stage } from '../doc.js';
import { stripAl } from './fold.js';
import { linkLexicon, type LinkLexicon } from './lexicon.js';
import { linkMentions } from './coref.js';
import { findRoles } from './roles.js';
import { docView } from './view.js';

export { canonicalKey, canonicalName, shouldMerge, mergeDecision, type EntityProfile, type MergeDecision } from './canonical.js';
export { foldArabic } from './fold.js';
export { linkMentions, type LinkResult, type CountryRef } from './coref.js';

/**
 * The linking stage: every entity gets `entity` (a stable cross-article id such as `PER:مصطفى كاظمي`) and
 * `canonical` (the fullest name in the article, or the alias table's name); short forms the NER has no reason
 * to tag (الخارجية after وزارة الخارجية العراقية) are added as mentions of the organization; roles are read
 * from apposition.
 */
export const linkStage: Stage = (doc) => {
  if (!doc.entities.length) return { ...doc, roles: [] };
  const lex = linkLexicon();
  const sorted = [...doc.entities].sort((a, b) => a.start - b.start || b.end - a.end);
  const base: ArabicDoc = { ...doc, entities: sorted };
  const entities = addShortNames(base, lex);
  const withShort: ArabicDoc = entities === sorted ? base : { ...doc, entities };
  const { mentions, countryRefs } = linkMentions(withShort, entities, lex);
  const linked: Entity[] = entities.map((e, k) => ({ ...e, entity: mentions[k].entity, canonical: mentions[k].canonical }));
  const out: ArabicDoc = { ...doc, entities: linked };
  const roles = findRoles({ doc: out, entities: linked, linked: mentions, countryRefs, lex });
  return { ...out, roles };
};

/**
 * Later bare short forms of an organization named in full earlier in the article (الخارجية, الوزارة).
 * Skipped right after a title word (وزير الخارجية is a title, not the ministry).
 */
function addShortNames(doc: ArabicDoc, lex: LinkLexicon): Entity[] {
  const view = docView(doc);
  const orgs = doc.entities.filter((e) => e.type === 'ORG');
  if (!orgs.length) return doc.entities;
  const added: Entity[] = [];
  for (let i = 0; i < doc.tokens.length; i++) {
    if (view.entityAt[i] !== -1 || doc.tokens[i].kind !== 'word') continue;
    const bare = view.bare[i];
    const sn = lex.shortNames.find((s) => stripAl(s.short) === bare);
    if (!sn) continue;
    if (i > 0 && lex.titles.has(stripAl(view.fold[i - 1]))) continue;
    const t = doc.tokens[i];
    const candidates = orgs.filter((o) => o.end <= t.start && foldWords(o.text, lex).includes(sn.head));
    if (new Set(candidates.map((c) => foldWords(c.text, lex).join(' '))).size !== 1) continue;
    // the mention starts at ال (والخارجية → الخارجية); للخارجية keeps the ل-less remainder
    const at = t.text.indexOf('ال');
    const offset = at >= 0 && at <= 2 ? at : Math.max(0, t.text.length - bare.length);
    added.push({ start: t.start + offset, end: t.end, text: t.text.slice(offset), type: 'ORG', tokenStart: i, tokenEnd: i + 1 });
  }
  if (!added.length) return doc.entities;
  return [...doc.entities, ...added].sort((a, b) => a.start - b.start || b.end - a.end);
}

function foldWords(text: string, lex: LinkLexicon): string[] {
  void lex;
  return text.split(/\s+/).map((w) => stripAl(foldArabicWord(w)));
}

import { foldArabic as foldArabicWord } from './fold.js';
