// A full disk cannot be arranged for real in a test, so the file system reports one.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import type * as fsPromises from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it, vi } from 'vitest';
import { ImageCache } from '../../electron/articles';
import { makePng } from '../support/images';

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof fsPromises>();
  return {
    ...actual,
    writeFile: async (...args: Parameters<typeof actual.writeFile>) => {
      // Half the file makes it to disk before the space runs out.
      await actual.writeFile(args[0], 'partial');
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    },
  };
});

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

it('reports a full disk as such, keeps the code, and leaves no partial file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'paperboy-full-'));
  dirs.push(dir);
  const error = await new ImageCache(dir).put(makePng(1, 1, [0, 0, 0]), 'image/png').catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(Error);
  expect((error as Error).message).toBe('disk full while caching images');
  expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
  expect(readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile())).toEqual([]);
});
