// Real image bytes for tests, written by hand (node:zlib and a CRC-32) so no package is needed.
import { deflateSync } from 'node:zlib';

/** A valid truecolour PNG of one colour. */
export function makePng(width: number, height: number, rgb: [number, number, number]): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(2, 9); // colour type: RGB
  // compression, filter and interlace methods: all 0
  const row = Buffer.alloc(1 + width * 3); // each scanline starts with filter type 0
  for (let x = 0; x < width; x++) row.set(rgb, 1 + x * 3);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** A valid baseline JPEG of one colour, as a camera or an image server writes one (JFIF, YCbCr,
 *  no subsampling): each 8 x 8 block holds its colour as its DC coefficient alone, quantized by 1,
 *  with Huffman tables holding only the codes it uses. Decoders read it as they read any JPEG. */
export function makeJpeg(width: number, height: number, rgb: [number, number, number]): Buffer {
  const [r, g, b] = rgb;
  const components = [0.299 * r + 0.587 * g + 0.114 * b, 128 - 0.168736 * r - 0.331264 * g + 0.5 * b, 128 + 0.5 * r - 0.418688 * g - 0.081312 * b];
  // A flat block's DC coefficient is 8 times its level-shifted value.
  const dcs = components.map((value) => Math.round(8 * (Math.min(255, Math.max(0, value)) - 128)));
  const bits = new BitWriter();
  const blocks = Math.ceil(width / 8) * Math.ceil(height / 8);
  for (let block = 0; block < blocks; block++) {
    for (const dc of dcs) {
      // The first block of each component codes its DC; the others its difference, 0.
      const diff = block === 0 ? dc : 0;
      const size = diff === 0 ? 0 : Math.floor(Math.log2(Math.abs(diff))) + 1;
      bits.write(size, 4); // DC table: category c has the 4-bit code c
      if (size > 0) bits.write(diff > 0 ? diff : diff + (1 << size) - 1, size);
      bits.write(0, 1); // AC table: end of block, the 1-bit code 0
    }
  }
  const segment = (marker: number, data: Buffer) => {
    const head = Buffer.alloc(4);
    head.writeUInt16BE(0xff00 | marker, 0);
    head.writeUInt16BE(data.length + 2, 2);
    return Buffer.concat([head, data]);
  };
  const frame = Buffer.alloc(15);
  frame.writeUInt8(8, 0);
  frame.writeUInt16BE(height, 1);
  frame.writeUInt16BE(width, 3);
  frame.writeUInt8(3, 5);
  for (let c = 0; c < 3; c++) frame.set([c + 1, 0x11, 0], 6 + c * 3);
  const dcTable = Buffer.from([0x00, 0, 0, 0, 12, ...Array(12).fill(0), ...Array.from({ length: 12 }, (_, i) => i)]);
  const acTable = Buffer.from([0x10, 1, ...Array(15).fill(0), 0x00]);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xe0, Buffer.from([0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0])),
    segment(0xdb, Buffer.from([0x00, ...Array(64).fill(1)])),
    segment(0xc0, frame),
    segment(0xc4, Buffer.concat([dcTable, acTable])),
    segment(0xda, Buffer.from([3, 1, 0x00, 2, 0x00, 3, 0x00, 0, 63, 0])),
    bits.bytes(),
    Buffer.from([0xff, 0xd9]),
  ]);
}

/** Entropy-coded bits, most significant first, with a 0 stuffed after each 0xFF byte. */
class BitWriter {
  private readonly out: number[] = [];
  private byte = 0;
  private filled = 0;

  write(value: number, count: number): void {
    for (let i = count - 1; i >= 0; i--) {
      this.byte = (this.byte << 1) | ((value >> i) & 1);
      if (++this.filled === 8) this.flush();
    }
  }

  bytes(): Buffer {
    // The last byte is padded with 1 bits.
    if (this.filled > 0) this.write(0xff, 8 - this.filled);
    return Buffer.from(this.out);
  }

  private flush(): void {
    this.out.push(this.byte);
    if (this.byte === 0xff) this.out.push(0);
    this.byte = 0;
    this.filled = 0;
  }
}
