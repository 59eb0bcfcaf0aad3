import type { Command } from 'commander';
import { UserError } from '../errors.js';

// Placeholder: the real command replaces this file.
export function registerShow(program: Command): void {
  program
    .command('show')
    .description('(not available yet)')
    .allowUnknownOption()
    .action(() => {
      throw new UserError('show: not available yet');
    });
}
