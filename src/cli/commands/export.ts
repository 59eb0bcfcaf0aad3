import type { Command } from 'commander';
import { UserError } from '../errors.js';

// Placeholder: the real command replaces this file.
export function registerExport(program: Command): void {
  program
    .command('export')
    .description('(not available yet)')
    .allowUnknownOption()
    .action(() => {
      throw new UserError('export: not available yet');
    });
}
