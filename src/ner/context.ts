/**
 * Second-pass (stacked) features: what a first-pass tagger said about this token and its neighbours, and
 * about the OTHER mentions of the same name in the surrounding text (a document, or ±window sentences when
 * there are no document boundaries). A surname tagged I-PER after a given name makes a later bare mention
 * ("الكاظمي") a person too; a club named five times is tagged the same way five times.
 */
import type { SentenceFeatures } from './features.js';
import { mix } from './hash.js';
import { NL } from './model.js';

const enum C {
  S1 = 101, S1m1, S1p1, CtxType, CtxMaj, CtxAllO, CtxLabel, S1Maj, S1m1S1,
}

/** Each sentence's features with the stacked ones appended (for training). */
export function withContext(sfs: readonly SentenceFeatures[], tags1: readonly Int32Array[], window: number): SentenceFeatures[] {
  const extras = contextExtras(
    sfs.map((sf) => sf.keys ?? []),
    tags1,
    window,
  );
  return sfs.map((sf, s) => {
    const ex = extras[s];
    const n = sf.offsets.length - 1;
    const feats: number[] = [];
    const offsets = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) {
      offsets[i] = feats.length;
      for (let j = sf.offsets[i]; j < sf.offsets[i + 1]; j++) feats.push(sf.feats[j]);
      for (let j = ex.offsets[i]; j < ex.offsets[i + 1]; j++) feats.push(ex.feats[j]);
    }
    offsets[n] = feats.length;
    return { feats: Int32Array.from(feats), offsets, keys: sf.keys };
  });
}

/** The stacked features alone, per sentence. `window` = sentences each side (Infinity = all). */
export function contextExtras(sentKeys: readonly (readonly string[])[], tags1: readonly Int32Array[], window: number): SentenceFeatures[] {
  const out: SentenceFeatures[] = tags1.map((t) => ({ feats: new Int32Array(0), offsets: new Int32Array(t.length + 1) }));
  let feats: number[] = [];
  forEachStacked(sentKeys, tags1, window, (s, i, f, count) => {
    const { offsets } = out[s];
    if (i === 0) feats = [];
    offsets[i] = feats.length;
    for (let k = 0; k < count; k++) feats.push(f[k]);
    if (i === offsets.length - 2) {
      offsets[i + 1] = feats.length;
      out[s].feats = Int32Array.from(feats);
    }
  });
  return out;
}

/** Stacked features of one token: the first STACKED_LOCAL depend only on its own and its neighbours' pass-1 labels. */
export const STACKED_LOCAL = 4;

/**
 * Calls visit for every token of every sentence, in order, with its stacked feature hashes in a scratch buffer
 * (valid during the call only; the first STACKED_LOCAL are the label features, `local` their code) — the run-time
 * decoder adds their weights without building feature arrays.
 */
export function forEachStacked(
  sentKeys: readonly (readonly string[])[],
  tags1: readonly Int32Array[],
  window: number,
  visit: (s: number, i: number, feats: Int32Array, count: number, local: number) => void,
): void {
  // per name key, its pass-1 label counts at counts[at, at + NL) (one buffer, not an array per key)
  const slots = new Map<string, number>();
  let counts = new Int32Array(256 * NL);
  const add = (s: number, sign: number) => {
    const keys = sentKeys[s];
    const t1 = tags1[s];
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (!k) continue;
      let at = slots.get(k);
      if (at === undefined) {
        at = slots.size * NL;
        slots.set(k, at);
        if (at + NL > counts.length) {
          const grown = new Int32Array(counts.length * 2);
          grown.set(counts);
          counts = grown;
        }
      }
      counts[at + t1[i]] += sign;
    }
  };
  const n = sentKeys.length;
  const W = Number.isFinite(window) ? window : n;
  // window [lo, hi] of sentences currently counted
  let lo = 0;
  let hi = -1;
  const own = new Int32Array(NL);
  const feats = new Int32Array(STACKED_LOCAL + 2 * NL + 8);
  for (let s = 0; s < n; s++) {
    const wantLo = Math.max(0, s - W);
    const wantHi = Math.min(n - 1, s + W);
    while (hi < wantHi) add(++hi, 1);
    while (lo < wantLo) add(lo++, -1);
    const t1 = tags1[s];
    const len = t1.length;
    for (let i = 0; i < len; i++) {
      const me = t1[i];
      const prev = i > 0 ? t1[i - 1] : -1;
      const next = i + 1 < len ? t1[i + 1] : -1;
      feats[0] = mix(C.S1, me);
      feats[1] = mix(C.S1m1, prev);
      feats[2] = mix(C.S1p1, next);
      feats[3] = mix(C.S1m1S1, prev * 16 + me);
      let count = STACKED_LOCAL;
      const local = ((prev + 1) * 16 + me) * 16 + next + 1;
      const key = sentKeys[s][i];
      const at = key ? slots.get(key) : undefined;
      if (at !== undefined) {
        for (let l = 0; l < NL; l++) own[l] = counts[at + l];
        own[me]--;
        let best = 0;
        let bestLabel = -1;
        for (let l = 1; l < NL; l++) {
          if (own[l] > 0) feats[count++] = mix(C.CtxLabel, l);
          if (own[l] > best) {
            best = own[l];
            bestLabel = l;
          }
        }
        for (let t = 0; t < 4; t++) if (own[1 + 2 * t] + own[2 + 2 * t] > 0) feats[count++] = mix(C.CtxType, t);
        if (bestLabel > 0) {
          const type = (bestLabel - 1) >> 1;
          feats[count++] = mix(C.CtxMaj, type);
          feats[count++] = mix(C.S1Maj, me * 16 + type);
        } else if (own[0] > 0) feats[count++] = mix(C.CtxAllO, 1);
      }
      visit(s, i, feats, count, local);
    }
  }
}
