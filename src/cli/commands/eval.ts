import type { Command } from 'commander';
import { UserError } from '../errors.js';

// Placeholder: the real command replaces this file.
export function registerEval(program: Command): void {
  program
    .command('eval')
    .description('(not available yet)')
    .allowUnknownOption()
    .action(() => {
      throw new UserError('eval: not available yet');
    });
}
