import type { Stage } from '../doc.js';

// Placeholder until this stage lands: adds nothing.
export const timeStage: Stage = (doc) => doc;
