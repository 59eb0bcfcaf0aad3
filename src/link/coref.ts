import type { ArabicDoc, Entity, EntityType } from '../doc.js';
import { foldArabic, stripAl } from './fold.js';
import { dropHonorifics, linkLexicon, nameKey, parentTail, placeWordFits, type LinkLexicon } from './lexicon.js';
import { canonicalKey } from './canonical.js';
import { docView } from './view.js';

/**
 * Within-article linking: every mention joins a cluster (one real-world thing); later short forms
 * (الكاظمي, الصباح, الخارجية) join the cluster of the fuller mention, known variants join through the alias
 * table, and nisbas/demonyms (العراقي, الكويتيين) become references to their country.
 */

interface Cluster {
  type: EntityType;
  /** ال-less folded words of the fullest name seen */
  words: string[];
  /** the fullest mention text (honorifics dropped), or the alias/country canonical name */
  name: string;
  fixed: boolean;
  /** index in the article's cluster list (creation order) */
  id: number;
}

/** What a mention denotes once linked. */
export interface LinkedMention {
  entity: string;
  canonical: string;
  /** the country this mention refers to or is tied to (LOC country, nisba, ORG with a nisba/country word) */
  country: string | null;
}

/** A mention as a name: hashtag marks dropped, its underscores read as spaces (دونالد #ترمب, الأمم_المتحدة). */
function asName(text: string): string {
  return text.indexOf('#') < 0 && text.indexOf('_') < 0 ? text : text.replace(/#/g, '').replace(/_+/g, ' ').trim();
}

/** Folded name words of a mention without honorifics (ال kept). */
function mentionWords(text: string, lex: LinkLexicon): string[] {
  return dropHonorifics(foldArabic(asName(text)).split(' ').filter(Boolean), lex);
}

/** The mention text without leading honorific words, in original characters. */
function stripHonorificText(text: string, lex: LinkLexicon): string {
  const parts = asName(text).trim().split(/\s+/);
  const kept = dropHonorifics(parts.map((p) => foldArabic(p)), lex).length;
  return parts.slice(parts.length - kept).join(' ');
}

/** The country a nisba (العراقي, الكويتيين) or a country/capital name denotes, else null. */
export function countryOfWords(words: string[], lex: LinkLexicon): string | null {
  const joined = words.join(' ');
  const n = lex.nisba.get(joined);
  if (n) return n;
  const key = words.map(stripAl).join(' ');
  const c = lex.countries.get(key);
  if (c) return c;
  if (words.length > 1 && lex.genericPrefixes.has(stripAl(words[0]))) {
    const c2 = lex.countries.get(words.slice(1).map(stripAl).join(' '));
    if (c2) return c2;
  }
  return null;
}

/** Country a mention is tied to: its own country, its capital's, or a nisba/country word inside an ORG. */
function countryTie(words: string[], type: EntityType, lex: LinkLexicon): string | null {
  const own = countryOfWords(words, lex);
  if (own) return own;
  if (type === 'LOC') return lex.capitalOf.get(words.map(stripAl).join(' ')) ?? null;
  if (type === 'ORG' || type === 'MISC') {
    for (let i = words.length - 1; i >= 0; i--) {
      const c = lex.nisba.get(words[i]) ?? lex.countries.get(stripAl(words[i]));
      if (c) return c;
    }
  }
  return null;
}

function isPart(short: string[], long: string[]): boolean {
  if (short.length > long.length) return false;
  const off = long.length - short.length;
  // given name / head; surname / tail, not the father's name after «بن»
  if (short.every((w, i) => long[i] === w)) return true;
  return short.every((w, i) => long[off + i] === w) && !parentTail(short, long);
}

/** ORG short form: every word of the short one appears, in order, in the long one (الخارجية ⊂ وزارة الخارجية العراقية). */
function isSubsequence(short: string[], long: string[]): boolean {
  let j = 0;
  for (const w of long) if (j < short.length && w === short[j]) j++;
  return j === short.length && short.length < long.length;
}

export interface CountryRef {
  token: number;
  country: string;
}

export interface LinkResult {
  /** one per entity, same order */
  mentions: LinkedMention[];
  /** every reference to a country in token order (for البلاد, سفيرها, البلدين) */
  countryRefs: CountryRef[];
}

/** Links every entity of the document (entities sorted by position). */
export function linkMentions(doc: ArabicDoc, entities: Entity[], lex: LinkLexicon = linkLexicon()): LinkResult {
  const clusters: Cluster[] = [];
  /** word → ids of the clusters whose name has it (ascending) */
  const byWord = new Map<string, number[]>();
  const byAlias = new Map<string, Cluster>();
  const index = (cl: Cluster) => {
    for (const w of cl.words) {
      let list = byWord.get(w);
      if (!list) byWord.set(w, (list = []));
      if (list[list.length - 1] !== cl.id) list.push(cl.id);
    }
  };
  /** ids of clusters sharing a word with `ws`, most recent first */
  const candidates = (ws: string[]): number[] => {
    const ids = new Set<number>();
    for (const w of ws) for (const id of byWord.get(w) ?? []) ids.add(id);
    return [...ids].sort((a, b) => b - a);
  };
  const clusterOf: Array<Cluster | null> = new Array(entities.length).fill(null);
  const out: Array<LinkedMention | null> = new Array(entities.length).fill(null);
  const countryRefs: CountryRef[] = [];
  // nisba words the NER left untagged still give context (مصدر عراقي → العراق)
  const view = docView(doc);
  for (let i = 0; i < doc.tokens.length; i++) {
    if (view.entityAt[i] !== -1) continue;
    const c = lex.nisba.get(view.fold[i]);
    if (c) countryRefs.push({ token: i, country: c });
  }

  entities.forEach((e, k) => {
    const words = mentionWords(e.text, lex);
    // «للكاظمي»: the NER's mention starts after «لل», the preposition and the article's ل (the article's alef is
    // elided), so the name is الكاظمي; «لليفربول» and «للبنان» start after one ل, the name's own
    const elided = elidedArticle(doc, e);
    if (words.length && elided && !words[0].startsWith('ال')) words[0] = 'ال' + words[0];
    if (!words.length) return;
    // nisba / demonym: a reference to the country, not an entity of its own; not a name the NER read as an
    // organization's (a newspaper: صحيفة "السوداني")
    const nisbaCountry = e.type === 'ORG' ? undefined : lex.nisba.get(words.join(' '));
    if (nisbaCountry) {
      out[k] = { entity: canonicalKey(nisbaCountry, 'LOC'), canonical: nisbaCountry, country: nisbaCountry };
      countryRefs.push({ token: e.tokenStart, country: nisbaCountry });
      return;
    }
    // «البلاد» (the country) is the nearest country named; not a newspaper of that name (صحيفة "البلاد")
    const place = e.type === 'ORG' ? undefined : lex.placeWords.get(words.join(' '));
    if (place === 'one') {
      const word = words.join(' ');
      const c = nearestCountry(countryRefs, e.tokenStart, null, (x) => placeWordFits(word, x));
      if (c) {
        out[k] = { entity: canonicalKey(c, 'LOC'), canonical: c, country: c };
        return;
      }
    }
    const bare = words.map(stripAl);
    const aliasName = lex.aliases.get(`${e.type}:${nameKey(e.text, e.type, lex)}`);
    let cluster: Cluster | undefined;
    if (aliasName) {
      const aw = keyOf(aliasName);
      cluster = byAlias.get(e.type + ':' + aliasName) ??
        candidates(aw).map((c) => clusters[c]).find((c) => c.type === e.type && !c.fixed && isPart(c.words, aw));
      if (cluster && !cluster.fixed) {
        cluster.name = aliasName;
        cluster.words = aw;
        cluster.fixed = true;
        index(cluster);
      }
      if (!cluster) {
        cluster = { type: e.type, words: aw, name: aliasName, fixed: true, id: clusters.length };
        clusters.push(cluster);
        index(cluster);
      }
      byAlias.set(e.type + ':' + aliasName, cluster);
    } else {
      // most recent compatible cluster first: a surname refers to the last person so named. Every way to
      // match shares a word, so only clusters indexed under one of the mention's words are looked at.
      for (const c of candidates(bare)) {
        if (cluster) break;
        const cl = clusters[c];
        // a person's surname the tagger called MISC (مباحثات [الكاظمي]), or a one-word LOC/ORG that is no known
        // place, is still that person
        const retype = e.type === 'MISC' || (bare.length === 1 && !lex.countries.has(bare[0]) && !lex.capitalOf.has(bare[0]));
        if (retype && e.type !== 'PER' && cl.type === 'PER' && cl.words.length > bare.length && isPart(bare, cl.words)) {
          cluster = cl;
          break;
        }
        if (cl.type !== e.type) continue;
        if (sameWords(cl.words, bare)) cluster = cl;
        else if (e.type === 'PER' && isPart(bare, cl.words)) cluster = cl;
        else if (e.type === 'ORG' && isSubsequence(bare, cl.words)) cluster = cl;
        else if (e.type === 'PER' && !cl.fixed && isPart(cl.words, bare)) {
          // a fuller name after a short one: the cluster grows to the full name
          cl.words = bare;
          cl.name = displayName(e, words, lex, elided);
          cluster = cl;
          index(cl);
        }
      }
      if (!cluster) {
        cluster = { type: e.type, words: bare, name: displayName(e, words, lex, elided), fixed: false, id: clusters.length };
        clusters.push(cluster);
        index(cluster);
      }
    }
    clusterOf[k] = cluster;
    const tie = countryTie(words, e.type, lex);
    if (tie) countryRefs.push({ token: e.tokenStart, country: tie });
  });

  countryRefs.sort((a, b) => a.token - b.token);

  const mentions = entities.map((e, k) => {
    const done = out[k];
    if (done) return done;
    const cl = clusterOf[k];
    if (!cl) {
      // a place word with no country before it, or an empty mention: keep it as its own entity
      const word = foldArabic(e.text);
      const place = lex.placeWords.get(word);
      const c = place ? dominantCountry(countryRefs, (x) => placeWordFits(word, x)) : null;
      if (c) return { entity: canonicalKey(c, 'LOC'), canonical: c, country: c };
      return { entity: canonicalKey(e.text, e.type), canonical: asName(e.text), country: null };
    }
    const country = countryTie(cl.words, cl.type, lex);
    return { entity: canonicalKey(cl.name, cl.type), canonical: cl.name, country };
  });
  return { mentions, countryRefs };

  function keyOf(name: string): string[] {
    return mentionWords(name, lex).map(stripAl);
  }
}

/** Does the mention follow «لل» in its word, the preposition and an article whose alef is elided (للكاظمي)? */
function elidedArticle(doc: ArabicDoc, e: Entity): boolean {
  const token = doc.tokens[e.tokenStart];
  if (!token || e.start <= token.start) return false;
  return foldArabic(doc.text.slice(token.start, e.start)).endsWith('لل');
}

/** The mention as a name: honorifics dropped, and an article elided after «لل» restored (للكاظمي → الكاظمي). */
function displayName(e: Entity, words: string[], lex: LinkLexicon, elided: boolean): string {
  const text = stripHonorificText(e.text, lex);
  if (elided && words.length && words[0].startsWith('ال') && !foldArabic(text).startsWith('ال')) return text === e.text ? 'ال' + text : text;
  return text;
}

function sameWords(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((w, i) => w === b[i]);
}

/** The last country referred to before `token` (nisba, country name, capital, ORG with a nisba). */
/** The last country referred to before the token (one that `fits`, when given). */
export function nearestCountry(refs: CountryRef[], token: number, exclude: string | null = null, fits?: (country: string) => boolean): string | null {
  let best: CountryRef | null = null;
  for (const r of refs) if (r.token < token && r.country !== exclude && (!fits || fits(r.country)) && (!best || r.token > best.token)) best = r;
  return best ? best.country : null;
}

/** The country the article refers to most (among those that `fit`, when given). */
export function dominantCountry(refs: CountryRef[], fits?: (country: string) => boolean): string | null {
  const counts = new Map<string, number>();
  let best: string | null = null;
  let bestN = 0;
  for (const r of refs) {
    if (fits && !fits(r.country)) continue;
    const n = (counts.get(r.country) ?? 0) + 1;
    counts.set(r.country, n);
    if (n > bestN) {
      best = r.country;
      bestN = n;
    }
  }
  return best;
}
