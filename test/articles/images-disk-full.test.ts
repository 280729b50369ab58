// The image cache on a disk that fills up, for real: a tiny tmpfs (test/support/tiny-disk.ts).
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, expect, it } from 'vitest';
import { ImageCache } from '../../electron/core/articles';
import { DiskFullError } from '../../electron/core/system/disk-full';
import { removeTempDirs, tempDir } from '../support/temp';
import { TinyDisk } from '../support/tiny-disk';

const disks: TinyDisk[] = [];
afterAll(() => {
  for (const disk of disks.splice(0)) disk.unmount();
  removeTempDirs();
});

/** The cache keeps bytes as given (the sync sniffs them first), so any distinct bytes will do. */
const image = (kb: number) => randomBytes(kb * 1024);

it('says the disk is full, where, with the system code; keeps no partial file; earlier images stay whole; works again with room', async () => {
  const dir = tempDir();
  const disk = TinyDisk.mount(dir, 256);
  disks.push(disk);
  const cache = new ImageCache(dir);

  const kept: string[] = [];
  let error: unknown;
  for (let n = 0; n < 20 && !error; n++) {
    try {
      kept.push((await cache.put(image(40), 'image/png')).hash);
    } catch (caught) {
      error = caught;
    }
  }
  expect(error).toBeInstanceOf(DiskFullError);
  expect((error as Error).message).toBe(`disk full: no space left for images in ${dir}`);
  expect((error as DiskFullError).code).toBe('ENOSPC');
  expect(kept.length).toBeGreaterThan(2);

  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  expect(files.map((file) => file.name).sort()).toEqual([...kept].sort());
  for (const hash of kept) expect(readFileSync(cache.path(hash)).length).toBe(40 * 1024);

  disk.resize(4096);
  const after = await cache.put(image(40), 'image/png');
  expect(cache.has(after.hash)).toBe(true);
});
