import type { ArabicDoc } from '../doc.js';
import { bareWord, foldArabic } from './fold.js';

/**
 * Per-document lookup tables shared by the linker and the event engine: folded tokens, which entity covers
 * each token, which sentence each token is in. Built once per document (cached by identity of the token array).
 */
export interface DocView {
  /** foldArabic(token.text) */
  fold: string[];
  /** bareWord(fold): without ال and the particles glued to it */
  bare: string[];
  /** index into doc.entities of the entity covering the token, or -1 */
  entityAt: Int32Array;
  /** index into doc.sentences of the token's sentence (-1 when the doc has no sentences) */
  sentenceOf: Int32Array;
  /** punctuation that ends a clause or sentence */
  isBoundary: Uint8Array;
}

const cache = new WeakMap<object, { entities: object; view: DocView }>();

export function docView(doc: ArabicDoc): DocView {
  const hit = cache.get(doc.tokens);
  if (hit && hit.entities === doc.entities) return hit.view;
  const n = doc.tokens.length;
  const fold = new Array<string>(n);
  const bare = new Array<string>(n);
  const isBoundary = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const t = doc.tokens[i];
    const f = t.kind === 'word' ? foldArabic(t.text) : t.text;
    fold[i] = f;
    bare[i] = t.kind === 'word' ? bareWord(f) : f;
    if (t.kind === 'punct' && /[.!?؟؛:\n]/.test(t.text)) isBoundary[i] = 1;
  }
  const entityAt = new Int32Array(n).fill(-1);
  doc.entities.forEach((e, k) => {
    for (let i = e.tokenStart; i < e.tokenEnd && i < n; i++) if (entityAt[i] === -1) entityAt[i] = k;
  });
  const sentenceOf = new Int32Array(n).fill(-1);
  doc.sentences.forEach((s, k) => {
    for (let i = s.tokenStart; i < s.tokenEnd && i < n; i++) sentenceOf[i] = k;
  });
  const view = { fold, bare, entityAt, sentenceOf, isBoundary };
  cache.set(doc.tokens, { entities: doc.entities, view });
  return view;
}
