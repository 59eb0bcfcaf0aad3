#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../resources.js';
import { oneLine } from './errors.js';
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
    process.stderr.write(`marsad: ${oneLine(err)}\n`);
    if (process.env.MARSAD_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
    return (err as { exitCode?: number }).exitCode ?? 1;
  }
}

// EPIPE on stdout (e.g. `marsad analyze x | head`) is a normal end, not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
});

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`marsad: ${oneLine(err)}\n`);
    process.exitCode = 1;
  },
);
