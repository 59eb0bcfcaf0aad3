/**
 * Builds the OpenAPI 3.0 document served at /api/openapi.json from the very schemas Fastify validates with,
 * so the documentation cannot drift from the behaviour.
 */
export interface RouteDoc {
  method: string | string[];
  url: string;
  schema?: {
    summary?: string;
    tags?: string[];
    hide?: boolean;
    security?: unknown[];
    params?: { properties?: Record<string, unknown>; required?: string[] };
    querystring?: { properties?: Record<string, Record<string, unknown>>; required?: string[] };
    body?: unknown;
    response?: Record<string, unknown>;
  };
}

const REASON: Record<string, string> = {
  '200': 'OK',
  '400': 'Invalid input (one line naming the field)',
  '401': 'Missing or wrong token',
  '403': 'Write endpoints disabled (no MARSAD_TOKEN configured)',
  '404': 'Not found',
  '413': 'Request body too large',
};

export function buildOpenApi(routes: RouteDoc[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const s = r.schema ?? {};
    if (s.hide) continue;
    const path = r.url.replace(/:([A-Za-z_]\w*)/g, '{$1}');
    for (const method of [r.method].flat()) {
      if (method === 'HEAD') continue;
      const parameters: unknown[] = [];
      for (const [name, schema] of Object.entries(s.params?.properties ?? {})) parameters.push({ name, in: 'path', required: true, schema });
      for (const [name, schema] of Object.entries(s.querystring?.properties ?? {})) {
        const { description, ...rest } = schema;
        parameters.push({ name, in: 'query', required: s.querystring?.required?.includes(name) ?? false, description, schema: rest });
      }
      const responses: Record<string, unknown> = {};
      for (const [code, schema] of Object.entries(s.response ?? { 200: {} })) {
        responses[code] = { description: REASON[code] ?? 'response', content: { 'application/json': { schema } } };
      }
      (paths[path] ??= {})[method.toLowerCase()] = {
        summary: s.summary,
        tags: s.tags,
        ...(s.security ? { security: s.security } : {}),
        ...(parameters.length ? { parameters } : {}),
        ...(s.body ? { requestBody: { required: true, content: { 'application/json': { schema: s.body } } } } : {}),
        responses,
      };
    }
  }
  return {
    openapi: '3.0.3',
    info: {
      title: 'Marsad API',
      version: '0.1.0',
      description: 'Arabic news intelligence: search, articles with their analysis layers, entities, time line, analysis.',
    },
    servers: [{ url: '/' }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'the MARSAD_TOKEN value' } } },
    paths,
  };
}
