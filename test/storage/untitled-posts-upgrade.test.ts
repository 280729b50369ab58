// Untitled posts (a Mastodon account, a Micro.blog, a bridge's feed with neither guid nor link)
// stored by a version that listed them under their text cut at 80 characters, then synced by this
// one, which lists them under their first sentence (feeds/untitled-title.ts). The new title must not
// make a stored post "updated" (its fingerprint) or a new article (an item with neither guid nor
// link is known by a hash of its title). Real parser (ingestFeed), real SQLite library.
//
// The library the earlier version left is made by storing the same feed with each untitled post
// given, as its <title>, the title that version listed it under: its id and fingerprint are then
// made from the same fields as that version made them from (article-id.ts: title, link, author,
// content and summary; rule 4: title, date and first words), and its row holds that title.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Storage } from '../../electron/core/storage';
import { ingestFeed } from '../../electron/core/workers/tasks';
import { removeTempDirs, tempDir } from '../support/temp';

const FEED_URL = 'https://bridge.example.net/harbourwatch.rss';

interface Post {
  readonly text: string;
  readonly date: string;
  /** With a guid and link (Mastodon), or neither (a hand-made bridge). */
  readonly id: string | null;
  /** The title the earlier version listed the post under: its text cut at 80 characters at a word. */
  readonly formerTitle: string;
}

const POSTS: readonly Post[] = [
  {
    text: 'Monsoon’s long gone and the kingfishers are back on the canal. Three this morning.',
    date: 'Mon, 07 Dec 2026 07:12:40 +0000',
    id: '113600000000000001',
    formerTitle: 'Monsoon’s long gone and the kingfishers are back on the canal. Three this…',
  },
  {
    text: 'Ferries cancelled again. The harbour master says not before Wednesday, and the café is out of chips.',
    date: 'Sun, 06 Dec 2026 18:02:11 +0000',
    id: null,
    formerTitle: 'Ferries cancelled again. The harbour master says not before Wednesday, and the…',
  },
];

function feed(posts: readonly Post[], withFormerTitles: boolean): string {
  const items = posts.map((post) => {
    const address = post.id === null ? '' : `<guid isPermaLink="true">https://social.example/@harbourwatch/${post.id}</guid><link>https://social.example/@harbourwatch/${post.id}</link>`;
    const title = withFormerTitles ? `<title>${post.formerTitle}</title>` : '';
    return `<item>${title}${address}<pubDate>${post.date}</pubDate><description>&lt;p&gt;${post.text}&lt;/p&gt;</description></item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Harbour Watch</title><link>https://social.example/@harbourwatch</link><description>Posts</description>${items.join('')}</channel></rss>`;
}

let storage: Storage;
let feedId: number;

beforeEach(() => {
  storage = Storage.open(tempDir());
  feedId = storage.feeds.add({ url: FEED_URL, title: 'Harbour Watch', siteUrl: null, description: null, folderId: null });
});
afterEach(() => {
  storage.close();
  removeTempDirs();
});

async function sync(xml: string) {
  const { items } = await ingestFeed(xml, FEED_URL, feedId);
  return storage.articles.upsertFeedItems(feedId, items);
}

function listed() {
  return storage.articles.list({ filter: { kind: 'feed', feedId }, limit: 100 }).articles.map((a) => ({ id: a.id, title: a.title, read: a.read }));
}

describe('untitled posts stored before their titles became first sentences', () => {
  it('come back neither as updated nor as new articles, and keep their read state', async () => {
    await sync(feed(POSTS, true));
    const before = listed();
    expect(before.map((a) => a.title)).toEqual(POSTS.map((post) => post.formerTitle));
    storage.articles.setRead([before[1]!.id], true);

    const after = await sync(feed(POSTS, false));
    expect(after).toMatchObject({ newIds: [], updatedIds: [] });
    expect(listed().map(({ id, read }) => ({ id, read }))).toEqual(before.map(({ id }, i) => ({ id, read: i === 1 })));
  });

  it('a post first seen now is listed under its first sentence', async () => {
    await sync(feed(POSTS, true));
    const fresh: Post = { text: 'Fog on the estuary. Not a single boat out.', date: 'Mon, 07 Dec 2026 09:40:00 +0000', id: '113600000000000002', formerTitle: '' };
    const after = await sync(feed([fresh, ...POSTS], false));
    expect(after.newIds).toHaveLength(1);
    expect(after.updatedIds).toEqual([]);
    expect(listed()[0]!.title).toBe('Fog on the estuary.');
  });
});
