import type { Command } from 'commander';
import { analyze, isValidDate } from '../../pipeline/analyze.js';
import type { ArabicDoc } from '../../doc.js';
import { readTextInput } from '../input.js';
import { terminalSafe } from '../terminal.js';
import { UserError } from '../errors.js';
import { formatDocText, docToJson } from '../format.js';

export function registerAnalyze(program: Command): void {
  program
    .command('analyze')
    .description('analyze an Arabic text (a file, or - for stdin) and print its layers')
    .argument('[file]', 'text file to analyze, or - for standard input', '-')
    .option('-p, --published <date>', 'publication date (YYYY-MM-DD) that relative dates are resolved against')
    .option('-f, --format <format>', 'output format: json or text', 'json')
    .action((file: string, opts: { published?: string; format: string }) => {
      if (opts.format !== 'json' && opts.format !== 'text') throw new UserError(`--format must be json or text, not "${opts.format}"`);
      if (opts.published !== undefined && !isValidDate(opts.published)) {
        throw new UserError(`--published must be a date as YYYY-MM-DD, not "${opts.published}"`);
      }
      const { text } = readTextInput(file);
      const doc: ArabicDoc = analyze(text, { published: opts.published ?? null });
      process.stdout.write(opts.format === 'json' ? JSON.stringify(docToJson(doc), null, 2) + '\n' : terminalSafe(formatDocText(doc)));
    });
}
