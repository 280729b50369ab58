// The width and height an image's header declares, read as its bytes arrive, so that a picture
// declaring more pixels than any viewer should allocate (incoming-image.ts MAX_IMAGE_PIXELS) is
// refused before it is stored: PNG, GIF, WebP and BMP from their first 30 bytes, AVIF from the
// boxes in its head, JPEG from its frame header. An icon's entries are 256 x 256 at most.

export interface Size {
  readonly width: number;
  readonly height: number;
}

/** The size an image's header declares, read as its bytes arrive: from the first 30 bytes of a
 *  PNG, GIF or WebP, and from a JPEG's frame header, after its metadata. Each is read once. */
export class DeclaredSize {
  private readonly jpeg = new JpegFrameReader();
  private headRead = false;
  private headLength = 0;

  /** The size when this chunk completed a header that gives it; otherwise null. */
  read(head: Buffer, chunk: Buffer): Size | null {
    const jpeg = this.jpeg.take(chunk);
    if (jpeg !== null || this.headRead) return jpeg;
    if (isIsoMedia(head)) {
      // Its sizes are in boxes after the first 30 bytes, the largest maybe last: looked for until
      // the head stops growing.
      const size = sizeInBoxes(head);
      this.headRead = head.length === this.headLength;
      this.headLength = head.length;
      return size;
    }
    const size = sizeInHead(head);
    this.headRead = size !== null || head.length >= 30;
    return size;
  }
}

/** A PNG's IHDR, a GIF's logical screen, a WebP's VP8, VP8L or VP8X header (RIFF at 0, WEBP at 8,
 *  the first chunk's name at 12). */
function sizeInHead(head: Buffer): Size | null {
  const ascii = (start: number, end: number): string => head.toString('latin1', start, end);
  if (head.length >= 24 && head.readUInt32BE(0) === 0x89504e47 && ascii(12, 16) === 'IHDR') {
    return { width: head.readUInt32BE(16), height: head.readUInt32BE(20) };
  }
  if (head.length >= 10 && ascii(0, 4) === 'GIF8') return { width: head.readUInt16LE(6), height: head.readUInt16LE(8) };
  if (head.length >= 26 && ascii(0, 2) === 'BM') {
    // OS/2's 12-byte header has 16-bit sizes; the others signed 32-bit ones (a negative height: rows top down).
    if (head.readUInt32LE(14) === 12) return { width: head.readUInt16LE(18), height: head.readUInt16LE(20) };
    return { width: Math.abs(head.readInt32LE(18)), height: Math.abs(head.readInt32LE(22)) };
  }
  if (head.length < 30 || ascii(0, 4) !== 'RIFF' || ascii(8, 12) !== 'WEBP') return null;
  const chunk = ascii(12, 16);
  // A key frame's start code, then 14-bit sizes.
  if (chunk === 'VP8 ' && head.readUIntBE(23, 3) === 0x9d012a) return { width: head.readUInt16LE(26) & 0x3fff, height: head.readUInt16LE(28) & 0x3fff };
  // The lossless signature byte, then 14-bit sizes less one.
  if (chunk === 'VP8L' && head[20] === 0x2f) {
    const bits = head.readUInt32LE(21);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X') return { width: head.readUIntLE(24, 3) + 1, height: head.readUIntLE(27, 3) + 1 };
  return null;
}

/** An ISO-BMFF file (AVIF, and HEIC, which shares the format): its first box is 'ftyp'. */
const isIsoMedia = (head: Buffer): boolean => head.length >= 8 && head.toString('latin1', 4, 8) === 'ftyp';

/** The largest of the 'ispe' (image spatial extents) properties in the head: each image of the
 *  file has one, and a grid's, the picture shown, is the largest. An 'ispe' box is 20 bytes: its
 *  size and name, version and flags, then the width and height. The meta box that holds them
 *  comes right after 'ftyp' in what encoders write; a file with it after the image data declares
 *  nothing here. */
function sizeInBoxes(head: Buffer): Size | null {
  let largest: Size | null = null;
  for (let at = head.indexOf('ispe', 8, 'latin1'); at >= 4 && at + 16 <= head.length; at = head.indexOf('ispe', at + 4, 'latin1')) {
    if (head.readUInt32BE(at - 4) !== 20) continue;
    const size = { width: head.readUInt32BE(at + 8), height: head.readUInt32BE(at + 12) };
    if (largest === null || size.width * size.height > largest.width * largest.height) largest = size;
  }
  return largest;
}

/** Start-of-frame markers (C0-CF but DHT C4, JPG C8 and DAC CC): the frame header that gives the size. */
const isStartOfFrame = (marker: number): boolean => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
/** Markers without a length: SOI, RST0-7, TEM. */
const isStandalone = (marker: number): boolean => marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01;

/** Walks a JPEG's segments as its bytes arrive, to the frame header. EXIF, ICC profiles and
 *  Photoshop's segments come first and may run to hundreds of KB, so the 512 bytes of the head
 *  are not enough; only the few bytes of one marker are held across chunks. */
class JpegFrameReader {
  /** Where the next marker starts, counted from the image's first byte. */
  private next = 0;
  /** Bytes taken before this chunk. */
  private taken = 0;
  /** The bytes from `next` on that earlier chunks brought (too few for the marker). */
  private held: Buffer = Buffer.alloc(0);
  private done = false;

  /** The frame's size when this chunk brought its header in; null before, and after it or once
   *  the bytes are no JPEG (or reach its image data without one: no size is declared). */
  take(chunk: Buffer): Size | null {
    if (this.done) return null;
    const start = this.taken;
    this.taken += chunk.length;
    if (this.held.length === 0 && this.next >= this.taken) return null;
    let bytes = this.held.length > 0 ? Buffer.concat([this.held, chunk]) : chunk.subarray(this.next - start);
    for (;;) {
      const marker = bytes[1];
      if (marker === undefined || (isStartOfFrame(marker) ? bytes.length < 9 : bytes.length < 4)) {
        // A copy: a view would keep the whole chunk alive.
        this.held = Buffer.from(bytes);
        return null;
      }
      if (bytes[0] !== 0xff || (this.next === 0 && marker !== 0xd8) || marker === 0xda || marker === 0xd9) return this.finish(null);
      if (isStartOfFrame(marker)) return this.finish({ width: bytes.readUInt16BE(7), height: bytes.readUInt16BE(5) });
      // 0xff: a fill byte before the marker.
      const step = marker === 0xff ? 1 : isStandalone(marker) ? 2 : 2 + bytes.readUInt16BE(2);
      this.next += step;
      if (step >= bytes.length) {
        this.held = Buffer.alloc(0);
        return null;
      }
      bytes = bytes.subarray(step);
    }
  }

  private finish(size: Size | null): Size | null {
    this.done = true;
    this.held = Buffer.alloc(0);
    return size;
  }
}
