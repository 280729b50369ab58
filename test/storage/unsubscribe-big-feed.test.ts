// Unsubscribing from a big feed deletes thousands of articles, their search-index rows and grams,
// and then the images only they showed. In one transaction on the main thread that held the app's
// main process (every window) for 1.3 s at 20,000 articles. The feed must still vanish for the
// person at once, and a process that dies halfway must leave no half feed behind.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { Core } from '../../electron/core/core';
import { DATABASE_FILE, Sqlite, type IncomingItem } from '../../electron/core/storage';
import type { SyncProgressEvent, SyncSummary } from '../../shared/types';
import { RETENTION_SLICE } from '../../electron/core/storage/retention';
import { makePng } from '../support/images';
import { startPaperboy } from '../support/processes';
import { removeTempDirs, tempDir } from '../support/temp';
import { item } from './items';
import { loopTurnsDuring } from '../support/loop-turns';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 10, 28);
/** The removed feed's articles. */
const ARTICLES = 16 * RETENTION_SLICE + 30;

let core: Core;

beforeEach(() => {
  core = new Core({ dataDir: tempDir(), workers: 1, welcome: false, now: () => NOW });
});
afterEach(async () => {
  await core.close();
  removeTempDirs();
});

/** Some 400 words of many different ones (a news article's), as the search index holds them. */
const SYLLABLES = ['har', 'bour', 'quay', 'fer', 'ry', 'coun', 'cil', 'mar', 'ket', 'ten', 'der', 'bud', 'get', 'fish', 'tim', 'ber', 'lan', 'tern', 'sto', 'ne'];
function story(i: number): string {
  const words: string[] = [`Story ${i}:`];
  for (let w = 0; w < 400; w++) {
    const n = (i * 7919 + w * 104729) % 8000;
    words.push(SYLLABLES[n % 20]! + SYLLABLES[Math.floor(n / 20) % 20]! + SYLLABLES[Math.floor(n / 400) % 20]!);
  }
  return `${words.join(' ')}.`;
}

function addFeed(name: string): number {
  return core.storage.feeds.add({ url: `http://127.0.0.1/${name}/feed`, title: name, siteUrl: null, description: null, folderId: null }, NOW - 200 * DAY);
}

/** Gives the article a cached image; returns its hash. */
async function withImage(articleId: string, url: string, color: number): Promise<string> {
  const { hash, size } = await core.images.put(makePng(4, 4, [color, 7, 9]), 'image/png');
  core.storage.articles.recordImage(hash, 'image/png', size, NOW);
  core.storage.articles.fillImage(articleId, url, hash);
  return hash;
}

/** A small feed, then a big one (the newest feed: its id is the highest) whose articles are some
 *  read, one starred, one with a draft, a few with Japanese titles, a few with images of their own
 *  and one showing an image the small feed shows too. */
async function library() {
  const valley = addFeed('valley');
  const harbour = addFeed('harbour');
  const items: IncomingItem[] = Array.from({ length: ARTICLES }, (_, i) =>
    item({
      publishedAt: NOW - 30 * DAY + i * 60_000,
      title: i % 500 === 0 ? `東京の港で新しい岸壁 ${i}` : `Harbour story ${i}`,
      feedText: story(i),
      feedHtml: `<p>${story(i)}</p>`,
    }));
  core.storage.articles.upsertFeedItems(harbour, items, NOW - 30 * DAY);
  const others = [item({ title: 'Valley fair opens', feedText: 'The valley fair opens on Saturday by the quay.' }), item({ title: 'Valley bus times' })];
  core.storage.articles.upsertFeedItems(valley, others, NOW - DAY);
  core.storage.articles.setRead(items.slice(0, 100).map((a) => a.id), true, NOW);
  core.storage.articles.setStarred(items[7]!.id, true, NOW);
  const draft = core.storage.drafts.create({
    articleId: items[ARTICLES - 3]!.id, articleTitle: 'Harbour story', articleUrl: items[ARTICLES - 3]!.url, feedTitle: 'harbour',
    replyTo: null, body: 'When will the quay open?', name: '', email: '', website: '',
  }, NOW);
  const onlyHarbour = [
    await withImage(items[1]!.id, 'http://127.0.0.1/harbour/1.png', 1),
    await withImage(items[ARTICLES - 1]!.id, 'http://127.0.0.1/harbour/2.png', 2),
  ];
  const shared = await withImage(items[2]!.id, 'http://127.0.0.1/shared.png', 3);
  core.storage.articles.fillImage(others[0]!.id, 'http://127.0.0.1/shared.png', shared);
  const valleyOwn = await withImage(others[1]!.id, 'http://127.0.0.1/valley/4.png', 4);
  return { harbour, valley, others, draft, onlyHarbour, kept: [shared, valleyOwn] };
}

const count = (sql: string, params: (string | number)[] = []) => core.storage.db.value<number>(sql, params)!;

/** Every article of the removed feed is gone, with its status, text, search-index rows and grams;
 *  its draft stays, without its article; the other feed is as it was. */
function expectOnlyTheOtherFeed(harbour: number, valley: number, others: IncomingItem[], draft: number): void {
  expect(count('SELECT count(*) FROM articles WHERE feed_id = ?', [harbour])).toBe(0);
  expect(count('SELECT count(*) FROM articles')).toBe(2);
  expect(count('SELECT count(*) FROM article_status')).toBe(2);
  expect(count('SELECT count(*) FROM article_content')).toBe(2);
  expect(core.storage.search('東京')).toEqual([]);
  expect(core.storage.search('quay').map((hit) => hit.id)).toEqual([others[0]!.id]);
  core.storage.db.exec("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')");
  expect(count("SELECT count(*) FROM articles_grams WHERE articles_grams MATCH '\"東京\"'")).toBe(0);
  // Unsubscribing is no retention: no tombstones.
  expect(count('SELECT count(*) FROM article_tombstones')).toBe(0);
  expect(core.storage.drafts.get(draft)).toMatchObject({ articleId: null, body: 'When will the quay open?' });
  expect(core.storage.feeds.list().map((feed) => [feed.id, feed.articleCount, feed.unreadCount])).toEqual([[valley, 2, 2]]);
}

it('removes a big feed at once for the person while the main thread keeps turning, and deletes what removal always deleted', async () => {
  const { harbour, valley, others, draft, onlyHarbour, kept } = await library();
  expect(core.storage.search('東京').length).toBeGreaterThan(0);

  // What the person sees the moment the app hears of the removal (the sidebar and list reload).
  let seenAtEvent: { feeds: string[]; listed: number; total: number; found: number } | null = null;
  core.on('feeds-changed', () => {
    const list = core.storage.articles.list({ filter: { kind: 'all' }, limit: 50 });
    seenAtEvent ??= { feeds: core.storage.feeds.list().map((feed) => feed.title), listed: list.articles.length, total: list.total, found: core.storage.search('harbour').length };
  });

  // Each turn of this thread's loop, as the app's main process would take them.
  const { turns, longestGap, took } = await loopTurnsDuring(async () => {
    await core.api.removeFeed(harbour);
    await core.idle();
  });

  expect(seenAtEvent).toEqual({ feeds: ['valley'], listed: 2, total: 2, found: 0 });
  expectOnlyTheOtherFeed(harbour, valley, others, draft);
  // The images only its articles showed, not the one the other feed shows too.
  expect(onlyHarbour.map((hash) => existsSync(core.images.path(hash)))).toEqual([false, false]);
  expect(kept.map((hash) => existsSync(core.images.path(hash)))).toEqual([true, true]);
  expect(count('SELECT count(*) FROM images')).toBe(2);

  // Each slice held the loop at most: many turns per slice, no gap near the whole.
  expect(turns).toBeGreaterThan(5 * (ARTICLES / RETENTION_SLICE));
  expect(longestGap).toBeLessThan(took / 5);
});

it('answers before the articles are deleted, and a sync asked meanwhile runs once they are, not refused', async () => {
  const { harbour, valley, others, draft } = await library();
  // The Unsubscribe dialog waits for this answer: the feed is gone, its articles not yet.
  await core.api.removeFeed(harbour);
  expect(core.storage.feeds.list().map((feed) => feed.title)).toEqual(['valley']);
  expect(count('SELECT count(*) FROM articles WHERE feed_id = ?', [harbour])).toBeGreaterThan(ARTICLES / 2);

  // Sync pressed at once (the deletion holds the sync lock): it waits, then runs (its feed's
  // address answers nothing here: a failed feed, not a refused sync).
  const summary = await core.api.sync({ feedsOnly: true });
  expect(summary).toMatchObject({ feedsTotal: 1 });
  expectOnlyTheOtherFeed(harbour, valley, others, draft);
});

/** The sync's events from now on, by type. */
function syncEvents(): SyncProgressEvent['type'][] {
  const seen: SyncProgressEvent['type'][] = [];
  core.on('sync-progress', (event) => seen.push(event.type));
  return seen;
}

it('has a scheduled sync meanwhile wait for the deletion too, not be refused for that round', async () => {
  const { harbour, valley, others, draft } = await library();
  await core.api.updateSettings({ syncOnStart: true });
  const failures: unknown[] = [];
  const logged = console.error;
  console.error = (...args: unknown[]) => void failures.push(args.join(' '));
  try {
    const seen = syncEvents();
    const finished = new Promise<SyncSummary>((resolve) => core.on('sync-progress', (event) => event.type === 'sync-finished' && resolve(event)));
    await core.api.removeFeed(harbour);
    // The app's start with "Sync on start" on, a moment after the person unsubscribed.
    core.startScheduledSyncs();
    expect(await finished).toMatchObject({ feedsTotal: 1, cancelled: false });
    expect(seen.slice(0, 2)).toEqual(['sync-waiting', 'sync-started']);
  } finally {
    console.error = logged;
  }
  expect(failures).toEqual([]);
  expectOnlyTheOtherFeed(harbour, valley, others, draft);
});

it('ends a sync cancelled while it waits for the deletion before it begins, and the deletion still ends', async () => {
  const { harbour, valley, others, draft } = await library();
  const waiting = new Promise<string>((resolve) => core.on('sync-progress', (event) => event.type === 'sync-waiting' && resolve(event.reason)));
  const seen = syncEvents();
  await core.api.removeFeed(harbour);
  const syncing = core.api.sync({ feedsOnly: true });
  // What the status bar shows meanwhile, instead of a sync that seems stuck at nothing.
  expect(await waiting).toBe('Deleting a removed feed’s articles first…');
  // A second Sync meanwhile is the same sync.
  await expect(core.api.sync({ feedsOnly: true })).rejects.toThrow('A sync is already running.');
  expect(await core.api.cancelSync()).toBe(true);
  expect(await syncing).toMatchObject({ cancelled: true, feedsTotal: 0, feedsDone: 0 });
  // Never begun: no feed was fetched, and nothing said a sync started.
  expect(seen).toEqual(['sync-waiting']);
  expect(await core.api.syncLog(valley, 10)).toEqual([]);
  await core.idle();
  expectOnlyTheOtherFeed(harbour, valley, others, draft);
});

it('leaves no half feed when the process is killed halfway, and the next sync deletes the rest', async () => {
  const { harbour, valley, others, draft, onlyHarbour, kept } = await library();
  const dataDir = core.dataDir;
  await core.close();

  // `paperboy call removeFeed`, killed once some of the feed's articles are deleted and some not.
  const raw = new Sqlite(path.join(dataDir, DATABASE_FILE));
  const cli = startPaperboy('call', 'removeFeed', JSON.stringify([harbour]), '--data', dataDir);
  let exited = false;
  void cli.run.then(() => (exited = true));
  let left = ARTICLES;
  while (!exited && (left === ARTICLES || left === 0)) {
    await new Promise((resolve) => setTimeout(resolve, 2));
    left = raw.value<number>('SELECT count(*) FROM articles WHERE feed_id = ?', [harbour])!;
  }
  cli.child.kill('SIGKILL');
  await cli.run;
  raw.close();
  expect(left).toBeGreaterThan(0);
  expect(left).toBeLessThan(ARTICLES);

  // Started again: nothing of the feed shows, though some of its articles are still stored.
  core = new Core({ dataDir, workers: 1, welcome: false, now: () => NOW });
  expect(count('SELECT count(*) FROM articles WHERE feed_id = ?', [harbour])).toBeGreaterThan(0);
  // (The CLI installed the welcome feed in this folder, new to it: out of the way.)
  core.storage.feeds.remove(core.storage.feeds.list().find((feed) => feed.builtin)!.id);
  expect((await core.api.listFeeds()).map((feed) => feed.title)).toEqual(['valley']);
  expect(await core.api.listArticles({ filter: { kind: 'all' } })).toMatchObject({ total: 2, articles: [{ feedId: valley }, { feedId: valley }] });
  expect(await core.api.search('harbour')).toEqual([]);
  expect(await core.api.getDraft(draft)).toMatchObject({ articleId: null });
  // A feed subscribed to now is not given the removed feed's id, and with it its articles.
  const lake = addFeed('lake');
  expect(lake).not.toBe(harbour);
  expect(await core.api.listArticles({ filter: { kind: 'feed', feedId: lake } })).toMatchObject({ total: 0, articles: [] });
  core.storage.feeds.remove(lake);

  // The next sync (its one feed's address answers nothing here) ends with retention, which
  // deletes the rest.
  await core.api.sync({ feedsOnly: true });
  expectOnlyTheOtherFeed(harbour, valley, others, draft);
  expect(onlyHarbour.map((hash) => existsSync(core.images.path(hash)))).toEqual([false, false]);
  expect(kept.map((hash) => existsSync(core.images.path(hash)))).toEqual([true, true]);
}, 60_000);
