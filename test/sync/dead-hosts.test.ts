// Hosts that fail are remembered for the rest of a sync: a dead image or page host costs one
// failure, not one per article; the log says so once per host, and the next sync tries again. An
// article whose page host is dead stays pending; one whose image host is dead is stored without
// those images, which the next syncs fetch (a few times: a host that is gone is given up). Real
// servers on loopback addresses: a closed port (refused), a socket that accepts and never answers
// (black hole), a name that does not resolve (a DNS seam).
import dns from 'node:dns';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type CoreOptions, type PaperboyCore } from '../../electron/core';
import { makePng } from '../support/images';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';
import { blackHole, closedPort } from '../http/helpers';
import { TRIES_ACROSS_SYNCS } from '../../electron/core/storage';

const ARTICLES = 10;
const IMAGES_PER_ARTICLE = 3;
const PNG = makePng(8, 8, [200, 40, 40]);

let site: TestServer;
let core: PaperboyCore | null = null;

beforeAll(async () => {
  site = await TestServer.start();
});
afterAll(() => site.stop());
afterEach(async () => {
  await core?.close();
  core = null;
  removeTempDirs();
});

function open(options: Partial<CoreOptions> = {}): PaperboyCore {
  core = openCore({ dataDir: tempDir(), workers: 1, welcome: false, ...options });
  return core;
}

/** A feed whose items link to `pageOrigin` and carry images from `imageOrigin`. */
function serveFeed(path: string, pageOrigin: string, imageOrigin: string): void {
  const items = Array.from({ length: ARTICLES }, (_, i) => {
    const images = Array.from({ length: IMAGES_PER_ARTICLE }, (_, n) => `<img src="${imageOrigin}/img/${i}-${n}.png" alt="">`).join('');
    return `<item><title>Story ${i}</title><link>${pageOrigin}/story/${i}.html</link><guid>${path}-${i}</guid>
      <description><![CDATA[<p>Story ${i} in brief.</p>${images}]]></description></item>`;
  });
  site.serve(path, { body: `<?xml version="1.0"?><rss version="2.0"><channel><title>${path}</title><link>${site.origin}/</link>${items.join('')}</channel></rss>`, type: 'application/rss+xml' });
}

async function subscribe(c: PaperboyCore, path: string): Promise<number> {
  return (await c.api.addFeed(site.url(path))).feed.id;
}

async function states(c: PaperboyCore, feedId: number): Promise<string[]> {
  const { articles } = await c.api.listArticles({ filter: { kind: 'feed', feedId }, limit: 100 });
  return Promise.all(articles.map(async (a) => (await c.api.getArticle(a.id))!.fullTextState));
}

/** How many of each article's images are shown from the cache, how many are holes, and how many of those the next sync tries again. */
async function imagesShown(c: PaperboyCore, feedId: number): Promise<{ cached: number; holes: number; retried: number }[]> {
  const { articles } = await c.api.listArticles({ filter: { kind: 'feed', feedId }, limit: 100 });
  return Promise.all(articles.map(async (a) => {
    const article = (await c.api.getArticle(a.id))!;
    return { cached: article.html.match(/src="paperboy-cache:\/\//g)?.length ?? 0, holes: article.html.match(/data-original-src=/g)?.length ?? 0, retried: article.missedImages.filter((image) => image.retried).length };
  }));
}

function skippedIn(line: string | undefined): number {
  return Number(/: (\d+) images? skipped/.exec(line ?? '')?.[1] ?? 0);
}

describe('an image host that refuses connections', () => {
  it('is tried once, its remaining images are skipped with one log line, the articles are stored without them, and the next sync fetches them', async () => {
    const port = await closedPort('127.0.0.2');
    const imageOrigin = `http://127.0.0.2:${port}`;
    serveFeed('/refused.xml', site.origin, imageOrigin);
    const c = open();
    const feedId = await subscribe(c, '/refused.xml');

    const summary = await c.api.sync({ fullText: false });
    const lines = summary.warnings.filter((w) => w.startsWith(`127.0.0.2:${port} unreachable`));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^127\\.0\\.0\\.2:${port} unreachable \\(connection refused\\): \\d+ images skipped, tried again next sync$`));
    // At most one round of the per-host limit (6) reached the host; the rest never left.
    expect(skippedIn(lines[0])).toBeGreaterThanOrEqual(ARTICLES * IMAGES_PER_ARTICLE - 6);
    // Readable now, with holes where the images go.
    expect(await states(c, feedId)).toEqual(Array(ARTICLES).fill('skipped'));
    expect(await imagesShown(c, feedId)).toEqual(Array(ARTICLES).fill({ cached: 0, holes: IMAGES_PER_ARTICLE, retried: IMAGES_PER_ARTICLE }));

    // The host comes back: the next sync fills every hole.
    const images = await TestServer.start('127.0.0.2', port);
    images.fallback((_req, res) => {
      res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
    });
    try {
      const next = await c.api.sync({ fullText: false });
      expect(next.warnings).toEqual([]);
      expect(next.imagesFetched).toBe(ARTICLES * IMAGES_PER_ARTICLE);
      expect(await imagesShown(c, feedId)).toEqual(Array(ARTICLES).fill({ cached: IMAGES_PER_ARTICLE, holes: 0, retried: 0 }));
    } finally {
      await images.stop();
    }
  });

  it('is given up after a few syncs when it stays gone: the holes stay, the warnings stop', async () => {
    const port = await closedPort('127.0.0.2');
    const imageOrigin = `http://127.0.0.2:${port}`;
    serveFeed('/gone-images.xml', site.origin, imageOrigin);
    const c = open();
    const feedId = await subscribe(c, '/gone-images.xml');
    const warned: boolean[] = [];
    for (let sync = 0; sync < TRIES_ACROSS_SYNCS + 1; sync++) {
      const summary = await c.api.sync({ fullText: false });
      warned.push(summary.warnings.some((w) => w.startsWith(`127.0.0.2:${port} unreachable`)));
    }
    expect(warned).toEqual([...Array(TRIES_ACROSS_SYNCS).fill(true), false]);
    expect(await imagesShown(c, feedId)).toEqual(Array(ARTICLES).fill({ cached: 0, holes: IMAGES_PER_ARTICLE, retried: 0 }));
  });
});

describe('a host that accepts and never answers', () => {
  it('costs one round of timeouts, not one per image', async () => {
    const hole = await blackHole('127.0.0.3');
    try {
      serveFeed('/black-hole.xml', site.origin, hole.origin);
      const c = open({ timeoutMs: 300 });
      const feedId = await subscribe(c, '/black-hole.xml');
      const summary = await c.api.sync({ fullText: false });
      const host = new URL(hole.origin).host;
      const lines = summary.warnings.filter((w) => w.startsWith(`${host} unreachable`));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/unreachable \(no answer, timed out after 0\.3 s\): \d+ images skipped, tried again next sync$/);
      expect(hole.connections()).toBeLessThanOrEqual(6);
      expect(await states(c, feedId)).toEqual(Array(ARTICLES).fill('skipped'));
    } finally {
      await hole.stop();
    }
  });
});

describe('a host whose name does not resolve', () => {
  it('is looked up in one round only; its pages are skipped and their articles stay pending', async () => {
    let lookups = 0;
    const resolve: NonNullable<NonNullable<CoreOptions['network']>['resolve']> = async (hostname) => {
      if (hostname !== 'gone.invalid') return dns.promises.lookup(hostname, { all: true });
      lookups++;
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    };
    serveFeed('/gone.xml', 'http://gone.invalid', site.origin);
    site.fallback((_req, res) => {
      res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
    });
    const c = open({ network: { resolve } });
    const feedId = await subscribe(c, '/gone.xml');
    const summary = await c.api.sync();
    // At most one round of the per-host limit (6) asked; the rest never left.
    expect(lookups).toBeLessThanOrEqual(6);
    expect(summary.warnings).toEqual([`gone.invalid unreachable (name not found in DNS): ${ARTICLES - lookups} pages skipped, tried again next sync`]);
    expect(await states(c, feedId)).toEqual(Array(ARTICLES).fill('pending'));
  });
});

describe('a transient failure', () => {
  it('is tried once more: a page that answered 503 once is stored', async () => {
    let answers = 0;
    site.route('/flaky/1.html', (_req, res) => {
      answers++;
      if (answers === 1) res.writeHead(503, { 'content-type': 'text/plain' }).end('busy');
      else res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body><article><h1>Flaky</h1><p>Back on the second try, as promised by the retry.</p></article></body></html>');
    });
    site.serve('/flaky.xml', {
      body: `<?xml version="1.0"?><rss version="2.0"><channel><title>Flaky</title><link>${site.origin}/</link><item><title>Flaky</title><link>${site.url('/flaky/1.html')}</link><guid>flaky-1</guid></item></channel></rss>`,
      type: 'application/rss+xml',
    });
    const c = open();
    const feedId = await subscribe(c, '/flaky.xml');
    const summary = await c.api.sync();
    expect(summary.warnings).toEqual([]);
    expect(answers).toBe(2);
    expect(await states(c, feedId)).toEqual(['done']);
  });
});

describe('a page its server was too busy to send', () => {
  /** A feed of one story whose page answers as `answer` says, sync by sync. */
  function serveBusyStory(name: string, answer: () => 'busy' | 'page'): void {
    site.route(`/busy/${name}.html`, (_req, res) => {
      if (answer() === 'busy') res.writeHead(503, { 'content-type': 'text/plain', 'retry-after': '120' }).end('Down for maintenance');
      else res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body><article><h1>Budget</h1><p>The harbour council agreed the budget for the coming year after a long debate about the bridge and the ferry.</p></article></body></html>');
    });
    site.serve(`/busy-${name}.xml`, {
      body: `<?xml version="1.0"?><rss version="2.0"><channel><title>Busy</title><link>${site.origin}/</link><item><title>Budget</title><link>${site.url(`/busy/${name}.html`)}</link><guid>busy-${name}</guid><description>Budget agreed.</description></item></channel></rss>`,
      type: 'application/rss+xml',
    });
  }

  // It asked for two minutes: the syncs here come after them (host-waits.test.ts: those within).
  const AFTER_THE_WAIT_MS = 121_000;

  it('leaves its article waiting, saying why, and the next sync stores the page', async () => {
    let busy = true;
    serveBusyStory('once', () => (busy ? 'busy' : 'page'));
    let clock = Date.now();
    const c = open({ now: () => clock });
    const feedId = await subscribe(c, '/busy-once.xml');
    const first = await c.api.sync();
    expect(first.warnings).toEqual([]);
    expect(first).toMatchObject({ articlesFetched: 0, articlesWaiting: 1, articlesWithoutPage: 0 });
    const [waiting] = (await c.api.listArticles({ filter: { kind: 'feed', feedId }, limit: 1 })).articles;
    expect(await c.api.getArticle(waiting!.id)).toMatchObject({ fullTextState: 'pending', fullTextError: 'HTTP 503 Service Unavailable, retry after 120 s' });

    busy = false;
    clock += AFTER_THE_WAIT_MS;
    expect(await c.api.sync()).toMatchObject({ articlesFetched: 1, articlesWaiting: 0, articlesWithoutPage: 0 });
    const stored = (await c.api.getArticle(waiting!.id))!;
    expect(stored.fullTextState).toBe('done');
    expect(stored.html).toContain('agreed the budget for the coming year');
  });

  it('is given up on after a few syncs: the article keeps the feed\'s text and says why', async () => {
    let requests = 0;
    serveBusyStory('always', () => {
      requests++;
      return 'busy';
    });
    let clock = Date.now();
    const c = open({ now: () => clock });
    const feedId = await subscribe(c, '/busy-always.xml');
    const [article] = (await c.api.listArticles({ filter: { kind: 'feed', feedId }, limit: 1 })).articles;
    const states: string[] = [];
    const summaries: { waiting: number; withoutPage: number }[] = [];
    for (let sync = 0; sync < TRIES_ACROSS_SYNCS + 1; sync++) {
      const summary = await c.api.sync();
      clock += AFTER_THE_WAIT_MS;
      summaries.push({ waiting: summary.articlesWaiting, withoutPage: summary.articlesWithoutPage });
      states.push((await c.api.getArticle(article!.id))!.fullTextState);
    }
    expect(states).toEqual([...Array(TRIES_ACROSS_SYNCS - 1).fill('pending'), 'failed', 'failed']);
    // The summary says which it was each time: waiting, then kept with the feed's text.
    expect(summaries).toEqual([...Array(TRIES_ACROSS_SYNCS - 1).fill({ waiting: 1, withoutPage: 0 }), { waiting: 0, withoutPage: 1 }, { waiting: 0, withoutPage: 0 }]);
    expect(requests).toBe(TRIES_ACROSS_SYNCS);
    expect(await c.api.getArticle(article!.id)).toMatchObject({ fullTextError: 'HTTP 503 Service Unavailable, retry after 120 s', html: expect.stringContaining('Budget agreed.') });
  });
});
