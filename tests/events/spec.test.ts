import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRow, readSpec } from './spec-format.js';
import { runLinkEvents } from './helpers.js';

const rows = readSpec(readFileSync(join(__dirname, 'spec.tsv'), 'utf8'));

describe('event and role specs (hand-annotated sentences)', () => {
  it('has at least 150 rows with unique ids', () => {
    expect(rows.length).toBeGreaterThanOrEqual(150);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  });
  for (const row of rows) {
    it(`${row.id}: ${row.sentence.replace(/\[(?:PER|ORG|LOC|MISC) ([^\]]+)\]|\{([^|}]+)\|[^}]+\}|<([^|>]+)\|[^>]+>/g, '$1$2$3').slice(0, 70)}`, () => {
      expect(checkRow(row, runLinkEvents(row.sentence))).toEqual([]);
    });
  }
});
