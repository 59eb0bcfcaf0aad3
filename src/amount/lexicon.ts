/**
 * Amount vocabulary from resources/amount/*.tsv: currencies (nouns, adjectives, symbols), the article-context
 * country → currency table, count units with their singular lemma, and percent words.
 */
import { readTsv } from '../resources.js';
import { fold, type ScanToken } from '../time/fold.js';
import { PhraseTable } from '../time/lexicon.js';

export interface CurrencyNoun {
  noun: string;
  /** ISO code, or null when it depends on the country (candidates) */
  code: string | null;
  candidates: string[];
  /** how many of the currency one is (a cent: 0.01) */
  unit: number;
}

export interface AmountLexicon {
  currencyNouns: Map<string, CurrencyNoun>;
  /** noun → adjective phrase table → code */
  currencyAdjectives: Map<string, PhraseTable<string>>;
  currencySymbols: Map<string, string>;
  countries: PhraseTable<string>;
  countUnits: PhraseTable<string>;
  percentWords: PhraseTable<true>;
  /** nouns after which a bare number ranks something or names it (number-heads.tsv) */
  numberHeads: Map<string, 'ordinal' | 'identifier'>;
  /** fractions read as shares of a whole or parts of a measure (fractions.tsv) */
  fractions: Map<string, Fraction>;
  /** words after a fraction that make it no share, or that name a whole (fraction-context.tsv) */
  fractionContext: Map<string, 'stop' | 'before' | 'whole'>;
  /** words before a number that make it negative (signs.tsv: «سالب») */
  minusBefore: Set<string>;
  /** phrases after a number that make it negative («تحت الصفر») → the unit a bare number then measures */
  belowZero: PhraseTable<string>;
  /** the units of belowZero: a glued minus is read before them («-5 درجات») */
  belowZeroUnits: Set<string>;
  /** words in -ا after a number that are not what it counts (not-counted.tsv) */
  notCounted: Set<string>;
  /** country names (resources/link/countries.tsv): «روسيا» after a number is no accusative «روسيّا» */
  countryNames: Set<string>;
}

export interface Fraction {
  value: number;
  cls: 'share' | 'share-definite' | 'denominator';
}

let lexicon: AmountLexicon | null = null;

function rows(file: string): Record<string, string>[] {
  return readTsv(['amount', file]) as Record<string, string>[];
}

export function amountLexicon(): AmountLexicon {
  if (lexicon) return lexicon;
  const currencyNouns = new Map<string, CurrencyNoun>();
  for (const r of rows('currency-nouns.tsv')) {
    currencyNouns.set(fold(r.form), {
      noun: r.noun,
      code: r.code === '?' ? null : r.code,
      candidates: r.candidates ? r.candidates.split(/\s+/).filter(Boolean) : [],
      unit: r.unit ? Number(r.unit) : 1,
    });
  }
  const currencyAdjectives = new Map<string, PhraseTable<string>>();
  for (const r of rows('currency-adjectives.tsv')) {
    let table = currencyAdjectives.get(r.noun);
    if (!table) currencyAdjectives.set(r.noun, (table = new PhraseTable<string>()));
    table.add(r.adjective, r.code);
    table.add('ال' + fold(r.adjective), r.code); // "الدينار الكويتي"
  }
  const currencySymbols = new Map<string, string>();
  for (const r of rows('currency-symbols.tsv')) currencySymbols.set(r.form, r.code);
  const countries = new PhraseTable<string>();
  for (const r of rows('country-currency.tsv')) if (r.code !== '?') countries.add(r.form, r.code);
  const countUnits = new PhraseTable<string>();
  for (const r of rows('count-units.tsv')) {
    // «_» joins the words of a compound unit («متر_مربع»)
    for (const form of r.forms.split(/\s+/).filter(Boolean)) countUnits.add(form.replace(/_/g, ' '), r.lemma);
  }
  const countryNames = new Set<string>();
  // people counted by nationality («6.1 مليون سوري», «3 فلبينيين»), from the nisbas of resources/link/countries.tsv;
  // not the accusative, which is often the country's name («سوريا»)
  for (const r of readTsv(['link', 'countries.tsv']) as Record<string, string>[]) {
    for (const name of [r.country, ...(r.names ?? '').split(',')]) if (name && !name.includes(' ')) countryNames.add(fold(name.trim()));
    for (const stem of (r.nisba ?? '').split(',').map((x) => x.trim()).filter(Boolean)) {
      // a nisba the count units list already (عربي) keeps its row; two-word ones share their first word (كوري شمالي، كوري جنوبي)
      if (!stem.includes(' ') && countUnits.hasFirst(fold(stem))) continue;
      // a two-word nisba inflects both words: «كوري شمالي», «كوريين شماليين»
      for (const suffix of ['', 'ين', 'ون']) countUnits.add(stem.split(' ').map((w) => w + suffix).join(' '), stem);
    }
  }
  const percentWords = new PhraseTable<true>();
  for (const r of rows('percent.tsv')) percentWords.add(r.form, true);
  const numberHeads = new Map<string, 'ordinal' | 'identifier'>();
  for (const r of rows('number-heads.tsv')) numberHeads.set(fold(r.form), r.role === 'ordinal' ? 'ordinal' : 'identifier');
  const fractions = new Map<string, Fraction>();
  for (const r of rows('fractions.tsv')) fractions.set(fold(r.form), { value: Number(r.value), cls: r.class as Fraction['cls'] });
  const fractionContext = new Map<string, 'stop' | 'before' | 'whole'>();
  for (const r of rows('fraction-context.tsv')) fractionContext.set(fold(r.form), r.role as 'stop' | 'before' | 'whole');
  const minusBefore = new Set<string>();
  const belowZero = new PhraseTable<string>();
  const belowZeroUnits = new Set<string>();
  for (const r of rows('signs.tsv')) {
    if (r.position === 'before') minusBefore.add(fold(r.form));
    else {
      belowZero.add(r.form, r.unit);
      belowZeroUnits.add(r.unit);
    }
  }
  lexicon = {
    currencyNouns, currencyAdjectives, currencySymbols, countries, countUnits, percentWords, numberHeads, fractions, fractionContext,
    minusBefore, belowZero, belowZeroUnits, notCounted: new Set(rows('not-counted.tsv').map((r) => fold(r.form))), countryNames,
  };
  return lexicon;
}

/** True when the token at i reads as something a number measures (currency, count unit, percent). */
export function isMeasureAt(tokens: readonly ScanToken[], i: number): boolean {
  const t = tokens[i];
  if (!t) return false;
  const lex = amountLexicon();
  if (t.kind === 'p') return t.f === '%' || lex.currencySymbols.has(t.f);
  if (t.kind === 'l') return lex.currencySymbols.has(t.f);
  return lex.currencyNouns.has(t.f) || lex.countUnits.match(tokens, i) !== null || lex.percentWords.match(tokens, i) !== null;
}
