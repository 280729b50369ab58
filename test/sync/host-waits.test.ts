// A server that asks to be left alone (429 or 503 with a Retry-After) is: none of its pages or
// images are asked for until the wait is over, in the sync that was told and in the next ones,
// while its articles wait without the syncs counting against them; the log says so once per host.
// An image host's wait (a CDN's 503 with an HTTP-date, measured by its own clock) costs its articles
// nothing: they are saved with holes the sync after the wait fills.
// A host that answered in the sync and then stops answering is said to be slow, not unreachable.
// Real servers on loopback addresses, a clock the tests move.
import type http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type CoreOptions, type PaperboyCore } from '../../electron/core';
import { TRIES_ACROSS_SYNCS } from '../../electron/core/storage';
import { makePng } from '../support/images';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';

const STORIES = 12;
const HOUR_S = 3600;
const PNG = makePng(8, 8, [40, 90, 200]);

let servers: TestServer[] = [];
let core: PaperboyCore | null = null;

afterEach(async () => {
  await core?.close();
  core = null;
  await Promise.all(servers.map((server) => server.stop()));
  servers = [];
  removeTempDirs();
});

async function server(host: string): Promise<TestServer> {
  const started = await TestServer.start(host);
  servers.push(started);
  return started;
}

function open(options: Partial<CoreOptions> = {}): PaperboyCore {
  core = openCore({ dataDir: tempDir(), workers: 1, welcome: false, ...options });
  return core;
}

/** A news site's RSS: `STORIES` items, each linking its page at `pages` with a photo there. */
function serveFeed(feedSite: TestServer, path: string, pages: TestServer): void {
  feedSite.serve(path, { body: rss(pages), type: 'application/rss+xml' });
}

function rss(pages: TestServer): string {
  const items = Array.from({ length: STORIES }, (_, i) =>
    `<item><title>Council story ${i}</title><link>${pages.url(`/news/${i}.html`)}</link><guid isPermaLink="false">story-${i}</guid>
      <description><![CDATA[<p>Story ${i} in brief.</p><img src="${pages.url(`/photos/${i}.png`)}" alt="">]]></description></item>`).join('');
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Harbour Times</title><link>${pages.origin}/</link>${items}</channel></rss>`;
}

/** Each story's page and photo: the server asks to wait while `busy()` says so. */
function servePages(pages: TestServer, busy: () => boolean): void {
  const wait = (res: http.ServerResponse): void => {
    res.writeHead(429, { 'content-type': 'text/html', 'retry-after': String(HOUR_S) }).end('<h1>Too Many Requests</h1>');
  };
  for (let i = 0; i < STORIES; i++) {
    pages.route(`/news/${i}.html`, (_req, res) => {
      if (busy()) {
        wait(res);
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
        `<!doctype html><html><head><title>Council story ${i}</title></head><body><article><h1>Council story ${i}</h1><p>The harbour council met on Tuesday and agreed story ${i}'s budget after a long debate about the bridge and the ferry.</p><img src="/photos/${i}.png" alt=""></article></body></html>`,
      );
    });
    pages.route(`/photos/${i}.png`, (_req, res) => {
      if (busy()) wait(res);
      else res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
    });
  }
}

function requestsUnder(site: TestServer, prefix: string): number {
  return site.requests.filter((r) => r.path.startsWith(prefix)).length;
}

async function articleStates(c: PaperboyCore, feedId: number): Promise<{ state: string; error: string | null }[]> {
  const { articles } = await c.api.listArticles({ filter: { kind: 'feed', feedId }, limit: 100 });
  return Promise.all(articles.map(async (a) => {
    const article = (await c.api.getArticle(a.id))!;
    return { state: article.fullTextState, error: article.fullTextError };
  }));
}

function hostOf(site: TestServer): string {
  return new URL(site.origin).host;
}

describe('a site whose pages answer 429 with a Retry-After of an hour', () => {
  it('is asked once, left alone for the hour over many syncs with one log line each, and its articles wait without losing a try', async () => {
    // The feed is read from one host, its articles live on another (as with a feed service).
    const feeds = await server('127.0.0.1');
    const pages = await server('127.0.0.41');
    let busy = true;
    serveFeed(feeds, '/times.xml', pages);
    servePages(pages, () => busy);
    let clock = Date.now();
    const c = open({ now: () => clock });
    const feedId = (await c.api.addFeed(feeds.url('/times.xml'))).feed.id;

    const first = await c.api.sync();
    // The first answer said wait: only what had already left (at most the per-host six) was sent.
    const askedFirst = requestsUnder(pages, '/');
    expect(askedFirst).toBeGreaterThanOrEqual(1);
    expect(askedFirst).toBeLessThanOrEqual(6);
    expect(first.warnings).toEqual([expect.stringMatching(new RegExp(`^${hostOf(pages)} asked to wait \\(about 1 hour left\\): \\d+ pages? skipped, tried again when the wait is over$`))]);
    expect(first).toMatchObject({ articlesWaiting: STORIES, articlesFetched: 0 });

    // Syncs within the hour, more of them than an article's tries: the site is not asked, the feed is.
    for (let sync = 0; sync < TRIES_ACROSS_SYNCS + 1; sync++) {
      clock += 5 * 60_000;
      const summary = await c.api.sync();
      expect(summary.warnings).toEqual([`${hostOf(pages)} asked to wait (${55 - sync * 5} minutes left): ${STORIES} pages skipped, tried again when the wait is over`]);
      expect(summary.articlesWaiting).toBe(STORIES);
    }
    expect(requestsUnder(pages, '/')).toBe(askedFirst);
    expect(feeds.requestsFor('/times.xml')).toHaveLength(1 + 1 + TRIES_ACROSS_SYNCS + 1);
    const waiting = await articleStates(c, feedId);
    expect(waiting.map((a) => a.state)).toEqual(Array(STORIES).fill('pending'));
    expect(waiting.filter((a) => a.error === `${hostOf(pages)} asked to be left alone for a while: tried again when the wait is over`)).not.toHaveLength(0);

    // After the hour the site answers again: every article gets its page and photo.
    busy = false;
    clock += 31 * 60_000;
    const after = await c.api.sync();
    expect(after.warnings).toEqual([]);
    expect(after).toMatchObject({ articlesFetched: STORIES, articlesWithoutPage: 0, articlesWaiting: 0, imagesFetched: STORIES });
    expect((await articleStates(c, feedId)).map((a) => a.state)).toEqual(Array(STORIES).fill('done'));
  });
});

describe('a feed whose own server asked to wait', () => {
  it('leaves that server\'s pages alone too, in that sync and the next; a sync naming the feed goes ahead', async () => {
    const site = await server('127.0.0.42');
    let feedBusy = false;
    site.route('/feed.xml', (_req, res) => {
      if (feedBusy) res.writeHead(503, { 'content-type': 'text/plain', 'retry-after': String(3 * HOUR_S) }).end('Down for maintenance');
      else res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(site));
    });
    servePages(site, () => false);
    let clock = Date.now();
    const c = open({ now: () => clock });
    const feedId = (await c.api.addFeed(site.url('/feed.xml'))).feed.id;
    // Read as headlines first (as `sync --no-fulltext --no-images` would leave them: pending).
    await c.api.sync({ feedsOnly: true });
    expect((await articleStates(c, feedId)).map((a) => a.state)).toEqual(Array(STORIES).fill('pending'));

    const readAt = clock;
    feedBusy = true;
    const told = await c.api.sync();
    // Asked to wait is not failed: the sidebar shows when the feed is fetched again, not an error.
    expect(told).toMatchObject({ feedsWaiting: 1, feedsFailed: 0 });
    const waiting = (await c.api.listFeeds()).find((f) => f.id === feedId)!;
    expect(waiting).toMatchObject({ lastStatus: 'waiting', retryAfterAt: clock + 3 * HOUR_S * 1000, lastSuccessAt: readAt });
    expect(told.warnings).toEqual([`${hostOf(site)} asked to wait (about 3 hours left): ${STORIES} pages skipped, tried again when the wait is over`]);
    clock += 60_000;
    const next = await c.api.sync();
    expect(next).toMatchObject({ feedsWaiting: 1, articlesWaiting: STORIES });
    expect(next.warnings).toEqual([`${hostOf(site)} asked to wait (about 3 hours left): ${STORIES} pages skipped, tried again when the wait is over`]);
    expect(requestsUnder(site, '/news/') + requestsUnder(site, '/photos/')).toBe(0);

    // The person asks for this feed by name: it is fetched now, and its articles with it.
    feedBusy = false;
    const named = await c.api.sync({ feedIds: [feedId] });
    expect(named).toMatchObject({ articlesFetched: STORIES, articlesWaiting: 0, warnings: [] });
    expect(requestsUnder(site, '/news/')).toBe(STORIES);
    expect((await c.api.listFeeds()).find((f) => f.id === feedId)).toMatchObject({ lastStatus: 'unchanged', retryAfterAt: null, lastError: null });
  });
});

describe('a host that answered in the sync and then stops answering in time', () => {
  it('is said to be too slow, not unreachable', async () => {
    const site = await server('127.0.0.43');
    serveFeed(site, '/feed.xml', site);
    // The photos are quick; the pages take longer than the wait for response headers.
    for (let i = 0; i < STORIES; i++) {
      site.route(`/news/${i}.html`, (_req, res) => {
        const timer = setTimeout(() => res.writeHead(200, { 'content-type': 'text/html' }).end('<p>Late.</p>'), 2000);
        res.on('close', () => clearTimeout(timer));
      });
    }
    const c = open({ firstByteTimeoutMs: 300 });
    await c.api.addFeed(site.url('/feed.xml'));
    const summary = await c.api.sync({ images: false });
    expect(summary.warnings).toEqual([expect.stringMatching(new RegExp(`^${hostOf(site)} too slow \\(no response within 0\\.3 s\\): \\d+ pages skipped, tried again next sync$`))]);
  });
});

describe("an image host (a CDN) that answers 503 with a Retry-After written as a date", () => {
  it('is asked only by the requests already sent, its articles are saved with holes that will be filled, and it is left alone until the date', async () => {
    const site = await server('127.0.0.43');
    const cdn = await server('127.0.0.44');
    // The CDN's clock runs ten minutes fast: the wait is measured against its own Date header.
    const cdnNow = Date.parse('2026-03-02T10:10:00Z');
    let until = cdnNow + HOUR_S * 1000;
    cdn.fallback((_req, res) => {
      if (until > cdnNow) {
        res.writeHead(503, { 'content-type': 'text/html', date: new Date(cdnNow).toUTCString(), 'retry-after': new Date(until).toUTCString() }).end('<h1>Service Unavailable</h1>');
      } else res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
    });
    const items = Array.from({ length: STORIES }, (_, i) =>
      `<item><title>Market story ${i}</title><link>${site.url(`/market/${i}.html`)}</link><guid isPermaLink="false">market-${i}</guid><description>Market ${i} in brief.</description></item>`).join('');
    site.serve('/feed.xml', { body: `<?xml version="1.0"?><rss version="2.0"><channel><title>Market Weekly</title><link>${site.origin}/</link>${items}</channel></rss>`, type: 'application/rss+xml' });
    site.fallback((req, res) => {
      const i = /^\/market\/(\d+)\.html$/.exec(req.url ?? '')?.[1];
      if (i === undefined) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><html><head><title>Market story ${i}</title></head><body><article><h1>Market story ${i}</h1>`
        + `<p>The Saturday market moved to the square by the harbour for story ${i}, with twenty stalls of fish, cheese and bread and a band on the steps.</p>`
        + `<img src="${cdn.url(`/img/market-${i}.png`)}" alt="The market"></article></body></html>`);
    });
    let clock = Date.parse('2026-03-02T10:00:00Z');
    const c = open({ now: () => clock });
    const feedId = (await c.api.addFeed(site.url('/feed.xml'))).feed.id;

    const first = await c.api.sync();
    const askedFirst = requestsUnder(cdn, '/img/');
    expect(askedFirst).toBeGreaterThanOrEqual(1);
    expect(askedFirst).toBeLessThanOrEqual(6);
    expect(first).toMatchObject({ articlesFetched: STORIES, articlesWaiting: 0, imagesFetched: 0 });
    expect(first.warnings).toEqual([expect.stringMatching(new RegExp(`^${hostOf(cdn)} asked to wait \\(about 1 hour left\\): \\d+ images? skipped, tried again when the wait is over$`))]);
    const { articles } = await c.api.listArticles({ filter: { kind: 'feed', feedId }, limit: 100 });
    for (const listed of articles) {
      const article = (await c.api.getArticle(listed.id))!;
      expect(article.fullTextState).toBe('done');
      expect(article.html).toContain('twenty stalls of fish');
      expect(article.missedImages).toEqual([expect.objectContaining({ retried: true })]);
    }

    clock += 30 * 60_000;
    const within = await c.api.sync();
    expect(within.warnings).toEqual([`${hostOf(cdn)} asked to wait (30 minutes left): ${STORIES} images skipped, tried again when the wait is over`]);
    expect(requestsUnder(cdn, '/img/')).toBe(askedFirst);

    until = cdnNow;
    clock += 31 * 60_000;
    const after = await c.api.sync();
    expect(after).toMatchObject({ imagesFetched: STORIES, warnings: [] });
  });
});

describe('a site that answers 429 without saying how long to wait', () => {
  it('is left alone for the rest of the sync, saying so in one line, and asked again at the next', async () => {
    const feeds = await server('127.0.0.1');
    const pages = await server('127.0.0.45');
    let busy = true;
    serveFeed(feeds, '/times.xml', pages);
    // What a rate limiter in front of a small site sends: no Retry-After.
    const tooMany = (res: http.ServerResponse): void => void res.writeHead(429, { 'content-type': 'text/html' }).end('<h1>429 Too Many Requests</h1>');
    for (let i = 0; i < STORIES; i++) {
      pages.route(`/news/${i}.html`, (_req, res) => {
        if (busy) return tooMany(res);
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
          `<!doctype html><html><head><title>Council story ${i}</title></head><body><article><h1>Council story ${i}</h1><p>The harbour council met on Tuesday and agreed story ${i}'s budget after a long debate about the bridge and the ferry.</p><img src="/photos/${i}.png" alt=""></article></body></html>`);
      });
      pages.route(`/photos/${i}.png`, (_req, res) => void (busy ? tooMany(res) : res.writeHead(200, { 'content-type': 'image/png' }).end(PNG)));
    }
    const c = open();
    const feedId = (await c.api.addFeed(feeds.url('/times.xml'))).feed.id;

    const first = await c.api.sync();
    const asked = requestsUnder(pages, '/');
    expect(asked).toBeGreaterThanOrEqual(1);
    expect(asked).toBeLessThanOrEqual(6);
    expect(first.warnings).toEqual([expect.stringMatching(new RegExp(`^${hostOf(pages)} said it had too many requests: \\d+ pages? skipped, tried again next sync$`))]);
    expect(first).toMatchObject({ articlesWaiting: STORIES, articlesFetched: 0 });
    const states = await articleStates(c, feedId);
    expect(states.map((a) => a.state)).toEqual(Array(STORIES).fill('pending'));
    expect(states.filter((a) => a.error === `${hostOf(pages)} said it had too many requests: tried again next sync`)).not.toHaveLength(0);

    busy = false;
    const next = await c.api.sync();
    expect(next).toMatchObject({ articlesFetched: STORIES, articlesWaiting: 0, imagesFetched: STORIES, warnings: [] });
  });
});

describe('a host whose rate limit one feed met (GitHub, Reddit, Mastodon count a reader\'s requests to the host)', () => {
  it('is asked once in that sync, not once per feed, and not again until the wait is over; every feed of it waits, none failed', async () => {
    const github = await server('127.0.0.46');
    const REPOS = ['harbour/tide-tables', 'harbour/ferry-times', 'parish/bell-rota', 'parish/hall-bookings', 'club/fixtures', 'club/results'];
    let limited = false;
    let release = 1;
    for (const repo of REPOS) {
      github.route(`/${repo}/releases.atom`, (_req, res) => {
        if (limited) {
          // GitHub's answer once a client's unauthenticated quota is spent.
          res.writeHead(429, { 'content-type': 'text/html; charset=utf-8', 'retry-after': String(HOUR_S) }).end('<h1>Too many requests</h1>');
          return;
        }
        res.writeHead(200, { 'content-type': 'application/atom+xml; charset=utf-8' }).end(
          `<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom"><id>tag:github.com,2008:${repo}/releases</id><title>Release notes from ${repo}</title><updated>2026-03-0${release}T09:00:00Z</updated>`
          + `<entry><id>tag:github.com,2008:Repository/${repo}/v1.${release}</id><updated>2026-03-0${release}T09:00:00Z</updated><link rel="alternate" type="text/html" href="${github.url(`/${repo}/releases/tag/v1.${release}`)}"/>`
          + `<title>v1.${release}</title><content type="html">&lt;p&gt;Fixes and a new timetable for ${repo}.&lt;/p&gt;</content></entry></feed>`);
      });
    }
    let clock = Date.now();
    const c = open({ now: () => clock });
    await c.api.importOpml(`<?xml version="1.0"?><opml version="2.0"><body>${REPOS.map((repo) => `<outline type="rss" text="${repo}" xmlUrl="${github.url(`/${repo}/releases.atom`)}"/>`).join('')}</body></opml>`);
    expect(await c.api.sync({ feedsOnly: true })).toMatchObject({ feedsFailed: 0 });

    limited = true;
    release = 2;
    clock += 60_000;
    const asked = github.requests.length;
    const told = await c.api.sync({ feedsOnly: true });
    // The host's first answer of the sync said to wait: no other feed of it was asked.
    expect(github.requests.length - asked).toBe(1);
    expect(told).toMatchObject({ feedsWaiting: REPOS.length, feedsFailed: 0 });
    const feeds = await c.api.listFeeds();
    expect(feeds.map((feed) => [feed.lastStatus, feed.retryAfterAt])).toEqual(REPOS.map(() => ['waiting', clock + HOUR_S * 1000]));

    // The next syncs within the hour ask it nothing.
    clock += 30 * 60_000;
    expect(await c.api.sync({ feedsOnly: true })).toMatchObject({ feedsWaiting: REPOS.length, feedsFailed: 0 });
    expect(github.requests.length - asked).toBe(1);

    limited = false;
    clock += 31 * 60_000;
    expect(await c.api.sync({ feedsOnly: true })).toMatchObject({ feedsWaiting: 0, feedsFailed: 0, newArticles: REPOS.length });
    expect(github.requests.length - asked).toBe(1 + REPOS.length);
  });
});
