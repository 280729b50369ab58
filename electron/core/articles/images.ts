// Images for offline reading: which ones an article shows, what their bytes really are, where
// they are kept (a content-addressed folder), and the rewrite that points the article at them.
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';

import { CACHED_IMAGE_TYPES, CACHE_SCHEME, SVG_TYPE, cacheUrl } from '../../../shared/cache-url';
import { DiskFullError, diskFullCode } from '../system/disk-full';
import { isProcessAlive } from '../system/process-alive';
import { IncomingImage } from './incoming-image';
import type { SafeDrawing } from './svg-drawing';

export { CACHE_SCHEME, cacheUrl };

// These work on sanitized HTML only. There every '<' and '>' inside text or an attribute value
// is escaped and every attribute value is double-quoted, so a tag is exactly /<img\b[^>]*>/ and
// its attributes are exactly name="value": no HTML parser needed.
const IMG_TAG = /<img\b[^>]*>/gi;
const ATTRIBUTE = /\s([^\s="/>]+)(?:="([^"]*)")?/g;

/** The remote images the HTML shows or will show once cached (data-original-src, see below). */
export function imageUrlsIn(html: string): string[] {
  const urls = new Set<string>();
  for (const [tag] of html.matchAll(IMG_TAG)) {
    const attributes = attributesOf(tag);
    const src = attributes.get('src') ?? attributes.get('data-original-src');
    if (src && /^https?:\/\//i.test(src)) urls.add(src);
  }
  return [...urls];
}

/** Points each image at its cached copy. An image that is not cached loses its src (keeping its
 *  original URL in data-original-src, so a later run can still cache it): the reader must never
 *  make a remote request. Running it again, with the same or a larger map, is safe. */
export function rewriteImageUrls(html: string, cached: ReadonlyMap<string, string>): string {
  return html.replace(IMG_TAG, (tag) => {
    const attributes = attributesOf(tag);
    const src = attributes.get('src');
    if (src?.startsWith(`${CACHE_SCHEME}://`)) return tag;
    const original = src ?? attributes.get('data-original-src');
    if (original == null) return tag;
    const local = cached.get(original);
    const rewritten = new Map<string, string | null>();
    for (const [name, value] of attributes) {
      if (name === 'src' || name === 'data-original-src') {
        if (!rewritten.has('src') && !rewritten.has('data-original-src')) {
          rewritten.set(local ? 'src' : 'data-original-src', local ?? original);
        }
      } else {
        rewritten.set(name, value);
      }
    }
    let out = '<img';
    for (const [name, value] of rewritten) out += value === null ? ` ${name}` : ` ${name}="${escapeAttribute(value)}"`;
    return out + (tag.endsWith('/>') ? ' />' : '>');
  });
}

function attributesOf(tag: string): Map<string, string | null> {
  const attributes = new Map<string, string | null>();
  for (const [, name, value] of tag.slice(4).matchAll(ATTRIBUTE)) {
    if (name) attributes.set(name.toLowerCase(), value === undefined ? null : decodeAttribute(value));
  }
  return attributes;
}

function decodeAttribute(value: string): string {
  return value.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}


/** The image type the bytes really are (the server's Content-Type is not trusted), or null. */
export function sniffImageType(bytes: Buffer): string | null {
  const ascii = (start: number, end: number): string => bytes.toString('latin1', start, end);
  if (bytes.length >= 8 && bytes.readUInt32BE(0) === 0x89504e47 && bytes.readUInt32BE(4) === 0x0d0a1a0a) return 'image/png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 6 && (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a')) return 'image/gif';
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  if (isAvif(bytes)) return 'image/avif';
  // BMP and ICO have short signatures; a second field that must hold a known value keeps text
  // that merely starts with "BM" from passing.
  if (bytes.length >= 26 && ascii(0, 2) === 'BM' && [12, 40, 52, 56, 64, 108, 124].includes(bytes.readUInt32LE(14))) return 'image/bmp';
  if (bytes.length >= 22 && bytes.readUInt32BE(0) === 0x00000100 && bytes.readUInt16LE(4) > 0) return 'image/x-icon';
  return null;
}

/** An ISO-BMFF 'ftyp' box naming AVIF as its major or a compatible brand (HEIC shares the box). */
function isAvif(bytes: Buffer): boolean {
  if (bytes.length < 16 || bytes.toString('latin1', 4, 8) !== 'ftyp') return false;
  const boxEnd = Math.min(bytes.readUInt32BE(0), bytes.length);
  for (let at = 8; at + 4 <= boxEnd; at += at === 8 ? 8 : 4) {
    const brand = bytes.toString('latin1', at, at + 4);
    if (brand === 'avif' || brand === 'avis') return true;
  }
  return false;
}

/** The types the cache keeps byte for byte as they came: every one but SVG, a document that is
 *  kept only as svg-drawing.ts rewrites it (ImageCache.putDrawing). */
const KEPT_AS_SENT: ReadonlySet<string> = new Set([...CACHED_IMAGE_TYPES].filter((type) => type !== SVG_TYPE));

const HASH = /^[0-9a-f]{64}$/;
/** A write in progress: <pid of the writer>.<12 hex>.tmp in the cache's folder (incoming-image.ts),
 *  or <hash>.<pid>.<12 hex>.tmp beside its final name (a restore's, and older versions'). */
const TEMP = /^(?:[0-9a-f]{64}\.)?(\d+)\.[0-9a-f]{12}\.tmp$/;
/** A temp file this old is abandoned whoever wrote it (a writer on another machine sharing the
 *  folder cannot be asked whether it is alive); an image is written in milliseconds. */
const ABANDONED_AFTER_MS = 60 * 60 * 1000;

/** Image files named by the SHA-256 of their bytes, in dir/<first two hex digits>/<hash>: the
 *  same picture used by many articles is stored once, and a name can never point outside dir. */
export class ImageCache {
  private readonly maxImageBytes: number;
  /** Temp files of writers that died (a process killed mid-write) are removed once per process,
   *  before its first write; started at once so a process that writes nothing tidies up too. */
  private readonly tidied: Promise<void>;
  /** The image files this process wrote or found whole, and the others seen on disk (by name,
   *  while tidying and at each hashes()); a hash is in one of them at most. A name is its content,
   *  so a file known whole needs no look at the disk, and one not on disk needs no look before it
   *  is written: only a file seen there and not yet checked is measured (a file cut short by a
   *  crash is written again). */
  private readonly whole = new Set<string>();
  private unchecked = new Set<string>();

  constructor(
    private readonly dir: string,
    limits: { maxImageBytes?: number } = {},
  ) {
    this.maxImageBytes = limits.maxImageBytes ?? 10 * 1024 * 1024;
    this.tidied = this.removeAbandonedTempFiles().catch(() => undefined);
  }

  /** Caches bytes at hand (an icon, a restored file); a download streams in through incoming(). */
  async put(bytes: Buffer, mime: string): Promise<{ hash: string; size: number }> {
    if (!KEPT_AS_SENT.has(mime)) throw new Error(`not an image type the cache keeps as it came: ${mime}`);
    return await this.kept(bytes, mime);
  }

  /** Caches an SVG drawing as safeDrawing made it: the only way one enters the cache. */
  async putDrawing(drawing: SafeDrawing): Promise<{ hash: string; size: number }> {
    return await this.kept(Buffer.from(drawing.buffer, drawing.byteOffset, drawing.byteLength), SVG_TYPE);
  }

  private async kept(bytes: Buffer, mime: string): Promise<{ hash: string; size: number }> {
    if (bytes.length === 0) throw new Error('empty image');
    if (bytes.length > this.maxImageBytes) throw new Error(`image too large: ${bytes.length} bytes (limit ${this.maxImageBytes})`);
    const image = this.incoming();
    try {
      await image.write(bytes);
    } catch (error) {
      await image.discard();
      throw error;
    }
    return await image.store(mime);
  }

  /** An image to be written as it arrives (a download's body sink): its bytes go to a temp file,
   *  and `store` names it by their hash. The caller discards it on every failure path. */
  incoming(): IncomingImage {
    return new IncomingImage({
      dir: this.dir,
      maxImageBytes: this.maxImageBytes,
      place: (temp, hash, size) => this.place(temp, hash, size),
      fileError: (error) => this.fileError(error),
    });
  }

  /** Renamed into place, so a reader never sees half a file, and a process killed mid-write
   *  leaves only a temp file (removed by the next process, see removeAbandonedTempFiles). */
  private async place(temp: string, hash: string, size: number): Promise<void> {
    await this.tidied;
    const target = this.path(hash);
    // A name is its content: a file known whole stays, and the temp copy goes. The size check
    // repairs a file cut short by a crash (files are not fsynced: for a cache, a re-download is
    // cheaper than a sync per image).
    if (this.whole.has(hash) || (this.unchecked.has(hash) && (await sizeOf(target)) === size)) {
      await rm(temp, { force: true });
    } else {
      // The folder is made only when missing: most images go to one of 256 that exist.
      await rename(temp, target).catch(async (error: unknown) => {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        await mkdir(dirname(target), { recursive: true });
        await rename(temp, target);
      });
    }
    this.unchecked.delete(hash);
    this.whole.add(hash);
  }

  private fileError(error: unknown): unknown {
    const full = diskFullCode(error);
    return full ? new DiskFullError('images', this.dir, full, error) : error;
  }

  /** The file for a hash. Anything but 64 hex digits is refused, so no name can leave dir. */
  path(hash: string): string {
    if (!HASH.test(hash)) throw new Error(`not an image hash: ${JSON.stringify(hash.slice(0, 80))}`);
    return join(this.dir, hash.slice(0, 2), hash);
  }

  has(hash: string): boolean {
    return HASH.test(hash) && existsSync(this.path(hash));
  }

  async delete(hash: string): Promise<void> {
    this.whole.delete(hash);
    this.unchecked.delete(hash);
    await rm(this.path(hash), { force: true });
  }

  /** The hashes of the files in the cache, by name only (no stat): what a sync compares with
   *  the images the articles show, to fetch again what a lost folder took. */
  async hashes(): Promise<Set<string>> {
    const found = new Set<string>();
    for (const shard of await entries(this.dir)) {
      if (!/^[0-9a-f]{2}$/.test(shard)) continue;
      for (const name of await entries(join(this.dir, shard))) if (HASH.test(name) && name.startsWith(shard)) found.add(name);
    }
    // What the disk says now is what put trusts: a file removed since (a deleted folder) is written again.
    for (const hash of this.whole) if (!found.has(hash)) this.whole.delete(hash);
    this.unchecked = new Set([...found].filter((hash) => !this.whole.has(hash)));
    return found;
  }

  async totalBytes(): Promise<{ bytes: number; count: number }> {
    let bytes = 0;
    let count = 0;
    for (const shard of await entries(this.dir)) {
      if (!/^[0-9a-f]{2}$/.test(shard)) continue;
      for (const name of await entries(join(this.dir, shard))) {
        if (!HASH.test(name)) continue;
        const size = await sizeOf(join(this.dir, shard, name));
        if (size === null) continue;
        bytes += size;
        count++;
      }
    }
    return { bytes, count };
  }

  private async removeAbandonedTempFiles(): Promise<void> {
    const now = Date.now();
    const removeIfAbandoned = async (folder: string, name: string): Promise<void> => {
      const writer = TEMP.exec(name)?.[1];
      if (writer === undefined) return;
      const file = join(folder, name);
      const modified = (await stat(file).catch(() => null))?.mtimeMs ?? now;
      if (!isProcessAlive(Number(writer)) || now - modified > ABANDONED_AFTER_MS) await rm(file, { force: true });
    };
    for (const entry of await entries(this.dir)) {
      if (!/^[0-9a-f]{2}$/.test(entry)) {
        await removeIfAbandoned(this.dir, entry);
        continue;
      }
      for (const name of await entries(join(this.dir, entry))) {
        if (HASH.test(name) && !this.whole.has(name)) this.unchecked.add(name);
        await removeIfAbandoned(join(this.dir, entry), name);
      }
    }
  }
}


async function sizeOf(file: string): Promise<number | null> {
  try {
    const info = await stat(file);
    return info.isFile() ? info.size : null;
  } catch {
    return null;
  }
}

async function entries(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
