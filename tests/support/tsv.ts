import { readFileSync } from 'node:fs';

/** A data row of a spec table: its tab-separated cells and its 1-based line number (for failure messages). */
export interface TsvRow {
  cells: string[];
  line: number;
}

/** Rows of a spec table, skipping blank lines, `#` comments and the header row (first cell `header`). */
export function readTsvRows(file: string, header = 'text'): TsvRow[] {
  const rows: TsvRow[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim() || line.startsWith('#') || line.startsWith(header + '\t')) return;
      rows.push({ cells: line.split('\t'), line: i + 1 });
    });
  return rows;
}
