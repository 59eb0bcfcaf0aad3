/**
 * Every event the API returns carries `labelAr`, the act's name in Arabic from resources/events/cameo.tsv
 * (label_ar), beside its type and CAMEO code: clients show the data's words instead of keeping their own table.
 */
import type { NewsEvent } from '../doc.js';
import { eventLabelAr } from '../events/lexicon.js';

export type LabelledEvent<E extends Pick<NewsEvent, 'type' | 'cameo'>> = E & { labelAr: string | null };

export function labelEvent<E extends Pick<NewsEvent, 'type' | 'cameo'>>(e: E): LabelledEvent<E> {
  return { ...e, labelAr: eventLabelAr(e.type, e.cameo) };
}

export const labelEvents = <E extends Pick<NewsEvent, 'type' | 'cameo'>>(events: E[]): Array<LabelledEvent<E>> => events.map(labelEvent);

/** a document's JSON (docToJson) with its events labelled */
export function labelDocEvents<D extends Record<string, unknown>>(doc: D): D {
  return { ...doc, events: labelEvents((doc.events ?? []) as NewsEvent[]) };
}
