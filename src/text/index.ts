import type { Stage } from '../doc.js';

// Placeholder until the text layer lands.
export const textStage: Stage = (doc) => doc;
