import type { Amount, ArabicDoc, Entity, EntityRef, EventStatus, NewsEvent, Role, TimeExpr } from '../doc.js';
import { canonicalKey } from '../link/canonical.js';
import { foldArabic, stripAl } from '../link/fold.js';
import { keyWords, linkLexicon, placeWordFits } from '../link/lexicon.js';
import { matchTitle } from '../link/roles.js';
import { docView, type DocView } from '../link/view.js';
import { freq, gluedPreposition } from '../text/lexicon.js';
import { isStopword } from '../text/stopwords.js';
import { valueRange } from '../time/calendar.js';
import { eventLexicon, type EventLexicon, type Frame, type Marker, type TriggerEntry } from './lexicon.js';

/**
 * A small rule engine: find triggers (lexicon forms after clitic stripping), cut the sentence into one
 * segment per trigger, and read each event's arguments from the argument units (entities, with a role phrase
 * standing for its person) by the frame of its type; then time, amounts, status and attributes.
 */

/** An argument candidate: an entity mention, a role phrase (→ its person) or a country word (البلدين). */
interface Unit {
  refs: EntityRef[];
  tokenStart: number;
  tokenEnd: number;
  start: number;
  end: number;
  /** governing preposition (folded word before, or proclitic ل/ب), null when free */
  prep: string | null;
  /** starts with the conjunction و (X و Y) */
  coord: boolean;
  /** a title standing for its country (الرئيس الفرنسي): a person, though the reference is a place */
  titled?: boolean;
  /** a nisba (الوفد المصري): people of the country, not the country as a place */
  demonym?: boolean;
  /** named after a place head noun (في بلدة X, بمنطقة X): a place, never a party */
  placed?: boolean;
  /** a country's armed forces («الجيش اليمني»): they advance, they do not visit */
  military?: boolean;
  /** an attack noun's nationality («غارة إسرائيلية»): the attacker of that attack, no party of other events */
  attacker?: boolean;
  /** a visit's or talks' nationality («الزيارة الأرجنتينية»): its party, the visitor rather than the visited */
  party?: boolean;
  type: Entity['type'];
}

interface Hit {
  token: number;
  entry: TriggerEntry;
  future: boolean;
  /** a possessive / object pronoun was attached (زيارته, سلمها) */
  suffix: string;
}

/** grammar word classes from resources/events/wordclasses.tsv */
let grammar: Record<'preposition' | 'aux' | 'complementizer' | 'during' | 'passive_aux' | 'agent_noun' | 'source_cite' | 'relative', Set<string>> | null = null;
function G(): NonNullable<typeof grammar> {
  if (grammar) return grammar;
  const c = eventLexicon().classes;
  const get = (name: string) => {
    const set = c.get(name);
    if (!set) throw new Error(`resources/events/wordclasses.tsv: class "${name}" is missing`);
    return set;
  };
  grammar = {
    preposition: get('preposition'), aux: get('aux'), complementizer: get('complementizer'), during: get('during'),
    passive_aux: get('passive_aux'), agent_noun: get('agent_noun'), source_cite: get('source_cite'), relative: get('relative'),
  };
  return grammar;
}
/** arguments further than this many tokens after the trigger belong to something else */
const MAX_ARG_DISTANCE = 10;
/** prepositional arguments may sit further out (تعهدات … على شكل قروض … تقدم لبغداد) */
const MAX_PREP_DISTANCE = 14;
const SUFFIXES = ['هما', 'هم', 'هن', 'ها', 'ه'];

/** types that can stand without a participant (a dated agreement, a pledged sum, a placed conference) */
const SELF_STANDING = new Set(['PLEDGE', 'AGREEMENT', 'HOST_CONFERENCE']);

/** how far (tokens) around a trigger its arguments are looked for in a long sentence */
const WINDOW = 40;

/** Per-document indexes: which tokens are inside a time / amount, and each sentence's dates and amounts. */
interface Extras {
  inTime: Uint8Array;
  inAmount: Uint8Array;
  sentDates: TimeExpr[][];
  sentAmounts: Amount[][];
  /** PER units by position, for possessive pronouns (زيارته) */
  perUnits: Unit[] | null;
  /** entity ids of the people the document marks as women (womenOf) */
  women: Set<string> | null;
  /** entity ids of the people it marks as men (a masculine title or verb of speech), and as no woman */
  men: Set<string> | null;
}
const extrasCache = new WeakMap<ArabicDoc, Extras>();

function extrasOf(doc: ArabicDoc): Extras {
  let ex = extrasCache.get(doc);
  if (ex) return ex;
  const n = doc.tokens.length;
  const mark = (spans: ReadonlyArray<{ start: number; end: number }>): Uint8Array => {
    const out = new Uint8Array(n);
    const sorted = [...spans].sort((a, b) => a.start - b.start);
    let k = 0;
    for (const sp of sorted) {
      while (k < n && doc.tokens[k].end <= sp.start) k++;
      for (let j = k; j < n && doc.tokens[j].start < sp.end; j++) out[j] = 1;
    }
    return out;
  };
  const bySentence = <T extends { start: number }>(xs: T[]): T[][] => {
    const out: T[][] = doc.sentences.map(() => []);
    const sorted = [...xs].sort((a, b) => a.start - b.start);
    let si = 0;
    for (const x of sorted) {
      while (si < doc.sentences.length && doc.sentences[si].end <= x.start) si++;
      if (si < doc.sentences.length && doc.sentences[si].start <= x.start) out[si].push(x);
    }
    return out;
  };
  ex = {
    inTime: mark(doc.times),
    inAmount: mark(doc.amounts),
    sentDates: bySentence(doc.times.filter((x) => (x.kind === 'date' || x.kind === 'time') && x.resolved)),
    sentAmounts: bySentence(doc.amounts),
    perUnits: null,
    women: null,
    men: null,
  };
  extrasCache.set(doc, ex);
  return ex;
}

/**
 * The people a document marks as women: one whose title is the feminine of a listed title («وزيرة الخارجية
 * [كارين كنايسل]»: وزيرة ← وزير; not an honorific ending in ة, «فخامة الرئيس»), or right after a feminine verb of
 * speech («قالت [ميركل]», «تقول …») or «السيدة» — and nowhere marked as a man by a masculine title or verb of speech
 * (a role misread onto a man, «وعين أحمد رئيسة البرلمان، …», makes no woman of him). Only speech verbs: the name
 * after them is their subject, where after «التقى» or «استقبل» it is as often the object.
 */
function womenOf(doc: ArabicDoc, view: DocView, lex: EventLexicon): Set<string> {
  const women = new Set<string>();
  const men = new Set<string>();
  const titles = linkLexicon().titles;
  for (const r of doc.roles) {
    const first = foldArabic(r.title.split(' ')[0]).replace(/^ال/, '');
    if (first.length > 3 && first.endsWith('ه') && titles.has(first.slice(0, -1))) women.add(r.person.entity);
    else if (!first.endsWith('ه') && titles.has(first)) men.add(r.person.entity);
  }
  for (const e of doc.entities) {
    if (e.type !== 'PER' || e.tokenStart === 0 || !e.entity) continue;
    const word = view.fold[e.tokenStart - 1];
    if (word === 'السيده' || word === 'والسيده') {
      women.add(e.entity);
      continue;
    }
    // the whole word first (وجهت, وقعت are verbs as written), then without a conjunction (وقالت)
    const gender = speechGender(lex, word) ?? (/^[وف]/.test(word) ? speechGender(lex, word.slice(1)) : null);
    if (gender === 'f') women.add(e.entity);
    else if (gender === 'm') men.add(e.entity);
  }
  for (const m of men) women.delete(m);
  extrasOf(doc).men = men;
  return women;
}

/** Does a person unit's known gender clash with the verb's («ودعت» after «اتهامات نتانياهو»)? Unknown never clashes. */
function genderClash(doc: ArabicDoc, view: DocView, lex: EventLexicon, u: Unit, t: number, pos: string): boolean {
  if (u.type !== 'PER' || u.refs.length !== 1) return false;
  const feminine = feminineVerb(doc.tokens[t].text, pos);
  if (feminine === null) return false;
  const ex = extrasOf(doc);
  const women = (ex.women ??= womenOf(doc, view, lex));
  const id = u.refs[0].entity;
  return feminine ? !!ex.men?.has(id) : women.has(id);
}

/** The gender a verb of speech shows by its form (قالت، تقول: f; قال، يقول: m), or null for no such verb. */
function speechGender(lex: EventLexicon, form: string): 'f' | 'm' | null {
  const rows = (lex.triggers.get(form) ?? []).filter((x) => x.type === 'STATEMENT' && (x.pos === 'past' || x.pos === 'pres'));
  // a form whose rows disagree on the tense says nothing
  if (!rows.length || rows.some((x) => x.pos !== rows[0].pos)) return null;
  const f = feminineVerb(form, rows[0].pos);
  return f === null ? null : f ? 'f' : 'm';
}

/** Candidate lexicon forms for a folded word, least stripped first. */
type Candidate = { form: string; future: boolean; noun: boolean; suffix: string };
/** per folded form, one map for words written with a final ة and one for the rest (no key strings built) */
const candidateMemo = [new Map<string, Candidate[]>(), new Map<string, Candidate[]>()];

/** candidates() of a token, keeping only forms the trigger lexicon knows (memoized: news repeats its words) */
function triggerCandidates(lex: EventLexicon, f: string, taMarbuta: boolean): Candidate[] {
  const memo = candidateMemo[taMarbuta ? 1 : 0];
  let c = memo.get(f);
  if (!c) {
    c = candidates(f, taMarbuta).filter((x) => lex.triggers.has(x.form));
    if (memo.size >= 100_000) memo.clear();
    memo.set(f, c);
  }
  return c;
}

const MINISTRY_POSSESSIVE = /^وزارت(?:ه|ها|هم|هما|نا|كم|ي)$/;

function candidates(f: string, taMarbuta = false): Candidate[] {
  const out: Array<{ form: string; future: boolean; noun: boolean; suffix: string }> = [];
  const bases = [f];
  // «وزارته», «وزارتها»: a ministry with its possessive far more often than و + «زارته» (she visited him)
  if (f.length > 3 && (f[0] === 'و' || f[0] === 'ف') && !MINISTRY_POSSESSIVE.test(f)) bases.push(f.slice(1));
  for (const b of bases) {
    const stems: Array<{ s: string; future: boolean; noun: boolean }> = [{ s: b, future: false, noun: false }];
    if (b.length > 4 && b[0] === 'س') stems.push({ s: b.slice(1), future: true, noun: false });
    if (b.startsWith('ال') && b.length > 4) stems.push({ s: b.slice(2), future: false, noun: true });
    if (b.startsWith('لل') && b.length > 4) stems.push({ s: b.slice(2), future: false, noun: true });
    if (/^[بلك]ال/.test(b) && b.length > 5) stems.push({ s: b.slice(3), future: false, noun: true });
    // after ب a three-letter masdar too («بقصف», «بفرض عقوبات»; only noun rows match it); not after ل, where it is
    // mostly a purpose («لفرض عقوبات»: to impose them)
    if (/^[بلك][^ا]/.test(b) && (b.length > 4 || (b.length === 4 && b[0] === 'ب'))) stems.push({ s: b.slice(1), future: false, noun: true });
    for (const st of stems) {
      out.push({ form: st.s, future: st.future, noun: st.noun, suffix: '' });
      for (const suf of SUFFIXES) {
        // a final ة is not the pronoun ه (وزارة is not و+زار+ه)
        if (taMarbuta && suf === 'ه') continue;
        if (st.s.length > suf.length + 2 && st.s.endsWith(suf)) {
          const stem = st.s.slice(0, -suf.length);
          out.push({ form: stem, future: st.future, noun: st.noun, suffix: suf });
          if (stem.endsWith('ت')) out.push({ form: stem.slice(0, -1) + 'ه', future: st.future, noun: true, suffix: suf });
        }
      }
    }
  }
  return out;
}

export function extractEvents(doc: ArabicDoc): NewsEvent[] {
  if (!doc.tokens.length || !doc.sentences.length) return [];
  const lex = eventLexicon();
  const view = docView(doc);
  const units = buildUnits(doc, view);
  const events: NewsEvent[] = [];
  let u0 = 0;
  doc.sentences.forEach((s, si) => {
    // units are sorted by position: sweep instead of filtering the whole list per sentence
    while (u0 < units.length && units[u0].tokenStart < s.tokenStart) u0++;
    const hits = absorbInvited(view, lex, findTriggers(doc, view, lex, s.tokenStart, s.tokenEnd), s.tokenEnd);
    if (!hits.length) return;
    let u1 = u0;
    while (u1 < units.length && units[u1].tokenStart < s.tokenEnd) u1++;
    const sentAny = units.slice(u0, u1).filter((u) => u.tokenEnd <= s.tokenEnd);
    const sentEvents: NewsEvent[] = [];
    hits.forEach((hit, h) => {
      const sentAll = hit.entry.type === 'ATTACK' ? sentAny : sentAny.filter((u) => !u.attacker);
      // nobody in the sentence and no pronoun to resolve: only self-standing types can say anything
      if (!sentAll.length && !hit.suffix && !SELF_STANDING.has(hit.entry.type)) return;
      const segEnd = segmentEnd(doc, view, lex, hit.token, hits[h + 1]?.token ?? s.tokenEnd, s.tokenEnd);
      const leftStart = h > 0 ? hits[h - 1].token + 1 : s.tokenStart;
      // a trigger's arguments sit near it: a window keeps run-on sentences linear
      const sentUnits = sentAll.length > 64 ? sentAll.filter((u) => u.tokenStart >= hit.token - WINDOW && u.tokenStart <= hit.token + WINDOW) : sentAll;
      const ev = buildEvent(doc, view, lex, units, sentUnits, hit, segEnd, leftStart, si, hits);
      if (ev) sentEvents.push(ev);
    });
    events.push(...mergeSameType(sentEvents, doc.text));
  });
  settleHeadlines(events, doc.published);
  return events;
}

/**
 * A headline tells travel and meetings in the present whether they are done or to come («X يزور الكويت»): the
 * body decides. The same act by the same actor (to the same target, if both name one) told as done in the body
 * with a past verb makes the headline's done too, on the body's date («… وصل X إلى الكويت أمس»); else it stays
 * planned, on the date the body gives the plan.
 */
function settleHeadlines(events: NewsEvent[], published: string | null): void {
  // (an act told as done on a date long before the publication is an earlier one: «سبق والتقى بوتين … في أيلول»)
  const recent = (b: NewsEvent) => {
    if (!b.time || !published) return true;
    const range = valueRange(b.time);
    return !!range && Date.parse(range[1]) >= Date.parse(published) - HEADLINE_RECENT_DAYS * 86_400_000;
  };
  for (const h of events) {
    if (h.sentence !== 0 || !HEADLINE_PRESENT_PLAN.has(h) || !h.actor) continue;
    const same = (b: NewsEvent) => b.sentence > 0 && b.type === h.type && b.actor?.name === h.actor!.name && (!h.target || !b.target || b.target.name === h.target.name);
    // (a verb's past: a verbal noun is «occurred» by default, «زيارة ولي العهد» tells nothing)
    const done = events.find((b) => same(b) && b.status === 'occurred' && META.get(b)?.pos === 'past' && recent(b));
    if (done) {
      h.status = 'occurred';
      h.time ??= done.time;
      continue;
    }
    // told as planned with a date: the headline's is that date («يصل … الأحد المقبل»)
    h.time ??= events.find((b) => same(b) && b.status === 'planned' && b.time)?.time ?? null;
  }
}

/** speech acts whose noun, right after a statement verb, is what the verb says («أعرب عن إدانته») */
const SPEECH_ACT_NOUN = new Set(['CONDEMN', 'APPEAL']);
/** tokens from a statement verb to that noun (أعرب + subject + عن + noun) */
const SPEECH_ACT_REACH = 6;

/** tokens from a statement verb to a «في + statement noun» that only says how it was made */
const STATEMENT_FORM_REACH = 8;

/**
 * دعاه إلى زيارة …, لبى دعوة … لزيارة …: the visit one is invited to is part of the invitation, not an event; nor
 * is the statement noun of «قال … في تصريحات».
 */
function absorbInvited(view: DocView, lex: EventLexicon, hits: Hit[], sentEnd: number): Hit[] {
  const out: Hit[] = [];
  let inviteAt = -1;
  let saidAt = -1;
  for (const [k, h] of hits.entries()) {
    // «أعرب عن إدانته», «كشف عن دعوته»: the speech act the verb expresses is the event, not a second one (but «أعلن
    // إدانة»: both, as written)
    const named = hits[k + 1];
    if (h.entry.type === 'STATEMENT' && h.entry.pos !== 'noun' && named && named.entry.pos === 'noun' && SPEECH_ACT_NOUN.has(named.entry.type) && named.token - h.token <= SPEECH_ACT_REACH && view.fold[named.token - 1] === 'عن') continue;
    if (h.entry.type === 'STATEMENT' && h.entry.pos !== 'noun') saidAt = h.token;
    // قال X في تصريحات لـ…: the statement noun is the form of the statement just reported, not a second one
    if (h.entry.type === 'STATEMENT' && h.entry.pos === 'noun' && saidAt >= 0 && h.token - saidAt <= STATEMENT_FORM_REACH && inClass(lex, 'statement_form', view.fold[h.token - 1])) continue;
    if (h.entry.type === 'INVITE') {
      // «لبى X دعوة Y», «تلبية لدعوة Y»: the invitation accepted is no event of its own; the acceptance carries both
      // (X accepts, Y invited)
      if (h.entry.variant !== 'accept' && h.entry.pos === 'noun' && hits.some((o) => o.entry.type === 'INVITE' && o.entry.variant === 'accept' && o.token < h.token && h.token - o.token <= 8)) continue;
      inviteAt = attendIndex(view, lex, h.token, sentEnd);
      out.push(h);
      continue;
    }
    if (inviteAt >= 0 && h.token === inviteAt && h.entry.pos === 'noun') continue;
    // على هامش اجتماع …: the gathering is the setting of another meeting, not an event of its own
    if (h.entry.pos === 'noun' && h.token > 0 && lex.markers.get(view.fold[h.token - 1]) === 'third') continue;
    out.push(h);
  }
  return out;
}

function findTriggers(doc: ArabicDoc, view: DocView, lex: EventLexicon, from: number, to: number): Hit[] {
  const hits: Hit[] = [];
  for (let i = from; i < to; i++) {
    if (doc.tokens[i].kind !== 'word') continue;
    // names are not triggers (فيصل is not ف+يصل); an ORG/MISC may open with one (اتفاقية خور عبد الله)
    const ei = view.entityAt[i];
    if (ei !== -1) {
      const e = doc.entities[ei];
      // a name that starts inside the token, after a proclitic, is the token («لبي بي سي»: «to the BBC», not لبى);
      // a one-word name is no trigger either (the club «الاتفاق», not an agreement)
      if (e.type === 'PER' || e.type === 'LOC' || e.tokenStart !== i || e.start > doc.tokens[i].start || e.tokenEnd === i + 1) continue;
    }
    // «على رفع العقوبات», «احتمال شن ضربات»: a masdar, not the past verb written the same (asked only of a past
    // row: -1 not asked yet)
    let masdar = -1;
    for (const c of triggerCandidates(lex, view.fold[i], doc.tokens[i].text.endsWith('ة'))) {
      const rows = lex.triggers.get(c.form);
      if (!rows) continue;
      let chosen: TriggerEntry | null = null;
      for (const row of rows) {
        if (c.future && row.pos !== 'pres') continue;
        if (c.noun && row.pos !== 'noun') continue;
        if (row.pos === 'past') {
          if (masdar < 0) masdar = i > from && view.entityAt[i - 1] === -1 && inClass(lex, 'masdar_before', view.fold[i - 1]) ? 1 : 0;
          if (masdar) continue;
        }
        if (needsHold(doc, view, lex, row.needs, i, to)) {
          chosen = row;
          break;
        }
      }
      // «إدانته للهجوم» is his condemnation of it; «بعد إدانته بالفساد», «إدانتهما، الأسبوع الماضي، بانتهاك …» a
      // court's verdict on him: a possessive «إدانة» needs its object with ل («تنديده بالهجوم» is one with ب)
      if (chosen && chosen.type === 'CONDEMN' && chosen.pos === 'noun' && c.suffix && inClass(lex, 'verdict', c.form) && !lObjectAfter(doc, view, i, to)) break;
      if (chosen) {
        hits.push({ token: i, entry: chosen, future: c.future, suffix: c.suffix });
        break;
      }
    }
  }
  return hits;
}

const classFormMemo = new Map<string, string[]>();

/** Folded, ال-less, suffix-less forms of a token, for word-class membership (memoized). */
function classForms(f: string): string[] {
  let c = classFormMemo.get(f);
  if (!c) {
    c = classFormsUncached(f);
    if (classFormMemo.size >= 200_000) classFormMemo.clear();
    classFormMemo.set(f, c);
  }
  return c;
}

function classFormsUncached(f: string): string[] {
  const out = new Set<string>([f, stripAl(f)]);
  const b = f.replace(/^[وف]/, '');
  out.add(b);
  out.add(stripAl(b));
  out.add(b.replace(/^(?:[بلك]ال|لل|[بلك])/, ''));
  for (const x of [...out]) {
    for (const suf of SUFFIXES) if (x.length > suf.length + 2 && x.endsWith(suf)) {
      const stem = x.slice(0, -suf.length);
      out.add(stem);
      if (stem.endsWith('ت')) out.add(stem.slice(0, -1) + 'ه');
    }
  }
  return [...out];
}

function inClass(lex: EventLexicon, cls: string, f: string): boolean {
  const set = lex.classes.get(cls);
  if (!set) return false;
  return classForms(f).some((x) => set.has(x));
}

const classCounts = new WeakMap<ArabicDoc, Map<string, number>>();

/** How many words of a class the document has (counted once per document and class). */
function classCount(doc: ArabicDoc, view: DocView, lex: EventLexicon, cls: string): number {
  let counts = classCounts.get(doc);
  if (!counts) classCounts.set(doc, (counts = new Map()));
  let n = counts.get(cls);
  if (n === undefined) {
    n = 0;
    for (let k = 0; k < doc.tokens.length; k++) if (doc.tokens[k].kind === 'word' && inClass(lex, cls, view.fold[k])) n++;
    counts.set(cls, n);
  }
  return n;
}

const OPENING_QUOTES = new Set(['"', '«', '“']);
const CLOSING_QUOTES = new Set(['"', '»', '”']);
/** a quoted name or phrase runs to at most this many tokens («"اتفاقا بالسكوت"», «"OPCW"»); longer is a quotation */
const QUOTED_NAME_TOKENS = 5;

/** Does a colon or a quotation (not a short quoted name) begin at token k? */
function quotationAt(view: DocView, k: number): boolean {
  const f = view.fold[k];
  if (f === ':') return true;
  if (!OPENING_QUOTES.has(f)) return false;
  for (let j = k + 1; j < view.fold.length && j <= k + QUOTED_NAME_TOKENS + 1; j++) if (CLOSING_QUOTES.has(view.fold[j])) return false;
  return true;
}

function needsHold(doc: ArabicDoc, view: DocView, lex: EventLexicon, needs: string, i: number, sentEnd: number): boolean {
  if (needs === '-') return true;
  // A&B: both hold
  if (needs.includes('&')) return needs.split('&').every((n) => needsHold(doc, view, lex, n, i, sentEnd));
  // !COND: the condition must not hold («لقاء» but not «لقاء تلفزيوني», an interview)
  if (needs.startsWith('!')) return !needsHold(doc, view, lex, needs.slice(1), i, sentEnd);
  // %CLASS:N: the whole article has at least N words of the class (a match report calls its game «اللقاء»)
  if (needs.startsWith('%')) {
    const [cls, n] = needs.slice(1).split(':');
    return classCount(doc, view, lex, cls) >= Number(n ?? 1);
  }
  const sentStart = view.sentenceOf[i] >= 0 ? doc.sentences[view.sentenceOf[i]].tokenStart : 0;
  const after = (n: number) => Array.from({ length: Math.max(0, Math.min(n, sentEnd - i - 1)) }, (_, k) => i + 1 + k);
  if (needs === '>to') {
    return after(8).some((k) => view.fold[k] === 'الي' || view.fold[k] === 'لدي' || (view.entityAt[k] !== -1 && /^و?ل/.test(view.fold[k]) && !view.fold[k].startsWith('لدي')));
  }
  if (needs === '>with') return after(10).some((k) => view.fold[k] === 'مع' || view.fold[k] === 'ومع');
  if (needs === '>per') return after(4).some((k) => view.entityAt[k] !== -1 && doc.entities[view.entityAt[k]].type === 'PER');
  // a quantity right after («لقاء 222 مليون يورو»: in exchange for; not an ordinal: «اللقاء الثاني»)
  if (needs === '>amount') {
    return after(1).some((k) => doc.amounts.some((a) => a.kind !== 'ordinal' && a.start < doc.tokens[k].end && a.end > doc.tokens[k].start));
  }
  // a sum of money within N tokens after, in the trigger's own clause («تبرعت الكويت بمبلغ 10 ملايين دولار»)
  if (needs.startsWith('>money')) {
    const width = Number(needs.split(':')[1] ?? 6);
    for (const k of after(width)) {
      if (view.isBoundary[k] || complementizerAt(doc, view, k)) return false;
      if (doc.amounts.some((a) => a.kind === 'money' && a.start < doc.tokens[k].end && a.end > doc.tokens[k].start)) return true;
    }
    return false;
  }
  const both = needs.startsWith('<>');
  const [cls, n] = needs.replace(/^<?>/, '').split(':');
  if (!lex.classes.has(cls)) return after(n ? Number(n) : 3).some((k) => view.fold[k].replace(/^و/, '') === cls);
  const width = n ? Number(n) : 6;
  // the word must be in the trigger's own clause: the window ends at a clause break or a complementizer (أن)
  const win: number[] = [];
  for (const k of after(width)) {
    // (a quotation opens words of their own: «وأضاف نجم الفريق "أحتاج إلى مزيد من الوقت"»)
    if (view.isBoundary[k] || lex.markers.get(view.fold[k]) === 'break' || complementizerAt(doc, view, k) || quotationAt(view, k)) break;
    win.push(k);
  }
  if (both) for (let k = Math.max(sentStart, i - width); k < i; k++) win.push(k);
  return win.some((k) => inClass(lex, cls, view.fold[k]));
}

function segmentEnd(doc: ArabicDoc, view: DocView, lex: EventLexicon, token: number, next: number, sentEnd: number): number {
  for (let k = token + 1; k < next; k++) {
    if (lex.markers.get(view.fold[k]) === 'break') return k;
    if (view.isBoundary[k]) return k;
    // (a number inside an amount is none: «مئة وستين»)
    if (futureClause(view.fold[k]) && !doc.amounts.some((a) => a.start <= doc.tokens[k].start && a.end >= doc.tokens[k].end)) return k;
  }
  return Math.min(next, sentEnd);
}

/** Argument units: role phrases stand for their person; other entities for themselves; البلدين for the two countries. */
function buildUnits(doc: ArabicDoc, view: DocView): Unit[] {
  const units: Unit[] = [];
  const covered = new Set<number>();
  const lexL = linkLexicon();
  const ref = (e: Entity): EntityRef => ({ entity: e.entity ?? canonicalKey(e.text, e.type), name: e.canonical ?? e.text, type: e.type });
  const tokenOf = (offset: number): number => firstTokenAt(doc, offset);
  const perByEnd = new Map<number, Entity>();
  const perByStart = new Map<number, Entity>();
  for (const e of doc.entities) {
    if (e.type !== 'PER') continue;
    perByEnd.set(e.end, e);
    perByStart.set(e.start, e);
  }
  for (const r of doc.roles) {
    // title before the name: the role ends with the person; name before the title: it starts with them
    const before = perByEnd.get(r.end);
    const person = before && before.start >= r.start ? before : perByStart.get(r.start);
    if (!person) continue;
    const ts = tokenOf(r.start);
    // a role written after the name (X، وزير …) starts at the name; the unit ends where the role phrase ends
    const te = Math.max(person.tokenEnd, tokenOf(r.end - 1) + 1);
    units.push(makeUnit(doc, view, [ref(person)], ts, te, r.start, r.end, 'PER'));
    // the entities inside the role phrase are its parts (its country, its organization)
    for (let i = ts; i < doc.tokens.length && doc.tokens[i].start < r.end; i++) {
      const k = view.entityAt[i];
      if (k !== -1 && doc.entities[k].start >= r.start && doc.entities[k].end <= r.end) covered.add(k);
    }
  }
  doc.entities.forEach((e, k) => {
    if (covered.has(k)) return;
    // a currency or unit word the NER tagged inside an amount (30 مليار دولار) is no participant
    const ex = extrasOf(doc);
    if (e.tokenStart >= 0 && e.tokenStart < ex.inTime.length && (ex.inAmount[e.tokenStart] || ex.inTime[e.tokenStart]) && insideSpan(doc, e)) return;
    let u = makeUnit(doc, view, [ref(e)], e.tokenStart, e.tokenEnd, e.start, e.end, e.type);
    if (lexL.nisba.has(foldArabic(e.text))) u.demonym = true;
    // «وقال الرئيس [الفرنسي]»: the title and its nationality stand for the holder the article names
    if (u.demonym && e.tokenEnd - e.tokenStart === 1) {
      for (const back of [1, 2]) {
        const from = e.tokenStart - back;
        if (from < 0 || view.entityAt[from] !== -1) continue;
        const m = matchTitle(view, from, e.tokenStart, lexL, doc.tokens[from].text);
        // (a minister's portfolio read apart: «وزير» + «الخارجية»)
        if (!m || (m.end !== e.tokenStart && !(back === 2 && m.end === from + 1 && inClass(eventLexicon(), 'state_body', view.fold[from + 1])))) continue;
        const holder = titleHolder(doc, view, from, e.tokenStart, u.refs[0].name);
        if (holder) u = makeUnit(doc, view, [holder], from, e.tokenEnd, doc.tokens[from].start, e.end, 'PER');
        break;
      }
    }
    // (not a country's own name that is also a nisba's form: «زيارة السعودية» is a visit to it)
    if (u.demonym && e.tokenStart > 0 && inClass(eventLexicon(), 'party_noun', view.fold[e.tokenStart - 1]) &&
      foldArabic(e.text) !== foldArabic(u.refs[0].name)) u.party = true;
    // a person right after a one-word title without the article is its genitive, not a party: «قال مستشار
    // [خامنئي]» — the adviser spoke (the roles layer gives no role there either)
    const p = e.tokenStart - 1;
    if (e.type === 'PER' && u.prep === null && p >= 0 && view.entityAt[p] === -1 && !/^(?:[وف]?[بك]?ال|[وف]?لل)/.test(view.fold[p])) {
      const m = matchTitle(view, p, e.tokenStart, lexL, doc.tokens[p].text);
      if (m && m.end === e.tokenStart && !m.pronoun) u.prep = 'genitive';
    }
    units.push(u);
  });
  // country words the NER does not tag: البلدين → the two most mentioned countries; البلاد → the last one
  let top: string[] | null = null;
  for (let i = 0; i < doc.tokens.length; i++) {
    if (view.entityAt[i] !== -1) continue;
    const word = view.bare[i] === view.fold[i] ? view.fold[i] : 'ال' + view.bare[i];
    const kind = lexL.placeWords.get(word) ?? lexL.placeWords.get(view.fold[i]);
    if (!kind) continue;
    top ??= topCountries(doc, lexL);
    const countries = kind === 'two' ? top.slice(0, 2) : lastCountryBefore(doc, lexL, doc.tokens[i].start, (c) => placeWordFits(lexL.placeWords.has(word) ? word : view.fold[i], c));
    if (!countries.length || (kind === 'two' && countries.length < 2)) continue;
    const t = doc.tokens[i];
    const refs = countries.map((c) => ({ entity: canonicalKey(c, 'LOC'), name: c, type: 'LOC' as const }));
    units.push(makeUnit(doc, view, refs, i, i + 1, t.start, t.end, 'LOC'));
  }
  // «بلاده/بلادها» (his / her country) as a free argument: the country the last person named before holds office
  // for, by their roles («قال لودريان إن بلاده ستمنح 550 مليون يورو»: France pledges); not under a preposition
  // («عاد إلى بلاده»), and only a person the pronoun agrees with
  const ownCountry = new Map<string, string>();
  const countryNames = new Set(lexL.countries.values());
  for (const r of doc.roles) if (r.of && countryNames.has(r.of) && !ownCountry.has(r.person.entity)) ownCountry.set(r.person.entity, r.of);
  if (ownCountry.size) {
    const persons = units.filter((u) => u.type === 'PER' && u.refs.length === 1).sort((a, b) => a.tokenEnd - b.tokenEnd);
    for (let i = 0; i < doc.tokens.length; i++) {
      const m = /^[وف]?بلاد(ه|ها)$/.exec(view.fold[i]);
      // (nor after a word of place: «زيارة خارج بلاده» is not to it)
      if (!m || view.entityAt[i] !== -1 || (i > 0 && inClass(eventLexicon(), 'locative', view.fold[i - 1]))) continue;
      const women = (extrasOf(doc).women ??= womenOf(doc, view, eventLexicon()));
      const s = view.sentenceOf[i];
      let owner: Unit | undefined;
      for (const u of persons) {
        if (u.tokenEnd > i) break;
        if (view.sentenceOf[u.tokenStart] < s - 1) continue;
        if ((m[1] === 'ها') === women.has(u.refs[0].entity)) owner = u;
      }
      const country = owner ? ownCountry.get(owner.refs[0].entity) : undefined;
      if (!country) continue;
      const t = doc.tokens[i];
      const u = makeUnit(doc, view, [{ entity: canonicalKey(country, 'LOC'), name: country, type: 'LOC' }], i, i + 1, t.start, t.end, 'LOC');
      if (u.prep === null) units.push(u);
    }
  }
  // a state body or a title with a country's nisba and no name the NER tagged («الحكومة اليمنية», «القوات السورية»,
  // «الرئيس الفرنسي» alone) stands for that country
  const taken = new Uint8Array(doc.tokens.length);
  for (const u of units) for (let k = u.tokenStart; k < u.tokenEnd && k < taken.length; k++) taken[k] = 1;
  // attack nouns (wordclasses.tsv attack_noun), matched on the bare word (بالغارات → غارات; لغارات → غارات)
  const attackNouns = eventLexicon().classes.get('attack_noun') ?? new Set<string>();
  for (let i = 1; i < doc.tokens.length; i++) {
    if (view.entityAt[i] !== -1 || taken[i] || taken[i - 1] || view.entityAt[i - 1] !== -1) continue;
    // an attack noun's nationality, definite or not, is the attacker: «غارة إسرائيلية», «القصف الروسي»
    const head = view.bare[i - 1];
    const attacker = attackNouns.has(head) || (/^[بلك]/.test(head) && attackNouns.has(head.slice(1))) ? lexL.nisba.get(view.fold[i].startsWith('ال') ? view.fold[i] : 'ال' + view.fold[i]) : undefined;
    if (attacker) {
      const refs = [{ entity: canonicalKey(attacker, 'LOC'), name: attacker, type: 'LOC' as const }];
      const u = makeUnit(doc, view, refs, i, i + 1, doc.tokens[i].start, doc.tokens[i].end, 'LOC');
      u.demonym = true;
      u.attacker = true;
      units.push(u);
      taken[i] = 1;
      continue;
    }
    // a visit's or talks' nationality is its party: «الزيارة الأرجنتينية», «المحادثات الأمريكية الصينية» (the second
    // nisba too)
    // (the nisba first: a map lookup, where the head's word class is not)
    const party = lexL.nisba.get(view.fold[i]);
    const partyHead = !!party && (inClass(eventLexicon(), 'party_noun', view.fold[i - 1]) ||
      (i > 1 && taken[i - 1] === 2 && inClass(eventLexicon(), 'party_noun', view.fold[i - 2])));
    if (party && partyHead && foldArabic(party) !== view.fold[i]) {
      const u = makeUnit(doc, view, [{ entity: canonicalKey(party, 'LOC'), name: party, type: 'LOC' }], i, i + 1, doc.tokens[i].start, doc.tokens[i].end, 'LOC');
      u.demonym = true;
      u.party = true;
      units.push(u);
      taken[i] = 2;
      continue;
    }
    if (!view.fold[i].startsWith('ال')) continue;
    const country = lexL.nisba.get(view.fold[i]);
    if (!country) continue;
    const bodyHead = view.fold[i - 1];
    // a two-word title first («ولي العهد السعودي», «رئيس الوزراء العراقي», and «وزير الخارجية الأميركي», whose last
    // word alone is a body); an office of state, not «رجل الأعمال البريطاني»
    const m2 = i > 1 && !taken[i - 2] && view.entityAt[i - 2] === -1 ? matchTitle(view, i - 2, i, lexL, doc.tokens[i - 2].text) : null;
    // (a minister's title reads its portfolio apart: «وزير» + «الخارجية», a body's word alone)
    const two = !!m2 && STATE_TITLES.has(m2.entry.kind) && (m2.end === i || (m2.end === i - 1 && inClass(eventLexicon(), 'state_body', bodyHead)));
    const military = !two && inClass(eventLexicon(), 'military_body', bodyHead);
    const body = !two && (military || inClass(eventLexicon(), 'state_body', bodyHead));
    const title = two || (!body && matchTitle(view, i - 1, i, lexL, doc.tokens[i - 1].text)?.end === i);
    if (!body && !title) continue;
    // a title before a person's name: the role phrase stands for the person («الرئيس الفرنسي إيمانويل ماكرون»)
    const next = i + 1 < doc.tokens.length ? view.entityAt[i + 1] : -1;
    if (title && next !== -1 && doc.entities[next].type === 'PER') continue;
    const from = two ? i - 2 : i - 1;
    // the one the article names as holding that title stands for it («وقال الرئيس الأميركي» after «الرئيس الأميركي
    // دونالد ترامب»): the nearest before, else the first after; not a former one («الرئيس الأمريكي السابق»)
    const holder = title ? titleHolder(doc, view, from, i, country) : null;
    if (holder) {
      const u = makeUnit(doc, view, [holder], from, i + 1, doc.tokens[from].start, doc.tokens[i].end, 'PER');
      units.push(u);
      for (let k = from; k <= i; k++) taken[k] = 1;
      continue;
    }
    const refs = [{ entity: canonicalKey(country, 'LOC'), name: country, type: 'LOC' as const }];
    const u = makeUnit(doc, view, refs, from, i + 1, doc.tokens[from].start, doc.tokens[i].end, 'LOC');
    u.titled = true;
    if (military) u.military = true;
    units.push(u);
    for (let k = from; k <= i; k++) taken[k] = 1;
  }
  // a title with a country and no name (أمير البلاد, الرئيس الفرنسي, نظيره المغربي) stands for that country
  const covered2 = new Set(doc.roles.flatMap((r) => [r.start]));
  for (const u of units) {
    if (u.type !== 'LOC' && u.type !== 'MISC') continue;
    if (!u.refs.every((r) => r.type === 'LOC')) continue;
    for (const back of [1, 2]) {
      const k = u.tokenStart - back;
      if (k < 0 || view.entityAt[k] !== -1 || covered2.has(doc.tokens[k].start)) continue;
      const m = matchTitle(view, k, u.tokenStart, lexL, doc.tokens[k].text);
      // أمير دولة قطر: a title in construct with a generic prefix; a definite title is no construct («زار الرئيس مدينة الموصل»)
      if (!m || (m.end !== u.tokenStart && !(back === 2 && lexL.genericPrefixes.has(stripAl(view.fold[k + 1])) && !/^[وفلب]?ال/.test(view.fold[k])))) continue;
      // nor is a title ending in a definite word, the place right after it bare: «زار الوزير باريس» (Paris is visited),
      // «وزير الخارجية موسكو»; with ل it is the title's place («المبعوث الخاص لسوريا»)
      if (u.prep === null && !u.coord && /^(?:[وف]?ال|لل)/.test(view.fold[u.tokenStart - 1])) continue;
      const wider = makeUnit(doc, view, u.refs, k, u.tokenEnd, doc.tokens[k].start, u.end, 'LOC');
      Object.assign(u, { tokenStart: wider.tokenStart, start: wider.start, prep: wider.prep, coord: wider.coord, titled: true });
      break;
    }
  }
  return units.sort((a, b) => a.tokenStart - b.tokenStart);
}

/** how many words before a count a casualty word may stand («عن مقتل 20», «عدد القتلى إلى 50») */
const CASUALTY_REACH = 3;

/**
 * The killed and wounded an attack's sentence counts: a count of dead or wounded («15 قتيلا», «22 جريحا»), or a
 * count right after a word of killing or wounding («مقتل 20 شخصا وإصابة 30 آخرين»). The first of each.
 */
function casualtiesOf(doc: ArabicDoc, view: DocView, lex: EventLexicon, sentence: number): { killed?: number; wounded?: number } {
  const out: { killed?: number; wounded?: number } = {};
  const sent = doc.sentences[sentence];
  for (const a of extrasOf(doc).sentAmounts[sentence] ?? []) {
    if ((a.kind !== 'count' && a.kind !== 'number') || typeof a.value !== 'number') continue;
    let kind: 'killed' | 'wounded' | null = null;
    const unit = a.unit ? foldArabic(a.unit) : '';
    if (unit && inClass(lex, 'killed_unit', unit)) kind = 'killed';
    else if (unit && inClass(lex, 'wounded_unit', unit)) kind = 'wounded';
    else {
      // the words before the count, nearest first, up to another number
      let k = firstTokenAt(doc, a.start) - 1;
      for (let n = 0; n < CASUALTY_REACH && k >= sent.tokenStart && !kind; n++, k--) {
        if (extrasOf(doc).inAmount[k]) break;
        if (inClass(lex, 'killed', view.fold[k])) kind = 'killed';
        else if (inClass(lex, 'wounded', view.fold[k])) kind = 'wounded';
      }
    }
    if (kind && out[kind] === undefined) out[kind] = a.value;
  }
  return out;
}

/** Index of the first token ending after `offset` (binary search). */
function firstTokenAt(doc: ArabicDoc, offset: number): number {
  let lo = 0;
  let hi = doc.tokens.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (doc.tokens[mid].end > offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * A country, or (`capitals`) a capital standing for its government as a verb's subject («غارات شنتها دمشق»): who
 * attacks, not what is hit. After an attack noun a capital is where («هجوم أمستردام»).
 */
function isState(name: string, capitals = true): boolean {
  const lexL = linkLexicon();
  return (countrySet ??= new Set(lexL.countries.values())).has(name) || (capitals && lexL.capitalOf.has(keyWords(name).join(' ')));
}

/** A sports club (resources/ner/clubs.txt) read as an organization: «الهلال», «ريال مدريد»; not the place «ظفار». */
function isClub(ref: EntityRef): boolean {
  return ref.type === 'ORG' && linkLexicon().clubs.has(keyWords(ref.name).join(' '));
}

/** A name a sports club goes by, whatever the type it was read as: «ليفربول» the city is also the club. */
function hasClub(ref: EntityRef): boolean {
  return ref.type !== 'PER' && linkLexicon().clubs.has(keyWords(ref.name).join(' '));
}

/** The entity lies inside an amount or time expression (checked only for tokens already marked). */
function insideSpan(doc: ArabicDoc, e: Entity): boolean {
  return doc.amounts.some((a) => e.start >= a.start && e.end <= a.end) || doc.times.some((x) => e.start >= x.start && e.end <= x.end);
}

let countrySet: Set<string> | null = null;
const countryMentionCache = new WeakMap<object, Array<{ start: number; name: string }>>();

/** Mentions (in order) whose canonical name is a country, computed once per entity layer. */
function countryNames(doc: ArabicDoc, lexL: ReturnType<typeof linkLexicon>): Array<{ start: number; name: string }> {
  let list = countryMentionCache.get(doc.entities);
  if (!list) {
    const names = (countrySet ??= new Set(lexL.countries.values()));
    list = doc.entities.filter((e) => e.canonical && names.has(e.canonical)).map((e) => ({ start: e.start, name: e.canonical! }));
    countryMentionCache.set(doc.entities, list);
  }
  return list;
}

function topCountries(doc: ArabicDoc, lexL: ReturnType<typeof linkLexicon>): string[] {
  const counts = new Map<string, number>();
  for (const c of countryNames(doc, lexL)) counts.set(c.name, (counts.get(c.name) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([n]) => n);
}

/** The last country named before the offset (else the most named), among those that fit the word («المملكة»). */
function lastCountryBefore(doc: ArabicDoc, lexL: ReturnType<typeof linkLexicon>, offset: number, fits: (country: string) => boolean): string[] {
  const before = countryNames(doc, lexL).filter((c) => c.start < offset && fits(c.name));
  return before.length ? [before[before.length - 1].name] : topCountries(doc, lexL).filter(fits).slice(0, 1);
}

function makeUnit(doc: ArabicDoc, view: DocView, refs: EntityRef[], ts: number, te: number, start: number, end: number, type: Entity['type']): Unit {
  const tok = doc.tokens[ts];
  const proclitic = view.fold[ts].length && start > tok.start ? doc.text.slice(tok.start, start) : '';
  const f = view.fold[ts];
  let prep: string | null = null;
  let coord = false;
  const pc = proclitic.replace(/[\u064B-\u065F]/g, '');
  if (pc) {
    coord = pc.startsWith('و') || pc.startsWith('ف');
    const rest = pc.replace(/^[وف]/, '');
    if (rest.startsWith('ل')) prep = 'ل';
    else if (rest.startsWith('ب')) prep = 'ب';
    else if (rest.startsWith('ك')) prep = 'ك';
  } else if (start === tok.start && /^[وفلب]/.test(f)) {
    // a role phrase: the title token itself may carry و/ل/ب (ووزير, لرئيس, بالرئيس)
    const lexL = linkLexicon();
    const tail = f.slice(1);
    if (lexL.titles.has(stripAl(tail)) || (tail.startsWith('ل') && lexL.titles.has(stripAl(tail.slice(1))))) {
      if (f[0] === 'و') coord = true;
      else prep = f[0];
    }
  }
  if (!prep && ts > 0) {
    // (an opening quote may stand between, and a preposition written apart with a tatweel: «لـ"رويترز"»)
    const p = ts > 1 && OPENING_QUOTES.has(view.fold[ts - 1]) ? ts - 2 : ts - 1;
    const prev = view.fold[p].replace(/^و/, '').replace(/\u0640/g, '');
    if (G().preposition.has(prev)) prep = prev;
    else if (prev === 'ل' || prev === 'ب') prep = prev;
  }
  // «في بلدة X», «بمنطقة X»: a place named after its head noun, under في or ب, is where, not who («زار مدينة
  // الموصل», «زيارة لمدينة X» keep it as what is visited)
  let placed = false;
  if (!prep && !pc && ts > 1 && type === 'LOC' && inClass(eventLexicon(), 'place_head', view.fold[ts - 1])) {
    const head = stripAl(view.fold[ts - 1].replace(/^[وف]/, ''));
    const before = view.fold[ts - 2].replace(/^و/, '');
    // the head carries the preposition (بمنطقة، لمدينة) when the word without its first letter is a place head;
    // «بلدة» is one itself
    const heads = eventLexicon().classes.get('place_head')!;
    if (/^[بل]/.test(head) && !heads.has(head) && heads.has(stripAl(head.slice(1)))) prep = head[0];
    else if (G().preposition.has(before)) prep = before;
    placed = prep === 'ب' || prep === 'في';
  }
  // «بموقع [تويتر]», «من دولة [إسرائيل]», «برصاص [الجيش الإسرائيلي]»: a name in construct with an indefinite noun
  // under a preposition is inside that phrase (its genitive), no free argument; not after an event noun, whose
  // genitive is its party («خلال زيارة [X]», «مع فرض [الرئيس …]»), nor before one it is the subject of («بعد
  // قرار [السلفادور] قطع العلاقات»)
  if (!prep && !pc && ts > 1 && view.entityAt[ts - 1] === -1 && doc.tokens[ts - 1].kind === 'word') {
    const raw = view.fold[ts - 1];
    const noun = raw.startsWith('و') && raw.length > 3 ? raw.slice(1) : raw;
    const lexE = eventLexicon();
    const event = (w: string) => lexE.triggers.has(w) || inClass(lexE, 'attend', w);
    const next = te < doc.tokens.length ? stripAl(view.fold[te].replace(/^و/, '')) : '';
    if (!/^(?:ال|لل|بال|كال)/.test(noun) && !isStopword(noun) && !event(raw) && !event(noun) && !lexE.triggers.get(next)?.some((x) => x.pos === 'noun')) {
      if (gluedPreposition(noun) && !event(noun.slice(1))) prep = noun[0];
      else if (G().preposition.has(view.fold[ts - 2].replace(/^و/, ''))) prep = view.fold[ts - 2].replace(/^و/, '');
    }
  }
  return { refs, tokenStart: ts, tokenEnd: te, start, end, prep, coord, type, placed };
}

function buildEvent(
  doc: ArabicDoc,
  view: DocView,
  lex: EventLexicon,
  allUnits: Unit[],
  sentUnits: Unit[],
  hit: Hit,
  segEnd: number,
  leftStart: number,
  sentence: number,
  hits: Hit[],
): NewsEvent | null {
  const { entry } = hit;
  const base: Frame = lex.frames.get(entry.type) ?? { actor: ['subj'], target: [], place: [], symmetric: false, genitive: 'actor', parties: null };
  const frame: Frame = base;
  const t = hit.token;
  const tok = doc.tokens[t];
  const inSegment = sentUnits.filter((u) => u.tokenStart > t && u.tokenStart < segEnd);
  // «بحسب ما ذكرت وكالة فرانس برس», «حسبما أفادت قناة …»: a news outlet cited for what the sentence tells is its
  // source, not a statement of its own
  if (entry.type === 'STATEMENT' && entry.pos !== 'noun' && citedAt(view, lex, t)) {
    const outlet = inSegment.find((u) => u.tokenStart <= t + 2);
    if (outlet && mediaUnit(view, lex, outlet)) return null;
  }
  // after أنّ a new clause begins: its nouns are not this verb's subject or object (ذكر البيان أن X التقى Y)
  let comp = segEnd;
  // (not a name's word: «آن ليندي» is Ann Linde)
  for (let k = t + 1; k < segEnd; k++) if (!inLongName(doc, view, k) && G().complementizer.has(view.fold[k].replace(/^و/, ''))) { comp = k; break; }
  // what one is invited to (الدعوة لزيارة باريس) holds neither the inviter nor the invitee
  const attend = entry.type === 'INVITE' ? attendIndex(view, lex, t, segEnd) : -1;
  const attendEnd = attend < 0 ? -1 : attend + invitedToLength(doc, view, attend, segEnd);
  // after it, only one invited with إلى (وجه الدعوة لزيارة الرياض إلى الرئيس) or the inviter after من (قبل), not
  // what the gathering is about (دعت إلى اجتماع لمجلس الأمن للبحث في الأعمال العدوانية للولايات المتحدة)
  const invited = (u: Unit) => attend >= 0 && u.tokenStart >= attend && !(u.tokenStart >= attendEnd &&
    (u.prep === 'الي' || u.prep === 'من' || (view.fold[u.tokenStart - 2] === 'من' && G().agent_noun.has(view.fold[u.tokenStart - 1]))));
  // how far an argument stands from the trigger: the words in between, less punctuation and the other arguments
  // («استقبل [الملك عبدالله الثاني]، في قصر [الحسينية]، الاثنين، [وزير الخارجية الكويتي X]» is three words away)
  const inUnit = new Uint8Array(Math.max(0, segEnd - t));
  for (const u of inSegment) for (let k = u.tokenStart; k < u.tokenEnd && k < segEnd; k++) inUnit[k - t] = 1;
  const distance = (u: Unit) => {
    let n = 0;
    for (let k = t + 1; k < u.tokenStart; k++) if (!inUnit[k - t] && doc.tokens[k].kind !== 'punct') n++;
    return n;
  };
  const after = inSegment.filter((u) => (u.tokenStart <= t + MAX_ARG_DISTANCE || distance(u) < MAX_ARG_DISTANCE) && u.tokenStart < comp && !invited(u) && !u.placed);
  // ── subject
  const used = new Set<Unit>();
  let subj: Unit | null = null;
  let genitive: Unit | null = null;
  let passiveTarget: Unit | null = null;
  /** an actor carried over from the previous event of the sentence (pro-drop) */
  let carried: EntityRef | null = null;
  /** the owner of a possessive suffix (زيارته): the actor, but outside the event's span */
  let possessor: Unit | null = null;
  let subjSecond: EntityRef | null = null;
  /** كان opens the clause before a subject set off from its verb by a relative clause */
  let kanaAside = false;
  /** the noun is the object of a verb of intention (يعتزم، ينوي) */
  let intended = false;
  if (entry.pos === 'noun') {
    // genitive right after the noun (adjectives may intervene: الزيارة المرتقبة للكاظمي)
    // not past the act one is invited to (الدعوة لزيارة باريس: Paris is where the visit goes, not who invites)
    // (nor past a verb that opens a clause of its own: «الاحتجاج على الزيارة ودعوا الرئيس …»)
    // (after «تصريح», «حديث», «مقابلة», ل before a news outlet names whom it was made to, «تصريحاته لرويترز»;
    // before anyone else, who made it, «تصريحات لوزير الخارجية», «تصريحات لفريق ليستر»; «بيان للوزارة» is the ministry's)
    const toMedia = entry.type === 'STATEMENT' && inClass(lex, 'statement_to', view.fold[t]);
    // (nor a country: «سحب تصريح لبريطانيا» is a permit, and a country's statements are «تصريحات إيرانية»)
    const spokenTo = (u: Unit) => toMedia && (mediaUnit(view, lex, u) || (u.type === 'LOC' && !u.titled && !u.demonym));
    genitive = after.find((u) => u.tokenStart <= t + 3 && (u.prep === null || (u.prep === 'ل' && !spokenTo(u))) && !u.coord &&
      !hasPrepBetween(view, t, u.tokenStart) && !hasVerbBetween(lex, view, t, u.tokenStart) && (attend < 0 || u.tokenStart < attend)) ?? null;
    // اتفاقية الجزائر names the agreement; تعيين أخنوش names the appointee: neither is the actor
    if (genitive && entry.type === 'AGREEMENT' && genitive.type !== 'PER' && genitive.type !== 'ORG') {
      used.add(genitive);
      genitive = null;
    }
    // تم استقبال X: after تم the masdar is passive and its genitive is the one acted on
    const passive = t > 0 && G().passive_aux.has(view.fold[t - 1].replace(/^[وف]/, ''));
    // a title with a country («زيارة الرئيس الإريتري لإثيوبيا») stands for a person: the visitor, not the visited
    // a city or region after an attack noun is what is hit («هجوم واغادوغو»), a country the attacker («قصف إيران لمقر …»),
    // and so is a capital further on, the subject of a relative verb («غارات شنتها دمشق»)
    const genitiveRole = frame.genitive === 'actor/loc-target' ? (genitive?.type === 'LOC' && !genitive.titled && !genitive.party &&
      !(entry.type === 'ATTACK' && isState(genitive.refs[0].name, genitive.tokenStart > t + 1)) ? 'target' : 'actor')
      : frame.genitive === 'actor/l-target' ? (genitive?.prep === 'ل' ? 'target' : 'actor') : frame.genitive;
    if (genitive && genitiveRole === 'actor' && !passive) subj = genitive;
    if (genitive && genitiveRole === 'target' && !passive) passiveTarget = genitive;
    if (genitive && passive && !frame.symmetric) passiveTarget = genitive;
    // «ألغى [وزير الاقتصاد] لقاء», «تعتزم [المنظمة] عقد مؤتمر»: a verb whose object is the act, right before it
    // or with only its subject between; not for agreements and sanctions, which such verbs end («ألغت الاتفاقية»)
    const masdarVerbAt = (k: number) => entry.type !== 'AGREEMENT' && entry.type !== 'SANCTION' && inClass(lex, 'masdar_verb', view.fold[k]) &&
      onlyUnitsBetween(view, sentUnits, k, t);
    if (!subj) {
      // a light verb carries the noun (قام X بزيارة, أجرى X اتصالا): its subject is the actor. Up to 6 words back,
      // not counting a name between («أجرى العاهل السعودي، الملك سلمان بن عبد العزيز، اتصالا»)
      const nameTokens = sentUnits.filter((u) => u.tokenEnd <= t && u.tokenStart >= t - 16).reduce((n, u) => n + u.tokenEnd - u.tokenStart, 0);
      for (let k = t - 1; k >= Math.max(leftStart, t - 6 - nameTokens); k--) {
        const receive = inClass(lex, 'receive_verb', view.fold[k]);
        if (!receive && !inClass(lex, 'light_verb', view.fold[k]) && !masdarVerbAt(k)) continue;
        // «يعتزم لافروف زيارة كوريا»: an intention is a plan
        if (inClass(lex, 'intend_verb', view.fold[k])) intended = true;
        // the person when a title with a country comes first («العاهل الأردني، الملك عبد الله الثاني»)
        const between = sentUnits.filter((u) => u.tokenStart > k && u.tokenEnd <= t && u.prep === null);
        subj = between.find((u) => u.type === 'PER') ?? between[0] ?? null;
        if (!subj) {
          const before = sentUnits.filter((u) => u.tokenEnd <= k && u.tokenStart >= leftStart && u.prep === null);
          const last = before[before.length - 1];
          if (last && onlyAux(view, last.tokenEnd, k)) subj = last;
        }
        // a verb of receiving (تلقى X دعوة من Y): its subject is the one the act is aimed at, the actor follows من
        if (receive) {
          passiveTarget = subj;
          subj = after.find((u) => u.prep === 'من' && u.tokenStart <= t + MAX_PREP_DISTANCE) ?? null;
        }
        break;
      }
    }
    // «لبى عون دعوة ماكرون», «رفض عون تلبية دعوة الأسد», «يزور البشير موسكو تلبية لدعوة بوتين»: the one who accepts
    // (or refuses) an invitation is the one invited; the masdar accepts for its clause's subject
    if (entry.type === 'INVITE' && entry.pos === 'noun' && !passiveTarget) {
      // «قبل» right before the noun accepts it when a name or a subject word comes first («شي قبل دعوة من كيم», «أنه
      // قبل دعوة»); elsewhere it is «before» («تتردد قبل دعوة الناس»)
      const unitEndingAt = (k: number) => sentUnits.find((u) => u.tokenEnd === k || (u.tokenEnd === k - 1 && (view.fold[k - 1] === '،' || view.fold[k - 1] === ',')));
      const accepts = (k: number) => inClass(lex, 'accept_verb', view.fold[k]) || (view.fold[k] === 'قبل' && k === t - 1 &&
        (inClass(lex, 'accept_subject', view.fold[k - 1] ?? '') || ['PER', 'ORG'].includes(unitEndingAt(k)?.type ?? '')));
      for (let k = entry.variant === 'accept' ? t : t - 1; k >= Math.max(leftStart, t - 6); k--) {
        if (!accepts(k)) continue;
        const between = sentUnits.filter((u) => u.tokenStart > k && u.tokenEnd <= t && u.prep === null);
        let invitee: Unit | null = between.find((u) => u.type === 'PER') ?? between[0] ?? null;
        // «رفض عون تلبية دعوة …»: the verb before the masdar has the subject
        if (!invitee && inClass(lex, 'accept_verb', view.fold[k - 1] ?? '')) continue;
        // the nearest free person or body before it
        if (!invitee) {
          for (let x = sentUnits.length - 1; x >= 0 && !invitee; x--) {
            const u = sentUnits[x];
            if (u.tokenEnd <= k && u.tokenStart >= leftStart && u.prep === null && (u.type === 'PER' || u.type === 'ORG')) invitee = u;
          }
        }
        if (invitee && invitee !== subj) {
          // «قبل دعوة من كيم»: the inviter after من
          subj ??= after.find((u) => u.prep === 'من' && u.tokenStart <= t + 3) ?? null;
          if (entry.variant === 'accept') {
            // «تلبية لدعوة بوتين»: the one who accepts is the actor (CAMEO 036), the inviter the target
            passiveTarget = subj;
            subj = invitee;
          } else passiveTarget = invitee;
        }
        break;
      }
    }
    // a singular or dual possessive names a person before; a plural one («استقبالهم», «وصولهم») is a group, or the
    // masdar's object, never the one person found
    if (!subj && (hit.suffix === 'ه' || hit.suffix === 'هما' || hit.suffix === 'ها')) {
      const ex = extrasOf(doc);
      const pers = (ex.perUnits ??= allUnits.filter((u) => u.type === 'PER'));
      // a masculine pronoun (زيارته) points to no woman, a feminine one (زيارتها) only to one the text marks so:
      // otherwise «ها» is a country's or an organization's, as it most often is
      const women = (ex.women ??= womenOf(doc, view, lex));
      const woman = (u: Unit) => u.refs.length > 0 && u.refs.every((r) => women.has(r.entity));
      const agrees = (u: Unit) => (hit.suffix === 'ه' ? !woman(u) : hit.suffix === 'ها' ? woman(u) : true);
      let lo = 0;
      let hi = pers.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (pers[mid].tokenStart < t) lo = mid + 1;
        else hi = mid;
      }
      let last: Unit | null = null;
      for (let i = lo - 1; i >= 0 && i >= lo - 8; i--) {
        if (pers[i].tokenEnd <= t && agrees(pers[i])) {
          last = pers[i];
          break;
        }
      }
      // «ها» after a country or organization named closer is theirs («ما دامت إيران ملتزمة بتعهداتها»)
      if (last && hit.suffix === 'ها' && allUnits.some((u) => (u.type === 'LOC' || u.type === 'ORG') && !u.titled && !u.demonym && !u.placed && u.tokenStart >= last!.tokenEnd && u.tokenEnd <= t)) last = null;
      // no person yet: the pronoun points ahead to the sentence's first person (منذ توليه … زار حمدوك)
      possessor = last ?? (hit.suffix === 'ها' ? null : sentUnits.find((u) => u.tokenStart > t && u.type === 'PER' && agrees(u)) ?? null);
      // a phrase that opens the sentence and ends at a comma points ahead to the person the sentence then names:
      // «في ثاني أيام زيارته إلى الصين، أجرى الرئيس المصري عبدالفتاح السيسي …»
      const opening = !sentUnits.some((u) => u.tokenEnd <= t);
      let comma = -1;
      for (let k = t + 1; opening && comma < 0 && k < Math.min(view.fold.length, t + 16) && view.sentenceOf[k] === sentence; k++) {
        if (view.fold[k] === '،' || view.fold[k] === ',') comma = k;
      }
      // (not when the verb after the comma points back with a pronoun of its own: «ولدى وصوله …، استقبله [قديروف]»)
      const pointsBack = comma > 0 && comma + 1 < view.fold.length && /(?:ه|ها|هم)$/.test(view.fold[comma + 1]) && view.entityAt[comma + 1] === -1;
      const ahead = comma > 0 && !pointsBack ? sentUnits.find((u) => u.tokenStart > comma && u.tokenStart <= comma + 4 && u.type === 'PER' && agrees(u)) : undefined;
      if (ahead) possessor = ahead;
    }
    // «[X]، الذي كان في زيارة إلى …», «[X] التي في زيارة»: the noun is the state of the one the relative describes
    if (!subj && !possessor) {
      let k = t - 1;
      if (k > 0 && inClass(lex, 'amid', view.fold[k])) k--;
      if (k > 0 && inClass(lex, 'state_verb', view.fold[k])) k--;
      if (k < t - 1 && k > 0 && G().relative.has(view.fold[k].replace(/^و(?=ال)/, ''))) {
        subj = sentUnits.find((u) => u.prep === null && (u.tokenEnd === k || (u.tokenEnd === k - 1 && (view.fold[k - 1] === '،' || view.fold[k - 1] === ',')))) ?? null;
      }
    }
    // «أعلن الاتحاد الإيطالي تعيين روبرتو مانشيني»: the noun is what is announced, and the announcer its actor
    // (no أنّ between: «أعلن الكرملين أن …» reports another's act)
    if (!subj && !possessor) {
      const sentStart = doc.sentences[sentence].tokenStart;
      const said = hits.filter((h) => h.token < t && h.token >= sentStart && h.entry.type === 'STATEMENT' && h.entry.pos !== 'noun').pop();
      const who = said && inClass(lex, 'announce', view.fold[said.token]) ? prevActor.get(said) : undefined;
      // … when the noun is the verb's object itself, right after the announcer (time words aside), not a noun's
      // genitive: «لم يعلن البيت الأبيض موعد الزيارة» announces a date, not its own visit
      const announcer = who ? sentUnits.find((u) => u.tokenStart > said!.token && u.tokenEnd <= t && u.refs[0]?.entity === who.entity) : undefined;
      const from = announcer ? announcer.tokenEnd - 1 : said?.token ?? t;
      if (who && wordsBetween(doc, view, from, t) === 0 && !complementizerBetween(doc, view, said!.token, t)) carried = who;
    }
  } else {
    // SVO: a free unit right before the verb (only auxiliaries between); else VSO: the first free unit after
    const before = sentUnits.filter((u) => u.tokenEnd <= t && u.tokenStart >= leftStart);
    const last = before[before.length - 1];
    // VSO: the subject follows the verb closely (time words aside): قال أمس الرئيس …; further out it is an object
    // not past a prepositional masdar phrase: «تعهد بإطلاق سراح X» (X is the one released, not the one who pledged)
    // a person after a longer definite descriptor is the subject too («ندد السياسي الكردي البارز صلاح الدين دميرتاش»)
    // (a plural past verb carries its subject, «دعوا», «زاروا»: the name after it is its object)
    const pluralVerb = entry.pos === 'past' && /وا$/.test(view.fold[t]);
    const vso = headedSubject(doc, view, lex, t, after, pluralVerb ? null : after.find((u) => u.prep === null && wordsBetween(doc, view, t, u.tokenStart) <= 2 && !masdarGenitive(doc, view, t, u)) ??
      after.find((u) => u.prep === null && u.type === 'PER' && definiteDescriptor(doc, view, t, u.tokenStart)) ??
      titledApposition(doc, view, t, after) ?? null, (u) => used.add(u));
    // SVO only when nothing free follows the verb directly, or قد marks the subject-first order (الكويت قد استضافت)
    // … or the unit opens the sentence, a headline's order («سوريا تدين قرار واشنطن»)
    // … and not when an unnamed subject follows the verb («فوز السيسي يقول محللون», «قالت مصادر»): the verb has
    // its own subject, which names no entity. Indefinite and bare only: «أكدت التقارير» has an object
    const next = t + 1 < view.fold.length ? view.fold[t + 1] : '';
    const unnamedSubject = next !== '' && view.entityAt[t + 1] === -1 && !/^(?:[وف]?[بل]|[وف]?ال)/.test(next) && inClass(lex, 'unnamed_subject', next);
    // … or كان opens the clause before it: «وكانت حركة الجهاد أعلنت …» (كان + subject + verb)
    // (a past form that is also a masdar after a light verb: «الولايات المتحدة قد تعيد فرض عقوبات» — فرض is the
    // masdar, and the light verb's subject its actor)
    // a verb joined by و/ف to what came before whose gender is not the name's has that name as the last verb's
    // object, not its own subject («ورفضت وارسو اتهامات [نتانياهو] ودعت …»); without و the name may head a body
    // that agrees instead («إدارة [ترامب] تقول»)
    const conjoined = /^[وف]/.test(view.fold[t]) && view.fold[t].length > entry.form.length;
    const verbAt = last && t - 1 >= last.tokenEnd && (inClass(lex, 'light_verb', view.fold[t - 1]) || inClass(lex, 'masdar_verb', view.fold[t - 1])) ? t - 1 : t;
    if (last && last.prep === null && onlyAux(view, last.tokenEnd, verbAt) && !unnamedSubject && !(conjoined && genderClash(doc, view, lex, last, t, entry.pos)) && (!vso || hasQad(view, last.tokenEnd, t) || afterComplementizer(view, last.tokenStart) || last.tokenStart === doc.sentences[sentence].tokenStart || kanaBefore(view, Math.max(leftStart, last.tokenStart - 2), last.tokenStart))) subj = last;
    // «الأردن والمغرب وقعا»: a subject put first and joined by و begins with its first name; the second is the other
    // party of a symmetric event
    if (subj && subj === last && last.coord && before.length >= 2) {
      // back over every unit joined by و to the first («الولايات المتحدة وفرنسا وبريطانيا»)
      let i = before.length - 1;
      while (i > 0 && before[i].coord && before[i - 1].prep === null && before[i - 1].tokenEnd === before[i].tokenStart && before[i - 1].type === last.type) i--;
      if (i < before.length - 1) {
        if (frame.symmetric) subjSecond = before[i + 1].refs[0];
        for (let j = i + 1; j < before.length; j++) used.add(before[j]);
        subj = before[i];
      }
    }
    // «وكان [أردوغان]، الذي يزور قطر حاليا، قد التقى تميم»: a relative clause set off by commas stands between the
    // subject and its verb; the subject comes first when قد, a كان before it or the sentence's start says so
    if (!subj) {
      // (the clause may hold an event of its own, so the subject lies before the previous trigger: sentence units)
      const aside = parentheticalSubject(doc, view, sentUnits, t);
      const kana = !!aside && kanaBefore(view, Math.max(doc.sentences[sentence].tokenStart, aside.tokenStart - 2), aside.tokenStart);
      if (aside && (hasQad(view, aside.tokenEnd, t) || kana || aside.tokenStart === doc.sentences[sentence].tokenStart)) {
        subj = aside;
        // («وكانت X، التي …، تتولى»: كان before the subject puts the present verb in the past)
        kanaAside = kana;
      }
    }
    // «وكان وزير الداخلية اللبناني، نهاد المشنوق، أعلن»: a name set off by commas after its title, right before the
    // verb, is its subject when كان opens the title, قد stands before the verb
    if (!subj) {
      const sentStart = doc.sentences[sentence].tokenStart;
      const named = appositiveName(doc, view, sentUnits, t, sentStart);
      // (or the title and name open the sentence or follow أنّ, subject-first: «وزير الخارجية، مايك بومبيو، زار …»)
      if (named && (hasQad(view, named.tokenEnd, t) || kanaBefore(view, sentStart, Math.min(sentStart + 2, named.tokenStart)) ||
        named.tokenStart === sentStart || afterComplementizer(view, named.tokenStart))) {
        subj = named;
        kanaAside = kanaBefore(view, sentStart, Math.min(sentStart + 2, named.tokenStart));
      }
    }
    if (!subj) subj = vso;
    // «بومبيو الذي زار بيونغ يانغ»: right after الذي/التي the verb's subject is the name the relative follows —
    // unless the verb has an object pronoun («تانغا التي زارها فريق»: the name is its object), a subject of its own
    // follows («فرنسا التي قال رئيس الاتحاد»), or the name completes a noun the relative may describe instead
    // («استراتيجية ترامب التي تؤكد», «قرار مجلس حقوق الإنسان الذي يؤكد»)
    // (nor when the verb's gender is not the relative's: «ترامب الذي قالت […]» has a subject of its own)
    // the name right before الذي/التي (a comma may stand between)
    // (also after و, «سالفيني، والذي أعلن», for a free name whose gender does not clash with the relative's: «والذي»
    // reaches further back, past a name under a preposition, «غولن المقيم في [الولايات المتحدة] والذي ينفي»)
    const relative = t > 0 ? view.fold[t - 1].replace(/^و(?=ال)/, '') : '';
    const joined = relative !== (t > 0 ? view.fold[t - 1] : '');
    let owner = t > 0 && G().relative.has(relative)
      ? sentUnits.find((u) => u.tokenEnd === t - 1 || (u.tokenEnd === t - 2 && (view.fold[t - 2] === '،' || view.fold[t - 2] === ','))) ?? null
      : null;
    if (owner && joined && (owner.prep !== null || genderClash(doc, view, lex, owner, t, entry.pos))) owner = null;
    if (owner && !hit.suffix && (!vso || (vso.type === 'LOC' && !speechVerb(entry))) &&
      !nounSubjectAfter(doc, view, t, speechVerb(entry)) && relativeAgrees(relative, doc.tokens[t].text, entry.pos) &&
      // (only a statement's relative may describe a thing — a report, a decision; a visit's or meeting's is a mover)
      // (a trigger before the name is a verb, no head: «وقال [رامي شاكر]، والذي أعلن»)
      !(speechVerb(entry) && constructHead(doc, view, owner.tokenStart - 1) && !hits.some((h) => h.token === owner.tokenStart - 1))) {
      subj = owner;
    }
    // «القرية التي زارها كريم»: with an object pronoun, the name before the relative is the verb's object
    if (owner && hit.suffix && !passiveTarget && owner !== subj) passiveTarget = owner;
    // زار موسكو: a place right after a visit verb is where, not who (the visitor is unnamed or carried over)
    // and a city or region right after an attack verb is what is hit («تقصف غزة»); a country or capital there is the attacker
    // («قصفت إسرائيل مواقع»)
    const hitPlace = entry.type === 'ATTACK' && !!subj && !isState(subj.refs[0].name);
    if ((entry.type === 'VISIT' || hitPlace) && subj && subj === vso && subj.type === 'LOC' && !subj.titled && !subj.demonym) {
      passiveTarget = subj;
      subj = null;
      // the attacker before the verb then («الطائرات الإسرائيلية تقصف غزة»)
      if (hitPlace && last && last.prep === null && onlyAux(view, last.tokenEnd, t)) subj = last;
    }
    // ثم التقى عون / والتقى نظيره: a verb continuing the sentence's previous event keeps its actor when a
    // single free argument follows (that one is the object)
    const prevHit = hits.filter((h) => h.token < t && h.entry.type !== 'STATEMENT' && prevActor.has(h)).pop();
    // … في زيارة يلتقي خلالها نظيره: "during it" ties the verb to the previous event and its actor
    const during = t + 1 < view.fold.length && G().during.has(view.fold[t + 1]);
    // (a verb of another gender has another subject: «ونددت الأمم المتحدة …، ودعا الأمين العام غوتيريش»)
    const prevGender = prevHit ? feminineVerb(doc.tokens[prevHit.token].text, prevHit.entry.pos) : null;
    const gender = feminineVerb(doc.tokens[t].text, entry.pos);
    const agrees = prevGender === null || gender === null || prevGender === gender;
    const continues = t > 0 && agrees && (during || view.fold[t - 1] === 'ثم' || (view.fold[t][0] === 'و' && !doc.tokens[t].text.startsWith('وصل') && !doc.tokens[t].text.startsWith('وقع')));
    // the unit right before the verb is the previous event's target, not this verb's subject («زار ماكرون بغداد والتقى …»)
    const rightBefore = before.find((u) => u.tokenEnd === t);
    const prevTargetBefore = !!rightBefore && !!prevHit && prevTarget.get(prevHit)?.entity === rightBefore.refs[0].entity;
    if (prevTargetBefore && subj === rightBefore) subj = vso;
    // (past the previous event's target only when this verb takes a direct object: «ورفعت فرنسا العقوبات» has its own subject)
    if (prevHit && continues && subj === vso && vso && frame.target.length && (!rightBefore || (prevTargetBefore && frame.target.includes('obj')))) {
      const frees = after.filter((u) => u.prep === null);
      const prevSubj = prevActor.get(prevHit);
      if (frees.length === 1 && prevSubj) {
        carried = prevSubj;
        subj = null;
      }
    }
    // «… ثم توجه إلى برلين»: no subject of its own, the continuing verb keeps the previous event's actor
    // (not when an unnamed subject follows the verb: «وأكد مسؤولون»)
    if (!subj && !carried && prevHit && continues && !unnamedSubject && (!rightBefore || prevTargetBefore)) carried = prevActor.get(prevHit) ?? null;
    // «وقال الوزير إنه سيزور بغداد»: right after أنّ with a pronoun the verb's subject is that pronoun, the
    // speaker when it agrees with them (إنه: no woman the text marks; إنها: such a woman, a country or a body); what
    // follows the verb is its object
    // (another pronoun is the verb's subject too, of no one named: «قال يوسف إنها ستلتقي [الصفدي]» — she meets him)
    const speaker = pronounSpeaker();
    if (speaker) {
      subj = null;
      carried = speaker.who;
    }
  }
  /** After «إنه/إنها» right before the verb: the pronoun subject, and the speaker it points to if it agrees. */
  function pronounSpeaker(): { who: EntityRef | null } | null {
    const sent = doc.sentences[sentence];
    let k = t - 1;
    if (k > sent.tokenStart && (view.fold[k] === 'سوف' || view.fold[k] === 'قد')) k--;
    if (k <= sent.tokenStart || view.entityAt[k] !== -1) return null;
    const m = /^(?:ب|و)?[اإأ]ن(ه|ها)$/.exec(view.fold[k]);
    if (!m) return null;
    const said = hits.filter((h) => h.token < k && h.token >= sent.tokenStart && h.entry.type === 'STATEMENT').pop();
    const who = said ? prevActor.get(said) : undefined;
    if (!who) return { who: null };
    const ex = extrasOf(doc);
    const women = (ex.women ??= womenOf(doc, view, lex));
    const feminine = who.type === 'PER' ? women.has(who.entity) : who.type === 'LOC' || who.type === 'ORG';
    const agrees = m[1] === 'ها' ? feminine : !(who.type === 'PER' && women.has(who.entity));
    return { who: agrees ? who : null };
  }
  // armies advance, they do not visit or host («ووصلت قوات الجيش اليمني إلى مشارف مطار الحديدة»)
  if (subj?.military && (entry.type === 'VISIT' || entry.type === 'HOST_VISIT')) return null;
  if (subj) used.add(subj);

  let actor: EntityRef | null = null;
  let target: EntityRef | null = null;
  let place: EntityRef | null = null;

  /** prepositional arguments: within MAX_PREP_DISTANCE of the trigger or a few tokens past the last argument */
  const reach = () => Math.max(t + MAX_PREP_DISTANCE, ...[...used].map((u) => u.tokenEnd + 4));
  const byPrep = (preps: string[]): Unit | null => {
    for (const u of inSegment) {
      // nor in the clause after أنّ: «تعهد بأن يكون الاكتتاب لشركة [أرامكو]» pledges nothing to Aramco
      if (u.tokenStart > reach() || u.tokenStart >= comp) break;
      if (used.has(u) || invited(u) || u.placed) continue;
      // one meets a person or a state, not a city: «يلتقي ترامب … بواشنطن» (in Washington)
      if (entry.type === 'MEET' && u.prep === 'ب' && u.type === 'LOC' && !u.titled && !u.demonym && !isState(u.refs[0].name, false)) continue;
      if (u.prep && preps.includes(u.prep)) return u;
      // one plain word between the preposition and the unit (مع القادة الكويتيين)
      const k = u.tokenStart - 2;
      if (!u.prep && k > t && view.entityAt[k + 1] === -1 && doc.tokens[k + 1].kind === 'word') {
        const w = view.fold[k].replace(/^و/, '');
        // مع القادة الكويتيين; بالمفاوض الإيراني (the preposition glued to the word in between)
        if (preps.includes(w)) return u;
        if (/^[بل]/.test(view.fold[k + 1]) && preps.includes(view.fold[k + 1][0]) && k + 1 > t) return u;
      }
    }
    return null;
  };
  const between = (): EntityRef[] | null => {
    const u = after.find((x) => x.prep === 'بين' && !used.has(x));
    if (!u) return null;
    used.add(u);
    if (u.refs.length >= 2) return u.refs;
    const v = after.find((x) => x.tokenStart >= u.tokenEnd && x.tokenStart <= u.tokenEnd + 1 && x.coord);
    if (v) {
      used.add(v);
      return [u.refs[0], v.refs[0]];
    }
    return [u.refs[0]];
  };

  // a past verb written with damma on its first letter is passive whatever the trigger row says (عُين، أُعلن)
  if (entry.pos === 'pass' || (entry.pos === 'past' && writtenPassive(tok.text))) {
    // passive: the grammatical subject is the one acted on; the agent follows من قبل / من جانب
    if (subj) target = subj.refs[0];
    const agent = after.find((u) => u.tokenStart >= 2 && view.fold[u.tokenStart - 2] === 'من' && G().agent_noun.has(view.fold[u.tokenStart - 1]));
    if (agent) actor = agent.refs[0];
  } else {
    for (const how of frame.actor) {
      if (actor) break;
      if (how === 'subj' && carried) {
        actor = carried;
      } else if (how === 'subj' && subj) {
        actor = subj.refs[0];
        if (subj.refs.length >= 2) subjSecond = subj.refs[1];
      } else if (how === 'subj' && possessor && frame.genitive !== 'target') {
        actor = possessor.refs[0];
      } else if (how === 'between') {
        const b = between();
        if (b) {
          actor = b[0];
          target ??= b[1] ?? null;
        }
      }
    }
    // X و Y as subject of a symmetric event: Y is the other party
    if (frame.symmetric && subj && !target) {
      if (subjSecond) target = subjSecond;
      else {
        const v = sentUnits.find((x) => x.tokenStart >= subj!.tokenEnd && x.tokenStart <= subj!.tokenEnd && x.coord);
        if (v) {
          used.add(v);
          target = v.refs[0];
        }
      }
    }
  }
  // تعيينه: the owner of an appointment's possessive is the one appointed
  const genTarget = passiveTarget ?? (frame.genitive === 'target' && !actor ? possessor : null);
  if (genTarget && !target) {
    used.add(genTarget);
    target = genTarget.refs[0];
  }
  for (const how of frame.target) {
    if (target) break;
    if (how.startsWith('prep:')) {
      const u = byPrep(how.slice(5).split(','));
      if (u) {
        used.add(u);
        target = u.refs[0];
      }
    } else if (how === 'obj') {
      // a noun's object is its next genitive, right after it (زيارة الكويت); a verb's is the next free argument;
      // a verb governed by إلى or على (needs >الي, >علي) has its object before it («دعت إيران دول الخليج إلى
      // الحوار», «حثت المنظمة السلطات على …»)
      const govWord = /^>(الي|علي)(?::|$)/.exec(entry.needs)?.[1];
      const governed = govWord ? firstAfter(view, t, segEnd, govWord) : -1;
      const u = after.find((x) => (entry.pos !== 'noun' || x.tokenStart <= t + 3) && !used.has(x) && x.prep === null && !x.coord &&
        (!subj || x.tokenStart >= subj.tokenEnd || subj.tokenEnd <= t) && (governed < 0 || x.tokenStart < governed));
      if (u) {
        used.add(u);
        target = u.refs[0];
      }
    } else if (how === 'between') {
      const b = between();
      if (b) {
        if (!actor) actor = b[0];
        target = b[actor === b[0] ? 1 : 0] ?? null;
      }
    }
  }
  for (const how of frame.place) {
    if (place || !how.startsWith('prep:')) continue;
    const limit = reach();
    const u = inSegment.find((x) => x.tokenStart <= limit && !used.has(x) && x.type === 'LOC' && x.prep !== null && how.slice(5).split(',').includes(x.prep));
    if (u) {
      used.add(u);
      place = u.refs[0];
    }
  }

  // ── time: the first date in the segment, else the nearest before the trigger in the sentence
  const segStartChar = tok.start;
  // times and amounts after أنّ belong to the reported clause, not to this trigger (قال إن … في أكتوبر 2030)
  // … and so do a condition's («الاتفاق إذا لم تشدد الدول شروطه بحلول 12 مايو», «ما لم يتم … بحلول»)
  const ownEnd = Math.min(segEnd, comp, conditionAfter(view, t, segEnd));
  const segEndChar = ownEnd < doc.tokens.length ? doc.tokens[ownEnd].start : doc.text.length;
  const sent = doc.sentences[sentence];
  const dates = extrasOf(doc).sentDates[sentence] ?? [];
  let own = dates.filter((x) => x.start >= segStartChar && x.start < segEndChar);
  const invitedFrom = entry.type === 'INVITE' ? attendIndex(view, lex, t, segEnd) : -1;
  let toTime: string | null = null;
  if (invitedFrom >= 0) {
    // the time of what one is invited to is not the time of the invitation
    const cut = doc.tokens[invitedFrom].start;
    toTime = own.find((x) => x.start >= cut)?.value ?? null;
    own = own.filter((x) => x.start < cut);
  }
  // «حتى 20 يونيو 2023» bounds what the event starts (a contract, a ban, a term), «بحلول 2025» is the deadline of
  // what is pledged (a visit «بحلول نهاية الشهر» is dated so): attributes, not the event's date
  const until = own.find((x) => afterWordOf(doc, view, lex, x, 'until'));
  const by = entry.type === 'PLEDGE' ? own.find((x) => x !== until && afterWordOf(doc, view, lex, x, 'deadline')) : undefined;
  if (until || by) own = own.filter((x) => x !== until && x !== by);
  // «منذ 2014» is what the event is measured against («تصعيد غير مسبوق منذ حرب 2014», «أول زيارة منذ 1999»),
  // or where a state it leads to began; never the date the event took place
  const since = own.find((x) => sinceDate(doc, view, lex, x, t));
  if (since) own = own.filter((x) => !sinceDate(doc, view, lex, x, t));
  // a date inside a relative clause opened after the trigger is that clause's («يزور … منذ الحرب التي اندلعت قبل
  // 20 عاما», «قال X الذي أقاله الرئيس قبل سنتين»); a comma closes the clause («المدينة التي دمرها الزلزال، أمس»)
  // (not a noun's: a relative after the event noun tells of the event itself, «الاتفاق الذي أبرم في 2015»)
  if (entry.pos !== 'noun') own = own.filter((x) => !inRelativeAfter(doc, view, t, x));
  let timeExpr: TimeExpr | null = own[0] ?? null;
  const ownTime = timeExpr !== null;
  if (!timeExpr) {
    // (a plan reported after «أنّ» is not dated by the report: «أعلن الجمعة أنه سيزور صقلية»; what is reported as
    // done is, as news reports it the day it is told: «قالت الوزارة الجمعة إن سفيرها بحث مع …»)
    const ahead = hit.future || entry.pos === 'pres' || markersIn(view, lex, Math.max(sent.tokenStart, t - 3), t).has('future');
    // nor an act placed before or after another («بعد زيارته إلى الصين»), or told of («كشف عن لقاء جمعه»): the
    // sentence's date is the other's, or the telling's
    const related = entry.pos === 'noun' && t > sent.tokenStart && inClass(lex, 'relative_time', view.fold[t - 1].replace(/^[وف]/, ''));
    const before = related ? [] : dates.filter((x) => x.end <= segStartChar && x.start >= sent.start && !sinceDate(doc, view, lex, x, t) &&
      !(ahead && complementizerBetween(doc, view, firstTokenAt(doc, x.end - 1), t)));
    timeExpr = before[before.length - 1] ?? null;
  }

  // ── amounts
  const segAmounts = (extrasOf(doc).sentAmounts[sentence] ?? []).filter((a) => a.start >= segStartChar && a.start < segEndChar);
  let amounts: Amount[] = [];
  let variant = entry.variant;
  if (entry.type === 'PLEDGE') {
    amounts = segAmounts.filter((a) => a.kind === 'money');
    if (amounts.length && (variant === 'default' || variant === 'intent')) variant = 'money';
  } else if (entry.type === 'HOST_CONFERENCE') {
    amounts = segAmounts.filter((a) => a.kind === 'count' || a.kind === 'number');
  } else if (entry.type === 'AGREEMENT') {
    // what the agreement is worth: «وقعا مذكرة تفاهم بقيمة 200 مليون دولار», «صفقة بـ10 مليارات»
    amounts = segAmounts.filter((a) => a.kind === 'money');
  }
  const casualties = entry.type === 'ATTACK' ? casualtiesOf(doc, view, lex, sentence) : null;

  // ── status and attributes
  const attributes: Record<string, string | number | boolean> = {};
  if (casualties?.killed !== undefined) attributes.killed = casualties.killed;
  if (casualties?.wounded !== undefined) attributes.wounded = casualties.wounded;
  const segMarkers = markersIn(view, lex, t + 1, invitedFrom >= 0 ? invitedFrom : segEnd);
  const leftMarkers = markersIn(view, lex, Math.max(sent.tokenStart, t - 3), t);
  if (until) attributes.until = until.value;
  // «أول زيارة من نوعها منذ 1999»: the first since then; otherwise the «منذ» phrase is too often another clause's
  if (since && segMarkers.has('first')) attributes.since = since.value;
  if (by) attributes.by = by.value;
  if (segMarkers.has('first')) attributes.first = true;
  // على هامش القمة: a meeting at someone else's event (CAMEO 044)
  if (entry.type === 'MEET' && variant === 'default' && (segMarkers.has('third') || leftMarkers.has('third'))) variant = 'third';
  if (segMarkers.has('signed') || leftMarkers.has('signed')) attributes.signed = true;
  const hoped = leftMarkers.has('hope') || markersIn(view, lex, Math.max(sent.tokenStart, t - 4), t).has('hope');
  if (hoped) attributes.hoped = true;

  let status: EventStatus = 'occurred';
  let headlinePresent = false;
  const prev = t > 0 ? view.fold[t - 1] : '';
  // ما negates only at the head of a clause (ما زار …); after a word it is the relative "what" (وهو ما أعلن)
  const isNeg = (k: number) => {
    let f = view.fold[k];
    // «ولم يزر», «فلن يحضر»: the conjunction on the particle (not on ما, «وما» opening a relative as often)
    if (/^[وف](?:لم|لن|لا|ليس|ليست)$/.test(f)) f = f.slice(1);
    if (lex.markers.get(f) !== 'neg') return false;
    // so does لما (did not / when): after a word it is ل + ما, «to what» («وفقا لما ذكره»)
    if (f !== 'ما' && f !== 'لما') return true;
    return k === sent.tokenStart || doc.tokens[k - 1].kind === 'punct' || /^[وف]$/.test(view.fold[k - 1]);
  };
  // a negation before the act of reaching an event noun: «عدم التوصل إلى اتفاق», «لم يتم عقد الاجتماع»
  let reachFrom = t - 1;
  while (entry.pos === 'noun' && reachFrom > sent.tokenStart && reachFrom >= t - 4 && view.entityAt[reachFrom] === -1 && inClass(lex, 'reach', view.fold[reachFrom])) reachFrom--;
  // «ليس هناك اتفاقية», «لا توجد خطة لزيارة»: there is none
  // (a plan or an intention may stand between: «لا توجد خطة لزيارة», «ليس هناك نية لعقد لقاء»)
  const existsAt = t - 1 > sent.tokenStart && t > 2 && inClass(lex, 'plan_noun', view.fold[t - 1]) ? t - 2 : t - 1;
  const noneExists = existsAt > sent.tokenStart && inClass(lex, 'exists', view.fold[existsAt]) && isNeg(existsAt - 1);
  const negated = (t > sent.tokenStart && isNeg(t - 1)) || noneExists || (reachFrom < t - 1 && reachFrom >= sent.tokenStart && isNeg(reachFrom)) || (t - 1 > sent.tokenStart && (G().passive_aux.has(prev) || prev === 'تتم' || prev === 'قد') && isNeg(t - 2)) ||
    // «ألغى وزير الخارجية سامي يوسف زيارته», «قرر إلغاء الاجتماع»: a cancelled visit, meeting or conference did not
    // take place (an agreement or a sanction cancelled was made before: «إلغاء الاتفاق النووي»)
    (CANCELLABLE.has(entry.type) && markersIn(view, lex, Math.max(sent.tokenStart, t - CANCEL_REACH), t).has('cancel')) ||
    // «رفضت 20 شركة تعيينه», «رفض الوزير التعليق»: what is refused did not happen. Not an agreement, a sanction or an
    // invitation, which exist to be rejected («رفض الاتفاق», «رفضه تلبية دعوة ترامب»), nor one opposed with ل
    // («رفضه للاتفاق المبرم»)
    (entry.pos === 'noun' && !REFUSED_EXIST.has(entry.type) && !/^[وف]?ل/.test(view.fold[t]) && refusedBefore(view, lex, sent.tokenStart, t)) ||
    // an invitation refused exists, its acceptance did not happen («رفض عون تلبية دعوة الأسد»)
    // (the one refusing may be named between: «رفض الرئيس اللبناني ميشال عون تلبية»)
    (entry.variant === 'accept' && entry.pos === 'noun' && refusedBefore(view, lex, sent.tokenStart, t, 8)) ||
    // «نفت موسكو شن أي هجوم», «ونفى الوزير وجود اتفاق»: what is denied did not happen
    // (a past form read there is the masdar it is written like: «نفت … شن أي هجوم»; not one joined by و, a new clause)
    ((entry.pos === 'noun' || (entry.pos === 'past' && !/^[وف]/.test(view.fold[t]))) && entry.type !== 'STATEMENT' && deniedBefore(doc, view, lex, sent.tokenStart, t));
  const cmp = timeExpr && ownTime ? compareToPublished(timeExpr.value, doc.published) : 0;
  // a statement is not planned because what it says is (قال إن الانتخابات ستجرى)
  const speechAct = entry.type === 'STATEMENT' || entry.type === 'APPEAL' || entry.type === 'CONDEMN';
  // a present tense that reports what is happening, not what is planned («سوريا تدين», «الطائرات تقصف»)
  // a present tense that reports what is happening, not what is planned («سوريا تدين», «الطائرات تقصف», «الأمم
  // المتحدة تدعو»); in a headline, what is done today too («رونالدو يوجه رسالة», «واشنطن تفرض عقوبات»), but not
  // travel or meetings, which headlines announce in the present as often («الكاظمي يزور الكويت»)
  const presentIsNow = entry.type === 'STATEMENT' || entry.type === 'CONDEMN' || entry.type === 'ATTACK' || entry.type === 'APPEAL' ||
    (HEADLINE_PRESENT.has(entry.type) && isHeadline(doc, sentence));
  // «بقرب/على وشك» announce what follows them only: after the trigger they mean «near» (بقرب الحدود)
  // (a condition after a past verb is another clause's: «وقعا اتفاقا يلغى إذا لم يصادق عليه البرلمان»)
  // («الزيارة الأرجنتينية المقررة»: «المقرر» right after the noun; further on it opens a clause of its own)
  const scheduled = entry.pos === 'noun' && markersIn(view, lex, t + 1, Math.min(segEnd, t + SCHEDULED_REACH)).has('scheduled');
  // «قد تعيد فرض عقوبات»: قد before a present light verb is «may»; the act it carries is not done
  const mayDo = t > 1 && view.fold[t - 2] === 'قد' && /^[يت]/.test(view.fold[t - 1]) &&
    (inClass(lex, 'light_verb', view.fold[t - 1]) || inClass(lex, 'masdar_verb', view.fold[t - 1]));
  const futureWord = hit.future || scheduled || intended || mayDo || leftMarkers.has('soon') || leftMarkers.has('future') || leftMarkers.has('cond') ||
    (!speechAct && (segMarkers.has('future') || (segMarkers.has('cond') && entry.pos !== 'past'))) ||
    // (a past verb is no plan for a future one after it, in a clause of its own: «والتقى … وسيسافر»)
    (!speechAct && futureVerbNear(view, Math.max(sent.tokenStart, t - 3), entry.pos === 'past' ? t : segEnd, t)) || condBefore(view, lex, sent.tokenStart, t);
  const reportedHow = speechAct ? null : reportedBy(doc, view, lex, hits, sent.tokenStart, t);
  // (a present verb with «حاليا», «الآن» or «منذ» beside it tells what is going on: «الذي يزور قطر حاليا»)
  const goingOn = entry.pos === 'pres' && (leftMarkers.has('now') || markersIn(view, lex, t + 1, Math.min(segEnd, t + NOW_REACH)).has('now'));
  if (negated || reportedHow === 'deny') status = 'negated';
  else if (cmp > 0) status = 'planned';
  else if (cmp === 0 && (futureWord || hoped || (entry.pos === 'pres' && !presentIsNow && !goingOn && !kanaAside && !pastAux(view, sent.tokenStart, t)))) {
    status = 'planned';
    // a headline's present with no other sign of the future: the body may tell it happened (settleHeadlines)
    headlinePresent = !futureWord && !hoped && !timeExpr && isHeadline(doc, sentence);
  }
  else if (reportedHow) status = 'reported';

  if (entry.type === 'DELIVER_MESSAGE') {
    const from = sentUnits.filter((u) => u.prep === 'من' && !used.has(u) && u.tokenStart >= t - 6 && u.tokenStart < segEnd);
    if (from.length) attributes.from = from[0].refs[0].name;
  }
  // اتفاقه معه: a possessive on the masdar is someone agreeing, not an agreement
  if (entry.type === 'AGREEMENT' && entry.pos === 'noun' && hit.suffix && entry.form.startsWith('اتفاق')) return null;
  // «الانسحاب من اتفاقية نافتا», «تعديل الاتفاق»: an agreement left or changed is not made here
  if (entry.type === 'AGREEMENT' && entry.pos === 'noun' && leftAgreement(view, lex, t)) return null;
  let namedSubject = false;
  if (entry.type === 'AGREEMENT' && entry.pos === 'noun') {
    const subject = phraseAfter(doc, view, lex, t, segEnd);
    if (subject) {
      attributes.subject = subject.text;
      namedSubject = subject.named;
    }
  }
  if (entry.type === 'INVITE') {
    const to = invitedTo(doc, view, lex, t, segEnd);
    if (to) attributes.to = to;
    if (toTime) attributes.to_time = toTime;
  }

  if (frame.parties) {
    const had = !!actor || !!target;
    if (actor && !frame.parties.has(actor.type)) actor = null;
    if (target && !frame.parties.has(target.type)) target = null;
    if (had && !actor && !target) return null;
  }
  // clubs that meet, host or reach each other play a match: no meeting or visit («يستضيف [إنيمبا] [الرجاء]»), nor
  // one with a club as its only party («لقاء مع [إنبي]»)
  // one opponent named as a club and the other by a city that has one play too («سيلتقي [ريال] مع [ليفربول]»)
  if ((entry.type === 'MEET' || entry.type === 'VISIT' || entry.type === 'HOST_VISIT') && (actor || target)) {
    if ((!actor || isClub(actor)) && (!target || isClub(target))) return null;
    if (actor && target && (isClub(actor) || isClub(target)) && hasClub(actor) && hasClub(target)) return null;
  }
  // nothing to say on its own: kept only to merge into a same-type event of the sentence (يتوجه … في زيارة).
  // Without a participant only pledges (with a sum), agreements (named or dated) and conferences (placed or
  // dated) still say something; "ووصل التضخم إلى 7%" is no visit.
  const selfStanding =
    (entry.type === 'PLEDGE' && amounts.length > 0) ||
    // an agreement noun with no party is one only with a name or its own date («اتفاق عام 2015»), not a date
    // borrowed from its sentence («انسحبت واشنطن في مايو من الاتفاق النووي»: a withdrawal)
    (entry.type === 'AGREEMENT' && (namedSubject || (!!timeExpr && (ownTime || entry.pos !== 'noun')))) ||
    (entry.type === 'HOST_CONFERENCE' && (!!place || !!timeExpr || amounts.length > 0)) ||
    // an attack is news with only its place («تفجير انتحاري في كابول»)
    (entry.type === 'ATTACK' && !!place);
  // a motion verb (وصل/توجه إلى) is a visit only when someone moves: "وصل التضخم إلى 7%" is not
  // nor when what it reaches is an office or a stage (wordclasses.tsv not_destination): «بوصول هانت إلى منصب وزير
  // الخارجية», «وصل الفريق إلى المباراة النهائية».
  // Without a named target or place it stays only when it reaches a place word («وصل ماكرون إلى البلاد أمس») or
  // the clause names a visit («… في زيارة رسمية»): not «وصوله», «توجه إلى الاستثمار»
  let motionWithoutMover = false;
  if (entry.needs.split('&').includes('>to')) {
    motionWithoutMover = !actor;
    if (actor && !target && !place) {
      const reached = firstAfter(view, t, segEnd, 'الي') + 1;
      const placeReached = reached < segEnd && inClass(lex, 'destination', view.fold[reached]);
      let visitNamed = false;
      for (let k = t + 1; k < segEnd && !visitNamed; k++) visitNamed = inClass(lex, 'visit_word', view.fold[k]);
      motionWithoutMover = (reached < segEnd && inClass(lex, 'not_destination', view.fold[reached])) || (!placeReached && !visitNamed);
    }
  }
  // one arrives at a place, not at a person: «ركلة … وصلت إلى [كين]» is a ball reaching a player
  if (variant === 'arrive' && target?.type === 'PER') return null;
  const weak = (!actor && !target && !selfStanding) || motionWithoutMover;
  const cameo = lex.cameo.get(`${entry.type}:${variant}`) ?? lex.cameo.get(`${entry.type}:default`) ?? '';
  // span: the trigger through the last argument / own time / amount read from the segment
  let start = tok.start;
  let end = tok.end;
  for (const u of used) {
    if (u.tokenStart >= leftStart && u.tokenEnd <= sent.tokenEnd) {
      start = Math.min(start, u.start);
      end = Math.max(end, u.end);
    }
  }
  if (timeExpr && ownTime) end = Math.max(end, timeExpr.end);
  for (const a of amounts) end = Math.max(end, a.end);
  const ev: NewsEvent = {
    type: entry.type,
    cameo,
    actor,
    target,
    place,
    time: timeExpr ? timeExpr.value : null,
    status,
    text: doc.text.slice(start, end),
    start,
    end,
    sentence,
  };
  if (amounts.length) ev.amounts = amounts;
  if (Object.keys(attributes).length) ev.attributes = attributes;
  if (weak) WEAK.add(ev);
  if (headlinePresent) HEADLINE_PRESENT_PLAN.add(ev);
  META.set(ev, { token: t, pos: entry.pos });
  if (actor) prevActor.set(hit, actor);
  if (target) prevTarget.set(hit, target);
  return ev;
}

/**
 * Is unit u the genitive of a ب-masdar right after the verb («تعهد بإطلاق سراح [X]»: X is released)? Not a
 * titled subject after a phrase («استقبل بمكتبه وزير الخارجية …», «زار لأول مرة الرئيس …», «قال لرويترز …»).
 */
/** Does time x sit in a relative clause that opens after token t, with no clause break between? */
function inRelativeAfter(doc: ArabicDoc, view: DocView, t: number, x: TimeExpr): boolean {
  const at = firstTokenFrom(doc, x.start);
  for (let k = at - 1; k > t; k--) {
    if (view.isBoundary[k] || view.fold[k] === '،' || view.fold[k] === ',') return false;
    if (G().relative.has(view.fold[k].replace(/^و(?=ال)/, ''))) return true;
  }
  return false;
}

function masdarGenitive(doc: ArabicDoc, view: DocView, t: number, u: Unit): boolean {
  if (u.tokenStart <= t + 1 || u.tokenStart > t + 3 || !view.fold[t + 1]?.startsWith('ب') || !gluedPreposition(view.fold[t + 1])) return false;
  const lexL = linkLexicon();
  return !matchTitle(view, u.tokenStart, u.tokenEnd, lexL, doc.tokens[u.tokenStart].text);
}

/** Is the time expression right after a word of a class (until: «حتى», «لغاية»; deadline: «بحلول»)? */
function afterWordOf(doc: ArabicDoc, view: DocView, lex: EventLexicon, x: TimeExpr, cls: string): boolean {
  // the token before the first one starting at or after the expression; one starting before it holds a proclitic (وحتى)
  const k = firstTokenFrom(doc, x.start) - 1;
  return k >= 0 && inClass(lex, cls, view.fold[k]);
}

/**
 * Is the time expression the point a «منذ» phrase counts from: «منذ 2015», «منذ عام 2011», «منذ حرب غزة عام
 * 2014», «منذ تأسيسه في عام 2001»? Up to four words back, not across punctuation nor a span of time, which ends
 * the «منذ» phrase («المفروضة منذ عقود في أكتوبر 2017»: October is when they were lifted), nor across the
 * trigger t, whose own date it is then («منذ توليه منصبه في مايو 2020»).
 */
function sinceDate(doc: ArabicDoc, view: DocView, lex: EventLexicon, x: TimeExpr, t: number): boolean {
  let k = firstTokenFrom(doc, x.start) - 1;
  for (const stop = k - 4; k >= 0 && k > stop; k--) {
    if (k === t || view.isBoundary[k] || inClass(lex, 'duration', view.fold[k])) return false;
    if (inClass(lex, 'since', view.fold[k])) return true;
  }
  return false;
}

/** The index of the first token starting at or after a character offset. */
function firstTokenFrom(doc: ArabicDoc, offset: number): number {
  let lo = 0;
  let hi = doc.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (doc.tokens[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first token after t (before end) that is the word w (with or without و), or end. */
function firstAfter(view: DocView, t: number, end: number, w: string): number {
  for (let k = t + 1; k < end; k++) if (view.fold[k].replace(/^و/, '') === w) return k;
  return end;
}

/** Is there a complementizer (أن، إنه …) strictly between two token indexes? */
function complementizerBetween(doc: ArabicDoc, view: DocView, from: number, to: number): boolean {
  for (let k = from + 1; k < to; k++) if (complementizerAt(doc, view, k)) return true;
  return false;
}

/** Is token k «أن/إن/أنه …» (after و or ف), and not a word of a longer name («آن ليندي»)? */
function complementizerAt(doc: ArabicDoc, view: DocView, k: number): boolean {
  return !inLongName(doc, view, k) && G().complementizer.has(view.fold[k].replace(/^[وف]/, ''));
}

/** Is a trigger verb (a past or present row; «ودعوا», «فقال») strictly between two token indexes? */
function hasVerbBetween(lex: EventLexicon, view: DocView, from: number, to: number): boolean {
  for (let k = from + 1; k < to; k++) {
    const rows = lex.triggers.get(view.fold[k]) ?? lex.triggers.get(view.fold[k].replace(/^[وف]/, ''));
    if (rows?.some((r) => r.pos === 'past' || r.pos === 'pres')) return true;
  }
  return false;
}

function hasPrepBetween(view: DocView, from: number, to: number): boolean {
  for (let k = from + 1; k < to; k++) if (G().preposition.has(view.fold[k])) return true;
  return false;
}

/** Word tokens strictly between two token indexes that are not part of a time expression (Infinity across punctuation). */
function wordsBetween(doc: ArabicDoc, view: DocView, from: number, to: number): number {
  let n = 0;
  for (let k = from + 1; k < to; k++) {
    // a quote or bracket opens another phrase (أبلغ مصدر عراقي "إيلاف": إيلاف is the object)
    if (doc.tokens[k].kind === 'punct') return Infinity;
    if (extrasOf(doc).inTime[k]) continue;
    n++;
  }
  return n;
}

/** kinds of titles (resources/titles/titles.tsv) whose holder, unnamed, stands for the country */
const STATE_TITLES = new Set(['head_of_state', 'head_of_government', 'minister', 'diplomat', 'military', 'parliament']);

/** most words a definite descriptor between a verb and its subject runs to («السياسي الكردي البارز») */
const DESCRIPTOR_WORDS = 4;

/** Are the words between a verb and a person a definite descriptor of them (3–4 definite words, nothing else)? */
function definiteDescriptor(doc: ArabicDoc, view: DocView, from: number, to: number): boolean {
  if (to - from - 1 < 3 || to - from - 1 > DESCRIPTOR_WORDS) return false;
  for (let k = from + 1; k < to; k++) if (doc.tokens[k].kind !== 'word' || !view.fold[k].startsWith('ال')) return false;
  return true;
}

/**
 * «أعلن المتحدث الأمني بوزارة الداخلية، اللواء منصور التركي، أن»: a title right after the verb, its complements
 * (names under a preposition: «بوزارة», «باسم الحكومة»), then a person set off by a comma: that person.
 */
function titledApposition(doc: ArabicDoc, view: DocView, t: number, after: Unit[]): Unit | null {
  if (t + 1 >= doc.tokens.length || !linkLexicon().titles.has(foldArabic(doc.tokens[t + 1].text).replace(/^[وف]?ال/, ''))) return null;
  for (const u of after) {
    if (u.tokenStart - t > APPOSITION_REACH) return null;
    if (u.type === 'PER' && u.prep === null && !u.coord) {
      // the comma may stand before a rank («، اللواء منصور التركي»)
      let k = u.tokenStart - 1;
      while (k > t + 1 && doc.tokens[k].kind === 'word' && view.entityAt[k] === -1 && k >= u.tokenStart - 2) k--;
      if (view.fold[k] !== '،' && view.fold[k] !== ',') return null;
      for (let j = t + 1; j < k; j++) if (doc.tokens[j].kind !== 'word' && view.fold[j] !== '،' && view.fold[j] !== ',') return null;
      return u;
    }
    // a free name before the person is the subject itself (or the object): not this shape
    if (u.prep === null) return null;
  }
  return null;
}
/** how many tokens after the verb a titled subject's name set off by a comma may stand */
const APPOSITION_REACH = 12;

/**
 * The person the article's roles name with the title written at tokens [from, nisba) of that country: the nearest
 * role before, else the first after; none after a word that makes it another («السابق», «الأسبق», «المقبل»).
 */
function titleHolder(doc: ArabicDoc, view: DocView, from: number, nisba: number, country: string): EntityRef | null {
  if (nisba + 1 < doc.tokens.length && inClass(eventLexicon(), 'other_holder', view.fold[nisba + 1])) return null;
  // (the title as the roles write it: «وللرئيس» → «رئيس»)
  const title = foldArabic(doc.tokens.slice(from, nisba).map((t) => t.text).join(' ')).replace(/^[وف]?(?:[بلك]?ال|لل)/, '');
  const at = doc.tokens[from].start;
  let best: Role | null = null;
  for (const r of doc.roles) {
    if (r.of !== country || r.person.type !== 'PER' || foldArabic(r.title) !== title) continue;
    if (r.start >= at && best) break;
    best = r;
    if (r.start >= at) break;
  }
  return best ? best.person : null;
}

/** Is the agreement noun at t the object of leaving or changing it («الانسحاب من الاتفاق», «تعديل الاتفاقية»)? */
function leftAgreement(view: DocView, lex: EventLexicon, t: number): boolean {
  if (t > 0 && inClass(lex, 'leave_agreement', view.fold[t - 1])) return true;
  if (t < 2 || view.fold[t - 1] !== 'من') return false;
  // the leaving noun's subject may stand before من: «انسحاب بلاده من الاتفاق», «انسحاب الولايات المتحدة من …»
  for (let k = t - 2; k >= Math.max(0, t - 5); k--) if (inClass(lex, 'leave_agreement', view.fold[k])) return true;
  return false;
}

/** Does a citation («بحسب ما», «حسبما», «وفقا لما», «كما») stand right before token t? */
function citedAt(view: DocView, lex: EventLexicon, t: number): boolean {
  if (t < 1) return false;
  const prev = view.fold[t - 1];
  if (inClass(lex, 'source_cite_word', prev)) return true;
  const before = t > 1 ? view.fold[t - 2] : '';
  return (prev === 'ما' || prev === 'لما') && (G().source_cite.has(before) || G().source_cite.has(before.replace(/^و/, '')));
}

/** Is the unit a news outlet: its own first word or the word before it one of the media class («لصحيفة [الأيام]», «[وكالة الأنباء]», «رويترز»)? */
function mediaUnit(view: DocView, lex: EventLexicon, u: Unit): boolean {
  if (u.type === 'PER' || u.titled) return false;
  const words = [view.fold[u.tokenStart], u.tokenStart > 0 ? view.fold[u.tokenStart - 1] : ''];
  if (words.some((w) => inClass(lex, 'media', w.replace(/^[وف]?ل(?=.{3})/, '')))) return true;
  return u.refs.some((r) => lex.classes.get('media')!.has(keyWords(r.name).join(' ')));
}

/** Only argument units (names, role phrases) and commas strictly between two token indexes. */
function onlyUnitsBetween(view: DocView, units: Unit[], from: number, to: number): boolean {
  for (let k = from + 1; k < to; k++) {
    if (view.fold[k] === '،' || view.fold[k] === ',') continue;
    const u = units.find((x) => x.tokenStart <= k && k < x.tokenEnd);
    if (!u) return false;
    k = u.tokenEnd - 1;
  }
  return true;
}

/** most tokens between a title's organization and the person who holds it («مدير [الوكالة] لإدارة الكوارث [X]») */
const HOLDER_GAP = 4;

/**
 * The subject after a verb, given the first free unit found there. A unit that completes a noun before it is not the
 * subject: a person's relation or agent («قال محامي [برونسون]», «قال نجل [مبارك]») leaves the subject unnamed, and so
 * does an unnamed speaker before a body or place («أبلغ المصدر [رويترز]»: the agency is told). A title's organization
 * gives way to the person named after it («قال مدير [الوكالة] لإدارة الكوارث [ويليام رامبانجيلاي]»).
 */
function headedSubject(doc: ArabicDoc, view: DocView, lex: EventLexicon, t: number, after: Unit[], found: Unit | null, genitiveOf: (u: Unit) => void): Unit | null {
  // (a person after a one-word title is already its genitive, «قال مستشار [ترمب] للأمن القومي جون بولتون»)
  const genitive = found ? null : after.find((u) => u.prep === 'genitive' && wordsBetween(doc, view, t, u.tokenStart) <= 2);
  const vso = found ?? genitive;
  if (!vso || vso.tokenStart <= t + 1) return found;
  const head = vso.tokenStart - 1;
  if (view.entityAt[head] !== -1 || doc.tokens[head].kind !== 'word') return found;
  // (only the bare construct: «محاميه [X]», «المحامي [X]» name the lawyer himself; a final ه folds from ة too, and
  // only the written ة is the feminine noun, «محامية [X]», not a pronoun)
  const related = !!genitive || isPersonHead(doc, view, lex, head);
  // (a title with its country is whole: «التقى [الرئيس التونسي] اللاعب أحمد سعيد» — the player is the object)
  if (!related && (vso.type === 'PER' || vso.titled || vso.demonym)) return vso;
  if (!related && view.fold[head].startsWith('ال') && inClass(lex, 'unnamed_subject', view.fold[head])) return null;
  const titles = linkLexicon().titles;
  let titled = related;
  for (let k = t + 1; k < vso.tokenStart && !titled; k++) titled = titles.has(foldArabic(doc.tokens[k].text).replace(/^[وف]?ال/, ''));
  if (!titled) return vso;
  // the one the noun names, when named right after its genitive («قال نجل الرئيس مبارك جمال مبارك»); the genitive
  // itself is no party («وسيزور نجل [ولي العهد البريطاني] مدينة جرش»)
  if (related) genitiveOf(vso);
  const fallback = related ? null : vso;
  // (set off by commas or not: «قال محامي واينستين، بن برافمان، للصحفيين»; not the genitive of a second noun:
  // «رئيس الجمعية وصديق [خاشقجي]، توران …»)
  const holder = after.find((u) => u.type === 'PER' && u.prep === null && u.tokenStart >= vso.tokenEnd && u.tokenStart <= vso.tokenEnd + HOLDER_GAP);
  if (!holder || isPersonHead(doc, view, lex, holder.tokenStart - 1)) return fallback;
  for (let k = vso.tokenEnd; k < holder.tokenStart; k++) {
    const comma = view.fold[k] === '،' || view.fold[k] === ',';
    if ((!comma && doc.tokens[k].kind !== 'word') || view.entityAt[k] !== -1) return fallback;
  }
  return holder;
}

/** Is token k a bare noun whose genitive is another person («محامي», «نجل», «محامية»; not «محاميه», his lawyer)? */
function isPersonHead(doc: ArabicDoc, view: DocView, lex: EventLexicon, k: number): boolean {
  if (k < 0 || view.entityAt[k] !== -1 || doc.tokens[k].kind !== 'word') return false;
  const f = view.fold[k].replace(/^[وف]/, '');
  if (!lex.classes.get('person_head')?.has(f)) return false;
  return !f.endsWith('ه') || /\u0629[\u064B-\u0652]*$/.test(doc.tokens[k].text);
}

/** most tokens a relative clause set off by commas runs to before the verb it interrupts */
const ASIDE_TOKENS = 14;

/**
 * The unit a relative clause between commas describes, when that clause ends right before the verb at t (auxiliaries
 * aside): «[X]، الذي يزور قطر حاليا، قد التقى» or «[X] الذي …، التقى». Null otherwise.
 */
function parentheticalSubject(doc: ArabicDoc, view: DocView, units: Unit[], t: number): Unit | null {
  const comma = (k: number) => view.fold[k] === '،' || view.fold[k] === ',';
  let close = t - 1;
  while (close > 0 && G().aux.has(view.fold[close])) close--;
  if (close <= 0 || !comma(close)) return null;
  for (let r = close - 1; r > 0 && r >= close - ASIDE_TOKENS; r--) {
    if (comma(r) || doc.tokens[r].kind === 'punct') return null;
    if (!G().relative.has(view.fold[r])) continue;
    const owner = units.find((u) => u.prep === null && (u.tokenEnd === r || (u.tokenEnd === r - 1 && comma(r - 1))));
    return owner ?? null;
  }
  return null;
}

/**
 * A person's name between two commas right before the verb at t (aux words aside), after a short phrase with no
 * punctuation of its own: «[وزير الداخلية اللبناني]، [نهاد المشنوق]، أعلن».
 */
function appositiveName(doc: ArabicDoc, view: DocView, units: Unit[], t: number, sentStart: number): Unit | null {
  const comma = (k: number) => view.fold[k] === '،' || view.fold[k] === ',';
  let close = t - 1;
  while (close > sentStart && G().aux.has(view.fold[close])) close--;
  if (close <= sentStart || !comma(close)) return null;
  const name = units.find((u) => u.prep === null && u.type === 'PER' && u.tokenEnd === close);
  if (!name) return null;
  // the title and the name are one unit when the title is read as the name's role («وزير الخارجية، مايك بومبيو»)
  let open = -1;
  for (let k = name.tokenStart; k < name.tokenEnd; k++) if (comma(k)) open = k;
  if (open < 0) {
    if (name.tokenStart - 1 <= sentStart || !comma(name.tokenStart - 1)) return null;
    open = name.tokenStart - 1;
  }
  for (let k = open - 1; k >= sentStart; k--) {
    if (doc.tokens[k].kind === 'punct' || open - k > ASIDE_TOKENS) return null;
  }
  return name;
}

/** أنّ / إنّ take a noun first: أن X التقى Y is subject-first */
function afterComplementizer(view: DocView, k: number): boolean {
  return k > 0 && /^[وف]?(ان|بان|لان)$/.test(view.fold[k - 1]);
}

function hasQad(view: DocView, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (view.fold[k] === 'قد' || view.fold[k] === 'لقد') return true;
  return false;
}

function onlyAux(view: DocView, from: number, to: number): boolean {
  if (to - from > 2) return false;
  for (let k = from; k < to; k++) if (!G().aux.has(view.fold[k])) return false;
  return true;
}

/** عُين، وأُعلن: damma on the first letter after a conjunction marks a past verb passive. */
function writtenPassive(word: string): boolean {
  const w = word.replace(/^[وف](?=[^\u064B-\u0652])/, '').replace(/\u0640/g, '');
  return w.length > 2 && w.charCodeAt(1) === 0x064f;
}

function speechVerb(entry: TriggerEntry): boolean {
  return entry.type === 'STATEMENT' || entry.type === 'APPEAL' || entry.type === 'CONDEMN';
}

/**
 * Does a verb after a relative pronoun agree with it in gender? الذي takes a masculine verb (قال، يقول), التي a
 * feminine one (قالت، تقول); a present verb shows it by its first letter, a past one by a final ت.
 */
function relativeAgrees(relative: string, verb: string, pos: string): boolean {
  if (relative !== 'الذي' && relative !== 'التي') return true;
  const feminine = feminineVerb(verb, pos);
  return feminine === null || feminine === (relative === 'التي');
}

/**
 * Is a verb feminine (قالت، تقول، زارته، وقعتا), masculine (قال، يقول، زاره), or not a verb (null)? An object pronoun
 * after it is left out first.
 */
function feminineVerb(verb: string, pos: string): boolean | null {
  let v = verb.replace(/[\u064B-\u065F\u0640]/g, '').replace(/^[وف]?س?/, '');
  const pronoun = /(?:هما|هم|ها|ه|ني|نا)$/.exec(v);
  if (pronoun && v.length - pronoun[0].length >= 3) v = v.slice(0, -pronoun[0].length);
  return pos === 'pres' ? v.startsWith('ت') : pos === 'past' ? v.endsWith('ت') || v.endsWith('تا') : null;
}

/** A noun with no name right after the verb at t, time words aside: the verb's own subject («الذي أعلن الجيش»). */
function nounSubjectAfter(doc: ArabicDoc, view: DocView, t: number, speech: boolean): boolean {
  let k = t + 1;
  while (k < doc.tokens.length && extrasOf(doc).inTime[k]) k++;
  if (k >= doc.tokens.length || doc.tokens[k].kind !== 'word' || view.entityAt[k] !== -1) return false;
  const f = view.fold[k];
  if (isStopword(doc.tokens[k].text) || G().relative.has(f) || G().complementizer.has(f) || G().preposition.has(f)) return false;
  // a speech verb takes «إن …», not an object: any other word is its subject («التي تقول عدة دول»)
  return (f.startsWith('ال') && f.length > 3) || (speech && !/^[وفبل]/.test(f) && !/(?:ه|ها|هم|هما)$/.test(doc.tokens[k].text));
}

/** The word at k heads a construct whose genitive follows: an indefinite noun, no particle or name («استراتيجية [ترامب]»). */
function constructHead(doc: ArabicDoc, view: DocView, k: number): boolean {
  if (k < 0 || doc.tokens[k].kind !== 'word' || view.entityAt[k] !== -1) return false;
  const f = view.fold[k];
  return /^[ء-ي]{3,}$/.test(f) && !f.startsWith('ال') && !isStopword(doc.tokens[k].text) && !G().preposition.has(f);
}

/** a form of كان in [from, to): «وكانت [حركة الجهاد] أعلنت» puts the subject before its verb */
function kanaBefore(view: DocView, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (/^[وف]?(كان|كانت|كانوا)$/.test(view.fold[k])) return true;
  return false;
}

/** كان / قد before the verb anchors it in the past (كان يزور). */
function pastAux(view: DocView, sentStart: number, t: number): boolean {
  return kanaBefore(view, Math.max(sentStart, t - 4), t);
}

/** how many tokens after an event noun «المقرر» says it is planned (past an adjective: «الزيارة الرسمية المقررة») */
const SCHEDULED_REACH = 4;
/** how many tokens after a present verb «حاليا، الآن، منذ» tell it is going on («ويتولى دي بياجيو حاليا مهام») */
const NOW_REACH = 6;
/** how many words before an event a cancellation verb or noun reaches («ألغى [وزير الخارجية سامي يوسف] زيارته») */
const CANCEL_REACH = 6;
/** events a cancellation before them says did not happen */
/** event types whose present tense in a headline tells what happened that day */
const HEADLINE_PRESENT = new Set(['DELIVER_MESSAGE', 'SANCTION', 'BREAK_RELATIONS', 'AGREEMENT', 'PLEDGE']);

/** Is sentence k the article's headline: its first line, with no closing stop, and more text after it? */
function isHeadline(doc: ArabicDoc, k: number): boolean {
  if (k !== 0 || doc.sentences.length < 2) return false;
  const s = doc.sentences[0];
  return /^[^\S\n]*\n/.test(doc.text.slice(s.end)) && !/[.!?؟]\s*$/.test(doc.text.slice(s.start, s.end));
}

const CANCELLABLE = new Set(['VISIT', 'HOST_VISIT', 'MEET', 'HOST_CONFERENCE', 'INVITE']);

const REFUSED_EXIST = new Set(['AGREEMENT', 'SANCTION', 'INVITE']);

/** A word of refusal up to `reach` words before t (three unless told), no punctuation between. */
function refusedBefore(view: DocView, lex: EventLexicon, sentStart: number, t: number, reach = 3): boolean {
  for (let k = t - 1; k >= sentStart && k >= t - reach; k--) {
    if (view.isBoundary[k]) return false;
    if (lex.markers.get(view.fold[k]) === 'refuse' || lex.markers.get(view.fold[k].replace(/^[وف]/, '')) === 'refuse') return true;
  }
  return false;
}

/** how many words before an event noun a denial verb reaches («نفت موسكو مع حليفتيها … شن أي هجوم») */
const DENY_REACH = 10;

/** A denial verb before an event noun, in its clause (no «أنّ» between: «نفى أن …» is the reported clause's). */
function deniedBefore(doc: ArabicDoc, view: DocView, lex: EventLexicon, sentStart: number, t: number): boolean {
  for (let k = t - 1; k >= sentStart && k >= t - DENY_REACH; k--) {
    if (view.isBoundary[k] || complementizerAt(doc, view, k)) return false;
    if (lex.markers.get(view.fold[k]) === 'deny' || lex.markers.get(view.fold[k].replace(/^[وف]/, '')) === 'deny') return true;
    // only the denial's own object: not past a relative clause or a prepositional phrase between («نفى ماكرون الذي
    // زار بيروت الأنباء», «نفى الوزير خلال زيارته وجود خلاف»)
    if (view.entityAt[k] === -1 && (G().relative.has(view.fold[k].replace(/^و(?=ال)/, '')) || G().preposition.has(view.fold[k]))) return false;
  }
  return false;
}

function markersIn(view: DocView, lex: EventLexicon, from: number, to: number): Set<Marker> {
  const out = new Set<Marker>();
  for (let k = from; k < to; k++) {
    const f = view.fold[k];
    const m = lex.markers.get(f) ?? lex.markers.get(f.replace(/^[وف]/, ''));
    if (m) out.add(m);
    const two = lex.markers2.get(f) ?? lex.markers2.get(f.replace(/^[وف]/, ''));
    if (two && k + 1 < to) for (const [w, mm] of two) if (view.fold[k + 1] === w) out.add(mm);
  }
  return out;
}

/** A future-prefixed verb near the trigger (سيتم, ستتناول): س + imperfective ت/ي + ت. */
/**
 * Does a word open a clause of its own in the future, «وسيسافر», «وستعقد»: و + س + a present verb the news writes
 * (not «وسيلة», «وسيط»: «يلة», «يط» are no words)?
 */
function futureClause(f: string): boolean {
  if (!/^[وف]س[يتن]/.test(f) || f.length < 5) return false;
  return freq(f.slice(2)) >= FUTURE_VERB_FREQ;
}
/** how often the present verb after «وس» must be seen alone in the corpus */
const FUTURE_VERB_FREQ = 20;

/** Is token k inside a name of two or more words («آن ليندي», «مون جيه-إن»), where «أن/إن» is no complementizer? */
function inLongName(doc: ArabicDoc, view: DocView, k: number): boolean {
  const e = view.entityAt[k];
  return e !== -1 && doc.entities[e].tokenEnd - doc.entities[e].tokenStart > 1;
}

function futureVerbNear(view: DocView, from: number, to: number, t: number): boolean {
  for (let k = from; k < to; k++) {
    if (k === t) continue;
    if (/^[وف]?س[يت]ت[^ي]/.test(view.fold[k]) && view.fold[k].length >= 5) return true;
  }
  return false;
}

/** A conditional (في حال, إذا) earlier in the sentence with no clause break in between. */
/** Is there an object with ل (للهجوم، لمحاولات) within three words after t, an adjective or two between? */
function lObjectAfter(doc: ArabicDoc, view: DocView, t: number, end: number): boolean {
  for (let k = t + 1, words = 0; k < end && words < 3; k++) {
    if (doc.tokens[k].kind === 'punct') return false;
    words++;
    const f = view.fold[k];
    if (/^ل/.test(f) && f.length > 3) return true;
    if (!f.startsWith('ال')) return false;
  }
  return false;
}

/** The first word opening a condition after t (إذا، لو، في حال، ما لم), or end. */
function conditionAfter(view: DocView, t: number, end: number): number {
  for (let k = t + 1; k < end; k++) {
    if (view.entityAt[k] !== -1) continue; // «نويل لو غرايت»
    const f = view.fold[k].replace(/^[وف]/, '');
    if (f === 'اذا' || f === 'لو' || (f === 'حال' && view.fold[k - 1] === 'في') || (f === 'لم' && view.fold[k - 1] === 'ما')) return f === 'اذا' || f === 'لو' ? k : k - 1;
  }
  return end;
}

function condBefore(view: DocView, lex: EventLexicon, sentStart: number, t: number): boolean {
  for (let k = t - 1; k >= sentStart && k >= t - 8; k--) {
    const f = view.fold[k].replace(/^[وف]/, '');
    if (lex.markers.get(f) === 'break' || view.isBoundary[k]) return false;
    if (f === 'اذا' || f === 'لو' || (f === 'حال' && view.fold[k - 1] === 'في')) return true;
  }
  return false;
}

/**
 * 'reported' when a reporting verb earlier in the sentence is followed by أن before this trigger (or the
 * sentence cites a source: بحسب, نقلا عن); 'deny' when that verb is a denial (نفى أن …); else null.
 */
function reportedBy(doc: ArabicDoc, view: DocView, lex: EventLexicon, hits: Hit[], sentStart: number, t: number): 'reported' | 'deny' | null {
  let speech: 'reported' | 'deny' | null = null;
  let inside: 'reported' | 'deny' | null = null;
  // a reporting verb governs the next clause or two, not a whole run-on paragraph
  for (let k = Math.max(sentStart, t - 40); k < t; k++) {
    const f = view.fold[k].replace(/^[وف]/, '');
    const m = lex.markers.get(view.fold[k]) ?? lex.markers.get(f);
    // a full stop the splitter missed, or a new clause (فيما, بينما), ends what the reporting verb governs
    if (m === 'break' || (view.isBoundary[k] && view.fold[k] !== ':')) {
      speech = inside = null;
      continue;
    }
    const hit = hits.find((h) => h.token === k && h.entry.type === 'STATEMENT');
    if (m === 'deny' || hit?.entry.variant === 'deny') speech = 'deny';
    else if (m === 'speech' || hit) speech = 'reported';
    else if (speech && !inLongName(doc, view, k) && G().complementizer.has(f)) inside = speech;
  }
  if (inside) return inside;
  for (let k = Math.max(sentStart, t - 40); k < view.fold.length && k < t + 40 && view.sentenceOf[k] === view.sentenceOf[t]; k++) {
    const f = view.fold[k].replace(/^[وف]/, '');
    if (G().source_cite.has(f)) return 'reported';
  }
  return null;
}

/** The compared period of a TIMEX value vs the publication date: -1 past, 1 future, 0 same/unknown. */
export function compareToPublished(value: string, published: string | null): number {
  if (!published) return 0;
  const range = valueRange(value);
  if (!range) return 0;
  const p = published.slice(0, 10);
  if (range[1] < p) return -1;
  if (range[0] > p) return 1;
  return 0;
}

/**
 * The name of an agreement: the entity right after the word (اتفاقية [خور عبد الله]) — `named` — or its
 * definite genitive (اتفاقية التجارة الحرة), up to a marker, preposition or date; nothing else (اتفاقه معه,
 * توقيع إصدارات …) is a subject.
 */
function phraseAfter(doc: ArabicDoc, view: DocView, lex: EventLexicon, t: number, segEnd: number): { text: string; named: boolean } | null {
  let k = t + 1;
  while (k < segEnd && lex.classes.get('mou')?.has(view.fold[k])) k++; // مذكرة [تفاهم] …
  if (k >= segEnd || doc.tokens[k].kind !== 'word') return null;
  const ei = view.entityAt[k];
  if (ei !== -1 && doc.entities[ei].start >= doc.tokens[k].start) {
    const e = doc.entities[ei];
    return { text: doc.text.slice(e.start, e.end), named: true };
  }
  const words: string[] = [];
  for (; k < segEnd && words.length < 4; k++) {
    const f = view.fold[k];
    if (doc.tokens[k].kind !== 'word' || !f.startsWith('ال') || G().relative.has(f) || lex.markers.has(f) || lex.classes.get('quantifier')?.has(f)) break;
    if (extrasOf(doc).inTime[k] || extrasOf(doc).inAmount[k]) break;
    if (view.entityAt[k] !== -1) break;
    words.push(doc.tokens[k].text);
  }
  return words.length ? { text: words.join(' '), named: false } : null;
}

/** The first word of the attend class (حضور, زيارة, المشاركة) after an invitation trigger, or -1. */
function attendIndex(view: DocView, lex: EventLexicon, t: number, segEnd: number): number {
  const attend = lex.classes.get('attend')!;
  for (let k = t + 1; k < segEnd && k <= t + 14; k++) if (classForms(view.fold[k]).some((x) => attend.has(x))) return k;
  return -1;
}

/** What someone is invited to: the words after إلى حضور / لزيارة … up to التي / a date / a break. */
function invitedTo(doc: ArabicDoc, view: DocView, lex: EventLexicon, t: number, segEnd: number): string | null {
  const k = attendIndex(view, lex, t, segEnd);
  if (k < 0) return null;
  return doc.tokens.slice(k, k + invitedToLength(doc, view, k, segEnd)).map((x) => x.text).join(' ');
}

/** Tokens in what someone is invited to, from its first word (attendIndex): at most 6 words. */
function invitedToLength(doc: ArabicDoc, view: DocView, k: number, segEnd: number): number {
  let n = 1;
  for (let j = k + 1; j < segEnd && n < 6; j++, n++) {
    const f = view.fold[j];
    if (doc.tokens[j].kind !== 'word' || G().relative.has(f) || G().preposition.has(f) || f === 'خلال' || extrasOf(doc).inTime[j]) break;
  }
  return n;
}

/**
 * Within a sentence, a second trigger of the same type with compatible arguments is the same event told twice
 * (يتوجه … في زيارة; أشارت … في بيان); a hoped-for pledge becomes the `hoped` figure of the real one.
 */
/** events without arguments, time or amounts: merged into a same-type neighbour or dropped */
const WEAK = new WeakSet<NewsEvent>();
/** each trigger's actor, for pro-drop continuations */
const prevActor = new WeakMap<Hit, EntityRef>();
/** each trigger's target: a continuing verb right after it is not that target's verb («زار X بغداد والتقى …») */
const prevTarget = new WeakMap<Hit, EntityRef>();
/** how many days before the publication the body's act may be dated and still be the headline's */
const HEADLINE_RECENT_DAYS = 7;
/** headline events planned only for their present tense («X يزور الكويت»), for settleHeadlines */
const HEADLINE_PRESENT_PLAN = new WeakSet<NewsEvent>();
/** the trigger behind each event, for merging */
const META = new WeakMap<NewsEvent, { token: number; pos: string }>();

const RANK: Record<EventStatus, number> = { occurred: 0, reported: 1, planned: 2, negated: 3 };

function mergeSameType(events: NewsEvent[], text: string): NewsEvent[] {
  const out: NewsEvent[] = [];
  for (const ev of events) {
    // imposing sanctions (163) and lifting them (085) are never one event
    const prev = [...out].reverse().find((p) => p.type === ev.type && p.cameo === ev.cameo);
    const same = (a: EntityRef | null, b: EntityRef | null) => !a || !b || a.entity === b.entity;
    if (prev && ev.attributes?.hoped && !prev.attributes?.hoped) {
      const money = ev.amounts?.find((a) => a.kind === 'money');
      prev.attributes = { ...(prev.attributes ?? {}), hoped: money ? money.value : true };
      if (money?.currency) prev.attributes.hoped_currency = money.currency;
      continue;
    }
    // لم توقع … على اتفاق: the noun is the negated verb's object, the same event
    const objectNoun = prev && META.get(ev)?.pos === 'noun' && META.get(ev)!.token - (META.get(prev)?.token ?? -99) <= 6;
    const negMismatch = (prev?.status === 'negated') !== (ev.status === 'negated') && !objectNoun;
    if (objectNoun && prev.status === 'negated') ev.status = 'negated';
    // two mentions of one event sit close together, or one of them says nothing on its own
    const close = WEAK.has(ev) || (prev !== undefined && WEAK.has(prev)) || (META.get(ev)?.token ?? 0) - (META.get(prev!)?.token ?? -99) <= 8;
    if (prev && close && !negMismatch && same(prev.actor, ev.actor) && same(prev.target, ev.target) && (!prev.time || !ev.time || prev.time === ev.time)) {
      // the more informative status wins: planned > reported > occurred
      if (RANK[ev.status] > RANK[prev.status]) prev.status = ev.status;
      if (!WEAK.has(ev)) WEAK.delete(prev);
      prev.start = Math.min(prev.start, ev.start);
      prev.end = Math.max(prev.end, ev.end);
      prev.text = text.slice(prev.start, prev.end);
      prev.actor ??= ev.actor;
      prev.target ??= ev.target;
      prev.place ??= ev.place;
      prev.time ??= ev.time;
      if (ev.attributes) prev.attributes = { ...ev.attributes, ...(prev.attributes ?? {}) };
      if (ev.amounts && !prev.amounts) prev.amounts = ev.amounts;
      continue;
    }
    out.push(ev);
  }
  return out.filter((e) => !WEAK.has(e));
}
