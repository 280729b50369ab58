// The sync core end to end in plain Node: real core, real SQLite file, real loopback HTTP.
import { existsSync } from 'node:fs';
import zlib from 'node:zlib';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SyncProgressEvent } from '../../shared/types';
import { hashOfCacheUrl } from '../../shared/cache-url';
import { Core } from '../../electron/core/core';
import { NewsSite } from '../support/news-site';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';

let site: NewsSite;
let core: Core;

beforeAll(async () => {
  site = await NewsSite.start({ feeds: 3, itemsPerFeed: 4 });
});
afterAll(() => site.stop());
beforeEach(() => {
  core = new Core({ dataDir: tempDir(), workers: 1, welcome: false });
});
afterEach(async () => {
  await core.close();
  removeTempDirs();
});

async function subscribe(urls: string[]): Promise<number[]> {
  const ids: number[] = [];
  for (const url of urls) ids.push((await core.api.addFeed(url)).feed.id);
  return ids;
}

describe('a full sync', () => {
  it('stores every article with its page text and its images for offline reading', async () => {
    const [feedId] = await subscribe([site.feedUrl(0)]);
    const summary = await core.api.sync();
    expect(summary).toMatchObject({ feedsFailed: 0, articlesFetched: 4, imagesFetched: 8, cancelled: false });

    const page = await core.api.listArticles({ filter: { kind: 'feed', feedId: feedId! } });
    expect(page.articles.map((a) => a.title)).toEqual([3, 2, 1, 0].map((n) => `Story ${n} of feed 0: talks continue`));
    const article = (await core.api.getArticle(page.articles[0]!.id))!;
    expect(article.contentSource).toBe('page');
    expect(article.fullTextState).toBe('done');
    expect(article.html).toContain('Ministers met in Brussels');
    expect(article.html).not.toContain('Most read'); // the sidebar is not the article
    const cached = [...article.html.matchAll(/src="(paperboy-cache:\/\/[0-9a-f]{64})"/g)].map((m) => m[1]!);
    expect(cached).toHaveLength(2);
    for (const url of cached) expect(existsSync(core.images.path(hashOfCacheUrl(url)!))).toBe(true);
    expect(article.html).not.toMatch(/src="http/);
    expect(article.leadImage).toMatch(/^paperboy-cache:\/\//);
  });

  it('transfers no unchanged body on the next sync and fetches no page twice', async () => {
    await subscribe([site.feedUrl(1)]);
    await core.api.sync();
    const before = site.server.requests.length;
    const second = await core.api.sync();
    const requests = site.server.requests.slice(before);
    expect(requests.map((r) => r.path)).toEqual(['/feeds/1.xml']);
    expect(requests[0]).toMatchObject({ status: 304, bytes: 0 });
    expect(second).toMatchObject({ newArticles: 0, articlesFetched: 0 });
    const log = await core.api.syncLog((await core.api.listFeeds())[0]!.id);
    expect(log[0]?.message).toBe('304 not modified');
  });

  it('picks up what a changed feed published since', async () => {
    const [feedId] = await subscribe([site.feedUrl(2)]);
    await core.api.sync();
    site.publish(2);
    const summary = await core.api.sync();
    expect(summary.newArticles).toBe(1);
    expect((await core.api.syncLog(feedId!))[0]?.message).toBe('1 new');
    expect((await core.api.listArticles({ filter: { kind: 'feed', feedId: feedId! } })).articles[0]?.title).toBe('Story 4 of feed 2: talks continue');
  });

  it('reports progress: started, per feed, per article, totals, finished', async () => {
    await subscribe([site.feedUrl(0)]);
    const events: SyncProgressEvent[] = [];
    core.on('sync-progress', (event) => events.push(event));
    await core.api.sync();
    const types = events.map((e) => e.type);
    expect(types[0]).toBe('sync-started');
    expect(types.at(-1)).toBe('sync-finished');
    expect(types.filter((t) => t === 'feed-done')).toHaveLength(1);
    expect(types.filter((t) => t === 'article-fetched')).toHaveLength(4);
    // The add stored the feed's items and its validators: the sync's request is answered 304.
    expect(events.find((e) => e.type === 'feed-done')).toMatchObject({ message: '304 not modified' });
    const totals = events.filter((e) => e.type === 'totals').at(-1);
    expect(totals).toMatchObject({ feedsTotal: 1, feedsDone: 1, articlesFetched: 4, imagesFetched: 8 });
  });

  it('fetches feeds only when asked, leaving articles for the next full sync', async () => {
    await subscribe([site.feedUrl(0)]);
    const quick = await core.api.sync({ feedsOnly: true });
    expect(quick.articlesFetched).toBe(0);
    const full = await core.api.sync();
    expect(full.articlesFetched).toBe(4);
  });
});

describe('failures', () => {
  let bad: TestServer;
  beforeEach(async () => {
    bad = await TestServer.start();
  });
  afterEach(() => bad.stop());

  it('one broken feed never stops the others, and its reason is logged', async () => {
    const [good] = await subscribe([site.feedUrl(0)]);
    bad.serve('/feed.xml', { body: '<rss version="2.0"><channel><title>Soon broken</title></channel></rss>', type: 'application/rss+xml' });
    const [broken] = await subscribe([bad.url('/feed.xml')]);
    bad.serve('/feed.xml', { body: '<html><body>We moved!</body></html>', type: 'text/html' });
    const failures: string[] = [];
    core.on('sync-progress', (e) => e.type === 'feed-failed' && failures.push(e.reason));
    const summary = await core.api.sync();
    expect(summary.feedsFailed).toBe(1);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(/not a feed/i);
    const feeds = await core.api.listFeeds();
    expect(feeds.find((f) => f.id === broken)).toMatchObject({ lastStatus: 'failed' });
    expect(feeds.find((f) => f.id === good)).toMatchObject({ lastStatus: 'not-modified', articleCount: 4 });
    expect((await core.api.syncLog(broken!))[0]?.message).toMatch(/^failed: not a feed/i);
  });

  it('keeps the articles already stored when a feed starts failing', async () => {
    bad.serve('/feed.xml', { body: site2Feed(bad.origin), type: 'application/rss+xml' });
    const [feedId] = await subscribe([bad.url('/feed.xml')]);
    bad.route('/feed.xml', (_req, res) => {
      res.writeHead(500);
      res.end('boom');
    });
    await core.api.sync();
    expect((await core.api.listFeeds())[0]).toMatchObject({ lastStatus: 'failed', lastError: expect.stringMatching(/500/), articleCount: 1 });
    expect((await core.api.listArticles({ filter: { kind: 'feed', feedId: feedId! } })).total).toBe(1);
  });

  it('marks a feed gone on 410 and leaves it alone for a day unless asked by name', async () => {
    bad.serve('/feed.xml', { body: site2Feed(bad.origin), type: 'application/rss+xml' });
    const [feedId] = await subscribe([bad.url('/feed.xml')]);
    bad.serve('/feed.xml', { body: 'gone', status: 410 });
    await core.api.sync();
    expect((await core.api.listFeeds())[0]?.lastStatus).toBe('gone');
    const count = bad.requestsFor('/feed.xml').length;
    await core.api.sync();
    expect(bad.requestsFor('/feed.xml')).toHaveLength(count);
    await core.api.sync({ feedIds: [feedId!] });
    expect(bad.requestsFor('/feed.xml')).toHaveLength(count + 1);
  });

  it('honours Retry-After on 429 at the next sync', async () => {
    bad.serve('/feed.xml', { body: site2Feed(bad.origin), type: 'application/rss+xml' });
    const [feedId] = await subscribe([bad.url('/feed.xml')]);
    bad.serve('/feed.xml', { body: 'slow down', status: 429, headers: { 'retry-after': '3600' } });
    await core.api.sync();
    const count = bad.requestsFor('/feed.xml').length;
    await core.api.sync();
    expect(bad.requestsFor('/feed.xml')).toHaveLength(count);
    expect((await core.api.syncLog(feedId!))[0]?.message).toMatch(/wait/);
  });

  it('keeps the feed content when an article page cannot be fetched', async () => {
    bad.serve('/feed.xml', { body: site2Feed(bad.origin), type: 'application/rss+xml' });
    const [feedId] = await subscribe([bad.url('/feed.xml')]);
    await core.api.sync();
    const [summary] = (await core.api.listArticles({ filter: { kind: 'feed', feedId: feedId! } })).articles;
    const article = (await core.api.getArticle(summary!.id))!;
    expect(article).toMatchObject({ fullTextState: 'failed', contentSource: 'feed' });
    expect(article.fullTextError).toMatch(/404/);
    expect(article.html).toContain('The feed says enough');
  });

  // Pages come to the parse worker still compressed and are inflated there (http/inflate.ts).
  it('reads a page that came gzipped, and keeps the feed content when a page is not the gzip it claims', async () => {
    const story = '<p>The page tells the whole story of the harbour and its ferries, at length and in order.</p>';
    bad.serve('/feed.xml', { body: site2Feed(bad.origin), type: 'application/rss+xml' });
    bad.serve('/missing-page.html', { body: `<html><body><article><h1>Only story</h1>${story.repeat(20)}</article></body></html>`, type: 'text/html', encoding: 'gzip' });
    const [feedId] = await subscribe([bad.url('/feed.xml')]);
    await core.api.sync();
    const [summary] = (await core.api.listArticles({ filter: { kind: 'feed', feedId: feedId! } })).articles;
    expect(await core.api.getArticle(summary!.id)).toMatchObject({ fullTextState: 'done', contentSource: 'page', html: expect.stringContaining('the whole story of the harbour') });

    bad.serve('/broken.xml', { body: site2Feed(bad.origin).replace('missing-page', 'broken-page'), type: 'application/rss+xml' });
    bad.route('/broken-page.html', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
      res.end('this is not gzip');
    });
    const [again] = await subscribe([bad.url('/broken.xml')]);
    await core.api.sync();
    const [stored] = (await core.api.listArticles({ filter: { kind: 'feed', feedId: again! } })).articles;
    const article = (await core.api.getArticle(stored!.id))!;
    expect(article).toMatchObject({ fullTextState: 'failed', contentSource: 'feed', fullTextError: 'the server said its answer was gzip-compressed, but it could not be decompressed (a browser refuses it too)' });
    expect(article.html).toContain('The feed says enough');
  });

  // Its compressed body stops short, in an answer that came whole (a proxy passed on what it had):
  // no half page is kept as the copy. It waits for the next sync, as a page that stops before its
  // Content-Length does, and is read whole when it comes whole.
  it.each([
    ['gzipped as Content-Encoding: gzip', 'gzip' as const, zlib.gzipSync],
    ['gzipped without Content-Encoding (a precompressed page)', undefined, zlib.gzipSync],
    ['as Content-Encoding: deflate', 'deflate' as const, zlib.deflateSync],
    ['as Content-Encoding: br', 'br' as const, zlib.brotliCompressSync],
  ])('leaves an article pending, as one cut on the wire, when its page comes %s and cut short', async (_how, encoding, compress) => {
    const story = Array.from({ length: 40 }, (_, i) => `<p>Paragraph ${i} of the harbour story: the ferries ran late again, and the council met.</p>`).join('');
    const page = `<html><head><title>Only story</title></head><body><article><h1>Only story</h1>${story}</article></body></html>`;
    const compressed = compress(page);
    let cut = true;
    bad.serve('/feed.xml', { body: site2Feed(bad.origin), type: 'application/rss+xml' });
    bad.route('/missing-page.html', (_req, res) => {
      const body = cut ? compressed.subarray(0, Math.floor(compressed.length / 2)) : compressed;
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': body.length, ...(encoding ? { 'content-encoding': encoding } : {}) });
      res.end(body);
    });
    const [feedId] = await subscribe([bad.url('/feed.xml')]);
    await core.api.sync();
    const [summary] = (await core.api.listArticles({ filter: { kind: 'feed', feedId: feedId! } })).articles;
    expect(await core.api.getArticle(summary!.id)).toMatchObject({ fullTextState: 'pending', fullTextError: 'connection closed before the response was complete' });

    cut = false;
    await core.api.sync();
    expect(await core.api.getArticle(summary!.id)).toMatchObject({ fullTextState: 'done', contentSource: 'page', html: expect.stringContaining('Paragraph 39 of the harbour story') });
  });
});

describe('cancel', () => {
  it('stops at once and leaves unfinished articles pending for the next sync', async () => {
    // Imported, not added: the sync fetches and parses each feed before its articles, as a first
    // sync after an OPML import does, so the articles start one feed at a time. (Added, every feed
    // answers 304 and all twelve pages may be in before the first event is heard.)
    for (const url of [site.feedUrl(0), site.feedUrl(1), site.feedUrl(2)]) core.storage.feeds.add({ url, title: '', siteUrl: null, description: null, folderId: null });
    core.on('sync-progress', (e) => {
      if (e.type === 'article-fetched') core.engine.cancel();
    });
    const cancelled = await core.api.sync();
    expect(cancelled.cancelled).toBe(true);
    expect(cancelled.articlesFetched).toBeLessThan(12);
    // Nothing is shown as complete without its body.
    for (const summary of (await core.api.listArticles({ filter: { kind: 'all' } })).articles) {
      const article = (await core.api.getArticle(summary.id))!;
      if (article.fullTextState === 'done') expect(article.contentSource).toBe('page');
    }
    core.events.removeAllListeners();
    const next = await core.api.sync();
    expect(next.cancelled).toBe(false);
    expect(cancelled.articlesFetched + next.articlesFetched).toBe(12);
  });

  it('refuses a second sync while one runs', async () => {
    await subscribe([site.feedUrl(0)]);
    const first = core.api.sync();
    await expect(core.api.sync()).rejects.toThrow(/already running/);
    await first;
  });
});

function site2Feed(origin: string): string {
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Small</title><link>${origin}/</link>
  <item><title>Only story</title><link>${origin}/missing-page.html</link><guid>only-1</guid>
  <description>&lt;p&gt;The feed says enough about this story.&lt;/p&gt;</description></item></channel></rss>`;
}

describe('retention after a sync', () => {
  it('applies the kept window from the settings once a sync ends, sparing starred articles', async () => {
    const old = await TestServer.start();
    const item = (n: number) => `<item><title>Old ${n}</title><guid>old-${n}</guid><pubDate>Mon, 01 Jan 2024 00:00:00 GMT</pubDate></item>`;
    old.serve('/feed.xml', { body: `<rss version="2.0"><channel><title>Archive</title>${item(1)}${item(2)}</channel></rss>`, type: 'application/rss+xml' });
    const dataDir = tempDir();
    const start = Date.UTC(2026, 0, 1);
    let clock = start;
    const timed = new Core({ dataDir, workers: 1, welcome: false, now: () => clock });
    try {
      const { feed } = await timed.api.addFeed(old.url('/feed.xml'));
      const [first] = (await timed.api.listArticles({ filter: { kind: 'feed', feedId: feed.id } })).articles;
      await timed.api.setStarred(first!.id, true);
      await timed.api.updateSettings({ keepDays: 30 });
      clock = start + 31 * 24 * 60 * 60 * 1000;
      await timed.api.sync({ feedsOnly: true });
      const left = (await timed.api.listArticles({ filter: { kind: 'feed', feedId: feed.id } })).articles;
      expect(left.map((a) => a.id)).toEqual([first!.id]);
    } finally {
      await timed.close();
      await old.stop();
    }
  });

  it('applies it after a scheduled sync too: the schedule takes the same path as the Sync button', async () => {
    const old = await TestServer.start();
    const item = (n: number) => `<item><title>Old ${n}</title><guid>old-${n}</guid><pubDate>Mon, 01 Jan 2024 00:00:00 GMT</pubDate></item>`;
    old.serve('/feed.xml', { body: `<rss version="2.0"><channel><title>Archive</title>${item(1)}${item(2)}${item(3)}</channel></rss>`, type: 'application/rss+xml' });
    const start = Date.UTC(2026, 0, 1);
    let clock = start;
    const timed = new Core({ dataDir: tempDir(), workers: 1, welcome: false, now: () => clock });
    try {
      const { feed } = await timed.api.addFeed(old.url('/feed.xml'));
      expect((await timed.api.listArticles({ filter: { kind: 'feed', feedId: feed.id } })).articles).toHaveLength(3);
      await timed.api.updateSettings({ keepDays: 30, syncOnStart: true });
      clock = start + 400 * 24 * 60 * 60 * 1000;
      const finished = new Promise<void>((resolve) => {
        timed.on('sync-progress', (event) => event.type === 'sync-finished' && resolve());
      });
      timed.startScheduledSyncs();
      await finished;
      // Retention runs after the engine reports the end: wait until the scheduled sync as a whole settles.
      await expect.poll(async () => (await timed.api.listArticles({ filter: { kind: 'feed', feedId: feed.id } })).articles.length).toBe(0);
    } finally {
      await timed.close();
      await old.stop();
    }
  });
});
