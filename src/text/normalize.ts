/**
 * Arabic normalization with an offset map back to the original text.
 *
 * Levels (cumulative; the character table is data: resources/text/normalization.tsv):
 * - `display`: clean but faithful — presentation forms (ﻻ ﷲ …) → their NFKC letters; harakat U+064B–U+065F,
 *   U+0670, tatweel, Quranic marks, bidi and zero-width marks removed; Arabic-Indic / Persian digits and
 *   ٫ ٬ ٪ → ASCII . , %. Letters are untouched (أ stays أ, ة stays ة). Arabic punctuation (، ؛ ؟ « ») is kept.
 * - `search`: display + folding for matching: أ إ آ ٱ → ا, ى → ي, ة → ه, Persian ی ک ھ → ي ك ه, A-Z → a-z.
 * - `deep`: search + ؤ → و, ئ → ي.
 *
 * Decomposed sequences (ا + U+0654 hamza above …) are recomposed FIRST and folded as the composed letter,
 * so no NFD-style step ever runs: every output unit comes from exactly one original character, and the
 * map stays exact (a folded string never drifts from its highlight offsets).
 */
import { readResource } from '../resources.js';

export type NormLevel = 'display' | 'search' | 'deep';

export interface NormalizedText {
  text: string;
  /** for each UTF-16 unit i of text (and i = text.length), the original offset */
  map: Int32Array;
}

const LEVELS: readonly NormLevel[] = ['display', 'search', 'deep'];
const KEEP = -1;
const DELETE = -2;
const EXPAND = -3;

interface LevelTable {
  /** per BMP code unit: KEEP, DELETE, EXPAND or the replacement code unit */
  codes: Int32Array;
  expansions: Map<number, string>;
}

/** Canonical (and one common non-canonical) compositions of a base letter + combining madda/hamza. */
const COMPOSE: ReadonlyMap<number, number> = new Map([
  [(0x0627 << 16) | 0x0653, 0x0622], // ا + madda → آ
  [(0x0627 << 16) | 0x0654, 0x0623], // ا + hamza above → أ
  [(0x0627 << 16) | 0x0655, 0x0625], // ا + hamza below → إ
  [(0x0648 << 16) | 0x0654, 0x0624], // و + hamza → ؤ
  [(0x064a << 16) | 0x0654, 0x0626], // ي + hamza → ئ
  [(0x0649 << 16) | 0x0654, 0x0626], // ى + hamza → ئ (written this way in practice)
  [(0x06d5 << 16) | 0x0654, 0x06c0], // ە + hamza → ۀ
  [(0x06c1 << 16) | 0x0654, 0x06c2], // ہ + hamza → ۂ
  [(0x06d2 << 16) | 0x0654, 0x06d3], // ے + hamza → ۓ
]);

function buildTables(): Record<NormLevel, LevelTable> {
  const rows = readResource('text', 'normalization.tsv')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => l.split('\t'))
    .slice(1); // header
  const tables = {} as Record<NormLevel, LevelTable>;
  for (let li = 0; li < LEVELS.length; li++) {
    const codes = new Int32Array(0x10000).fill(KEEP);
    const nfkc: number[] = [];
    for (const [from, action, level] of rows) {
      if (LEVELS.indexOf(level as NormLevel) > li) continue;
      const [lo, hi] = from.includes('-') ? from.split('-').map((h) => parseInt(h, 16)) : [parseInt(from, 16), parseInt(from, 16)];
      for (let c = lo; c <= hi; c++) {
        if (action === 'delete') codes[c] = DELETE;
        else if (action === 'nfkc') nfkc.push(c);
        else if (action === 'lower') codes[c] = c + 0x20;
        else if (action.endsWith('+')) codes[c] = parseInt(action, 16) + (c - lo);
        else codes[c] = parseInt(action, 16);
      }
    }
    // NFKC results are themselves normalized with this level's single-character rules.
    const expansions = new Map<number, string>();
    for (const c of nfkc) {
      let out = '';
      for (const ch of String.fromCharCode(c).normalize('NFKC')) {
        const u = ch.charCodeAt(0);
        if (ch.length > 1) out += ch;
        else if (u === 0x20 && c !== 0xa0) continue; // spacing harakat forms leave a space: drop it
        else if (codes[u] === DELETE) continue;
        else out += codes[u] === KEEP ? ch : String.fromCharCode(codes[u]);
      }
      if (out.length === 0) codes[c] = DELETE;
      else if (out.length === 1) codes[c] = out.charCodeAt(0);
      else {
        codes[c] = EXPAND;
        expansions.set(c, out);
      }
    }
    tables[LEVELS[li]] = { codes, expansions };
  }
  return tables;
}

const TABLES = buildTables();

function tableFor(level: NormLevel): LevelTable {
  const t = TABLES[level];
  if (!t) throw new RangeError(`unknown normalization level "${level}" (display, search or deep)`);
  return t;
}

/** Growable output buffers (reused across calls: normalization is single-threaded and synchronous). */
let outBuf = new Uint16Array(1024);
let mapBuf = new Int32Array(1025);

function ensure(capacity: number): void {
  if (capacity <= outBuf.length) return;
  let size = outBuf.length;
  while (size < capacity) size *= 2;
  const o = new Uint16Array(size);
  o.set(outBuf);
  outBuf = o;
  const m = new Int32Array(size + 1);
  m.set(mapBuf);
  mapBuf = m;
}

function unitsToString(buf: Uint16Array, len: number): string {
  if (len <= 4096) return String.fromCharCode.apply(null, buf.subarray(0, len) as unknown as number[]);
  let s = '';
  for (let i = 0; i < len; i += 4096) {
    s += String.fromCharCode.apply(null, buf.subarray(i, Math.min(len, i + 4096)) as unknown as number[]);
  }
  return s;
}

/** The core loop: writes the normalized units (and their original offsets when withMap) into the buffers. */
function run(s: string, start: number, table: LevelTable, withMap: boolean): number {
  const { codes, expansions } = table;
  const n = s.length;
  ensure(n + 16);
  let len = 0;
  for (let i = 0; i < start; i++) {
    outBuf[len] = s.charCodeAt(i);
    if (withMap) mapBuf[len] = i;
    len++;
  }
  let prevSrc = start > 0 ? s.charCodeAt(start - 1) : -1; // the original code of the last emitted unit, for recomposition
  for (let i = start; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x0653 && c <= 0x0655 && prevSrc >= 0) {
      const composed = COMPOSE.get((prevSrc << 16) | c);
      if (composed !== undefined) {
        const v = codes[composed];
        outBuf[len - 1] = v === KEEP ? composed : v;
        prevSrc = -1;
        continue;
      }
    }
    const v = codes[c];
    if (v === DELETE) continue;
    if (len + 32 > outBuf.length) ensure(len + 64);
    if (v === KEEP || v >= 0) {
      outBuf[len] = v === KEEP ? c : v;
      if (withMap) mapBuf[len] = i;
      len++;
      prevSrc = c;
    } else {
      const exp = expansions.get(c)!;
      if (len + exp.length + 32 > outBuf.length) ensure(len + exp.length + 64);
      for (let k = 0; k < exp.length; k++) {
        outBuf[len] = exp.charCodeAt(k);
        if (withMap) mapBuf[len] = i;
        len++;
      }
      prevSrc = -1;
    }
  }
  if (withMap) mapBuf[len] = n;
  return len;
}

/** Index of the first unit that normalization would change, or s.length when s is already normal. */
function firstChange(s: string, codes: Int32Array): number {
  const n = s.length;
  for (let i = 0; i < n; i++) if (codes[s.charCodeAt(i)] !== KEEP) return i;
  return n;
}

/** Normalizes `s` at `level` (default `search`). Returns `s` itself when nothing changes. */
export function normalize(s: string, level: NormLevel = 'search'): string {
  const table = tableFor(level);
  const first = firstChange(s, table.codes);
  if (first === s.length) return s;
  const len = run(s, first, table, false);
  return unitsToString(outBuf, len);
}

/** Normalizes `s` and keeps, for every output unit, the offset of the original character it came from. */
export function normalizeWithMap(s: string, level: NormLevel = 'search'): NormalizedText {
  const table = tableFor(level);
  const first = firstChange(s, table.codes);
  if (first === s.length) {
    const map = new Int32Array(s.length + 1);
    for (let i = 0; i <= s.length; i++) map[i] = i;
    return { text: s, map };
  }
  const len = run(s, first, table, true);
  return { text: unitsToString(outBuf, len), map: mapBuf.slice(0, len + 1) };
}

/**
 * Maps a span [start, end) of the normalized text to the original text. The original span covers every
 * character that produced the normalized units, plus removed marks (harakat, tatweel, zero-width and bidi
 * marks) that directly follow them; a span that cuts an expansion (ﻻ → لا) widens to the whole original character.
 */
export function toOriginalSpan(n: NormalizedText, start: number, end: number): [number, number] {
  const len = n.text.length;
  if (start < 0) start = 0;
  if (end > len) end = len;
  if (start > end) start = end;
  const s0 = n.map[start];
  if (end === start) return [s0, s0];
  const last = n.map[end - 1];
  let k = end;
  while (k < len && n.map[k] === last) k++;
  return [s0, n.map[k]];
}
