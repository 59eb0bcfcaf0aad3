/**
 * A problem with the user's input or environment. The CLI prints its message as one line
 * (prefixed with "marsad: ") and exits non-zero — never a stack trace.
 */
export class UserError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
    this.name = 'UserError';
  }
}

/** One line describing any error, for the CLI's top-level handler. */
export function oneLine(err: unknown): string {
  if (err instanceof UserError) return err.message;
  const e = err as NodeJS.ErrnoException;
  if (e && typeof e === 'object' && 'code' in e && typeof e.code === 'string') {
    const where = e.path ? `${e.path}: ` : '';
    switch (e.code) {
      case 'ENOENT': return `${where}no such file or directory`;
      case 'EISDIR': return `${where}is a directory, not a file`;
      case 'EACCES': return `${where}permission denied`;
      case 'EADDRINUSE': return `address already in use (${(e as { address?: string }).address ?? ''}:${(e as { port?: number }).port ?? ''})`;
    }
  }
  const msg = err instanceof Error ? err.message : String(err);
  return msg.split('\n')[0];
}
