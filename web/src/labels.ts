// Arabic labels for what the events layer reads (resources/events: type, CAMEO code, status). The API sends the
// codes (VISIT, 042, planned); the UI shows these words, with the code kept in a tooltip for analysts.
import type { NewsEvent } from './api';

/** one label per event type (resources/events/cameo.tsv); an unknown type shows its code */
export const EVENT_TYPE_LABEL: Record<string, string> = {
  VISIT: 'زيارة',
  HOST_VISIT: 'استقبال',
  MEET: 'لقاء',
  INVITE: 'دعوة',
  HOST_CONFERENCE: 'استضافة مؤتمر',
  PLEDGE: 'تعهد',
  AGREEMENT: 'اتفاق',
  APPOINT: 'تعيين',
  ASSUME_OFFICE: 'تولي منصب',
  RESUME_RELATIONS: 'استئناف العلاقات',
  BREAK_RELATIONS: 'قطع العلاقات',
  DELIVER_MESSAGE: 'نقل رسالة',
  APPEAL: 'مناشدة',
  STATEMENT: 'تصريح',
  SANCTION: 'عقوبات',
  CONDEMN: 'إدانة',
  ATTACK: 'هجوم',
};

/** variants a CAMEO code tells apart within a type (cameo.tsv's variant rows) */
export const EVENT_VARIANT_LABEL: Record<string, string> = {
  'VISIT:042': 'زيارة',
  'MEET:041': 'اتصال هاتفي',
  'MEET:044': 'لقاء على هامش',
  'MEET:045': 'وساطة',
  'MEET:046': 'مباحثات',
  'INVITE:036': 'تلبية دعوة',
  'PLEDGE:071': 'مساعدة',
  'SANCTION:085': 'رفع عقوبات',
  'ATTACK:195': 'غارة جوية',
  'ATTACK:183': 'تفجير',
};

export function eventTypeLabel(e: Pick<NewsEvent, 'type' | 'cameo'>): string {
  return EVENT_VARIANT_LABEL[`${e.type}:${e.cameo}`] ?? EVENT_TYPE_LABEL[e.type] ?? e.type;
}

/** an event's status, as a short label and the sentence its tooltip says */
export const EVENT_STATUS: Record<NewsEvent['status'], { label: string; note: string }> = {
  occurred: { label: 'وقع', note: 'يذكر النص أنه وقع' },
  planned: { label: 'مخطط له', note: 'معلن عنه أو مرتقب، لم يقع بعد وقت النشر' },
  reported: { label: 'منقول', note: 'ينقله النص عن متحدث أو مصدر' },
  negated: { label: 'منفي', note: 'ينفي النص وقوعه، أو يذكر إلغاءه' },
};
