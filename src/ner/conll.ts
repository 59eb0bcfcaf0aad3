/**
 * Reader for CoNLL-style NER files: `word TAG` per line (extra columns ignored; for nested files such as
 * Wojood only the first, outermost tag is read), blank line between sentences. Robust to what real files
 * contain: CRLF, a tag with no word (an empty token), and two `word TAG` pairs glued on one line.
 */
import type { EntityType } from '../doc.js';

export interface TaggedSentence {
  words: string[];
  tags: string[];
}

export interface ReadReport {
  sentences: TaggedSentence[];
  /** lines that were repaired or skipped, with their 1-based number and what was done */
  problems: Array<{ line: number; text: string; action: string }>;
}

const TAG_RE = /^(?:O|[BIES]-[A-Za-z_]+)$/;
const GLUED_RE = /^((?:O|[BI]-[A-Za-z_]+))(.+)$/;

export function isTag(s: string): boolean {
  return TAG_RE.test(s);
}

export function parseConll(content: string): ReadReport {
  const sentences: TaggedSentence[] = [];
  const problems: ReadReport['problems'] = [];
  let cur: TaggedSentence = { words: [], tags: [] };
  const flush = () => {
    if (cur.words.length) sentences.push(cur);
    cur = { words: [], tags: [] };
  };
  const lines = content.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i].replace(/\r$/, '');
    if (!raw.trim()) {
      flush();
      continue;
    }
    const f = raw.trim().split(/\s+/);
    if (f.length === 1) {
      if (isTag(f[0])) {
        // a tag whose word is empty (e.g. a stripped character in the source): keep the position
        cur.words.push('');
        cur.tags.push(f[0]);
        problems.push({ line: i + 1, text: raw, action: 'empty word kept as an empty token' });
      } else {
        problems.push({ line: i + 1, text: raw, action: 'no tag: skipped' });
      }
      continue;
    }
    if (isTag(f[1])) {
      cur.words.push(f[0]);
      cur.tags.push(f[1]);
      continue;
    }
    // glued: "word1 TAGword2 TAG2"
    const g = GLUED_RE.exec(f[1]);
    if (f.length >= 3 && g && isTag(f[2])) {
      cur.words.push(f[0], g[2]);
      cur.tags.push(g[1], f[2]);
      problems.push({ line: i + 1, text: raw, action: `split into "${f[0]} ${g[1]}" and "${g[2]} ${f[2]}"` });
      continue;
    }
    // no recognisable tag: keep the word as O so positions stay aligned
    cur.words.push(f[0]);
    cur.tags.push('O');
    problems.push({ line: i + 1, text: raw, action: 'unrecognised tag: read as O' });
  }
  flush();
  return { sentences, problems };
}

/** Our four types from a corpus type: PERS/PER/PERSON → PER, GPE/LOC/FAC → LOC, ORG → ORG, MISC → MISC. */
export function mapType(t: string): EntityType | null {
  switch (t.toUpperCase()) {
    case 'PER':
    case 'PERS':
    case 'PERSON':
      return 'PER';
    case 'LOC':
    case 'GPE':
    case 'FAC':
      return 'LOC';
    case 'ORG':
      return 'ORG';
    case 'MISC':
      return 'MISC';
    default:
      return null;
  }
}

/** A tag with its type mapped to ours (unknown types → O). */
export function normalizeTag(tag: string): string {
  if (tag === 'O' || tag.length < 3) return 'O';
  const type = mapType(tag.slice(2));
  if (!type) return 'O';
  const p = tag[0] === 'S' ? 'B' : tag[0] === 'E' ? 'I' : tag[0];
  return `${p}-${type}`;
}
