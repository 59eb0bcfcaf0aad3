import type { Command } from 'commander';
import { UserError } from '../errors.js';

// Placeholder: the real command replaces this file.
export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('(not available yet)')
    .allowUnknownOption()
    .action(() => {
      throw new UserError('ingest: not available yet');
    });
}
