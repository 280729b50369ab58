// The sync's database writer thread: a feed's items and each article's offline copy stored on a
// connection of its own, seen at once by the main connection (lists, search, the reader), whole
// or not at all, in the order given, while the main thread runs on.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Storage, type ArticleCopy, type IncomingItem } from '../../electron/core/storage';
import { FeedWriter } from '../../electron/core/workers/feed-writer';
import { packItems } from '../../electron/core/workers/packed-items';
import type { PackedDelivery } from '../../electron/core/workers/writer-worker';
import { removeTempDirs, tempDir } from '../support/temp';
import { item } from '../storage/items';

let storage: Storage;
let writer: FeedWriter;
let feedId: number;

beforeEach(() => {
  storage = Storage.open(tempDir());
  writer = new FeedWriter(storage.db.path);
  feedId = storage.feeds.add({ url: 'http://127.0.0.1/feed', title: '', siteUrl: null, description: null, folderId: null });
});
afterEach(async () => {
  await writer.close();
  storage.close();
  removeTempDirs();
});

const source = { title: 'Harbour News', siteUrl: 'http://127.0.0.1/', description: 'The harbour, daily' };
const now = Date.UTC(2026, 10, 2);
const fetched = { at: now, durationMs: 40, etag: '"v7"', lastModified: null, bodyHash: 'feed-body-hash', retryAfterAt: null };
const delivery = (items: readonly IncomingItem[], to = feedId): PackedDelivery => ({ feedId: to, items: packItems(items), source, now, fetched });

describe('FeedWriter', () => {
  it("stores a feed's items where the app reads them: listed, unread, found by search, the feed named", async () => {
    const items = [item({ title: 'Ferry timetable changes', feedText: 'The harbour ferry leaves earlier from Monday.' }), item(), item()];
    expect(await writer.store(delivery(items))).toEqual({ newIds: items.map((i) => i.id), updatedIds: [], unchanged: 0 });
    expect(storage.articles.list({ filter: { kind: 'feed', feedId } }).total).toBe(3);
    expect(storage.articles.unreadCount()).toBe(3);
    expect(storage.search('ferry leaves').map((hit) => hit.id)).toEqual([items[0]!.id]);
    expect(storage.feeds.list().find((feed) => feed.id === feedId)?.title).toBe('Harbour News');
    // What the fetch learned is saved with the items: the next sync asks conditionally.
    expect(storage.feeds.fetchStates([feedId])[0]).toMatchObject({ etag: '"v7"', bodyHash: 'feed-body-hash', lastStatus: 'ok' });
    expect(storage.feeds.syncLog(feedId)[0]).toMatchObject({ status: 'ok', message: '3 new' });
    // Stored again: nothing new, nothing lost.
    expect(await writer.store(delivery(items))).toEqual({ newIds: [], updatedIds: [], unchanged: 3 });
  });

  it('keeps the main thread running while a large feed is stored', async () => {
    await writer.store(delivery([item()])); // the thread is up
    const items = Array.from({ length: 3000 }, () => item({ feedText: 'The council agreed the harbour budget after a long debate. '.repeat(60) }));
    let settled = false;
    const storing = writer.store(delivery(items)).finally(() => (settled = true));
    let turns = 0;
    while (!settled) {
      await new Promise((resolve) => setImmediate(resolve));
      turns++;
    }
    expect((await storing).newIds).toHaveLength(3000);
    // A store on this thread would have answered in one turn, having held it for the whole insert.
    expect(turns).toBeGreaterThan(10);
  });

  it('stores a delivery whole or not at all; a failed one does not stop the next', async () => {
    const gone = storage.feeds.add({ url: 'http://127.0.0.1/gone', title: 'Gone', siteUrl: null, description: null, folderId: null });
    storage.feeds.remove(gone);
    await expect(writer.store(delivery([item(), item()], gone))).rejects.toThrow(/FOREIGN KEY/);
    expect(storage.articles.count()).toBe(0);
    await writer.store(delivery([item()]));
    expect(storage.articles.count()).toBe(1);
  });

  it("saves nothing of a fetch whose items fail, so the next sync fetches the feed in full", async () => {
    const broken = item({ title: null as unknown as string });
    await expect(writer.store(delivery([item(), broken]))).rejects.toThrow(/NOT NULL/);
    expect(storage.articles.count()).toBe(0);
    expect(storage.feeds.fetchStates([feedId])[0]).toMatchObject({ etag: null, bodyHash: null, lastStatus: 'never' });
    expect(storage.feeds.syncLog(feedId)).toEqual([]);
  });

  it('stores given together are committed together, and one that fails is undone alone', async () => {
    const other = storage.feeds.add({ url: 'http://127.0.0.1/other', title: '', siteUrl: null, description: null, folderId: null });
    const broken = item({ title: null as unknown as string });
    // Given before the writer has answered any: they wait for it together.
    const stores = [writer.store(delivery([item(), item()])), writer.store(delivery([item(), broken], other)), writer.store(delivery([item()], other))];
    const outcomes = await Promise.allSettled(stores);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(storage.articles.list({ filter: { kind: 'feed', feedId } }).total).toBe(2);
    expect(storage.articles.list({ filter: { kind: 'feed', feedId: other } }).total).toBe(1);
    // The failed delivery's fetch is not recorded: the next sync fetches that feed in full.
    expect(storage.feeds.syncLog(other).map((entry) => entry.message)).toEqual(['1 new']);
  });

  it('finishes every store it was given before it closes', async () => {
    const stores = [0, 1, 2].map(() => writer.store(delivery([item(), item()])));
    await writer.close();
    expect((await Promise.all(stores)).map((result) => result.newIds.length)).toEqual([2, 2, 2]);
    expect(storage.articles.count()).toBe(6);
  });

  it("refuses at once, with the folder's reason, when the data folder cannot be written", async () => {
    const readOnly = new FeedWriter(storage.db.path, new Error('disk full: no space left for the database in /data'));
    await expect(readOnly.store(delivery([item()]))).rejects.toThrow('disk full: no space left for the database in /data');
    expect(storage.articles.count()).toBe(0);
  });
});

const png = (n: number) => ({ hash: n.toString(16).padStart(64, 'c'), mime: 'image/png', size: 2048 + n });

/** An article's copy as the articles phase makes it: the page's text with its images at their
 *  addresses, those images cached, a third one not; its comment form. */
function copyOf(articleId: string, overrides: Partial<ArticleCopy['content']> = {}, images = [png(1), png(2)]): ArticleCopy {
  const html = `<h1>Harbour budget agreed</h1>${images.map((_, n) => `<p>The council met late.</p><img src="http://127.0.0.3/img/${n}.png" alt="">`).join('')}<img src="http://127.0.0.4/map.png">`;
  return {
    articleId,
    content: {
      html, text: 'Harbour budget agreed. The council met late into the night.', source: 'page', lang: 'en', dir: 'ltr', state: 'done', error: null,
      leadImageHash: images[0]?.hash ?? null, images: images.map((image, n) => ({ url: `http://127.0.0.3/img/${n}.png`, hash: image.hash })),
      ...overrides,
    },
    images,
    comments: {
      form: { kind: 'wordpress', action: 'http://127.0.0.3/wp-comments-post.php', hiddenFields: [['comment_post_ID', '7']], commentName: 'comment', fields: ['comment', 'author'], requiredFields: ['comment'], maxLength: 65525 },
      thread: null,
    },
    now,
  };
}

describe("FeedWriter: articles' offline copies", () => {
  it('stores the copy where the reader reads it, with its images and its comment form, after its feed in the order given', async () => {
    const stored = item({ commentFeedUrl: 'http://127.0.0.3/port/budget/feed/' });
    const copy = copyOf(stored.id);
    const page = { url: 'http://127.0.0.3/port/budget/', kind: 'wordpress-page' } as const;
    // Not awaited: the copy is given while the feed's items are still on their way, and comes after them.
    const feedDone = writer.store(delivery([stored]));
    // The answer says where the thread is read now: the page's own list, the comment feed asked first.
    expect(await writer.storeCopy({ ...copy, comments: { form: copy.comments!.form, thread: page } })).toEqual({
      articleId: stored.id, url: page.url, kind: 'wordpress-page', probeUrl: stored.commentFeedUrl,
    });
    await feedDone;
    const article = storage.articles.get(stored.id);
    expect(article).toMatchObject({ fullTextState: 'done', contentSource: 'page', commentForm: { kind: 'wordpress' } });
    // The reader shows the cached files and asks no site: the image not cached keeps its address aside.
    expect(article?.html).toContain(`<img src="paperboy-cache://${png(1).hash}" alt="">`);
    expect(article?.html).toContain(`<img src="paperboy-cache://${png(2).hash}" alt="">`);
    expect(article?.html).toContain('<img data-original-src="http://127.0.0.4/map.png">');
    expect(article?.html).not.toMatch(/\ssrc="http/);
    expect(storage.articles.imageMime(png(1).hash)).toBe('image/png');
    expect(storage.articles.lostImages(feedId, new Set())).toHaveLength(2);
    expect(storage.search('council met late').map((hit) => hit.id)).toEqual([stored.id]);
  });

  it('keeps the main thread running while a long article is stored', async () => {
    const stored = item();
    await writer.store(delivery([stored]));
    const images = Array.from({ length: 200 }, (_, n) => png(n));
    const text = 'The council agreed the harbour budget after a long debate about the ferry and the fish market. '.repeat(2_000);
    let settled = false;
    const storing = writer.storeCopy(copyOf(stored.id, { text }, images)).finally(() => (settled = true));
    let turns = 0;
    while (!settled) {
      await new Promise((resolve) => setImmediate(resolve));
      turns++;
    }
    await storing;
    expect(storage.search('fish market').map((hit) => hit.id)).toEqual([stored.id]);
    // A store on this thread would have answered in one turn, having held it for the whole write.
    expect(turns).toBeGreaterThan(10);
  });

  it('stores a copy whole or not at all: a copy that fails records none of its images, and the article stays pending', async () => {
    const stored = item();
    await writer.store(delivery([stored]));
    await expect(writer.storeCopy(copyOf(stored.id, { text: null as unknown as string }))).rejects.toThrow(/NOT NULL/);
    expect(storage.articles.imageMime(png(1).hash)).toBeNull();
    expect(storage.articles.get(stored.id)).toMatchObject({ fullTextState: 'pending', commentForm: null });
    await writer.storeCopy(copyOf(stored.id));
    expect(storage.articles.get(stored.id)?.fullTextState).toBe('done');
  });

  it("refuses a copy at once, with the folder's reason, when the data folder cannot be written", async () => {
    const stored = item();
    await writer.store(delivery([stored]));
    const readOnly = new FeedWriter(storage.db.path, new Error('disk full: no space left for the database in /data'));
    await expect(readOnly.storeCopy(copyOf(stored.id))).rejects.toThrow('disk full: no space left for the database in /data');
    expect(storage.articles.get(stored.id)?.fullTextState).toBe('pending');
  });
});
