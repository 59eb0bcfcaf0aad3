/**
 * JSON bodies are checked WITHOUT type coercion: query strings need it ("10" → 10), but a body saying
 * {"text": 42} is a client bug that must get a 400, not be analyzed as "42". Fastify shares one ajv (with
 * coercion) across request parts, so this walks the raw body against the route's schema first and names the
 * first value whose JSON type the schema does not allow.
 */
type Schema = {
  type?: string | string[];
  anyOf?: Schema[];
  properties?: Record<string, Schema>;
  items?: Schema;
};

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function allowedTypes(schema: Schema): string[] | null {
  if (schema.anyOf) {
    const all = schema.anyOf.map(allowedTypes);
    return all.some((t) => t === null) ? null : all.flat() as string[];
  }
  if (schema.type === undefined) return null;
  return [schema.type].flat();
}

/** "body/articles/0/published must be string or null", or null when every value has an allowed type. */
export function firstTypeMismatch(schema: Schema, value: unknown, path = 'body'): string | null {
  const allowed = allowedTypes(schema);
  const actual = jsonType(value);
  if (allowed && !allowed.includes(actual) && !(actual === 'integer' && allowed.includes('number'))) {
    return `${path} must be ${allowed.join(' or ')}`;
  }
  const branch = schema.anyOf?.find((s) => (allowedTypes(s) ?? [actual]).includes(actual)) ?? schema;
  if (actual === 'object' && branch.properties) {
    for (const [key, sub] of Object.entries(branch.properties)) {
      if (key in (value as object)) {
        const found = firstTypeMismatch(sub, (value as Record<string, unknown>)[key], `${path}/${key}`);
        if (found) return found;
      }
    }
  }
  if (actual === 'array' && branch.items) {
    const list = value as unknown[];
    for (let i = 0; i < list.length; i++) {
      const found = firstTypeMismatch(branch.items, list[i], `${path}/${i}`);
      if (found) return found;
    }
  }
  return null;
}
