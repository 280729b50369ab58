// An image whose header declares more pixels than any screen shows (a PNG's IHDR of 100,000 x
// 100,000 over a few KB of data: a decompression bomb for whatever decodes it) was kept in the
// cache and showed as a broken image with no reason. Now it is refused as it arrives, for PNG,
// GIF, JPEG (its frame header, after the metadata segments), WebP, BMP and AVIF (a grid's size,
// however small its tiles), and the reader's box says why; pictures of a normal size in the same
// article are kept as before.
import { readFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { imageMissReason } from '../../renderer/src/lib/image-placeholders';
import { rssFeed } from '../support/hostile-sync';
import { makePng } from '../support/images';
import { serverAndCorePerTest } from '../support/core-per-test';
import type { TestServer } from '../support/server';

let site: TestServer;
let core: Core;
serverAndCorePerTest((server, made) => {
  site = server;
  core = made;
}, '127.0.35.4');

const PHOTO_JPEG = readFileSync(new URL('../fixtures/images/photo-300x169.jpg', import.meta.url));
const HARBOUR_AVIF = readFileSync(new URL('../fixtures/images/harbour-96x64.avif', import.meta.url));
const GRID_AVIF = readFileSync(new URL('../fixtures/images/quay-grid-256x128.avif', import.meta.url));
const ONE_PIXEL_GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
const ONE_PIXEL_WEBP = Buffer.from('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==', 'base64');

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A greyscale PNG declaring 100,000 x 100,000 pixels, its IDAT the first 50 rows: a few KB that inflate to 10 GB if believed. */
function pngBomb(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(100_000, 0);
  header.writeUInt32BE(100_000, 4);
  header.writeUInt8(8, 8); // bit depth; colour type 0 (grey), the rest 0
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', header), pngChunk('IDAT', deflateSync(Buffer.alloc(50 * 100_001)))]);
}

/** The 1x1 GIF with its logical screen and its one frame declaring 20,000 x 20,000. */
function gifBomb(): Buffer {
  const gif = Buffer.from(ONE_PIXEL_GIF);
  for (const at of [6, 8, 32, 34]) gif.writeUInt16LE(20_000, at); // screen, then the image descriptor (0x2c at 27)
  return gif;
}

/** The real photo with its frame header (SOF0, past the ICC profile at byte 632) declaring 20,000 x 20,000. */
function jpegBomb(): Buffer {
  const jpeg = Buffer.from(PHOTO_JPEG);
  const sof = jpeg.indexOf(Buffer.from([0xff, 0xc0]));
  expect(sof).toBeGreaterThan(512);
  jpeg.writeUInt16BE(20_000, sof + 5);
  jpeg.writeUInt16BE(20_000, sof + 7);
  return jpeg;
}

/** The 1x1 lossless WebP declaring 16,384 x 16,384 (its most): 268 megapixels. */
function webpBomb(): Buffer {
  const webp = Buffer.from(ONE_PIXEL_WEBP);
  webp.writeUInt32LE((webp.readUInt32LE(21) & 0xf0000000) | (16_383 << 14) | 16_383, 21);
  return webp;
}

/** A BMP of 24-bit rows (each padded to 4 bytes) declaring `width` x `height`, `height` negative for rows top down, with `rows` rows of pixels. */
function makeBmp(width: number, height: number, rows = Math.abs(height)): Buffer {
  const stride = Math.ceil((width * 3) / 4) * 4;
  const pixels = Buffer.alloc(stride * rows, 0x7f);
  const header = Buffer.alloc(54);
  header.write('BM', 0, 'latin1');
  header.writeUInt32LE(54 + pixels.length, 2);
  header.writeUInt32LE(54, 10); // where the pixels start
  header.writeUInt32LE(40, 14); // BITMAPINFOHEADER
  header.writeInt32LE(width, 18);
  header.writeInt32LE(height, 22);
  header.writeUInt16LE(1, 26); // planes
  header.writeUInt16LE(24, 28); // bits per pixel
  header.writeUInt32LE(pixels.length, 34);
  return Buffer.concat([header, pixels]);
}

/** A real AVIF (avifenc, 2 x 2 tiles of 128 x 64) whose grid, the picture shown, declares 20,000 x 20,000; its tiles stay small. */
function avifGridBomb(): Buffer {
  const avif = Buffer.from(GRID_AVIF);
  const grid = avif.indexOf('ispe', 0, 'latin1');
  expect(avif.readUInt32BE(grid + 8)).toBe(256);
  avif.writeUInt32BE(20_000, grid + 8);
  avif.writeUInt32BE(20_000, grid + 12);
  return avif;
}

/** Served in pieces of 97 bytes, as over a slow link: headers arrive split across chunks. */
function serveSlowly(path: string, bytes: Buffer, type: string): void {
  site.route(path, async (_req, res) => {
    res.writeHead(200, { 'content-type': type, 'content-length': bytes.length });
    for (let at = 0; at < bytes.length; at += 97) {
      await new Promise<void>((resolve) => res.write(bytes.subarray(at, at + 97), () => resolve()));
    }
    res.end();
  });
}

describe('images whose headers declare more than 100 megapixels', () => {
  it('are refused at download with their reason; normal pictures beside them are kept', async () => {
    const images = {
      '/img/harbour.png': [makePng(120, 80, [30, 110, 180]), 'image/png'],
      '/img/map.png': [pngBomb(), 'image/png'],
      '/img/spinner.gif': [ONE_PIXEL_GIF, 'image/gif'],
      '/img/banner.gif': [gifBomb(), 'image/gif'],
      '/img/quay.jpg': [PHOTO_JPEG, 'image/jpeg'],
      '/img/panorama.jpg': [jpegBomb(), 'image/jpeg'],
      '/img/dot.webp': [ONE_PIXEL_WEBP, 'image/webp'],
      '/img/texture.webp': [webpBomb(), 'image/webp'],
      '/img/ferry.avif': [HARBOUR_AVIF, 'image/avif'],
      '/img/quay.avif': [GRID_AVIF, 'image/avif'],
      '/img/coast.avif': [avifGridBomb(), 'image/avif'],
      '/img/flag.bmp': [makeBmp(3, 2), 'image/bmp'],
      '/img/scan.bmp': [makeBmp(20_000, -20_000, 2), 'image/bmp'],
    } as const;
    for (const [path, [bytes, type]] of Object.entries(images)) serveSlowly(path, bytes, type);
    const figures = Object.keys(images).map((path) => `<figure><img src="${site.url(path)}" alt="${path}"></figure>`).join('');
    const item = `<item><title>Harbour in pictures</title><guid isPermaLink="false">pictures-1</guid><link>${site.url('/2026/pictures/')}</link>
      <description><![CDATA[<p>The harbour from the quay, the lighthouse and the new ferry, as our readers saw them this week.</p>${figures}]]></description></item>`;
    site.serve('/feed/', { body: rssFeed('Harbour', [item]), type: 'application/rss+xml' });

    await core.api.addFeed(site.url('/feed/'));
    expect(await core.api.sync({ fullText: false })).toMatchObject({ articlesFetched: 1, imagesFetched: 7 });

    const { articles } = await core.api.listArticles({ filter: { kind: 'all' } });
    const article = (await core.api.getArticle(articles[0]!.id))!;
    for (const kept of ['/img/harbour.png', '/img/spinner.gif', '/img/quay.jpg', '/img/dot.webp', '/img/ferry.avif', '/img/quay.avif', '/img/flag.bmp']) {
      expect(article.html).toMatch(new RegExp(`<img src="paperboy-cache://[0-9a-f]{64}" alt="${kept}"`));
    }
    const reasons = Object.fromEntries(article.missedImages.map((image) => [new URL(image.url).pathname, imageMissReason(image)]));
    expect(reasons).toEqual({
      '/img/map.png': 'The picture is too large to keep (100,000 × 100,000 pixels).',
      '/img/banner.gif': 'The picture is too large to keep (20,000 × 20,000 pixels).',
      '/img/panorama.jpg': 'The picture is too large to keep (20,000 × 20,000 pixels).',
      '/img/texture.webp': 'The picture is too large to keep (16,384 × 16,384 pixels).',
      '/img/coast.avif': 'The picture is too large to keep (20,000 × 20,000 pixels).',
      '/img/scan.bmp': 'The picture is too large to keep (20,000 × 20,000 pixels).',
    });
  });
});
