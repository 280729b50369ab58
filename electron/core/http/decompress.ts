// A compressed body read whatever its Content-Encoding, as far as it goes: gzip as browsers read it
// (./gzip.ts), deflate (zlib-wrapped or raw) and brotli by zlib. Any of them may stop before its
// end in an answer that came whole (a connection closed early on an answer whose length nothing
// declared, a proxy that passed on what it had): zlib's flush then gives what the bytes that came
// decode to, the document's start, and the body says it was cut short, for the caller to choose
// between that start and the error of a body cut short (CutBody). Broken data stays an error.
import zlib from 'node:zlib';
import { endsWithFlush, gunzipLenient } from './gzip';

/**
 * What becomes of a body that stops before its end (its compressed stream short, its connection
 * closed or reset, a stall; body.ts): a feed's sync reads what arrived,
 * as it reads any document cut short (its parse keeps the items that arrived whole and says the
 * rest is missing); anything else fails as a body cut short, as one that stops before its
 * Content-Length does (a page is tried again at the next sync rather than kept in half, a picture
 * or an icon is never kept broken).
 */
export type CutBody = 'read what arrived' | 'cut short';

export interface Decompressed {
  readonly body: Buffer;
  /** The compressed data stopped before their end: `body` is the start of what was sent. */
  readonly cutShort: boolean;
}

/**
 * Decompresses `bytes` sent with Content-Encoding `encoding` (gzip, x-gzip, deflate or br). Output
 * stops once it reaches maxOutputLength: a caller passes its cap plus one to tell "exactly the
 * cap" from "over it". zlib's own errors pass through (ERR_BUFFER_TOO_LARGE, Z_DATA_ERROR, ...).
 */
export function decompressLenient(bytes: Uint8Array, encoding: string, maxOutputLength: number): Decompressed {
  if (encoding !== 'deflate' && encoding !== 'br') return gunzipLenient(bytes, maxOutputLength);
  // "deflate" should be zlib-wrapped, but some servers send raw deflate; the zlib header tells them apart.
  const decompress = encoding === 'br' ? zlib.brotliDecompressSync : hasZlibHeader(bytes) ? zlib.inflateSync : zlib.inflateRawSync;
  try {
    return { body: decompress(bytes, { maxOutputLength }), cutShort: false };
  } catch (error) {
    // Z_BUF_ERROR: the data ended unfinished (brotli's decoder says so too).
    if ((error as { code?: unknown }).code !== 'Z_BUF_ERROR') throw error;
  }
  const finishFlush = encoding === 'br' ? zlib.constants.BROTLI_OPERATION_FLUSH : zlib.constants.Z_SYNC_FLUSH;
  // Deflate that stopped where the server flushed holds everything it compressed (as gzip.ts reads it).
  return { body: decompress(bytes, { maxOutputLength, finishFlush }), cutShort: encoding === 'br' || !endsWithFlush(bytes) };
}

export function hasZlibHeader(bytes: Uint8Array): boolean {
  const cmf = bytes[0];
  const flg = bytes[1];
  if (cmf === undefined || (cmf & 0x0f) !== 8) return false;
  return flg === undefined || ((cmf << 8) | flg) % 31 === 0;
}
