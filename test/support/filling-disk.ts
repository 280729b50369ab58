// A disk that fills up, without mounting one (tiny-disk.ts needs root to mount a tmpfs, which
// not every machine running the tests has): the image cache writes its files through FileHandle
// writev (incoming-image.ts), and here those writes get the room left on an imagined disk. A
// write is cut short where the room ends, as the kernel does, and the next one fails with ENOSPC
// after a real round trip to the disk, so the failure arrives as late as a real one does.
// Everything else is real: the files, their names, the bytes that fit.
import { open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { vi } from 'vitest';

type Writev = FileHandle['writev'];

export class FillingDisk {
  private constructor(private room: number) {}

  /** Image writes of this process get `roomBytes` in all, until restore(). */
  static async install(roomBytes: number, scratchDir: string): Promise<FillingDisk> {
    const disk = new FillingDisk(roomBytes);
    const prototype = await fileHandlePrototype(scratchDir);
    const realWritev = prototype.writev;
    async function writevWithinRoom(this: FileHandle, buffers: readonly NodeJS.ArrayBufferView[], position?: number) {
      const fitting = disk.take(buffers);
      if (fitting.length > 0) return await realWritev.call(this, fitting, position);
      await this.stat();
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
    }
    vi.spyOn(prototype, 'writev').mockImplementation(writevWithinRoom as Writev);
    return disk;
  }

  /** Frees space, as a person clearing room would. */
  grow(bytes: number): void {
    this.room += bytes;
  }

  restore(): void {
    vi.restoreAllMocks();
  }

  /** The part of the buffers that still fits (none once the disk is full), taken from the room. */
  private take(buffers: readonly NodeJS.ArrayBufferView[]): Buffer[] {
    const fitting: Buffer[] = [];
    for (const view of buffers) {
      if (this.room === 0) break;
      const bytes = Buffer.from(view.buffer, view.byteOffset, Math.min(view.byteLength, this.room));
      fitting.push(bytes);
      this.room -= bytes.length;
    }
    return fitting;
  }
}

/** FileHandle's class is not exported: its prototype is that of a handle. */
async function fileHandlePrototype(scratchDir: string): Promise<FileHandle> {
  const handle = await open(path.join(scratchDir, 'probe'), 'w');
  await handle.close();
  return Object.getPrototypeOf(handle) as FileHandle;
}
