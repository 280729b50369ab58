// Items whose dates move, and whose guids change later: still the same articles. Items sharing one
// date (arXiv's listing, dated with the day's announcement) are listed a few milliseconds apart to
// keep the feed's order, and a later
// change of guids (http:// to https://, a move to another CMS) no longer found the stored article
// and listed it twice. Real parser (ingestFeed), real SQLite; checked as the article list shows it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Storage } from '../../electron/core/storage';
import { ingestFeed } from '../../electron/core/workers/tasks';
import { fixtureText } from '../support/fixtures';
import { removeTempDirs, tempDir } from '../support/temp';

const ARXIV_URL = 'http://rss.arxiv.org/rss/physics.ao-ph';
const BLOG_URL = 'http://townnotes.example.org/feed/';
const NOW = Date.UTC(2026, 11, 5, 21);

let storage: Storage;
let feedId: number;

beforeEach(() => {
  storage = Storage.open(tempDir());
  feedId = storage.feeds.add({ url: ARXIV_URL, title: 'Feed', siteUrl: null, description: null, folderId: null });
});
afterEach(() => {
  storage.close();
  removeTempDirs();
});

async function sync(text: string, url: string, now = NOW) {
  return storage.articles.upsertFeedItems(feedId, (await ingestFeed(text, url, feedId)).items, now);
}

function listed() {
  return storage.articles.list({ filter: { kind: 'feed', feedId }, limit: 50 }).articles.map((a) => ({ title: a.title, read: a.read, date: new Date(a.publishedAt).toISOString() }));
}

function readAll(): void {
  storage.articles.setRead(storage.articles.list({ filter: { kind: 'feed', feedId }, limit: 50 }).articles.map((a) => a.id), true);
}

describe('items sharing one date', () => {
  it('are found again under new guids: nothing new, read state and order kept', async () => {
    const listing = fixtureText('feeds/arxiv-listing.xml');
    await sync(listing, ARXIV_URL);
    readAll();
    const before = listed();
    expect(before).toHaveLength(5);

    const moved = await sync(listing.replace(/<guid isPermaLink="false">oai:arXiv\.org:(\d+\.\d+)v1<\/guid>/g, '<guid isPermaLink="true">https://arxiv.org/abs/$1</guid>'), ARXIV_URL, NOW + 60_000);
    expect(moved).toMatchObject({ newIds: [], updatedIds: [], unchanged: 5 });
    expect(listed()).toEqual(before);
  });
});

/** A WordPress post as its RSS feed lists it. */
function wpItem(n: number, date: string, guid: string): string {
  return `
	<item>
		<title>Post number ${n}: notes from the week</title>
		<link>http://townnotes.example.org/2026/11/post-number-${n}/</link>
		<dc:creator><![CDATA[Jane Doe]]></dc:creator>
		<pubDate>${date}</pubDate>
		<guid isPermaLink="false">${guid}</guid>
		<description><![CDATA[Intro of post ${n}. The council met on Tuesday [&#8230;]]]></description>
		<content:encoded><![CDATA[<p>Intro of post ${n}.</p><p>The council met on Tuesday to discuss the bus network.</p>]]></content:encoded>
	</item>`;
}

function wpFeed(items: readonly string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Town Notes</title><link>http://townnotes.example.org/</link><description>Local news, weekly</description>
<generator>https://wordpress.org/?v=6.4.3</generator>${items.join('')}
</channel></rss>`;
}

describe('a date moved without an edit', () => {
  it("leaves the articles where they are (a feed stamped with its build time), and an edit moves its article's date", async () => {
    const stamped = (date: string, edited = 0) =>
      wpFeed([1, 2, 3, 4, 5, 6].map((n) => wpItem(n, date, `http://townnotes.example.org/?p=${100 + n}`).replace(n === edited ? '</content:encoded>' : '\u0000', ' Updated at 8pm.</content:encoded>')));
    await sync(stamped('Sat, 05 Dec 2026 18:00:00 +0000'), BLOG_URL);
    const order = [1, 2, 3, 4, 5, 6].map((n) => `Post number ${n}: notes from the week`);
    expect(listed().map((a) => a.title)).toEqual(order);
    const firstDates = listed().map((a) => a.date);

    // Unedited, rebuilt two hours later: nothing moves above the rest of the library.
    expect(await sync(stamped('Sat, 05 Dec 2026 20:00:00 +0000'), BLOG_URL, NOW + 60_000)).toMatchObject({ newIds: [], updatedIds: [], unchanged: 6 });
    expect(listed().map((a) => a.date)).toEqual(firstDates);

    // Post 3 edited: it takes the new date, the others stay.
    const result = await sync(stamped('Sat, 05 Dec 2026 20:00:00 +0000', 3), BLOG_URL, NOW + 120_000);
    expect(result.updatedIds).toHaveLength(1);
    expect(listed()[0]).toMatchObject({ title: 'Post number 3: notes from the week', date: '2026-12-05T20:00:00.000Z' });
    expect(listed().slice(1).map((a) => a.date)).toEqual(firstDates.filter((_, i) => i !== 2));
  });
});
