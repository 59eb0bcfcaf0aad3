/**
 * The word-frequency lexicon (resources/text/lexicon.tsv): counts of `search`-folded word forms in the
 * unlabelled multisource news corpus (rebuild: `npm run build:lexicon`). The clitic analyser uses it to decide
 * whether a leading و ب ل ف ك is a clitic (وقال → و + قال) or part of the word (وليد, بغداد, كندا).
 * Missing file → empty lexicon (the analyser then falls back to structural, light10-like rules).
 *
 * Besides each form's own count, loading derives per form X the counts the analyser asks about, so each
 * question is one hash lookup instead of string concatenations: ال+X, بX لX كX, وX فX.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resourcePath } from '../resources.js';

/** The inflections that show a stem is real: bare, ة (folded ه), plural/dual endings, nisba. */
export const FAMILY_ENDINGS = ['', 'ه', 'ات', 'ان', 'ين', 'ون', 'ي', 'يه'];

interface Lexicon {
  index: Map<string, number>;
  own: Float64Array;
  /** occurrences written with a final ة (forms ending in ه) */
  taMarbuta: Float64Array;
  article: Float64Array;
  afterPrep: Float64Array;
  afterConj: Float64Array;
}

let LEX: Lexicon | null = null;

type Row = [form: string, count: number, taMarbuta?: number];

function readCounts(): Row[] {
  const rows: Row[] = [];
  const file = resourcePath('text', 'lexicon.tsv');
  if (!existsSync(file)) return rows;
  const text = readFileSync(file, 'utf8');
  let i = 0;
  while (i < text.length) {
    let nl = text.indexOf('\n', i);
    if (nl < 0) nl = text.length;
    if (text.charCodeAt(i) !== 0x23 /* # */) {
      const tab = text.indexOf('\t', i);
      if (tab > i && tab < nl) {
        const tab2 = text.indexOf('\t', tab + 1);
        if (tab2 > 0 && tab2 < nl) rows.push([text.slice(i, tab), +text.slice(tab + 1, tab2), +text.slice(tab2 + 1, nl)]);
        else rows.push([text.slice(i, tab), +text.slice(tab + 1, nl)]);
      }
    }
    i = nl + 1;
  }
  return rows;
}

const ALEF = 0x627;
const LAM = 0x644;
const PREP = new Set([0x628, 0x644, 0x643]); // ب ل ك
const CONJ = new Set([0x648, 0x641]); // و ف

function build(rows: Row[]): Lexicon {
  const index = new Map<string, number>();
  const ids = new Int32Array(rows.length * 2);
  const keyOf = (k: string): number => {
    let id = index.get(k);
    if (id === undefined) {
      id = index.size;
      index.set(k, id);
    }
    return id;
  };
  // keys: each form, and the form without its article or its one-letter prefix
  for (let r = 0; r < rows.length; r++) {
    const w = rows[r][0];
    keyOf(w);
    const c0 = w.charCodeAt(0);
    if (c0 === ALEF && w.charCodeAt(1) === LAM && w.length > 2) ids[2 * r + 1] = keyOf(w.slice(2));
    else if (w.length > 1 && (PREP.has(c0) || CONJ.has(c0))) ids[2 * r + 1] = keyOf(w.slice(1));
    else ids[2 * r + 1] = -1;
    ids[2 * r] = index.get(w)!;
  }
  const n = index.size;
  const lex: Lexicon = {
    index,
    own: new Float64Array(n),
    taMarbuta: new Float64Array(n),
    article: new Float64Array(n),
    afterPrep: new Float64Array(n),
    afterConj: new Float64Array(n),
  };
  for (let r = 0; r < rows.length; r++) {
    const [w, c, tm] = rows[r];
    lex.own[ids[2 * r]] += c;
    if (tm) lex.taMarbuta[ids[2 * r]] += tm;
    const rest = ids[2 * r + 1];
    if (rest < 0) continue;
    const c0 = w.charCodeAt(0);
    if (c0 === ALEF) lex.article[rest] += c;
    // للX is ل + ال + X far more often than ل + لX: no evidence for a word starting with ل
    else if (PREP.has(c0)) {
      if (!(c0 === LAM && w.charCodeAt(1) === LAM)) lex.afterPrep[rest] += c;
    }
    else lex.afterConj[rest] += c;
  }
  return lex;
}

function lex(): Lexicon {
  if (!LEX) LEX = build(readCounts());
  return LEX;
}

/** Corpus count of a `search`-folded form (0 when unseen or below the lexicon's cut-off). */
export function freq(folded: string): number {
  const l = LEX ?? lex();
  const id = l.index.get(folded);
  return id === undefined ? 0 : l.own[id];
}

/**
 * Does a folded word open with a glued preposition ب/ل (بإطلاق، لمليشيا، بولاية)? It does when the word without
 * the letter is much more frequent in the news than with it (إطلاق 3,243 vs بإطلاق 477); بيان (يان: 109) and
 * بدوره (دوره: 629 vs 396) are words of their own. Folding makes بلدية read as ب + لديه («he has»).
 */
export function gluedPreposition(folded: string): boolean {
  if (folded.length < 4 || (folded[0] !== 'ب' && folded[0] !== 'ل')) return false;
  const rest = freq(folded.slice(1));
  return rest >= GLUED_REST_FREQ && rest >= 2 * freq(folded);
}
const GLUED_REST_FREQ = 50;

/** Count of ال + form. */
export function articleFreq(folded: string): number {
  const l = LEX ?? lex();
  const id = l.index.get(folded);
  return id === undefined ? 0 : l.article[id];
}

/** Count of the form bare and with the article. */
export function totalFreq(folded: string): number {
  const l = LEX ?? lex();
  const id = l.index.get(folded);
  return id === undefined ? 0 : l.own[id] + l.article[id];
}

/**
 * Occurrences of the form after clitics that cannot precede its first letter read as a clitic: after the
 * article (any form), after ب ل ك (a form starting with a clitic letter), after و ف (a form starting with و ف).
 */
export function evidenceFreq(folded: string): number {
  const l = LEX ?? lex();
  const id = l.index.get(folded);
  if (id === undefined) return 0;
  let e = l.article[id];
  const c0 = folded.charCodeAt(0);
  if (c0 === ALEF && folded.charCodeAt(1) === LAM) return e;
  const conj = CONJ.has(c0);
  if (conj || PREP.has(c0) || c0 === 0x633 /* س */) e += l.afterPrep[id];
  if (conj) e += l.afterConj[id];
  return e;
}

/**
 * Of a form ending in ه, the share of its corpus occurrences written with a final ة (مدينه: 1, اتجاه: 0),
 * looking at the form and at its article form; -1 when the corpus has neither.
 */
export function taMarbutaShare(folded: string): number {
  const l = LEX ?? lex();
  let n = 0;
  let t = 0;
  for (const form of [folded, 'ال' + folded]) {
    const id = l.index.get(form);
    if (id !== undefined) {
      n += l.own[id];
      t += l.taMarbuta[id];
    }
  }
  return n > 0 ? t / n : -1;
}

/** Σ over FAMILY_ENDINGS e of totalFreq(stem + e): how well a stem is attested by its inflections. */
export function familyFreq(stem: string): number {
  let f = 0;
  for (const e of FAMILY_ENDINGS) f += totalFreq(stem + e);
  return f;
}

/** Replaces the lexicon with these counts (tests), or reloads the file (null). */
export function setLexicon(map: Map<string, number> | null): void {
  LEX = map ? build([...map].map(([w, c]) => [w, c] as Row)) : null;
}
