/**
 * The document model. An ArabicDoc keeps the original text untouched; every
 * analysis stage adds a layer of spans whose `start`/`end` are UTF-16 offsets
 * into that ORIGINAL text (end exclusive), so any highlight lands on the right
 * characters whatever normalization a stage used internally.
 */

export interface Span {
  start: number;
  end: number;
}

export type TokenKind =
  | 'word' // Arabic word (may carry clitics)
  | 'latin' // Latin-script word
  | 'number' // 1,234.5  ٣٠  ٢٫٥  30%
  | 'punct'
  | 'url'
  | 'email'
  | 'hashtag'
  | 'mention'
  | 'symbol';

export interface Token extends Span {
  /** the original characters, text.slice(start, end) */
  text: string;
  kind: TokenKind;
  /** `search`-level folded form (see src/text/normalize.ts) */
  norm: string;
  /** light stem of `norm` for search (clitics and common affixes removed) */
  stem: string;
}

export interface Sentence extends Span {
  /** index of the first token of the sentence in doc.tokens */
  tokenStart: number;
  /** index one past the last token */
  tokenEnd: number;
  /** true for a heading / line without final punctuation */
  heading?: boolean;
}

export type EntityType = 'PER' | 'ORG' | 'LOC' | 'MISC';

export interface Entity extends Span {
  /** original text of the mention without attached proclitics (وبغداد → بغداد) */
  text: string;
  type: EntityType;
  /** token index range [tokenStart, tokenEnd) */
  tokenStart: number;
  tokenEnd: number;
  /** canonical entity id, filled by the linking stage */
  entity?: string;
  /** canonical name of the linked entity */
  canonical?: string;
}

export type TimeKind = 'date' | 'time' | 'duration' | 'set';
export type Granularity = 'year' | 'quarter' | 'month' | 'week' | 'day' | 'hour' | 'minute' | 'decade' | 'century' | 'season';

export interface TimeExpr extends Span {
  text: string;
  kind: TimeKind;
  /** ISO 8601 / TIMEX3-style value: 2021-08-28, 2018-02, 2003, 2021-W33, 2021-08-13T10:30, P3D, XXXX-XX-03 */
  value: string;
  granularity: Granularity | null;
  /** false when the expression is relative and no publication date was given */
  resolved: boolean;
  /** the Hijri text / calendar remark, timezone, or why it is unresolved */
  note?: string;
}

export type AmountKind = 'money' | 'percent' | 'count' | 'number' | 'ordinal';

export interface Amount extends Span {
  text: string;
  kind: AmountKind;
  value: number;
  /** ISO 4217 code for money, else null */
  currency: string | null;
  /** what a count counts (singular lemma, e.g. "بلد"), else null */
  unit: string | null;
  note?: string;
}

/** A reference to an entity mention, as used by roles and events. */
export interface EntityRef {
  /** canonical entity id (see Entity.entity) */
  entity: string;
  /** canonical name */
  name: string;
  type: EntityType;
}

export interface Role extends Span {
  person: EntityRef;
  title: string;
  /** the country / organization the title is held in, when stated */
  of: string | null;
  text: string;
}

export type EventStatus = 'planned' | 'occurred' | 'reported' | 'negated';

export interface NewsEvent extends Span {
  type: string;
  cameo: string;
  actor: EntityRef | null;
  target: EntityRef | null;
  place: EntityRef | null;
  /** resolved time governing the clause (a copy of the TimeExpr's value) */
  time: string | null;
  status: EventStatus;
  text: string;
  /** index into doc.sentences */
  sentence: number;
  /** amounts attached to the event (pledges, participants) */
  amounts?: Amount[];
  /**
   * free-form attributes, e.g. first: true, subject: "الآبار النفطية"; for invitations to (what one is invited
   * to) and to_time; until: the date an event runs to («حتى 2023»: a term, a contract, sanctions); by: the
   * deadline of what is pledged («تعهدت … بحلول 2025»)
   */
  attributes?: Record<string, string | number | boolean>;
}

export interface ArabicDoc {
  /** the original text, never modified */
  text: string;
  /** the publication date (YYYY-MM-DD) relative expressions are anchored to */
  published: string | null;
  sentences: Sentence[];
  tokens: Token[];
  entities: Entity[];
  times: TimeExpr[];
  amounts: Amount[];
  roles: Role[];
  events: NewsEvent[];
}

export interface AnalyzeOptions {
  /** YYYY-MM-DD; anchors relative time expressions */
  published?: string | null;
}

/** A pure stage: reads earlier layers, returns the document with its own layer added. */
export type Stage = (doc: ArabicDoc) => ArabicDoc;

export function emptyDoc(text: string, published: string | null = null): ArabicDoc {
  return { text, published, sentences: [], tokens: [], entities: [], times: [], amounts: [], roles: [], events: [] };
}
