// Draws Paperboy's app icon and writes every file electron-builder wants under build/:
// icon.png (512), icons/<n>x<n>.png (Linux), icon.ico (Windows), icon.icns (macOS).
// No image library and no download: shapes are signed-distance functions, supersampled, and the
// files are encoded here (PNG via zlib, ICO with BMP and PNG entries, ICNS with PNG entries).
// `node scripts/make-icons.mjs` writes them; `--check` only verifies the files on disk match.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const BUILD = fileURLToPath(new URL('../build/', import.meta.url));

// ---- drawing --------------------------------------------------------------------------------

const hex = (value) => [1, 3, 5].map((at) => parseInt(value.slice(at, at + 2), 16) / 255);
const INK_TOP = hex('#2a5ca8');
const INK_BOTTOM = hex('#14315e');
const PAPER = hex('#faf6ee');
const HEADLINE = hex('#1b1d21');
const PHOTO = hex('#f28c28');
const LINE = hex('#a3a9b3');

/** Signed distance from (x, y) to a rounded box centered at (cx, cy); negative inside. */
function roundedBox(x, y, cx, cy, halfW, halfH, radius) {
  const qx = Math.abs(x - cx) - halfW + radius;
  const qy = Math.abs(y - cy) - halfH + radius;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

const clamp01 = (v) => Math.min(1, Math.max(0, v));
const smoothstep = (a, b, v) => {
  const t = clamp01((v - a) / (b - a));
  return t * t * (3 - 2 * t);
};

const TILT = (-8 * Math.PI) / 180;
const COS = Math.cos(-TILT);
const SIN = Math.sin(-TILT);

/** Color and coverage of one sample at (u, v) in the unit square (0..1, y down). */
function sample(u, v) {
  let r = 0;
  let g = 0;
  let b = 0;
  let a = 0;
  const over = (color, alpha) => {
    if (alpha <= 0) return;
    r = color[0] * alpha + r * (1 - alpha);
    g = color[1] * alpha + g * (1 - alpha);
    b = color[2] * alpha + b * (1 - alpha);
    a = alpha + a * (1 - alpha);
  };

  // The tile: a rounded square with a vertical ink gradient.
  if (roundedBox(u, v, 0.5, 0.5, 0.42, 0.42, 0.1) <= 0) {
    const t = clamp01((v - 0.08) / 0.84);
    over([0, 1, 2].map((i) => INK_TOP[i] * (1 - t) + INK_BOTTOM[i] * t), 1);
  } else {
    return [0, 0, 0, 0];
  }

  // The newspaper, tilted, over a soft shadow.
  const px = (u - 0.5) * COS - (v - 0.5) * SIN;
  const py = (u - 0.5) * SIN + (v - 0.5) * COS;
  const paper = (x, y) => roundedBox(x, y, 0, 0, 0.235, 0.285, 0.025);
  over([0, 0, 0], 0.35 * (1 - smoothstep(-0.01, 0.045, paper(px - 0.012, py - 0.022))));
  if (paper(px, py) > 0) return [r, g, b, a];
  over(PAPER, 1);

  // Masthead, a photo, and lines of text in the paper's own coordinates.
  if (roundedBox(px, py, 0, -0.205, 0.185, 0.035, 0.012) <= 0) over(HEADLINE, 1);
  if (roundedBox(px, py, -0.1, -0.06, 0.085, 0.07, 0.012) <= 0) over(PHOTO, 1);
  for (const y of [-0.105, -0.06, -0.015]) {
    if (roundedBox(px, py, 0.095, y, 0.09, 0.0125, 0.0125) <= 0) over(LINE, 1);
  }
  for (const [y, half] of [[0.055, 0.185], [0.1, 0.185], [0.145, 0.185], [0.19, 0.12]]) {
    if (roundedBox(px, py, -0.185 + half, y, half, 0.0125, 0.0125) <= 0) over(LINE, 1);
  }
  return [r, g, b, a];
}

/** RGBA pixels (straight alpha) of the icon at size x size. */
export function render(size) {
  // Samples per pixel edge: small icons need more to keep their shapes legible.
  const grid = size <= 64 ? 8 : size <= 256 ? 4 : size <= 512 ? 3 : 2;
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < grid; sy++) {
        for (let sx = 0; sx < grid; sx++) {
          const [sr, sg, sb, sa] = sample((x + (sx + 0.5) / grid) / size, (y + (sy + 0.5) / grid) / size);
          r += sr;
          g += sg;
          b += sb;
          a += sa;
        }
      }
      const n = grid * grid;
      const at = (y * size + x) * 4;
      const alpha = a / n;
      pixels[at] = alpha > 0 ? Math.round((255 * r) / n / alpha) : 0;
      pixels[at + 1] = alpha > 0 ? Math.round((255 * g) / n / alpha) : 0;
      pixels[at + 2] = alpha > 0 ? Math.round((255 * b) / n / alpha) : 0;
      pixels[at + 3] = Math.round(255 * alpha);
    }
  }
  return pixels;
}

// ---- encoding -------------------------------------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

export function encodePng(size, pixels) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A 32-bit BMP (DIB) ICO entry: bottom-up BGRA rows, then the 1-bit AND mask. */
function encodeDib(size, pixels) {
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8); // XOR bitmap and AND mask
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  const xor = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const from = (y * size + x) * 4;
      const to = ((size - 1 - y) * size + x) * 4;
      xor[to] = pixels[from + 2];
      xor[to + 1] = pixels[from + 1];
      xor[to + 2] = pixels[from];
      xor[to + 3] = pixels[from + 3];
    }
  }
  const maskRow = Math.ceil(size / 32) * 4;
  const mask = Buffer.alloc(maskRow * size); // all zero: the alpha channel decides
  return Buffer.concat([header, xor, mask]);
}

export function encodeIco(images) {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(1, 2); // icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, data }, i) => {
    const at = 6 + 16 * i;
    header[at] = size >= 256 ? 0 : size;
    header[at + 1] = size >= 256 ? 0 : size;
    header.writeUInt16LE(1, at + 4); // planes
    header.writeUInt16LE(32, at + 6); // bits per pixel
    header.writeUInt32LE(data.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.data)]);
}

export function encodeIcns(entries) {
  const parts = entries.map(({ type, data }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(data.length + 8, 4);
    return Buffer.concat([head, data]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + parts.reduce((sum, part) => sum + part.length, 0), 4);
  return Buffer.concat([head, ...parts]);
}

// ---- the files --------------------------------------------------------------------------------

export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const ICO_BMP_SIZES = [16, 24, 32, 48];
const ICO_PNG_SIZES = [64, 128, 256];
const ICNS_TYPES = { 16: 'icp4', 32: 'icp5', 64: 'icp6', 128: 'ic07', 256: 'ic08', 512: 'ic09', 1024: 'ic10' };

export function iconFiles() {
  const pixels = new Map(LINUX_SIZES.map((size) => [size, render(size)]));
  const png = new Map([...pixels].map(([size, px]) => [size, encodePng(size, px)]));
  const files = new Map();
  files.set('icon.png', png.get(512));
  for (const size of LINUX_SIZES) files.set(`icons/${size}x${size}.png`, png.get(size));
  files.set('icon.ico', encodeIco([
    ...ICO_BMP_SIZES.map((size) => ({ size, data: encodeDib(size, pixels.get(size)) })),
    ...ICO_PNG_SIZES.map((size) => ({ size, data: png.get(size) })),
  ]));
  files.set('icon.icns', encodeIcns(Object.entries(ICNS_TYPES).map(([size, type]) => ({ type, data: png.get(Number(size)) }))));
  return files;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  const stale = [];
  for (const [name, data] of iconFiles()) {
    const file = path.join(BUILD, name);
    if (check) {
      let current = null;
      try {
        current = readFileSync(file);
      } catch {
        // missing counts as stale
      }
      if (!current || !current.equals(data)) stale.push(name);
    } else {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, data);
      console.log(`build/${name}  ${data.length} bytes`);
    }
  }
  if (check && stale.length > 0) {
    console.error(`icons out of date (run node scripts/make-icons.mjs): ${stale.join(', ')}`);
    process.exit(1);
  }
}
