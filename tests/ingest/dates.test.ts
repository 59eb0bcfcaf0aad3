/** Publication dates in the forms inputs write them: tests/ingest/published-dates.tsv. */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readTsvRows } from '../support/tsv.js';
import { readPublished } from '../../src/ingest/dates.js';

const rows = readTsvRows(join(__dirname, 'published-dates.tsv'), 'value');

describe('publication dates', () => {
  it.each(rows.map((r) => [r.cells[0], r.cells[1] ?? '', r.line] as const))('%s → %s (line %i)', (value, stored) => {
    expect(readPublished(value)).toBe(stored || null);
  });
});
