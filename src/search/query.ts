/**
 * The query language: words, "exact phrases", -exclusion, OR, and fields inside the query
 * (entity:NAME, source:S, from:DATE, to:DATE, type:PER|ORG|LOC|MISC; values may be quoted; -entity:, -source:
 * and -type: exclude).
 * Adjacent items are ANDed; `a OR b` groups them (OR binds tighter than the implicit AND).
 * Words are analyzed by the same functions as documents (src/search/terms.ts).
 */
import type { EntityType } from '../doc.js';
import { readTsv } from '../resources.js';
import { queryWords, type QueryWord } from './terms.js';
import { boundDay, QueryError } from './dates.js';

/** `variant`: another spelling of the item before it in its group (resources/search/spelling-variants.tsv) */
export type QueryItem =
  | { kind: 'term'; word: QueryWord; variant?: boolean }
  | { kind: 'phrase'; words: QueryWord[]; text: string; variant?: boolean };

export interface QueryFilters {
  entity: string[];
  source: string[];
  type: EntityType[];
  /** -entity:, -source:, -type: — articles that mention / come from / hold none of these */
  notEntity: string[];
  notSource: string[];
  notType: EntityType[];
  /** inclusive YYYY-MM-DD */
  from: string | null;
  to: string | null;
}

export interface ParsedQuery {
  /** AND of groups; each group is an OR of items */
  groups: QueryItem[][];
  excluded: QueryItem[];
  filters: QueryFilters;
  raw: string;
  /** free text was given but none of it is searchable (only punctuation or symbols): nothing can match */
  unsearchable?: boolean;
}

const FIELDS = new Set(['entity', 'source', 'from', 'to', 'type']);
const TYPES = new Set<EntityType>(['PER', 'ORG', 'LOC', 'MISC']);
const OPEN_QUOTES = '"«“”„';
const CLOSE_QUOTE: Record<string, string> = { '"': '"', '«': '»', '“': '”', '”': '”', '„': '“' };

interface Lexeme {
  text: string;
  quoted: boolean;
  negated: boolean;
  field: string | null;
}

/** Splits the raw query into lexemes, honouring quotes (ASCII and Arabic/typographic) and field prefixes. */
function lex(raw: string): Lexeme[] {
  const out: Lexeme[] = [];
  let i = 0;
  const n = raw.length;
  while (i < n) {
    while (i < n && /[\s()]/.test(raw[i])) i++;
    if (i >= n) break;
    let negated = false;
    if (raw[i] === '-' && i + 1 < n && !/\s/.test(raw[i + 1])) {
      negated = true;
      i++;
    }
    let field: string | null = null;
    const fm = /^([A-Za-z]+):(?=\S)/.exec(raw.slice(i, i + 12));
    if (fm && FIELDS.has(fm[1].toLowerCase())) {
      field = fm[1].toLowerCase();
      i += fm[0].length;
    }
    if (OPEN_QUOTES.includes(raw[i])) {
      const close = CLOSE_QUOTE[raw[i]];
      const j = raw.indexOf(close, i + 1);
      const end = j < 0 ? n : j;
      out.push({ text: raw.slice(i + 1, end), quoted: true, negated, field });
      i = end + 1;
      continue;
    }
    let j = i;
    while (j < n && !/[\s()]/.test(raw[j])) j++;
    out.push({ text: raw.slice(i, j), quoted: false, negated, field });
    i = j;
  }
  return out;
}

function itemOf(text: string, quoted: boolean): QueryItem | null {
  const words = queryWords(text);
  if (words.length === 0) return null;
  if (words.length === 1 && !quoted) return { kind: 'term', word: words[0] };
  if (words.length === 1) return { kind: 'term', word: words[0] };
  return { kind: 'phrase', words, text };
}

interface SpellingRules {
  letters: Array<[string, string]>;
  prefixes: Array<[string, string]>;
  compounds: Array<{ head: string; next: string }>;
  /** light stems spelled two ways (ترامب / ترمب, امريك / اميرك), both directions */
  stems: Map<string, string[]>;
}

let spelling: SpellingRules | null = null;
function spellingRules(): SpellingRules {
  if (spelling) return spelling;
  const rules: SpellingRules = { letters: [], prefixes: [], compounds: [], stems: new Map() };
  for (const r of readTsv(['search', 'spelling-variants.tsv']) as Record<string, string>[]) {
    const a = (r.a ?? '').trim();
    const b = (r.b ?? '').trim();
    if (r.kind === 'letter') rules.letters.push([a, b]);
    else if (r.kind === 'prefix') rules.prefixes.push([a, b], [b, a]);
    else if (r.kind === 'compound') rules.compounds.push({ head: a, next: b });
    else if (r.kind === 'stem' && a && b) {
      for (const [x, y] of [[a, b], [b, a]]) {
        const list = rules.stems.get(x) ?? [];
        if (!list.includes(y)) list.push(y);
        rules.stems.set(x, list);
      }
    }
  }
  return (spelling = rules);
}

/** Is `w` the second part of a compound name opened by `c.head` («الفتاح» after «عبد»)? */
function secondPart(c: { next: string }, w: string): boolean {
  return w.length >= Math.max(3, c.next.length + 2) && w.startsWith(c.next);
}

/** The other spellings of a sequence of folded words (at most a few), each as space-joined folded words. */
function spellingsOf(norms: string[]): string[] {
  const rules = spellingRules();
  const seen = new Set<string>([norms.join(' ')]);
  const out: string[] = [];
  const add = (ws: string[]) => {
    const k = ws.join(' ');
    if (!seen.has(k) && out.length < 4) (seen.add(k), out.push(k));
  };
  const swapped = norms.map((w) => {
    for (const [a, b] of rules.prefixes) if (w.startsWith(a) && w.length > a.length) return b + w.slice(a.length);
    for (const [a, b] of rules.letters) {
      if (w.includes(a)) w = w.split(a).join(b);
      else if (w.includes(b)) w = w.split(b).join(a);
    }
    return w;
  });
  for (const ws of [norms, swapped]) {
    add(ws);
    // joined → apart, and apart → joined
    const apart = ws.flatMap((w) => {
      const c = rules.compounds.find((x) => w.startsWith(x.head) && secondPart(x, w.slice(x.head.length)));
      return c ? [c.head, w.slice(c.head.length)] : [w];
    });
    add(apart);
    const joined: string[] = [];
    for (let i = 0; i < ws.length; i++) {
      if (i + 1 < ws.length && rules.compounds.some((x) => ws[i] === x.head && secondPart(x, ws[i + 1]))) joined.push(ws[i] + ws[++i]);
      else joined.push(ws[i]);
    }
    add(joined);
  }
  return out;
}

/** A query word with its stem spelled the other way: the folded form changes where it holds the stem (الامريكي → الاميركي). */
function respelled(w: QueryWord, stem: string): QueryWord {
  const norm = w.norm.includes(w.stem) ? w.norm.replace(w.stem, stem) : stem;
  return { ...w, text: norm, norm, stem };
}

/** Variants of an item whose words' stems have another spelling (stem rules); every such word is swapped. */
function stemVariants(it: QueryItem): QueryItem[] {
  const { stems } = spellingRules();
  if (!stems.size) return [];
  if (it.kind === 'term') {
    if (it.word.weakStem) return [];
    return (stems.get(it.word.stem) ?? []).map((st) => ({ kind: 'term', word: respelled(it.word, st), variant: true }) as QueryItem);
  }
  if (!it.words.some((w) => stems.has(w.stem))) return [];
  const words = it.words.map((w) => (stems.has(w.stem) && !w.weakStem ? respelled(w, stems.get(w.stem)![0]) : w));
  return [{ kind: 'phrase', words, text: words.map((w) => w.norm).join(' '), variant: true }];
}

/** The item followed by its other spellings, analyzed like any query text. */
function withSpellings(items: QueryItem[]): QueryItem[] {
  const out: QueryItem[] = [];
  for (const it of items) {
    out.push(it);
    if (it.variant) continue;
    out.push(...stemVariants(it));
    const norms = it.kind === 'term' ? [it.word.norm] : it.words.map((w) => w.norm);
    for (const text of spellingsOf(norms)) {
      const v = itemOf(text, false);
      if (v) out.push({ ...v, variant: true });
    }
  }
  return out;
}

/**
 * «عبد الفتاح السيسي» typed unquoted: a compound name's two parts are one name, searched as the phrase (and, by
 * its spellings, as «عبدالفتاح»), not as two words anywhere in the article.
 */
function joinCompounds(groups: QueryItem[][]): QueryItem[][] {
  const rules = spellingRules();
  const out: QueryItem[][] = [];
  for (let i = 0; i < groups.length; i++) {
    const a = groups[i];
    const b = groups[i + 1];
    if (b && a.length === 1 && b.length === 1 && a[0].kind === 'term' && b[0].kind === 'term') {
      const head = a[0].word;
      const next = b[0].word;
      if (rules.compounds.some((x) => head.norm === x.head && secondPart(x, next.norm))) {
        out.push([{ kind: 'phrase', words: [head, next], text: `${head.text} ${next.text}` }]);
        i++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}

export function parseQuery(raw: string): ParsedQuery {
  const filters: QueryFilters = { entity: [], source: [], type: [], notEntity: [], notSource: [], notType: [], from: null, to: null };
  const groups: QueryItem[][] = [];
  const excluded: QueryItem[] = [];
  let joinNext = false; // the previous lexeme was OR
  let dropped = 0;
  for (const lx of lex(raw ?? '')) {
    if (!lx.quoted && !lx.field && (lx.text === 'OR' || lx.text === '|' || lx.text === '||')) {
      if (groups.length) joinNext = true;
      continue;
    }
    if (lx.field) {
      const v = lx.text.trim();
      if (!v) continue;
      if (lx.negated && (lx.field === 'from' || lx.field === 'to')) {
        throw new QueryError(`-${lx.field}: cannot be excluded: use ${lx.field === 'from' ? 'to:' : 'from:'} for the other side of the date`);
      }
      switch (lx.field) {
        case 'entity': (lx.negated ? filters.notEntity : filters.entity).push(v); break;
        case 'source': (lx.negated ? filters.notSource : filters.source).push(v); break;
        case 'from': filters.from = boundDay(v, 'from'); break;
        case 'to': filters.to = boundDay(v, 'to'); break;
        case 'type': {
          const t = v.toUpperCase() as EntityType;
          if (!TYPES.has(t)) throw new QueryError(`type: "${v}" is not one of PER, ORG, LOC, MISC`);
          (lx.negated ? filters.notType : filters.type).push(t);
          break;
        }
      }
      joinNext = false;
      continue;
    }
    const item = itemOf(lx.text, lx.quoted);
    if (!item) {
      dropped++;
      joinNext = false;
      continue;
    }
    if (lx.negated) {
      excluded.push(item);
      joinNext = false;
      continue;
    }
    if (joinNext && groups.length) groups[groups.length - 1].push(item);
    else groups.push([item]);
    joinNext = false;
  }
  const out: ParsedQuery = { groups: joinCompounds(groups).map(withSpellings), excluded: withSpellings(excluded), filters, raw };
  // text was given but nothing searchable came of it («*», «OR», «()»): no article matches — not every article
  const anyFilter = filters.entity.length + filters.source.length + filters.type.length + filters.notEntity.length + filters.notSource.length + filters.notType.length > 0 || filters.from !== null || filters.to !== null;
  if (!groups.length && !excluded.length && (dropped > 0 || (!anyFilter && (raw ?? '').trim() !== ''))) out.unsearchable = true;
  return out;
}

/** Display form of a parsed query (SearchResult.query). */
export function summarizeQuery(q: ParsedQuery): { terms: string[]; phrases: string[]; excluded: string[]; filters: Record<string, string[]> } {
  const terms: string[] = [];
  const phrases: string[] = [];
  for (const g of q.groups) for (const it of g) if (!it.variant) (it.kind === 'term' ? terms.push(it.word.text) : phrases.push(it.text));
  const filters: Record<string, string[]> = {};
  if (q.filters.entity.length) filters.entity = q.filters.entity;
  if (q.filters.source.length) filters.source = q.filters.source;
  if (q.filters.type.length) filters.type = q.filters.type;
  if (q.filters.notEntity.length) filters['-entity'] = q.filters.notEntity;
  if (q.filters.notSource.length) filters['-source'] = q.filters.notSource;
  if (q.filters.notType.length) filters['-type'] = q.filters.notType;
  if (q.filters.from) filters.from = [q.filters.from];
  if (q.filters.to) filters.to = [q.filters.to];
  return { terms, phrases, excluded: q.excluded.filter((e) => !e.variant).map((e) => (e.kind === 'term' ? e.word.text : e.text)), filters };
}

export { QueryError };
