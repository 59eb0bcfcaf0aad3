// Arabic words for what the events layer reads. An event's type comes named by the API (`labelAr`, from
// resources/events/cameo.tsv); its status is one of four values the engine defines (src/doc.ts EventStatus), and
// their names here are the interface's own words, with the sentence each tooltip says.
import type { NewsEvent, ServedEvent } from './api';

/** the served Arabic label; the type's code only when the API knows no label for it (an event stored by an older version) */
export function eventTypeLabel(e: Pick<ServedEvent, 'type' | 'labelAr'>): string {
  return e.labelAr || e.type;
}

/** an event's status, as a short label and the sentence its tooltip says */
export const EVENT_STATUS: Record<NewsEvent['status'], { label: string; note: string }> = {
  occurred: { label: 'وقع', note: 'يذكر النص أنه وقع' },
  planned: { label: 'مخطط له', note: 'معلن عنه أو مرتقب، لم يقع بعد وقت النشر' },
  reported: { label: 'منقول', note: 'ينقله النص عن متحدث أو مصدر' },
  negated: { label: 'منفي', note: 'ينفي النص وقوعه، أو يذكر إلغاءه' },
};
