import type { Command } from 'commander';
import { UserError } from '../errors.js';

// Placeholder: the real command replaces this file.
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('(not available yet)')
    .allowUnknownOption()
    .action(() => {
      throw new UserError('serve: not available yet');
    });
}
