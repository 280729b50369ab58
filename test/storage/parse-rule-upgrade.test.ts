// A library synced by a version whose rules read bylines and links less well, then synced by this
// one. The feeds did not change; what the new rules read differently (a byline's form, a link its
// site escaped twice, a permalink guid that is the item's only address) must not bring a story back
// as "updated" (dated anew, its page fetched again, counted in the sync's log), nor as a new article,
// nor unread: the article takes the better reading quietly. A retitled or rewritten story still
// counts as updated. Real parser (parseFeed, ingestFeed), real SQLite library.
//
// The library the earlier version left is made by storing each item with the author and link that
// version read (the rules of commits 3299dde, 0ca828b, a6f133e and 011ab3c, taken out), and the
// fingerprint made from them: the rest of the row is what that version stored too.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { itemFingerprint, parseFeed } from '../../electron/core/feeds';
import { Storage } from '../../electron/core/storage';
import { ingestFeed } from '../../electron/core/workers/tasks';
import { removeTempDirs, tempDir } from '../support/temp';

interface LibraryFeed {
  readonly url: string;
  readonly xml: string;
  /** What the earlier rules read of each item, in the feed's order. */
  readonly former: readonly { readonly author: string | null; readonly link: string | null }[];
}

/** A regional paper's WordPress feed whose byline plugin writes 'Name (address)' in dc:creator. */
const paper: LibraryFeed = {
  url: 'https://www.harbourgazette.example.co.uk/feed/',
  xml: `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Harbour Gazette</title><link>https://www.harbourgazette.example.co.uk/</link><description>News from the harbour</description>
<item><title>Lifeboat crew called out twice in one night</title><link>https://www.harbourgazette.example.co.uk/2026/12/07/lifeboat-two-shouts/</link><guid isPermaLink="false">https://www.harbourgazette.example.co.uk/?p=48211</guid><dc:creator><![CDATA[Alys Pritchard (alys.pritchard@harbourgazette.example.co.uk)]]></dc:creator><pubDate>Mon, 07 Dec 2026 08:10:00 +0000</pubDate><description><![CDATA[<p>The volunteer crew launched at 23:40 and again at 04:15.</p>]]></description><content:encoded><![CDATA[<p>The volunteer crew launched at 23:40 to a yacht dragging its anchor, and again at 04:15 to a fishing boat with a fouled propeller.</p><p>Nobody was hurt.</p>]]></content:encoded></item>
<item><title>Fish market reopens after refit</title><link>https://www.harbourgazette.example.co.uk/2026/12/06/fish-market-reopens/</link><guid isPermaLink="false">https://www.harbourgazette.example.co.uk/?p=48190</guid><dc:creator><![CDATA[Tomos Hughes (tomos@harbourgazette.example.co.uk)]]></dc:creator><pubDate>Sun, 06 Dec 2026 15:00:00 +0000</pubDate><description><![CDATA[<p>New chillers, a new roof and the same auction bell.</p>]]></description></item>
</channel></rss>`,
  former: [
    { author: 'Alys Pritchard (alys.pritchard@harbourgazette.example.co.uk)', link: 'https://www.harbourgazette.example.co.uk/2026/12/07/lifeboat-two-shouts/' },
    { author: 'Tomos Hughes (tomos@harbourgazette.example.co.uk)', link: 'https://www.harbourgazette.example.co.uk/2026/12/06/fish-market-reopens/' },
  ],
};

/** A subreddit's Atom feed: authors as '/u/name'. */
const subreddit: LibraryFeed = {
  url: 'https://www.reddit.com/r/sailing/.rss',
  xml: `<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom"><id>/r/sailing/.rss</id><title>Sailing</title><updated>2026-12-07T09:00:00+00:00</updated><link rel="alternate" href="https://www.reddit.com/r/sailing/" type="text/html"/>
<entry><author><name>/u/windward_jo</name><uri>https://www.reddit.com/user/windward_jo</uri></author><content type="html">&lt;div class="md"&gt;&lt;p&gt;Reefed early, glad I did.&lt;/p&gt;&lt;/div&gt;</content><id>t3_1h9ab12</id><link href="https://www.reddit.com/r/sailing/comments/1h9ab12/first_winter_sail/"/><updated>2026-12-07T08:40:00+00:00</updated><published>2026-12-07T08:40:00+00:00</published><title>First winter sail</title></entry>
<entry><author><name>/u/oldgaffer</name><uri>https://www.reddit.com/user/oldgaffer</uri></author><content type="html">&lt;div class="md"&gt;&lt;p&gt;Tanbark or white? Opinions wanted.&lt;/p&gt;&lt;/div&gt;</content><id>t3_1h9a7zz</id><link href="https://www.reddit.com/r/sailing/comments/1h9a7zz/new_sails_colour/"/><updated>2026-12-07T07:02:00+00:00</updated><published>2026-12-07T07:02:00+00:00</published><title>New sails: what colour?</title></entry>
</feed>`,
  former: [
    { author: '/u/windward_jo', link: 'https://www.reddit.com/r/sailing/comments/1h9ab12/first_winter_sail/' },
    { author: '/u/oldgaffer', link: 'https://www.reddit.com/r/sailing/comments/1h9a7zz/new_sails_colour/' },
  ],
};

/** A council's CMS that escapes its query string once and its template once more; a page with a relative permalink guid and no link. */
const council: LibraryFeed = {
  url: 'https://www.northshire.example.gov.uk/news/rss.php',
  xml: `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Northshire news</title><link>https://www.northshire.example.gov.uk/</link><description>Council news</description>
<item><title>Winter gritting routes published</title><link>https://www.northshire.example.gov.uk/news/article.php?id=1412&amp;amp;lang=en</link><guid isPermaLink="false">news-1412</guid><pubDate>Mon, 07 Dec 2026 09:00:00 +0000</pubDate><description>Thirty-two gritters will treat 140 more miles of road.</description></item>
<item><title>Library opening hours over Christmas</title><guid isPermaLink="true">/news/2026/12/library-christmas-hours</guid><pubDate>Sun, 06 Dec 2026 10:00:00 +0000</pubDate><description>All branches close at 13:00 on Christmas Eve.</description></item>
</channel></rss>`,
  former: [
    { author: null, link: 'https://www.northshire.example.gov.uk/news/article.php?id=1412&amp;lang=en' },
    { author: null, link: null },
  ],
};

const LIBRARY = [paper, subreddit, council];

let storage: Storage;
const feedIds = new Map<LibraryFeed, number>();

beforeEach(() => {
  storage = Storage.open(tempDir());
  for (const feed of LIBRARY) feedIds.set(feed, storage.feeds.add({ url: feed.url, title: feed.url, siteUrl: null, description: null, folderId: null }));
});
afterEach(() => {
  storage.close();
  removeTempDirs();
});

/** Stores the feed as the earlier version did: each item with the author and link it read, and the fingerprint made of them. */
async function storeAsEarlierVersion(feed: LibraryFeed): Promise<void> {
  const feedId = feedIds.get(feed)!;
  const parsed = await parseFeed(feed.xml, feed.url);
  const { items } = await ingestFeed(feed.xml, feed.url, feedId);
  const former = items.map((item, i) => {
    const { author, link } = feed.former[i]!;
    return { ...item, author, url: link, fingerprint: itemFingerprint({ ...parsed.items[i]!, author, link }) };
  });
  storage.articles.upsertFeedItems(feedId, former);
}

async function syncNow(feed: LibraryFeed, xml = feed.xml) {
  const feedId = feedIds.get(feed)!;
  const { items } = await ingestFeed(xml, feed.url, feedId);
  return storage.articles.upsertFeedItems(feedId, items);
}

function listed(feed: LibraryFeed) {
  return storage.articles.list({ filter: { kind: 'feed', feedId: feedIds.get(feed)! }, limit: 100 }).articles;
}

describe('a library synced by an earlier version whose rules read bylines and links less well', () => {
  it('brings back no story as updated, new or unread; each takes the better byline and link', async () => {
    for (const feed of LIBRARY) await storeAsEarlierVersion(feed);
    const before = LIBRARY.map((feed) => listed(feed));
    // Read what the person had read: the first item of each feed.
    storage.articles.setRead(before.map((articles) => articles[0]!.id), true);

    const results = [];
    for (const feed of LIBRARY) results.push(await syncNow(feed));
    expect(results.map((r) => ({ newIds: r.newIds, updatedIds: r.updatedIds, unchanged: r.unchanged }))).toEqual([
      { newIds: [], updatedIds: [], unchanged: 2 },
      { newIds: [], updatedIds: [], unchanged: 2 },
      { newIds: [], updatedIds: [], unchanged: 2 },
    ]);
    const after = LIBRARY.map((feed) => listed(feed));
    // Same articles, same places, same read state.
    expect(after.map((articles) => articles.map((a) => [a.id, a.publishedAt, a.read]))).toEqual(
      before.map((articles) => articles.map((a, i) => [a.id, a.publishedAt, i === 0])),
    );
    expect(after.flatMap((articles) => articles.map((a) => a.author))).toEqual(['Alys Pritchard', 'Tomos Hughes', 'u/windward_jo', 'u/oldgaffer', null, null]);
    expect(after[2]!.map((a) => a.url)).toEqual([
      'https://www.northshire.example.gov.uk/news/article.php?id=1412&lang=en',
      'https://www.northshire.example.gov.uk/news/2026/12/library-christmas-hours',
    ]);
  });

  it('brings back no story as updated when its fingerprint was made under another version of the rules, whichever', async () => {
    // What a release that bumped the version stored, then this one reads (a downgrade; the same as
    // the next bump, whose version no list of older ones names yet).
    for (const feed of LIBRARY) {
      const feedId = feedIds.get(feed)!;
      const { items } = await ingestFeed(feed.xml, feed.url, feedId);
      storage.articles.upsertFeedItems(feedId, items.map((item) => ({ ...item, fingerprint: `v5:${'0'.repeat(64)}` })));
    }
    const results = [];
    for (const feed of LIBRARY) results.push(await syncNow(feed));
    expect(results.map((r) => r.updatedIds)).toEqual([[], [], []]);
    // The fingerprint of this release is recorded: an edit at the next sync counts again.
    const edited = await syncNow(paper, paper.xml.replace('Fish market reopens after refit', 'Fish market reopens after a six-month refit'));
    expect(edited.updatedIds).toHaveLength(1);
  });

  it('still brings back a retitled story and a rewritten one as updated', async () => {
    for (const feed of LIBRARY) await storeAsEarlierVersion(feed);
    const edited = paper.xml
      .replace('Lifeboat crew called out twice in one night', 'Lifeboat crew called out three times in one night')
      .replace('<p>New chillers, a new roof and the same auction bell.</p>', '<p>New chillers, a new roof, and the auction bell back after its repair.</p>');
    const result = await syncNow(paper, edited);
    expect(result.newIds).toEqual([]);
    expect(result.updatedIds).toHaveLength(2);
    expect(listed(paper).map((a) => a.title)).toContain('Lifeboat crew called out three times in one night');
  });
});
