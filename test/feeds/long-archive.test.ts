// A feed with more items than one parse reads (MAX_FEED_ITEMS, item-limit.ts) keeps its newest
// ones and says how many it left out; it was refused whole ("too many items"), and a site's
// "all posts" feed, a wiki's changes or a podcast's whole back catalogue never showed at all.
// Newest by the items' dates (an archive listed oldest first keeps its end), else by the
// document's order (newest first in every format).
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_FEED_ITEMS, parseFeed } from '../../electron/core/feeds';
import { HostileSync } from '../support/hostile-sync';
import { measurePeakRss } from '../support/memory';
import { removeTempDirs } from '../support/temp';

const POSTS = 24_000;
const LEFT_OUT = POSTS - MAX_FEED_ITEMS;
/** A post every six hours from 2009 on: 24,000 of them reach 2025. */
const dateOf = (n: number) => new Date(Date.UTC(2009, 0, 1) + n * 6 * 3600_000);

/** A static site's "all posts" feed as its template writes it, oldest first (a loop over the posts as they were written). */
function allPostsOldestFirst(): string {
  const items: string[] = [];
  for (let n = 0; n < POSTS; n++) {
    items.push(`    <item>
      <title>Field notes, entry ${n}</title>
      <link>https://notes.example.net/${dateOf(n).toISOString().slice(0, 10)}/entry-${n}/</link>
      <pubDate>${dateOf(n).toUTCString()}</pubDate>
      <guid>https://notes.example.net/entry-${n}/</guid>
      <description>&lt;p&gt;Saw a heron by the weir again (${n}); the water was high after the rain.&lt;/p&gt;</description>
    </item>`);
  }
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>Field Notes: all posts</title>
    <link>https://notes.example.net/</link>
    <description>Every entry since 2009</description>
    <atom:link href="https://notes.example.net/all.xml" rel="self" type="application/rss+xml"/>
${items.join('\n')}
  </channel>
</rss>
`;
}

/** Every article title of the feed, newest first, read as the list pages through it. */
async function allTitles(sync: HostileSync, feedId: number): Promise<string[]> {
  const titles: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await sync.core.api.listArticles({ filter: { kind: 'feed', feedId }, limit: 500, cursor });
    titles.push(...page.articles.map((a) => a.title));
    cursor = page.nextCursor;
  } while (cursor !== null);
  return titles;
}

let h: HostileSync | null = null;
afterEach(async () => {
  await h?.stop();
  h = null;
  removeTempDirs();
});

describe('a feed longer than one parse reads', () => {
  it('keeps the newest items of an archive listed oldest first, served gzipped, and the sync log says how many were left out', async () => {
    h = await HostileSync.start();
    const body = allPostsOldestFirst();
    h.server.serve('/all.xml', { body, type: 'application/rss+xml; charset=utf-8', encoding: 'gzip' });
    const feedId = await h.subscribe('/all.xml');
    const { value: summary, memory } = await measurePeakRss(`${POSTS.toLocaleString('en-US')}-item archive`, () => h!.sync());
    expect(summary).toMatchObject({ feedsFailed: 0 });
    const { status, error, log } = await h.reported(feedId);
    expect({ status, error }).toEqual({ status: 'ok', error: null });
    expect(log).toBe(`${MAX_FEED_ITEMS} new; the feed lists 24,000 items, more than one feed may bring: its newest 20,000 were read and 4,000 older ones left out`);
    expect((await h.core.api.listFeeds()).find((f) => f.id === feedId)?.articleCount).toBe(MAX_FEED_ITEMS);
    const listed = (await h.core.api.listArticles({ filter: { kind: 'feed', feedId }, limit: 2 })).articles.map((a) => a.title);
    expect(listed).toEqual([`Field notes, entry ${POSTS - 1}`, `Field notes, entry ${POSTS - 2}`]);
    const titles = await allTitles(h, feedId);
    expect(titles).toHaveLength(MAX_FEED_ITEMS);
    expect(titles.at(-1)).toBe(`Field notes, entry ${LEFT_OUT}`);
    // 20,000 items parsed and stored: bounded as a feed of 20,000 was before (hostile-size.test.ts: 10,000 took about 230 MB; these 170 MB).
    expect(memory.growthMb).toBeLessThan(400);
  }, 300_000);

  it('keeps the first items of an undated archive, in the document\'s order', async () => {
    const items = Array.from({ length: MAX_FEED_ITEMS + 5 }, (_, n) => `<entry><id>tag:changes.example.org,2026:${n}</id><title>Revision ${n}</title><link href="/r/${n}"/></entry>`);
    const feed = await parseFeed(`<feed xmlns="http://www.w3.org/2005/Atom"><title>Recent changes</title>\n${items.join('\n')}\n</feed>`, 'https://changes.example.org/atom');
    expect(feed.items).toHaveLength(MAX_FEED_ITEMS);
    expect(feed.itemsLeftOut).toBe(5);
    expect(feed.items[0]?.title).toBe('Revision 0');
    expect(feed.items.at(-1)?.title).toBe(`Revision ${MAX_FEED_ITEMS - 1}`);
  }, 120_000);

  it('keeps the newest items of a JSON Feed by date, whatever their order', async () => {
    // Newest first, but for the oldest post, pinned to the top of the list as some templates pin a welcome post.
    const count = MAX_FEED_ITEMS + 2;
    const items = Array.from({ length: count }, (_, n) => ({ id: `${n}`, title: `Episode ${count - 1 - n}`, content_text: 'Show notes.', date_published: dateOf(count - 1 - n).toISOString() }));
    const pinned = items.pop()!;
    const json = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Long Show', items: [pinned, ...items] });
    const feed = await parseFeed(json, 'https://show.example.com/feed.json');
    expect(feed.items).toHaveLength(MAX_FEED_ITEMS);
    expect(feed.itemsLeftOut).toBe(2);
    expect(feed.items[0]?.title).toBe(`Episode ${count - 1}`);
    expect(feed.items.map((item) => item.title)).not.toContain('Episode 0');
    expect(feed.items.map((item) => item.title)).not.toContain('Episode 1');
  }, 120_000);
});
