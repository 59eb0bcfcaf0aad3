#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../resources.js';
import { oneLine } from './errors.js';
import { terminalSafe } from './terminal.js';
import { COMMANDS } from './commands/index.js';

const { version } = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };

export function buildProgram(): Command {
  const program = new Command('marsad')
    .description('Marsad (مرصد): reads Arabic news for who, what, when and how much; stores, searches and serves it.')
    .version(version, '-v, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  for (const register of COMMANDS) register(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      // commander already printed help / version / its own one-line error
      return err.exitCode;
    }
    // the line may quote the user's input or a file's content (an id, a query, a feed's title): no ESC reaches the terminal
    process.stderr.write(`marsad: ${terminalSafe(oneLine(err))}\n`);
    if (process.env.MARSAD_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
    return (err as { exitCode?: number }).exitCode ?? 1;
  }
}

// EPIPE on stdout (e.g. `marsad analyze x | head`) is a normal end, not an error; any other failure to write it
// (a full disk: ENOSPC) lost output, and says so (it was swallowed here, with exit status 0)
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  process.stderr.write(`marsad: standard output: cannot write (${e.code === 'ENOSPC' ? 'no space left on the device' : oneLine(e)})\n`);
  process.exit(1);
});

let settled = false;
main(process.argv).then(
  (code) => {
    settled = true;
    process.exitCode = code;
  },
  (err) => {
    settled = true;
    process.stderr.write(`marsad: ${terminalSafe(oneLine(err))}\n`);
    process.exitCode = 1;
  },
);
// nothing left to wait for, and the command never finished (a stream that failed and never closed): the work is
// not done, and that must not end with exit status 0
process.on('beforeExit', () => {
  if (settled) return;
  settled = true;
  process.stderr.write('marsad: stopped before the command finished (an operation never completed)\n');
  process.exitCode = 1;
});
