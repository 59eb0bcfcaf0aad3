/**
 * Snippets are cut from the ORIGINAL text (diacritics, tatweel and all) through token offsets: matching is done
 * on analyzed forms (stem / folded norm), but what is shown is `text.slice(start, end)` of the matched tokens.
 */
import type { Token } from '../doc.js';
import type { Highlight } from '../store/types.js';
import { isIndexed, safeTerm, termOf, tokenTerm } from './terms.js';
import type { ParsedQuery } from './query.js';

export interface Matcher {
  stems: Set<string>;
  norms: Set<string>;
  /** phrases as stem sequences */
  phrases: string[][];
}

export function matcherOf(q: ParsedQuery): Matcher {
  const stems = new Set<string>();
  const norms = new Set<string>();
  const phrases: string[][] = [];
  // function words are not marked when the query has content words (they are not searched for either)
  const hasContent = q.groups.some((g) => g.some((it) => it.kind === 'phrase' || !it.word.stop));
  for (const g of q.groups) {
    for (const it of g) {
      if (it.kind === 'term') {
        if (it.word.stop && hasContent) continue;
        if (!it.word.weakStem) stems.add(it.word.stem);
        norms.add(it.word.norm);
      } else {
        phrases.push(it.words.map((w) => w.stem));
        for (const w of it.words) if (!w.stop) (stems.add(w.stem), norms.add(w.norm));
      }
    }
  }
  return { stems, norms, phrases };
}

interface Mark {
  start: number;
  end: number;
  /** distinct-term key for window scoring */
  key: string;
  weight: number;
}

/**
 * Substrings one of which every matching word's folded form contains: a light stem is its word minus
 * affixes, give or take the last letter (دولتين → دوله), so the stem without its last letter is a probe.
 * Null when some query stem is too short to probe with.
 */
function probesOf(m: Matcher): string[] | null {
  const out = new Set<string>();
  for (const s of [...m.stems, ...m.phrases.flat()]) {
    if (s.length < 3) return null;
    out.add(s.slice(0, -1));
  }
  for (const n of m.norms) {
    if (n.length < 2) return null;
    out.add(n);
  }
  return [...out];
}

/** Marks matched tokens (phrases as one range) in order of position. */
function findMarks(tokens: Token[], m: Matcher): Mark[] {
  const words: Token[] = [];
  const stems: string[] = [];
  const probes = probesOf(m);
  for (const t of tokens) {
    if (!isIndexed(t)) continue;
    words.push(t);
    const n = t.norm || t.text;
    // stemming every word of every hit is the costly part: only words that can match are stemmed
    if (probes) {
      const sn = safeTerm(n);
      if (!probes.some((p) => sn.includes(p))) {
        stems.push('');
        continue;
      }
    }
    stems.push(tokenTerm(t)[1]);
  }
  const marks: Mark[] = [];
  const inPhrase = new Uint8Array(words.length);
  for (const ph of m.phrases) {
    if (!ph.length) continue;
    for (let i = 0; i + ph.length <= words.length; i++) {
      let ok = true;
      for (let k = 0; k < ph.length; k++) if (stems[i + k] !== ph[k]) { ok = false; break; }
      if (!ok) continue;
      marks.push({ start: words[i].start, end: words[i + ph.length - 1].end, key: 'p:' + ph.join(' '), weight: 3 * ph.length });
      for (let k = 0; k < ph.length; k++) inPhrase[i + k] = 1;
    }
  }
  for (let i = 0; i < words.length; i++) {
    if (inPhrase[i]) continue;
    const s = stems[i];
    if (s === '') continue; // ruled out by the probes
    if (!m.stems.has(s)) {
      const n = termOf(words[i].norm || words[i].text)[0];
      if (!m.norms.has(n)) continue;
      marks.push({ start: words[i].start, end: words[i].end, key: 'n:' + n, weight: 2 });
      continue;
    }
    const exact = m.norms.has(termOf(words[i].norm || words[i].text)[0]);
    marks.push({ start: words[i].start, end: words[i].end, key: 's:' + s, weight: exact ? 2 : 1 });
  }
  marks.sort((a, b) => a.start - b.start);
  return marks;
}

const WS = /[\r\n\t\v\f\u2028\u2029]/g;

export interface Snippet {
  snippet: string;
  highlights: Highlight[];
}

/**
 * The best passage of about `length` characters: the span holding the most distinct matched terms,
 * widened with context and snapped to token boundaries. Line breaks become spaces (same length, offsets kept).
 */
export function makeSnippet(text: string, tokens: Token[], m: Matcher, length = 220): Snippet {
  const marks = findMarks(tokens, m);
  let bestI = 0;
  let bestJ = -1;
  if (marks.length) {
    let best = -1;
    const counts = new Map<string, number>();
    let distinct = 0;
    let weight = 0;
    let j = 0;
    for (let i = 0; i < marks.length; i++) {
      if (j < i) j = i;
      while (j < marks.length && marks[j].end - marks[i].start <= length) {
        const c = counts.get(marks[j].key) ?? 0;
        if (c === 0) distinct++;
        counts.set(marks[j].key, c + 1);
        weight += marks[j].weight;
        j++;
      }
      if (j > i) {
        const score = distinct * 100 + weight;
        if (score > best) {
          best = score;
          bestI = i;
          bestJ = j - 1;
        }
        const c = counts.get(marks[i].key) ?? 1;
        counts.set(marks[i].key, c - 1);
        if (c === 1) distinct--;
        weight -= marks[i].weight;
      } else if (100 + marks[i].weight > best) {
        // a single match longer than the snippet (a long phrase)
        best = 100 + marks[i].weight;
        bestI = bestJ = i;
      }
    }
  }
  let start: number;
  let end: number;
  if (bestJ >= bestI && marks.length) {
    const core0 = marks[bestI].start;
    const core1 = Math.max(marks[bestJ].end, core0);
    const spare = Math.max(0, length - (core1 - core0));
    start = Math.max(0, core0 - Math.floor(spare * 0.35));
    end = Math.min(text.length, core1 + (spare - (core0 - start)));
  } else {
    start = 0;
    end = Math.min(text.length, length);
  }
  // snap to token boundaries so no word is cut
  start = snapStart(tokens, start, text);
  end = snapEnd(tokens, end, text);
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  const pre = start > 0 ? '…' : '';
  const post = end < text.length ? '…' : '';
  const body = text.slice(start, end).replace(WS, ' ');
  const highlights: Highlight[] = [];
  for (const mk of marks) {
    if (mk.start >= start && mk.end <= end) highlights.push([mk.start - start + pre.length, mk.end - start + pre.length]);
  }
  return { snippet: pre + body + post, highlights };
}

/** Highlights of matched terms in a short text (a title), offsets within it. */
export function highlightAll(tokens: Token[], m: Matcher): Highlight[] {
  return findMarks(tokens, m).map((mk) => [mk.start, mk.end] as Highlight);
}

function snapStart(tokens: Token[], pos: number, text: string): number {
  if (pos <= 0) return 0;
  // first token that starts at or after pos (so a token straddling pos is dropped)
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start < pos) lo = mid + 1;
    else hi = mid;
  }
  if (lo > 0 && tokens[lo - 1].end > pos) return lo < tokens.length ? tokens[lo].start : text.length;
  return lo < tokens.length ? Math.min(pos, tokens[lo].start) : pos;
}

function snapEnd(tokens: Token[], pos: number, text: string): number {
  if (pos >= text.length) return text.length;
  // last token that ends at or before pos
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].end <= pos) lo = mid + 1;
    else hi = mid;
  }
  if (lo < tokens.length && tokens[lo].start < pos) return lo > 0 ? tokens[lo - 1].end : 0;
  return pos;
}
