import { sentenceFeatures } from '../../src/ner/features.js';
import { loadLexicon } from '../../src/ner/lexicon.js';
import { labelIndex, type TrainingSentence } from '../../src/ner/train.js';

/** A toy training corpus written for the tests: sentence, BIO tags. */
export const TOY: Array<[string, string]> = [
  ['التقى الوزير سامر حداد في مدينة طرطوس', 'O O B-PER I-PER O O B-LOC'],
  ['وصل الوزير نبيل كرم الى مدينة حماة', 'O O B-PER I-PER O O B-LOC'],
  ['قالت شركة النور للطاقة ان الأرباح ارتفعت', 'O B-ORG I-ORG I-ORG O O O'],
  ['أعلنت شركة الفجر للنقل عن خط جديد', 'O B-ORG I-ORG I-ORG O O O'],
  ['سافر الوزير سامر حداد الى طرطوس', 'O O B-PER I-PER O B-LOC'],
];

/** TOY as training sentences (features and gold label indices). */
export function toyData(): TrainingSentence[] {
  const lex = loadLexicon();
  return TOY.map(([s, t]) => ({
    features: sentenceFeatures(lex, s.split(' ')),
    gold: Int32Array.from(t.split(' ').map(labelIndex)),
  }));
}
