// The export runs in a worker thread with a database connection of its own: the process that
// asks (the app's main process) keeps answering while a big folder is written out, and a sync
// writing at the same moment leaves a backup that is one consistent snapshot.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { restoreDataFolder, IMAGES_FOLDER } from '../../electron/core';
import { Core } from '../../electron/core/core';
import { Sqlite } from '../../electron/core/storage/sqlite';
import { NewsSite } from '../support/news-site';
import { removeTempDirs, tempDir } from '../support/temp';

afterAll(removeTempDirs);

/** Puts `count` images of `bytes` each into a data folder's cache, named as ImageCache names them. */
function fillImageCache(dataDir: string, count: number, bytes: number): void {
  for (let i = 0; i < count; i++) {
    const data = randomBytes(bytes);
    const hash = createHash('sha256').update(data).digest('hex');
    mkdirSync(path.join(dataDir, IMAGES_FOLDER, hash.slice(0, 2)), { recursive: true });
    writeFileSync(path.join(dataDir, IMAGES_FOLDER, hash.slice(0, 2), hash), data);
  }
}

describe('export in a worker thread', () => {
  it('the event loop keeps running during the export of a big folder, and the backup restores', async () => {
    const dataDir = tempDir('paperboy-export-big-');
    const core = new Core({ dataDir, workers: 1 });
    const images = 400;
    try {
      await core.api.createFolder('Kept');
      // 400 images of 128 KB: about 50 MB to read, hash, copy and check again, which the old
      // synchronous export did on the calling thread (a freeze the person sees).
      fillImageCache(dataDir, images, 128 * 1024);
      const file = path.join(tempDir('paperboy-export-big-file-'), 'all.paperboy-backup');
      // A timer the main thread must keep serving, as it serves the window's IPC in the app.
      let ticks = 0;
      const timer = setInterval(() => ticks++, 10);
      const started = performance.now();
      let info;
      try {
        info = await core.exportData(file);
      } finally {
        clearInterval(timer);
      }
      const elapsed = performance.now() - started;
      const possible = Math.floor(elapsed / 10);
      console.log(`export of ${images} images: ${Math.round(elapsed)} ms, ${ticks} of ${possible} ticks of a 10 ms timer`);
      // The folder is big enough that a blocked loop would miss many ticks (a precondition, not a speed check).
      expect(possible).toBeGreaterThanOrEqual(10);
      // Blocked, the timer would tick at most once or twice; free, it ticks nearly every time.
      expect(ticks).toBeGreaterThan(possible / 2);
      expect(info).toMatchObject({ images });

      const restored = path.join(tempDir('paperboy-export-big-restored-'), 'data');
      expect(restoreDataFolder(restored, file)).toMatchObject({ images });
      const reopened = new Core({ dataDir: restored, workers: 1 });
      try {
        expect((await reopened.api.listFolders()).map((f) => f.name)).toEqual(['Kept']);
        expect((await reopened.api.storageInfo()).imageCount).toBe(images);
      } finally {
        await reopened.close();
      }
    } finally {
      await core.close();
    }
  }, 180_000);

  it('an export while a sync writes is one consistent snapshot: integrity_check ok, and it restores', async () => {
    const site = await NewsSite.start({ feeds: 6, itemsPerFeed: 12 });
    const dataDir = tempDir('paperboy-export-sync-');
    const core = new Core({ dataDir, workers: 1 });
    try {
      for (const url of site.feedUrls()) await core.api.addFeed(url);
      const file = path.join(tempDir('paperboy-export-sync-file-'), 'all.paperboy-backup');
      // The export starts once the sync has stored some full articles, with most still to come.
      let fetched = 0;
      let fetchedWhileExporting = 0;
      let exporting: Promise<unknown> | null = null;
      let exported = false;
      core.on('sync-progress', (event) => {
        if (event.type !== 'article-fetched') return;
        fetched++;
        if (exporting && !exported) fetchedWhileExporting++;
        if (fetched === 10) exporting = core.exportData(file).finally(() => (exported = true));
      });
      const summary = await core.sync({});
      expect(summary.feedsFailed).toBe(0);
      expect(exporting).not.toBeNull();
      await exporting;

      const backup = new Sqlite(file, { readonly: true });
      expect(backup.value('PRAGMA integrity_check')).toBe('ok');
      expect(backup.all('PRAGMA foreign_key_check')).toEqual([]);
      const backedUp = backup.value<number>('SELECT count(*) FROM articles') ?? 0;
      backup.close();
      const total = core.storage.db.value<number>('SELECT count(*) FROM articles') ?? 0;
      console.log(`exported ${backedUp} of the ${total} articles the sync stored; ${fetchedWhileExporting} pages stored during the export`);

      const restored = path.join(tempDir('paperboy-export-sync-restored-'), 'data');
      restoreDataFolder(restored, file);
      const reopened = new Core({ dataDir: restored, workers: 1 });
      try {
        const page = await reopened.api.listArticles({ filter: { kind: 'all' }, limit: 500 });
        expect(page.articles.length).toBe(backedUp);
        expect(backedUp).toBeLessThanOrEqual(total);
        // The next sync on the restored folder completes.
        expect((await reopened.sync({})).feedsFailed).toBe(0);
      } finally {
        await reopened.close();
      }
    } finally {
      await core.close();
      await site.stop();
    }
  }, 180_000);
});
