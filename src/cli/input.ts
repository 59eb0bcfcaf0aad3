import { readFileSync, statSync } from 'node:fs';
import { UserError } from './errors.js';
import { firstInvalidUtf8, utf16Bom } from '../ingest/decode.js';

/**
 * `analyze` reads one document. Whole-article analysis keeps every layer in memory and prints every token, so a
 * single input far beyond any news article (the longest in the 31k-article corpus is well under 1 MB) is refused
 * with a clear line rather than left to exhaust memory; collections go through `marsad ingest`.
 */
export const MAX_INPUT_BYTES = 10 * 1024 * 1024;

/**
 * Reads a text input (a file path, or '-' / undefined for stdin) as UTF-8, refusing with one clear line
 * what is not text: a directory, a missing file, a binary file, invalid UTF-8, an empty input.
 */
export function readTextInput(file: string | undefined): { name: string; text: string } {
  const name = !file || file === '-' ? '<stdin>' : file;
  let buf: Buffer;
  try {
    if (name === '<stdin>') {
      buf = readFileSync(0);
      if (buf.length > MAX_INPUT_BYTES) throw new UserError(`${name}: too large for one document (${(buf.length / 1048576).toFixed(1)} MB; the limit is ${MAX_INPUT_BYTES / 1048576} MB)`);
    } else {
      const st = statSync(file!);
      if (st.isDirectory()) throw new UserError(`${name}: is a directory, not a file`);
      if (st.size > MAX_INPUT_BYTES) throw new UserError(`${name}: too large for one document (${(st.size / 1048576).toFixed(1)} MB; the limit is ${MAX_INPUT_BYTES / 1048576} MB — split it, or use marsad ingest for collections)`);
      buf = readFileSync(file!);
    }
  } catch (err) {
    if (err instanceof UserError) throw err;
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ENOENT') throw new UserError(`${name}: no such file`);
    if (e.code === 'EACCES') throw new UserError(`${name}: permission denied`);
    if (e.code === 'EISDIR') throw new UserError(`${name}: is a directory, not a file`);
    if (e.code === 'EAGAIN') throw new UserError(`${name}: no input on stdin`);
    throw new UserError(`${name}: cannot read (${e.message.split('\n')[0]})`);
  }
  return { name, text: decodeText(name, buf) };
}

/** UTF-8 decoding that names the first problem instead of silently inserting U+FFFD. */
export function decodeText(name: string, buf: Buffer): string {
  if (buf.length === 0) throw new UserError(`${name}: empty input`);
  // UTF-16 with its byte order mark (what some Windows editors save): text, not a binary file
  const utf16 = utf16Bom(buf);
  if (utf16) {
    const text = new TextDecoder(utf16).decode(buf.subarray(2));
    if (/[\u0000\ufffd]/.test(text)) throw new UserError(`${name}: looks like a binary file (a UTF-16 mark, but no UTF-16 text)`);
    if (!text.trim()) throw new UserError(`${name}: empty input (only whitespace)`);
    return text;
  }
  const probe = buf.subarray(0, 8192);
  if (probe.includes(0)) throw new UserError(`${name}: looks like a binary file (contains NUL bytes), not text`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    // the legacy Arabic encoding ingest also reads (windows-1256), when the text is Arabic in it; else the byte
    const legacy = arabicWindows1256(buf);
    if (legacy === null) throw new UserError(`${name}: not valid UTF-8 text (at byte ${firstInvalidUtf8(buf)})`);
    text = legacy;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!text.trim()) throw new UserError(`${name}: empty input (only whitespace)`);
  return text;
}

/** share of a text's letters that must be Arabic for bytes that are no UTF-8 to be read as windows-1256 */
const LEGACY_ARABIC_SHARE = 0.6;

/** The bytes read as windows-1256 when that gives mostly Arabic letters (a legacy Arabic text), else null. */
function arabicWindows1256(buf: Buffer): string | null {
  const text = new TextDecoder('windows-1256').decode(buf);
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const arabic = text.match(/[\u0621-\u064A]/g)?.length ?? 0;
  return letters > 0 && arabic / letters >= LEGACY_ARABIC_SHARE ? text : null;
}
