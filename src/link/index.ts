import type { ArabicDoc, Entity, Stage } from '../doc.js';
import { foldArabic, stripAl } from './fold.js';
import { linkLexicon, type LinkLexicon } from './lexicon.js';
import { linkMentions } from './coref.js';
import { findRoles } from './roles.js';
import { docView } from './view.js';
import { isStopword } from '../text/stopwords.js';

export { canonicalKey, canonicalName, blockingKeys, shouldMerge, mergeDecision, type EntityProfile, type MergeDecision } from './canonical.js';
export { foldArabic } from './fold.js';
export { linkMentions, type LinkResult, type CountryRef } from './coref.js';
export { entityProfiles } from './profile.js';

const TYPES = new Set(['PER', 'ORG', 'LOC', 'MISC']);

/**
 * A mention that points to its entity only in context, no name of it: a word for a country already named («البلاد»,
 * «الإمارة») or the head noun of a longer name («الحزب» for حزب الله, «المنظمة» for منظمة التجارة العالمية). It is
 * a mention, not an alias: searching «الحزب» must not mean one party.
 */
export function isContextualMention(text: string, type: Entity['type'], canonical: string | null | undefined): boolean {
  const words = foldArabic(text).split(' ');
  if (words.length !== 1 || type === 'PER') return false;
  if (linkLexicon().placeWords.has(words[0])) return true;
  const name = canonical ? foldArabic(canonical).split(' ') : [];
  return name.length > 1 && stripAl(words[0]) === stripAl(name[0]) && words[0].startsWith('ال');
}

/**
 * The linking stage: every entity gets `entity` (a stable cross-article id: `TYPE:` + the folded canonical
 * name, e.g. `PER:مصطفي كاظمي`) and `canonical` (the fullest name in the article, or the alias table's name);
 * short forms the NER has no reason to tag (الخارجية after وزارة الخارجية العراقية) are added as mentions of
 * the organization; roles are read from apposition.
 */
export const linkStage: Stage = (doc) => {
  if (!doc.entities.length) return { ...doc, roles: [] };
  const lex = linkLexicon();
  const sorted = doc.entities.map((e) => withTokenRange(e, doc)).sort((a, b) => a.start - b.start || b.end - a.end);
  const base: ArabicDoc = { ...doc, entities: sorted };
  const entities = addShortNames(base, lex);
  const withShort: ArabicDoc = entities === sorted ? base : { ...doc, entities };
  const { mentions, countryRefs } = linkMentions(withShort, entities.map((e) => withArticle(e, doc.text)), lex);
  // a mention takes the type of what it links to: a nisba (العراقي) is a reference to the place, a surname the
  // tagger called MISC is the person; the id prefix and the type never disagree
  const linked: Entity[] = entities.map((e, k) => {
    const id = mentions[k].entity;
    const type = id.slice(0, id.indexOf(':')) as Entity['type'];
    return { ...e, type: type === e.type || !TYPES.has(type) ? e.type : type, entity: id, canonical: mentions[k].canonical };
  });
  const out: ArabicDoc = { ...doc, entities: linked };
  const roles = findRoles({ doc: out, entities: linked, linked: mentions, countryRefs, lex });
  return { ...out, roles };
};

/**
 * "للحرس الثوري": the span starts after لل (ل + the article's ال, whose alef the spelling drops), so the name
 * is "الحرس الثوري" — restored for naming, while the span itself stays on the original characters.
 */
function withArticle(e: Entity, text: string): Entity {
  if (e.start < 2 || text.charCodeAt(e.start - 1) !== 0x644 || text.charCodeAt(e.start - 2) !== 0x644) return e;
  const before = e.start >= 3 ? text.charCodeAt(e.start - 3) : 32;
  // only when لل opens the word (or follows و/ف): "الله" or "خليل" are not a clitic
  const opens = before < 0x621 || before > 0x64a || ((before === 0x648 || before === 0x641) && (e.start < 4 || !isArabicLetter(text.charCodeAt(e.start - 4))));
  if (!opens || e.text.startsWith('ال')) return e;
  return { ...e, text: 'ال' + e.text };
}

function isArabicLetter(c: number): boolean {
  return c >= 0x621 && c <= 0x64a;
}

/** An entity whose token range does not fit the tokens gets it recomputed from its offsets (never dropped). */
function withTokenRange(e: Entity, doc: ArabicDoc): Entity {
  const n = doc.tokens.length;
  if (e.tokenStart >= 0 && e.tokenEnd > e.tokenStart && e.tokenEnd <= n) return e;
  let ts = doc.tokens.findIndex((t) => t.end > e.start);
  if (ts < 0) ts = Math.max(0, n - 1);
  let te = ts;
  while (te < n && doc.tokens[te].start < e.end) te++;
  return { ...e, tokenStart: ts, tokenEnd: Math.max(te, Math.min(ts + 1, n)) };
}

/** a folded word with the article, after at most two proclitics (الحزب, والحزب, وبالحزب), or with لل (للحزب) */
const DEFINITE = /^(?:[وفبكل]{0,2}ال|[وف]?لل)/;

/**
 * Later bare short forms of an organization named in full earlier in the article (الخارجية, الوزارة).
 * Skipped right after a title word (وزير الخارجية is a title, not the ministry) or a definite word, whose
 * adjective it is (المخابرات الخارجية), for an indefinite form and before a nationality.
 */
function addShortNames(doc: ArabicDoc, lex: LinkLexicon): Entity[] {
  const view = docView(doc);
  const orgs = doc.entities.filter((e) => e.type === 'ORG').sort((a, b) => a.end - b.end);
  if (!orgs.length) return doc.entities;
  const added: Entity[] = [];
  // organizations named so far, by each word of their name → their distinct folded names
  const seen = new Map<string, Set<string>>();
  let next = 0;
  for (let i = 0; i < doc.tokens.length; i++) {
    const t = doc.tokens[i];
    while (next < orgs.length && orgs[next].end <= t.start) {
      const words = foldWords(orgs[next].text);
      const key = words.join(' ');
      for (const w of words) {
        let set = seen.get(w);
        if (!set) seen.set(w, (set = new Set()));
        set.add(key);
      }
      next++;
    }
    if (view.entityAt[i] !== -1 || t.kind !== 'word') continue;
    const bare = view.bare[i];
    const sn = shortNameMap(lex).get(bare);
    if (!sn) continue;
    if (i > 0 && lex.titles.has(stripAl(view.fold[i - 1]))) continue;
    // only the definite form refers back (الحزب, والحزب, للحزب): an indefinite head is in construct with a
    // name of its own (حزب الشعب, مجلس إدارة …)
    if (!DEFINITE.test(view.fold[i])) continue;
    // right after a definite noun, and with no preposition of its own, it is that noun's adjective: «محطات
    // المخابرات الخارجية» (foreign intelligence), «الإصلاحات الاقتصادية والمالية»; not «القناة التابعة للحزب»
    if (i > 0 && doc.tokens[i - 1].kind === 'word' && DEFINITE.test(view.fold[i - 1]) && !isStopword(doc.tokens[i - 1].text) &&
      /^[وف]?ال/.test(view.fold[i])) continue;
    // only when exactly one organization of the article can be meant
    if (seen.get(sn.head)?.size !== 1) continue;
    // and not when another country's nationality follows: after «وزارة الخارجية الأمريكية», «الخارجية الروسية» is
    // another ministry («الخارجية الأمريكية» is the same one)
    const nationality = i + 1 < doc.tokens.length ? lex.nisba.get(view.fold[i + 1]) : undefined;
    if (nationality !== undefined && !countriesOf(seen.get(sn.head)!, lex).has(nationality)) continue;
    // the mention starts at ال (والخارجية → الخارجية); للخارجية keeps the ل-less remainder
    const at = t.text.indexOf('ال');
    const offset = at >= 0 && at <= 2 ? at : Math.max(0, t.text.length - bare.length);
    added.push({ start: t.start + offset, end: t.end, text: t.text.slice(offset), type: 'ORG', tokenStart: i, tokenEnd: i + 1 });
  }
  if (!added.length) return doc.entities;
  return [...doc.entities, ...added].sort((a, b) => a.start - b.start || b.end - a.end);
}

/** The countries named by nisbas in organizations' folded names (وزاره خارجيه روسيه → روسيا). */
function countriesOf(names: ReadonlySet<string>, lex: LinkLexicon): Set<string> {
  const out = new Set<string>();
  for (const name of names) {
    for (const w of name.split(' ')) {
      const c = lex.nisba.get(w) ?? lex.nisba.get('ال' + w);
      if (c) out.add(c);
    }
  }
  return out;
}

function foldWords(text: string): string[] {
  return text.split(/\s+/).map((w) => stripAl(foldArabic(w)));
}

let shortNames: Map<string, { short: string; head: string }> | null = null;
function shortNameMap(lex: LinkLexicon): Map<string, { short: string; head: string }> {
  return (shortNames ??= new Map(lex.shortNames.map((s) => [stripAl(s.short), s])));
}
