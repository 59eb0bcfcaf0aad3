import type { Command } from 'commander';
import { UserError } from '../errors.js';

// Placeholder: the real command replaces this file.
export function registerEntities(program: Command): void {
  program
    .command('entities')
    .description('(not available yet)')
    .allowUnknownOption()
    .action(() => {
      throw new UserError('entities: not available yet');
    });
}
