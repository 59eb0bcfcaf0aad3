/**
 * Word profiles (resources/ner/word-profiles.tsv, built by `npm run build:clusters -- --profiles`): how
 * often a word followed a title, an organization head, a place head or a speech verb in the unlabelled news
 * corpus. They turn one corpus-wide observation ("الليكود" mostly after "حزب") into a feature for every
 * mention, including those in sentences without a trigger.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resourcePath } from '../resources.js';

/** Trigger classes counted, in column order. */
export const PROFILE_CLASSES = ['title', 'orghead', 'lochead', 'say'] as const;

/** word → [freq, counts per class] */
export type Profiles = Map<string, Int32Array>;

let cached: Profiles | null = null;

export function loadProfiles(): Profiles {
  if (cached) return cached;
  const out: Profiles = new Map();
  const path = process.env.NER_PROFILES ?? resourcePath('ner', 'word-profiles.tsv');
  if (existsSync(path)) {
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      if (!line || line.startsWith('#') || line.startsWith('word\t')) continue;
      const f = line.split('\t');
      if (f.length < 2 + PROFILE_CLASSES.length) continue;
      out.set(f[0], Int32Array.from(f.slice(1, 2 + PROFILE_CLASSES.length), Number));
    }
  }
  return (cached = out);
}

/**
 * Feature codes of a word's profile: per class seen at least twice, class × 8 + a bucket of the share of
 * the word's occurrences that follow that class; and the class it follows most (or -1 when none).
 */
export function profileCodes(p: Int32Array | undefined): number[] {
  if (!p) return [-1];
  const freq = Math.max(1, p[0]);
  const out: number[] = [];
  let best = -1;
  let bestCount = 1;
  for (let k = 0; k < PROFILE_CLASSES.length; k++) {
    const c = p[1 + k];
    if (c < 2) continue;
    const r = c / freq;
    const bucket = r >= 0.5 ? 4 : r >= 0.2 ? 3 : r >= 0.05 ? 2 : r >= 0.01 ? 1 : 0;
    // +64: seen after the class at least 10 times (a share from few observations is noisy)
    out.push(100 + k * 8 + bucket + (c >= 10 ? 64 : 0));
    if (c > bestCount) {
      bestCount = c;
      best = k;
    }
  }
  out.unshift(best);
  return out;
}
