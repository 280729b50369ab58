// A feed that answers 410 Gone once is not dropped for good: 410s are sent by mistake (a security
// plugin, a CDN rule), so the feed is tried again a day later. In between it is left alone and
// counted as "gone", not as synced, and what the person reads (the feed's problem, the sync's
// summary line, the per-feed line of a terminal sync) says when it is tried again.
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { SyncProgressEvent } from '../../shared/types';
import { openCore, type PaperboyCore } from '../../electron/core';
import { summaryLine } from '../../electron/cli/progress';
import { rssFeed, rssItem } from '../support/hostile-sync';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';

const RSS = 'application/rss+xml';
const HOUR = 3_600_000;
const GONE_REASON = "gone (HTTP 410): the site says it removed the feed: add the site's address to find a new one, if it has one; it is tried again once a day, or at once when this feed alone is synced";

let server: TestServer;
let core: PaperboyCore;
let clock: number;

beforeEach(async () => {
  server = await TestServer.start('127.0.0.77');
  clock = Date.now();
  core = openCore({ dataDir: tempDir('paperboy-gone-'), workers: 1, welcome: false, now: () => clock });
  server.serve('/neighbour.xml', { body: rssFeed('Neighbour', [rssItem('n1', 'Market day moves to Friday')]), type: RSS });
  server.serve('/blog.xml', { body: rssFeed('Town Notes', [rssItem('p1', 'Notes from the week')]), type: RSS });
});
afterEach(async () => {
  await core.close();
  await server.stop();
  removeTempDirs();
});

async function subscribe(path: string): Promise<number> {
  await core.api.importOpml(`<opml version="2.0"><body><outline type="rss" text="${path}" xmlUrl="${server.url(path)}"/></body></opml>`);
  return (await core.api.listFeeds()).find((feed) => feed.url === server.url(path))!.id;
}

async function blogTitles(feedId: number): Promise<string[]> {
  return (await core.api.listArticles({ filter: { kind: 'feed', feedId } })).articles.map((article) => article.title);
}

it('is tried again a day after its 410, counted as gone until then, and comes back when the site does', async () => {
  await subscribe('/neighbour.xml');
  const blog = await subscribe('/blog.xml');
  await core.api.sync({ feedsOnly: true });

  // A security plugin answers 410 for a morning.
  server.serve('/blog.xml', { status: 410, body: 'Gone', type: 'text/plain' });
  expect(await core.api.sync({ feedsOnly: true })).toMatchObject({ feedsFailed: 1, feedsGone: 0 });
  expect((await core.api.listFeeds()).find((feed) => feed.id === blog)).toMatchObject({ lastStatus: 'gone', lastError: GONE_REASON });
  expect((await core.api.syncLog(blog, 1))[0]?.message).toBe(`failed: ${GONE_REASON}`);

  // The site is back; three hours later the feed is still left alone, and said to be.
  server.serve('/blog.xml', { body: rssFeed('Town Notes', [rssItem('p1', 'Notes from the week'), rssItem('p2', 'Back online')]), type: RSS });
  clock += 3 * HOUR;
  const events: SyncProgressEvent[] = [];
  const off = core.on('sync-progress', (event) => events.push(event));
  const asked = server.requestsFor('/blog.xml').length;
  const skipped = await core.api.sync({ feedsOnly: true });
  off();
  expect(server.requestsFor('/blog.xml')).toHaveLength(asked);
  expect(skipped).toMatchObject({ feedsTotal: 2, feedsDone: 2, feedsFailed: 0, feedsWaiting: 0, feedsGone: 1 });
  expect(summaryLine(skipped)).toMatch(/^Synced 1 of 2 feeds \(1 gone, tried again once a day\): 0 new, 0 updated; /);
  expect(events).toContainEqual(expect.objectContaining({
    type: 'feed-waiting', feedId: blog, reason: 'gone (HTTP 410): tried again in about 21 hours, or at once when this feed alone is synced',
  }));
  expect(await blogTitles(blog)).toEqual(['Notes from the week']);

  // A day after the 410 it is tried again, and what the site published meanwhile arrives.
  clock += 21 * HOUR;
  expect(await core.api.sync({ feedsOnly: true })).toMatchObject({ feedsFailed: 0, feedsGone: 0, newArticles: 1 });
  expect(server.requestsFor('/blog.xml')).toHaveLength(asked + 1);
  expect((await core.api.listFeeds()).find((feed) => feed.id === blog)).toMatchObject({ lastStatus: 'ok', lastError: null });
  expect((await blogTitles(blog)).sort()).toEqual(['Back online', 'Notes from the week']);
});

it('stays gone while the site keeps answering 410: one request a day, each said in the sync log', async () => {
  const blog = await subscribe('/blog.xml');
  server.serve('/blog.xml', { status: 410, body: 'Gone', type: 'text/plain' });
  for (let day = 0; day < 3; day++) {
    await core.api.sync({ feedsOnly: true });
    clock += 12 * HOUR;
    expect(await core.api.sync({ feedsOnly: true })).toMatchObject({ feedsDone: 1, feedsFailed: 0, feedsGone: 1 });
    clock += 12 * HOUR;
  }
  expect(server.requestsFor('/blog.xml')).toHaveLength(3);
  expect((await core.api.syncLog(blog)).map((entry) => entry.message)).toEqual(Array(3).fill(`failed: ${GONE_REASON}`));
});
