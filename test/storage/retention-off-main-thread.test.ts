// Retention on a big library deletes for seconds (76,000 articles: 14 s, in transactions of up to
// 0.3 s). The app runs it on a database writer thread: its main process (every window) keeps
// answering all along, and what retention keeps and forgets is what it was on the main thread.
import { existsSync } from 'node:fs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { Core } from '../../electron/core/core';
import type { IncomingItem } from '../../electron/core/storage';
import { RETENTION_SLICE } from '../../electron/core/storage/retention';
import { makePng } from '../support/images';
import { removeTempDirs, tempDir } from '../support/temp';
import { item } from './items';
import { loopTurnsDuring } from '../support/loop-turns';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 10, 28);
const OLD = 12 * RETENTION_SLICE + 40;

let core: Core;
let feedId: number;

beforeEach(() => {
  core = new Core({ dataDir: tempDir(), workers: 1, welcome: false, now: () => NOW });
  feedId = core.storage.feeds.add({ url: 'http://127.0.0.1/feed', title: 'Harbour News', siteUrl: null, description: null, folderId: null });
});
afterEach(async () => {
  await core.close();
  removeTempDirs();
});

const story = (i: number) =>
  `Story ${i}: the council met on Thursday about the harbour budget, the ferry timetable and the fish market. ` +
  'Residents asked why the new quay is late; officials said the tender had to be run again after a dispute. '.repeat(4);

/** OLD articles seen 200 days ago, a few recent ones, and some old ones in a built-in feed. */
function library(): { old: IncomingItem[]; recent: IncomingItem[]; builtin: IncomingItem[] } {
  const old = Array.from({ length: OLD }, (_, i) => item({ publishedAt: NOW - 200 * DAY + i * 60_000, feedText: story(i), feedHtml: `<p>${story(i)}</p>` }));
  const recent = Array.from({ length: 20 }, () => item({ publishedAt: NOW - 2 * DAY }));
  const builtinFeed = core.storage.feeds.add({ url: 'https://paperboy.invalid/guide', title: 'Guide', siteUrl: null, description: null, folderId: null, builtin: true }, NOW - 300 * DAY);
  const builtin = [item({ publishedAt: NOW - 300 * DAY }), item({ publishedAt: NOW - 300 * DAY })];
  core.storage.articles.upsertFeedItems(feedId, old, NOW - 200 * DAY);
  core.storage.articles.upsertFeedItems(feedId, recent, NOW - 2 * DAY);
  core.storage.articles.upsertFeedItems(builtinFeed, builtin, NOW - 300 * DAY);
  return { old, recent, builtin };
}

/** Gives the article a cached image of its own; returns its hash. */
async function withImage(articleId: string, color: number): Promise<string> {
  const { hash, size } = await core.images.put(makePng(4, 4, [color, 0, 0]), 'image/png');
  core.storage.articles.recordImage(hash, 'image/png', size, NOW);
  core.storage.articles.saveContent(articleId, {
    html: '<p>x</p>', text: 'x', source: 'page', lang: null, dir: 'ltr', state: 'done', error: null,
    leadImageHash: null, images: [{ url: `http://127.0.0.1/${color}.png`, hash }],
  }, NOW);
  return hash;
}

const ids = (sql: string) => core.storage.db.all<{ id: string }>(sql).map((row) => row.id).sort();

it("deletes a big library's old articles while the main thread's event loop keeps turning, keeping what it always kept", async () => {
  const { old, recent, builtin } = library();
  const [starred, drafted] = [old[5]!, old[OLD - 7]!];
  core.storage.articles.setStarred(starred.id, true);
  core.storage.drafts.create({ articleId: drafted.id, articleTitle: drafted.title, articleUrl: drafted.url, feedTitle: 'Harbour News', replyTo: null, body: 'Which quay?', name: '', email: '', website: '' });
  const freed = [await withImage(old[1]!.id, 1), await withImage(old[2]!.id, 2)];
  const kept = await withImage(starred.id, 3);

  // Each turn of this thread's loop, as the app's main process would take them.
  const { result, turns, longestGap, took } = await loopTurnsDuring(() => core.api.applyRetention(90));

  expect(result).toMatchObject({ articlesDeleted: OLD - 2, imagesDeleted: 2 });
  expect(result.bytesFreed).toBeGreaterThan(0);
  expect(ids('SELECT id FROM articles')).toEqual([starred.id, drafted.id, ...recent.map((a) => a.id), ...builtin.map((a) => a.id)].sort());
  // Each deleted article's tombstone and story: still in its feed, it is not added again.
  expect(core.storage.db.value('SELECT count(*) FROM article_tombstones')).toBe(OLD - 2);
  expect(core.storage.db.value('SELECT count(*) FROM tombstone_stories')).toBe(OLD - 2);
  expect(core.storage.articles.upsertFeedItems(feedId, [old[10]!, old[OLD - 1]!], NOW).newIds).toEqual([]);
  expect(freed.map((hash) => existsSync(core.images.path(hash)))).toEqual([false, false]);
  expect(existsSync(core.images.path(kept))).toBe(true);
  expect((await core.api.listFeeds()).find((feed) => feed.id === feedId)).toMatchObject({ articleCount: 22 });

  // On this thread, each slice of 250 held the loop: about one turn per slice, each gap a slice long.
  const slices = Math.ceil(OLD / RETENTION_SLICE);
  expect(turns).toBeGreaterThan(20 * slices);
  expect(longestGap).toBeLessThan(took / 5);
});

it('keeps an article starred while it runs: each slice checks again', async () => {
  library();
  // The last one retention comes to (it goes in date order, as stored).
  const starredMeanwhile = core.storage.db.value<string>('SELECT id FROM articles WHERE feed_id = ? AND published_at < ? ORDER BY published_at DESC, id DESC LIMIT 1', [feedId, NOW - 90 * DAY])!;
  let done = false;
  let starred = false;
  const retention = core.api.applyRetention(90).finally(() => (done = true));
  while (!done) {
    await new Promise((resolve) => setImmediate(resolve));
    // Once the deleting has begun, as a person starring the last article of the list would.
    if (!starred && core.storage.db.value<number>('SELECT count(*) FROM article_tombstones')! > 0) {
      await core.api.setStarred(starredMeanwhile, true);
      starred = true;
    }
  }
  expect(starred).toBe(true);
  expect((await retention).articlesDeleted).toBe(OLD - 1);
  expect(ids('SELECT a.id FROM articles a JOIN feeds f ON f.id = a.feed_id WHERE f.builtin = 0 AND a.published_at < ' + (NOW - 90 * DAY))).toEqual([starredMeanwhile]);
});

it('stops between two transactions when the core closes, and what it did stays whole', async () => {
  library();
  const dataDir = core.dataDir;
  const retention = core.api.applyRetention(90);
  retention.catch(() => undefined);
  while (core.storage.db.value<number>('SELECT count(*) FROM article_tombstones') === 0) await new Promise((resolve) => setImmediate(resolve));
  await core.close();
  await expect(retention).rejects.toThrow();

  core = new Core({ dataDir, workers: 1, welcome: false, now: () => NOW });
  const left = core.storage.db.value<number>('SELECT count(*) FROM articles WHERE feed_id = ?', [feedId])!;
  expect(left).toBeGreaterThan(20);
  // Every article is either still there or deleted with its tombstone; the feed's count agrees.
  expect(core.storage.db.value<number>('SELECT count(*) FROM article_tombstones')).toBe(OLD + 20 - left);
  expect((await core.api.listFeeds()).find((feed) => feed.id === feedId)).toMatchObject({ articleCount: left });
});
