// An image that meets a passing failure during a sync (its server busy: 503, a 502 error page;
// no answer in time; the connection reset mid-body) is fetched again by the next syncs, as a page
// is, and the reader shows it once its server recovers; until then its box says the next sync
// tries again. One that is not there (404) is not asked for again. A server broken for good costs
// TRIES_ACROSS_SYNCS requests, not one every sync for ever. An image answered with no bytes at
// all says so, not that its type cannot be kept. Real syncs over a loopback site and its CDN.
// (The reset mid-body waits on the HTTP client: see the skipped test.)
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Core } from '../../electron/core/core';
import { TRIES_ACROSS_SYNCS } from '../../electron/core/storage';
import { imageMissReason } from '../../renderer/src/lib/image-placeholders';
import { fixtureBytes } from '../support/fixtures';
import { rssFeed } from '../support/hostile-sync';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';

const PHOTO = fixtureBytes('images/photo-300x169.jpg');
/** The photo with a JPEG comment naming it: real JPEG bytes, a file of its own in the cache. */
const photo = (name: string): Buffer => {
  const comment = Buffer.from(name, 'latin1');
  const segment = Buffer.alloc(4);
  segment.writeUInt16BE(0xfffe, 0);
  segment.writeUInt16BE(comment.length + 2, 2);
  return Buffer.concat([PHOTO.subarray(0, 2), segment, comment, PHOTO.subarray(2)]);
};

const FLAKY = ['503', '502', 'slow'] as const;

let site: TestServer;
let cdn: TestServer;
let core: Core;
/** Whether the CDN answers as it does under load (each flaky image fails) or as it does after. */
let busy = true;

beforeEach(async () => {
  busy = true;
  site = await TestServer.start('127.0.23.2');
  cdn = await TestServer.start('127.0.23.3');
  // The first image answers at once: the CDN has been heard from when the others fail.
  cdn.serve('/media/lead.jpg', { body: photo('lead'), type: 'image/jpeg' });
  cdn.route('/media/503.jpg', (_req, res) => {
    if (busy) res.writeHead(503, { 'content-type': 'text/html' }).end('<h1>503 Service Temporarily Unavailable</h1>');
    else res.writeHead(200, { 'content-type': 'image/jpeg' }).end(photo('503'));
  });
  cdn.route('/media/502.jpg', (_req, res) => {
    if (busy) res.writeHead(502, { 'content-type': 'text/html' }).end('<html><head><title>502 Bad Gateway</title></head><body><center>cloudflare</center></body></html>');
    else res.writeHead(200, { 'content-type': 'image/jpeg' }).end(photo('502'));
  });
  cdn.route('/media/slow.jpg', (_req, res) => {
    // Under load no headers come within the client's wait for them.
    if (busy) setTimeout(() => res.writeHead(200, { 'content-type': 'image/jpeg' }).end(photo('slow')), 2_000);
    else res.writeHead(200, { 'content-type': 'image/jpeg' }).end(photo('slow'));
  });
  cdn.route('/media/reset.jpg', (req, res) => {
    const bytes = photo('reset');
    res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': bytes.length });
    if (busy) res.write(bytes.subarray(0, 1_000), () => setTimeout(() => req.socket.destroy(), 20));
    else res.end(bytes);
  });
  cdn.route('/media/removed.jpg', (_req, res) => {
    res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not Found</h1>');
  });
  cdn.route('/media/empty.jpg', (_req, res) => {
    res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': 0 }).end();
  });
  core = new Core({ dataDir: tempDir(), workers: 1, welcome: false, firstByteTimeoutMs: 500 });
});

afterEach(async () => {
  await core.close();
  await Promise.all([site.stop(), cdn.stop()]);
  removeTempDirs();
});

function serveFeed(paths: readonly string[]): void {
  const figures = paths.map((path) => `<figure><img src="${cdn.url(path)}" alt="${path}"></figure>`).join('');
  const item = `<item><title>Ferry strike ends</title><guid isPermaLink="false">ferry-1</guid><link>${site.url('/2026/ferry-strike-ends/')}</link>
    <description><![CDATA[<p>The ferries sail again after a week of strikes, the operator said on Monday.</p>${figures}]]></description></item>`;
  site.serve('/feed/', { body: rssFeed('Harbour news', [item]), type: 'application/rss+xml' });
}

async function article() {
  const { articles } = await core.api.listArticles({ filter: { kind: 'all' } });
  return (await core.api.getArticle(articles[0]!.id))!;
}

/** The reader's box for each image the article shows without a file, by the image's path. */
async function boxes(): Promise<Record<string, string>> {
  const { missedImages } = await article();
  return Object.fromEntries(missedImages.map((image) => [new URL(image.url).pathname, imageMissReason(image)]));
}

const asked = (path: string) => cdn.requests.filter((request) => request.path === path).length;

/** The reader shows the photo the CDN sent for /media/NAME.jpg, from the cache. */
function expectShown(html: string, name: string): void {
  const hash = new RegExp(`<img src="paperboy-cache://([0-9a-f]{64})" alt="/media/${name}.jpg"`).exec(html)?.[1];
  const cached = hash ? core.cachedImage(hash) : null;
  expect(cached?.mime).toBe('image/jpeg');
  expect(readFileSync(cached!.file).equals(photo(name))).toBe(true);
}

const RETRIED = 'Its server could not be reached or was busy; the next sync tries again.';

describe('an image its server could not send then', () => {
  it('is fetched again by the next sync and shown once the server recovers; a 404 is not asked for again', async () => {
    serveFeed(['/media/lead.jpg', ...FLAKY.map((name) => `/media/${name}.jpg`), '/media/removed.jpg']);
    await core.api.addFeed(site.url('/feed/'));
    await core.api.sync({ fullText: false });

    expect(await boxes()).toEqual({
      '/media/503.jpg': RETRIED,
      '/media/502.jpg': RETRIED,
      '/media/slow.jpg': RETRIED,
      '/media/removed.jpg': 'Not found on the site (HTTP 404).',
    });

    busy = false;
    const removedAsked = asked('/media/removed.jpg');
    const summary = await core.api.sync({ fullText: false });
    expect(summary.imagesFetched).toBe(FLAKY.length);
    const shown = await article();
    for (const name of FLAKY) expectShown(shown.html, name);
    expect(await boxes()).toEqual({ '/media/removed.jpg': 'Not found on the site (HTTP 404).' });
    expect(asked('/media/removed.jpg')).toBe(removedAsked);

    // Nothing is asked for once every image that can be had is kept.
    const before = cdn.requests.length;
    await core.api.sync({ fullText: false });
    expect(cdn.requests.slice(before)).toEqual([]);
  });

  it(`is asked for in ${TRIES_ACROSS_SYNCS} syncs at most when its server stays busy, and then says it is not tried again`, async () => {
    serveFeed(['/media/lead.jpg', '/media/503.jpg']);
    await core.api.addFeed(site.url('/feed/'));
    const syncsAsking: number[] = [];
    for (let sync = 1; sync <= TRIES_ACROSS_SYNCS + 1; sync++) {
      const before = asked('/media/503.jpg');
      await core.api.sync({ fullText: false });
      if (asked('/media/503.jpg') > before) syncsAsking.push(sync);
    }
    expect(syncsAsking).toEqual(Array.from({ length: TRIES_ACROSS_SYNCS }, (_, index) => index + 1));
    expect(await boxes()).toEqual({ '/media/503.jpg': 'Its server could not be reached or was busy, sync after sync; it is not tried again.' });
  });

  it('is fetched again when its connection was reset mid-body, and shown once it comes whole', async () => {
    serveFeed(['/media/lead.jpg', '/media/reset.jpg']);
    await core.api.addFeed(site.url('/feed/'));
    await core.api.sync({ fullText: false });
    expect(await boxes()).toEqual({ '/media/reset.jpg': RETRIED });

    busy = false;
    await core.api.sync({ fullText: false });
    expectShown((await article()).html, 'reset');
    expect(await boxes()).toEqual({});
  });
});

describe('an image answered with no bytes', () => {
  it('says it came empty, not that its type cannot be kept', async () => {
    serveFeed(['/media/lead.jpg', '/media/empty.jpg']);
    await core.api.addFeed(site.url('/feed/'));
    await core.api.sync({ fullText: false });
    expect(await boxes()).toEqual({ '/media/empty.jpg': 'It could not be downloaded: the site sent an empty file.' });
  });
});
