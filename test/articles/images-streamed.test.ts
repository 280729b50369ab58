// Images downloaded straight into the cache: the bytes reach the disk as they arrive (never held
// whole in memory), and a download that fails half-way (cut off, over the size limit, not an
// image) leaves nothing behind: no image, no temp file.
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import zlib from 'node:zlib';
import { afterAll, expect, it } from 'vitest';
import { ImageCache, sniffImageType } from '../../electron/core/articles';
import { HostMemory, HttpError, type HttpClient } from '../../electron/core/http';
import { serverAndClientPerTest, waitFor, writeForever } from '../http/helpers';
import type { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';

afterAll(removeTempDirs);

/** A photo as a news site serves it: a JPEG signature, then incompressible bytes. */
const photo = (bytes: number): Buffer => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(bytes - 4)]);
const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

let server: TestServer;
let client: HttpClient;
let dir: string;
let cache: ImageCache;
serverAndClientPerTest((s, c) => {
  server = s;
  client = c;
  dir = tempDir();
  cache = new ImageCache(dir, { maxImageBytes: 4 * 1024 * 1024 });
});

/** Every file under the cache folder, with its size. */
const files = (): { name: string; size: number }[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => ({ name: entry.name, size: statSync(join(entry.parentPath, entry.name)).size }));

/** Downloads `path` into the cache as the sync does: streamed, sniffed, stored, or dropped on failure. */
async function download(path: string, maxBytes = 4 * 1024 * 1024): Promise<{ hash: string; size: number } | null> {
  const image = cache.incoming();
  try {
    await client.fetch({ url: server.url(path), maxBytes, sink: image });
    const mime = sniffImageType(image.head);
    if (!mime) {
      await image.discard();
      return null;
    }
    return await image.store(mime);
  } catch (error) {
    await image.discard();
    throw error;
  }
}

it('writes an image to disk as it arrives, before its last byte, and names it by its hash at the end', async () => {
  const bytes = photo(900 * 1024);
  let sendRest: () => void = () => undefined;
  server.route('/slow.jpg', (_req, res) => {
    res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': bytes.length });
    res.write(bytes.subarray(0, 300 * 1024));
    sendRest = () => res.end(bytes.subarray(300 * 1024));
  });
  const stored = download('/slow.jpg');
  // Most of the first 300 KB are on disk (a few chunks may wait to be written together) while
  // the server still holds the rest.
  await waitFor(() => files().some((file) => file.size >= 128 * 1024));
  expect(files()).toHaveLength(1);
  sendRest();
  const { hash, size } = (await stored)!;
  expect({ hash, size }).toEqual({ hash: sha256(bytes), size: bytes.length });
  // Buffer.equals: vitest's deep comparison takes seconds over megabytes.
  expect(readFileSync(cache.path(hash)).equals(bytes)).toBe(true);
  expect(files().map((file) => file.name)).toEqual([hash]);
});

it('stores a large gzip-encoded image whole, however the disk and the network take turns', async () => {
  const bytes = photo(3 * 1024 * 1024);
  const gzipped = zlib.gzipSync(bytes, { level: 1 });
  server.route('/big.jpg', (_req, res) => {
    res.writeHead(200, { 'content-type': 'image/jpeg', 'content-encoding': 'gzip', 'content-length': gzipped.length });
    res.end(gzipped);
  });
  const { hash } = (await download('/big.jpg'))!;
  // Buffer.equals: vitest's deep comparison takes seconds over megabytes.
  expect(readFileSync(cache.path(hash)).equals(bytes)).toBe(true);
  expect(files().map((file) => file.name)).toEqual([hash]);
});

it.each([
  ['gzip', zlib.gzipSync],
  ['deflate', zlib.deflateSync],
  ['br', zlib.brotliCompressSync],
])('keeps nothing of an image whose %s stops half-way in an answer that came whole: no image, no temp file', async (encoding, compress) => {
  const compressed = compress(photo(200 * 1024));
  const cut = compressed.subarray(0, Math.floor(compressed.length / 2));
  server.route('/cut-compressed.jpg', (_req, res) => {
    res.writeHead(200, { 'content-type': 'image/jpeg', 'content-encoding': encoding, 'content-length': cut.length });
    res.end(cut);
  });
  const error = await download('/cut-compressed.jpg').catch((e: unknown) => e);
  expect(error).toBeInstanceOf(HttpError);
  expect((error as HttpError).message).toBe('connection closed before the response was complete');
  expect(files()).toEqual([]);
});

it('keeps nothing of an image cut off half-way: no image, no temp file', async () => {
  const bytes = photo(200 * 1024);
  server.route('/cut.jpg', (req, res) => {
    res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': bytes.length });
    res.write(bytes.subarray(0, 120 * 1024), () => setTimeout(() => req.socket.destroy(), 50));
  });
  const error = await download('/cut.jpg').catch((e: unknown) => e);
  expect(error).toBeInstanceOf(HttpError);
  expect((error as HttpError).message).toBe('connection closed before the response was complete');
  expect(files()).toEqual([]);
});

it('stops an endless image at the size limit and keeps nothing of it', async () => {
  server.route('/endless.jpg', (_req, res) => {
    res.writeHead(200, { 'content-type': 'image/jpeg' });
    res.write(photo(64 * 1024));
    writeForever(res, randomBytes(64 * 1024));
  });
  const error = await download('/endless.jpg', 1024 * 1024).catch((e: unknown) => e);
  expect(error).toMatchObject({ kind: 'too-large', message: 'too large (over 1 MB)' });
  expect(files()).toEqual([]);
});

it('keeps nothing of a download that is not an image (an HTML error page served as 200)', async () => {
  server.serve('/not-an-image.jpg', { body: '<!doctype html><title>Not found</title><p>This page does not exist.</p>', type: 'text/html' });
  expect(await download('/not-an-image.jpg')).toBeNull();
  expect(files()).toEqual([]);
});

it('refuses an image over the cache’s own limit even when the request allows more, keeping nothing', async () => {
  const small = new ImageCache(dir, { maxImageBytes: 100 * 1024 });
  const bytes = photo(300 * 1024);
  server.serve('/large.jpg', { body: bytes, type: 'image/jpeg' });
  const image = small.incoming();
  const error = await client.fetch({ url: server.url('/large.jpg'), maxBytes: 1024 * 1024, sink: image }).catch((e: unknown) => e);
  await image.discard();
  expect((error as Error).message).toBe('image too large: over 102400 bytes');
  expect(files()).toEqual([]);
});

it('does not try again, into the same file, an image whose connection was reset half-way', async () => {
  const memory = new HostMemory(client, { retryDelayMs: 10 });
  const bytes = photo(400 * 1024);
  let asked = 0;
  server.route('/reset.jpg', (req, res) => {
    res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': bytes.length });
    if (++asked > 1) res.end(bytes);
    else res.write(bytes.subarray(0, 200 * 1024), () => setTimeout(() => req.socket.resetAndDestroy(), 20));
  });
  const image = cache.incoming();
  const error = await memory.client.fetch({ url: server.url('/reset.jpg'), maxBytes: 1024 * 1024, sink: image }).catch((e: unknown) => e);
  await image.discard();
  expect(error).toMatchObject({ kind: 'network', message: 'connection closed before the response was complete' });
  expect(asked).toBe(1);
  expect(files()).toEqual([]);
});

it('removes the temp file a killed process left mid-image when the cache next opens, and keeps a live writer’s', async () => {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.on('exit', resolve));
  const dead = `${child.pid}.0123456789ab.tmp`;
  const live = `${process.pid}.ba9876543210.tmp`;
  for (const name of [dead, live]) writeFileSync(join(dir, name), photo(10 * 1024).subarray(0, 4000));
  const { hash } = await new ImageCache(dir).put(photo(2048), 'image/jpeg');
  expect(files().map((file) => file.name).sort()).toEqual([hash, live].sort());
});
