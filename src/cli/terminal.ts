/**
 * Article text is untrusted: printed to a terminal, an ESC sequence in it could retitle the window, clear the
 * screen or fake a link. Control characters other than tab and line breaks are shown as visible symbols
 * (U+2400 Control Pictures: ESC → ␛), one UTF-16 unit each, so highlight offsets still hold.
 */
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|\r(?!\n)/g;

export function terminalSafe(s: string): string {
  CONTROL.lastIndex = 0;
  if (!CONTROL.test(s)) return s;
  return s.replace(CONTROL, (c) => {
    const n = c.charCodeAt(0);
    return n < 0x20 ? String.fromCharCode(0x2400 + n) : n === 0x7f ? '\u2421' : '\ufffd';
  });
}
