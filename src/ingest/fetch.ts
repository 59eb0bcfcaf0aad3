/** Fetching URLs for ingestion: a timeout, a size cap, redirects followed, one clear error line on failure. */

export const MAX_FETCH_BYTES = 20 * 1024 * 1024;

/** What the network error codes a user meets most mean, in words. */
const NET_ERRORS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'no such host',
  EAI_AGAIN: 'host name lookup failed',
  ECONNRESET: 'the connection was reset',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  UND_ERR_SOCKET: 'the connection broke',
  UND_ERR_HEADERS_TIMEOUT: 'no answer in time',
  CERT_HAS_EXPIRED: 'its certificate has expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its certificate is self-signed',
  ERR_TLS_CERT_ALTNAME_INVALID: 'its certificate is for another host',
};

const megabytes = (n: number): string => String(Math.round(n / 1048576));

export interface Fetched {
  url: string;
  bytes: Uint8Array;
  contentType: string | null;
}

export async function fetchUrl(url: string, timeoutMs = 15000, signal?: AbortSignal): Promise<Fetched> {
  let res: Response;
  const timeout = AbortSignal.timeout(timeoutMs);
  const sig = signal ? AbortSignal.any([signal, timeout]) : timeout;
  try {
    res = await fetch(url, {
      signal: sig,
      redirect: 'follow',
      // identity: Node's fetch inflates a gzip body leniently, so a compressed page cut mid-stream would come out
      // short and whole-looking; uncompressed, a body cut short fails on its length or its chunking
      headers: { 'accept-encoding': 'identity', 'user-agent': 'Marsad/0.1 (news ingestion)', accept: 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5' },
    });
  } catch (err) {
    const e = err as Error & { cause?: { code?: string; message?: string } };
    if (e.name === 'TimeoutError' || timeout.aborted) throw new Error(`timed out after ${Math.round(timeoutMs / 1000)} s`);
    const code = e.cause?.code;
    throw new Error(code && NET_ERRORS[code] ? `${NET_ERRORS[code]} (${code})` : (code ?? e.cause?.message ?? e.message));
  }
  if (!res.ok) throw new Error(`HTTP ${res.status}${res.statusText ? ' ' + res.statusText : ''}`);
  const len = Number(res.headers.get('content-length') ?? 0);
  if (len > MAX_FETCH_BYTES) throw new Error(`too large (${megabytes(len)} MB; the limit is ${megabytes(MAX_FETCH_BYTES)} MB)`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (res.body) {
    const reader = res.body.getReader();
    for (;;) {
      let step: ReadableStreamReadResult<Uint8Array>;
      try {
        step = await reader.read();
      } catch (err) {
        if (timeout.aborted) throw new Error(`timed out after ${Math.round(timeoutMs / 1000)} s, ${size} bytes in`);
        if (signal?.aborted) throw new Error(`stopped after ${size} bytes`);
        const cause = (err as Error & { cause?: { message?: string } }).cause?.message;
        throw new Error(`the connection broke after ${size} bytes, before the whole page came${cause ? ` (${cause})` : ''}`);
      }
      const { done, value } = step;
      if (done) break;
      size += value.byteLength;
      if (size > MAX_FETCH_BYTES) {
        await reader.cancel();
        throw new Error(`too large (over the limit of ${megabytes(MAX_FETCH_BYTES)} MB)`);
      }
      chunks.push(value);
    }
  }
  const bytes = new Uint8Array(size);
  let o = 0;
  for (const c of chunks) (bytes.set(c, o), (o += c.byteLength));
  return { url: res.url || url, bytes, contentType: res.headers.get('content-type') };
}
