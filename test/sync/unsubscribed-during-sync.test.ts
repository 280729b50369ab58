// A sync takes minutes; people tidy their subscriptions meanwhile. A feed removed while its fetch
// is in flight has nowhere to store its items: that is no failure to report ("FOREIGN KEY
// constraint failed", "1 failed") about a feed the person just removed.
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { SyncProgressEvent } from '../../shared/types';
import { openCore, type PaperboyCore } from '../../electron/core';
import { rssFeed, rssItem } from '../support/hostile-sync';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';

let server: TestServer;
let core: PaperboyCore;
let answer: () => void = () => {};

beforeEach(async () => {
  server = await TestServer.start('127.0.0.78');
  core = openCore({ dataDir: tempDir('paperboy-unsubscribed-'), workers: 1, welcome: false });
  const asked = new Promise<void>((resolve) => (answer = resolve));
  server.route('/slow.xml', async (_req, res) => {
    // Answers once the test has removed the feed.
    await asked;
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rssFeed('Slow Gazette', [rssItem('s1', 'Ferry timetable changes')]));
  });
  server.serve('/quick.xml', { body: rssFeed('Quick Notes', [rssItem('q1', 'Market day moves to Friday')]), type: 'application/rss+xml' });
});
afterEach(async () => {
  await core.close();
  await server.stop();
  removeTempDirs();
});

it('is no failed feed and no error when it is unsubscribed while its fetch is in flight', async () => {
  await core.api.importOpml(`<opml version="2.0"><body><outline type="rss" text="Slow" xmlUrl="${server.url('/slow.xml')}"/><outline type="rss" text="Quick" xmlUrl="${server.url('/quick.xml')}"/></body></opml>`);
  const slow = (await core.api.listFeeds()).find((feed) => feed.url === server.url('/slow.xml'))!;
  const events: SyncProgressEvent[] = [];
  core.on('sync-progress', (event) => {
    events.push(event);
    if (event.type === 'feed-started' && event.feedId === slow.id) {
      void core.api.removeFeed(slow.id).then(() => answer());
    }
  });

  const summary = await core.api.sync({ feedsOnly: true });
  expect(server.requestsFor('/slow.xml')).toHaveLength(1);
  expect(summary).toMatchObject({ feedsFailed: 0, newArticles: 1 });
  expect(events.filter((event) => event.type === 'feed-failed')).toEqual([]);
  expect((await core.api.listFeeds()).map((feed) => feed.title)).toEqual(['Quick']);
});
