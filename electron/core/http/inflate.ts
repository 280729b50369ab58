// A body kept compressed by the client (FetchRequest.keepEncoded) inflated in one call where it is
// read: a parse worker. Streamed through zlib as it arrives, a gzipped 140 KB page cost 1.0 ms of
// CPU in pieces of 16 KB, each a round through the stream machinery and the main thread's event
// loop; in one call, 0.35 ms on the worker's thread. The cap is the same as the client's: on the
// inflated bytes, stopping as soon as it is passed. Gzip is read as browsers read it (./gzip.ts),
// and any encoding cut short as far as it goes (./decompress.ts).
import { cutShort, tooLarge, undecodable } from './body';
import { decompressLenient, type CutBody } from './decompress';
import { HttpError } from './errors';
import { startsAsGzip } from './gzip';

/** Throws the client's own errors: too large (over maxBytes inflated), not decodable, or cut short (a body that stopped early, as `cut` says). */
export function inflate(bytes: Uint8Array, encoding: string, maxBytes: number, url: string, cut: CutBody = 'cut short'): Buffer {
  let inflated: Buffer;
  try {
    // One byte over the cap tells a body of exactly maxBytes from a larger one.
    const decompressed = decompressLenient(bytes, encoding, maxBytes + 1);
    if (decompressed.cutShort && cut === 'cut short') throw cutShort(url);
    inflated = decompressed.body;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(url, maxBytes);
    if (error instanceof HttpError) throw error;
    throw undecodable(url, encoding);
  }
  if (inflated.length > maxBytes) throw tooLarge(url, maxBytes);
  return inflated;
}

/**
 * How many gzip layers a body may still hold once its Content-Encoding is read: a feed.xml.gz
 * link, a CDN that stores the gzipped file and serves it with no Content-Encoding, a server that
 * gzips what its application gzipped already. No real body holds more; past this it is refused.
 */
const UNDECLARED_GZIP_LAYERS = 3;

/**
 * The body with the gzip its headers did not declare taken off, layer by layer, each under the same
 * cap as the client's: text never starts with gzip's magic bytes (1f 8b 08), so a body that does
 * is no feed or page as it stands; browsers and feed readers that meet one inflate it. A body that
 * is not gzip comes back as it is. Throws the client's own errors (too large, not decodable).
 */
export function withoutUndeclaredGzip(bytes: Uint8Array, maxBytes: number, url: string, cut: CutBody): Buffer {
  let body = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let layer = 0; body.length >= 3 && startsAsGzip(body); layer++) {
    if (layer === UNDECLARED_GZIP_LAYERS) throw new HttpError('network', `the answer was gzip-compressed more than ${layer} times over, which no real page or feed is; it was not read`, url);
    body = inflate(body, 'gzip', maxBytes, url, cut);
  }
  return body;
}
