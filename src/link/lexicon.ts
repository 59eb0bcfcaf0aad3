import { readKindedList, readList, readTsv } from '../resources.js';
import type { EntityType } from '../doc.js';
import { foldArabic, stripAl } from './fold.js';

/** Everything the linker knows about language, loaded once from resources/link and resources/titles. */
export interface LinkLexicon {
  /** folded nisba form (العراقي, كويتيين, …) → country canonical name */
  nisba: Map<string, string>;
  /** folded, ال-less country name or long official name → country canonical name */
  countries: Map<string, string>;
  /** folded, ال-less capital → its country (context only: a capital is never merged with its country) */
  capitalOf: Map<string, string>;
  /** `${type}:${nameKey}` of a variant → canonical name */
  aliases: Map<string, string>;
  /** folded honorific word sequences (الشيخ, صاحب السمو) */
  honorifics: string[][];
  /** folded, ال-less words opening official place names (دولة, جمهورية) */
  genericPrefixes: Set<string>;
  /** folded place words resolved in context (البلاد → one, البلدين → two) */
  placeWords: Map<string, 'one' | 'two'>;
  /** the only countries a place word can stand for (المملكة: kingdoms); absent = any */
  placeWordCountries: Map<string, Set<string>>;
  shortNames: Array<{ short: string; head: string }>;
  /** titles by their first word (ال-less, folded), longest first */
  titles: Map<string, TitleEntry[]>;
  /** keyWords of the sports clubs (resources/ner/clubs.txt, every kind) */
  clubs: Set<string>;
  /** folded, ال-less words before a parent's name (بن, بنت): what follows is another person's name */
  patronymics: Set<string>;
}

export interface TitleEntry {
  /** as written in the lexicon */
  title: string;
  kind: string;
  /** folded words, first one without ال */
  words: string[];
}

let cached: LinkLexicon | null = null;

/** Folded words of a title or name with ال dropped from every word (keys are compared this way). */
export function keyWords(s: string): string[] {
  return foldArabic(s).split(' ').filter(Boolean).map(stripAl);
}

export function linkLexicon(): LinkLexicon {
  if (cached) return cached;
  const nisba = new Map<string, string>();
  const countries = new Map<string, string>();
  const capitalOf = new Map<string, string>();
  const rows = readTsv(['link', 'countries.tsv']) as Record<string, string>[];
  const countryNames: Array<[string, string]> = [];
  for (const r of rows) {
    const country = r.country.trim();
    countries.set(keyWords(country).join(' '), country);
    countryNames.push([country, country]);
    for (const n of splitList(r.names)) {
      countries.set(keyWords(n).join(' '), country);
      countryNames.push([n, country]);
    }
    for (const c of splitList(r.capitals)) if (!countries.has(keyWords(c).join(' '))) capitalOf.set(keyWords(c).join(' '), country);
    for (const stem of splitList(r.nisba)) for (const form of nisbaForms(stem)) nisba.set(form, country);
  }
  const aliases = new Map<string, string>();
  const honorifics = readList('link', 'honorifics.txt').map((h) => foldArabic(h).split(' '));
  const genericPrefixes = new Set(readList('link', 'generic_prefixes.txt').map((w) => stripAl(foldArabic(w))));
  const placeWords = new Map<string, 'one' | 'two'>();
  const placeWordCountries = new Map<string, Set<string>>();
  for (const r of readTsv(['link', 'place_words.tsv']) as Record<string, string>[]) {
    placeWords.set(foldArabic(r.word), r.kind === 'two' ? 'two' : 'one');
    const only = splitList(r.countries ?? '');
    if (only.length) placeWordCountries.set(foldArabic(r.word), new Set(only));
  }
  const shortNames = (readTsv(['link', 'short_names.tsv']) as Record<string, string>[]).map((r) => ({
    short: foldArabic(r.short),
    head: stripAl(foldArabic(r.head)),
  }));
  const titles = new Map<string, TitleEntry[]>();
  for (const r of readTsv(['titles', 'titles.tsv']) as Record<string, string>[]) {
    const words = foldArabic(r.title).split(' ');
    words[0] = stripAl(words[0]);
    const entry: TitleEntry = { title: r.title.trim(), kind: r.kind, words };
    const list = titles.get(words[0]) ?? [];
    list.push(entry);
    titles.set(words[0], list);
  }
  for (const list of titles.values()) list.sort((a, b) => b.words.length - a.words.length);
  const clubs = new Set(readKindedList('ner', 'clubs.txt').map(({ name }) => keyWords(name).join(' ')));
  const patronymics = new Set(readList('link', 'patronymics.txt').map((w) => stripAl(foldArabic(w))));
  cached = { nisba, countries, capitalOf, aliases, honorifics, genericPrefixes, placeWords, placeWordCountries, shortNames, titles, clubs, patronymics };
  // aliases need the lexicon itself (honorific and prefix stripping), so they are filled last
  for (const r of readTsv(['link', 'aliases.tsv']) as Record<string, string>[]) {
    const type = r.type.trim() as EntityType;
    const canonical = r.canonical.trim();
    for (const v of [canonical, ...splitList(r.variants)]) aliases.set(`${type}:${nameKey(v, type, cached)}`, canonical);
  }
  for (const [name, country] of countryNames) aliases.set(`LOC:${nameKey(name, 'LOC', cached)}`, country);
  return cached;
}

function splitList(s: string | undefined): string[] {
  return (s ?? '').split(',').map((x) => x.trim()).filter(Boolean);
}

/** All folded forms of a nisba stem: عراقي → عراقي عراقيه عراقيون عراقيين عراقيان …, each also with ال. */
function nisbaForms(stem: string): string[] {
  const words = foldArabic(stem).split(' ');
  const out: string[] = [];
  // multi-word nisbas (كوري شمالي) inflect every word alike
  for (const suffix of ['', 'ه', 'ون', 'ين', 'ان', 'تان', 'تين', 'ات']) {
    const base = words.map((w) => w + suffix);
    out.push(base.join(' '), base.map((w) => 'ال' + w).join(' '));
  }
  return out;
}

/**
 * The name part of a canonical key: folded words, honorifics dropped, a leading generic place word dropped
 * for LOC (دولة الكويت), ال dropped (for PER only in multi-word names: الصباح alone stays a family name), and
 * عبد/أبو compounds joined (عبد الله = عبدالله).
 */
export function nameKey(name: string, type: EntityType, lex: LinkLexicon = linkLexicon()): string {
  let words = foldArabic(name).split(' ').filter(Boolean);
  words = dropHonorifics(words, lex);
  if (type === 'LOC' && words.length > 1 && lex.genericPrefixes.has(stripAl(words[0]))) {
    // مدينة الكويت is the capital, not the country: keep the prefix when the rest names a country
    const rest = words.slice(1);
    if (!(stripAl(words[0]) === 'مدينه' && lex.countries.has(rest.map(stripAl).join(' ')))) words = rest;
  }
  const joined: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    // a detached و and the عبد/أبو compounds belong to the next word (و صناعة = وصناعة, عبد الله = عبدالله)
    if ((w === 'و' || w === 'عبد' || w === 'ابو' || w === 'ابي' || w === 'ابا') && i + 1 < words.length) {
      joined.push(w + words[++i]);
    } else joined.push(w);
  }
  // a one-word club written with its article keeps it: «الفتح» (the club) is not «فتح» (Fatah)
  if (type === 'ORG' && joined.length === 1 && joined[0].startsWith('ال') && lex.clubs.has(stripAl(joined[0]))) return joined[0];
  // «الله» is a word of its own, not ال + «له» (حزب الله, نصر الله, رام الله)
  if (type !== 'PER' || joined.length > 1) return joined.map((w) => (w === ALLAH ? w : stripAl(w))).join(' ');
  return joined.join(' ');
}

const ALLAH = 'الله';

export function dropHonorifics(words: string[], lex: LinkLexicon): string[] {
  let changed = true;
  while (changed && words.length > 1) {
    changed = false;
    for (const h of lex.honorifics) {
      if (h.length < words.length && h.every((w, i) => words[i] === w)) {
        words = words.slice(h.length);
        changed = true;
        break;
      }
    }
  }
  return words;
}

/**
 * Is `short` the tail of `long` after a word such as «بن» (ال-less folded words)? «عبدالله الثاني» in «الحسين بن
 * عبدالله الثاني» is the father, not a short form of the son's name («بن سلمان» of «محمد بن سلمان» still is). A
 * name that opens with «بن» is Ben («بن برافمان»: «برافمان» is his surname).
 */
export function parentTail(short: readonly string[], long: readonly string[]): boolean {
  const off = long.length - short.length;
  return off > 1 && linkLexicon().patronymics.has(long[off - 1]);
}

/** Can the place word (folded) stand for this country? «السلطنة» for Oman, not for Turkey. */
export function placeWordFits(word: string, country: string): boolean {
  const only = linkLexicon().placeWordCountries.get(word);
  return !only || only.has(country);
}
