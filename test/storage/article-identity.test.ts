// An article is the same article when its feed renames it: new guids on the same posts (a move to
// another CMS, guids going from http:// to https://), and links whose tracking parameters change
// on every fetch. Real parser (ingestFeed), real SQLite; what is checked is what the article list
// shows: no duplicates, read and starred state kept, distinct stories kept apart.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { articleIdOf } from '../../electron/core/feeds';
import { Storage } from '../../electron/core/storage';
import { ingestFeed } from '../../electron/core/workers/tasks';
import { removeTempDirs, tempDir } from '../support/temp';

const FEED_URL = 'http://townnotes.example.org/feed/';
const DAY = 86_400_000;
const FIRST = Date.parse('2026-11-02T09:00:00Z');

let storage: Storage;
let feedId: number;

beforeEach(() => {
  storage = Storage.open(tempDir());
  feedId = storage.feeds.add({ url: FEED_URL, title: 'Town Notes', siteUrl: null, description: null, folderId: null });
});
afterEach(() => {
  storage.close();
  removeTempDirs();
});

interface Post {
  readonly n: number;
  readonly guid?: string | null;
  readonly scheme?: 'http' | 'https';
  readonly title?: string;
  readonly date?: number;
  readonly query?: string;
}

/** A WordPress post as its RSS feed lists it. */
function wpItem({ n, guid, scheme = 'http', title = `Post number ${n}: notes from the week`, date = FIRST + n * DAY, query = '' }: Post): string {
  const guidTag = guid === null ? '' : `<guid isPermaLink="false">${guid ?? `http://townnotes.example.org/?p=${100 + n}`}</guid>`;
  return `
	<item>
		<title>${title}</title>
		<link>${scheme}://townnotes.example.org/2026/11/post-number-${n}/${query}</link>
		<dc:creator><![CDATA[Jane Doe]]></dc:creator>
		<pubDate>${new Date(date).toUTCString()}</pubDate>
		<category><![CDATA[News]]></category>
		${guidTag}
		<description><![CDATA[Intro of post ${n}. The council met on Tuesday to discuss the bus network [&#8230;]]]></description>
		<content:encoded><![CDATA[<p>Intro of post ${n}.</p><p>The council met on Tuesday to discuss the proposed changes to the bus network.</p>]]></content:encoded>
	</item>`;
}

function wpFeed(items: readonly string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Town Notes</title><link>http://townnotes.example.org/</link><description>Local news, weekly</description>
<generator>https://wordpress.org/?v=6.4.3</generator>${items.join('')}
</channel></rss>`;
}

async function store(xml: string) {
  const { items } = await ingestFeed(xml, FEED_URL, feedId);
  return storage.articles.upsertFeedItems(feedId, items);
}

function listed() {
  return storage.articles.list({ filter: { kind: 'feed', feedId }, limit: 100 }).articles.map((a) => ({ title: a.title, read: a.read, starred: a.starred, url: a.url }));
}

function idOf(title: string): string {
  return storage.articles.list({ filter: { kind: 'feed', feedId }, limit: 100 }).articles.find((a) => a.title === title)!.id;
}

const posts = [1, 2, 3, 4, 5];

describe('posts that come back under new guids', () => {
  async function readAndStarred(): Promise<void> {
    await store(wpFeed(posts.map((n) => wpItem({ n }))));
    storage.articles.setRead([idOf('Post number 2: notes from the week')], true);
    storage.articles.setStarred(idOf('Post number 4: notes from the week'), true);
  }

  it('a move to another CMS (same links, titles and dates; new guids) brings back no post, and keeps read and starred', async () => {
    await readAndStarred();
    const before = listed();
    const migrated = await store(wpFeed(posts.map((n) => wpItem({ n, guid: `6563a1f2b0c4d${n}e8f9a0b1c2` }))));
    expect(migrated).toMatchObject({ newIds: [], updatedIds: [] });
    expect(listed()).toEqual(before);
    // The next sync finds them by their new guids (an edit made meanwhile included): still no post twice.
    const edited = await store(wpFeed(posts.map((n) => wpItem({ n, guid: `6563a1f2b0c4d${n}e8f9a0b1c2`, title: n === 2 ? 'Post number 2 (corrected)' : undefined }))));
    expect(edited).toMatchObject({ newIds: [], updatedIds: [idOf('Post number 2 (corrected)')] });
    expect(listed()).toHaveLength(5);
    expect(listed().find((a) => a.title === 'Post number 2 (corrected)')).toMatchObject({ read: true });
  });

  it('guids and links moving from http:// to https:// bring back no post, and the list links to https', async () => {
    await readAndStarred();
    const moved = await store(wpFeed(posts.map((n) => wpItem({ n, scheme: 'https', guid: `https://townnotes.example.org/?p=${100 + n}` }))));
    expect(moved).toMatchObject({ newIds: [], updatedIds: [] });
    expect(listed()).toHaveLength(5);
    expect(listed().filter((a) => a.read).map((a) => a.title)).toEqual(['Post number 2: notes from the week']);
    expect(listed().filter((a) => a.starred).map((a) => a.title)).toEqual(['Post number 4: notes from the week']);
    expect(listed().every((a) => a.url!.startsWith('https://'))).toBe(true);
  });

  it('keeps apart a live blog re-posted daily under the same link and title', async () => {
    const live = (day: number) => wpItem({ n: 9, guid: `live-${day}`, title: 'Live: the council budget debate', date: FIRST + day * DAY });
    await store(wpFeed([live(1)]));
    const next = await store(wpFeed([live(2), live(1)]));
    expect(next.newIds).toHaveLength(1);
    expect(listed().map((a) => a.title)).toEqual(['Live: the council budget debate', 'Live: the council budget debate']);
  });

  it("a revision the feed numbers in its guid (the BBC's #0, #1) with a new headline and date is an update of its article, read state kept", async () => {
    const bbc = (revision: number, title: string, date: number) => wpItem({ n: 7, guid: `https://townnotes.example.org/news/articles/c4ngk0d2dz1o#${revision}`, title, date });
    await store(wpFeed([bbc(0, 'Storm closes the harbour', FIRST)]));
    storage.articles.setRead([idOf('Storm closes the harbour')], true);
    const revised = await store(wpFeed([bbc(1, 'Storm closes the harbour for a second day', FIRST + DAY / 4)]));
    expect(revised.newIds).toEqual([]);
    expect(listed()).toEqual([expect.objectContaining({ title: 'Storm closes the harbour for a second day', read: true })]);
    // Another story of the same site is its own.
    const other = await store(wpFeed([wpItem({ n: 8, guid: 'https://townnotes.example.org/news/articles/c9zzk1a2b3c4#0' })]));
    expect(other.newIds).toHaveLength(1);
  });

  it('never makes one article of two items of the same batch', async () => {
    await store(wpFeed([wpItem({ n: 1 })]));
    // The stored guid is still listed, and another item repeats its link, title and date: both are kept.
    const twice = await store(wpFeed([wpItem({ n: 1 }), wpItem({ n: 1, guid: 'other-guid' })]));
    expect(twice.newIds).toHaveLength(1);
    expect(listed()).toHaveLength(2);
  });
});

describe('links whose tracking parameters change on every fetch', () => {
  const deals = (campaign: string) =>
    wpFeed(posts.map((n) => wpItem({ n, guid: null, query: `?utm_source=rss&utm_medium=feed&utm_campaign=${campaign}` })));

  it('a guid-less item is the same article whatever campaign its link carries', async () => {
    expect((await store(deals('1-a3f9c2'))).newIds).toHaveLength(5);
    storage.articles.setRead([idOf('Post number 3: notes from the week')], true);
    expect(await store(deals('2-77b01e'))).toMatchObject({ newIds: [], updatedIds: [], unchanged: 5 });
    expect(listed()).toHaveLength(5);
    expect(listed().filter((a) => a.read)).toHaveLength(1);
  });

  it('a retitled item arriving with a new campaign is an update of its article, not a new one', async () => {
    await store(deals('1-a3f9c2'));
    const retitled = wpFeed(posts.map((n) => wpItem({ n, guid: null, title: n === 3 ? 'Post number 3 (corrected)' : undefined, query: '?utm_source=rss&utm_campaign=2-77b01e' })));
    expect(await store(retitled)).toMatchObject({ newIds: [], updatedIds: [idOf('Post number 3 (corrected)')] });
    expect(listed()).toHaveLength(5);
  });

  it('articles stored before the upgrade, under ids made with the parameters, do not come back', async () => {
    // What the previous release stored: the unique id was the whole link, parameters included.
    const { items } = await ingestFeed(deals('1-a3f9c2'), FEED_URL, feedId);
    const before = items.map((item) => {
      const uniqueId = `link:${item.url}`;
      return { ...item, uniqueId, id: articleIdOf(feedId, uniqueId), fingerprint: `v2:${'0'.repeat(64)}` };
    });
    storage.articles.upsertFeedItems(feedId, before);
    storage.articles.setStarred(before[0]!.id, true);

    expect(await store(deals('2-77b01e'))).toMatchObject({ newIds: [], updatedIds: [] });
    expect(listed()).toHaveLength(5);
    expect(listed().filter((a) => a.starred).map((a) => a.title)).toEqual(['Post number 1: notes from the week']);
    // And once recorded under their new ids, the next fetch finds them at once.
    expect(await store(deals('3-0c4d11'))).toMatchObject({ newIds: [], updatedIds: [], unchanged: 5 });
  });
});

describe('items with neither guid nor link (a notice board, a station status page)', () => {
  /** A dated notice as some council and transport feeds list them: a title, a date, a text, nothing else. */
  const notice = (title: string, date: number | null, text: string) => `
	<item>
		<title>${title}</title>
		${date === null ? '' : `<pubDate>${new Date(date).toUTCString()}</pubDate>`}
		<description><![CDATA[<p>${text}</p>]]></description>
	</item>`;
  const closure = (text: string) => notice('Harbour Road closed for resurfacing', FIRST, text);

  it('an edit to the first words of a dated one is an update of its article, read state kept', async () => {
    await store(wpFeed([closure('Harbour Road is closed from Monday to Friday between the quay and the bridge.'), notice('Bin collection moved', FIRST + DAY, 'Collections move to Thursday.')]));
    storage.articles.setRead([idOf('Harbour Road closed for resurfacing')], true);
    const edited = await store(wpFeed([closure('Harbour Road is closed from Monday to Wednesday only between the quay and the bridge.'), notice('Bin collection moved', FIRST + DAY, 'Collections move to Thursday.')]));
    expect(edited).toMatchObject({ newIds: [], updatedIds: [idOf('Harbour Road closed for resurfacing')] });
    expect(listed()).toHaveLength(2);
    expect(listed().find((a) => a.title === 'Harbour Road closed for resurfacing')).toMatchObject({ read: true });
  });

  it('an undated one whose text changes is kept beside the last: a daily notice under one title is not overwritten', async () => {
    await store(wpFeed([notice('Ferry status', null, 'All sailings on time this morning.')]));
    const next = await store(wpFeed([notice('Ferry status', null, 'The 14:10 sailing is cancelled: high winds.')]));
    expect(next.newIds).toHaveLength(1);
    expect(listed()).toHaveLength(2);
  });

  it('two dated ones of one title and date in the same feed stay two', async () => {
    await store(wpFeed([closure('First notice.')]));
    const both = await store(wpFeed([closure('First notice.'), closure('A second notice, same title and hour.')]));
    expect(both.newIds).toHaveLength(1);
    expect(listed()).toHaveLength(2);
  });
});
