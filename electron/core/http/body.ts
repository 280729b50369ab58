// Reads a response body through its Content-Encoding, counting DECOMPRESSED bytes against the
// cap as they come out, so a gzip bomb or an endless chunked body fails at the cap instead of
// being buffered whole. A body zlib's streaming refuses (gzip as browsers take it, ./gzip.ts, or
// any encoding cut short) is read again at the body's end (./decompress.ts), which takes what zlib
// had already handed over as its start.
import type { IncomingMessage } from 'node:http';
import type { Transform } from 'node:stream';
import zlib from 'node:zlib';
import { HttpError, sizeLabel } from './errors';
import { decompressLenient, hasZlibHeader, type CutBody, type Decompressed } from './decompress';
import { startsAsGzip } from './gzip';

export interface BodyReader {
  /** Stops reading and frees the decompressor; `done` is not called afterwards. */
  destroy(): void;
  /** The body stopped before its end (`why`: it stalled, or its connection was reset): it ends
   *  with what arrived when the reader was told to read that (CutBody), else with `why`. */
  stopped(why: Error): void;
}

/**
 * Where a body goes instead of into memory, chunk by chunk as it is decompressed (an image written
 * to its file as it arrives). Only a 2xx response's body is given to it, and a body cut short
 * fails the fetch: the sink's owner drops what it took.
 */
export interface BodySink {
  /** Takes the next chunk. A promise makes the reader wait for it before reading on, and ends the
   *  fetch with its error if it rejects; null reads on at once. */
  write(chunk: Buffer): Promise<void> | null;
}

/** The error is an HttpError, or a sink's own (a full disk). `stopped`: the head's judge ended the
 *  body after its first bytes, which are `body` (as they came on the wire). `cut`: the body is
 *  what arrived of one that stopped before its end (CutBody 'read what arrived'). */
export type BodyDone = (error: Error | null, body: Buffer, wireBytes: number, stopped?: boolean, cut?: boolean) => void;

/** The first bytes of a body, gathered before it is read on, for a judge of what it is. */
export const HEAD_BYTES = 1024;

/** Told the first HEAD_BYTES of the body as they came (fewer when it is shorter): 'read on', or
 *  'stop' to end it there, or an error to fail it with. */
export type HeadJudge = (first: Buffer) => 'read on' | 'stop' | Error;

export function tooLarge(url: string, maxBytes: number): HttpError {
  return new HttpError('too-large', `too large (over ${sizeLabel(maxBytes)})`, url);
}

/** How a Content-Encoding is named to a person. */
const ENCODING_NAMES: Readonly<Record<string, string>> = { gzip: 'gzip', 'x-gzip': 'gzip', deflate: 'deflate', br: 'Brotli' };

/** A compressed body that does not inflate: most often a server that labels plain bytes `gzip`
 *  (compressed twice by a misconfigured proxy, or not at all). Chromium refuses it
 *  (ERR_CONTENT_DECODING_FAILED) and so do we, saying what the server did rather than what failed. */
export function undecodable(url: string, encoding: string): HttpError {
  const name = ENCODING_NAMES[encoding] ?? encoding;
  return new HttpError('network', `the server said its answer was ${name}-compressed, but it could not be decompressed (a browser refuses it too)`, url);
}

const cutShortBodies = new WeakSet<HttpError>();
const CUT_SHORT = 'connection closed before the response was complete';

/**
 * A body that stopped before its end. No system error code: the host did answer, so this is no
 * sign of a dead host nor a hiccup to try again in this sync (a retry would add a second body to a
 * sink's first). A later sync may well get it whole: isCutShort tells it apart for that.
 */
export function cutShort(url: string): HttpError {
  const error = new HttpError('network', CUT_SHORT, url);
  cutShortBodies.add(error);
  return error;
}

/** Whether the error is a body cut short: the client's own, or one a parse worker found inflating
 *  a page (inflate.ts), which comes back as its name and message only. */
export function isCutShort(error: unknown): boolean {
  if (error instanceof HttpError) return cutShortBodies.has(error);
  return error instanceof Error && error.name === 'HttpError' && error.message === CUT_SHORT;
}

// Anything else ('identity', or an encoding we never asked for) is handed over as it came.
const KNOWN_ENCODINGS = new Set(['gzip', 'x-gzip', 'deflate', 'br']);

/** The response's Content-Encoding when it is one we decode, else null. A list is read as
 *  browsers read it: "identity" in it is no coding ("gzip, identity", from a proxy that added its
 *  own word), and one coding named twice ("gzip, gzip": a server and a proxy both compressed) is
 *  its outer layer, the inner one being a document's undeclared gzip (inflate.ts). */
export function knownEncoding(res: IncomingMessage): string | null {
  const encoding = (res.headers['content-encoding'] ?? '').trim().toLowerCase();
  if (KNOWN_ENCODINGS.has(encoding)) return encoding;
  if (!encoding.includes(',')) return null;
  const codings = new Set(encoding.split(',').map((coding) => coding.trim()).filter((coding) => coding !== '' && coding !== 'identity'));
  const [only] = codings;
  return codings.size === 1 && KNOWN_ENCODINGS.has(only!) ? only! : null;
}

/**
 * `keepEncoded`: a compressed body is collected as it came, for whoever takes it to inflate
 * (./inflate.ts, in a worker); maxBytes then caps the compressed bytes, and the inflating caps
 * the rest. `cutBody`: what becomes of a body that stops before its end (./decompress.ts): a
 * compressed one whose stream ends short, one whose connection closes or resets, one that stalls.
 */
export function readBody(
  res: IncomingMessage, url: string, maxBytes: number, sink: BodySink | null, done: BodyDone, keepEncoded = false, judge: HeadJudge | null = null, cutBody: CutBody = 'cut short',
): BodyReader {
  const encoding = knownEncoding(res) ?? '';
  const compressed = encoding !== '' && !keepEncoded;
  // The body as it came, for reading again should zlib refuse it: no more than the compressed
  // bytes, which for a real compressed body are fewer than the inflated ones the cap already allows.
  const kept: Buffer[] | null = compressed ? [] : null;
  let keptBytes = 0;
  /** zlib refused the body: the whole of it is read again once it has all come. */
  let rereading = false;
  let wireEnded = false;
  const chunks: Buffer[] = [];
  let size = 0;
  let wireBytes = 0;
  let decoder: Transform | null = null;
  let finished = false;
  /** The sink's write the reader waits for, if any: the body ends only once it is done. */
  let sinking: Promise<void> | null = null;
  /** The body is what arrived of one that stopped short. */
  let cut = false;

  const finish = (error: Error | null): void => {
    if (finished) return;
    finished = true;
    if (error) destroy();
    done(error, error ? Buffer.alloc(0) : Buffer.concat(chunks, size), wireBytes, false, cut);
  };
  const destroy = (): void => {
    finished = true;
    res.destroy();
    decoder?.destroy();
  };
  const take = (chunk: Buffer): void => {
    if (finished) return;
    size += chunk.length;
    if (size > maxBytes) finish(tooLarge(url, maxBytes));
    else if (sink) toSink(sink, chunk);
    else chunks.push(chunk);
  };
  const toSink = (target: BodySink, chunk: Buffer): void => {
    const wait = target.write(chunk);
    if (!wait) return;
    const source = decoder ?? res;
    source.pause();
    const current = wait.then(
      () => {
        if (sinking === current) sinking = null;
        if (!finished) source.resume();
      },
      (error: unknown) => finish(error instanceof Error ? error : new Error(String(error))),
    );
    sinking = current;
  };
  const ended = (): void => {
    if (sinking) void sinking.then(() => finish(null));
    else finish(null);
  };
  /** The wire stopped before the body's end: what arrived is the body, when that is asked for
   *  and something arrived; a compressed body's is read leniently from its bytes, as at its end.
   *  A compressed body whose stream came to its own end came whole, whatever Content-Length was
   *  promised (one counted before compressing, the connection closed after the last byte, as
   *  browsers take it): it is no body cut short, whichever way cut bodies go. */
  const stopped = (why: Error): void => {
    if (finished) return;
    if (sink !== null || wireBytes === 0) return finish(why);
    // A body shorter than the judge's first bytes is judged on what came, as at its end.
    if (held !== null) judgeHead();
    if (finished) return;
    const whole = encoding !== '' && cameWhole(keepEncoded ? Buffer.concat(chunks, size) : Buffer.concat(kept ?? [], keptBytes), encoding, maxBytes);
    if (keepEncoded) {
      finish(whole ? null : why);
      res.destroy();
      return;
    }
    if (!whole && cutBody !== 'read what arrived') return finish(why);
    if (!whole) cut = true;
    if (compressed) {
      rereading = true;
      decoder?.destroy();
      decoder = null;
      reread();
    } else {
      finish(null);
    }
    res.destroy();
  };
  const broken = (): void => stopped(cutShort(url));
  const refused = (error: Error): void => {
    // Gzip is read again as browsers read it (./gzip.ts), unless it does not even start as gzip;
    // deflate and brotli only when they ended unfinished (Z_BUF_ERROR), never when broken.
    const gzip = encoding === 'gzip' || encoding === 'x-gzip';
    if (!kept?.[0] || (gzip ? !startsAsGzip(kept[0]) : (error as { code?: unknown }).code !== 'Z_BUF_ERROR')) return finish(undecodable(url, encoding));
    rereading = true;
    res.resume(); // it may wait for a 'drain' the failed decoder will never send
    if (wireEnded) reread();
  };
  const reread = (): void => {
    let decompressed: Decompressed;
    try {
      decompressed = decompressLenient(Buffer.concat(kept ?? [], keptBytes), encoding, maxBytes + 1);
    } catch (error) {
      return finish((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE' ? tooLarge(url, maxBytes) : undecodable(url, encoding));
    }
    if (decompressed.cutShort && cutBody === 'cut short') return finish(cutShort(url));
    if (decompressed.cutShort) cut = true;
    take(decompressed.body.subarray(size));
    if (!finished) ended();
  };

  /** The first chunks, held until the judge has seen them (null: judged, or no judge). */
  let held: Buffer[] | null = judge ? [] : null;
  let heldBytes = 0;
  const judgeHead = (): void => {
    const first = Buffer.concat(held!, heldBytes);
    held = null;
    const verdict = judge!(first);
    if (verdict instanceof Error) return finish(verdict);
    if (verdict === 'stop') {
      destroy();
      return done(null, first, wireBytes, true);
    }
    read(first);
  };

  const read = (chunk: Buffer): void => {
    if (kept) {
      kept.push(chunk);
      keptBytes += chunk.length;
    }
    if (rereading) {
      if (keptBytes > maxBytes) finish(tooLarge(url, maxBytes));
      return;
    }
    if (compressed && !decoder) decoder = createDecoder(encoding, chunk, take, refused, ended);
    if (!decoder) return take(chunk);
    // Backpressure: never let compressed input pile up in front of a slow decompressor.
    if (!decoder.write(chunk)) {
      res.pause();
      decoder.once('drain', () => res.resume());
    }
  };
  res.on('data', (chunk: Buffer) => {
    wireBytes += chunk.length;
    if (held === null) return read(chunk);
    held.push(chunk);
    heldBytes += chunk.length;
    if (heldBytes >= HEAD_BYTES) judgeHead();
  });
  res.on('end', () => {
    if (held !== null) judgeHead();
    if (finished) return;
    wireEnded = true;
    if (rereading) reread();
    else if (decoder) decoder.end();
    else ended();
  });
  res.on('error', broken);
  res.on('close', () => {
    if (!res.complete) broken();
  });
  return { destroy, stopped };
}

/** Whether compressed bytes hold their whole stream, read strictly (gzip to its footer: a stream
 *  that stopped where the server flushed may have had more to come), and no more than maxBytes once inflated. */
function cameWhole(bytes: Buffer, encoding: string, maxBytes: number): boolean {
  const options = { maxOutputLength: maxBytes + 1 };
  try {
    if (encoding === 'br') zlib.brotliDecompressSync(bytes, options);
    else if (encoding === 'deflate') (hasZlibHeader(bytes) ? zlib.inflateSync : zlib.inflateRawSync)(bytes, options);
    else zlib.gunzipSync(bytes, options);
    return true;
  } catch {
    return false;
  }
}

function createDecoder(
  encoding: string,
  first: Buffer,
  take: (chunk: Buffer) => void,
  refused: (error: Error) => void,
  ended: () => void,
): Transform {
  let decoder: Transform;
  if (encoding === 'br') decoder = zlib.createBrotliDecompress();
  // "deflate" should be zlib-wrapped, but some servers send raw deflate; the zlib header tells them apart.
  else if (encoding === 'deflate') decoder = hasZlibHeader(first) ? zlib.createInflate() : zlib.createInflateRaw();
  else decoder = zlib.createGunzip();
  decoder.on('data', take);
  decoder.on('end', ended);
  decoder.on('error', refused);
  return decoder;
}
