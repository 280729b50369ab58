// Articles retention deleted stay deleted when their feed gives them new unique ids (a move to
// another CMS, guids going from http:// to https://): the tombstone keeps the story (unique id,
// link, title, date) and the item is found by it as a stored article would be. Before, the tombstone
// kept the id alone and those old articles came back as new and unread, their pages fetched again.
// Real parser (ingestFeed), real SQLite file, retention as the app runs it.
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ImageCache } from '../../electron/core/articles';
import { Sqlite, Storage, applyRetention } from '../../electron/core/storage';
import { DATABASE_FILE } from '../../electron/core/storage/database';
import { ingestFeed } from '../../electron/core/workers/tasks';
import { removeTempDirs, tempDir } from '../support/temp';

const FEED_URL = 'http://townnotes.example.org/feed/';
const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 11, 5, 21);

let dir: string;
let storage: Storage;
let feedId: number;

beforeEach(() => {
  dir = tempDir();
  storage = Storage.open(dir);
  feedId = storage.feeds.add({ url: FEED_URL, title: 'Town Notes', siteUrl: null, description: null, folderId: null });
});
afterEach(() => {
  storage.close();
  removeTempDirs();
});

const post = (n: number, date: string, guid: string) => `
	<item>
		<title>Post number ${n}: notes from the week</title>
		<link>http://townnotes.example.org/2026/0${n}/post-number-${n}/</link>
		<pubDate>${date}</pubDate>
		<guid isPermaLink="false">${guid}</guid>
		<description><![CDATA[Intro of post ${n}. The council met on Tuesday [&#8230;]]]></description>
	</item>`;
const feed = (items: readonly string[]) => `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Town Notes</title>
<link>http://townnotes.example.org/</link><description>Local news, weekly</description>${items.join('')}</channel></rss>`;

// Two summer posts that retention will delete, and one from this week.
const posts = (scheme: string) => [
  post(9, 'Wed, 02 Dec 2026 10:00:00 +0000', `${scheme}://townnotes.example.org/?p=109`),
  post(7, 'Thu, 09 Jul 2026 10:00:00 +0000', `${scheme}://townnotes.example.org/?p=107`),
  post(6, 'Fri, 12 Jun 2026 10:00:00 +0000', `${scheme}://townnotes.example.org/?p=106`),
];

async function sync(xml: string, now: number) {
  return storage.articles.upsertFeedItems(feedId, (await ingestFeed(xml, FEED_URL, feedId)).items, now);
}

const titles = () => storage.articles.list({ filter: { kind: 'feed', feedId }, limit: 50 }).articles.map((a) => a.title);

it('keeps articles retention deleted from coming back when their feed changes their guids', async () => {
  expect((await sync(feed(posts('http').slice(1)), NOW - 140 * DAY)).newIds).toHaveLength(2);
  expect((await sync(feed(posts('http')), NOW - 3 * DAY)).newIds).toHaveLength(1);
  const images = new ImageCache(path.join(dir, 'images'));
  expect((await applyRetention(storage.db, images, 90, NOW)).articlesDeleted).toBe(2);
  expect(titles()).toEqual(['Post number 9: notes from the week']);

  // The site moves to https: every guid changes, the posts do not.
  expect(await sync(feed(posts('https')), NOW + DAY)).toMatchObject({ newIds: [], unchanged: 3 });
  expect(titles()).toEqual(['Post number 9: notes from the week']);
  // And again at the next sync, by the tombstones of their new ids.
  expect(await sync(feed(posts('https')), NOW + 2 * DAY)).toMatchObject({ newIds: [], unchanged: 3 });

  // A new post under the new guids is new.
  const withNew = [post(8, 'Sat, 05 Dec 2026 09:00:00 +0000', 'https://townnotes.example.org/?p=110'), ...posts('https')];
  expect((await sync(feed(withNew), NOW + 3 * DAY)).newIds).toHaveLength(1);
});

it("forgets a removed feed's tombstones with it", async () => {
  await sync(feed(posts('http').slice(1)), NOW - 140 * DAY);
  await applyRetention(storage.db, new ImageCache(path.join(dir, 'images')), 90, NOW);
  storage.feeds.remove(feedId);
  const raw = new Sqlite(path.join(dir, DATABASE_FILE));
  try {
    expect(raw.value<number>('SELECT count(*) FROM tombstone_stories')).toBe(0);
  } finally {
    raw.close();
  }
});
