/**
 * Sentence splitting over the token layer.
 *
 * A sentence ends after terminal punctuation (. ! ? ؟ … and runs of them), taking along adjacent closing
 * quotes and brackets (."  .»  ؟!). Every line break ends a sentence too, so a heading — a line without final
 * punctuation between paragraphs — is its own sentence (flagged `heading`). A full stop does not end a
 * sentence inside a number (2.5, 28.8.2021 are single tokens), after an abbreviation or an initial
 * (د. أ. م. J. Dr. — resources/text/abbreviations.txt), inside a dotted acronym (بي.بي.سي — letter-names.txt),
 * or when glued to a following Latin letter (Elaph.com).
 */
import type { Sentence, Token } from '../doc.js';
import { readList } from '../resources.js';
import { normalize } from './normalize.js';
import { acronymEnd, isAcronymLetter } from './acronyms.js';

const ABBREVIATIONS: Set<string> = new Set(readList('text', 'abbreviations.txt').map((a) => normalize(a, 'search').toLowerCase()));

/** Arabic era letters: after a number, "م." / "هـ." end a sentence rather than start an initial. */
const ERA_LETTERS = new Set(['م', 'ه']);

const TERMINAL_CHARS = new Set(['.', '!', '?', '؟', '…', '‼', '⁉', '۔']);
const CLOSERS = new Set(['"', '»', ')', ']', '”', '’', "'", '›', '}', '〉']);
const NO_HEADING_END = new Set([':', '،', ',', '؛', ';', '-', '–', '—']);

/** A heading has at most this many tokens. */
const HEADING_MAX_TOKENS = 20;

function isTerminal(t: Token): boolean {
  if (t.kind !== 'punct') return false;
  const s = t.text;
  for (let i = 0; i < s.length; i++) if (!TERMINAL_CHARS.has(s[i])) return false;
  return true;
}

function isCloser(t: Token): boolean {
  return t.kind === 'punct' && CLOSERS.has(t.text[0]);
}

function hasNewline(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d || c === 0x2029 || c === 0x2028 || c === 0x85) return true;
  }
  return false;
}

/** The full stop at tokens[k] ends an abbreviation or an initial, not the sentence. */
function isAbbreviationStop(tokens: Token[], k: number): boolean {
  const dot = tokens[k];
  if (dot.text !== '.') return false;
  const prev = tokens[k - 1];
  if (!prev || prev.end !== dot.start || (prev.kind !== 'word' && prev.kind !== 'latin')) return false;
  const form = prev.norm.toLowerCase();
  if (prev.kind === 'word' && ERA_LETTERS.has(form)) {
    const before = tokens[k - 2];
    if (before && before.kind === 'number') return false;
  }
  if (ABBREVIATIONS.has(form)) return true;
  if (form.length === 1) {
    // single Arabic letter, or a Latin capital initial (J. K. Rowling)
    if (prev.kind === 'word') return true;
    const c = prev.text.charCodeAt(0);
    return c >= 0x41 && c <= 0x5a;
  }
  return false;
}

/**
 * Is the full stop at tokens[k] inside a dotted acronym of three letters or more (بي.بي.سي)? Two are not enough:
 * some letter names are also words (في, أو, بي: «اتصل بي.في المساء» is two sentences).
 */
function insideAcronym(tokens: Token[], k: number): boolean {
  if (tokens[k].text !== '.' || k === 0 || !isAcronymLetter(tokens[k - 1].text)) return false;
  // back to the acronym's first letter, then forward to its last
  let first = k - 1;
  while (first >= 2 && tokens[first - 1].text === '.' && tokens[first - 1].end === tokens[first].start && tokens[first - 2].end === tokens[first - 1].start && isAcronymLetter(tokens[first - 2].text)) first -= 2;
  const last = acronymEnd(tokens, first);
  return last > k && (last - first) / 2 + 1 >= 3;
}

function lineStartsAt(text: string, start: number): boolean {
  for (let i = start - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d || c === 0x2029 || c === 0x2028) return true;
    if (c !== 0x20 && c !== 0x09 && c !== 0xa0 && c !== 0xfeff && c !== 0x200f && c !== 0x200e) return false;
  }
  return true;
}

/** The sentences of `text`, given its tokens (from tokenize). Offsets are into the original text. */
export function splitSentences(text: string, tokens: Token[]): Sentence[] {
  const sentences: Sentence[] = [];
  const n = tokens.length;
  let first = 0;
  const close = (last: number, byLineBreak: boolean) => {
    if (last < first) return;
    const s: Sentence = { start: tokens[first].start, end: tokens[last].end, tokenStart: first, tokenEnd: last + 1 };
    if (byLineBreak) {
      // the last token before any closing quotes/brackets: a quoted title «…» is a heading, «….» is not
      let e = last;
      while (e > first && isCloser(tokens[e])) e--;
      const end = tokens[e];
      const count = last - first + 1;
      if (!isTerminal(end) && !NO_HEADING_END.has(end.text) && count <= HEADING_MAX_TOKENS && lineStartsAt(text, s.start)) {
        s.heading = true;
      }
    }
    sentences.push(s);
    first = last + 1;
  };
  for (let k = 0; k < n; k++) {
    const t = tokens[k];
    const next = k + 1 < n ? tokens[k + 1] : null;
    if (next === null) {
      close(k, true);
      break;
    }
    if (hasNewline(text, t.end, next.start)) {
      close(k, true);
      continue;
    }
    if (!isTerminal(t)) continue;
    if (isAbbreviationStop(tokens, k)) continue;
    // a full stop inside a dotted acronym (بي.بي.سي, سي.إن.إن: resources/text/letter-names.txt)
    if (insideAcronym(tokens, k)) continue;
    // a numbered list item: "1. البند الأول" (a number opening the sentence, then a full stop)
    if (t.text === '.' && k - 1 === first && tokens[first].kind === 'number' && tokens[first].end === t.start) continue;
    // a full stop glued to what follows ends a sentence only before an Arabic word or a closing quote
    if (t.text === '.' && next.start === t.end && next.kind !== 'word' && !isCloser(next) && !isTerminal(next)) continue;
    let last = k;
    while (last + 1 < n) {
      const after = tokens[last + 1];
      if (after.start !== tokens[last].end) break;
      if (isCloser(after) || isTerminal(after)) last++;
      else break;
    }
    if (last + 1 >= n) {
      close(last, true);
      break;
    }
    close(last, false);
    k = last;
  }
  if (first < n) close(n - 1, true);
  // a single line of text is a sentence, not a heading
  if (sentences.length === 1) delete sentences[0].heading;
  return sentences;
}
