/**
 * CoNLL-style entity-level evaluation (as conlleval): an entity counts only when its type and both
 * boundaries match exactly. Chunks are read from IOB tags: an I- tag that does not continue an entity of
 * its type starts one (as B- would); PERS and PER are the same type.
 */
import { mapType } from './conll.js';

export interface Chunk {
  type: string;
  /** token range [start, end) */
  start: number;
  end: number;
}

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
  /** counts behind the figures */
  gold: number;
  predicted: number;
  correct: number;
}

export interface Evaluation extends Scores {
  byType: Record<string, Scores>;
}

function typeOf(tag: string): string {
  const t = tag.slice(2);
  return mapType(t) ?? t.toUpperCase();
}

/** Entity chunks of a tag sequence (IOB1 or IOB2; E-/S- accepted as I-/B-). */
export function chunks(tags: readonly string[]): Chunk[] {
  const out: Chunk[] = [];
  let cur: Chunk | null = null;
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i];
    if (!tag || tag === 'O' || tag.length < 3 || tag[1] !== '-') {
      if (cur) out.push(cur);
      cur = null;
      continue;
    }
    const p = tag[0];
    const type = typeOf(tag);
    const continues = cur !== null && cur.type === type && (p === 'I' || p === 'E');
    if (continues) {
      cur!.end = i + 1;
    } else {
      if (cur) out.push(cur);
      cur = { type, start: i, end: i + 1 };
    }
    if (p === 'E' || p === 'S') {
      out.push(cur!);
      cur = null;
    }
  }
  if (cur) out.push(cur);
  return out;
}

function scores(gold: number, predicted: number, correct: number): Scores {
  const precision = predicted ? correct / predicted : 0;
  const recall = gold ? correct / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, gold, predicted, correct };
}

/** Scores predicted against gold tag sequences, sentence by sentence (equal lengths required). */
export function evaluate(gold: readonly (readonly string[])[], predicted: readonly (readonly string[])[]): Evaluation {
  if (gold.length !== predicted.length) throw new Error(`evaluate: ${gold.length} gold sentences but ${predicted.length} predicted`);
  const counts = new Map<string, { g: number; p: number; c: number }>();
  const bump = (type: string) => {
    let c = counts.get(type);
    if (!c) counts.set(type, (c = { g: 0, p: 0, c: 0 }));
    return c;
  };
  for (let s = 0; s < gold.length; s++) {
    if (gold[s].length !== predicted[s].length) {
      throw new Error(`evaluate: sentence ${s + 1} has ${gold[s].length} gold tags but ${predicted[s].length} predicted`);
    }
    const g = chunks(gold[s]);
    const p = chunks(predicted[s]);
    const key = (c: Chunk) => `${c.start}:${c.end}:${c.type}`;
    const gs = new Set(g.map(key));
    for (const c of g) bump(c.type).g++;
    for (const c of p) {
      bump(c.type).p++;
      if (gs.has(key(c))) bump(c.type).c++;
    }
  }
  let G = 0;
  let P = 0;
  let C = 0;
  const byType: Record<string, Scores> = {};
  for (const type of [...counts.keys()].sort()) {
    const c = counts.get(type)!;
    G += c.g;
    P += c.p;
    C += c.c;
    byType[type] = scores(c.g, c.p, c.c);
  }
  return { ...scores(G, P, C), byType };
}

/** A fixed-width table of an evaluation (percentages), for reports. */
export function formatEvaluation(e: Evaluation): string {
  const pct = (x: number) => (100 * x).toFixed(2).padStart(6);
  const row = (name: string, s: Scores) =>
    `${name.padEnd(8)} ${pct(s.precision)} ${pct(s.recall)} ${pct(s.f1)} ${String(s.gold).padStart(6)} ${String(s.predicted).padStart(6)} ${String(s.correct).padStart(6)}`;
  const lines = [`${'type'.padEnd(8)} ${'P'.padStart(6)} ${'R'.padStart(6)} ${'F1'.padStart(6)} ${'gold'.padStart(6)} ${'pred'.padStart(6)} ${'ok'.padStart(6)}`];
  for (const [t, s] of Object.entries(e.byType)) lines.push(row(t, s));
  lines.push(row('overall', e));
  return lines.join('\n');
}
