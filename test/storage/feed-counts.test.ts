// Each feed's article and unread counts (the sidebar's numbers, and through them each folder's
// and "All unread") are kept by triggers, not counted at each listing. Every way articles and
// read marks change must leave them equal to a count of the rows: a sync, read marks, mark all
// read and its undo, retention, a feed's removal, a database from before the counts, a restored
// backup (even one whose counts were edited), a damaged database recovered. Real SQLite files.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openCore, restoreDataFolder } from '../../electron/core';
import { ImageCache } from '../../electron/core/articles';
import { Core } from '../../electron/core/core';
import { applyRetention, MIGRATIONS, Sqlite, Storage } from '../../electron/core/storage';
import { DATABASE_FILE } from '../../electron/core/storage/database';
import { openOrRecover } from '../../electron/core/storage/recovery';
import { overwrite, pageSize } from '../support/damage';
import { NewsSite } from '../support/news-site';
import { removeTempDirs, tempDir } from '../support/temp';
import { item } from './items';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 10, 28);

let site: NewsSite;
beforeAll(async () => {
  site = await NewsSite.start({ feeds: 2, itemsPerFeed: 3 });
});
afterAll(() => site.stop());
afterEach(removeTempDirs);

/** Each feed's counts as listed, by feed title: what the sidebar shows. */
function listed(storage: Storage): Record<string, { unread: number; total: number }> {
  return Object.fromEntries(storage.feeds.list().map((feed) => [feed.title, { unread: feed.unreadCount, total: feed.articleCount }]));
}

/** The same counted from the rows themselves, as listing did before the counts were kept. */
function counted(db: Sqlite): Record<string, { unread: number; total: number }> {
  const rows = db.all<{ title: string; unread: number; total: number }>(
    `SELECT coalesce(nullif(f.custom_title, ''), nullif(f.title, ''), f.url) AS title, count(s.article_id) AS total,
       coalesce(sum(s.read = 0), 0) AS unread
     FROM feeds f LEFT JOIN articles a ON a.feed_id = f.id LEFT JOIN article_status s ON s.article_id = a.id GROUP BY f.id`,
  );
  return Object.fromEntries(rows.map((row) => [row.title, { unread: row.unread, total: row.total }]));
}

function twoFeeds() {
  const storage = Storage.open(tempDir());
  const folder = storage.feeds.ensureFolder('World', null, NOW).folder;
  const world = storage.feeds.add({ url: 'http://127.0.0.1/world.xml', title: 'World', siteUrl: null, description: null, folderId: folder.id });
  const local = storage.feeds.add({ url: 'http://127.0.0.1/local.xml', title: 'Local', siteUrl: null, description: null, folderId: null });
  return { storage, folder, world, local };
}

describe('counts follow every change to articles and read marks', () => {
  it('new and edited articles, read marks, mark all read (a feed, a folder, older than a date) and its undo', () => {
    const { storage, folder, world, local } = twoFeeds();
    const worldItems = Array.from({ length: 5 }, (_, n) => item({ publishedAt: NOW - (5 - n) * DAY }));
    const localItems = Array.from({ length: 3 }, () => item());
    storage.articles.upsertFeedItems(world, worldItems, NOW);
    storage.articles.upsertFeedItems(local, localItems, NOW);
    expect(listed(storage)).toEqual({ World: { unread: 5, total: 5 }, Local: { unread: 3, total: 3 } });

    // The next sync: one edited item, one new one, the others unchanged.
    const edited = { ...worldItems[0]!, title: 'Edited headline', fingerprint: 'edited' };
    storage.articles.upsertFeedItems(world, [edited, ...worldItems.slice(1), item()], NOW);
    expect(listed(storage).World).toEqual({ unread: 6, total: 6 });

    storage.articles.setRead([worldItems[0]!.id, worldItems[1]!.id, localItems[0]!.id], true, NOW);
    storage.articles.setRead([worldItems[0]!.id], true, NOW); // read twice counts once
    storage.articles.setStarred(worldItems[2]!.id, true, NOW);
    expect(listed(storage)).toEqual({ World: { unread: 4, total: 6 }, Local: { unread: 2, total: 3 } });
    storage.articles.setRead([worldItems[1]!.id], false, NOW);
    expect(listed(storage).World).toEqual({ unread: 5, total: 6 });

    expect(storage.articles.markAllRead({ kind: 'folder', folderId: folder.id }, NOW, NOW - 3 * DAY)).toBe(2);
    expect(listed(storage).World).toEqual({ unread: 3, total: 6 });
    storage.articles.markAllRead({ kind: 'all' }, NOW + 1);
    expect(listed(storage)).toEqual({ World: { unread: 0, total: 6 }, Local: { unread: 0, total: 3 } });
    storage.articles.markUnreadSince({ kind: 'feed', feedId: local }, NOW + 1);
    expect(listed(storage)).toEqual({ World: { unread: 0, total: 6 }, Local: { unread: 2, total: 3 } });
    expect(storage.articles.unreadCount()).toBe(2);
    expect(listed(storage)).toEqual(counted(storage.db));
    storage.close();
  });

  it('retention takes old articles out of the counts, never a starred one; a removed feed takes its own', async () => {
    const { storage, world, local } = twoFeeds();
    const old = [item({ publishedAt: NOW - 200 * DAY }), item({ publishedAt: NOW - 200 * DAY }), item({ publishedAt: NOW - 200 * DAY })];
    storage.articles.upsertFeedItems(world, old, NOW - 200 * DAY);
    storage.articles.upsertFeedItems(world, [item({ publishedAt: NOW - DAY })], NOW - DAY);
    storage.articles.upsertFeedItems(local, [item({ publishedAt: NOW - 200 * DAY })], NOW - 200 * DAY);
    storage.articles.setRead([old[0]!.id], true, NOW);
    storage.articles.setStarred(old[1]!.id, true, NOW);

    const result = await applyRetention(storage.db, new ImageCache(path.join(tempDir(), 'images')), 90, NOW);
    expect(result.articlesDeleted).toBe(3);
    expect(listed(storage)).toEqual({ World: { unread: 2, total: 2 }, Local: { unread: 0, total: 0 } });

    storage.feeds.remove(world);
    expect(listed(storage)).toEqual({ Local: { unread: 0, total: 0 } });
    expect(storage.articles.unreadCount()).toBe(0);
    expect(storage.articles.count()).toBe(0);
    // The same feed subscribed again starts from nothing, not from the removed feed's numbers.
    const again = storage.feeds.add({ url: 'http://127.0.0.1/world.xml', title: 'World', siteUrl: null, description: null, folderId: null });
    storage.articles.upsertFeedItems(again, [item()], NOW);
    expect(listed(storage)).toEqual({ World: { unread: 1, total: 1 }, Local: { unread: 0, total: 0 } });
    expect(listed(storage)).toEqual(counted(storage.db));
    storage.close();
  });

  it('a real sync from a loopback news site, read marks through the API, a new story at the next sync', async () => {
    const dir = tempDir();
    const core = new Core({ dataDir: dir, workers: 1, welcome: false });
    try {
      const first = (await core.api.addFeed(site.feedUrl(0))).feed;
      await core.api.addFeed(site.feedUrl(1));
      await core.api.sync({ fullText: false, images: false });
      const feeds = await core.api.listFeeds();
      expect(feeds.map((feed) => [feed.unreadCount, feed.articleCount])).toEqual([[3, 3], [3, 3]]);

      const page = await core.api.listArticles({ filter: { kind: 'feed', feedId: first.id } });
      await core.api.setRead([page.articles[0]!.id], true);
      site.publish(0);
      await core.api.sync({ fullText: false, images: false });
      const after = (await core.api.listFeeds()).find((feed) => feed.id === first.id)!;
      expect([after.unreadCount, after.articleCount]).toEqual([3, 4]);
      expect(listed(core.storage)).toEqual(counted(core.storage.db));
    } finally {
      await core.close();
    }
  });
});

describe("the article lists' totals come from the same counts", () => {
  it('all, unread, a feed, a folder, starred: the totals the header shows, and the unread page in date order whether few or most are unread', () => {
    const { storage, folder, world, local } = twoFeeds();
    const worldItems = Array.from({ length: 300 }, (_, n) => item({ publishedAt: NOW - n * 60_000 }));
    storage.articles.upsertFeedItems(world, worldItems, NOW);
    storage.articles.upsertFeedItems(local, Array.from({ length: 20 }, () => item({ publishedAt: NOW - DAY })), NOW);
    storage.articles.setStarred(worldItems[7]!.id, true, NOW);
    const totals = () => ({
      all: storage.articles.list({ filter: { kind: 'all' }, limit: 10 }).total,
      unread: storage.articles.list({ filter: { kind: 'unread' }, limit: 10 }).total,
      world: storage.articles.list({ filter: { kind: 'feed', feedId: world }, limit: 10 }).total,
      worldUnread: storage.articles.list({ filter: { kind: 'feed', feedId: world }, unreadOnly: true, limit: 10 }).total,
      folder: storage.articles.list({ filter: { kind: 'folder', folderId: folder.id }, limit: 10 }).total,
      folderUnread: storage.articles.list({ filter: { kind: 'folder', folderId: folder.id }, unreadOnly: true, limit: 10 }).total,
      starred: storage.articles.list({ filter: { kind: 'starred' }, limit: 10 }).total,
    });
    const unreadPage = () => storage.articles.list({ filter: { kind: 'unread' }, limit: 10 }).articles.map((a) => a.id);
    const newestUnread = (read: Set<string>) => worldItems.filter((i) => !read.has(i.id)).slice(0, 10).map((i) => i.id);

    // Most unread: the page is found walking the dates.
    const someRead = new Set(worldItems.filter((_, n) => n % 3 === 0).map((i) => i.id));
    storage.articles.setRead([...someRead], true, NOW);
    expect(totals()).toEqual({ all: 320, unread: 220, world: 300, worldUnread: 200, folder: 300, folderUnread: 200, starred: 1 });
    expect(unreadPage()).toEqual(newestUnread(someRead));

    // Few unread: the page is found through the unread index.
    const mostRead = new Set(worldItems.filter((_, n) => n % 50 !== 1 || n % 3 === 0).map((i) => i.id));
    storage.articles.markAllRead({ kind: 'feed', feedId: local }, NOW);
    storage.articles.setRead([...mostRead], true, NOW);
    expect(totals()).toMatchObject({ all: 320, unread: 4, worldUnread: 4, folderUnread: 4 });
    expect(unreadPage()).toEqual(newestUnread(mostRead));
    storage.close();
  });
});

describe('counts made where rows arrive without the triggers', () => {
  it('a data folder from before the counts gets them when it opens', () => {
    const dir = tempDir();
    const raw = new Sqlite(path.join(dir, DATABASE_FILE));
    for (const [n, migration] of MIGRATIONS.slice(0, 4).entries()) raw.exec(`${migration}; PRAGMA user_version = ${n + 1};`);
    raw.exec(`INSERT INTO feeds (id, url, title, added_at) VALUES (1, 'http://127.0.0.1/a.xml', 'Old feed', 0), (2, 'http://127.0.0.1/b.xml', 'Empty feed', 0);
      INSERT INTO articles (id, feed_id, unique_id, title, published_at, has_date, first_seen_at, fingerprint)
        VALUES ('a1', 1, 'g1', 'One', 1, 1, 1, 'f'), ('a2', 1, 'g2', 'Two', 2, 1, 1, 'f'), ('a3', 1, 'g3', 'Three', 3, 1, 1, 'f');
      INSERT INTO article_status (article_id, read) VALUES ('a1', 1), ('a2', 0), ('a3', 0);`);
    raw.close();
    const storage = Storage.open(dir);
    expect(listed(storage)).toEqual({ 'Old feed': { unread: 2, total: 3 }, 'Empty feed': { unread: 0, total: 0 } });
    storage.close();
  });

  it('a restored backup is counted from its rows, even when the counts in the file were edited', async () => {
    const source = tempDir();
    const core = openCore({ dataDir: source, workers: 1, welcome: false });
    const backup = path.join(tempDir(), 'all.paperboy-backup');
    let before: Record<string, { unread: number; total: number }>;
    try {
      await core.api.addFeed(site.feedUrl(1));
      await core.api.sync({ fullText: false, images: false });
      const [article] = (await core.api.listArticles({ filter: { kind: 'all' } })).articles;
      await core.api.setRead([article!.id], true);
      before = Object.fromEntries((await core.api.listFeeds()).map((feed) => [feed.title, { unread: feed.unreadCount, total: feed.articleCount }]));
      await core.exportData(backup);
    } finally {
      await core.close();
    }
    const file = new Sqlite(backup);
    file.exec('UPDATE feed_counts SET unread = 999, total = 999');
    file.close();

    const target = tempDir();
    restoreDataFolder(target, backup);
    const storage = Storage.open(target);
    expect(Object.values(listed(storage))).toEqual([{ unread: 2, total: 3 }]);
    expect(listed(storage)).toEqual(before);
    storage.close();
  });

  it('a damaged database recovered: the counts are those of what came back, whatever page was lost', () => {
    for (const lost of ['article_status', 'feed_counts']) {
      const { storage, world, local } = twoFeeds();
      const items = Array.from({ length: 600 }, () => item({ feedHtml: `<p>${'Long body. '.repeat(50)}</p>` }));
      storage.articles.upsertFeedItems(world, items, NOW);
      storage.articles.upsertFeedItems(local, [item(), item()], NOW);
      storage.articles.setRead(items.filter((_, n) => n % 2 === 0).map((i) => i.id), true, NOW);
      const dir = path.dirname(storage.db.path);
      const pages = storage.db.all<{ pageno: number }>("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno", [lost]);
      storage.close();
      const file = path.join(dir, DATABASE_FILE);
      const size = pageSize(file);
      const page = pages[Math.floor(pages.length / 2)]!.pageno;
      expect(readFileSync(file).length).toBeGreaterThan(page * size);
      overwrite(file, (page - 1) * size, size);

      const { db, recovery } = openOrRecover(dir);
      expect(recovery).not.toBeNull();
      db.close();
      const reopened = Storage.open(dir);
      const seen = listed(reopened);
      expect(seen).toEqual(counted(reopened.db));
      expect(seen.World!.total).toBeGreaterThan(0);
      expect(seen.Local).toEqual({ unread: 2, total: 2 });
      reopened.close();
    }
  });
});
