// A process killed while writing an image leaves a temp file beside the final name. The next
// process to open the cache removes it, but never a file whose writer is still at work.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ImageCache } from '../../electron/core/articles';
import { removeTempDirs, tempDir } from '../support/temp';

afterAll(removeTempDirs);

/** The id of a process that has ended. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid!;
}

it('removes temp files of dead writers and old ones, keeps a live writer’s', async () => {
  const dir = tempDir();
  const hash = 'ab'.repeat(32);
  mkdirSync(path.join(dir, 'ab'));
  const live = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
  try {
    const dead = `${hash}.${await deadPid()}.aaaaaaaaaaaa.tmp`;
    const working = `${hash}.${live.pid}.bbbbbbbbbbbb.tmp`;
    const forgotten = `${hash}.${live.pid}.cccccccccccc.tmp`;
    for (const name of [dead, working, forgotten]) writeFileSync(path.join(dir, 'ab', name), 'half an image');
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    utimesSync(path.join(dir, 'ab', forgotten), twoHoursAgo, twoHoursAgo);

    const cache = new ImageCache(dir);
    const { hash: written } = await cache.put(randomBytes(100), 'image/png');
    expect(readdirSync(path.join(dir, 'ab')).sort()).toEqual(written.startsWith('ab') ? [working, written].sort() : [working]);
    expect(cache.has(written)).toBe(true);
  } finally {
    live.kill();
  }
});
