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

/** token-derived arrays, shared by every stage that sees the same token array */
const tokenCache = new WeakMap<object, Omit<DocView, 'entityAt'>>();
const entityCache = new WeakMap<object, { tokens: object; entityAt: Int32Array }>();

function deepen(norm: string): string {
  return norm.indexOf('ؤ') >= 0 || norm.indexOf('ئ') >= 0 ? norm.replace(/ؤ/g, 'و').replace(/ئ/g, 'ي') : norm;
}

export function docView(doc: ArabicDoc): DocView {
  let base = tokenCache.get(doc.tokens);
  if (!base || base.sentenceOf.length !== doc.tokens.length) {
    const n = doc.tokens.length;
    const fold = new Array<string>(n);
    const bare = new Array<string>(n);
    const isBoundary = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const t = doc.tokens[i];
      // the tokenizer's search form already folds hamza-on-alef, ى, ة and marks; add ؤ/ئ (what foldArabic does)
      const f = t.kind !== 'word' ? t.text : t.norm ? deepen(t.norm) : foldArabic(t.text);
      fold[i] = f;
      bare[i] = t.kind === 'word' ? bareWord(f) : f;
      if (t.kind === 'punct' && /[.!?؟؛:\n]/.test(t.text)) isBoundary[i] = 1;
    }
    const sentenceOf = new Int32Array(n).fill(-1);
    doc.sentences.forEach((s, k) => {
      for (let i = s.tokenStart; i < s.tokenEnd && i < n; i++) sentenceOf[i] = k;
    });
    base = { fold, bare, sentenceOf, isBoundary };
    tokenCache.set(doc.tokens, base);
  }
  let ent = entityCache.get(doc.entities);
  if (!ent || ent.tokens !== doc.tokens) {
    const entityAt = new Int32Array(doc.tokens.length).fill(-1);
    doc.entities.forEach((e, k) => {
      for (let i = e.tokenStart; i < e.tokenEnd && i < entityAt.length; i++) if (entityAt[i] === -1) entityAt[i] = k;
    });
    ent = { tokens: doc.tokens, entityAt };
    entityCache.set(doc.entities, ent);
  }
  return { ...base, entityAt: ent.entityAt };
}
