import type { ArabicDoc, Entity, EntityRef, Role } from '../doc.js';
import { readList } from '../resources.js';
import { foldArabic, stripAl } from './fold.js';
import { keyWords, placeWordFits, type LinkLexicon, type TitleEntry } from './lexicon.js';
import { countryOfWords, dominantCountry, nearestCountry, type CountryRef, type LinkedMention } from './coref.js';
import { docView, type DocView } from './view.js';

/**
 * Roles from apposition: a title before the name (وزير التخطيط العراقي خالد بتال; سفيرها في دولة الكويت
 * المنهل الصافي; أمير البلاد الشيخ نواف الأحمد الصباح) or right after it (خالد بتال، وزير التخطيط العراقي).
 */

let breakers: Set<string> | null = null;
function breakerWords(): Set<string> {
  return (breakers ??= new Set(readList('titles', 'breakers.txt').map(foldArabic)));
}

const triggerSets = new Map<string, Set<string>>();
/** The NER's trigger words of one class (resources/ner/triggers.tsv), folded and ال-less. */
function triggerWords(cls: 'orghead' | 'title'): Set<string> {
  let set = triggerSets.get(cls);
  if (!set) {
    set = new Set(readList('ner', 'triggers.tsv').map((l) => l.split('\t')).filter((c) => c[1] === cls).map((c) => stripAl(foldArabic(c[0]))));
    triggerSets.set(cls, set);
  }
  return set;
}
/** وزارة، حزب، مؤسسة، جامعة …: the NER's organization heads */
const orgHeads = () => triggerWords('orghead');

let statusWords: Set<string> | null = null;
let timeAdverbs: Set<string> | null = null;
/** حينها، آنذاك، سابقاً: may stand between a title and its holder (resources/titles/time-adverbs.txt) */
function titleTimeAdverbs(): Set<string> {
  return (timeAdverbs ??= new Set(readList('titles', 'time-adverbs.txt').map(foldArabic)));
}

/** السابق، الحالي، المنتخب: how a title is held (resources/titles/status-words.txt) */
function titleStatusWords(): Set<string> {
  return (statusWords ??= new Set(readList('titles', 'status-words.txt').map(foldArabic)));
}

let personGenitives: Set<string> | null = null;
/** حملة، باسم، مكتب: nouns whose genitive is a person (resources/titles/person-genitives.txt) */
function titlePersonGenitives(): Set<string> {
  return (personGenitives ??= new Set(readList('titles', 'person-genitives.txt').map(foldArabic)));
}

/** title kinds of an office one person holds alone, not a trade */
const OFFICE_KINDS = new Set(['head_of_state', 'head_of_government', 'minister', 'religious']);
const POSSESSIVE = ['هما', 'هم', 'ها', 'ه'];
const MAX_GAP = 8;

export interface TitleMatch {
  entry: TitleEntry;
  /** token index one past the title */
  end: number;
  /** the title carried a possessive pronoun (سفيرها: her/its ambassador) */
  pronoun: boolean;
}

/** Candidate forms of a folded token for title lookup: as is, without a conjunction/preposition letter. */
function headForms(f: string): string[] {
  const out = [stripAl(f)];
  if (f.length > 3 && 'وفلب'.includes(f[0])) out.push(stripAl(f.slice(1)));
  if (f.startsWith('لل') && f.length > 4) out.push(f.slice(2));
  return out;
}

/** The longest lexicon title starting at token i, else null. */
/** memo per folded form, one map per final letter class (none / ة / ه) to avoid building keys */
const headMemo = [new Map<string, Array<[string, boolean]>>(), new Map<string, Array<[string, boolean]>>(), new Map<string, Array<[string, boolean]>>()];

/** The title-lexicon keys a token could open, in preference order (memoized per folded form and last letter). */
const NO_HEADS: Array<[string, boolean]> = [];

function titleHeads(f: string, raw: string, lex: LinkLexicon): Array<[string, boolean]> {
  // every head is a suffix of f (only proclitics and ال are cut from the front), so f's last letters must end
  // some title form: a small set that answers most tokens before the large per-word memo is consulted
  const endings = titleEndings(lex);
  if (!endings.codes.has(endingCode(f, endings.k))) return NO_HEADS;
  const lastCode = raw.charCodeAt(raw.length - 1);
  const last = lastCode === 0x629 ? 'ة' : lastCode === 0x647 ? 'ه' : '';
  const memo = headMemo[last === 'ة' ? 1 : last === 'ه' ? 2 : 0];
  let heads = memo.get(f);
  if (heads) return heads;
  heads = [];
  const surface = titleSurface(lex);
  // a written ة is never a pronoun; a written ه usually is (نظيره = his counterpart, not نظيرة)
  for (const head of headForms(f)) {
    if (!surface.has(head)) continue; // most words are no title in any form: one set lookup
    let variants: Array<[string, boolean]> = last === 'ة' ? [[head, false]] : possessiveVariants(head);
    if (last === 'ه') variants = [...variants.slice(1), variants[0]];
    for (const v of variants) if (lex.titles.has(v[0])) heads.push(v);
  }
  if (memo.size >= 100_000) memo.clear();
  memo.set(f, heads);
  return heads;
}

let endingSet: { k: number; codes: Set<number> } | null = null;

/** The last k letters of a word as one number (k ≤ 3: 48 bits, exact). */
function endingCode(w: string, k: number): number {
  const n = w.length;
  if (n < k) return -1;
  let code = 0;
  for (let i = n - k; i < n; i++) code = code * 65536 + w.charCodeAt(i);
  return code;
}

/** Endings (last k letters) of every title surface form, k = 3 or the shortest form's length. */
function titleEndings(lex: LinkLexicon): { k: number; codes: Set<number> } {
  if (endingSet) return endingSet;
  const forms = [...titleSurface(lex)];
  const k = Math.min(3, ...forms.map((w) => w.length));
  endingSet = { k, codes: new Set(forms.map((w) => endingCode(w, k))) };
  return endingSet;
}

let surfaceSet: Set<string> | null = null;

/** Every form a title key can take on a token after proclitics are gone: key, key + possessive, ة → ت + possessive. */
function titleSurface(lex: LinkLexicon): Set<string> {
  if (surfaceSet) return surfaceSet;
  surfaceSet = new Set<string>();
  for (const key of lex.titles.keys()) {
    surfaceSet.add(key);
    for (const p of POSSESSIVE) {
      surfaceSet.add(key + p);
      if (key.endsWith('ه')) surfaceSet.add(key.slice(0, -1) + 'ت' + p);
    }
  }
  return surfaceSet;
}

export function matchTitle(view: DocView, i: number, end: number, lex: LinkLexicon, raw = ''): TitleMatch | null {
  {
    for (const [form, pronoun] of titleHeads(view.fold[i], raw, lex)) {
      const list = lex.titles.get(form)!;
      for (const entry of list) {
        if (entry.words.length === 1) return { entry, end: i + 1, pronoun };
        if (pronoun) continue; // a possessive closes the title: سفيرها ends there
        if (i + entry.words.length > end) continue;
        let ok = true;
        for (let w = 1; w < entry.words.length && ok; w++) {
          const f = view.fold[i + w];
          ok = f === entry.words[w] || stripAl(f) === stripAl(entry.words[w]);
        }
        if (ok) return { entry, end: i + entry.words.length, pronoun: false };
      }
    }
  }
  return null;
}

function possessiveVariants(w: string): Array<[string, boolean]> {
  const out: Array<[string, boolean]> = [[w, false]];
  for (const p of POSSESSIVE) {
    if (w.length > p.length + 2 && w.endsWith(p)) {
      let stem = w.slice(0, -p.length);
      if (stem.endsWith('ت')) stem = stem.slice(0, -1) + 'ه'; // سفارتها → سفاره
      out.push([stem, true]);
    }
  }
  return out;
}

/** Is a title feminine: its first word ends in ة («المستشارة», «وزيرة الخارجية»)? */
function feminineTitle(title: string): boolean {
  const first = title.split(' ')[0];
  return first.endsWith('ة');
}

/** A token written with the article, after any one proclitic: الرئيس، والرئيس، للرئيس. */
function writtenDefinite(f: string): boolean {
  return /^(?:[وف]?[بك]?ال|[وف]?لل)/.test(f);
}

/**
 * The title as the text writes it: the lexicon entry, each word after the first taking the article as the text
 * does when words follow it (نائب [رئيس] الدولة, not «نائب الرئيس الدولة»), then those words. A first word written with
 * the article keeps it when an adjective follows (الرئيس التنفيذي, العضو الجمهوري, الأمير السابق): without it
 * the phrase would read as a construct; alone it is the bare entry (الرئيس → رئيس).
 */
export function composeTitle(view: DocView, start: number, m: TitleMatch, extra: string[], held: string[] = []): string {
  const words = m.entry.title.split(' ');
  // only when the text goes on after the entry: «رئيس وزراء ماليزيا» is still «رئيس الوزراء» (of Malaysia), and so
  // is «رئيس وزراء مصر الحالي», whose status word (held) follows the country
  for (let w = 1; w < words.length && extra.length > 0; w++) {
    const textDefinite = view.fold[start + w].startsWith('ال');
    if (textDefinite && !words[w].startsWith('ال')) words[w] = 'ال' + words[w];
    else if (!textDefinite && words[w].startsWith('ال') && words[w].length > 3) words[w] = words[w].slice(2);
  }
  const after = [...extra, ...held];
  if (after.length > 0) {
    const definite = m.pronoun || writtenDefinite(view.fold[start]);
    // (an adjective, or a title joined by و: «الممثل والمخرج»)
    if (definite && !words[0].startsWith('ال') && (words.length > 1 || writtenDefinite(foldArabic(after[0])))) words[0] = 'ال' + words[0];
    // «مدير عام الأمن الوطني» matched «المدير العام»: a construct, no article on its head
    else if (!definite && words.length > 1 && words[0].startsWith('ال') && extra.length > 0) words[0] = words[0].slice(2);
  }
  return [...words, ...after].join(' ');
}

export interface RoleContext {
  doc: ArabicDoc;
  entities: Entity[];
  linked: LinkedMention[];
  countryRefs: CountryRef[];
  lex: LinkLexicon;
}

function refOf(e: Entity, m: LinkedMention): EntityRef {
  return { entity: m.entity, name: m.canonical, type: e.type };
}

export function findRoles(ctx: RoleContext): Role[] {
  const { doc, entities, linked, lex } = ctx;
  const view = docView(doc);
  const roles: Role[] = [];
  const used = new Uint8Array(doc.tokens.length);
  const stop = breakerWords();
  /** start offsets of the roles whose country was read from a pronoun's context, not stated */
  const guessedAt = new Set<number>();
  /** ministryCountry per title: one answer per document (a long one names the same minister hundreds of times) */
  const ministryMemo = new Map<string, string | null>();
  /**
   * token → the title right before it and the country that one named («العاهل الأردني» before «الملك»): the title
   * at that token holds the office of that country, and its role's text begins with the first title
   */
  const apposed = new Map<number, { of: string; start: number }>();
  const countries = new Set(lex.countries.values());
  const sentenceEnd = (i: number): number => {
    const s = view.sentenceOf[i];
    return s >= 0 ? doc.sentences[s].tokenEnd : doc.tokens.length;
  };

  // Pass 1: title … NAME
  for (let i = 0; i < doc.tokens.length; i++) {
    if (view.entityAt[i] !== -1 && entities[view.entityAt[i]].type === 'PER') continue;
    const end = sentenceEnd(i);
    const m = matchTitle(view, i, end, lex, doc.tokens[i].text);
    if (!m) continue;
    const r = readForward(i, m, end);
    if (r) {
      roles.push(r.role);
      for (let k = i; k < r.last; k++) used[k] = 1;
      i = r.last - 1;
    }
  }

  // Pass 2: NAME [،] title …
  const titled = new Set(roles.map((r) => r.end));
  /** people a feminine title introduces («المستشارة الألمانية أنغيلا ميركل») */
  const women = new Set(roles.filter((r) => feminineTitle(r.title)).map((r) => r.person.entity));
  entities.forEach((e, k) => {
    if (e.type !== 'PER') return;
    // a name already introduced by its title is not followed by a second one (… صباح الخالد السفير الأمريكي)
    if (titled.has(e.end)) return;
    let i = e.tokenEnd;
    const end = sentenceEnd(e.tokenStart);
    if (i < end && (view.fold[i] === '،' || view.fold[i] === ',')) i++;
    if (i >= end || used[i]) return;
    const m = matchTitle(view, i, end, lex, doc.tokens[i].text);
    // نظيره after a name is the object of the sentence, not this person's title
    if (!m || m.entry.kind === 'counterpart') return;
    // «تريزا ماي ورئيسة الوزراء»: a title joined by و names someone else; one under a preposition is an object
    // («التقى ترامب بالملكة», «قدم الشكر للأمير»)
    if ('وبلكف'.includes(view.fold[i][0]) && !stripAl(view.fold[i]).startsWith(m.entry.words[0])) return;
    // a masculine title right after a woman, no comma between, is the object of the verb before her: «والتقت
    // ميركل العاهل الأردني» (Merkel met the king)
    if (i === e.tokenEnd && !feminineTitle(m.entry.title) && women.has(refOf(e, linked[k]).entity)) return;
    const r = readAfter(e, k, i, m, end);
    if (r) roles.push(r);
  });
  // a country read from a pronoun («زعيمها», «وزير خارجيته») is the one the person's other roles in the article
  // state, when they state one: «زعيم كوريا الشمالية كيم جونغ أون» … «القمة في سنغافورة» … «زعيمها كيم»
  const stated = new Map<string, Set<string>>();
  for (const r of roles) {
    if (guessedAt.has(r.start) || r.of === null || !countries.has(r.of)) continue;
    let set = stated.get(r.person.entity);
    if (!set) stated.set(r.person.entity, (set = new Set()));
    set.add(r.of);
  }
  for (const r of roles) {
    const own = guessedAt.has(r.start) ? stated.get(r.person.entity) : undefined;
    if (own?.size === 1) r.of = [...own][0];
  }
  return roles.sort((a, b) => a.start - b.start);

  /**
   * "وزير الخارجية" named without a country, in an article that names "وزارة الخارجية الأردنية": the minister of
   * that ministry's country (the only such ministry named, so the reading is not a guess between two).
   */
  function ministryCountry(title: string): string | null {
    let c = ministryMemo.get(title);
    if (c === undefined) ministryMemo.set(title, (c = ministryCountryOf(title)));
    return c;
  }
  function ministryCountryOf(title: string): string | null {
    const words = foldArabic(title).split(' ');
    if (words.length < 2 || (words[0] !== 'وزير' && words[0] !== 'وزيره')) return null;
    const ministry = 'وزاره ' + words.slice(1).join(' ');
    let found: string | null = null;
    for (let k = 0; k < entities.length; k++) {
      const l = linked[k];
      if (entities[k].type !== 'ORG' || !l.country) continue;
      const name = foldArabic(l.canonical);
      if (name !== ministry && !name.startsWith(ministry + ' ')) continue;
      if (found !== null && found !== l.country) return null;
      found = l.country;
    }
    return found;
  }

  /** The title of the nearest role before `token` in its sentence (the office a counterpart shares), if any. */
  function counterpartTitle(token: number): string | null {
    const at = doc.tokens[token].start;
    const si = view.sentenceOf[token];
    const from = si >= 0 ? doc.sentences[si].start : 0;
    for (let r = roles.length - 1; r >= 0; r--) {
      if (roles[r].end <= at && roles[r].start >= from) return roles[r].title;
    }
    return null;
  }

  function contextCountry(token: number, exclude: string | null = null, fits?: (country: string) => boolean): string | null {
    return nearestCountry(ctx.countryRefs, token, exclude, fits) ?? dominantCountry(ctx.countryRefs, fits);
  }

  /**
   * The last complement word carrying a possessive pronoun (وزير خارجيته، رئيس وزرائها، رئيس مجلس إدارتها)
   * as the definite noun it stands for (الخارجية، الوزراء، الإدارة), or null for «بلاده» (his country: no word,
   * only an owner). Only in a construct chain (the word before it has no article: «المنتهية ولايته» is no
   * complement).
   */
  function ownedComplement(extra: string[], m: TitleMatch): { word: string | null } | null {
    if (extra.length === 0) return null;
    const raw = extra[extra.length - 1];
    const before = extra.length > 1 ? foldArabic(extra[extra.length - 2]) : view.fold[m.end - 1];
    if (before.startsWith('ال') || raw.startsWith('ال')) return null;
    const suffix = POSSESSIVE.find((p) => raw.length > p.length + 2 && raw.endsWith(p));
    if (!suffix) return null;
    let stem = raw.slice(0, -suffix.length);
    if (foldArabic(stem) === 'بلاد') return { word: null };
    if (stem.endsWith('ت')) stem = stem.slice(0, -1) + 'ة';
    else if (stem.endsWith('ئ')) stem = stem.slice(0, -1) + 'ء';
    return { word: 'ال' + stem };
  }

  /** A government office, held for a country: a minister, or a title the lexicon files as head of government. */
  function stateTitle(m: TitleMatch, title: string): boolean {
    if (m.entry.kind === 'minister' || m.entry.kind === 'head_of_government') return true;
    const words = keyWords(title);
    return (lex.titles.get(words[0]) ?? []).some(
      (t) => (t.kind === 'minister' || t.kind === 'head_of_government') && t.words.length === words.length && t.words.every((w, j) => stripAl(w) === words[j]),
    );
  }

  /** Reads complement, country/organization and honorifics after a title up to a PER mention. */
  function readForward(start: number, m: TitleMatch, end: number): { role: Role; last: number } | null {
    const extra: string[] = [];
    /** how the title is held, read after its country (السابق، الحالي) */
    const held: string[] = [];
    let of: string | null = null;
    // سفيرها: the owner of the pronoun, unless the phrase names the country (نظيره التونسي)
    const pronounOf = m.pronoun ? contextCountry(start) : null;
    let posting = false;
    /** token index of an indefinite noun read after في (its genitive follows) */
    let construct = -1;
    /** token index of the last word added to the title */
    let lastExtra = -1;
    let k = m.end;
    while (k < end && k - m.end <= MAX_GAP) {
      const ei = view.entityAt[k];
      if (ei !== -1) {
        const e = entities[ei];
        if (e.tokenStart === k || k === m.end) {
          if (e.type === 'PER') {
            if (e.tokenStart !== k || construct === k - 1) return null;
            // a one-word title without the article right before a name is in construct with it: «مستشار خامنئي»
            // is Khamenei's adviser, «مبعوث بوتين» Putin's envoy (not «الرئيس بوتين», nor «وزير الخارجية X»)
            if (k === m.end && m.end === start + 1 && !m.pronoun && !writtenDefinite(view.fold[start])) return null;
            // a name under a preposition is an object, not in apposition: «التقى الرئيس الإندونيسي [ب]جوكو ويدودو»
            if (/[بل]/.test(doc.text.slice(doc.tokens[k].start, e.start))) return null;
            // a name right after a noun that takes a person as its genitive is that noun's owner, not the holder:
            // «المدير السابق لحملة ترمب», «مدير مكتب الحريري», «المتحدث باسم ترمب» (the holder follows a definite
            // complement, «المدير التنفيذي للحملة X», or a name the tagger missed, «رئيس تحرير صحيفة جمهوريت X»)
            const complement = extra.length > 0 && lastExtra === k - 1 ? view.fold[k - 1]
              : extra.length === 0 && k === m.end && m.entry.words.length > 1 ? view.fold[k - 1] : null;
            if (complement && titlePersonGenitives().has(complement.replace(/^[وف]?[لب](?!ال)/, ''))) return null;
            // وزير خارجيته، رئيس وزراء بلاده: the owner of the complement's pronoun holds the office
            const owned = m.pronoun ? null : ownedComplement(extra, m);
            if (owned) {
              extra.splice(extra.length - 1, 1, ...(owned.word ? [owned.word] : []));
              // وزيرة خارجية بلادهم → وزيرة الخارجية
              if (!owned.word && extra.length > 0 && !foldArabic(extra[extra.length - 1]).startsWith('ال')) extra[extra.length - 1] = 'ال' + extra[extra.length - 1];
            }
            // نظيره = the same office elsewhere: take the title of the person it answers to, when the sentence named it
            const title = (m.entry.kind === 'counterpart' ? counterpartTitle(start) : null) ?? composeTitle(view, start, m, extra, held);
            const ownerCountry = owned && (owned.word === null || stateTitle(m, title)) ? contextCountry(start) : null;
            // a second title that names its own country or body is someone else's («وزير الخارجية الأمريكي نظيره
            // السعودي», «… رئيس الوزراء الإسرائيلي»)
            const first = of === null ? apposed.get(start) : undefined;
            if (of === null && !first && (pronounOf !== null || ownerCountry !== null)) guessedAt.add(doc.tokens[start].start);
            const role: Role = {
              person: refOf(e, linked[ei]),
              title,
              of: of ?? first?.of ?? pronounOf ?? ownerCountry ?? ministryCountry(title),
              text: doc.text.slice(doc.tokens[first?.start ?? start].start, e.end),
              start: doc.tokens[first?.start ?? start].start,
              end: e.end,
            };
            return { role, last: e.tokenEnd };
          }
          const l = linked[ei];
          // an ORG that swallowed the title (رئيس [مجلس الوزراء العراقي]) only adds its country
          if (e.tokenStart < m.end) of ??= l.country;
          else if (!posting) of ??= l.country && e.type !== 'ORG' ? l.country : l.canonical;
          posting = false;
          construct = -1;
          k = Math.max(e.tokenEnd, k + 1);
          continue;
        }
      }
      const f = view.fold[k];
      const t = doc.tokens[k];
      if (t.kind === 'punct') {
        if (f === '،' || f === ',') {
          k++;
          continue;
        }
        return null;
      }
      if (t.kind !== 'word') return null;
      const hon = honorificLength(k);
      if (hon) {
        k += hon;
        continue;
      }
      // two-word nisbas first (الكوري الشمالي)
      const nis2 = k + 1 < end ? lex.nisba.get(f + ' ' + view.fold[k + 1]) : undefined;
      const nis = nis2 ?? lex.nisba.get(f) ?? countryOfWords([f], lex);
      if (nis) {
        if (!posting) of ??= nis;
        posting = false;
        k += nis2 ? 2 : 1;
        continue;
      }
      const place = lex.placeWords.get(f);
      if (place === 'one') {
        of ??= contextCountry(k, null, (c) => placeWordFits(f, c));
        k++;
        continue;
      }
      if (f === 'في' || f === 'لدي') {
        posting = true;
        k++;
        continue;
      }
      if (lex.genericPrefixes.has(stripAl(f))) {
        k++;
        continue;
      }
      if (stop.has(f)) return null;
      const second = matchTitle(view, k, end, lex);
      if (second) {
        // a second title in apposition holds the office of the country the first one named: «العاهل الأردني
        // الملك عبد الله» is Jordan's king; not one joined by و or under a preposition («الرئيس الأمريكي ونظيره»,
        // «… بوزيرة الخارجية»: the title's word opens the token), nor a counterpart («وزير الخارجية الأمريكي نظيره»)
        // After a body rather than a country, only one set off by a comma: «رئيس حزب … الحاكم» is the ruling party.
        const apposition = countries.has(of ?? '') || view.fold[k - 1] === '،' || view.fold[k - 1] === ',';
        if (of !== null && apposition && second.entry.kind !== 'counterpart' && stripAl(f).startsWith(second.entry.words[0])) {
          apposed.set(k, { of, start: apposed.get(start)?.start ?? start });
        }
        return null;
      }
      if (titleTimeAdverbs().has(f)) {
        k++;
        continue;
      }
      // الرئيس الروسي السابق: how the title is held may follow its country
      if (of !== null && titleStatusWords().has(f)) {
        held.push(t.text);
        k++;
        continue;
      }
      // one adjective between the country and the name describes the holder: «الزعيم البوسني المسلم [حارث
      // سيلايجيتش]»; not a noun of people, which opens the name of someone else: «التقى الرئيس التونسي اللاعب [X]»
      const nextEntity = k + 1 < end ? view.entityAt[k + 1] : -1;
      if (
        of !== null && f.startsWith('ال') && !triggerWords('title').has(stripAl(f)) &&
        nextEntity !== -1 && entities[nextEntity].type === 'PER' && entities[nextEntity].tokenStart === k + 1
      ) {
        k++;
        continue;
      }
      if (of !== null) return null; // words after the country belong to something else
      // في + what is no place (النائب في البرلمان، وزير المالية في حكومة …): where the office is held, not
      // part of the title; an indefinite noun there takes a genitive, and a name right after it is that
      // genitive («في حكومة إياد علاوي», «في عهد مبارك»), not this title's holder
      if (posting) {
        if (!f.startsWith('ال')) construct = k;
        k++;
        continue;
      }
      // a construct chain ends at its first definite word: an indefinite word after it (a verb, «حكومة»,
      // «حينها») is no part of the title, and the name after it need not be its holder; ل/ب + noun
      // complements go on (الرئيس التنفيذي لشركة، المتحدث باسم), and so do coordinated constructs
      // (وزير الاتصالات وتقنية المعلومات)
      // a noun of people joined by و to a state or church office is a second person's: «البابا والصحفي [X]» (the
      // journalist is X); not to a trade, which one person may hold with another («الممثل والمخرج [X]»)
      if (f.startsWith('و') && OFFICE_KINDS.has(m.entry.kind) && triggerWords('title').has(stripAl(f.slice(1)))) return null;
      const before = extra.length > 0 ? foldArabic(extra[extra.length - 1]) : view.fold[m.end - 1];
      const coordinated = f.startsWith('و') && k + 1 < end && view.fold[k + 1].startsWith('ال');
      if (/^[وف]?[بل]?(?:ال|لل)/.test(before) && !/^[وف]?(?:ال|[لب])/.test(f) && !coordinated) return null;
      extra.push(t.text);
      lastExtra = k;
      k++;
    }
    return null;
  }

  /** NAME [،] title [complement] [country|ORG]: only definite complements, stops at anything else. */
  function readAfter(e: Entity, ei: number, start: number, m: TitleMatch, end: number): Role | null {
    const extra: string[] = [];
    let of: string | null = m.pronoun ? contextCountry(e.tokenStart) : null;
    if (of !== null) guessedAt.add(e.start);
    let k = m.end;
    let last = m.end;
    while (k < end && k - m.end <= 4) {
      const xi = view.entityAt[k];
      if (xi !== -1) {
        const x = entities[xi];
        if (x.type === 'PER') return null; // the title introduces the next name: pass 1's business
        const l = linked[xi];
        of ??= l.country && x.type !== 'ORG' ? l.country : l.canonical;
        k = last = Math.max(x.tokenEnd, k + 1);
        break;
      }
      const f = view.fold[k];
      const nis2 = k + 1 < end ? lex.nisba.get(f + ' ' + view.fold[k + 1]) : undefined;
      const nis = nis2 ?? lex.nisba.get(f);
      if (nis) {
        of ??= nis;
        k = last = k + (nis2 ? 2 : 1);
        break;
      }
      if (doc.tokens[k].kind !== 'word' || stop.has(f) || of !== null) break;
      if (!f.startsWith('ال')) {
        // an indefinite title in construct with a chain of nouns: «مدير برنامج المضادات الحيوية», «رئيسة قسم
        // التطعيم»; the chain must reach a definite word or a name, or it is no complement («زعيم يحب الحروب» aside)
        const chainEnd = k === m.end && !view.fold[m.end - 1].startsWith('ال') ? constructEnd(k, end) : -1;
        if (chainEnd < 0) break;
        const xi = view.entityAt[chainEnd];
        // an organization's head before the name is the organization's: «مدير مؤسسة [نوبل]» → مؤسسة نوبل,
        // «رئيس جامعة [القاهرة]» → جامعة القاهرة
        const head = xi !== -1 && orgHeads().has(stripAl(view.fold[chainEnd - 1])) ? chainEnd - 1 : chainEnd;
        for (; k < head; k++) extra.push(doc.tokens[k].text);
        last = k;
        if (head < chainEnd) {
          // the name may already open with the head («عضو حركة [حماس]»: حركة المقاومة الإسلامية)
          const name = linked[xi].canonical;
          of = stripAl(foldArabic(name)).startsWith(stripAl(view.fold[head])) ? name : doc.tokens[head].text + ' ' + name;
          last = entities[xi].tokenEnd;
          break;
        }
        continue;
      }
      if (matchTitle(view, k, end, lex)) break;
      extra.push(doc.tokens[k].text);
      k = last = k + 1;
    }
    // a PER right after the phrase means the title belongs to that name
    if (last < end && view.entityAt[last] !== -1 && entities[view.entityAt[last]].type === 'PER') return null;
    return {
      person: refOf(e, linked[ei]),
      title: composeTitle(view, start, m, extra),
      of,
      text: doc.text.slice(e.start, doc.tokens[last - 1].end),
      start: e.start,
      end: doc.tokens[last - 1].end,
    };
  }

  /**
   * The end of a run of up to three indefinite nouns from token k (no verb: a word opening with ي or ت is taken
   * for one) when a definite word or a name other than a person's follows it, else -1.
   */
  function constructEnd(k: number, end: number): number {
    for (let j = k; j < end && j - k <= 3; j++) {
      const xi = view.entityAt[j];
      if (xi !== -1) return j > k && entities[xi].type !== 'PER' && entities[xi].tokenStart === j ? j : -1;
      const f = view.fold[j];
      if (doc.tokens[j].kind !== 'word' || stop.has(f)) return -1;
      // the chain ends at a definite noun, not at a title, whose own phrase it is («مدير مكتب الرئيس»: the office
      // of whichever president, no title of this person's)
      if (f.startsWith('ال')) return j > k && !matchTitle(view, j, end, lex) ? j : -1;
      if (/^[يت]/.test(f) || f.length < 3 || matchTitle(view, j, end, lex)) return -1;
    }
    return -1;
  }

  function honorificLength(k: number): number {
    for (const h of lex.honorifics) {
      if (h.every((w, j) => view.fold[k + j] === w)) return h.length;
    }
    return 0;
  }
}
