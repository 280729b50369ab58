import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CACHE_SCHEME, ImageCache, cacheUrl, imageUrlsIn, rewriteImageUrls, sanitizeArticleHtml, sniffImageType } from '../../electron/core/articles';
import { makePng } from '../support/images';

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

describe('imageUrlsIn and rewriteImageUrls', () => {
  const html = sanitizeArticleHtml(
    '<p><img src="/a.png" alt="A &amp; &quot;B&quot;"></p><img src="https://cdn.example/b.jpg?w=1&h=2"><img src="/a.png" alt="again"><a href="/c.png">link</a>',
    'https://news.example/post/',
  );

  it('lists distinct absolute image URLs in document order, with entities decoded', () => {
    expect(imageUrlsIn(html)).toEqual(['https://news.example/a.png', 'https://cdn.example/b.jpg?w=1&h=2']);
    expect(imageUrlsIn('<p>no images</p>')).toEqual([]);
  });

  it('points cached images at the cache and strips the src of the others', () => {
    const hash = 'a'.repeat(64);
    const rewritten = rewriteImageUrls(html, new Map([['https://news.example/a.png', cacheUrl(hash)]]));
    expect(rewritten).toBe(
      `<p><img src="${CACHE_SCHEME}://${hash}" alt="A &amp; &quot;B&quot;" /></p>` +
        '<img data-original-src="https://cdn.example/b.jpg?w=1&amp;h=2" />' +
        `<img src="paperboy-cache://${hash}" alt="again" /><a href="https://news.example/c.png" rel="noopener noreferrer">link</a>`,
    );
    // No remote image is left for the reader to load; the uncached one is still listed, for a later sync to cache.
    expect(rewritten).not.toMatch(/\ssrc="http/);
    expect(imageUrlsIn(rewritten)).toEqual(['https://cdn.example/b.jpg?w=1&h=2']);
  });

  it('can run again, and then caches what the first run missed', () => {
    const first = rewriteImageUrls(html, new Map());
    expect(first).not.toMatch(/\ssrc=/);
    expect(rewriteImageUrls(first, new Map())).toBe(first);
    const later = rewriteImageUrls(first, new Map([['https://cdn.example/b.jpg?w=1&h=2', cacheUrl('b'.repeat(64))]]));
    expect(later).toContain(`<img src="paperboy-cache://${'b'.repeat(64)}" />`);
    expect(rewriteImageUrls(later, new Map())).toBe(later);
  });

  it('sanitizes with images pending in one pass, as the rewrite with nothing cached leaves them', () => {
    // Lazy-loaded, srcset-only, already pending, inline-only and media-fallback images, with
    // entities and quotes in their values: the sync stores feed items this way.
    const item =
      '<figure><img src="data:image/gif;base64,R0l" data-src="/lazy.jpg?a=1&amp;b=2" alt="Quay &quot;North&quot;" width="640"></figure>' +
      '<p>Text <img srcset="/s-1x.png 1x, /s-2x.png 2x" title="A &lt;b&gt;"> and <img data-original-src="https://cdn.example/p.gif" dir="RTL"></p>' +
      '<img src="data:image/png;base64,AAAA"><video src="/clip.mp4"><img src="/poster.jpg"></video>';
    const pending = sanitizeArticleHtml(item, 'https://news.example/post/', 'pending');
    expect(pending).toBe(rewriteImageUrls(sanitizeArticleHtml(item, 'https://news.example/post/'), new Map()));
    expect(pending).toBe(
      '<figure><img data-original-src="https://news.example/lazy.jpg?a=1&amp;b=2" alt="Quay &quot;North&quot;" width="640" /></figure>' +
        '<p>Text <img data-original-src="https://news.example/s-2x.png" title="A &lt;b&gt;" /> and <img data-original-src="https://cdn.example/p.gif" dir="rtl" /></p>' +
        '<a href="https://news.example/clip.mp4" rel="noopener noreferrer">Video: clip.mp4</a>',
    );
    expect(imageUrlsIn(pending)).toEqual(['https://news.example/lazy.jpg?a=1&b=2', 'https://news.example/s-2x.png', 'https://cdn.example/p.gif']);
  });
});

describe('sniffImageType', () => {
  const riff = (kind: string): Buffer => Buffer.concat([Buffer.from('RIFF'), Buffer.from([0, 0, 0, 0]), Buffer.from(kind), Buffer.alloc(8)]);
  const ftyp = (major: string, compatible: string[]): Buffer => {
    const box = Buffer.concat([Buffer.alloc(4), Buffer.from('ftyp' + major), Buffer.alloc(4), Buffer.from(compatible.join(''))]);
    box.writeUInt32BE(box.length);
    return Buffer.concat([box, Buffer.alloc(16)]);
  };
  const bmp = Buffer.alloc(54);
  bmp.write('BM', 0, 'latin1');
  bmp.writeUInt32LE(40, 14);
  const ico = Buffer.from([0, 0, 1, 0, 1, 0, 16, 16, 0, 0, 1, 0, 32, 0, 0, 0, 0, 0, 22, 0, 0, 0]);

  it('recognises the raster formats by their bytes', () => {
    expect(sniffImageType(makePng(2, 2, [1, 2, 3]))).toBe('image/png');
    expect(sniffImageType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]))).toBe('image/jpeg');
    expect(sniffImageType(Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'))).toBe('image/gif');
    expect(sniffImageType(Buffer.from('GIF87a\x01\x00\x01\x00', 'latin1'))).toBe('image/gif');
    expect(sniffImageType(riff('WEBP'))).toBe('image/webp');
    expect(sniffImageType(ftyp('avif', ['mif1', 'miaf']))).toBe('image/avif');
    expect(sniffImageType(ftyp('mif1', ['avif', 'miaf']))).toBe('image/avif');
    expect(sniffImageType(bmp)).toBe('image/bmp');
    expect(sniffImageType(ico)).toBe('image/x-icon');
  });

  it('refuses SVG, HTML, other containers and short or empty input', () => {
    expect(sniffImageType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>'))).toBeNull();
    expect(sniffImageType(Buffer.from('<?xml version="1.0"?><svg></svg>'))).toBeNull();
    expect(sniffImageType(Buffer.from('<!DOCTYPE html><html><body>Not found</body></html>'))).toBeNull();
    expect(sniffImageType(Buffer.from('BM is how this text starts, but it is no bitmap at all'))).toBeNull();
    expect(sniffImageType(riff('WAVE'))).toBeNull();
    expect(sniffImageType(ftyp('heic', ['mif1', 'heic']))).toBeNull();
    expect(sniffImageType(Buffer.from([0x89, 0x50, 0x4e]))).toBeNull();
    expect(sniffImageType(Buffer.alloc(0))).toBeNull();
  });
});

describe('ImageCache', () => {
  let dir: string;
  let cache: ImageCache;
  const png = makePng(3, 2, [10, 20, 30]);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'paperboy-images-'));
    cache = new ImageCache(dir, { maxImageBytes: 4096 });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Every file under the cache folder. */
  const files = (): string[] => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => entry.name);

  it('stores bytes under their SHA-256, in a folder named by its first two digits', async () => {
    const { hash, size } = await cache.put(png, 'image/png');
    expect(hash).toBe(sha256(png));
    expect(size).toBe(png.length);
    expect(cache.path(hash)).toBe(join(dir, hash.slice(0, 2), hash));
    expect(readFileSync(cache.path(hash))).toEqual(png);
    expect(cache.has(hash)).toBe(true);
    expect(await cache.totalBytes()).toEqual({ bytes: png.length, count: 1 });
  });

  it('writes the same bytes only once', async () => {
    const first = await cache.put(png, 'image/png');
    const before = statSync(cache.path(first.hash)).mtimeMs;
    const again = await Promise.all([cache.put(png, 'image/png'), cache.put(Buffer.from(png), 'image/png')]);
    expect(again.map((result) => result.hash)).toEqual([first.hash, first.hash]);
    expect(statSync(cache.path(first.hash)).mtimeMs).toBe(before);
    expect(files()).toEqual([first.hash]);
    expect(await cache.totalBytes()).toEqual({ bytes: png.length, count: 1 });
  });

  it('rewrites a file that a crash cut short, when the next process caches the same image', async () => {
    const { hash } = await cache.put(png, 'image/png');
    writeFileSync(cache.path(hash), png.subarray(0, 10));
    await new ImageCache(dir, { maxImageBytes: 4096 }).put(png, 'image/png');
    expect(readFileSync(cache.path(hash))).toEqual(png);
  });

  it('writes again a file deleted from its folder since the last sync began', async () => {
    const { hash } = await cache.put(png, 'image/png');
    rmSync(join(dir, hash.slice(0, 2)), { recursive: true });
    expect((await cache.hashes()).has(hash)).toBe(false);
    await cache.put(png, 'image/png');
    expect(readFileSync(cache.path(hash))).toEqual(png);
  });

  it('deletes, and deleting twice is fine', async () => {
    const { hash } = await cache.put(png, 'image/png');
    await cache.delete(hash);
    await cache.delete(hash);
    expect(cache.has(hash)).toBe(false);
    expect(await cache.totalBytes()).toEqual({ bytes: 0, count: 0 });
  });

  it('refuses images over the size limit, empty ones and types it does not keep, writing nothing', async () => {
    await expect(cache.put(Buffer.concat([png, Buffer.alloc(5000)]), 'image/png')).rejects.toThrow(/too large/);
    await expect(cache.put(Buffer.alloc(0), 'image/png')).rejects.toThrow(/empty/);
    await expect(cache.put(Buffer.from('<svg/>'), 'image/svg+xml')).rejects.toThrow(/image type/);
    expect(files()).toEqual([]);
  });

  it('leaves no partial file behind when a write fails', async () => {
    const hash = sha256(png);
    // A directory where the file should go: the temp file is written, the rename fails.
    mkdirSync(join(dir, hash.slice(0, 2), hash, 'blocker'), { recursive: true });
    await expect(cache.put(png, 'image/png')).rejects.toThrow();
    expect(files()).toEqual([]);
    expect(readdirSync(join(dir, hash.slice(0, 2)))).toEqual([hash]);
  });

  it('accepts only 64 hex digits as a hash, so no path leaves the folder', async () => {
    for (const bad of ['../x', `../${'a'.repeat(62)}`, 'A'.repeat(64), 'a'.repeat(63), `${'a'.repeat(64)}/../../etc/passwd`, '', `${'a'.repeat(63)}\0`]) {
      expect(() => cache.path(bad)).toThrow(/not an image hash/);
      expect(cache.has(bad)).toBe(false);
      await expect(cache.delete(bad)).rejects.toThrow(/not an image hash/);
    }
  });

  it('counts nothing when its folder does not exist yet, and ignores stray files', async () => {
    expect(await new ImageCache(join(dir, 'missing')).totalBytes()).toEqual({ bytes: 0, count: 0 });
    mkdirSync(join(dir, 'ab'));
    writeFileSync(join(dir, 'ab', 'leftover.tmp'), 'x');
    writeFileSync(join(dir, 'notes.txt'), 'x');
    expect(await cache.totalBytes()).toEqual({ bytes: 0, count: 0 });
  });
});
