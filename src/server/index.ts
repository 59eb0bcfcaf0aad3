/** `marsad serve`: the HTTP API and web UI. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../resources.js';

export { buildServer, type ServerOptions } from './app.js';
export { loadDemoIfEmpty, demoInputs, DEMO_DIR } from './demo.js';
export { buildOpenApi } from './openapi.js';
export { LIMITS } from './schemas.js';

/** Where `npm run build` puts the web UI (web/vite.config.ts → dist/web). */
export const WEB_ROOT = join(PACKAGE_ROOT, 'dist', 'web');

export function webRootIfBuilt(): string | null {
  return existsSync(join(WEB_ROOT, 'index.html')) ? WEB_ROOT : null;
}
