/**
 * Bytes → text with the page's own encoding: BOM, then the HTTP charset, then <meta charset> / the XML
 * declaration, else UTF-8 — and when strict UTF-8 fails, windows-1256 (legacy Arabic pages still use it).
 * Node ships full ICU, so TextDecoder knows windows-1256, iso-8859-6 and friends.
 */
import { gunzipSync } from 'node:zlib';

const LABEL_ALIASES: Record<string, string> = {
  'cp1256': 'windows-1256',
  'win-1256': 'windows-1256',
  'arabic': 'iso-8859-6',
};

function decoderFor(label: string | null | undefined): TextDecoder | null {
  if (!label) return null;
  const l = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  try {
    return new TextDecoder(LABEL_ALIASES[l] ?? l);
  } catch {
    return null;
  }
}

/** charset=… of a Content-Type header value. */
export function charsetOf(contentType: string | null | undefined): string | null {
  const m = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '');
  return m ? m[1] : null;
}

/** The declared encoding in the first bytes of an HTML or XML document, if any. */
export function sniffDeclaredCharset(buf: Uint8Array): string | null {
  const head = Buffer.from(buf.subarray(0, 4096)).toString('latin1');
  const xml = /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  if (xml) return xml[1];
  const meta = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  if (meta) return meta[1];
  return null;
}

/** The UTF-16 encoding a byte order mark at the start names, or null. */
export function utf16Bom(buf: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (buf.length < 2) return null;
  return buf[0] === 0xff && buf[1] === 0xfe ? 'utf-16le' : buf[0] === 0xfe && buf[1] === 0xff ? 'utf-16be' : null;
}

export function isGzip(buf: Uint8Array): boolean {
  return buf.length > 2 && buf[0] === 0x1f && buf[1] === 0x8b;
}

export function gunzipIfNeeded(buf: Uint8Array): Uint8Array {
  return isGzip(buf) ? gunzipSync(buf) : buf;
}

export interface Decoded {
  text: string;
  encoding: string;
  /** UTF-8 byte sequences that were invalid and were replaced with U+FFFD */
  invalid?: number;
}

/** At most this share of a text's bytes may be invalid UTF-8 for an undeclared text to still be read as UTF-8. */
const MAX_INVALID_SHARE = 0.001;

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) n++;
  return n;
}

export function decodeBytes(buf: Uint8Array, httpContentType?: string | null): Decoded {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(buf.subarray(3)), encoding: 'utf-8' };
  }
  const utf16 = utf16Bom(buf);
  if (utf16) return { text: new TextDecoder(utf16).decode(buf.subarray(2)), encoding: utf16 };
  const declared = charsetOf(httpContentType) ?? sniffDeclaredCharset(buf);
  const dec = decoderFor(declared);
  if (dec && dec.encoding !== 'utf-8') return { text: dec.decode(buf), encoding: dec.encoding };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8' };
  } catch {
    // a stray bad byte in a UTF-8 text (declared so, or nearly all valid) is replaced and reported, not a reason
    // to read the whole text as windows-1256 (which turns every Arabic letter into mojibake)
    const lenient = new TextDecoder('utf-8').decode(buf);
    const invalid = countReplacements(lenient);
    if (dec || invalid <= Math.max(3, buf.length * MAX_INVALID_SHARE)) return { text: lenient, encoding: 'utf-8', invalid: Math.max(1, invalid) };
    // undeclared and not UTF-8: the likeliest legacy encoding for Arabic news
    return { text: new TextDecoder('windows-1256').decode(buf), encoding: 'windows-1256' };
  }
}

/**
 * Offset of the first byte that breaks UTF-8, for error messages (the bytes' length when none does): the longest
 * prefix a strict decoder accepts, a sequence cut at the end counting as valid so far.
 */
export function firstInvalidUtf8(buf: Uint8Array): number {
  let lo = 0;
  let hi = buf.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  return lo;
}
