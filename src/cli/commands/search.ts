import type { Command } from 'commander';
import { UserError } from '../errors.js';

// Placeholder: the real command replaces this file.
export function registerSearch(program: Command): void {
  program
    .command('search')
    .description('(not available yet)')
    .allowUnknownOption()
    .action(() => {
      throw new UserError('search: not available yet');
    });
}
