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
  const counts = new Map<string, Int32Array>();
  const add = (s: number, sign: number) => {
    const keys = sentKeys[s];
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (!k) continue;
      let c = counts.get(k);
      if (!c) counts.set(k, (c = new Int32Array(NL)));
      c[tags1[s][i]] += sign;
    }
  };
  const n = sentKeys.length;
  const W = Number.isFinite(window) ? window : n;
  // window [lo, hi] of sentences currently counted
  let lo = 0;
  let hi = -1;
  const out: SentenceFeatures[] = [];
  const own = new Int32Array(NL);
  for (let s = 0; s < n; s++) {
    const wantLo = Math.max(0, s - W);
    const wantHi = Math.min(n - 1, s + W);
    while (hi < wantHi) add(++hi, 1);
    while (lo < wantLo) add(lo++, -1);
    const t1 = tags1[s];
    const len = t1.length;
    const feats: number[] = [];
    const offsets = new Int32Array(len + 1);
    for (let i = 0; i < len; i++) {
      offsets[i] = feats.length;
      const me = t1[i];
      const prev = i > 0 ? t1[i - 1] : -1;
      const next = i + 1 < len ? t1[i + 1] : -1;
      feats.push(mix(C.S1, me), mix(C.S1m1, prev), mix(C.S1p1, next), mix(C.S1m1S1, prev * 16 + me));
      const key = sentKeys[s][i];
      const c = key ? counts.get(key) : undefined;
      if (!c) continue;
      own.set(c);
      own[me]--;
      let best = 0;
      let bestLabel = -1;
      for (let l = 1; l < NL; l++) {
        if (own[l] > 0) feats.push(mix(C.CtxLabel, l));
        if (own[l] > best) {
          best = own[l];
          bestLabel = l;
        }
      }
      for (let t = 0; t < 4; t++) if (own[1 + 2 * t] + own[2 + 2 * t] > 0) feats.push(mix(C.CtxType, t));
      if (bestLabel > 0) {
        const type = (bestLabel - 1) >> 1;
        feats.push(mix(C.CtxMaj, type), mix(C.S1Maj, me * 16 + type));
      } else if (own[0] > 0) feats.push(mix(C.CtxAllO, 1));
    }
    offsets[len] = feats.length;
    out.push({ feats: Int32Array.from(feats), offsets });
  }
  return out;
}
