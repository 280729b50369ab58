// What unsubscribing and retention give back to the disk: the images only deleted articles showed
// (at once, not at the next sync) and the database file's freed pages. Over the real core, SQLite
// files and the image cache on disk; the disk-full case on a real tiny file system.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Core } from '../../electron/core/core';
import { compactionHoldsLock, takeSyncLock } from '../../electron/core/sync/sync-lock';
import type { SyncProgressEvent } from '../../shared/types';
import { makePng } from '../support/images';
import { removeTempDirs, tempDir } from '../support/temp';
import { TinyDisk } from '../support/tiny-disk';
import { item } from './items';
import { loopTurnsDuring } from '../support/loop-turns';
import { indexAllQueued } from '../../electron/core/storage/search-queue';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 10, 28);

const cores: Core[] = [];
const disks: TinyDisk[] = [];
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close();
  for (const disk of disks.splice(0)) disk.unmount();
  removeTempDirs();
});

function openCore(dataDir = tempDir()): Core {
  const core = new Core({ dataDir, workers: 1, welcome: false, now: () => NOW });
  cores.push(core);
  return core;
}

const BODY = `<p>${'Ministers met in Brussels on Thursday for talks that officials described as frank and difficult. '.repeat(40)}</p>`;

/** A feed of `count` articles first seen `ageDays` ago, each showing a picture of its own. */
async function feedWithArticles(core: Core, name: string, count: number, ageDays: number): Promise<{ feedId: number; images: string[] }> {
  const feedId = core.storage.feeds.add({ url: `http://127.0.0.1/${name}/feed`, title: name, siteUrl: null, description: null, folderId: null }, NOW);
  const items = Array.from({ length: count }, () => item({ publishedAt: NOW - ageDays * DAY, feedHtml: BODY, feedText: BODY }));
  core.storage.articles.upsertFeedItems(feedId, items, NOW - ageDays * DAY);
  const images: string[] = [];
  for (const [index, stored] of items.entries()) {
    const { hash, size } = await core.images.put(makePng(8, 8, [index % 256, name.charCodeAt(0), 7]), 'image/png');
    core.storage.articles.recordImage(hash, 'image/png', size, NOW);
    core.storage.articles.saveContent(stored.id, {
      html: BODY, text: BODY, source: 'page', lang: 'en', dir: 'ltr', state: 'done', error: null, leadImageHash: null,
      images: [{ url: `http://127.0.0.1/${name}/${index}.png`, hash }],
    }, NOW);
    images.push(hash);
  }
  return { feedId, images };
}

/** The database file's size at rest (its WAL moved into it). */
function databaseBytes(core: Core): number {
  core.storage.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  return statSync(core.storage.db.path).size;
}

/**
 * Some 60 MB of an older library, half of its articles deleted as they were before retention gave
 * pages back: the file keeps its size, and a VACUUM rewrites the rest, about a second per 200 MB.
 */
function halfFreedLibrary(core: Core): void {
  const feedId = core.storage.feeds.add({ url: 'http://127.0.0.1/big/feed', title: 'big', siteUrl: null, description: null, folderId: null }, NOW);
  for (const ageDays of [200, 1]) {
    const items = Array.from({ length: 3_000 }, () => item({ publishedAt: NOW - ageDays * DAY, feedHtml: BODY, feedText: BODY }));
    core.storage.articles.upsertFeedItems(feedId, items, NOW - ageDays * DAY);
  }
  // Indexed for search, as a library is once it has been searched or the app has run.
  indexAllQueued(core.storage.db);
  asOlderLibrary(core);
  core.storage.db.run('DELETE FROM articles WHERE published_at < ?', [NOW - 100 * DAY]);
}

/**
 * The person stars and reads one article after another on `clicker` while `compact` runs, each a
 * call of its own from a window (Router.call), as clicks are; the VACUUM holds SQLite's write lock.
 * Each mark must be kept, and the main loop must keep turning meanwhile.
 */
async function starAndReadDuring(clicker: Core, compact: () => Promise<unknown>): Promise<void> {
  const ids = clicker.storage.db.all<{ id: string }>('SELECT id FROM articles ORDER BY rid LIMIT 100').map((row) => row.id);
  let compacted = false;
  const clicks: string[] = [];
  const answers: Promise<unknown>[] = [];
  const { longestGap, took } = await loopTurnsDuring(async () => {
    const vacuum = compact().finally(() => (compacted = true));
    for (const id of ids) {
      if (compacted) break;
      answers.push(clicker.call('setStarred', [id, true]), clicker.call('setRead', [[id], true]));
      clicks.push(id);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await vacuum;
    await Promise.all(answers);
  });
  expect(clicks.length).toBeGreaterThan(5);
  // Before, each write waited for the lock on this thread: the loop stood still for all of the VACUUM.
  expect(longestGap).toBeLessThan(took / 8);
  // Each was kept, once the compaction had ended.
  const marked = clicker.storage.db.all<{ id: string }>('SELECT article_id AS id FROM article_status WHERE starred = 1 AND read = 1').map((row) => row.id);
  expect(marked.sort()).toEqual(clicks.sort());
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

/** A library made before databases gave pages back (auto_vacuum NONE), as every existing one is. */
function asOlderLibrary(core: Core): void {
  core.storage.db.exec('PRAGMA auto_vacuum = NONE; VACUUM;');
  expect(core.storage.db.value('PRAGMA auto_vacuum')).toBe(0);
}

describe('unsubscribing', () => {
  it('removes the images only its articles showed once its work ends, and keeps one another article shows', async () => {
    const core = openCore();
    const gone = await feedWithArticles(core, 'gone', 3, 1);
    const kept = await feedWithArticles(core, 'kept', 1, 1);
    // The same picture in both feeds: the kept article still shows it.
    const shared = gone.images[0]!;
    core.storage.articles.fillImage(core.storage.db.value<string>('SELECT id FROM articles WHERE feed_id = ?', [kept.feedId])!, 'http://127.0.0.1/shared.png', shared);

    await core.api.removeFeed(gone.feedId);
    await core.idle();
    expect(gone.images.slice(1).map((hash) => existsSync(core.images.path(hash)))).toEqual([false, false]);
    expect(existsSync(core.images.path(shared))).toBe(true);
    expect(existsSync(core.images.path(kept.images[0]!))).toBe(true);
    expect((await core.api.storageInfo()).imageCount).toBe(2);
  });

  it('leaves the images to the running sync, whose retention frees them when it ends', async () => {
    const core = openCore();
    const gone = await feedWithArticles(core, 'gone', 2, 1);
    // A sync of this data folder in progress (here or in another process): its images written
    // before their articles must not look unreferenced to a collection beside it.
    const sync = takeSyncLock(core.storage.db);
    try {
      await core.api.removeFeed(gone.feedId);
      await core.idle();
      expect(gone.images.map((hash) => existsSync(core.images.path(hash)))).toEqual([true, true]);
    } finally {
      sync.release();
    }
    expect(await core.api.listFeeds()).toEqual([]);
  });
});

describe('the database file', () => {
  it('shrinks after retention deletes many articles (a new library)', async () => {
    const core = openCore();
    await feedWithArticles(core, 'old', 400, 200);
    await feedWithArticles(core, 'recent', 20, 1);
    const before = databaseBytes(core);

    const result = await core.api.applyRetention(90);
    expect(result.articlesDeleted).toBe(400);
    expect(databaseBytes(core)).toBeLessThan(before / 2);
    expect((await core.api.storageInfo()).articleCount).toBe(20);
  });

  it('of an older library shrinks at its Clean up, and from then on after every retention', async () => {
    const core = openCore();
    await feedWithArticles(core, 'old', 400, 200);
    await feedWithArticles(core, 'recent', 20, 1);
    asOlderLibrary(core);
    const before = databaseBytes(core);

    await core.api.applyRetention(90);
    const cleaned = databaseBytes(core);
    expect(cleaned).toBeLessThan(before / 2);

    // Later articles age out after a sync: retention alone gives their pages back now.
    await feedWithArticles(core, 'later', 400, 120);
    const grown = databaseBytes(core);
    await core.sync({ feedIds: [999_999] });
    expect(databaseBytes(core)).toBeLessThan(grown / 2);
    expect((await core.api.storageInfo()).articleCount).toBe(20);
  });

  it("is compacted on a thread of its own: the app's main thread keeps turning meanwhile", async () => {
    const core = openCore();
    halfFreedLibrary(core);
    const before = databaseBytes(core);

    const { turns, longestGap, took } = await loopTurnsDuring(() => core.api.vacuum());
    expect(databaseBytes(core)).toBeLessThan(before * 0.6);
    expect(core.storage.db.value('PRAGMA auto_vacuum')).toBe(2);
    expect((await core.api.storageInfo()).articleCount).toBe(3_000);
    // The rewrite took the writer's thread: this one turned all along, never held for most of it.
    expect(turns).toBeGreaterThan(20);
    expect(longestGap).toBeLessThan(took / 5);
  });

  it('takes stars and read marks made while it is compacted after it, without holding the main thread', async () => {
    const core = openCore();
    halfFreedLibrary(core);
    await starAndReadDuring(core, () => core.call('vacuum', []));
  });

  it('takes stars and read marks made while another process compacts it after it, without holding the main thread', async () => {
    // `paperboy call vacuum` in a terminal while the app is open: another connection, whose lock
    // row is all this core can know of it.
    const app = openCore();
    halfFreedLibrary(app);
    const terminal = openCore(path.dirname(app.storage.db.path));
    await starAndReadDuring(app, () => terminal.call('vacuum', []));
  });

  it('has a sync asked for while another process compacts it wait for that and say why, then run', async () => {
    const app = openCore();
    halfFreedLibrary(app);
    const terminal = openCore(path.dirname(app.storage.db.path));
    const events: SyncProgressEvent[] = [];
    app.on('sync-progress', (event) => events.push(event));
    const vacuum = terminal.call('vacuum', []);
    await until(() => compactionHoldsLock(app.storage.db));
    const summary = await app.sync({});
    await vacuum;
    expect(summary.cancelled).toBe(false);
    expect(events.map((event) => event.type).slice(0, 2)).toEqual(['sync-waiting', 'sync-started']);
    expect(events[0]).toMatchObject({ reason: 'Compacting the database first…' });
  });

  it('has a sync asked for meanwhile wait for it and say why, then run, rather than be refused', async () => {
    const core = openCore();
    halfFreedLibrary(core);
    const events: SyncProgressEvent[] = [];
    core.on('sync-progress', (event) => events.push(event));
    // The compaction takes the data folder's sync lock as it is called; then Sync is pressed, or the schedule syncs.
    const vacuum = core.call('vacuum', []);
    const summary = await core.sync({});
    await vacuum;
    expect(summary.cancelled).toBe(false);
    expect(events.map((event) => event.type).slice(0, 2)).toEqual(['sync-waiting', 'sync-started']);
    expect(events[0]).toMatchObject({ reason: 'Compacting the database first…' });
  });

  it('is not compacted on a disk without room for it: the message says so, and nothing is lost', async () => {
    const dataDir = tempDir();
    mkdirSync(path.join(dataDir, 'images'));
    const setup = new Core({ dataDir, workers: 1, welcome: false, now: () => NOW });
    await feedWithArticles(setup, 'recent', 300, 1);
    asOlderLibrary(setup);
    await setup.close();

    // The data folder moved onto a disk with about its size free: a VACUUM would need twice that.
    const small = tempDir();
    const size = statSync(path.join(dataDir, 'paperboy.db')).size;
    disks.push(TinyDisk.mount(small, Math.ceil((size * 1.5) / 1024) + 200));
    const { cpSync } = await import('node:fs');
    cpSync(dataDir, small, { recursive: true });
    const core = openCore(small);
    await expect(core.api.vacuum()).rejects.toThrow(/^The database was not compacted: that needs about \d+ MB of free disk space in .+, and \d+ MB is free\. Nothing was lost; free some space and try again\.$/);
    expect((await core.api.storageInfo()).articleCount).toBe(300);
  });

  it("is not compacted at a Clean up on a disk without room for it: the articles go, and the result says why the file did not shrink", async () => {
    const dataDir = tempDir();
    mkdirSync(path.join(dataDir, 'images'));
    const setup = new Core({ dataDir, workers: 1, welcome: false, now: () => NOW });
    // Few old ones: deleting them must fit on the disk, which a rewrite of the whole file does not.
    await feedWithArticles(setup, 'old', 20, 200);
    await feedWithArticles(setup, 'recent', 300, 1);
    asOlderLibrary(setup);
    await setup.close();

    const small = tempDir();
    const size = statSync(path.join(dataDir, 'paperboy.db')).size;
    disks.push(TinyDisk.mount(small, Math.ceil((size * 1.5) / 1024) + 200));
    const { cpSync } = await import('node:fs');
    cpSync(dataDir, small, { recursive: true });
    const core = openCore(small);
    // Before, the compaction's refusal was a promise nobody awaited: an unhandled rejection.
    const result = await core.api.applyRetention(90);
    expect(result.articlesDeleted).toBe(20);
    expect(result.notCompacted).toMatch(/^The database was not compacted: that needs about \d+ MB of free disk space/);
    expect((await core.api.storageInfo()).articleCount).toBe(300);
  });

  it('says what holds the folder when a sync meets housekeeping, not that another process syncs', () => {
    const core = openCore();
    const housekeeping = takeSyncLock(core.storage.db, 'compacting the database');
    try {
      expect(() => takeSyncLock(core.storage.db)).toThrow('Paperboy is compacting the database in this data folder; try again in a moment.');
    } finally {
      housekeeping.release();
    }
  });
});
