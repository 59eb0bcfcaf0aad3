/**
 * Token features for the tagger, as 32-bit hashes (template id mixed with the value's hash). Per token:
 * the folded word and its ±2 neighbours, the proclitic-stripped base and bare stem, the clitics, prefixes
 * and suffixes, shape and length, corpus-frequency bucket, word clusters at three granularities (own and
 * neighbours'), gazetteer longest-match tags (own and neighbours'), trigger words before/after, nisba
 * adjectives of known places, and a few conjunctions; and the tag memory of the training annotations
 * (memory.ts): how the word, its bare stem and its ±1/±2 neighbours were labelled, and the longest entity
 * string of the training gold starting or running through the token (jackknifed at training time).
 * And the corpus word profile (profiles.ts): which trigger classes the word follows in the unlabelled news.
 *
 * Most features depend on ONE word only (the token itself, or the neighbour at -2/-1/+1/+2): these come in
 * per-word blocks, computed once per distinct word and cached, so the decoder can also cache their summed
 * weights per word (model.ts). The rest ("context" features: gazetteer tags, word pairs, position) are
 * computed per token.
 */
import { fold, nisbaBase } from './fold.js';
import { hashRange, hashString, mix } from './hash.js';
import { baseOf, gazetteerTags, type Lexicon } from './lexicon.js';
import { clusterKey } from './wordsplit.js';
import { activeMemory, MemTable, memoryCodes } from './memory.js';
import { loadProfiles, profileCodes } from './profiles.js';

/** NER_PROFILES_OFF=1: leave out the corpus word-profile features (ablation) */
const USE_PROFILES = process.env.NER_PROFILES_OFF !== '1';

/** Features of a sentence: token i's features are feats[offsets[i] .. offsets[i+1]). */
export interface SentenceFeatures {
  feats: Int32Array;
  offsets: Int32Array;
  /** per token, the key other mentions of the same name share (folded, no clitics or article), or '' */
  keys?: string[];
}

/** What the tagger knows of one word, independent of its sentence. */
export interface WordInfo {
  folded: string;
  base: string;
  bare: string;
  pro: string;
  w: number;
  c2: number;
  shape: number;
  trig: number;
  /**
   * feature hashes in five consecutive blocks (one allocation): the word at the token itself
   * [0, ends[0]), and seen from the token at +1 (m1) [ends[0], ends[1]), -1 (p1), +2 (m2), -2 (p2) [.., ends[4])
   */
  blocks: Int32Array;
  ends: readonly [number, number, number, number, number];
  /** name-mention key (see SentenceFeatures.keys) */
  key: string;
  /** 1 when a remembered entity string (memory.ts) starts with this word or its base */
  nameStart: number;
  /** per-model cache of summed weights (5 blocks × labels), indexed by model id */
  sums: Array<Float32Array | undefined>;
}

// template ids (any distinct constants; changing them invalidates the model)
const enum T {
  Bias = 1, W0, Wm1, Wp1, Wm2, Wp2, B0, Bm1, Bp1, Bare0, Pro0, Pre1, Pre2, Pre3, Suf1, Suf2, Suf3, BSuf2,
  Shape, Freq, C1, C2, C3, Cm1a, Cm1b, Cm1c, Cp1a, Cp1b, Cp1c, Cm2, Cp2, Gm1, G0, Gp1, Gm2, Gp2,
  Trig0, Trigm1, Trigm2, Trigp1, Nisba0, Nisbap1, Wm1W0, W0Wp1, Cm1C0, C0Cp1, ProC0, G0Gp1, Shapem1, Shapep1,
  Bare0Freq, Trigm1C0, Pos, Pre4, Suf4, CB2, CB3, NameBare,
  Mem0, MemT0, MemB0, MemBT0, Memm1, Memp1, MemBm1, MemBp1, Memm2, Memp2, Mem0C2, MG0, MGm1, MGp1, MG0G0,
  Prof0, ProfBest0, ProfBestm1, ProfBestp1,
}

const NONE = 0x2d2d2d2d; // value hash for "absent" (before start / after end)
const UNK_W = 0x3f3f3f3f; // value hash for "a word the tag memory has not seen"
const UNK_IDENTITY = process.env.NER_UNK === '1';

function shapeOf(word: string): number {
  if (!word) return 0;
  const c = word.charCodeAt(0);
  if (c >= 48 && c <= 57) return 1;
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f)) return 2;
  if (c >= 0x0621 && c <= 0x06ff) return 3;
  if (c === 34 || c === 0xab || c === 0xbb || c === 0x201c || c === 0x201d || c === 39) return 4; // quotes
  if (c === 40 || c === 41) return 5; // parentheses
  return 6;
}

function freqBucket(f: number): number {
  if (f <= 0) return 0;
  return 1 + Math.min(12, Math.floor(Math.log2(f)));
}

/** The five feature blocks of a word in one array (one allocation per word, not five). */
function packBlocks(...parts: number[][]): Pick<WordInfo, 'blocks' | 'ends'> {
  const blocks = new Int32Array(parts.reduce((n, p) => n + p.length, 0));
  const ends: number[] = [];
  let at = 0;
  for (const p of parts) {
    blocks.set(p, at);
    ends.push((at += p.length));
  }
  return { blocks, ends: ends as unknown as WordInfo['ends'] };
}

/**
 * The per-word cache, in two generations so that it stays bounded over a long run yet keeps the frequent
 * words: when the young generation is full it becomes the old one (the previous old one is dropped); a word
 * found in the old generation moves back to the young one.
 */
let young = new Map<string, WordInfo>();
let old = new Map<string, WordInfo>();
/** words per generation: at most twice this many are cached */
export const WORD_CACHE_GENERATION = 30_000;

/** Forgets the per-word analyses (needed after the tag memory changes: training folds, tests). */
export function clearWordCache(): void {
  young = new Map();
  old = new Map();
}

/** How many words the cache holds now (tests: it must stay bounded). */
export function wordCacheSize(): number {
  return young.size + old.size;
}

function remember(word: string, info: WordInfo): void {
  if (young.size >= WORD_CACHE_GENERATION) {
    old = young;
    young = new Map();
  }
  young.set(word, info);
}

/** The cached per-word analysis and feature blocks of a raw word. */
export function wordInfo(lex: Lexicon, word: string): WordInfo {
  let info = young.get(word);
  if (info) return info;
  info = old.get(word);
  if (info) {
    remember(word, info);
    return info;
  }
  const f = fold(word);
  const sp = baseOf(lex, f);
  const key = clusterKey(f);
  const own = lex.clusters.get(key);
  const cl = own ?? lex.clusters.get(sp.base);
  const freq = own?.freq ?? 0;
  const nb = nisbaBase(sp.base);
  const trigId = lex.triggers.get(sp.base) ?? lex.triggers.get(f);
  const trig = trigId === undefined ? -1 : trigId;
  const nisba = nb !== null && (lex.places.has(nb) || lex.places.has(nb.replace(/^ال/, ''))) ? 1 : 0;
  const shape = shapeOf(word) * 16 + Math.min(f.length, 15);
  const bare = sp.bare;
  // tag memory (memory.ts): how the word and its bare stem were annotated in training
  const mem = activeMemory();
  const memW = memoryCodes(mem?.get(MemTable.Word, key));
  const memB = memoryCodes(mem?.get(MemTable.Bare, bare));
  // a word the memory has not seen gets no identity features: in training (jackknifed) that is a word absent
  // from the other folds, so the model learns to tag rare words from their form and context, as it must at run time
  const unk = UNK_IDENTITY && mem !== null && mem.counts.size > 0;
  const w = unk && memW[0] === -1 ? UNK_W : hashString(key);
  const b = unk && memW[0] === -1 && memB[0] === -1 ? UNK_W : hashString(sp.base);
  const c1 = cl ? cl.c1 : -1;
  const c2 = cl ? cl.c2 : -1;
  const c3 = cl ? cl.c3 : -1;
  const proH = hashString(sp.pro);
  const bareH = unk && memB[0] === -1 ? UNK_W : hashString(bare);
  const self = [
    T.Bias,
    mix(T.W0, w),
    mix(T.B0, b),
    mix(T.Bare0, bareH),
    mix(T.Pro0, proH),
    mix(T.Pre1, hashRange(bare, 0, Math.min(1, bare.length))),
    mix(T.Pre2, hashRange(bare, 0, Math.min(2, bare.length))),
    mix(T.Pre3, hashRange(bare, 0, Math.min(3, bare.length))),
    mix(T.Pre4, hashRange(bare, 0, Math.min(4, bare.length))),
    mix(T.Suf1, hashRange(f, Math.max(0, f.length - 1))),
    mix(T.Suf2, hashRange(f, Math.max(0, f.length - 2))),
    mix(T.Suf3, hashRange(f, Math.max(0, f.length - 3))),
    mix(T.Suf4, hashRange(f, Math.max(0, f.length - 4))),
    mix(T.BSuf2, hashRange(bare, Math.max(0, bare.length - 2))),
    mix(T.Shape, shape),
    mix(T.Freq, freqBucket(freq)),
    mix(T.C1, c1),
    mix(T.C2, c2),
    mix(T.C3, c3),
    mix(T.Trig0, trig),
    mix(T.Nisba0, nisba),
    mix(mix(T.ProC0, proH), c2),
    mix(mix(T.Bare0Freq, bareH), freqBucket(freq)),
    // the clusters of the clitic-free base too, when the word carries clitics (بايهود → ايهود)
    mix(T.CB2, sp.base !== f ? (lex.clusters.get(sp.base)?.c2 ?? -1) : -3),
    mix(T.CB3, sp.base !== f ? (lex.clusters.get(sp.base)?.c3 ?? -1) : -3),
    // single-word name lists, on the bare form (الكاظمي → كاظمي)
    mix(T.NameBare, (lex.personNames.has(bare) || lex.personNames.has(sp.base) ? 1 : 0) + (lex.places.has(bare) || lex.places.has(sp.base) ? 2 : 0)),
  ];
  const isAr = shape >> 4 === 3;
  const memSelf: number[] = [mix(T.Mem0, memW[0]), mix(T.MemB0, memB[0]), mix(mix(T.Mem0C2, memW[0]), c2)];
  for (let k = 1; k < memW.length; k++) memSelf.push(mix(T.MemT0, memW[k]));
  for (let k = 1; k < memB.length; k++) memSelf.push(mix(T.MemBT0, memB[k]));
  // corpus word profile (profiles.ts): which trigger classes the word follows elsewhere in the news
  const prof = USE_PROFILES ? profileCodes(loadProfiles().get(clusterKey(sp.base))) : [-1];
  if (USE_PROFILES) {
    memSelf.push(mix(T.ProfBest0, prof[0]));
    for (let k = 1; k < prof.length; k++) memSelf.push(mix(T.Prof0, prof[k]));
  }
  const m1 = [mix(T.Wm1, w), mix(T.Bm1, b), mix(T.Shapem1, shape), mix(T.Cm1a, c1), mix(T.Cm1b, c2), mix(T.Cm1c, c3), mix(T.Trigm1, trig), mix(T.Memm1, memW[0]), mix(T.MemBm1, memB[0]), ...(USE_PROFILES ? [mix(T.ProfBestm1, prof[0])] : [])];
  const p1 = [mix(T.Wp1, w), mix(T.Bp1, b), mix(T.Shapep1, shape), mix(T.Cp1a, c1), mix(T.Cp1b, c2), mix(T.Cp1c, c3), mix(T.Trigp1, trig), mix(T.Nisbap1, nisba), mix(T.Memp1, memW[0]), mix(T.MemBp1, memB[0]), ...(USE_PROFILES ? [mix(T.ProfBestp1, prof[0])] : [])];
  const m2 = [mix(T.Wm2, w), mix(T.Cm2, c2), mix(T.Trigm2, trig), mix(T.Memm2, memW[0])];
  const p2 = [mix(T.Wp2, w), mix(T.Cp2, c2), mix(T.Memp2, memW[0])];
  info = {
    folded: f,
    base: sp.base,
    bare,
    pro: sp.pro,
    w,
    c2,
    shape,
    trig,
    ...packBlocks([...self, ...memSelf], m1, p1, m2, p2),
    key: bare.length >= 2 && isAr ? bare : shape >> 4 === 2 ? f : '',
    nameStart: mem !== null && (mem.startsName(f) || (sp.base !== f && mem.startsName(sp.base))) ? 1 : 0,
    sums: [],
  };
  remember(word, info);
  return info;
}

/** The blocks used where a neighbour is missing (sentence edges). */
export const EDGE: WordInfo = {
  folded: '',
  base: '',
  bare: '',
  pro: '',
  w: NONE,
  c2: -2,
  shape: -1,
  trig: -2,
  ...packBlocks(
    [],
    [mix(T.Wm1, NONE), mix(T.Bm1, NONE), mix(T.Shapem1, -1), mix(T.Cm1a, -2), mix(T.Cm1b, -2), mix(T.Cm1c, -2), mix(T.Trigm1, -2), mix(T.Memm1, -2), mix(T.MemBm1, -2)],
    [mix(T.Wp1, NONE), mix(T.Bp1, NONE), mix(T.Shapep1, -1), mix(T.Cp1a, -2), mix(T.Cp1b, -2), mix(T.Cp1c, -2), mix(T.Trigp1, -2), mix(T.Nisbap1, -1), mix(T.Memp1, -2), mix(T.MemBp1, -2)],
    [mix(T.Wm2, NONE), mix(T.Cm2, -2), mix(T.Trigm2, -2), mix(T.Memm2, -2)],
    [mix(T.Wp2, NONE), mix(T.Cp2, -2), mix(T.Memp2, -2)],
  ),
  key: '',
  nameStart: 0,
  sums: [],
};

/** Number of per-token context features (see contextFeatures). */
export const N_CONTEXT = 16;

/** A sentence as the decoder sees it: per-word blocks plus per-token context features (n × N_CONTEXT). */
export interface SentenceParts {
  infos: WordInfo[];
  context: Int32Array;
  /** 1 where the token and its ±2 neighbours have no gazetteer match (context features 0..5 then equal ZERO_GAZ) */
  gazZero: Uint8Array;
  /** 1 where also the token and its ±1 neighbours match no remembered entity string (slots 11..14 = ZERO_NAMES) */
  namesZero: Uint8Array;
}

/** The gazetteer context features (slots 0..5) of a token with no gazetteer match within ±2 (the common case). */
export const ZERO_GAZ: Int32Array = Int32Array.of(mix(T.G0, 0), mix(T.Gm1, 0), mix(T.Gp1, 0), mix(T.Gm2, 0), mix(T.Gp2, 0), mix(T.G0Gp1, 0));
/** The remembered-name context features (slots 11..14) of a token with no match within ±1 and no gazetteer match. */
export const ZERO_NAMES: Int32Array = Int32Array.of(mix(T.MG0, 0), mix(T.MGm1, 0), mix(T.MGp1, 0), mix(T.MG0G0, 0));
/** The position feature (the last slot) by code 0..3. */
export const POS_FEATURES: Int32Array = Int32Array.of(mix(T.Pos, 0), mix(T.Pos, 1), mix(T.Pos, 2), mix(T.Pos, 3));

export function sentenceParts(lex: Lexicon, words: readonly string[]): SentenceParts {
  const n = words.length;
  const infos = new Array<WordInfo>(n);
  for (let i = 0; i < n; i++) infos[i] = wordInfo(lex, words[i]);
  const gazFolded = infos.map((x) => x.folded);
  const gazBases = infos.map((x) => x.base);
  const gaz = gazetteerTags(lex, gazFolded, gazBases);
  const mem = activeMemory();
  let anyStart = false;
  const starts = new Uint8Array(n);
  for (let i = 0; i < n; i++) if ((starts[i] = infos[i].nameStart)) anyStart = true;
  const names = mem && anyStart ? mem.nameTags(gazFolded, gazBases, starts) : new Uint8Array(n);
  const namesZero = new Uint8Array(n);
  const context = new Int32Array(n * N_CONTEXT);
  const gazZero = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    gazZero[i] = i > 1 && i + 2 < n && !gaz[i - 2] && !gaz[i - 1] && !gaz[i] && !gaz[i + 1] && !gaz[i + 2] ? 1 : 0;
    namesZero[i] = gazZero[i] && i > 0 && i + 1 < n && !names[i - 1] && !names[i] && !names[i + 1] ? 1 : 0;
    const t = infos[i];
    const m1 = i > 0 ? infos[i - 1] : EDGE;
    const p1 = i + 1 < n ? infos[i + 1] : EDGE;
    const gm1 = i > 0 ? gaz[i - 1] : 256;
    const gp1 = i + 1 < n ? gaz[i + 1] : 256;
    const o = i * N_CONTEXT;
    context[o] = mix(T.G0, gaz[i]);
    context[o + 1] = mix(T.Gm1, gm1);
    context[o + 2] = mix(T.Gp1, gp1);
    context[o + 3] = mix(T.Gm2, i > 1 ? gaz[i - 2] : 256);
    context[o + 4] = mix(T.Gp2, i + 2 < n ? gaz[i + 2] : 256);
    context[o + 5] = mix(T.G0Gp1, gaz[i] * 512 + gp1);
    context[o + 6] = mix(T.Trigm1C0, (m1.trig + 3) * 4096 + t.c2);
    context[o + 7] = mix(mix(T.Wm1W0, m1.w), t.w);
    context[o + 8] = mix(mix(T.W0Wp1, t.w), p1.w);
    context[o + 9] = mix(T.Cm1C0, m1.c2 * 4096 + t.c2);
    context[o + 10] = mix(T.C0Cp1, t.c2 * 4096 + p1.c2);
    // entity strings of the training annotations (memory.ts), longest match
    context[o + 11] = mix(T.MG0, names[i]);
    context[o + 12] = mix(T.MGm1, i > 0 ? names[i - 1] : 256);
    context[o + 13] = mix(T.MGp1, i + 1 < n ? names[i + 1] : 256);
    context[o + 14] = mix(T.MG0G0, names[i] * 512 + gaz[i]);
    context[o + N_CONTEXT - 1] = POS_FEATURES[i === 0 ? 0 : i === 1 ? 1 : i === n - 1 ? 3 : 2];
  }
  return { infos, context, gazZero, namesZero };
}

/** All features of a sentence, flattened per token (for training and for the uncached decoder). */
export function flatten(parts: SentenceParts): SentenceFeatures {
  const { infos, context } = parts;
  const n = infos.length;
  const feats: number[] = [];
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    offsets[i] = feats.length;
    const from = (x: WordInfo, b: number) => {
      for (let j = b === 0 ? 0 : x.ends[b - 1]; j < x.ends[b]; j++) feats.push(x.blocks[j]);
    };
    from(infos[i], 0);
    from(i > 0 ? infos[i - 1] : EDGE, 1);
    from(i + 1 < n ? infos[i + 1] : EDGE, 2);
    from(i > 1 ? infos[i - 2] : EDGE, 3);
    from(i + 2 < n ? infos[i + 2] : EDGE, 4);
    for (let k = 0; k < N_CONTEXT; k++) feats.push(context[i * N_CONTEXT + k]);
  }
  offsets[n] = feats.length;
  return { feats: Int32Array.from(feats), offsets, keys: infos.map((x) => x.key) };
}

/** Extracts the features of one sentence of raw words. */
export function sentenceFeatures(lex: Lexicon, words: readonly string[]): SentenceFeatures {
  return flatten(sentenceParts(lex, words));
}
