// Retention on a big library deletes in slices, one transaction each, with the event loop's turn
// between them: in the app that loop is the main process, which one DELETE of 51,000 articles
// (their search-index rows and count triggers firing) held for 4.4 s. The result is the same as
// one transaction's: tombstones and stories kept, counts right, protected articles kept.
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ImageCache } from '../../electron/core/articles';
import { Storage, applyRetention } from '../../electron/core/storage';
import { RETENTION_SLICE } from '../../electron/core/storage/retention';
import { removeTempDirs, tempDir } from '../support/temp';
import { item } from './items';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 10, 28);
const OLD = 3 * RETENTION_SLICE + 17;

let storage: Storage;
let images: ImageCache;

beforeEach(() => {
  const dir = tempDir();
  storage = Storage.open(dir);
  images = new ImageCache(path.join(dir, 'images'));
});
afterEach(() => {
  storage.close();
  removeTempDirs();
});

it('gives the event loop turns while it deletes many articles, and keeps one starred meanwhile', async () => {
  const feedId = storage.feeds.add({ url: 'http://127.0.0.1/feed', title: 'Feed', siteUrl: null, description: null, folderId: null });
  const text = (i: number) => `Ministers met in Brussels on Thursday, story ${i}, for talks officials called frank.`;
  const old = Array.from({ length: OLD }, (_, i) => item({ publishedAt: NOW - 200 * DAY + i * 60_000, feedText: text(i), feedHtml: `<p>${text(i)}</p>` }));
  const recent = Array.from({ length: 5 }, () => item({ publishedAt: NOW - 2 * DAY }));
  storage.articles.upsertFeedItems(feedId, old, NOW - 200 * DAY);
  storage.articles.upsertFeedItems(feedId, recent, NOW - 2 * DAY);
  storage.articles.setStarred(old[3]!.id, true);
  storage.articles.setRead(old.slice(0, 100).map((article) => article.id), true);
  // The newest of the old ones goes last: the person stars it while the Clean up runs.
  const starredMeanwhile = old[OLD - 1]!;

  let turns = 0;
  let starredAt: number | null = null;
  const ticker = setInterval(() => {
    turns++;
    if (starredAt === null) {
      storage.articles.setStarred(starredMeanwhile.id, true);
      starredAt = turns;
    }
  }, 0);
  const result = await applyRetention(storage.db, images, 90, NOW);
  clearInterval(ticker);

  expect(turns).toBeGreaterThanOrEqual(2);
  expect(result.articlesDeleted).toBe(OLD - 2);
  const kept = storage.db.all<{ id: string }>('SELECT id FROM articles').map((row) => row.id);
  expect(kept.sort()).toEqual([old[3]!.id, starredMeanwhile.id, ...recent.map((article) => article.id)].sort());
  // What one transaction kept: each deleted article's tombstone and its story.
  expect(storage.db.value('SELECT count(*) FROM article_tombstones')).toBe(OLD - 2);
  expect(storage.db.value('SELECT count(*) FROM tombstone_stories')).toBe(OLD - 2);
  expect(storage.db.value('SELECT count(*) FROM tombstone_stories WHERE id = ?', [old[0]!.id])).toBe(1);
  // The counts the sidebar shows (the kept starred one was read), and search, agree with what is left.
  const feed = storage.feeds.list().find((candidate) => candidate.id === feedId)!;
  expect(feed).toMatchObject({ articleCount: 7, unreadCount: 6 });
  expect(storage.search('Brussels').map((hit) => hit.id).sort()).toEqual([old[3]!.id, starredMeanwhile.id].sort());
  // An item of the deleted ones still in its feed is not added again.
  expect(storage.articles.upsertFeedItems(feedId, [old[10]!], NOW).newIds).toEqual([]);
});
