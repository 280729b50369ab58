// An image on its way into the cache (images.ts), taken chunk by chunk as the network delivers
// it: each chunk is hashed and appended to a temp file, so no image is ever held whole in memory
// (a sync fetches thousands, and dead buffers of megabytes wait on the main thread's collector).
// Only once the last byte is in does the hash name the file; the cache then renames it into place.
import { createHash, randomBytes } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

import { CACHED_IMAGE_TYPES } from '../../../shared/cache-url';
import { DeclaredSize } from './declared-size';

/** What the cache lends an incoming image. */
export interface IncomingImageHost {
  readonly dir: string;
  readonly maxImageBytes: number;
  /** Moves the finished temp file to its hash's name (or drops it when that file exists). */
  place(temp: string, hash: string, size: number): Promise<void>;
  /** The error to report for a failed file operation (a full disk says so). */
  fileError(error: unknown): unknown;
}

/** Enough of the first bytes for sniffImageType to tell every type it knows. */
export const SNIFF_BYTES = 512;
/** Chunks are gathered up to this many bytes and written together: most images (a median of
 *  some 60 KB) then cost one write, as a file written whole did, and none holds more in memory. */
const BATCH_BYTES = 128 * 1024;
/** Bytes handed to the file but not yet written past which the network waits for the disk. */
const QUEUED_LIMIT = 2 * BATCH_BYTES;
/** Pixels past which an image is refused (a 12,000 x 8,000 panorama is 96): a header may declare
 *  100,000 x 100,000 over a few KB of data, and a viewer that believes it allocates 40 GB. */
export const MAX_IMAGE_PIXELS = 100_000_000;

/** A temp file in the cache's folder: <pid of the writer>.<12 hex>.tmp (images.ts removes those of
 *  dead writers). The hex is a per-process random part and a counter: no random bytes per image. */
const processTag = randomBytes(3).toString('hex');
let written = 0;
function tempName(dir: string): string {
  written = (written + 1) % 0x1000000;
  return join(dir, `${process.pid}.${processTag}${written.toString(16).padStart(6, '0')}.tmp`);
}

export class IncomingImage {
  /** The first bytes, for telling what the image is. */
  head: Buffer = Buffer.alloc(0);
  size = 0;
  private readonly hash = createHash('sha256');
  private readonly temp: string;
  private file: Promise<FileHandle> | null = null;
  /** The writes so far, in order; a failure is kept and said by the next write and by store. */
  private writes: Promise<void> = Promise.resolve();
  /** Chunks not yet handed to the file, and their bytes. */
  private batch: Buffer[] = [];
  private batchBytes = 0;
  /** Bytes handed to the file and not yet written. */
  private queued = 0;
  private failure: unknown = null;
  private ended = false;
  private readonly declared = new DeclaredSize();
  /** The size its header declared, when the image was refused for its pixels (MAX_IMAGE_PIXELS). */
  declaredTooLarge: { readonly width: number; readonly height: number } | null = null;

  constructor(private readonly host: IncomingImageHost) {
    this.temp = tempName(host.dir);
  }

  /** Takes the next chunk. Returns a promise when the reader should wait for the disk before
   *  reading on (or when the image failed: it rejects with why), null to read on at once. */
  write(chunk: Buffer): Promise<void> | null {
    if (this.failure !== null) return Promise.reject(this.failure);
    if (this.ended) return Promise.reject(new Error('image already stored'));
    this.size += chunk.length;
    if (this.size > this.host.maxImageBytes) {
      this.failure = new Error(`image too large: over ${this.host.maxImageBytes} bytes`);
      return Promise.reject(this.failure);
    }
    this.hash.update(chunk);
    if (this.head.length < SNIFF_BYTES) this.head = Buffer.concat([this.head, chunk.subarray(0, SNIFF_BYTES - this.head.length)]);
    const declared = this.declared.read(this.head, chunk);
    if (declared !== null && declared.width * declared.height > MAX_IMAGE_PIXELS) {
      const pixels = `${declared.width.toLocaleString('en')} × ${declared.height.toLocaleString('en')} pixels`;
      this.declaredTooLarge = { width: declared.width, height: declared.height };
      this.failure = new Error(`image too large: ${pixels} (over ${MAX_IMAGE_PIXELS / 1_000_000} megapixels)`);
      return Promise.reject(this.failure);
    }
    this.batch.push(chunk);
    this.batchBytes += chunk.length;
    if (this.batchBytes < BATCH_BYTES) return null;
    this.flush();
    return this.queued > QUEUED_LIMIT ? this.writes.then(() => this.rethrow()) : null;
  }

  /** Hands the gathered chunks to the file, after the writes before them. A failed write is kept
   *  in `failure`, never left in a promise nobody waits for: that would be an unhandled rejection,
   *  which ends the process (a full disk crashed the sync rather than being reported). */
  private flush(): void {
    const chunks = this.batch;
    const bytes = this.batchBytes;
    if (bytes === 0) return;
    this.batch = [];
    this.batchBytes = 0;
    this.queued += bytes;
    const done = this.writes.then(async () => {
      this.rethrow();
      await writeAll(await this.opened(), chunks);
      this.queued -= bytes;
    });
    this.writes = done.catch((error: unknown) => {
      this.failure ??= this.host.fileError(error);
    });
  }

  /** Names the file by its hash and puts it in the cache, as an image of type `mime` (which the
   *  caller sniffed from `head`, never SVG: a drawing comes in by ImageCache.putDrawing); the bytes must all be in. On failure nothing is left behind. */
  async store(mime: string): Promise<{ hash: string; size: number }> {
    this.ended = true;
    try {
      if (!CACHED_IMAGE_TYPES.has(mime)) throw new Error(`not an image type the cache keeps: ${mime}`);
      if (this.size === 0) throw new Error('empty image');
      this.flush();
      await this.writes;
      this.rethrow();
      const hash = this.hash.digest('hex');
      await this.close().catch((error: unknown) => Promise.reject(this.host.fileError(error)));
      await this.host.place(this.temp, hash, this.size);
      return { hash, size: this.size };
    } catch (error) {
      await this.discard();
      throw error;
    }
  }

  /** Every byte taken so far, read back from the temp file: a drawing is rewritten before the
   *  cache keeps it (svg-drawing.ts), and only then named by its hash (ImageCache.put). */
  async writtenBytes(): Promise<Buffer> {
    this.flush();
    await this.writes;
    this.rethrow();
    return this.file === null ? Buffer.alloc(0) : await readFile(this.temp);
  }

  /** Drops what was written; safe to call on any path, more than once, and after store. */
  async discard(): Promise<void> {
    this.ended = true;
    await this.writes;
    await this.close().catch(() => undefined);
    if (this.file !== null) await rm(this.temp, { force: true }).catch(() => undefined);
  }

  private rethrow(): void {
    if (this.failure !== null) throw this.failure;
  }

  /** Opened at the first byte, so an image that fails before any arrives leaves no file at all. */
  private opened(): Promise<FileHandle> {
    this.file ??= open(this.temp, 'wx').catch(async (error: unknown) => {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      await mkdir(this.host.dir, { recursive: true });
      return await open(this.temp, 'wx');
    });
    return this.file;
  }

  private async close(): Promise<void> {
    const file = this.file;
    if (file === null) return;
    const handle = await file.catch(() => null);
    // Closed once: a second close of a FileHandle rejects.
    if (handle !== null && handle.fd !== -1) await handle.close();
  }
}

/** Writes every byte of the chunks, in one call unless the system takes fewer. */
async function writeAll(handle: FileHandle, chunks: readonly Buffer[]): Promise<void> {
  let rest = chunks;
  while (rest.length > 0) {
    let written = (await handle.writev(rest)).bytesWritten;
    const left: Buffer[] = [];
    for (const chunk of rest) {
      if (written >= chunk.length) written -= chunk.length;
      else {
        left.push(chunk.subarray(written));
        written = 0;
      }
    }
    rest = left;
  }
}
