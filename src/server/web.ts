/**
 * Serves the built web UI (Vite output in dist/web) and falls back to index.html for the UI's own routes
 * (/, /article/…, /entity/…, /entities, /analyze) so links can be shared and reloaded. Unknown /api paths stay JSON 404s.
 */
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** UI routes the single-page app handles itself. */
const UI_ROUTE = /^\/(?:article\/[^/]+|entity\/[^/]+|entities|analyze|search)?\/?$/;

/**
 * `methodsFor(path)`: the methods an API path answers, so that a known path asked with another method is a 405
 * (with `Allow`), not a 404.
 */
export async function registerWebUi(app: FastifyInstance, webRoot: string | null, methodsFor: (path: string) => string[] = () => []): Promise<void> {
  const indexFile = webRoot ? join(webRoot, 'index.html') : null;
  const hasUi = indexFile !== null && existsSync(indexFile);
  if (hasUi) {
    // Vite puts every asset under assets/ with a content hash in its name: cacheable for good
    await app.register(fastifyStatic, { root: join(webRoot!, 'assets'), prefix: '/assets/', index: false, wildcard: true, immutable: true, maxAge: '365d' });
  }
  // read per request (it is tiny): a rebuild of the UI under a running server then just works
  const indexHtml = () => (hasUi ? readFileSync(indexFile!, 'utf8') : null);

  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0];
    if ((req.method === 'GET' || req.method === 'HEAD') && !path.startsWith('/api/') && UI_ROUTE.test(path)) {
      const html = indexHtml();
      if (html) return reply.type('text/html; charset=utf-8').header('Cache-Control', 'no-cache').send(html);
      return reply
        .status(503)
        .type('text/plain; charset=utf-8')
        .send('The web UI is not built: run `npm run build` (the API is available under /api).\n');
    }
    const allowed = methodsFor(path);
    if (allowed.length && !allowed.includes(req.method)) {
      const allow = [...new Set([...allowed, ...(allowed.includes('GET') ? ['HEAD'] : [])])].join(', ');
      return reply
        .status(405)
        .header('Allow', allow)
        .send({ statusCode: 405, error: 'Method Not Allowed', message: `${req.method} ${path} is not allowed: use ${allow}` });
    }
    // a browser asking for a page the UI does not have gets the UI's own «page not found», with the status 404
    const html = req.method === 'GET' && !path.startsWith('/api/') && /text\/html/.test(req.headers.accept ?? '') ? indexHtml() : null;
    if (html) return reply.status(404).type('text/html; charset=utf-8').header('Cache-Control', 'no-cache').send(html);
    return reply.status(404).send({ statusCode: 404, error: 'Not Found', message: `no route ${req.method} ${path}` });
  });
}
