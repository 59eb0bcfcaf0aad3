import { readTsv } from '../resources.js';
import { foldArabic } from '../link/fold.js';

/** The event engine's data, loaded once from resources/events. */

export type TriggerPos = 'past' | 'pres' | 'noun' | 'pass';

export interface TriggerEntry {
  form: string;
  type: string;
  variant: string;
  pos: TriggerPos;
  /** '-' | '>class' | '<>class' | '>to' | '>with' | '>per' */
  needs: string;
}

export interface Frame {
  actor: string[];
  target: string[];
  place: string[];
  symmetric: boolean;
  /**
   * what a trigger noun's genitive is: the actor (زيارة الكاظمي) or the target (تعيين أخنوش); actor/loc-target
   * (for ATTACK, a country genitive stays the actor: «قصف إيران لمقر …»):
   * a place is the target (زيارة بغداد); actor/l-target: one after ل is the target (دعوة للرئيس)
   */
  genitive: 'actor' | 'target' | 'actor/loc-target' | 'actor/l-target';
  /** entity types allowed as actor/target, null = any */
  parties: Set<string> | null;
}

export type Marker = 'neg' | 'future' | 'soon' | 'cond' | 'hope' | 'signed' | 'speech' | 'break' | 'first' | 'now' | 'scheduled' | 'deny' | 'third' | 'cancel' | 'refuse';

export interface EventLexicon {
  /** folded form → rows in file order */
  triggers: Map<string, TriggerEntry[]>;
  /** `${type}:${variant}` → CAMEO code */
  cameo: Map<string, string>;
  /** `${type}:${variant}` → the act's name in Arabic (cameo.tsv label_ar) */
  labelAr: Map<string, string>;
  frames: Map<string, Frame>;
  /** class → folded words */
  classes: Map<string, Set<string>>;
  /** one-word markers */
  markers: Map<string, Marker>;
  /** two-word markers: first word → [second word, marker] */
  markers2: Map<string, Array<[string, Marker]>>;
}

let cached: EventLexicon | null = null;

export function eventLexicon(): EventLexicon {
  if (cached) return cached;
  const triggers = new Map<string, TriggerEntry[]>();
  for (const r of readTsv(['events', 'triggers.tsv']) as Record<string, string>[]) {
    const entry: TriggerEntry = {
      form: foldArabic(r.form),
      type: r.type,
      variant: r.variant || 'default',
      pos: r.pos as TriggerPos,
      needs: r.needs || '-',
    };
    const list = triggers.get(entry.form) ?? [];
    list.push(entry);
    triggers.set(entry.form, list);
  }
  const cameo = new Map<string, string>();
  const labelAr = new Map<string, string>();
  for (const r of readTsv(['events', 'cameo.tsv']) as Record<string, string>[]) {
    cameo.set(`${r.type}:${r.variant}`, r.cameo ?? '');
    labelAr.set(`${r.type}:${r.variant}`, (r.label_ar ?? '').trim());
  }
  const frames = new Map<string, Frame>();
  for (const r of readTsv(['events', 'frames.tsv']) as Record<string, string>[]) {
    const list = (s: string) => (s === '-' || !s ? [] : s.split('|').map((x) => x.trim()));
    frames.set(r.type, {
      actor: list(r.actor),
      target: list(r.target),
      place: list(r.place),
      symmetric: r.symmetric === 'yes',
      genitive: r.genitive === 'target' || r.genitive === 'actor/loc-target' || r.genitive === 'actor/l-target' ? r.genitive : 'actor',
      parties: !r.parties || r.parties === 'any' ? null : new Set(r.parties.split(',')),
    });
  }
  const classes = new Map<string, Set<string>>();
  for (const r of readTsv(['events', 'wordclasses.tsv']) as Record<string, string>[]) {
    classes.set(r.class, new Set(r.words.split(',').map((w) => foldArabic(w)).filter(Boolean)));
  }
  const markers = new Map<string, Marker>();
  const markers2 = new Map<string, Array<[string, Marker]>>();
  for (const r of readTsv(['events', 'markers.tsv']) as Record<string, string>[]) {
    const words = foldArabic(r.word).split(' ');
    const m = r.marker as Marker;
    if (words.length === 1) markers.set(words[0], m);
    else {
      const list = markers2.get(words[0]) ?? [];
      list.push([words[1], m]);
      markers2.set(words[0], list);
    }
  }
  cached = { triggers, cameo, labelAr, frames, classes, markers, markers2 };
  return cached;
}

let types: string[] | null = null;
/** The event types Marsad reads (every type a trigger in resources/events gives), sorted. */
export function eventTypes(): string[] {
  return (types ??= [...new Set([...eventLexicon().triggers.values()].flat().map((r) => r.type))].sort());
}

let labelsByCode: Map<string, string> | null = null;
/**
 * An event's name in Arabic (resources/events/cameo.tsv label_ar). An event keeps its type and CAMEO code, not
 * its variant: the first row of the type with that code names it, else the type's default row; null for a type
 * the tables do not know (an event stored by an older version).
 */
export function eventLabelAr(type: string, cameo: string): string | null {
  if (!labelsByCode) {
    labelsByCode = new Map();
    const lex = eventLexicon();
    for (const [key, label] of lex.labelAr) {
      if (!label) continue;
      const rowType = key.slice(0, key.indexOf(':'));
      const byCode = `${rowType}:${lex.cameo.get(key)}`;
      if (!labelsByCode.has(byCode)) labelsByCode.set(byCode, label);
      if (key === `${rowType}:default`) labelsByCode.set(rowType, label);
    }
  }
  return labelsByCode.get(`${type}:${cameo}`) ?? labelsByCode.get(type) ?? null;
}
