/**
 * The rule layer of the NER stage, run after the statistical tagger in `analyze` (not in `marsad eval ner`,
 * which scores the model alone). It applies Marsad's annotation policy where ANERcorp's differs and uses the
 * general resources for what one article's context cannot teach the model. Per sentence, in the order they run:
 *  8. places joined by و in one reading are two places: [مصر] و[أوروغواي], unless the name lists know the whole
 *     as one name (ترينيداد وتوباغو);
 * 8b. an organization reading run from a listed organization over و is cut there: «[أوبك] وصناعة النفط»;
 *  0. a person's title inside a place/organization reading ends it and starts a person;
 * 13. a definite nationality adjective after its noun is no place (الصادرات [الكورية الشمالية]), before the name
 *     lists and the organization rules take the words (وزارة الخارجية الكورية الشمالية);
 *  1. multi-word gazetteer names (places, organizations) win over a different model reading of those words;
 * 1c. a rare country name (countries.tsv) the model left untagged is a place: «كوستاريكا»;
 * 1b. listed public figures (people.txt): the full name, and a listed short form alone (ترامب), are the person;
 *  2. organization heads in construct (org-patterns.tsv): وزارة الخارجية العراقية, غرفة تجارة وصناعة الكويت,
 *     مجلس حقوق الإنسان;
 *     2b. a definite head with a country's nisba or a listed complement after ل (الاتحاد المصري لكرة القدم);
 *     a word relating a body to another ends its name («ميليشيات الحوثي [الموالية] لإيران»: org-patterns.tsv relational);
 *     a generic descriptor before a known organization is left out (تنظيم داعش → داعش);
 * 2d. an organization's reading that ends in a ل-complement in construct takes its genitive: «… لكرة [القدم]»;
 * 2c. a ministry named by its portfolio and its country's feminine nisba: [الخارجية الأمريكية];
 *  3. a person's name after a title or in apposition to a place/organization, starting with a given name;
 * 3c. a kunya the model read as another type is a person: [أم وسيم];
 *  4. a person name extended by a following family name from the name lists (نواف الأحمد + الصباح), or by a rare
 *     definite word after a given name and a father's name ([محمد جاسم الصقر]);
 *  9. a person reading that opens with a descriptor (خطيبة، المحامية), a title or a nationality starts after it;
 * 9b. a title that is also a given name, without the article before a person, is the first name: «[أمير كرارة]»;
 * 10. an indefinite nationality adjective after a noun is no place (وسائل إعلام سعودية);
 * 13b. nor is a group's plural adjective after a definite noun an organization («المقاتلين [الأكراد]»);
 *  6. a MISC mention that is only a currency word (ANERcorp tags دولار, يورو as MISC) is dropped: it belongs to
 *     a money amount, not to the entities (currency list: resources/amount/currency-nouns.tsv); so is a mention
 *     that is only a not-a-name word of resources/ner/rule-words.tsv (الله, الميليشيات, اليورانيوم), a month
 *     read as a company in a date (أبريل/نيسان) or an unambiguous weekday or month name of resources/time
 *     (الخميس, يناير); a common-noun word (هاتريك) is no entity alone and ends no person's name;
 *     nor is a noun a number counts, right after it (count-units.tsv: «48 [دبلوماسيا]», «64 [غيغابايت]»);
 * 6b. a one-word organization that is no common word (فيسبوك، يوتيوب) is one wherever the model left it untagged;
 * 6c. a place whose name is also a common word is one after a place head: «محافظة [البيضاء]»;
 * 6d. a name right after a trophy word names the trophy: «[كأس ديفيز]», «[دوري أبطال أوروبا]» (MISC);
 * 6e. a city right after a player or coach word is its club: «لاعب [برشلونة]»; «[أهلي جدة]» is one;
 *     in a sentence about a match, so is a city where a club is expected: «فاز كروتوني على [بولونيا]»;
 * 6j. in a sentence about a match, a listed club is an organization: «فاز على [النصر]», «مرمى [الشمال]»;
 * 6f. a person's reading that opens with a listed place and a given name is the place, then the person;
 * 6g. الأب / الابن after a person's name belongs to it: «[جورج بوش الأب]»;
 * 6h. a listed product is MISC wherever it stands, and a reading run onto it ends before it: «شركة [أبل] هاتف [آيفون]»;
 * 6i. a model name of letters and a number after a kind word, or hyphenated, is MISC: «منظومة [إس-400]»;
 *     and a number after a product's or competition's reading belongs to it: «[مونديال 1998]», «[ميت 20 برو]»;
 * 6k. a name in quotes or brackets right after an organization is its short name: «وكالة الأنباء الفلسطينية "[وفا]"»;
 * 6l. a name in quotes right after a newspaper, site or channel word is the outlet: «صحيفة "[المصري اليوم]"» (ORG),
 *     and so after a company word: «شركة "[أرماتر]"»; a name the model read or a phrase in quotes after a film, series
 *     or book word, or anything quoted after «بعنوان», is the work's title: «مسلسل "[هارون الرشيد]"» (MISC);
 * 6m. a university, airport, stadium … or prize named after a person is that body, place or prize:
 *     «[جامعة الملك سعود]», «[مطار رفيق الحريري الدولي]», «[جائزة الملك فيصل العالمية]»;
 * 6n. after «شركة», a person's or product's name, a place with its ل-complement or Latin words are the company;
 * 6o. a listed place before the direction adjective that names its part is one place: «[القدس الشرقية]»;
 * 6p. a place named like a common noun stays a place only where a place stands: «في مشهد نادر» is a scene;
 * 14. no name runs onto a word with the accusative tanwin: «[حسين] هادئاً»;
 * 14b. nor a person's or organization's onto a dual or plural present verb: «[غندوغان] يلتقيان»;
 * 14c. a reading starts after a function word it opens with («فإن [إيفانكا ترامب]»), and a person's ends before one
 *      («[ترامب] على تويتر»);
 * Then over the document:
 *  7. a dateline opening one of the first lines («عمّان - مرصد:», «إيلاف من لندن:», «القاهرة (أ ف ب) -») names its
 *     source, a news organization, whatever the model read there (a PER or nothing);
 * 6j. a club that is also a common word, read as a club in a match sentence, is the club at its other mentions;
 * 6e. a city read as a club is the club at its place readings in the article's other sentences about a match;
 * 6k. so is an organization's short name found in brackets, where the model read it as another type;
 * 12. a currency word read as an organization (ريال: Real Madrid) is the currency after a number, before the
 *     nationality of a country with that currency, or alone in an article that counts money in it;
 * 5b. a full name found in the document is the same name at its other mentions, however the model cut them;
 *  5. short forms: a later bare surname of a full name found in the same document is the same person;
 * 5c. a one-word name (an indefinite surname of a full name, or a word read alone twice as a person, or as a place
 *     or organization when rare) is that name wherever the model left it untagged;
 * 11. a word that only begins place names (نيو، سان، خان) takes the next word into the place, or is no place.
 * Tags are edited in place, per sentence (BIO strings).
 */
import { isStopword } from '../text/stopwords.js';
import { isAcronymLetter } from '../text/acronyms.js';
import { normalize } from '../text/normalize.js';
import { gluedPreposition } from '../text/lexicon.js';
import { chunks } from './evaluate.js';
import { wordInfo } from './features.js';
import { loadProfiles, PROFILE_CLASSES } from './profiles.js';
import { nisbaBase } from './fold.js';
import { gazetteerSpans, loadLexicon, TYPES, type Lexicon } from './lexicon.js';
import { fold as foldWord } from './fold.js';
import { clusterKey } from './wordsplit.js';
import { readKindedList, readList, readResource, readTsv } from '../resources.js';

interface Sent {
  words: readonly string[];
  folded: string[];
  bases: string[];
  /** without article */
  bares: string[];
  tags: string[];
  /** aboutMatch's answers (without, with match verbs), once asked */
  aboutMatch?: [boolean | undefined, boolean | undefined];
}

const isArabic = (w: string) => /^[\u0621-\u064A\u0660-\u0669\u0671-\u06D3\u064B-\u065F\u0640]+$/.test(w);
const definite = (base: string) => base.startsWith('ال') && base.length > 3;

/** Tags [start, end) as one entity of `type`; a dangling I- after it starts its own entity. */
export function setSpan(tags: string[], start: number, end: number, type: string): void {
  for (let k = start; k < end; k++) tags[k] = (k === start ? 'B-' : 'I-') + type;
  // an I- left dangling after the span becomes the start of its own entity
  if (end < tags.length && tags[end].startsWith('I-')) tags[end] = 'B-' + tags[end].slice(2);
}

function clearSpan(tags: string[], start: number, end: number): void {
  for (let k = start; k < end; k++) tags[k] = 'O';
  if (end < tags.length && tags[end].startsWith('I-')) tags[end] = 'B-' + tags[end].slice(2);
}

/** The chunk covering token k, or null. */
function chunkAt(tags: readonly string[], k: number): { start: number; end: number; type: string } | null {
  if (tags[k] === 'O') return null;
  let s = k;
  while (s > 0 && tags[s].startsWith('I-') && tags[s - 1].slice(2) === tags[k].slice(2)) s--;
  let e = k + 1;
  while (e < tags.length && tags[e] === 'I-' + tags[k].slice(2)) e++;
  return { start: s, end: e, type: tags[k].slice(2) };
}

/** The NER trigger class of a word (resources/ner/triggers.tsv: title, orghead, lochead, direction, say), or ''. */
function triggerClass(lex: Lexicon, word: string): string {
  const id = lex.triggers.get(word);
  return id === undefined ? '' : lex.triggerClasses[id];
}

function isNisba(lex: Lexicon, base: string): boolean {
  if (!definite(base)) return false;
  if (!/(ي|يه|يين|يون)$/.test(base)) return false;
  const nb = nisbaBase(base);
  return nb !== null && nb.length >= 4;
}

let countryNisbas: Set<string> | null = null;
let countryNames: Set<string> | null = null;

/** Stems of the countries' nisbas (resources/link/countries.tsv: سعودي → سعود, إسباني → اسبان), folded. */
function countryNisbaStems(): Set<string> {
  if (countryNisbas) return countryNisbas;
  countryNisbas = new Set();
  countryNames = new Set();
  for (const row of readTsv(['link', 'countries.tsv']) as Record<string, string>[]) {
    for (const stem of (row.nisba ?? '').split(',')) {
      // of a two-word nisba (كوري شمالي) the first word is a nationality too (كوري: Korean)
      const nb = nisbaBase(foldWord(stem.trim().split(' ')[0]));
      if (nb) countryNisbas.add(nb);
    }
    for (const name of [row.country ?? '', ...(row.names ?? '').split(',')]) if (name.trim()) countryNames.add(foldWord(name.trim()));
  }
  return countryNisbas;
}

/** The countries' names and other names as written (folded): سورية is Syria, not an adjective. */
function countryNameSet(): Set<string> {
  countryNisbaStems();
  return countryNames!;
}

/** A place's nisba: العراقية (a listed place), السعودي, الإسبانية (a country's nisba, however irregular). */
function isPlaceNisba(lex: Lexicon, base: string): boolean {
  const nb = isNisba(lex, base) ? nisbaBase(base) : null;
  return nb !== null && (lex.places.has(nb) || lex.places.has(nb.slice(2)) || countryNisbaStems().has(nb.slice(2)));
}

/**
 * A nationality before a name: a place's nisba, or one of a place in ـيا / ـا (الكولومبي → كولومبيا). The wider
 * test is for the start of a person reading only: elsewhere it would take surnames (الصوفي → صوفيا, الرومي → روما).
 */
function isNationality(lex: Lexicon, base: string): boolean {
  if (isPlaceNisba(lex, base)) return true;
  const nb = isNisba(lex, base) ? nisbaBase(base) : null;
  return nb !== null && (lex.places.has(nb.slice(2) + 'يا') || lex.places.has(nb.slice(2) + 'ا'));
}

/** 0. A person's title inside a place/organization reading ends it: [دولة الكويت] الشيخ [الصباح]. */
function titleBoundaries(lex: Lexicon, s: Sent): void {
  for (const c of chunks(s.tags)) {
    if (c.type !== 'LOC' && c.type !== 'ORG') continue;
    for (let k = c.start + 1; k < c.end; k++) {
      const trig = lex.triggers.get(s.bases[k]);
      if (trig === undefined || lex.triggerClasses[trig] !== 'title') continue;
      clearSpan(s.tags, k, c.end);
      // what follows the title is a person when it looks like a name (not an adjective such as الكوميدي)
      const next = k + 1;
      const nameLike = next < c.end && (lex.personNames.has(s.bares[next]) || lex.personNames.has(s.folded[next]) || !definite(s.bases[next]));
      if (nameLike) setSpan(s.tags, next, c.end, 'PER');
      break;
    }
  }
}

let notAdjectiveBases: Set<string> | null = null;

/**
 * An adjective that stays part of an organization's name: a nisba (العراقية, العالمية, الصحي) that is not a
 * not-adjective of org-patterns.tsv (الرسمية, الأسبوعية, الإلكتروني), or a listed adjective (العليا).
 */
function nameAdjective(lex: Lexicon, base: string): boolean {
  if (lex.orgPatterns.get(base) === 'adjective') return true;
  return isNisba(lex, base) && !notAdjective(lex, base);
}

/** A nisba that describes the text's noun, not the organization (org-patterns.tsv not-adjective: الرسمية), in any gender or number. */
function notAdjective(lex: Lexicon, base: string): boolean {
  if (!notAdjectiveBases) {
    notAdjectiveBases = new Set();
    for (const [word, role] of lex.orgPatterns) {
      const nb = role === 'not-adjective' ? nisbaBase(word) : null;
      if (nb) notAdjectiveBases.add(nb);
    }
  }
  const nb = nisbaBase(base);
  return nb !== null && notAdjectiveBases.has(nb);
}

/** A word relating a body to another (org-patterns.tsv relational: الموالية، التابعة), which ends its name. */
function relational(lex: Lexicon, base: string): boolean {
  return lex.orgPatterns.get(base) === 'relational';
}

/** 8. A LOC reading «… Y وX» where X and Y are listed places: two places. */
function coordinatedPlaces(lex: Lexicon, s: Sent): void {
  const isPlace = (k: number) => lex.places.has(s.bases[k]) || lex.places.has(s.bares[k]);
  let spans: ReturnType<typeof gazetteerSpans> | null = null; // the sentence's list matches, found once if needed
  for (const c of chunks(s.tags)) {
    if (c.type !== 'LOC' || c.end - c.start < 2) continue;
    spans ??= gazetteerSpans(lex, s.folded, s.bases);
    if (spans.some((sp) => sp.start <= c.start && sp.end >= c.end)) continue;
    for (let k = c.start + 1; k < c.end; k++) {
      if (!s.folded[k].startsWith('و') || s.bases[k] === s.folded[k] || !isPlace(k)) continue;
      // what precedes ends with a listed place: [روسيا] و…, [جمهورية التشيك] و…
      if (!isPlace(k - 1)) continue;
      s.tags[k] = 'B-LOC';
    }
  }
}

/**
 * 8c. A PER reading «X وY …» where Y is a listed given name or public figure and «وY» as a whole is no name: two
 * people — «[بوش] و[بلير]», «[رغدة] و[ليلى طاهر]», «[الحكيم] و[الجعفري]». Not after a word that links names,
 * and not when «وY» is itself a name («وسام», «حميد وحيدي»; a surname the lists lack, «مراد وهبة», is still cut).
 */
function coordinatedPeople(lex: Lexicon, s: Sent): void {
  const links = ruleWords('name-link');
  const person = (w: string) => lex.givenNames.has(w) || lex.personNames.has(w) || peopleList().has(w);
  const freq = (w: string) => lex.clusters.get(w)?.freq ?? 0;
  for (const c of chunks(s.tags)) {
    if (c.type !== 'PER' || c.end - c.start < 2) continue;
    for (let k = c.start + 1; k < c.end; k++) {
      const f = s.folded[k];
      if (!f.startsWith('و') || s.bases[k] === f || links.has(s.bases[k - 1]) || person(f)) continue;
      const rest = f.slice(1);
      const named = person(rest) || (rest.startsWith('ال') && person(rest.slice(2)));
      // or a rare word without the article the news often writes after a title or a speech verb: «ميسي [و]نيمار»;
      // not a common noun that follows titles as their genitive («[ماكرون] والحكومة», «ومصادر»)
      // (and one the news also writes after «و», as it writes «ونيمار»: «سلفي وهابي» is no «هابي»)
      if (!named && !(s.bases[k] === rest && !definite(rest) && freq(rest) < COORDINATED_NAME_FREQ && freq(f) > 0 && personLike(s, k, ONE_WORD_NAME_SHARE))) continue;
      // and the news writes it alone, and more often without «و» than with it: «حميد وحيدي», «مارغو والستروم» are
      // one name
      if (freq(rest) === 0 || freq(f) > freq(rest)) continue;
      s.tags[k] = 'B-PER';
    }
  }
}

/**
 * 8d. An organization's head without the article followed only by indefinite adjectives names no one body: «منظمة
 * [عالمية]», «منظمة إجرامية», «شركة أمريكية» are a kind of body, not its name.
 */
function indefiniteBodies(lex: Lexicon, s: Sent): void {
  for (const c of chunks(s.tags)) {
    if (c.type !== 'ORG' || c.end - c.start < 2 || lex.orgPatterns.get(s.bases[c.start]) !== 'head' || definite(s.bases[c.start])) continue;
    let k = c.start + 1;
    // an adjective the news writes with the article too (الإرهابية), not a foreign name ending so («جامعة دندي»,
    // «منظمة شنغهاي», «جامعة بواتيه»)
    const adjective = (k: number) =>
      s.folded[k] === s.bases[k] && !definite(s.bases[k]) && /(يه|ي)$/.test(s.bases[k]) && nameAdjective(lex, 'ال' + s.bases[k]) &&
      (lex.clusters.get('ال' + s.bases[k])?.freq ?? 0) >= COMMON_ADJECTIVE_FREQ;
    while (k < c.end && adjective(k)) k++;
    if (k === c.end) clearSpan(s.tags, c.start, c.end);
  }
}

/** corpus count of the definite form from which an indefinite nisba is a common adjective (rule 8d) */
const COMMON_ADJECTIVE_FREQ = 50;

/** corpus count from which a word after «و» is too common to be taken for a name by its contexts alone (rule 8c) */
const COORDINATED_NAME_FREQ = 2000;

/** ORG's bit in a name-list match's types */
const ORG_BIT = 1 << TYPES.indexOf('ORG');

/**
 * 8b. An ORG reading that runs from a listed organization over و onto more words is two things: «[أوبك] وصناعة
 * النفط» (OPEC and the oil industry). What follows و stays an organization only when it is listed or opens with an
 * organization head («[الناتو] و[وزارة الدفاع]»); a listed name that holds و is left whole («حزب العدالة والتنمية»).
 */
function coordinatedOrganizations(lex: Lexicon, s: Sent): void {
  let spans: ReturnType<typeof gazetteerSpans> | null = null;
  for (const c of chunks(s.tags)) {
    if (c.type !== 'ORG' || c.end - c.start < 2) continue;
    spans ??= gazetteerSpans(lex, s.folded, s.bases);
    if (spans.some((sp) => sp.start <= c.start && sp.end >= c.end)) continue;
    for (let k = c.start + 1; k < c.end; k++) {
      if (!s.folded[k].startsWith('و') || s.bases[k] === s.folded[k]) continue;
      // what precedes is one listed organization, exactly
      if (!spans.some((sp) => sp.start === c.start && sp.end === k && sp.types & ORG_BIT)) break;
      const listed = spans.some((sp) => sp.start === k && sp.end === c.end && sp.types & ORG_BIT);
      if (listed || triggerClass(lex, s.bases[k]) === 'orghead') s.tags[k] = 'B-ORG';
      else clearSpan(s.tags, k, c.end);
      break;
    }
  }
}

/**
 * 1c. A country's name (resources/link/countries.tsv) the model left untagged is a place, when it is a rare word
 * in the news (under COUNTRY_NAME_FREQ: «كوستاريكا»); frequent ones the model reads, and some are also common words
 * («مالي»: financial).
 */
function countryMentions(lex: Lexicon, s: Sent): void {
  const names = countryNameSet();
  for (let k = 0; k < s.words.length; k++) {
    if (s.tags[k] !== 'O') continue;
    const w = names.has(s.folded[k]) ? s.folded[k] : names.has(s.bases[k]) ? s.bases[k] : null;
    if (w === null || (lex.clusters.get(w)?.freq ?? 0) >= COUNTRY_NAME_FREQ) continue;
    s.tags[k] = 'B-LOC';
  }
}

/** corpus count under which a listed country name is tagged wherever the model left it */
const COUNTRY_NAME_FREQ = 300;

/** 1. Multi-word gazetteer names of one type (LOC or ORG) override other readings inside them. */
function gazetteerNames(lex: Lexicon, s: Sent): void {
  for (const span of gazetteerSpans(lex, s.folded, s.bases, conjunctionAlternates(s))) {
    if (span.end - span.start < 2) continue;
    const types = [1, 2].filter((t) => span.types & (1 << t)); // LOC, ORG
    if (types.length !== 1 || span.types & 1) continue;
    const type = TYPES[types[0]];
    // a model entity reaching outside the name means a longer reading: keep it
    const first = chunkAt(s.tags, span.start);
    const last = chunkAt(s.tags, span.end - 1);
    if ((first && first.start < span.start) || (last && last.end > span.end)) continue;
    setSpan(s.tags, span.start, span.end, type);
  }
}

/**
 * A word after its conjunction only, where the proclitic splitter took more: «وبيونغ يانغ» is و + «بيونغ يانغ»,
 * though «بيونغ» alone splits as ب + «يونغ».
 */
function conjunctionAlternates(s: Sent): (string | undefined)[] | undefined {
  let out: (string | undefined)[] | undefined;
  for (let k = 0; k < s.words.length; k++) {
    const f = s.folded[k];
    if (f.length < 4 || (f[0] !== 'و' && f[0] !== 'ف') || s.bases[k].length >= f.length - 1) continue;
    (out ??= [])[k] = f.slice(1);
  }
  return out;
}

/**
 * Is token k an adjective of a name: without proclitics (not «للعام»), or after و when it is no place's nisba
 * («الاقتصادية والاجتماعية»; «البنك المركزي المصري والأردني» is two banks)?
 */
function adjectiveAt(lex: Lexicon, s: Sent, k: number): boolean {
  if (s.folded[k] === s.bases[k]) return nameAdjective(lex, s.bases[k]);
  return s.folded[k] === 'و' + s.bases[k] && nameAdjective(lex, s.bases[k]) && !isPlaceNisba(lex, s.bases[k]);
}

/**
 * Can this indefinite word stand inside a construct chain after an organization head? A noun: one the corpus knows
 * with the article, or sees after organization heads in 5% of its uses («[مكافحة] التمييز», «[غوث] اللاجئين»), not
 * a verb («محكمة [تطلب] رأي المفتي»: 0.7%, never with the article); no nationality («منظمة [بريطانية] الدعوى») and no
 * noun with a possessive pronoun («مجلس [إدارتها] الأمير»).
 */
function constructNoun(lex: Lexicon, word: string): boolean {
  // a nationality, which the nisba test knows in its definite form (تركية → التركية)
  if (isPlaceNisba(lex, 'ال' + word) || /(ها|هم|هما|كم|نا)$/.test(word)) return false;
  if (lex.isKnown('ال' + word)) return true;
  const p = loadProfiles().get(word);
  return p !== undefined && p[ORGHEAD] >= CONSTRUCT_ORGHEAD_SHARE * p[0];
}

/** share of organization-head contexts that marks a word as a noun of organizations' names (مكافحة 8.7%) */
const CONSTRUCT_ORGHEAD_SHARE = 0.05;

/** A definite weekday or unit of time (resources/time: الجمعة، الشهر، العام), which ends no organization's name. */
function timeNoun(base: string): boolean {
  return timeVocabulary().nouns.has(base);
}

/** 2. Organization heads in construct, and descriptors before known organizations. */
function organizations(lex: Lexicon, s: Sent): void {
  const n = s.words.length;
  // a party's name takes no country's nisba: «[حزب العدالة والتنمية] التركي»
  const nameAdjectiveAfter = (head: number, k: number) =>
    adjectiveAt(lex, s, k) && !(ruleWords('party-head').has(s.bases[head]) && isPlaceNisba(lex, s.bases[k]));
  for (let i = 0; i < n; i++) {
    const role = lex.orgPatterns.get(s.bases[i]);
    if (role !== 'head' || s.tags[i] !== 'O' || !isArabic(s.words[i])) continue;
    let j = i + 1;
    let end = 0;
    // a title after a party's head names whose party it is, not the party: «حزب الرئيس», «حزب المستشارة الألمانية»
    // (a foundation may bear one: «مؤسسة ولي العهد»)
    if (j < n && ruleWords('party-head').has(s.bases[i]) && triggerClass(lex, s.bases[j]) === 'title') continue;
    if (j < n && definite(s.bases[j]) && s.tags[j] === 'O' && !isStopword(s.words[j])) {
      // وزارة الخارجية (والتعاون) (العراقية)
      j++;
      // وزارة الخارجية (والتعاون): a conjoined noun, not a relative pronoun (لمنظمة الفرانكفونية [والتي])
      while (j < n && s.folded[j].startsWith('وال') && s.tags[j] === 'O' && !isStopword(s.words[j])) j++;
      const complementEnd = j;
      while (j < n && nameAdjectiveAfter(i, j) && s.tags[j] === 'O') j++;
      // «مجلس الإدارة» alone names no one organization
      end = j === complementEnd && lex.orgPatterns.get(s.bases.slice(i, j).join(' ')) === 'generic' ? 0 : j;
    } else {
      // غرفة تجارة وصناعة الكويت, جامعة بغداد: indefinite nouns then a place or organization; not past a
      // preposition, which describes rather than names («منظمة إجرامية تابعة لمليشيا [حزب الله]»)
      let k = j;
      while (k < n && k - j < 3 && s.tags[k] === 'O' && isArabic(s.words[k]) && !definite(s.bases[k]) && !isStopword(s.words[k]) &&
        !(gluedPreposition(s.folded[k]) && !lex.orgPatterns.has(s.folded[k]))) k++;
      const c = k < n ? chunkAt(s.tags, k) : null;
      if (c && c.start === k && (c.type === 'LOC' || c.type === 'ORG')) end = c.end;
      // or a construct chain of indefinite nouns ending in a definite one, with its adjectives: «مجلس حقوق
      // الإنسان», «هيئة كبار العلماء», «وزارة شؤون المرأة»; not a generic one («مجلس إدارة الشركة»), nor one that
      // ends in a number («هيئة أبناء حورس [الأربعة]») or a word relating it to another («وكالة أعماق [التابعة]»)
      else if (k > j && k < n && s.tags[k] === 'O' && isArabic(s.words[k]) && definite(s.bases[k]) && !isStopword(s.words[k]) &&
        s.folded[k] === s.bases[k] && !timeNoun(s.bases[k]) && !relational(lex, s.bases[k]) && !numberWords().has(s.bases[k].slice(2)) &&
        s.folded.slice(j, k).every((w) => constructNoun(lex, w)) &&
        lex.orgPatterns.get(s.bases[i] + ' ' + s.bases[j]) !== 'generic') {
        end = k + 1;
        while (end < n && nameAdjectiveAfter(i, end) && s.tags[end] === 'O') end++;
      }
    }
    if (end > i + 1) {
      setSpan(s.tags, i, end, 'ORG');
      i = end - 1;
    }
  }
  // an organization named by a head keeps its nisba adjectives: [وزارة الخارجية] العراقية
  for (const c of chunks(s.tags)) {
    // not a party's, whose adjectives describe it more often than they name it («[حزب الله] الشيعي»)
    if (c.type !== 'ORG' || lex.orgPatterns.get(s.bases[c.start]) !== 'head' || ruleWords('party-head').has(s.bases[c.start])) continue;
    let j = c.end;
    // (a country's nisba the model read as the country: «[وزارة الداخلية] [السعودية]»)
    const nisbaPlace = (k: number) => s.tags[k] === 'B-LOC' && s.tags[k + 1] !== 'I-LOC' && definite(s.bases[k]) && isPlaceNisba(lex, s.bases[k]);
    while (j < n && (s.tags[j] === 'O' || nisbaPlace(j)) && adjectiveAt(lex, s, j)) j++;
    if (j > c.end) setSpan(s.tags, c.start, j, 'ORG');
  }
  nationalBodies(lex, s);
  // a word relating the body to another ends its name, whoever read it: «ميليشيات الحوثي [الموالية] لإيران»,
  // «… [التابعة] لتنظيم داعش», «… [المدعومة] من»
  for (const c of chunks(s.tags)) {
    if (c.type !== 'ORG' || c.end - c.start < 2) continue;
    const last = c.end - 1;
    if (s.folded[last] === s.bases[last] && relational(lex, s.bases[last])) clearSpan(s.tags, last, c.end);
  }
  for (const c of chunks(s.tags)) {
    if (c.type !== 'ORG' || c.end - c.start < 2 || lex.orgPatterns.get(s.bases[c.start]) !== 'descriptor') continue;
    const rest = s.folded.slice(c.start + 1, c.end).join(' ');
    const spans = gazetteerSpans(lex, s.folded, s.bases).find((sp) => sp.start === c.start + 1 && sp.end === c.end);
    if (spans && spans.types & (1 << 2) && rest) {
      s.tags[c.start] = 'O';
      s.tags[c.start + 1] = 'B-ORG';
    }
  }
}

/**
 * 2c. A ministry named by its portfolio and its country, without «وزارة»: «[الخارجية الأمريكية]», «[الدفاع
 * الروسية]» (the feminine nisba agrees with the ministry left unsaid). Only portfolios that are seldom anything
 * else (rule-words.tsv: not الإعلام, as in «وسائل الإعلام التركية»), and not as an adjective of a definite noun
 * («السياسة الخارجية الأمريكية» is a policy) or after a listed noun it completes («قوات الدفاع الإسرائيلية»).
 */
function ministryShortForms(lex: Lexicon, s: Sent): void {
  const n = s.words.length;
  for (let i = 0; i + 1 < n; i++) {
    if (s.tags[i] !== 'O' || s.folded[i] !== s.bases[i] || !ruleWords('portfolio').has(s.bases[i])) continue;
    const nisba = i + 1;
    const base = s.bases[nisba];
    if (s.folded[nisba] !== base || !base.endsWith('يه') || !isPlaceNisba(lex, base)) continue;
    if (s.tags[nisba] !== 'O' && s.tags[nisba] !== 'B-LOC') continue;
    // nor after a feminine noun the nisba may agree with: «ميزانية الدفاع الأمريكية», and «وزيرة الدفاع الألمانية» (the
    // minister is German; after وزير the feminine nisba can only be the ministry's)
    const prevFeminine = i > 0 && s.bases[i - 1].endsWith('ه');
    if (i > 0 && isArabic(s.words[i - 1]) && (definite(s.bases[i - 1]) || prevFeminine || ruleWords('portfolio-blocker').has(s.bases[i - 1]))) continue;
    // and a second adjective of the nationality: الكورية [الشمالية]
    let end = nisba + 1;
    if (end < n && (s.tags[end] === 'O' || s.tags[end] === 'I-LOC') && s.folded[end] === s.bases[end] && ruleWords('direction-adjective').has(s.bases[end])) end++;
    if (end < n && s.tags[end].startsWith('I-')) continue;
    setSpan(s.tags, i, end, 'ORG');
  }
}

let definiteHeadSet: Set<string> | null = null;

/** The organization heads with the article (الاتحاد، الهيئة), folded. */
function definiteHeads(lex: Lexicon): Set<string> {
  if (!definiteHeadSet) definiteHeadSet = new Set([...lex.orgPatterns].filter(([, role]) => role === 'head' || role === 'definite-head' || role === 'plural-head').map(([w]) => 'ال' + w));
  return definiteHeadSet;
}

/** Is a bare noun (without ل and the article) one that follows ل in a body's name (org-patterns.tsv complement)? */
function complementNoun(lex: Lexicon, bare: string): boolean {
  return lex.orgPatterns.get(bare) === 'complement' || lex.orgPatterns.get('ال' + bare) === 'complement';
}

/**
 * 2b. A definite organization head with a place's nisba among its adjectives, or a listed complement after ل, names
 * one body: «الاتحاد المصري لكرة القدم», «البنك المركزي الأوروبي», «الهيئة السعودية للسياحة», «الهيئة العامة
 * للرياضة», «المرصد السوري لحقوق الإنسان» (definite-head: a head only here, «مركز المدينة» being no body). A nisba read as a
 * place («المصري» as LOC) is taken in; a name the model reads further on is left as it is.
 */
function nationalBodies(lex: Lexicon, s: Sent): void {
  // the complement's noun comes from org-patterns.tsv (complement: كرة، السياحة، حقوق): «البنك المركزي المصري
  // [للبنوك]» gives the banks something, it is not the bank's name
  const n = s.words.length;
  for (let i = 0; i < n; i++) {
    if ((s.tags[i] !== 'O' && s.tags[i] !== 'B-ORG') || !definiteHeads(lex).has(s.bases[i])) continue;
    let j = i + 1;
    let place = false;
    // a nisba agrees with the head in gender: «[الاتحاد] الإماراتية» is another noun's adjective (طيران الاتحاد)
    // (a broken plural of things takes feminine adjectives: «الخطوط الجوية القطرية»)
    const feminine = s.bases[i].endsWith('ه') || lex.orgPatterns.get(s.bares[i]) === 'plural-head';
    const agrees = (k: number) => !isNisba(lex, s.bases[k]) || s.bases[k].endsWith('يه') === feminine;
    // after a name the model or the lists read whole (الاتحاد الأوروبي), only more nationalities: «التصدي» is a
    // verbal noun shaped like a nisba
    const read = s.tags[i] === 'B-ORG' ? chunkAt(s.tags, i)!.end : n;
    while (j < n && adjectiveAt(lex, s, j) && agrees(j) && (s.tags[j] === 'O' || s.tags[j].endsWith('-LOC') || s.tags[j] === 'I-ORG')) {
      const nationality = isNationality(lex, s.bases[j]);
      if (j >= read && !nationality) break;
      place ||= nationality;
      j++;
    }
    // the complement: ل + a definite noun (للسياحة), or ل + a noun in construct with a definite one (لكرة القدم)
    const withLam = (k: number) => k < n && s.tags[k] === 'O' && s.folded[k][0] === 'ل' && s.bases[k] !== s.folded[k] && complementNoun(lex, s.bares[k]);
    const named = j;
    let construct = false;
    if (withLam(j)) {
      if (definite(s.bases[j])) j++;
      else if (j + 1 < n && s.tags[j + 1] === 'O' && definite(s.bases[j + 1]) && s.folded[j + 1] === s.bases[j + 1] && !isStopword(s.words[j + 1])) {
        j += 2;
        construct = true;
      }
      // and the complement's own adjectives (للعلاقات الدولية، للرياضة السعودية), not the nationality of a person
      // named next («لكرة القدم [الفرنسي] ميشال بلاتيني»)
      while (j > named && j < n && s.tags[j] === 'O' && adjectiveAt(lex, s, j) && !(isPlaceNisba(lex, s.bases[j]) && s.tags[j + 1]?.endsWith('-PER'))) j++;
    }
    // a country's nisba, or an adjective and a complement, make it a name: «الهيئة العامة للرياضة»; not «المجلس
    // العسكري», «قالت الوزارة للصحفيين» (told the journalists), nor a name already whole before a one-word
    // complement («[البنك الدولي] للصحة»; but «الاتحاد الأوروبي لكرة القدم»)
    if (!place) {
      const whole = chunkAt(s.tags, i);
      if (named === i + 1 || j === named || (!construct && whole && whole.type === 'ORG' && whole.start === i && whole.end === named)) continue;
    }
    const last = chunkAt(s.tags, j - 1);
    if (last && last.end > j) continue;
    setSpan(s.tags, i, j, 'ORG');
    i = j - 1;
  }
}

/**
 * 3c. A kunya the model read as an organization or a MISC is a person: «[أم وسيم]», «[أبو خالد]» (أم/أبو + a
 * given name), unless the name lists know the words as a place or an organization (أبو ظبي، أم القيوين). Only a
 * reading the model made: a bare «أم» is also «or» (rule-words.tsv or-word), which ends a person's name between
 * two given names («[خالد] أم [محمد]»).
 */
function kunyas(lex: Lexicon, s: Sent): void {
  const kunya = ruleWords('kunya');
  const or = ruleWords('or-word');
  const given = (k: number) => k < s.words.length && (lex.givenNames.has(s.bares[k]) || lex.givenNames.has(s.folded[k]) || lex.personNames.has(s.folded[k]));
  for (let i = 1; i + 1 < s.words.length; i++) {
    // between two given names inside a person's reading, «أم» is «or»: «[خالد أم محمد]» → «[خالد] أم [محمد]»
    // (not in «[الحاجة أم محمد]»)
    if (s.tags[i] !== 'I-PER' || !or.has(s.folded[i]) || !given(i - 1) || !given(i + 1)) continue;
    const c = chunkAt(s.tags, i)!;
    setSpan(s.tags, c.start, i, 'PER');
    if (c.end > i + 1) setSpan(s.tags, i + 1, c.end, 'PER');
    s.tags[i] = 'O';
  }
  const choice = ruleWords('choice-opener');
  let question = false;
  for (let i = 0; i + 1 < s.words.length; i++) {
    if (choice.has(s.folded[i]) || choice.has(s.bases[i])) question = true;
    // a kunya before a person's name the model began after it: «أبو [خالد]» → «[أبو خالد]»; «أم» only where it
    // cannot be «or», outside a question and not after a name
    if (s.tags[i] === 'O' && s.tags[i + 1] === 'B-PER' && kunya.has(s.folded[i])) {
      if (!or.has(s.folded[i]) || (!question && (i === 0 || s.tags[i - 1] === 'O'))) {
        const c = chunkAt(s.tags, i + 1)!;
        setSpan(s.tags, i, c.end, 'PER');
      }
      continue;
    }
    // a reading as an organization or a MISC; a place the model read stays one (أبو كمال)
    if ((s.tags[i] !== 'B-ORG' && s.tags[i] !== 'B-MISC') || !kunya.has(s.bases[i])) continue;
    // a given name of the curated list (not any name the gazetteers know: «أم صلال» is a club)
    if (!lex.givenNames.has(s.bares[i + 1]) && !lex.givenNames.has(s.folded[i + 1])) continue;
    const c = chunkAt(s.tags, i)!;
    if (placeOrOrganization(lex, s, i + 1) || gazetteerSpans(lex, s.folded.slice(i, c.end), s.bases.slice(i, c.end))[0]?.end > 1) continue;
    setSpan(s.tags, i, Math.max(c.end, i + 2), 'PER');
  }
}

/** 3. A name starting with a given name after a title, or in apposition after a place/organization. */
function appositiveNames(lex: Lexicon, s: Sent): void {
  const n = s.words.length;
  for (let i = 1; i < n; i++) {
    if (s.tags[i] !== 'O' || (!lex.givenNames.has(s.bares[i]) && !lex.givenNames.has(s.folded[i])) || isStopword(s.words[i])) continue;
    // a name in apposition takes no preposition: «لصالح الرئيس» is «in favour of the president»
    if (s.folded[i] !== s.bases[i] && !lex.givenNames.has(s.folded[i])) continue;
    // a comma may set the name off: «المرشد الإيراني، علي خامنئي،»
    const prev = COMMAS.has(s.words[i - 1]) && i >= 2 ? i - 2 : i - 1;
    // «المتحدث (الرسمي) باسم الجيش»: after a spokesman, باسم is «on behalf of», not the given name
    const spokesmen = ruleWords('spokesman');
    if (spokesmen.has(s.bases[prev]) || (prev > 0 && spokesmen.has(s.bases[prev - 1]))) continue;
    const afterTitle = isTitle(lex, s, prev);
    // in apposition after a place or an organization (not after a MISC such as الله: «الله العلي القدير»),
    // or after a place's nisba (السفير العراقي المنهل الصافي; not after الجماعية: «الكرة الجماعية الجميلة»)
    const prevType = s.tags[prev].slice(2);
    const afterEntity = (prevType === 'LOC' || prevType === 'ORG') && (prev + 1 >= n || !s.tags[prev + 1].startsWith('I-'));
    if (!afterTitle && !afterEntity && !isPlaceNisba(lex, s.bases[prev])) continue;
    // given name, then names from the lists, then at most one definite word (the family name) to end it
    let j = i + 1;
    while (j < n && j - i < 4 && s.tags[j] === 'O' && isArabic(s.words[j]) && !isStopword(s.words[j]) && !isPlaceNisba(lex, s.bases[j])) {
      if (lex.personNames.has(s.folded[j]) && !definite(s.folded[j])) j++;
      else {
        // the family name takes no preposition («العراق عامر [بالخيرات]»)
        if (definite(s.bases[j]) && s.folded[j] === s.bases[j]) j++;
        break;
      }
    }
    // set off by a comma, a common word ends no name: «صنعاء، باسم الهيئة», «السفير السعودي، باسم المملكة»
    if (j - i >= 2 && prev === i - 2 && commonWordsAfter(lex, s, i + 1, j)) continue;
    // right after the title, a common definite word after the given name alone is no family name: «الأمير [هاري]
    // الحفل» (the name may stand alone below)
    if (j - i === 2 && prev === i - 1 && definite(s.bases[j - 1]) && commonWordsAfter(lex, s, j - 1, j)) j--;
    // a given name alone right after a title, when the corpus often has it after titles or speech verbs: «الملكة
    // [إليزابيث]», «الأمير [هاري]»; not one it hardly has there («الوزير يزيد الضغط»: increases)
    // (the article as written: «إليزابيث» folds to a word that opens with ال, «التركي» is Turkish, not Turki)
    const alone = j - i === 1 && afterTitle && prev === i - 1 && ruleWords('name-title').has(s.bases[prev]) && !/^[وفبلك]{0,2}ال/.test(stripMarks(s.words[i])) &&
      !isPlaceNisba(lex, s.bases[i]) && personLike(s, i, ONE_WORD_NAME_SHARE);
    if (j - i >= 2 || alone) setSpan(s.tags, i, j, 'PER');
  }
}

/**
 * 4b. A person's reading never ends on a word that links names: it runs on over the name the link opens,
 * whatever the model read there — «[علي بن أبي] طالب» → «[علي بن أبي طالب]», «[فاطمة بنت] أسد», «[أحمد أبو]
 * [غزة]». So does one that ends on an ordinal before «عشر» («[ألفونسو الثالث] عشر»), or on a word that forms
 * a name with «الله» before it («[بهاء حسب] الله», rule-words.tsv allah-name); nor does one begin on «الله» after
 * such a word («ولي [الله سيف]» → «[ولي الله سيف]»).
 */
function nameLinkEnds(s: Sent): void {
  const links = ruleWords('name-link');
  const n = s.words.length;
  for (const c of chunks(s.tags)) {
    if (c.type !== 'PER') continue;
    let end = c.end;
    // «أبي» (also "my father") links only after «بن»: «علي بن أبي طالب»
    // not «أم» (also "or": «ميغان ماركل أم العائلة المالكة؟»), and «آل» only as written so («كيم جونغ إل»)
    const link = (k: number) =>
      (links.has(s.bases[k]) && s.bases[k] !== 'ام' && (s.bases[k] !== 'ال' || s.words[k].endsWith('آل'))) ||
      (k > c.start && (s.bases[k] === 'ابي' || s.folded[k] === 'ابي') && links.has(s.bases[k - 1]));
    while (end < n && link(end - 1) && isArabic(s.words[end]) && !isStopword(s.words[end])) end++;
    if (end < n && s.folded[end] === 'عشر' && ordinalWords().has(s.bases[end - 1])) end++;
    if (end < n && s.folded[end] === 'الله' && ruleWords('allah-name').has(s.bases[end - 1])) end++;
    // nor begins on «الله» after the word it makes a name with: «ولي [الله سيف]» → «[ولي الله سيف]»
    const start = c.start > 0 && s.folded[c.start] === 'الله' && s.tags[c.start - 1] === 'O' && ruleWords('allah-name').has(s.bases[c.start - 1]) ? c.start - 1 : c.start;
    if (end === c.end && start === c.start) continue;
    // what the model read on the words taken ends with them: «[غزة]» is no place of its own here
    const rest = s.tags[end]?.startsWith('I-') ? chunkAt(s.tags, end) : null;
    setSpan(s.tags, start, end, 'PER');
    if (rest && rest.end > end) s.tags[end] = 'B-' + rest.type;
  }
}

/**
 * 4. A person name followed by a family name from the name lists (ال + name), or by a rare definite word after a
 * given name and a father's name («[محمد جاسم الصقر]»).
 */
function familyNames(lex: Lexicon, s: Sent): void {
  for (const c of chunks(s.tags)) {
    if (c.type !== 'PER' || c.end >= s.words.length || s.tags[c.end] !== 'O') continue;
    // a reading that is only a word that is no name (كانون [الثاني] الماضي) is not extended
    if (c.end - c.start === 1 && (notName(s, c.start) || noNameAlone(s, c.start))) continue;
    const k = c.end;
    // not a title starting a phrase (كوفي أنان [الأمين] العام) or a word that is no name (الدين)
    if (!definite(s.folded[k]) || isStopword(s.words[k]) || isPlaceNisba(lex, s.bases[k]) || titleAfterName(lex, s, k) || notName(s, k)) continue;
    const given = (j: number) => lex.givenNames.has(s.bares[j]) || lex.givenNames.has(s.folded[j]);
    // an ordinal is a regnal number only after a monarch's given name («[عبد الله الثاني]», «[فيصل الأول]»), not
    // after a surname: «أينشتاين الأولى» (his first daughter), «فرناندو غونزاليز الثالث» (third place)
    if (ordinalWords().has(s.folded[k])) {
      const links = ruleWords('name-link');
      let regnal = true;
      for (let j = c.start; j < c.end && regnal; j++) regnal = given(j) || links.has(s.bases[j]) || (j > c.start && links.has(s.bases[j - 1]));
      if (regnal) s.tags[k] = 'I-PER';
      continue;
    }
    if (lex.personNames.has(s.folded[k].slice(2)) || lex.personNames.has(s.folded[k])) {
      s.tags[k] = 'I-PER';
      continue;
    }
    // a given name and a father's name (both listed given names: «محمد جاسم») before a rare definite word: that is
    // the family name («[محمد جاسم الصقر]»), as Gulf names run; not a frequent word («محمد علي الجديد»). Only where
    // the full name is introduced — after a title («وزير الإعلام [محمد سعيد الصحاف]»), the organization or place
    // of one («رئيس غرفة … الكويت [محمد جاسم الصقر]») or a comma —, since elsewhere a descriptor follows as often
    // («البرشلوني فوزي اليحيى العداء», «تعتقل وائل عباس المدون»)
    const p = c.start - 1;
    const introduced = p >= 0 && (COMMAS.has(s.words[p]) || /-(ORG|LOC)$/.test(s.tags[p]) || [p, p - 1, p - 2].some((j) => j >= 0 && isTitle(lex, s, j)));
    // not a participle (ال + م…, no nisba): «المخلوع», «المستقيل», «المدون» describe the person
    const participle = /^الم/.test(s.bases[k]) && !s.bases[k].endsWith('ي');
    if (introduced && !participle && c.end - c.start >= 2 && given(c.end - 1) && given(c.end - 2) && s.bases[k] === s.folded[k] && !isTimeWord(s, k) &&
        (lex.clusters.get(s.bases[k])?.freq ?? 0) < RARE_SURNAME_FREQ && !s.tags[k + 1]?.startsWith('I-')) {
      s.tags[k] = 'I-PER';
    }
  }
}

let ordinals: Set<string> | null = null;

/** Definite ordinal words (resources/amount/ordinals.tsv: الأول، الثانية …), folded. */
function ordinalWords(): Set<string> {
  ordinals ??= new Set(
    (readTsv(['amount', 'ordinals.tsv']) as Record<string, string>[]).filter((r) => r.class === 'unit' && r.form.startsWith('ال')).map((r) => foldWord(r.form)),
  );
  return ordinals;
}

/**
 * 5b. A full name found twice in the document (two to four words, starting with a listed given name) is the same name at
 * its other mentions: untagged, or cut differently by the model («[نبيل] [رجب يقبع]» → «[نبيل رجب] يقبع»). One
 * common word the model ran on with it is dropped; a longer reading (a title before it, a family name after) stays.
 */
function fullNameMentions(lex: Lexicon, docSents: Sent[]): void {
  // a name read so twice at least, to spread no one-off misreading («على تويتر», «ابن الكلب»)
  const seen = new Map<string, number>();
  const links = ruleWords('name-link');
  for (const s of docSents) {
    for (const c of chunks(s.tags)) {
      const n = c.end - c.start;
      if (c.type !== 'PER' || n < 2 || n > 4 || !lex.personNames.has(s.bares[c.start])) continue;
      if (isStopword(s.words[c.start]) || links.has(s.bases[c.start])) continue;
      let words = true;
      for (let k = c.start + 1; k < c.end && words; k++) words = !isStopword(s.words[k]) && !placeOrOrganization(lex, s, k);
      if (!words) continue;
      const key = nameAt(s, c.start, n);
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
  }
  const names = new Set([...seen].filter(([, count]) => count >= 2).map(([key]) => key));
  if (!names.size) return;
  const firsts = new Set([...names].map((key) => key.split(' ')[0]));
  for (const s of docSents) {
    for (let i = 0; i < s.words.length; i++) {
      if (!firsts.has(s.bares[i])) continue;
      for (let n = 4; n >= 2; n--) {
        if (i + n > s.words.length || !names.has(nameAt(s, i, n))) continue;
        const first = chunkAt(s.tags, i);
        const last = chunkAt(s.tags, i + n - 1);
        if (first && (first.start < i || (first.start === i && first.end === i + n && first.type === 'PER'))) break;
        if (last && last.end > i + n) {
          // the model ran on after the name: one common word is dropped («يقبع»); a longer name stays («… آل سعود»)
          const word = i + n;
          const common = last.end === word + 1 && !lex.personNames.has(s.bares[word]) && (lex.clusters.get(clusterKey(s.bases[word]))?.freq ?? 0) >= SEEN_WORD_FREQ;
          if (!common) break;
          clearSpan(s.tags, word, last.end);
        }
        setSpan(s.tags, i, i + n, 'PER');
        i += n - 1;
        break;
      }
    }
  }
}

/** Is token k a place or an organization of the name lists, and no person's name (تويتر)? */
function placeOrOrganization(lex: Lexicon, s: Sent, k: number): boolean {
  if (lex.personNames.has(s.bares[k])) return false;
  const types = gazetteerSpans(lex, [s.folded[k]], [s.bases[k]])[0]?.types ?? 0;
  return lex.places.has(s.bases[k]) || (types & ((1 << TYPES.indexOf('LOC')) | (1 << TYPES.indexOf('ORG')))) !== 0;
}

/** The key of a name of n words at k: the first word without proclitics or article, the others as written (folded). */
function nameAt(s: Sent, k: number, n: number): string {
  return [s.bares[k], ...s.folded.slice(k + 1, k + n)].join(' ');
}

/** 5. Bare surnames of full names found elsewhere in the document (names that start with a known given name). */
function shortForms(lex: Lexicon, docSents: Sent[]): void {
  const surnames = new Set<string>();
  for (const s of docSents) {
    for (const c of chunks(s.tags)) {
      if (c.type !== 'PER' || c.end - c.start < 2) continue;
      if (!lex.personNames.has(s.bares[c.start]) && !lex.personNames.has(s.folded[c.start])) continue;
      // a frequent word (الكوميدي) is too often something else unless the name lists know it as a name
      const last = c.end - 1;
      // a surname is definite (الكاظمي: «محمد خميس» gives no short form «الخميس»), no title or not-a-name word
      // (الأمين, الدين), and not the second half of a compound (عبد [العزيز], أبو [بكر])
      if (!definite(s.bases[last]) || titleAfterName(lex, s, last) || notName(s, last) || noNameAlone(s, last) || ruleWords('name-link').has(s.bases[last - 1])) continue;
      // a country's nationality (أبو عمر [المصري]) is the adjective it is elsewhere in the article («السفير
      // المصري»); not another place's nisba, a surname too (عبد الفتاح القصري)
      if (isNisba(lex, s.bases[last]) && countryNisbaStems().has(nisbaBase(s.bases[last])?.slice(2) ?? '')) continue;
      const known = lex.personNames.has(s.bares[last]) || lex.personNames.has(s.folded[last]);
      // an unknown surname that is not rare must be seen as a person in the corpus, after titles or speech verbs
      // (الرزاز، الصماد), not only as a word («[لمالكي المحتوى]»: the content's owners)
      const freq = lex.clusters.get(s.bases[last])?.freq ?? 0;
      if (!known && (freq >= 300 || (freq >= RARE_SURNAME_FREQ && !personLike(s, last)))) continue;
      surnames.add(s.bares[last]);
    }
  }
  if (!surnames.size) return;
  for (const s of docSents) {
    for (let i = 0; i < s.words.length; i++) {
      if (s.tags[i] !== 'O' || !isArabic(s.words[i]) || s.bares[i].length < 3 || isStopword(s.words[i])) continue;
      if (!definite(s.bases[i])) continue;
      if (surnames.has(s.bares[i])) s.tags[i] = 'B-PER';
    }
  }
}

/**
 * 5c. A one-word name of a person — the indefinite surname of a full name found in the document (دونالد ترامب …
 * ترامب, لخاشقجي), or a word the model read alone as a person twice — is the person wherever the model left it
 * untagged («عادات ترامب الغذائية», «وقالت ماي»). Only a word that is rare in the corpus or seen there after
 * titles and speech verbs (word profiles), and no given name (محمد علي gives no «علي»). A listed given name
 * right before it joins it («حصلت إيفانكا ترامب»). So is a word read alone twice as a place or an organization
 * and rare in the corpus («شهدت [قرقنة]»); not one the model read alone as two types.
 */
function oneWordNames(lex: Lexicon, docSents: Sent[]): void {
  /** per word read alone: how often as each type */
  const alone = new Map<string, Map<string, number>>();
  /** word → the type it is given */
  const names = new Map<string, string>();
  /** of those, the surnames of full names of persons */
  const surnames = new Set<string>();
  // as written, with no proclitic: a name that begins with one is too often split (كيلي is not ك + يلي)
  const nameWord = (s: Sent, k: number) => isArabic(s.words[k]) && s.bases[k] === s.folded[k] && s.bases[k].length >= 3 &&
    !definite(s.bases[k]) && !isStopword(s.words[k]) && !notName(s, k) && !noNameAlone(s, k) && !isTitle(lex, s, k) &&
    !lex.givenNames.has(s.bases[k]) && !futureVerb(lex, s.bases[k]);
  const rare = (s: Sent, k: number) => (lex.clusters.get(s.bases[k])?.freq ?? 0) < RARE_SURNAME_FREQ;
  // a common word may name a person now and then (دين: debt, and David Dein): a name needs a stronger profile here
  // than a definite surname (2.5% of its occurrences after a title or a speech verb: نيمار 3.0%, دين 2.2%)
  const nameLikeInCorpus = (s: Sent, k: number) => rare(s, k) || personLike(s, k, ONE_WORD_NAME_SHARE);
  for (const s of docSents) {
    for (const c of chunks(s.tags)) {
      const last = c.end - 1;
      if (!nameWord(s, last)) continue;
      if (c.end - c.start === 1) {
        let types = alone.get(s.bases[last]);
        if (!types) alone.set(s.bases[last], (types = new Map()));
        const n = (types.get(c.type) ?? 0) + 1;
        types.set(c.type, n);
        if (n !== 2) continue;
        // a person the corpus shows as one; a place or an organization only when rare in the corpus (قرقنة)
        if (c.type === 'PER' ? !lex.places.has(s.bases[last]) && nameLikeInCorpus(s, last) : (c.type === 'LOC' || c.type === 'ORG') && rare(s, last)) {
          names.set(s.bases[last], c.type);
        }
        continue;
      }
      if (c.type !== 'PER' || lex.places.has(s.bases[last])) continue;
      const first = c.start;
      if (!lex.givenNames.has(s.bares[first]) && !lex.givenNames.has(s.folded[first])) continue;
      if (ruleWords('name-link').has(s.bases[last - 1]) || !nameLikeInCorpus(s, last)) continue;
      names.set(s.bases[last], 'PER');
      surnames.add(s.bases[last]);
    }
  }
  // a word the model read alone as two types is left as it is
  for (const [w, types] of alone) if (types.size > 1) names.delete(w);
  if (!names.size) return;
  for (const s of docSents) {
    for (let i = 0; i < s.words.length; i++) {
      const type = names.get(s.bases[i]);
      if (type === undefined || !isArabic(s.words[i]) || inDate(s, i)) continue;
      // the surname of a full name, read alone as a place, is the person too («السلوفاكي [كيش]» in a title,
      // «فيليب كيش» below; a listed place is no surname, see above); not an organization («مايكل ديل» …
      // «أعلنت [ديل]», the company)
      if (s.tags[i] === 'B-LOC' && !s.tags[i + 1]?.startsWith('I-') && surnames.has(s.bases[i]) && s.bases[i] === s.folded[i]) {
        setSpan(s.tags, i, i + 1, 'PER');
        continue;
      }
      if (s.tags[i] !== 'O') continue;
      const pro = s.folded[i].slice(0, s.folded[i].length - s.bases[i].length);
      if (!ONE_WORD_NAME_PROCLITICS.has(pro)) continue;
      // with a proclitic, the whole word must be much rarer in the corpus than the name: «ولياً» (crown prince: 36
      // times) is not و + ليا (39), «لترامب» is ل + ترامب (1 to 20)
      if (pro && 2 * (lex.clusters.get(clusterKey(s.folded[i]))?.freq ?? 0) >= (lex.clusters.get(s.bases[i])?.freq ?? 0)) continue;
      tagOneWordName(lex, s, i, type);
    }
  }
}

/** Tags a one-word name at i; a person's takes a listed given name right before it («حصلت [إيفانكا ترامب]»). */
function tagOneWordName(lex: Lexicon, s: Sent, i: number, type: string): void {
  const p = i - 1;
  // a given name that is also a frequent verb or word joins only when the corpus shows it as a name («يزيد ترامب
  // الضغط»: increases)
  if (type === 'PER' && p >= 0 && s.tags[p] === 'O' && s.bases[p] === s.folded[p] && lex.givenNames.has(s.folded[p]) && !isStopword(s.words[p]) &&
      ((lex.clusters.get(s.folded[p])?.freq ?? 0) < RARE_SURNAME_FREQ || personLike(s, p, ONE_WORD_NAME_SHARE))) {
    s.tags[p] = 'B-PER';
    s.tags[i] = 'I-PER';
  } else setSpan(s.tags, i, i + 1, type);
}

/** A future verb: س before a present-tense verb frequent in the corpus («سيضيف»: يضيف), not a name (ستوكلي). */
function futureVerb(lex: Lexicon, base: string): boolean {
  return /^س[يتنا]/.test(base) && base.length > 4 && (lex.clusters.get(base.slice(1))?.freq ?? 0) >= 50;
}

/** proclitics a one-word name takes (لترامب، وبوتن); ف and ك begin too many foreign names (فيون، كيلي) */
const ONE_WORD_NAME_PROCLITICS = new Set(['', 'و', 'ل', 'ب', 'ول', 'وب']);

/** corpus count under which an unknown definite word may be a surname without being seen as a person */
const RARE_SURNAME_FREQ = 100;

/** Is the word at k seen after a title or a speech verb in at least 2% of its corpus occurrences (word profiles)? */
function personLike(s: Sent, k: number, share = SPEAKER_SHARE): boolean {
  const p = loadProfiles().get(s.bases[k]);
  return p !== undefined && p[TITLE] + p[SAY] >= share * p[0];
}
/** the share of title and speech-verb contexts from which a one-word name may spread (rule 5c) */
const ONE_WORD_NAME_SHARE = 0.025;

/** Folded currency nouns (all forms, with and without the article), from the amount stage's list. */
function currencies(): ReadonlySet<string> {
  return currencyData().words;
}

/** 6. MISC mentions that are a currency word (and maybe its adjective: دولار أمريكي, جنيه إسترليني). */
function currencyMentions(s: Sent): void {
  const cur = currencies();
  if (!cur.size) return;
  const isCurrency = (k: number) => cur.has(s.folded[k]) || cur.has(s.bases[k]) || cur.has(s.bares[k]);
  for (const c of chunks(s.tags)) {
    if (c.type !== 'MISC' || !isCurrency(c.start)) continue;
    let ok = true;
    for (let k = c.start + 1; k < c.end && ok; k++) ok = isCurrency(k) || /(ي|يه)$/.test(s.bares[k]);
    if (ok) clearSpan(s.tags, c.start, c.end);
  }
}

let countUnitSet: Set<string> | null = null;

/** Folded one-word forms of the nouns a number counts (resources/amount/count-units.tsv: دبلوماسيا، غيغابايت). */
function countUnits(): Set<string> {
  if (countUnitSet) return countUnitSet;
  countUnitSet = new Set();
  for (const row of readTsv(['amount', 'count-units.tsv']) as Record<string, string>[]) {
    for (const form of (row.forms ?? '').split(/\s+/)) if (form) countUnitSet.add(foldWord(form));
  }
  return countUnitSet;
}

/** 6. A one-word mention right after a number that is a noun it counts is no name: «48 [دبلوماسيا]», «64 [غيغابايت]». */
function countedMentions(s: Sent): void {
  for (const c of chunks(s.tags)) {
    if (c.end - c.start !== 1 || c.start === 0 || !isNumberToken(s, c.start - 1)) continue;
    if (countUnits().has(s.folded[c.start]) || countUnits().has(s.bases[c.start])) clearSpan(s.tags, c.start, c.end);
  }
}

let numberWordSet: Set<string> | null = null;

/** Folded number words (ثلاثة، ألف، مليون، مليار …) from the amount stage's list. */
function numberWords(): Set<string> {
  if (numberWordSet) return numberWordSet;
  numberWordSet = new Set();
  try {
    for (const line of readList('amount', 'number-words.tsv')) {
      const form = line.split('\t')[0]?.trim();
      if (form && form !== 'form') numberWordSet.add(foldWord(form));
    }
  } catch {
    // optional, as the currency list
  }
  return numberWordSet;
}

/** Does token k count something: digits, or a number word (بمليون: with its proclitic)? */
function isNumberToken(s: Sent, k: number): boolean {
  if (k < 0 || k >= s.words.length) return false;
  return /[0-9\u0660-\u0669]/.test(s.words[k]) || numberWords().has(s.folded[k]) || numberWords().has(s.bases[k]);
}

interface CurrencyData {
  /** currency word → the ISO codes it may name */
  ofWord: Map<string, Set<string>>;
  /** country name or nisba → its currency's code */
  ofCountry: Map<string, string>;
  words: Set<string>;
}
let currencyCodes: CurrencyData | null = null;

/**
 * The amount stage's currency data: the codes a currency word may name (ريال → SAR QAR OMR YER IRR), and the
 * currency of a country's name or nisba (الإيراني → IRR), folded.
 */
function currencyData(): CurrencyData {
  if (currencyCodes) return currencyCodes;
  const ofWord = new Map<string, Set<string>>();
  currencyCodes = { ofWord, ofCountry: new Map(), words: new Set() };
  try {
    for (const row of readTsv(['amount', 'currency-nouns.tsv']) as Record<string, string>[]) {
      if (!row.form) continue;
      const codes = new Set((row.code === '?' ? row.candidates ?? '' : row.code ?? '').split(' ').filter(Boolean));
      const f = foldWord(row.form);
      for (const w of [f, f.startsWith('ال') && f.length > 3 ? f.slice(2) : f]) currencyCodes.ofWord.set(w, codes);
    }
    for (const row of readTsv(['amount', 'country-currency.tsv']) as Record<string, string>[]) {
      if (row.form && row.code) currencyCodes.ofCountry.set(foldWord(row.form), row.code);
    }
  } catch {
    // the lists are optional for the NER stage: without them, no mention is dropped
  }
  currencyCodes.words = new Set(ofWord.keys());
  return currencyCodes;
}

/**
 * 12. A one-word ORG reading of a currency word (ريال, read as Real Madrid) is the currency when a number comes
 * before it («40 ألف ريال»), or the nationality of a country with that currency after it («الريال الإيراني»; not
 * «الريال الإسباني»). A bare mention («هبوط الريال») is the currency when the article counts money in it, names a
 * country with that currency, and never names a club or company with the word («ريال مدريد»).
 */
function currencyOrgs(docSents: Sent[]): void {
  const { ofWord, ofCountry } = currencyData();
  if (!ofWord.size) return;
  const currencyAt = (s: Sent, k: number) => (ofWord.has(s.bares[k]) ? s.bares[k] : ofWord.has(s.folded[k]) ? s.folded[k] : null);
  const countryCode = (s: Sent, k: number) => ofCountry.get(s.bases[k]) ?? ofCountry.get(s.bares[k]);
  // most articles have no such reading: look no further
  if (!docSents.some((s) => chunks(s.tags).some((c) => c.type === 'ORG' && c.end - c.start === 1 && currencyAt(s, c.start)))) return;
  const counted = new Set<string>();
  const named = new Set<string>();
  const countries = new Set<string>();
  for (const s of docSents) {
    for (let k = 0; k < s.words.length; k++) {
      const code = countryCode(s, k);
      if (code) countries.add(code);
      const c = currencyAt(s, k);
      if (!c) continue;
      if (isNumberToken(s, k - 1)) counted.add(c);
      const ch = chunkAt(s.tags, k);
      if (ch && ch.end - ch.start > 1) named.add(c);
    }
  }
  const ofItsCountry = (word: string, code: string | undefined) => code !== undefined && ofWord.get(word)!.has(code);
  for (const s of docSents) {
    for (const c of chunks(s.tags)) {
      if (c.type !== 'ORG' || c.end - c.start !== 1) continue;
      const k = c.start;
      const word = currencyAt(s, k);
      if (!word) continue;
      const byNationality = k + 1 < s.words.length && ofItsCountry(word, countryCode(s, k + 1));
      const inArticle = counted.has(word) && !named.has(word) && [...countries].some((code) => ofItsCountry(word, code));
      if (isNumberToken(s, k - 1) || byNationality || inArticle) clearSpan(s.tags, k, c.end);
    }
  }
}

let ruleWordLists: Map<string, Set<string>> | null = null;

/** Folded words of one role in resources/ner/rule-words.tsv. */
function ruleWords(role: 'club-prefix' | 'date-offset' | 'ba-verb' | 'or-word' | 'named-after' | 'club-role' | 'portfolio' | 'portfolio-blocker' | 'direction-adjective' | 'kunya' | 'choice-opener' | 'not-a-name' | 'alone-no-name' | 'name-link' | 'spokesman' | 'descriptor' | 'place-prefix' | 'common-noun' | 'always-org' | 'head-place' | 'admin-head' | 'district-head' | 'name-suffix' | 'product-word' | 'product' | 'product-kind' | 'product-model' | 'model-letter' | 'date-preposition' | 'match-word' | 'match-word-after-preposition' | 'league-head' | 'match-verb' | 'match-preposition' | 'club-context' | 'media-head' | 'work-head' | 'group-plural' | 'name-stopword' | 'facility-org' | 'facility-place' | 'facility-title' | 'facility-needs-title' | 'company-head' | 'direction-place' | 'direction-name' | 'word-place' | 'name-title' | 'title-head' | 'title-given-name' | 'allah-name' | 'region-head' | 'company-plural' | 'party-head'): Set<string> {
  if (!ruleWordLists) {
    ruleWordLists = new Map();
    for (const line of readList('ner', 'rule-words.tsv')) {
      const [word, r] = line.split('\t').map((x) => x?.trim());
      if (!word || !r || word === 'word') continue;
      let set = ruleWordLists.get(r);
      if (!set) ruleWordLists.set(r, (set = new Set()));
      const f = foldWord(word);
      set.add(f);
      // a listed word without the article matches with it too (ميليشيا: الميليشيا); one listed with it only so
      if ((r === 'not-a-name' || r === 'descriptor' || r === 'common-noun' || r === 'media-head' || r === 'work-head') && !f.startsWith('ال')) set.add('ال' + f);
    }
  }
  return ruleWordLists.get(role) ?? new Set();
}

let timeVocab: { names: Set<string>; nouns: Set<string> } | null = null;

/**
 * The time words of resources/time the rules read, folded:
 *  - names: weekday and month names that are no common word or name (ambiguous = 0; so not رمضان or رجب):
 *    «الخميس» alone is Thursday, whatever the model read;
 *  - nouns: every weekday, and the units of time with the article (الشهر، العام), which end no organization's name.
 */
function timeVocabulary(): { names: Set<string>; nouns: Set<string> } {
  if (timeVocab) return timeVocab;
  const names = new Set<string>();
  const nouns = new Set<string>();
  for (const file of ['weekdays.tsv', 'months.tsv']) {
    for (const row of readTsv(['time', file]) as Record<string, string>[]) {
      if (!row.form || row.form.includes(' ')) continue;
      if (row.ambiguous === '0') names.add(foldWord(row.form));
      if (file === 'weekdays.tsv') nouns.add(foldWord(row.form));
    }
  }
  for (const row of readTsv(['time', 'time-units.tsv']) as Record<string, string>[]) {
    if (row.form && !row.form.includes(' ')) nouns.add('ال' + foldWord(row.form));
  }
  return (timeVocab = { names, nouns });
}

/** Is token k a word that is no name on its own but may end one (rule-words.tsv alone-no-name: الثاني)? */
function noNameAlone(s: Sent, k: number): boolean {
  const words = ruleWords('alone-no-name');
  return words.has(s.folded[k]) || words.has(s.bases[k]);
}

/** Is token k an unambiguous weekday or month name? */
function isTimeWord(s: Sent, k: number): boolean {
  const time = timeVocabulary().names;
  return time.has(s.bases[k]) || time.has(s.folded[k]);
}

/** Is token k a not-a-name word (rule-words.tsv) or an unambiguous weekday or month name? */
function notName(s: Sent, k: number): boolean {
  return inList(ruleWords('not-a-name'), s, k) || isCommonNoun(s, k) || isTimeWord(s, k);
}

/** Is token k a common noun that is never part of a name (rule-words.tsv common-noun: هاتريك, فيتو)? */
function isCommonNoun(s: Sent, k: number): boolean {
  return inList(ruleWords('common-noun'), s, k);
}

function inList(words: ReadonlySet<string>, s: Sent, k: number): boolean {
  return words.has(s.folded[k]) || words.has(s.bases[k]) || words.has(s.bares[k]);
}

/** Is token k a person's title (الوزير)? */
function isTitle(lex: Lexicon, s: Sent, k: number): boolean {
  const trig = lex.triggers.get(s.bases[k]) ?? lex.triggers.get(s.folded[k]);
  return trig !== undefined && lex.triggerClasses[trig] === 'title';
}

/**
 * Is token k, after a name, a title that begins a new phrase rather than a family name? It is when a definite
 * word or a given name follows it (كوفي أنان [الأمين] العام, … [الشيخ] محمد); not after آل (تركي آل الشيخ), nor at
 * the end of the name (روني الشيخ قال).
 */
function titleAfterName(lex: Lexicon, s: Sent, k: number): boolean {
  if (!isTitle(lex, s, k) || (k > 0 && ruleWords('name-link').has(s.bases[k - 1]))) return false;
  const next = k + 1;
  return next < s.words.length && (definite(s.bases[next]) || lex.givenNames.has(s.bares[next]) || lex.givenNames.has(s.folded[next]));
}

/**
 * Does token k look like the start of a name: a word without the article, a listed personal name, or a definite
 * word often a speaker after «قال» in the news corpus (السبسي، الخطيب)?
 */
function nameLike(lex: Lexicon, s: Sent, k: number): boolean {
  return !definite(s.bases[k]) || lex.personNames.has(s.bares[k]) || lex.givenNames.has(s.bares[k]) || lex.personNames.has(s.bases[k]) || speakerLike(s, k);
}

/** Is token k seen after a speech verb in at least SPEAKER_SHARE of its corpus occurrences (word-profiles.tsv)? */
function speakerLike(s: Sent, k: number): boolean {
  const p = loadProfiles().get(s.bases[k]);
  return p !== undefined && p[SAY] >= SPEAKER_SHARE * p[0];
}

/** corpus count of a word seen often enough to be a common word when it follows a nationality (السجين: 35) */
const SEEN_WORD_FREQ = 30;

/** Are tokens [from, to) all definite words seen in the corpus, none a name in the lists (السابق، المعتقل)? */
function commonWordsAfter(lex: Lexicon, s: Sent, from: number, to: number): boolean {
  if (from >= to) return false;
  for (let k = from; k < to; k++) {
    if (!definite(s.bases[k]) || lex.personNames.has(s.bares[k]) || lex.personNames.has(s.bases[k])) return false;
    if ((lex.clusters.get(clusterKey(s.bases[k]))?.freq ?? 0) < SEEN_WORD_FREQ) return false;
    // a surname is often the speaker after «قال» (السبسي، الخطيب); a common word (السابق، السجين) hardly ever
    if (speakerLike(s, k)) return false;
  }
  return true;
}
const SAY = 1 + PROFILE_CLASSES.indexOf('say');
const TITLE = 1 + PROFILE_CLASSES.indexOf('title');
const LOCHEAD = 1 + PROFILE_CLASSES.indexOf('lochead');
const ORGHEAD = 1 + PROFILE_CLASSES.indexOf('orghead');
/** share of a word's corpus occurrences after a speech verb from which it is a speaker's name */
const SPEAKER_SHARE = 0.02;

/**
 * 9. A person reading that opens with a descriptor noun (rule-words.tsv: خطيبة، نجل، المحامية), a title or a
 * nationality (الكولومبي) starts after it when a name follows («خطيبة [خاشقجي]», «الكولومبي [خاميس رودريغيز]»);
 * one made only of titles, descriptors and not-a-name words («الأمين العام») is no person, and one with a
 * descriptor inside is two people («[ماهيش بورا] محامي [خان]»).
 */
function leadingDescriptors(lex: Lexicon, s: Sent): void {
  const descriptors = ruleWords('descriptor');
  const links = ruleWords('name-link');
  const isDescriptor = (k: number) => descriptors.has(s.folded[k]) || descriptors.has(s.bases[k]) || descriptors.has(s.bares[k]);
  // a title that is also a given name (أمير، نجم) is the name when a name-link follows (أمير عبد اللهيان)
  const givenName = (k: number) => !definite(s.bases[k]) && (lex.givenNames.has(s.bares[k]) || lex.givenNames.has(s.folded[k]));
  const nameTitle = (k: number) => isTitle(lex, s, k) && !givenName(k);
  // … and so is a title that makes a name with «الله» after it (ولي الله سيف)
  const allahName = (k: number) => k + 1 < s.words.length && s.folded[k + 1] === 'الله' && ruleWords('allah-name').has(s.bases[k]);
  const leading = (k: number) => isDescriptor(k) || isNationality(lex, s.bases[k]) || (nameTitle(k) && !(k + 1 < s.words.length && links.has(s.bases[k + 1])) && !allahName(k));
  for (const c of chunks(s.tags)) {
    if (c.type !== 'PER') continue;
    let onlyWords = true;
    for (let k = c.start; k < c.end && onlyWords; k++) onlyWords = nameTitle(k) || isDescriptor(k) || notName(s, k);
    // or only a nationality and common words after it: «الرئيس [التركي السابق]», «المغني [التركي السجين]»
    onlyWords ||= isNationality(lex, s.bases[c.start]) && commonWordsAfter(lex, s, c.start + 1, c.end);
    if (onlyWords) {
      clearSpan(s.tags, c.start, c.end);
      continue;
    }
    // the whole run of leading words («الرئيس الأمريكي [جو بايدن]»), when a name follows it
    let k = c.start;
    while (k < c.end - 1 && (leading(k) || (k > c.start && notName(s, k)))) k++;
    if (k > c.start && nameLike(lex, s, k)) clearSpan(s.tags, c.start, k);
    else k = c.start;
    // a descriptor inside the reading stands between two people: «[ماهيش بورا] محامي [خان]»
    for (let j = k + 1; j < c.end - 1; j++) {
      if (!isDescriptor(j) || !nameLike(lex, s, j + 1)) continue;
      s.tags[j] = 'O';
      s.tags[j + 1] = 'B-PER';
    }
  }
}

/**
 * 10. An indefinite nationality adjective read as a place is the adjective: «وسائل إعلام سعودية» (Saudi media),
 * not Saudi Arabia. Only after a word that is not a preposition, and not for a country name written so (سورية).
 * With a proclitic (للسعودية) the article is assimilated, and it is the country.
 */
function nationalityAdjectives(s: Sent): void {
  for (const c of chunks(s.tags)) {
    const k = c.start;
    if (c.type !== 'LOC' || c.end - k !== 1 || k === 0) continue;
    const base = s.bases[k];
    if (s.folded[k] !== base || definite(base) || !/(ي|يه)$/.test(base) || countryNameSet().has(base)) continue;
    const nb = nisbaBase(base);
    if (!nb || !countryNisbaStems().has(nb)) continue;
    const prev = s.words[k - 1];
    if (!isArabic(prev) || isStopword(prev)) continue;
    clearSpan(s.tags, k, c.end);
  }
}

/**
 * 13. A definite nationality adjective read as a place, after the definite noun it describes, is the adjective:
 * «الصادرات [الكورية الشمالية]», «وزارة الخارجية [الكورية الشمالية]» (then the ministry's adjectives, rule 2).
 * A country named by its adjective (السعودية) stays.
 */
function definiteNationalities(lex: Lexicon, s: Sent): void {
  for (const c of chunks(s.tags)) {
    const k = c.start;
    if (c.type !== 'LOC' || k === 0) continue;
    const base = s.bases[k];
    if (s.folded[k] !== base || !isPlaceNisba(lex, base) || countryNameSet().has(base)) continue;
    let adjectives = true;
    for (let j = k + 1; j < c.end && adjectives; j++) adjectives = s.folded[j] === s.bases[j] && isNisba(lex, s.bases[j]);
    const prev = k - 1;
    if (!adjectives || !isArabic(s.words[prev]) || isStopword(s.words[prev]) || !definite(s.bases[prev])) continue;
    clearSpan(s.tags, k, c.end);
  }
}

/**
 * 13b. A group's plural adjective read as an organization, right after the definite noun it describes, is the
 * adjective: «المقاتلين [الأكراد]», «المتمردين [الحوثيين]» (the Kurdish fighters); the group alone stays («يقوده
 * الأكراد», «معقل الحوثيين»). Plural nisbas (…يين، …يون) and the broken plurals of rule-words.tsv group-plural.
 */
function groupAdjectives(s: Sent): void {
  for (const c of chunks(s.tags)) {
    const k = c.start;
    if (c.type !== 'ORG' || c.end - k !== 1 || k === 0 || s.tags[k - 1] !== 'O') continue;
    const base = s.bases[k];
    if (s.folded[k] !== base || !definite(base) || !(/(يين|يون)$/.test(base) || ruleWords('group-plural').has(base))) continue;
    const prev = s.words[k - 1];
    if (!isArabic(prev) || isStopword(prev) || !definite(s.bases[k - 1])) continue;
    clearSpan(s.tags, k, c.end);
  }
}

/** words seen more often than this in the news corpus (clusters.tsv counts) are common words, not names */
const COMMON_WORD_FREQ = 200;

/** Is token k a name rather than a common word: a listed place, or a word without proclitics rare in the news corpus? */
function nameWord(lex: Lexicon, s: Sent, k: number): boolean {
  if (lex.places.has(s.bases[k])) return true;
  // no proclitic (بأداء), no function word
  if (s.folded[k] !== s.bases[k] || isStopword(s.words[k])) return false;
  return (lex.clusters.get(clusterKey(s.folded[k]))?.freq ?? 0) < COMMON_WORD_FREQ;
}

/**
 * 11. A word that only begins place names (rule-words.tsv place-prefix: نيو، سان، خان) read as a place on its own:
 * the place runs on over the next word when that is a name — listed, or rare in the news corpus, so not a
 * common word (نيو [مكسيكو] → نيو مكسيكو, خان شيخون, خان العسل; not «نيو مبيعات»); otherwise it
 * is no place. After a proclitic (لسان → ل + سان?) it only joins a place the model read next to it. A word that
 * ends a person's name in the document is left as it is: «خان» after «سلمان خان» is the man (coref).
 */
function placePrefixes(lex: Lexicon, s: Sent, surnames: ReadonlySet<string>): void {
  const prefixes = ruleWords('place-prefix');
  for (const c of chunks(s.tags)) {
    const k = c.start;
    if (c.type !== 'LOC' || c.end - k !== 1 || !(prefixes.has(s.folded[k]) || prefixes.has(s.bases[k])) || surnames.has(s.bases[k])) continue;
    const next = k + 1;
    if (next < s.tags.length && s.tags[next] === 'B-LOC') {
      s.tags[next] = 'I-LOC';
      continue;
    }
    const bare = s.folded[k] === s.bases[k];
    if (bare && next < s.tags.length && s.tags[next] === 'O' && isArabic(s.words[next]) && nameWord(lex, s, next)) {
      setSpan(s.tags, k, next + 1, 'LOC');
      continue;
    }
    clearSpan(s.tags, k, c.end);
  }
}

/** 6. One-word mentions of a word that is no name for Marsad (rule-words.tsv, not-a-name). */
function notNameMentions(s: Sent): void {
  for (const c of chunks(s.tags)) {
    // a common noun ends no person's name: صلاح [هاتريك]
    let end = c.end;
    while (c.type === 'PER' && end > c.start && isCommonNoun(s, end - 1)) end--;
    if (end < c.end) {
      clearSpan(s.tags, end, c.end);
      if (end > c.start) continue;
    }
    const k = c.start;
    if (c.end - k !== 1 || !(notName(s, k) || noNameAlone(s, k))) continue;
    // a month's name may be a company's (نيسان: Nissan), but not in a date (أبريل/نيسان, 9 نيسان, نيسان 2018)
    if (c.type === 'ORG' && isTimeWord(s, k) && !ruleWords('not-a-name').has(s.bases[k]) && !inDate(s, k)) continue;
    clearSpan(s.tags, k, c.end);
  }
}

/** 6b. A one-word organization that is no common word (rule-words.tsv always-org: يوتيوب), untagged or read as another type, is one. */
function alwaysOrganizations(s: Sent): void {
  const names = ruleWords('always-org');
  for (let k = 0; k < s.words.length; k++) {
    // untagged, a one-word reading of another type («فيفا» as MISC), or the start of a person's reading run on
    // from it («[اليويفا ألكسندر سيفيرين]»: the person starts after it)
    const runOn = s.tags[k] === 'B-PER' && s.tags[k + 1] === 'I-PER';
    if (s.tags[k] === 'O' || runOn || (s.tags[k].startsWith('B-') && s.tags[k + 1]?.startsWith('I-') !== true)) {
      // not a game or product («لعبة فيفا 19»)
      if (s.tags[k] === 'B-ORG' || !inList(names, s, k) || isNumberToken(s, k + 1) || (k > 0 && ruleWords('product-word').has(s.bases[k - 1]))) continue;
      setSpan(s.tags, k, k + 1, 'ORG');
    }
  }
}

/**
 * 6h. A listed product (rule-words.tsv product: آيفون، أندرويد) is a MISC mention wherever it stands, with a
 * short model number or Latin model name after it («آيفون 12», «آيفون X», «غالاكسي إس»: product-model). A reading of another type that runs onto it ends before it, and
 * before the word that says what kind of product it is (product-kind): «شركة [أبل] هاتف [آيفون]». After a listed
 * place it names a club: «[لوس أنجلوس غالاكسي]».
 */
function products(lex: Lexicon, s: Sent): void {
  const names = ruleWords('product');
  if (!names.size) return;
  let spans: ReturnType<typeof gazetteerSpans> | null = null;
  for (let k = 0; k < s.words.length; k++) {
    if (!inList(names, s, k)) continue;
    const c = chunkAt(s.tags, k);
    // after a listed place it is a club named after its city: «[لوس أنجلوس غالاكسي]»
    spans ??= gazetteerSpans(lex, s.folded, s.bases);
    const place = spans.find((sp) => sp.end === k && sp.types & (1 << 1));
    if (place) {
      setSpan(s.tags, place.start, Math.max(k + 1, c?.end ?? 0), 'ORG');
      continue;
    }
    if (c?.type === 'MISC' && c.start === k) continue;
    if (c) {
      let cut = k;
      while (cut > c.start && inList(ruleWords('product-kind'), s, cut - 1)) cut--;
      clearSpan(s.tags, cut, c.end);
    }
    // model numbers and letters, up to three, not a count («آيفون 12», «آيفون X إس ماكس»; not «آيفون 12 مليون»)
    let end = k + 1;
    while (end < Math.min(s.words.length, k + 4)) {
      const w = s.words[end];
      if (!((/^[0-9]{1,2}$/.test(w) && !isNumberToken(s, end + 1)) || /^[A-Za-z]{1,4}[0-9]{0,2}$/.test(w) || ruleWords('product-model').has(s.folded[end]))) break;
      end++;
    }
    setSpan(s.tags, k, end, 'MISC');
  }
}

/**
 * 6i. A model name of letters and a number is a MISC mention: after a word saying what kind of thing it is
 * («منظومة [إس 400]», «مقاتلات [إف-35]», «طائرات [ميغ 29]»), or written with a hyphen («[إس-300]»). The letters are
 * Latin ones or their Arabic spellings (model-letter).
 */
function modelNames(s: Sent): void {
  const letters = ruleWords('model-letter');
  const kinds = ruleWords('product-kind');
  const n = s.words.length;
  for (let k = 0; k + 1 < n; k++) {
    if (!letters.has(s.bases[k]) && !/^[A-Z]{1,3}$/.test(s.words[k])) continue;
    const hyphen = s.words[k + 1] === '-';
    const num = hyphen ? k + 2 : k + 1;
    if (num >= n || !/^[0-9]{1,4}$/.test(s.words[num])) continue;
    if (!hyphen && !(k > 0 && (kinds.has(s.bases[k - 1]) || kinds.has(s.folded[k - 1])))) continue;
    // not a count («إف 16 مليون»)
    if (isNumberToken(s, num + 1)) continue;
    const c = chunkAt(s.tags, k);
    if (c && c.start < k) clearSpan(s.tags, c.start, c.end);
    setSpan(s.tags, k, num + 1, 'MISC');
    k = num;
  }
}

/**
 * 6i. A number right after a product's or a competition's reading belongs to it: «[ميت 20 برو]», «[ويندوز 10]»,
 * «[مونديال 1998]», «[الفورمولا 1]». Only a year or a number of one or two digits, and not one that counts
 * («أوسكار 3 مرات») or opens a range or a date («2014-2018», «1998/1999»); a product's model word after the number
 * comes along (برو).
 */
function numberedNames(s: Sent): void {
  const models = ruleWords('product-model');
  const n = s.words.length;
  for (const c of chunks(s.tags)) {
    const num = c.end;
    if (c.type !== 'MISC' || num >= n || s.tags[num] !== 'O' || !/^(?:[0-9]{1,2}|(?:19|20)[0-9]{2})$/.test(s.words[num])) continue;
    if (isNumberToken(s, num + 1) || ['-', '/', '.', ',', '،', ':', '%', '٪'].includes(s.words[num + 1] ?? '')) continue;
    let end = num + 1;
    while (end < n && s.tags[end] === 'O' && (models.has(s.bases[end]) || models.has(s.folded[end]))) end++;
    // a small number before an indefinite noun counts it: «أوسكار 3 مرات»
    const next = s.words[end];
    if (s.words[num].length <= 2 && end === num + 1 && next !== undefined && isArabic(next) && !isStopword(next) && !definite(s.bases[end])) continue;
    setSpan(s.tags, c.start, end, 'MISC');
  }
}

interface PeopleEntry {
  /** the folded words of each listed full name starting with this word, longest first */
  names: string[][];
  /** the word alone is a listed short form (ترامب) */
  short: boolean;
}
let people: Map<string, PeopleEntry> | null = null;
/** folded word → the listed names it begins and whether it is a short form (one lookup per token) */
/** A name with «عبد ال…» both ways: «علي عبد الله صالح» is also written «علي عبدالله صالح». */
function abdSpellings(words: string[]): string[][] {
  const glued: string[] = [];
  const split: string[] = [];
  for (let k = 0; k < words.length; k++) {
    if (words[k] === 'عبد' && k + 1 < words.length && words[k + 1].startsWith('ال')) {
      glued.push('عبد' + words[++k]);
      split.push('عبد', words[k]);
    } else if (/^عبدال./.test(words[k])) {
      glued.push(words[k]);
      split.push('عبد', words[k].slice(3));
    } else {
      glued.push(words[k]);
      split.push(words[k]);
    }
  }
  return glued.length === split.length ? [words] : [glued, split];
}

function peopleList(): Map<string, PeopleEntry> {
  if (people) return people;
  const map = new Map<string, PeopleEntry>();
  const entry = (w: string) => {
    let e = map.get(w);
    if (!e) map.set(w, (e = { names: [], short: false }));
    return e;
  };
  for (const r of readTsv(['ner', 'people.txt']) as Record<string, string>[]) {
    const words = r.name.split(/\s+/).map(foldWord).filter(Boolean);
    if (words.length < 2) throw new Error(`resources/ner/people.txt: "${r.name}" is not a full name`);
    for (const variant of abdSpellings(words)) {
      const e = entry(variant[0]);
      e.names.push(variant);
      e.names.sort((a, b) => b.length - a.length);
    }
    if (r.short && r.short !== '-') for (const w of r.short.split(',')) entry(foldWord(w.trim())).short = true;
  }
  return (people = map);
}

/** The length of the listed public figure's full name that starts at token i (its own form or its base), or 0. */
function listedNameAt(s: Sent, i: number): number {
  const list = peopleList();
  const own = list.get(s.folded[i]);
  const base = s.bases[i] !== s.folded[i] ? list.get(s.bases[i]) : undefined;
  for (const words of own?.names.length ? own.names : (base?.names ?? [])) {
    if (i + words.length > s.words.length) continue;
    let ok = true;
    for (let w = 1; w < words.length && ok; w++) ok = s.folded[i + w] === words[w];
    if (ok) return words.length;
  }
  return 0;
}

/**
 * 1b. Listed public figures (resources/ner/people.txt): a full name is a person wherever it stands, unless a model
 * reading reaches outside it («[مؤسسة بيل كلينتون]»); a listed short form alone (ترامب، لبوتين) is the person
 * where the model left it untagged or read it alone as another type.
 */
function listedPeople(lex: Lexicon, s: Sent): void {
  const list = peopleList();
  const n = s.words.length;
  for (let i = 0; i < n; i++) {
    const own = list.get(s.folded[i]);
    const base = s.bases[i] !== s.folded[i] ? list.get(s.bases[i]) : undefined;
    if (!own && !base) continue;
    const matched = listedNameAt(s, i);
    if (matched) {
      const end = i + matched;
      let inside = true;
      for (let k = i; k < end && inside; k++) {
        const c = chunkAt(s.tags, k);
        inside = !c || (c.start >= i && c.end <= end);
      }
      if (inside) setSpan(s.tags, i, end, 'PER');
      else splitAfterListed(lex, s, i, end);
      i = end - 1;
      continue;
    }
    const shortForm = s.bases[i] === s.folded[i] ? own?.short : base?.short;
    if (!shortForm || !isArabic(s.words[i])) continue;
    if (splitAfterListed(lex, s, i, i + 1)) continue;
    if (!ONE_WORD_NAME_PROCLITICS.has(s.folded[i].slice(0, s.folded[i].length - s.bases[i].length))) continue;
    const c = chunkAt(s.tags, i);
    if (!c || (c.end - c.start === 1 && c.type !== 'PER')) tagOneWordName(lex, s, i, 'PER');
  }
}

/**
 * A person's reading that opens with a listed public figure [start, end) and goes on with a given name is two
 * people: «محامي [ترامب] [مايكل كوهين]», «صهر [دونالد ترامب] [جاريد كوشنر]». True when it split one.
 */
function splitAfterListed(lex: Lexicon, s: Sent, start: number, end: number): boolean {
  const c = chunkAt(s.tags, start);
  if (!c || c.type !== 'PER' || c.start !== start || c.end <= end) return false;
  if ((!lex.givenNames.has(s.bares[end]) && !lex.givenNames.has(s.folded[end])) || isStopword(s.words[end])) return false;
  // a full name after it, or one joined by و («ترامب وكيم»); not a lone word that may be an adjective («ترامب سعيد»)
  if (c.end - end < 2 && !s.folded[end].startsWith('و')) return false;
  setSpan(s.tags, start, end, 'PER');
  setSpan(s.tags, end, c.end, 'PER');
  return true;
}

/**
 * 6q. A person's reading that is exactly a listed place of two words or more is the place: «[إسلام آباد]», and with
 * «ج» written for the g of a foreign name, as Egyptian papers write it, «[هونج كونج]» (listed «هونغ كونغ»). Not one
 * that opens with a given name («صلاح الدين» is a province and a man). A place so written is the place whatever
 * the model read inside it.
 */
function personPlaces(lex: Lexicon, s: Sent): void {
  let spans: ReturnType<typeof gazetteerSpans> | null = null;
  const LOC_BIT = 1 << TYPES.indexOf('LOC');
  const PER_BIT = 1 << TYPES.indexOf('PER');
  const place = (sp: { types: number }) => (sp.types & LOC_BIT) !== 0 && (sp.types & PER_BIT) === 0;
  for (const c of chunks(s.tags)) {
    if (c.type !== 'PER' || c.end - c.start < 2) continue;
    if (lex.givenNames.has(s.bases[c.start]) || lex.givenNames.has(s.bares[c.start])) continue;
    spans ??= gazetteerSpans(lex, s.folded, s.bases);
    if (spans.some((sp) => sp.start === c.start && sp.end === c.end && place(sp))) setSpan(s.tags, c.start, c.end, 'LOC');
  }
  // a listed place written with «ج» for its g is one the model's name-list features missed: the place, whatever
  // was read inside it (a person, nothing, or two places: «[هونج] [كونج]»), when no reading runs out of it
  if (!s.folded.some((w) => w.includes('ج'))) return;
  const g = (w: string) => w.replace(/ج/g, 'غ');
  for (const sp of gazetteerSpans(lex, s.folded.map(g), s.bases.map(g))) {
    if (sp.end - sp.start < 2 || !place(sp) || !s.folded.slice(sp.start, sp.end).some((w) => w.includes('ج'))) continue;
    const first = chunkAt(s.tags, sp.start);
    const last = chunkAt(s.tags, sp.end - 1);
    if ((first && first.start < sp.start) || (last && last.end > sp.end)) continue;
    if (lex.givenNames.has(s.bases[sp.start]) || lex.givenNames.has(s.bares[sp.start])) continue;
    setSpan(s.tags, sp.start, sp.end, 'LOC');
  }
}

/**
 * 6s. A reading of «ريف» or «بادية» with a listed place after it is a place, the region around it: «[ريف إدلب]»,
 * «[ريف دمشق]» read as an organization (rule-words.tsv region-head).
 */
function regionPlaces(lex: Lexicon, s: Sent): void {
  for (const c of chunks(s.tags)) {
    if (c.type === 'LOC' || c.end - c.start < 2 || !ruleWords('region-head').has(s.bases[c.start])) continue;
    const k = c.start + 1;
    if (lex.places.has(s.bases[k]) || lex.places.has(s.bares[k])) setSpan(s.tags, c.start, c.end, 'LOC');
  }
}

/**
 * 6f. A person's reading that opens with a listed place and goes on with a listed given name is the place, then
 * the person: «الرئيس السابق [للعراق] [فؤاد معصوم]».
 */
function placeBeforeName(lex: Lexicon, s: Sent): void {
  for (const c of chunks(s.tags)) {
    if (c.type !== 'PER' || c.end - c.start < 3) continue;
    const k = c.start;
    if (!lex.places.has(s.bases[k]) && !lex.places.has(s.bares[k])) continue;
    if (lex.givenNames.has(s.bases[k]) || (!lex.givenNames.has(s.folded[k + 1]) && !lex.givenNames.has(s.bares[k + 1]))) continue;
    // not a word that also names people or begins names (أبو, همدان), nor the end of a longer name (مانشستر سيتي)
    if (lex.personNames.has(s.bases[k]) || lex.personNames.has(s.bares[k]) || ruleWords('kunya').has(s.bases[k]) || ruleWords('name-link').has(s.bases[k])) continue;
    // nor a name in apposition to a nationality («البحوث اليمني [همدان زيد دماج]»)
    if (k > 0 && (lex.places.has(s.bases[k - 1]) || s.tags[k - 1] !== 'O' || isPlaceNisba(lex, s.bases[k - 1]))) continue;
    setSpan(s.tags, k, k + 1, 'LOC');
    setSpan(s.tags, k + 1, c.end, 'PER');
  }
}

/**
 * 9b. A title that is also a given name (rule-words.tsv title-given-name: أمير، سلطان), written without the article right before a person's reading,
 * is the given name: «[أمير كرارة]», «[سلطان الجابر]»; the office takes the article or a place («الأمير فيصل»,
 * «أمير قطر»).
 */
function titleGivenNames(s: Sent): void {
  for (const c of chunks(s.tags)) {
    const k = c.start - 1;
    if (c.type !== 'PER' || k < 0 || s.tags[k] !== 'O' || definite(s.bases[k]) || !ruleWords('title-given-name').has(s.bases[k])) continue;
    // a proclitic other than و makes it a preposition's object, no first name («لأمير»)
    if (s.folded[k] !== s.bases[k] && s.folded[k] !== 'و' + s.bases[k]) continue;
    setSpan(s.tags, k, c.end, 'PER');
  }
}

/**
 * 2d. An organization's reading that ends in a ل-complement in construct (an indefinite noun after ل: «لكرة»,
 * «لحقوق», «لشؤون») takes the definite noun it governs: «[الاتحاد المصري لكرة القدم]», where the model stopped
 * one word short.
 */
function constructEnds(lex: Lexicon, s: Sent): void {
  for (const c of chunks(s.tags)) {
    const last = c.end - 1;
    if (c.type !== 'ORG' || c.end >= s.words.length || s.tags[c.end] !== 'O') continue;
    const f = s.folded[last];
    if (!f.startsWith('ل') || f.startsWith('لل') || definite(s.bases[last]) || !complementNoun(lex, f.slice(1))) continue;
    if (!definite(s.folded[c.end]) || isStopword(s.words[c.end])) continue;
    setSpan(s.tags, c.start, c.end + 1, 'ORG');
  }
}

/**
 * 6o. A place read alone before a direction adjective that names a part of it (direction-place, direction-name)
 * takes the adjective: «[القدس الشرقية]», «[أوروبا الشرقية]», «[حلب الشرقية]», whatever the model read there.
 * Marsad's policy: ANERcorp leaves the adjective out of «أميركا الشمالية» and «أوروبا الغربية» (dev −0.33 with it).
 */
function directionPlaces(s: Sent): void {
  const places = ruleWords('direction-place');
  const names = ruleWords('direction-name');
  for (const c of chunks(s.tags)) {
    if (c.type !== 'LOC' || c.end >= s.words.length || !names.has(s.folded[c.end]) || !places.has(s.bases[c.end - 1])) continue;
    // the adjective is no part of a longer reading of its own («الشرقية» of «[الشرقية للدخان]»)
    if (c.end + 1 < s.words.length && s.tags[c.end + 1].startsWith('I-')) continue;
    setSpan(s.tags, c.start, c.end + 1, 'LOC');
  }
}

/**
 * 6p. A place whose name is more often a common noun (word-place: مشهد, a scene), read alone, stays a place only
 * where a place stands: before punctuation or a place joined by و, after a place it is joined to, or after an
 * administrative head («زاهدان وشيراز [ومشهد]», «المقيمين في [مشهد])»); a noun follows the scene («في مشهد نادر»).
 */
function wordPlaces(s: Sent): void {
  const words = ruleWords('word-place');
  const n = s.words.length;
  for (const c of chunks(s.tags)) {
    const k = c.start;
    if (c.type !== 'LOC' || c.end - k !== 1 || !words.has(s.bases[k])) continue;
    const placeAfter = k + 1 >= n || !isArabic(s.words[k + 1]) || (s.tags[k + 1] === 'B-LOC' && s.folded[k + 1].startsWith('و'));
    const joined = s.folded[k].startsWith('و') ? k - 1 : k > 1 && COMMAS.has(s.words[k - 1]) ? k - 2 : -1;
    const placeBefore = (joined >= 0 && s.tags[joined].endsWith('-LOC')) || (k > 0 && ruleWords('admin-head').has(s.bases[k - 1]));
    if (!placeAfter && !placeBefore) s.tags[k] = 'O';
  }
}

/**
 * 6c. A place whose name is also a common word (rule-words.tsv head-place: البيضاء) after an indefinite
 * administrative head (admin-head: محافظة، مدينة; not منطقة or ساحة) is a place: «محافظة [البيضاء]», also where
 * the model read a person (عمران is a given name too).
 */
function headPlaces(lex: Lexicon, s: Sent): void {
  const names = ruleWords('head-place');
  const heads = ruleWords('admin-head');
  // rare in the corpus, and not shaped like what else follows «مدينة»: a feminine adjective («منكوبة»), a verb of a
  // relative clause («تفتقر», «يسكنها»); a definite word only after a district or province head («مديرية المتون»;
  // «مدينة المعابد» is a description)
  const rare = (k: number) => {
    if (k >= s.words.length || s.tags[k] !== 'O' || !isArabic(s.words[k]) || s.folded[k] !== s.bases[k] || isStopword(s.words[k])) return false;
    if ((lex.clusters.get(s.folded[k])?.freq ?? 0) >= RARE_PLACE_FREQ) return false;
    const f = s.folded[k];
    if (f.startsWith('ال')) return ruleWords('district-head').has(s.bases[k - 1]) && !f.endsWith('يه');
    return !f.endsWith('ه') && !/^[اتين]/.test(f);
  };
  for (let k = 1; k < s.words.length; k++) {
    if (!heads.has(s.bases[k - 1]) || s.tags[k - 1] !== 'O') continue;
    // untagged, or read as a person (عمران is also a given name)
    const person = s.tags[k] === 'B-PER' && s.tags[k + 1] !== 'I-PER';
    if ((s.tags[k] === 'O' || person) && inList(names, s, k)) {
      setSpan(s.tags, k, k + 1, 'LOC');
      continue;
    }
    // a rare word the model left untagged names the village or district: «بمديرية [برط] العنان», «قرية [المسيفرة]»
    if (rare(k)) setSpan(s.tags, k, rare(k + 1) ? k + 2 : k + 1, 'LOC');
    // a one-word organization reading after a district head, of a word the corpus shows after place heads: the
    // district («مديرية [الدريهمي]»: 9% of its uses after a place head). «مديرية» also heads directorates, whose
    // names are seldom after one («مديرية الأمن»: 0.1%)
    else if (s.tags[k] === 'B-ORG' && s.tags[k + 1] !== 'I-ORG' && ruleWords('district-head').has(s.bases[k - 1]) && placeLike(s, k)) {
      setSpan(s.tags, k, k + 1, 'LOC');
    }
  }
}

/** Is the word at k seen after a place head in at least PLACE_HEAD_SHARE of its corpus occurrences (word profiles)? */
function placeLike(s: Sent, k: number): boolean {
  const p = loadProfiles().get(s.bases[k]);
  return p !== undefined && p[LOCHEAD] >= PLACE_HEAD_SHARE * p[0];
}

/** share of place-head contexts that marks a word as a place's name (الدريهمي 9%, التحيتا 10%; الأمن 0.1%) */
const PLACE_HEAD_SHARE = 0.05;

/** corpus count under which a word after an administrative head is taken for a place's name */
const RARE_PLACE_FREQ = 50;


/** a number written in digits, with a proclitic or not (و6، ب2018) */
const DIGITS = /^[وفبل]*[0-9\u0660-\u0669]+([.,،][0-9\u0660-\u0669]+)?$/;

/**
 * 14c. A person, place or organization read on numbers alone is none: a score («6 - 4 [و6] - 4»). A number ends a
 * person's reading («[صفر] و6»). Names that hold a number (a year in a tournament, «الفورمولا 1») are MISC.
 */
function numberReadings(s: Sent): void {
  for (const c of chunks(s.tags)) {
    if (c.type === 'MISC') continue;
    let k = c.start;
    while (k < c.end && !DIGITS.test(s.words[k])) k++;
    if (k === c.end) continue;
    if (k === c.start) {
      let j = k;
      while (j < c.end && (DIGITS.test(s.words[j]) || !isArabic(s.words[j]))) j++;
      if (j === c.end) clearSpan(s.tags, c.start, c.end);
    } else if (c.type === 'PER') clearSpan(s.tags, k, c.end);
  }
}

/** a word written with the accusative tanwin (هادئاً، أيضاً، جزءاً): an adverb or an indefinite noun, never a name */
const TANWIN_FATH = /[\u064B](?:ا|ى)?$|ا\u064B$/;

/**
 * 14. A reading run onto a word with the accusative tanwin ends before it («[حسين] هادئاً», «[حسين] غامضاً بإجابته»);
 * one that starts on such a word is none.
 */
function tanwinEnds(s: Sent): void {
  for (const c of chunks(s.tags)) {
    let k = c.start;
    while (k < c.end && !TANWIN_FATH.test(s.words[k])) k++;
    if (k === c.end) continue;
    for (let j = k; j < c.end; j++) s.tags[j] = 'O';
    if (k > c.start) setSpan(s.tags, c.start, k, c.type);
  }
}

let particles: Set<string> | null = null;

/**
 * Function words as written (resources/text/stopwords.txt, at the `display` level; not folded, so «فإن» is a particle
 * and «فان» of «فان دايك» is not), less those that are also names (rule-words.tsv name-stopword: لي، هو، بان).
 */
function particleSet(): Set<string> {
  if (!particles) {
    const names = ruleWords('name-stopword');
    particles = new Set(readList('text', 'stopwords.txt').map(stripMarks).filter((w) => isArabic(w) && !names.has(foldWord(w))));
  }
  return particles;
}

/** a word as written, diacritics and tatweel aside (the text layer's `display` level) */
const stripMarks = (w: string) => normalize(w, 'display');

/**
 * 14c. A reading that opens with a function word starts after it: «فإن [إيفانكا ترامب]», «أمام [بوتين]»; one
 * that is only function words is none. A person's name holds none, so a person's reading ends before one:
 * «[ترامب] على تويتر».
 */
function particleEdges(lex: Lexicon, s: Sent): void {
  const set = particleSet();
  // a letter of a spelled acronym (أي بي سي، إن دي بي، ريتشارد أو …): a particle only when no letter is next to it
  const particle = (k: number, c: { start: number; end: number }) =>
    set.has(stripMarks(s.words[k])) &&
    !(isAcronymLetter(s.words[k]) && ((k + 1 < c.end && isAcronymLetter(s.words[k + 1])) || (k > c.start && isAcronymLetter(s.words[k - 1]))));
  for (const c of chunks(s.tags)) {
    let start = c.start;
    // «آية الله [على خامنئي]»: Ali, as Egypt writes it, after a cleric's form of address; not after a title, which a
    // verb may precede («رد الرئيس على ماكرون»)
    const ali = c.type === 'PER' && c.end - c.start > 1 && s.words[c.start] === 'على' && afterHonorific(s, c.start, 2);
    // a listed figure whose name opens with one: «[غير بيدرسن]» (Geir Pedersen)
    const listed = c.type === 'PER' ? listedNameAt(s, c.start) : 0;
    while (start < c.end && !ali && !listed && particle(start, c)) start++;
    let end = c.end;
    // «محمد على»: Ali as Egypt writes it, after a given name
    if (c.type === 'PER') for (let k = Math.max(start + 1, c.start + listed); k < end; k++) if (particle(k, c) && !(s.words[k] === 'على' && lex.givenNames.has(s.bares[k - 1]))) end = k;
    if (start === c.start && end === c.end) continue;
    clearSpan(s.tags, c.start, c.end);
    if (end > start) setSpan(s.tags, start, end, c.type);
  }
}

let honorifics: string[][] | null = null;

/** Does token k follow a form of address of at least `words` words (resources/link/honorifics.txt: آية الله)? */
function afterHonorific(s: Sent, k: number, words: number): boolean {
  honorifics ??= readList('link', 'honorifics.txt').map((h) => foldWord(h).split(' '));
  return honorifics.some((h) => h.length >= words && k >= h.length && h.every((w, i) => s.folded[k - h.length + i] === w));
}

/** the singular of a dual or plural present verb must be at least this frequent in the corpus («يلتقي» for «يلتقيان») */
const VERB_STEM_FREQ = 20;

/**
 * 14b. A person's or organization's reading run onto a dual or plural present verb ends before it: «[غندوغان]
 * يلتقيان», «[الاتحاد الألماني] يتمسكان». The verb is told from a name by its singular, a frequent word in the
 * news (يلتقي), which «تومسون» or «تايسون» have not; a listed name or place is kept.
 */
function verbEnds(lex: Lexicon, s: Sent): void {
  for (const c of chunks(s.tags)) {
    if ((c.type !== 'PER' && c.type !== 'ORG') || c.end - c.start < 2) continue;
    const k = c.end - 1;
    const w = s.bases[k];
    if (w.length < 6 || !/^[يت]/.test(w) || !/(ان|ون)$/.test(w) || lex.personNames.has(w) || lex.places.has(w)) continue;
    if ((lex.clusters.get(w.slice(0, -2))?.freq ?? 0) < VERB_STEM_FREQ) continue;
    s.tags[k] = 'O';
  }
}

/**
 * 6g. A word that tells two people of one name apart (name-suffix: الأب، الابن) belongs to the name: «[جورج بوش
 * الأب]», so the father is not linked to «جورج بوش الابن».
 */
function nameSuffixes(s: Sent): void {
  const suffixes = ruleWords('name-suffix');
  for (const c of chunks(s.tags)) {
    if (c.type === 'PER' && c.end < s.words.length && s.tags[c.end] === 'O' && suffixes.has(s.folded[c.end])) setSpan(s.tags, c.start, c.end + 1, 'PER');
  }
}

/** an adjective after a facility's name: a definite nisba-shaped word («الدولي»، «التخصصي»، «الاقتصادية») or «العام», no ordinal («الثانية») */
const facilityAdjective = (f: string) => f.length > 4 && f.startsWith('ال') && (f.endsWith('ي') || f.endsWith('يه') || f === 'العام') && !ordinalWords().has(f);

/** a body's ل-complement (org-patterns.tsv complement: «للإغاثة», «للبترول»), not an adverbial («للمرة», «للصحفيين») */
const listedComplement = (lex: Lexicon, f: string) => f.startsWith('لل') && f.length > 4 && complementNoun(lex, f.slice(2));

/**
 * 6m. An institution, place or building named after a person (rule-words.tsv facility-org, facility-place): the
 * head, a title (facility-title), the name, its adjectives and ل-complements are that body or place, not the
 * person: «[جامعة الملك سعود]», «[ستاد الأمير عبد الله الفيصل]», «[مطار رفيق الحريري الدولي]», «[مركز الملك
 * سلمان للإغاثة والأعمال الإنسانية]»; so is a prize after a title (MISC: «[جائزة الملك فيصل العالمية]»). A head
 * that is as often someone's (facility-needs-title: «قصر صدام») needs the title or an adjective.
 */
function namedFacilities(lex: Lexicon, s: Sent): void {
  const orgs = ruleWords('facility-org');
  const places = ruleWords('facility-place');
  const titles = ruleWords('facility-title');
  const nameTitles = ruleWords('name-title');
  const prizes = ruleWords('named-after');
  const links = ruleWords('name-link');
  const n = s.words.length;
  for (let k = 0; k + 1 < n; k++) {
    // a prize or trophy named after a king or a sheikh («[جائزة الملك فيصل العالمية]», «[كأس الشيخ جاسم]»); one
    // named right after its word is rule 6d's
    const prize = titles.has(s.folded[k + 1]) || nameTitles.has(s.folded[k + 1]) ? prizes.has(s.bases[k]) : false;
    const type = orgs.has(s.bases[k]) ? 'ORG' : places.has(s.bases[k]) ? 'LOC' : prize ? 'MISC' : '';
    // the head is in construct (no article), and opens no reading that began before it
    if (!type || definite(s.bases[k]) || s.tags[k].startsWith('I-')) continue;
    const titled = titles.has(s.folded[k + 1]) || nameTitles.has(s.folded[k + 1]);
    const j = titled ? k + 2 : k + 1;
    if (j >= n) continue;
    // the name: the reading the model made of it (with or without the title, or from the head), else a given
    // name the model left after the title («مدينة الملك [عبدالله]»)
    let end = -1;
    const c = chunkAt(s.tags, j) ?? (titled ? chunkAt(s.tags, k + 1) : null);
    if (c && (c.start === j || (titled && c.start === k + 1) || c.start === k) && (titled || c.type === 'PER')) {
      // a reading run on over «و» and the next facility is cut there («ستاد الملك فهد [وستاد] …»)
      end = c.end;
      for (let m = j + 1; m < c.end; m++) {
        if (s.folded[m].startsWith('و') && (orgs.has(s.folded[m].slice(1)) || places.has(s.folded[m].slice(1)))) {
          end = m;
          break;
        }
      }
    }
    else if (titled && s.tags[j] === 'O' && (lex.givenNames.has(s.bares[j]) || lex.givenNames.has(s.folded[j]))) {
      end = j + 1;
      while (end < n && links.has(s.bases[end - 1])) end++;
    }
    if (end < 0 || end <= j) continue;
    let last = end;
    for (let a = 0; a < 2 && last < n && s.tags[last] === 'O' && facilityAdjective(s.folded[last]); a++) last++;
    // ل-complements: «للإغاثة والأعمال الإنسانية», «للعلوم والتقنية»
    if (last < n && s.tags[last] === 'O' && listedComplement(lex, s.folded[last])) {
      last++;
      // joined by و, or an adjective («والأعمال الإنسانية»); another definite word is the sentence's («… الطرود»)
      while (last < n && last - end < 5 && s.tags[last] === 'O' && ((s.folded[last].startsWith('وال') && s.folded[last].length > 5) || facilityAdjective(s.folded[last]))) last++;
    }
    // a head as often someone's needs a name's title (الملك، الشهيد) or an adjective: «قصر الرئيس عمر البشير» and
    // «مركز الرئيس بوتين» (his position) are the person's
    if (last === end && ruleWords('facility-needs-title').has(s.bases[k]) && !(titled && nameTitles.has(s.folded[k + 1]))) continue;
    const own = s.tags[k] === 'O' ? null : chunkAt(s.tags, k);
    setSpan(s.tags, k, Math.max(last, own?.end ?? 0), type);
    k = last - 1;
  }
}

/**
 * 6d. A name right after a trophy or prize word (named-after: كأس، جائزة) names the trophy, not the person or the
 * place: «[كأس ديفيز]», «[كأس آسيا]» are competitions (MISC). A head may be two words: «[دوري أبطال أوروبا]».
 */
function namedAfter(s: Sent): void {
  const heads = ruleWords('named-after');
  for (let k = 1; k < s.words.length; k++) {
    if (!s.tags[k].startsWith('B-') || s.tags[k - 1] !== 'O') continue;
    // a two-word head: «[دوري أبطال أوروبا]»
    const two = k > 1 && s.tags[k - 2] === 'O' && heads.has(s.bases[k - 2] + ' ' + s.folded[k - 1]);
    if (!two && !heads.has(s.bases[k - 1])) continue;
    const c = chunkAt(s.tags, k)!;
    if (c.type === 'ORG') continue;
    setSpan(s.tags, two ? k - 2 : k - 1, c.end, 'MISC');
  }
}

/**
 * 6e. A city right after a player, coach or team word (club-role: لاعب، مدرب، فريق) is its football club: «لاعب
 * [برشلونة]», «مدرب [ليفربول]»; not after نجم or جماهير («نجم هوليوود»). Not a country: «لاعب مصر» plays for the
 * national team, which the model reads. A city before a masculine nationality is its club too: «[إشبيلية] الإسباني»
 * (the city would be «إشبيلية الإسبانية»); not a definite region («الجولان السوري»), a direction («ريف درعا الجنوبي»)
 * or a place noun's adjective («ميناء جازان السعودي»).
 */
function clubPlaces(lex: Lexicon, s: Sent): void {
  const roles = ruleWords('club-role');
  const prefixes = ruleWords('club-prefix');
  for (let k = 1; k < s.words.length; k++) {
    // «أهلي جدة»: a club named after its city, the prefix untagged or read with the city
    if (s.tags[k] === 'B-LOC' && s.tags[k - 1] === 'O' && (prefixes.has(s.folded[k - 1]) || prefixes.has(s.bases[k - 1])) && !s.tags[k + 1]?.startsWith('I-')) {
      setSpan(s.tags, k - 1, k + 1, 'ORG');
      continue;
    }
    // «[إشبيلية] الإسباني»: a city is feminine, so a masculine nationality after it makes it the club
    if (s.tags[k] === 'B-LOC' && !s.bases[k].startsWith('ال')) {
      const c = chunkAt(s.tags, k)!;
      // not when the adjective is a direction («ريف درعا الجنوبي») or agrees with a place noun the city completes
      // («ميناء جازان السعودي», «إقليم كاتالونيا الإسباني»)
      if (c.end < s.words.length && s.tags[c.end] === 'O' && s.bases[c.end].endsWith('ي') && isPlaceNisba(lex, s.bases[c.end]) &&
        triggerClass(lex, s.bases[c.end].slice(2)) !== 'direction' && triggerClass(lex, s.bases[k - 1] ?? '') !== 'lochead' &&
        triggerClass(lex, s.folded[k - 1] ?? '') !== 'lochead' &&
        !countryNameSet().has(s.bases[k]) && !countryNameSet().has(s.bares[k])) {
        setSpan(s.tags, k, c.end, 'ORG');
        continue;
      }
    }
    if (s.tags[k] !== 'B-LOC' || s.tags[k - 1] !== 'O' || !roles.has(s.bases[k - 1])) continue;
    // the word as written too: «بنما» is no ب + نما
    if (s.tags[k + 1]?.startsWith('I-') || countryNameSet().has(s.bases[k]) || countryNameSet().has(s.bares[k]) || countryNameSet().has(s.folded[k])) continue;
    s.tags[k] = 'B-ORG';
  }
}

let nationPlaces: Set<string> | null = null;

/**
 * Places that field a national team, not a club (folded): the countries of resources/link/countries.tsv with their
 * other names, and the continents, regions, countries and US states of resources/ner/places.txt (by its sections).
 */
function nationPlaceSet(): Set<string> {
  if (nationPlaces) return nationPlaces;
  nationPlaces = new Set(countryNameSet());
  let nations = false;
  for (const raw of readResource('ner', 'places.txt').split('\n')) {
    const line = raw.trim();
    if (line.startsWith('# ---')) nations = /countries|continents|states/.test(line);
    else if (nations && line && !line.startsWith('#')) nationPlaces.add(foldWord(line));
  }
  return nationPlaces;
}

/** Is the sentence about a match: a match word in it (isMatchWord), or with `verbsToo` a match verb (فاز، واجه)? */
function aboutMatch(s: Sent, verbsToo = false): boolean {
  // words only, so read once per sentence for the rules that ask
  const k = verbsToo ? 1 : 0;
  const known = s.aboutMatch?.[k];
  if (known !== undefined) return known;
  const verbs = ruleWords('match-verb');
  let found = false;
  for (let j = 0; j < s.words.length && !found; j++) found = isMatchWord(s, j) || (verbsToo && inList(verbs, s, j));
  (s.aboutMatch ??= [undefined, undefined])[k] = found;
  return found;
}

/** Does token k follow a preposition other than a match one (على، مع، أمام، ضد), separate or attached (بلندن)? */
function afterOtherPreposition(s: Sent, k: number): boolean {
  if (k > 0 && isStopword(s.words[k - 1]) && !ruleWords('match-preposition').has(s.folded[k - 1])) return true;
  return /[بلك]/.test(s.folded[k].slice(0, s.folded[k].length - s.bases[k].length));
}

/** Is [start, end) a place that fields a national team (nationPlaceSet), however written? */
function isNationPlace(s: Sent, start: number, end: number): boolean {
  const nations = nationPlaceSet();
  return [s.bases, s.bares, s.folded].some((form) => nations.has(form.slice(start, end).join(' ')));
}

/**
 * 6e. In a sentence about a match, a city where a club is expected (clubSlot: «فاز كروتوني على [بولونيا]», «خسر
 * [روما] أمام …») is its club; a country, region or US state there is a national team, which stays a place, and
 * so does a place after another preposition («عاد من الأندلس بفوز»).
 */
function matchCities(s: Sent): void {
  if (!aboutMatch(s)) return;
  for (const c of chunks(s.tags)) {
    // not a place after another preposition, separate or attached: «عاد من [الأندلس] بفوز», «فاز بلندن»
    if (c.type !== 'LOC' || !clubSlot(s, c.start, c.end) || afterOtherPreposition(s, c.start) || isNationPlace(s, c.start, c.end)) continue;
    setSpan(s.tags, c.start, c.end, 'ORG');
  }
}

/**
 * 6e over the document: a city read as a club somewhere in the article («لاعب [روما]», «فاز على [روما]») is the
 * club at its place readings in the article's other sentences about a match, though no club slot is there («سيواجه
 * روما يوم الأربعاء في ذهاب دور الثمانية», «وتقدم روما بهدف»); not after another preposition («سافر الفريق إلى روما
 * لمواجهة لاتسيو»).
 */
function matchCityMentions(lex: Lexicon, docSents: Sent[]): void {
  const clubCities = new Set<string>();
  for (const s of docSents) {
    for (const c of chunks(s.tags)) {
      const b = s.bases[c.start];
      if (c.type === 'ORG' && c.end - c.start === 1 && (lex.places.has(b) || lex.places.has(s.bares[c.start])) && !isNationPlace(s, c.start, c.end)) clubCities.add(b);
    }
  }
  if (!clubCities.size) return;
  for (const s of docSents) {
    if (!aboutMatch(s, true)) continue;
    for (const c of chunks(s.tags)) {
      const k = c.start;
      if (c.type !== 'LOC' || c.end - k !== 1 || !clubCities.has(s.bases[k]) || afterOtherPreposition(s, k)) continue;
      // nor after a place head or a nationality, which name the city («لمدينة برشلونة», «العاصمة الأوكرانية كييف»)
      if (k > 0 && (triggerClass(lex, s.bases[k - 1]) === 'lochead' || triggerClass(lex, s.bares[k - 1]) === 'lochead' || isPlaceNisba(lex, s.bases[k - 1]))) continue;
      setSpan(s.tags, k, c.end, 'ORG');
    }
  }
}

interface Club {
  words: string[];
  /** `name`: no common word or place; `word`: also one (الأهلي، النصر، الشمال) */
  common: boolean;
}
let clubList: Map<string, Club[]> | null = null;

/** resources/ner/clubs.txt by folded first word, longest names first. */
function clubsByFirstWord(): Map<string, Club[]> {
  if (clubList) return clubList;
  clubList = new Map();
  for (const { name, kind } of readKindedList('ner', 'clubs.txt')) {
    const words = name.split(/\s+/).map(foldWord).filter(Boolean);
    if (!words.length) continue;
    const list = clubList.get(words[0]) ?? [];
    list.push({ words, common: kind !== 'name' });
    clubList.set(words[0], list.sort((a, b) => b.words.length - a.words.length));
  }
  return clubList;
}

/** The longest listed club starting at token k (its first word with its proclitics stripped), or null. */
function clubAt(s: Sent, k: number): { end: number; club: Club } | null {
  for (const club of clubsByFirstWord().get(s.bases[k]) ?? clubsByFirstWord().get(s.folded[k]) ?? []) {
    const end = k + club.words.length;
    if (end > s.words.length) continue;
    let ok = true;
    for (let i = 1; i < club.words.length && ok; i++) ok = s.folded[k + i] === club.words[i];
    if (ok) return { end, club };
  }
  return null;
}

/** Is token j a match word (rule-words.tsv match-word: مباراة، مرمى، تعادل; match-word-after-preposition: الدوري)? */
function isMatchWord(s: Sent, j: number): boolean {
  if (inList(ruleWords('match-word'), s, j)) return true;
  // «الدوري» is also «periodic»: the league only with a proclitic, after a preposition or after a word of a league
  // (league-head: «في الدوري», «بالدوري», «نهائي الدوري»), not after another noun («الاجتماع الدوري», «لقاءه الدوري»)
  if (!inList(ruleWords('match-word-after-preposition'), s, j)) return false;
  return s.bases[j] !== s.folded[j] || j === 0 || isStopword(s.words[j - 1]) || inList(ruleWords('league-head'), s, j - 1);
}

/**
 * Is [k, end) where a club is expected: after a team or match word or a match verb («مرمى [الشمال]», «تعادل
 * [الرجاء]»), after على/مع/أمام/ضد that follow one within three words («فاز على [النصر]», «فوزهما على
 * [الوداد]»), before a match verb («[الأهلي] يفوز»), or joined by و to a listed club just before it
 * («الوداد و[الزمالك]»).
 */
function clubSlot(s: Sent, k: number, end: number): boolean {
  const roles = ruleWords('club-role');
  const verbs = ruleWords('match-verb');
  const matchy = (j: number) => j >= 0 && (isMatchWord(s, j) || inList(verbs, s, j));
  if (k > 0 && (matchy(k - 1) || inList(roles, s, k - 1))) return true;
  if (k > 1 && ruleWords('match-preposition').has(s.folded[k - 1])) {
    for (let j = k - 2; j >= Math.max(0, k - 4); j--) if (matchy(j)) return true;
  }
  if (end < s.words.length && matchy(end) && (k === 0 || !definite(s.bases[k - 1]))) return true;
  // joined by و to a club just before it
  if (!(k > 0 && s.folded[k].startsWith('و') && s.bases[k] !== s.folded[k] && s.tags[k - 1].endsWith('-ORG'))) return false;
  const prev = chunkAt(s.tags, k - 1)!;
  return clubAt(s, prev.start)?.end === k;
}

/**
 * 6r. A model reading of another type on exactly a listed club whose name is no common word, place or person
 * (`name`) is the club, in any sentence: «[غلطة سراي]», «[إنتر ميلان]» read as a person.
 */
function clubReadings(s: Sent): void {
  for (const c of chunks(s.tags)) {
    if (c.type === 'ORG') continue;
    const hit = clubAt(s, c.start);
    if (hit && !hit.club.common && hit.end === c.end) setSpan(s.tags, c.start, c.end, 'ORG');
  }
}

/**
 * 6j. A listed club (clubs.txt) in a sentence about a match is an organization. One whose name is no common word
 * (`name`: «أسيك», «الوداد البيضاوي») is one anywhere in such a sentence; one that is also a common word or a
 * place (`word`: الأهلي «civil», النصر «victory», الشمال «the north») only where a club is expected (clubSlot),
 * and not as the adjective of a definite noun («الاتحاد العربي»). A sentence is about a match when it has a match
 * word (match-word: مباراة، مرمى، تعادل; «الدوري» after a preposition). The model's reading of the very words, of another
 * type, gives way («[الوداد البيضاوي]» read as MISC); a longer reading that holds them stays.
 */
function clubNames(lex: Lexicon, s: Sent, found: Set<string>): void {
  if (!aboutMatch(s)) return;
  for (let k = 0; k < s.words.length; k++) {
    const hit = clubAt(s, k);
    if (!hit) continue;
    const { end, club } = hit;
    const c = chunkAt(s.tags, k);
    const untagged = s.tags.slice(k, end).every((t) => t === 'O');
    const exact = c !== null && c.start === k && c.end === end;
    if (!untagged && !exact) continue;
    if (club.common && (!clubSlot(s, k, end) || !standsAlone(lex, s, k, end))) continue;
    setSpan(s.tags, k, end, 'ORG');
    found.add(club.words.join(' '));
    k = end - 1;
  }
}

/**
 * Do the words [k, end) of a club that is also a common word stand as a name: not the adjective of a definite
 * noun before them («الاتحاد العربي لكرة القدم»), unless joined by و or after a match word («مرمى الشمال»), and not
 * the head of a longer name («الاتحاد الوطني»), unless what follows is a nationality («الأهلي المصري»).
 */
function standsAlone(lex: Lexicon, s: Sent, k: number, end: number): boolean {
  if (k > 0 && definite(s.bases[k - 1]) && s.bases[k] === s.folded[k] && !isMatchWord(s, k - 1)) return false;
  const untagged = s.tags.slice(k, end).every((t) => t === 'O');
  return !(untagged && end < s.words.length && s.tags[end] === 'O' && definite(s.bases[end]) && s.bases[end] === s.folded[end] && !isPlaceNisba(lex, s.bases[end]));
}

/**
 * 6j over the document: a club that is also a common word, read as a club in a sentence about a match (6j; not
 * a model's reading alone: «الجزيرة» is also a channel and an island), is the club at its other mentions that stand
 * as a name («أعلنت إدارة [الاتفاق]»), but not after a preposition unless a club is expected there.
 */
function clubMentions(lex: Lexicon, docSents: Sent[], found: ReadonlySet<string>): void {
  if (!found.size) return;
  for (const s of docSents) {
    for (let k = 0; k < s.words.length; k++) {
      const hit = clubAt(s, k);
      if (!hit || !found.has(hit.club.words.join(' ')) || !s.tags.slice(k, hit.end).every((t) => t === 'O')) continue;
      // not after a preposition («يعتمد على الشباب», «في الشمال»), unless a club is expected there or it is one of a
      // club's affairs (club-context: «يبقى مع [الاتفاق]», «انضم إلى [العين]»)
      const afterStopword = k > 0 && isStopword(s.words[k - 1]) && !inList(ruleWords('club-context'), s, k - 1);
      if ((afterStopword && !clubSlot(s, k, hit.end)) || !standsAlone(lex, s, k, hit.end)) continue;
      setSpan(s.tags, k, hit.end, 'ORG');
      k = hit.end - 1;
    }
  }
}

/**
 * Is the month name at k part of a date: after a day's number, «شهر» or another month (أبريل/نيسان), before an
 * offset word («ماي المقبل»), or before a year after في/منذ/خلال/حتى («في نيسان 2018»; not «سيارة نيسان 2019»,
 * a model year)?
 */
function inDate(s: Sent, k: number): boolean {
  // «ماي المقبل»: a month with its offset
  if (k + 1 < s.words.length && ruleWords('date-offset').has(s.folded[k + 1])) return true;
  let p = k - 1;
  if (p >= 0 && (s.words[p] === '/' || s.words[p] === '(')) p--;
  if (p < 0) return false;
  const day = /^[0-9\u0660-\u0669]{1,2}$/.test(s.words[p]);
  if (day || isTimeWord(s, p) || s.bases[p] === 'شهر') return true;
  return k + 1 < s.words.length && /^[0-9\u0660-\u0669]{4}$/.test(s.words[k + 1]) && ruleWords('date-preposition').has(s.folded[p]);
}

const DASHES = new Set(['-', '--', '–', '—']);
const COMMAS = new Set(['،', ',']);
const COLONS = new Set([':', '：']);
/** Sentences from the start of a document where a dateline may open a line (after a title, a date line). */
const DATELINE_SENTENCES = 3;
/** Words in a dateline's place or source. */
const DATELINE_WORDS = 3;

/**
 * 7. The source of a dateline at the start of a sentence: «PLACE - SOURCE:», «PLACE (SOURCE) -», «SOURCE من PLACE:»;
 * the place may be a city and its country after a comma («دبي، الإمارات (CNN) --»).
 * The place must read as one (the model's LOC, or a listed place), so that «أولا - الاقتصاد:» is no dateline; in
 * the «من» form the model must also have taken the source for a name («قالت مصادر من بغداد:» is a sentence).
 */
function datelineSource(lex: Lexicon, s: Sent): void {
  const w = s.words;
  const wordish = (k: number) => k < w.length && /^[\u0621-\u064AA-Za-z]/.test(w[k]);
  const run = (from: number) => {
    let k = from;
    while (k - from < DATELINE_WORDS && wordish(k)) k++;
    return k;
  };
  const isPlace = (from: number, to: number) =>
    to > from &&
    (s.tags.slice(from, to).every((t) => t.endsWith('LOC')) || (to - from === 1 && (lex.places.has(s.bares[from]) || lex.places.has(s.bases[from]))));
  let source: [number, number] | null = null;
  let placeEnd = run(0);
  const placed = isPlace(0, placeEnd);
  // «نيويورك، الولايات المتحدة (CNN) --»: a city, then its country after a comma
  for (let more = 0; more < 2 && placed && COMMAS.has(w[placeEnd] ?? ''); more++) {
    const next = run(placeEnd + 1);
    if (!isPlace(placeEnd + 1, next)) break;
    placeEnd = next;
  }
  if (placeEnd > 0 && placeEnd < w.length && placed) {
    const end = run(placeEnd + 1);
    if (DASHES.has(w[placeEnd]) && end > placeEnd + 1 && COLONS.has(w[end] ?? '')) source = [placeEnd + 1, end];
    else if (w[placeEnd] === '(' && end > placeEnd + 1 && w[end] === ')' && (DASHES.has(w[end + 1] ?? '') || COLONS.has(w[end + 1] ?? ''))) {
      source = [placeEnd + 1, end];
    }
  }
  if (!source) {
    for (let k = 1; k <= DATELINE_WORDS && k < w.length; k++) {
      if (!wordish(k - 1)) break;
      if (s.folded[k] !== 'من') continue;
      const end = run(k + 1);
      const named = s.tags.slice(0, k).every((t) => t !== 'O');
      if (named && isPlace(k + 1, end) && (COLONS.has(w[end] ?? '') || DASHES.has(w[end] ?? ''))) source = [0, k];
      break;
    }
  }
  if (!source) return;
  const [a, b] = source;
  // an organization the model already found there stays as it is
  if (s.tags[a] === 'B-ORG' && (b >= s.tags.length || !s.tags[b].startsWith('I-'))) return;
  setSpan(s.tags, a, b, 'ORG');
}

/** opening quote or bracket → its closing one */
const BRACKETS = new Map([['"', '"'], ['«', '»'], ['(', ')'], ['“', '”'], ["'", "'"]]);

/**
 * 6k. A name in quotes or brackets right after an organization is the organization's short name or acronym,
 * whatever type the model gave it: «وكالة الأنباء الفلسطينية "[وفا]"», «مكتب التحقيقات الفدرالي ([إف بي آي])».
 * Only a reading the model made, of one to three words filling the brackets (a quoted adjective is no name), and
 * not a person's name that opens with a given name.
 */
function bracketedShortNames(lex: Lexicon, s: Sent, found: Set<string>): void {
  for (const c of chunks(s.tags)) {
    if (c.type === 'ORG' || c.end - c.start > 3 || c.start < 2 || c.end >= s.words.length) continue;
    const open = s.words[c.start - 1];
    if (BRACKETS.get(open) !== s.words[c.end] || !s.tags[c.start - 2].endsWith('-ORG')) continue;
    if (c.type === 'PER' && (lex.givenNames.has(s.bases[c.start]) || lex.givenNames.has(s.folded[c.start]))) continue;
    // the full name of a body that has a short name: three words or more opening with an organization head
    // («الاتحاد الأوروبي "بريكست"» is the exit, «اتفاق … والاتحاد الأوروبي (جيفتا)» the agreement); not a company,
    // whose product it would be («شركة أبل "آيفون"»)
    let org = c.start - 2;
    while (org > 0 && s.tags[org].startsWith('I-')) org--;
    if (c.start - 1 - org < 3 || triggerClass(lex, s.bases[org]) !== 'orghead' || inList(ruleWords('company-head'), s, org) || inList(ruleWords('company-plural'), s, org)) continue;
    if (s.bases.slice(c.start, c.end).some((b) => ruleWords('product').has(b) || ruleWords('product-model').has(b))) continue;
    setSpan(s.tags, c.start, c.end, 'ORG');
    found.add(s.bases.slice(c.start, c.end).join(' '));
  }
}

/** opening quotes of a title (not brackets: «موقع (X)» glosses) */
const TITLE_QUOTES = new Map([['"', '"'], ['«', '»'], ['“', '”']]);
/** corpus count from which a lone quoted word after a company word is taken for a common word, not a name */
const COMMON_QUOTED_WORD = 50;
/** the longest quoted title rule 6l reads, in tokens */
const MAX_TITLE_TOKENS = 5;

/**
 * 6l. A name in quotes right after an outlet word (rule-words.tsv media-head: صحيفة، موقع، قناة) names the outlet,
 * whatever the model read there or if it read nothing: «صحيفة "[المصري اليوم]"», «موقع "[كووورة]"»; so does one
 * after a company word (company-head: «شركة "[أرماتر]"»), but not a lone common word («شركة "ساهمت" في …»); and a name in
 * quotes after a work word (work-head: فيلم، مسلسل، كتاب) is the work's title (MISC) where the model read a name in
 * it (a quoted phrase the model left untagged may be a word of the text: «فيلم "كارثية"»). One to five words of
 * letters or digits; the first may be a stop word, as the article of a foreign title is («لا ريبوبليكا», «لو موند»).
 */
function quotedTitles(lex: Lexicon, s: Sent): void {
  const n = s.words.length;
  const [mediaHeads, companyHeads, titleHeads, workHeads] = [ruleWords('media-head'), ruleWords('company-head'), ruleWords('title-head'), ruleWords('work-head')];
  for (let k = 0; k + 3 < n; k++) {
    if (!TITLE_QUOTES.has(s.words[k + 1])) continue;
    const media = mediaHeads.has(s.bases[k]);
    const titled = titleHeads.has(s.bases[k]);
    const type = media || companyHeads.has(s.bases[k]) ? 'ORG' : titled || workHeads.has(s.bases[k]) ? 'MISC' : null;
    const close = TITLE_QUOTES.get(s.words[k + 1]);
    if (!type || !close || s.tags[k] !== 'O') continue;
    let end = k + 2;
    while (end < n && end - (k + 2) <= MAX_TITLE_TOKENS && s.words[end] !== close) end++;
    if (end >= n || s.words[end] !== close || end === k + 2 || end - (k + 2) > MAX_TITLE_TOKENS) continue;
    const start = k + 2;
    if (!s.words.slice(start, end).every((w) => /[\p{L}\p{N}]/u.test(w))) continue;
    const untagged = s.tags.slice(start, end).every((t) => t === 'O');
    // a quoted word after a work word may be the text's («فيلم "كارثية"»); a phrase, or anything after «بعنوان», is
    // the title («برنامج « حوار من القلب »», «بعنوان « ألحقونا »»)
    if (type === 'MISC' && untagged && !titled && end - start < 2) continue;
    // after a company word, a quoted common word the model left is the text's («شركة "ساهمت" في فوز …»)
    if (untagged && end - start === 1 && !media && (lex.clusters.get(s.bases[start])?.freq ?? 0) >= COMMON_QUOTED_WORD) continue;
    setSpan(s.tags, start, end, type);
    k = end;
  }
}

/**
 * 6n. Right after a company word (company-head: شركة, in construct), a person's or product's name the model read is
 * the company's («شركة [توماس كوك]», «شركة [ديل]»), and so is a place's with the ل-complement that makes it one
 * («شركة [قطر للبترول]», «شركة [مصر للطيران]»; a place alone may be where the company is) and a run of Latin words
 * («شركة [Veolia]»).
 */
function companyNames(lex: Lexicon, s: Sent): void {
  const heads = ruleWords('company-head');
  const n = s.words.length;
  for (let k = 0; k + 1 < n; k++) {
    if (!heads.has(s.bases[k]) || definite(s.bases[k]) || s.tags[k] !== 'O') continue;
    const j = k + 1;
    if (s.tags[j] === 'O') {
      let end = j;
      while (end < n && end - j < 4 && s.tags[end] === 'O' && /^[A-Za-z][A-Za-z0-9&.-]*$/.test(s.words[end])) end++;
      if (end > j) setSpan(s.tags, j, end, 'ORG');
      continue;
    }
    const c = chunkAt(s.tags, j);
    if (!c || c.start !== j || c.type === 'ORG') continue;
    if (c.type === 'LOC') {
      // «قطر [للبترول]», «مصر [للطيران]»: the complement, and an adjective of it, make the place a company's name
      const f = c.end < n ? s.folded[c.end] : '';
      if (s.tags[c.end] !== 'O' || !listedComplement(lex, f)) continue;
      let end = c.end + 1;
      if (end < n && s.tags[end] === 'O' && s.folded[end].startsWith('ال') && /يه?$/.test(s.folded[end])) end++;
      setSpan(s.tags, j, end, 'ORG');
      continue;
    }
    // a given name or a listed public figure alone is the owner: «شركة محمد», «شركة ترامب للعقارات»
    if (c.type === 'PER' && c.end - c.start === 1 && (lex.givenNames.has(s.bares[j]) || lex.givenNames.has(s.folded[j]) || peopleList().get(s.folded[j])?.short === true)) continue;
    setSpan(s.tags, c.start, c.end, 'ORG');
  }
}

/** 6k. An organization's short name found in brackets is the organization where the model read another type. */
function shortNameMentions(sents: Sent[], found: ReadonlySet<string>): void {
  if (!found.size) return;
  for (const s of sents) {
    for (const c of chunks(s.tags)) {
      if (c.type !== 'ORG' && found.has(s.bases.slice(c.start, c.end).join(' '))) setSpan(s.tags, c.start, c.end, 'ORG');
    }
  }
}

/** Is this folded word (or it without و/ف) a verb whose object takes ب (rule-words.tsv ba-verb: التقى، أشاد)? */
export function takesBa(folded: string): boolean {
  const verbs = ruleWords('ba-verb');
  return verbs.has(folded) || (/^[وف]/.test(folded) && verbs.has(folded.slice(1)));
}

/** Applies the rules to a document's sentences (words and model tags); returns the edited tags. */
/**
 * Which rules run: `all` (analyze), or `knowledge` — only the sentence-level rules that bring general knowledge
 * (name lists of people, clubs, places; a reading's edges), none of Marsad's annotation policy (ministries as
 * organizations, currencies and «الله» as no names, nationality adjectives …) and none of the document-level ones,
 * since a CoNLL file is no document. `marsad eval ner` scores the model with the knowledge rules.
 */
export type RuleScope = 'all' | 'knowledge';

/** The last words of the persons' names of two words or more read in these sentences. */
function personEnds(sents: readonly Sent[]): Set<string> {
  const out = new Set<string>();
  for (const s of sents) for (const c of chunks(s.tags)) if (c.type === 'PER' && c.end - c.start > 1) out.add(s.bases[c.end - 1]);
  return out;
}

export function applyRules(sentences: readonly (readonly string[])[], tags: readonly string[][], scope: RuleScope = 'all'): string[][] {
  const all = scope === 'all';
  const lex = loadLexicon();
  const sents: Sent[] = sentences.map((words, k) => {
    const infos = words.map((w) => wordInfo(lex, w));
    return { words, folded: infos.map((x) => x.folded), bases: infos.map((x) => x.base), bares: infos.map((x) => x.bare), tags: [...tags[k]] };
  });
  /** clubs read as clubs by rule 6j, for their other mentions */
  const clubs = new Set<string>();
  /** organizations' short names found in brackets by rule 6k, for their other mentions */
  const shortNames = new Set<string>();
  for (const s of sents) {
    coordinatedPlaces(lex, s);
    coordinatedOrganizations(lex, s);
    coordinatedPeople(lex, s);
    indefiniteBodies(lex, s);
    constructEnds(lex, s);
    if (all) titleBoundaries(lex, s);
    if (all) definiteNationalities(lex, s);
    if (all) gazetteerNames(lex, s);
    countryMentions(lex, s);
    listedPeople(lex, s);
    if (all) organizations(lex, s);
    if (all) ministryShortForms(lex, s);
    appositiveNames(lex, s);
    kunyas(lex, s);
    familyNames(lex, s);
    nameLinkEnds(s);
    if (all) leadingDescriptors(lex, s);
    if (all) titleGivenNames(s);
    if (all) nationalityAdjectives(s);
    if (all) groupAdjectives(s);
    if (all) currencyMentions(s);
    if (all) countedMentions(s);
    if (all) notNameMentions(s);
    if (all) alwaysOrganizations(s);
    if (all) products(lex, s);
    if (all) modelNames(s);
    if (all) numberedNames(s);
    placeBeforeName(lex, s);
    personPlaces(lex, s);
    regionPlaces(lex, s);
    if (all) headPlaces(lex, s);
    if (all) directionPlaces(s);
    if (all) wordPlaces(s);
    if (all) namedAfter(s);
    clubPlaces(lex, s);
    clubNames(lex, s, clubs);
    clubReadings(s);
    matchCities(s);
    // after the club rules: a stadium named after a prince is no club («على [ستاد الأمير …]»)
    if (all) namedFacilities(lex, s);
    if (all) bracketedShortNames(lex, s, shortNames);
    nameSuffixes(s);
    tanwinEnds(s);
    numberReadings(s);
    verbEnds(lex, s);
    particleEdges(lex, s);
    // after rule 14b: a quoted title is whole, whatever its words look like («لا تريبون» is no verb)
    quotedTitles(lex, s);
    if (all) companyNames(lex, s);
  }
  if (!all) {
    // rule 11 on its own sentence: a word ending a person's name there is the person («سلمان خان»)
    for (const s of sents) placePrefixes(lex, s, personEnds([s]));
    return sents.map((s) => s.tags);
  }
  for (const s of sents.slice(0, DATELINE_SENTENCES)) datelineSource(lex, s);
  currencyOrgs(sents);
  clubMentions(lex, sents, clubs);
  matchCityMentions(lex, sents);
  shortNameMentions(sents, shortNames);
  fullNameMentions(lex, sents);
  shortForms(lex, sents);
  oneWordNames(lex, sents);
  // after the short forms, and not for a word that ends a person's name in the document (سلمان خان … خان)
  const surnames = personEnds(sents);
  for (const s of sents) placePrefixes(lex, s, surnames);
  return sents.map((s) => s.tags);
}
