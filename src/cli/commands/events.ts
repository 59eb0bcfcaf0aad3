import type { Command } from 'commander';
import { UserError } from '../errors.js';

// Placeholder: the real command replaces this file.
export function registerEvents(program: Command): void {
  program
    .command('events')
    .description('(not available yet)')
    .allowUnknownOption()
    .action(() => {
      throw new UserError('events: not available yet');
    });
}
