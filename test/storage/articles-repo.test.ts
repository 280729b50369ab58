import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Storage } from '../../electron/core/storage';
import { removeTempDirs, tempDir } from '../support/temp';
import { item } from './items';

let storage: Storage;
let feedId: number;

beforeEach(() => {
  storage = Storage.open(tempDir());
  feedId = storage.feeds.add({ url: 'http://127.0.0.1/feed', title: 'Feed', siteUrl: null, description: null, folderId: null });
});
afterEach(() => {
  storage.close();
  removeTempDirs();
});

describe('upsertFeedItems', () => {
  it('reports new, updated and unchanged items', () => {
    const a = item();
    const b = item();
    expect(storage.articles.upsertFeedItems(feedId, [a, b])).toEqual({ newIds: [a.id, b.id], updatedIds: [], unchanged: 0 });
    const edited = { ...b, title: 'Corrected title', fingerprint: 'changed' };
    expect(storage.articles.upsertFeedItems(feedId, [a, edited])).toEqual({ newIds: [], updatedIds: [b.id], unchanged: 1 });
    expect(storage.articles.get(b.id)?.title).toBe('Corrected title');
  });

  it('takes a fingerprint made the v1 way as unchanged and records the new one, then sees the next edit', () => {
    const stored = item({ fingerprint: createHash('sha256').update('["Article","v1"]').digest('hex') });
    storage.articles.upsertFeedItems(feedId, [stored]);
    const sameItem = { ...stored, fingerprint: 'v2:same', commentCount: 4 };
    expect(storage.articles.upsertFeedItems(feedId, [sameItem])).toEqual({ newIds: [], updatedIds: [], unchanged: 1 });
    expect(storage.articles.get(stored.id)?.commentCount).toBe(4);
    const edited = { ...sameItem, title: 'Corrected title', fingerprint: 'v2:edited' };
    expect(storage.articles.upsertFeedItems(feedId, [edited])).toEqual({ newIds: [], updatedIds: [stored.id], unchanged: 0 });
    expect(storage.articles.get(stored.id)?.title).toBe('Corrected title');
  });

  it('counts a guid repeated within one feed once', () => {
    const a = item();
    const result = storage.articles.upsertFeedItems(feedId, [a, { ...a, title: 'Duplicate' }]);
    expect(result.newIds).toEqual([a.id]);
    expect(storage.articles.get(a.id)?.title).toBe(a.title);
  });

  it('takes a date far in the future as no date, so the item cannot sit on top for ever', () => {
    const now = Date.UTC(2026, 10, 29);
    const farAhead = item({ publishedAt: Date.UTC(9999, 0, 1) });
    const tomorrowSomewhere = item({ publishedAt: now + 12 * 60 * 60 * 1000 });
    storage.articles.upsertFeedItems(feedId, [farAhead, tomorrowSomewhere], now);
    expect(storage.articles.get(farAhead.id)?.publishedAt).toBe(now);
    expect(storage.articles.get(tomorrowSomewhere.id)?.publishedAt).toBe(now + 12 * 60 * 60 * 1000);
  });

  it('gives an undated item its first-seen time once and keeps it', () => {
    const undated = item({ publishedAt: null });
    storage.articles.upsertFeedItems(feedId, [undated], 1_000);
    storage.articles.upsertFeedItems(feedId, [{ ...undated, fingerprint: 'edited', title: 'Edited' }], 9_000);
    const stored = storage.articles.get(undated.id)!;
    expect(stored.publishedAt).toBe(1_000);
    expect(stored.title).toBe('Edited');
    expect(storage.articles.upsertFeedItems(feedId, [{ ...undated, fingerprint: 'edited', title: 'Edited' }], 20_000).newIds).toEqual([]);
  });

  it('keeps read and starred when an item is updated', () => {
    const a = item();
    storage.articles.upsertFeedItems(feedId, [a]);
    storage.articles.setRead([a.id], true);
    storage.articles.setStarred(a.id, true);
    storage.articles.upsertFeedItems(feedId, [{ ...a, fingerprint: 'new', title: 'New title' }]);
    const stored = storage.articles.get(a.id)!;
    expect([stored.read, stored.starred]).toEqual([true, true]);
  });

  it('keeps a body taken from the page when the feed item changes', () => {
    const a = item();
    storage.articles.upsertFeedItems(feedId, [a]);
    storage.articles.saveContent(a.id, {
      html: '<p>The whole article</p>', text: 'The whole article', source: 'page', lang: 'en', dir: 'ltr',
      state: 'done', error: null, leadImageHash: null, images: [],
    });
    storage.articles.upsertFeedItems(feedId, [{ ...a, fingerprint: 'x', feedHtml: '<p>teaser</p>', feedText: 'teaser' }]);
    expect(storage.articles.get(a.id)?.html).toBe('<p>The whole article</p>');
  });

  it("keeps what a file's link is with its copy, and forgets it when the feed's new text replaces that copy", () => {
    const a = item();
    storage.articles.upsertFeedItems(feedId, [a]);
    expect(storage.articles.get(a.id)?.linkedFile).toBeNull();
    storage.articles.saveContent(a.id, {
      html: '<p>A survey</p>', text: 'A survey', source: 'feed', lang: 'en', dir: 'ltr',
      state: 'done', error: 'the link is a PDF document, not a web page', leadImageHash: null, images: [], linkedFile: 'pdf',
    });
    expect(storage.articles.get(a.id)?.linkedFile).toBe('pdf');
    storage.articles.upsertFeedItems(feedId, [{ ...a, fingerprint: 'x', url: 'http://127.0.0.1/survey/', feedHtml: '<p>Now a page</p>', feedText: 'Now a page' }]);
    expect(storage.articles.get(a.id)?.linkedFile).toBeNull();
  });
});

describe('listArticles', () => {
  it('pages newest first with a cursor and counts the total', () => {
    const items = Array.from({ length: 25 }, () => item());
    storage.articles.upsertFeedItems(feedId, items);
    const first = storage.articles.list({ filter: { kind: 'all' }, limit: 10 });
    expect(first.total).toBe(25);
    expect(first.articles.map((a) => a.title)).toEqual(items.slice(-10).reverse().map((i) => i.title));
    const second = storage.articles.list({ filter: { kind: 'all' }, limit: 10, cursor: first.nextCursor });
    const third = storage.articles.list({ filter: { kind: 'all' }, limit: 10, cursor: second.nextCursor });
    expect(third.articles).toHaveLength(5);
    expect(third.nextCursor).toBeNull();
    const seen = new Set([...first.articles, ...second.articles, ...third.articles].map((a) => a.id));
    expect(seen.size).toBe(25);
  });

  it('filters unread, starred, by feed and by folder (with sub-folders)', () => {
    const { folder: news } = storage.feeds.ensureFolder('News', null);
    const { folder: world } = storage.feeds.ensureFolder('World', news.id);
    const other = storage.feeds.add({ url: 'http://127.0.0.1/other', title: 'Other', siteUrl: null, description: null, folderId: world.id });
    const [a, b] = [item(), item()];
    const c = item();
    storage.articles.upsertFeedItems(feedId, [a, b]);
    storage.articles.upsertFeedItems(other, [c]);
    storage.articles.setRead([a.id], true);
    storage.articles.setStarred(b.id, true);
    const ids = (filter: Parameters<Storage['articles']['list']>[0]['filter']) =>
      storage.articles.list({ filter }).articles.map((x) => x.id).sort();
    expect(ids({ kind: 'unread' })).toEqual([b.id, c.id].sort());
    expect(ids({ kind: 'starred' })).toEqual([b.id]);
    expect(ids({ kind: 'feed', feedId })).toEqual([a.id, b.id].sort());
    expect(ids({ kind: 'folder', folderId: news.id })).toEqual([c.id]);
    expect(storage.feeds.get(feedId)?.unreadCount).toBe(1);
  });

  it('marks everything in a filter read', () => {
    storage.articles.upsertFeedItems(feedId, [item(), item(), item()]);
    expect(storage.articles.markAllRead({ kind: 'feed', feedId })).toBe(3);
    expect(storage.feeds.get(feedId)?.unreadCount).toBe(0);
  });

  it('rejects a forged cursor instead of running it as SQL', () => {
    expect(() => storage.articles.list({ filter: { kind: 'all' }, cursor: "1:abc' OR 1=1 --" })).toThrow(/cursor/);
  });
});

describe('search', () => {
  it('finds words in title, author and body and marks the matches', () => {
    const a = item({ title: 'NATO talks in Brussels', feedText: 'Stoltenberg said the talks were not easy' });
    const b = item({ title: 'Weather', author: 'Anna Petrova', feedText: 'Sunny' });
    storage.articles.upsertFeedItems(feedId, [a, b]);
    expect(storage.search('stoltenberg').map((h) => h.id)).toEqual([a.id]);
    expect(storage.search('petrova').map((h) => h.id)).toEqual([b.id]);
    expect(storage.search('brus')[0]?.highlight).toContain('\uE000Brussels\uE001');
  });

  it('keeps the index in step with stored bodies and deletions', () => {
    const a = item({ feedText: 'teaser only' });
    storage.articles.upsertFeedItems(feedId, [a]);
    expect(storage.search('ukraine')).toEqual([]);
    storage.articles.saveContent(a.id, {
      html: '<p>Ukraine</p>', text: 'talks about Ukraine', source: 'page', lang: null, dir: 'ltr',
      state: 'done', error: null, leadImageHash: null, images: [],
    });
    expect(storage.search('ukraine').map((h) => h.id)).toEqual([a.id]);
    storage.feeds.remove(feedId);
    expect(storage.search('ukraine')).toEqual([]);
  });

  it('treats FTS syntax in the input as plain words', () => {
    storage.articles.upsertFeedItems(feedId, [item({ title: 'Quotes "and" NEAR things' })]);
    expect(() => storage.search('"unbalanced AND NEAR( title:')).not.toThrow();
    expect(storage.search('near')).toHaveLength(1);
  });
});
