// Hostile sizes under the real default limits (DEFAULT_LIMITS.feedBytes, 20 MB): a 50 MB feed,
// a body that never ends, a gzip bomb, and a legitimate but very long feed of 10,000 items.
// Each prints the peak RSS it cost and fails if memory grew as if a body were buffered whole.
import type http from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../electron/core/sync/limits';
import { gzipBomb, writeForever } from '../http/helpers';
import { HostileSync, rssFeed, rssItem } from '../support/hostile-sync';
import { measurePeakRss } from '../support/memory';
import { removeTempDirs } from '../support/temp';

const MB = 1024 * 1024;
/** Generous: a 20 MB cap plus parsing fits far below it; buffering 50 MB, 1 GB or forever does not. */
const MEMORY_BOUND_MB = 300;

let h: HostileSync;
beforeEach(async () => {
  h = await HostileSync.start();
});
afterEach(async () => {
  await h.stop();
  removeTempDirs();
});

const HEAD = Buffer.from('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Big</title>');
/** About 1 KB of a well-formed item, so the body is a real feed for as long as it goes on. */
const ITEM = Buffer.from(rssItem('big', 'A long item', `<description>${'Words words words. '.repeat(50)}</description>`));

/** Streams a feed of `totalBytes` item by item, as a server generating it would; nothing held whole. */
function streamFeed(res: http.ServerResponse, totalBytes: number): void {
  let open = true;
  res.on('close', () => (open = false));
  res.write(HEAD);
  let sent = HEAD.length;
  const pump = (): void => {
    while (open && sent < totalBytes) {
      sent += ITEM.length;
      if (!res.write(ITEM)) return void res.once('drain', pump);
    }
    if (open) res.end('</channel></rss>');
  };
  pump();
}

/** Resolves when the server sees the connection of its response to `path` close. */
function closedOnServer(res: http.ServerResponse): Promise<void> {
  return new Promise((resolve) => res.once('close', () => resolve()));
}

describe('hostile sizes, default limits', () => {
  it('a 50 MB feed is refused at the 20 MB cap, chunked or with its length announced', async () => {
    expect(DEFAULT_LIMITS.feedBytes).toBe(20 * MB);
    const chunked = await h.seeded('/fifty.xml');
    const announced = await h.seeded('/fifty-length.xml');
    const closed: Promise<void>[] = [];
    h.server.route('/fifty.xml', (_req, res) => {
      closed.push(closedOnServer(res));
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      streamFeed(res, 50 * MB);
    });
    h.server.route('/fifty-length.xml', (_req, res) => {
      closed.push(closedOnServer(res));
      res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-length': String(50 * MB) });
      streamFeed(res, 50 * MB);
    });
    const { memory } = await measurePeakRss('50 MB feed', () => h.sync());
    await h.expectFailure(chunked, /^too large \(over 20 MB\)$/);
    await h.expectFailure(announced, /^too large \(over 20 MB\)$/);
    await h.expectKept(chunked);
    await h.expectKept(announced);
    await Promise.all(closed);
    // The client hung up at the cap: the server never got to send the whole 50 MB.
    for (const path of ['/fifty.xml', '/fifty-length.xml']) expect(h.server.bytesSentFor(path)).toBeLessThan(40 * MB);
    expect(memory.growthMb).toBeLessThan(MEMORY_BOUND_MB);
  });

  it('an endless chunked feed stops at the cap and its connection is closed', async () => {
    const feedId = await h.seeded('/endless.xml');
    let closed!: Promise<void>;
    h.server.route('/endless.xml', (_req, res) => {
      closed = closedOnServer(res);
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.write(HEAD);
      writeForever(res, ITEM);
    });
    const { memory } = await measurePeakRss('endless chunked body', () => h.sync());
    await h.expectFailure(feedId, /^too large \(over 20 MB\)$/);
    await h.expectKept(feedId);
    await closed;
    expect(memory.growthMb).toBeLessThan(MEMORY_BOUND_MB);
  });

  it('a gzip bomb (1 MB on the wire, 1 GB unpacked) stops at the cap on unpacked bytes', async () => {
    const feedId = await h.seeded('/bomb.xml');
    const bomb = gzipBomb(1024);
    h.server.route('/bomb.xml', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip', 'content-length': String(bomb.length) });
      res.end(bomb);
    });
    const { memory } = await measurePeakRss('gzip bomb', () => h.sync());
    await h.expectFailure(feedId, /^too large \(over 20 MB\)$/);
    await h.expectKept(feedId);
    expect(memory.growthMb).toBeLessThan(MEMORY_BOUND_MB);
  });

  it('20 MB of bare items (600,000 of them): the first 20,000 are read, the rest left out before parsing', async () => {
    const xml = await h.seeded('/swarm.xml');
    const json = await h.seeded('/swarm.json');
    const bare = (i: number) => `<item><guid>${i}</guid></item>`;
    const xmlBody = rssFeed('Swarm', Array.from({ length: 600_000 }, (_, i) => bare(i)));
    const jsonBody = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Swarm', items: Array.from({ length: 600_000 }, (_, i) => ({ id: `${i}` })) });
    expect(xmlBody.length).toBeLessThan(DEFAULT_LIMITS.feedBytes);
    expect(jsonBody.length).toBeLessThan(DEFAULT_LIMITS.feedBytes);
    h.server.serve('/swarm.xml', { body: xmlBody, type: 'application/rss+xml' });
    h.server.serve('/swarm.json', { body: jsonBody, type: 'application/feed+json' });
    const { memory } = await measurePeakRss('600,000 bare items', () => h.sync());
    for (const feedId of [xml, json]) {
      const { status, log } = await h.reported(feedId);
      expect(status).toBe('ok');
      expect(log).toBe('20000 new; the feed lists 600,000 items, more than one feed may bring: its newest 20,000 were read and 580,000 older ones left out');
      // The article stored before stays beside them.
      expect((await h.core.api.listFeeds()).find((f) => f.id === feedId)?.articleCount).toBe(20_001);
    }
    // Parsed and stored, all these items would take gigabytes (7 KB each, measured at 100,000).
    expect(memory.growthMb).toBeLessThan(MEMORY_BOUND_MB);
  }, 240_000);

  it('a feed of 10,000 items is stored whole, and a later version adds exactly its new item', async () => {
    const items = (count: number) =>
      Array.from({ length: count }, (_, i) =>
        rssItem(`item-${i}`, `Story number ${i}`, `<pubDate>${new Date(Date.UTC(2026, 0, 1) + i * 60_000).toUTCString()}</pubDate><description>${'Body text. '.repeat(20)}</description>`),
      );
    const body = rssFeed('Ten thousand', items(10_000));
    h.server.serve('/many.xml', { body, type: 'application/rss+xml' });
    const feedId = await h.subscribe('/many.xml');
    const started = performance.now();
    const { value: summary, memory } = await measurePeakRss('10,000-item feed', () => h.sync());
    console.log(`[10,000-item feed] ${(body.length / MB).toFixed(1)} MB synced in ${Math.round(performance.now() - started)} ms`);
    expect(summary).toMatchObject({ feedsFailed: 0, newArticles: 10_001 }); // and the neighbour's one
    expect((await h.core.api.listFeeds()).find((f) => f.id === feedId)).toMatchObject({ lastStatus: 'ok', lastError: null, articleCount: 10_000 });
    const newest = (await h.core.api.listArticles({ filter: { kind: 'feed', feedId }, limit: 2 })).articles.map((a) => a.title);
    expect(newest).toEqual(['Story number 9999', 'Story number 9998']);
    // Real work, not a runaway buffer: about 230 MB measured here, linear in the items (and
    // items are capped at 20,000), where the 600,000 bare items above would have taken gigabytes.
    expect(memory.growthMb).toBeLessThan(2 * MEMORY_BOUND_MB);

    h.server.serve('/many.xml', { body: rssFeed('Ten thousand', items(10_001)), type: 'application/rss+xml' });
    expect(await h.sync()).toMatchObject({ feedsFailed: 0, newArticles: 2 });
    expect((await h.core.api.listFeeds()).find((f) => f.id === feedId)?.articleCount).toBe(10_001);
  }, 180_000);
});
