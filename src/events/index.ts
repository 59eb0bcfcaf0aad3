import type { Stage } from '../doc.js';

// Placeholder until this stage lands: adds nothing.
export const eventStage: Stage = (doc) => doc;
