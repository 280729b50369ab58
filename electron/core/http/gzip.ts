// Gzip as browsers and curl read it. zlib's own reading is strict, and refuses gzip that real
// servers send and every browser shows: a stray newline after the data (a PHP file ending in a
// blank line; nodejs/node#7502 met it on a live site), a body without its 8-byte footer, or a
// stream the server flushed and then never finished (its compressor killed after a sync flush).
// Browsers inflate each member's deflate data and neither check the footer nor read what follows
// the last member; so does this. A body that is no gzip at all still fails, and so does one whose
// data is broken. One that stops in the middle of a block (the connection closed early on an
// answer whose length nothing declared, a proxy passed on what it had, a feed.xml.gz copied in
// half) lost its end: it inflates as far as it goes (zlib's sync flush gives what the bytes that
// came decode to, the document's start), and says it was cut short, as any compressed body read by
// ./decompress.ts does.
import zlib from 'node:zlib';
import type { Decompressed } from './decompress';

const FOOTER_LENGTH = 8; // CRC-32 and length: never checked, as browsers do not
const FLAG_HCRC = 2;
const FLAG_EXTRA = 4;
const FLAG_NAME = 8;
const FLAG_COMMENT = 16;
const FLAG_RESERVED = 0xe0;
/** The empty stored block a sync (or full) flush ends with: all the server compressed was sent. */
const FLUSH_MARKER = [0x00, 0x00, 0xff, 0xff];

/** Thrown when the body does not start as gzip. */
export class NotGzipError extends Error {}

/**
 * Inflates every member of a gzip body, keeping what lies after the last one out. Output stops
 * once it reaches maxOutputLength: a caller passes its cap plus one to tell "exactly the cap"
 * from "over it". zlib's own errors pass through (ERR_BUFFER_TOO_LARGE, Z_DATA_ERROR, ...).
 */
export function gunzipLenient(bytes: Uint8Array, maxOutputLength: number): Decompressed {
  const parts: Buffer[] = [];
  let produced = 0;
  let offset = 0;
  let cutShort = false;
  while (offset < bytes.length && produced < maxOutputLength && !cutShort) {
    const header = gzipHeaderLength(bytes, offset);
    if (header === null) {
      if (offset === 0) throw new NotGzipError('not gzip');
      break; // bytes after a complete member that start no member: trailing garbage
    }
    const member = inflateMember(bytes.subarray(offset + header), maxOutputLength - produced);
    parts.push(member.output);
    produced += member.output.length;
    offset += header + member.consumed + FOOTER_LENGTH;
    cutShort = member.cutShort;
  }
  return { body: Buffer.concat(parts, produced), cutShort };
}

/** Whether `bytes` start with a gzip member's header (or a beginning of one too short to tell). */
export function startsAsGzip(bytes: Uint8Array): boolean {
  const probe = bytes.subarray(0, 3);
  return probe.every((byte, i) => byte === [0x1f, 0x8b, 8][i]);
}

function inflateMember(data: Uint8Array, maxOutputLength: number): { output: Buffer; consumed: number; cutShort: boolean } {
  try {
    // `info` reports how much input the deflate data took: the footer and the next member follow it.
    const { buffer, engine } = zlib.inflateRawSync(data, { maxOutputLength, info: true }) as unknown as { buffer: Buffer; engine: { bytesWritten: number } };
    return { output: buffer, consumed: engine.bytesWritten, cutShort: false };
  } catch (error) {
    // Z_BUF_ERROR: the data ended unfinished. Broken data (Z_DATA_ERROR) stays an error.
    if ((error as { code?: unknown }).code !== 'Z_BUF_ERROR') throw error;
  }
  // Stopped where the server flushed, everything it compressed is here; anywhere else, the rest was lost.
  const output = zlib.inflateRawSync(data, { maxOutputLength, finishFlush: zlib.constants.Z_SYNC_FLUSH });
  return { output, consumed: data.length, cutShort: !endsWithFlush(data) };
}

/** Whether deflate data end with the empty stored block of a sync (or full) flush. */
export function endsWithFlush(data: Uint8Array): boolean {
  const tail = data.subarray(data.length - FLUSH_MARKER.length);
  return tail.length === FLUSH_MARKER.length && tail.every((byte, i) => byte === FLUSH_MARKER[i]);
}

/** The length of the gzip header at `offset` (RFC 1952, 2.3), or null when none starts there. */
function gzipHeaderLength(bytes: Uint8Array, offset: number): number | null {
  const flags = bytes[offset + 3];
  if (bytes[offset] !== 0x1f || bytes[offset + 1] !== 0x8b || bytes[offset + 2] !== 8 || flags === undefined || flags & FLAG_RESERVED) return null;
  let at = offset + 10;
  if (flags & FLAG_EXTRA) at += 2 + (bytes[at] ?? 0) + ((bytes[at + 1] ?? 0) << 8);
  if (flags & FLAG_NAME) at = afterZero(bytes, at);
  if (flags & FLAG_COMMENT) at = afterZero(bytes, at);
  if (flags & FLAG_HCRC) at += 2;
  return at <= bytes.length ? at - offset : null;
}

function afterZero(bytes: Uint8Array, from: number): number {
  const zero = bytes.indexOf(0, from);
  return zero === -1 ? bytes.length + 1 : zero + 1;
}
