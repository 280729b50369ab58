// Subscribing downloads the feed; the first sync after it used to download it again in full, as
// the add kept neither its ETag nor its Last-Modified. The add keeps what a sync keeps, so that
// sync asks whether the feed changed since (a 304 costs nothing). Over the real core, HTTP client
// and SQLite, against a loopback server that counts the full answers it sends.
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { serverAndCorePerTest } from '../support/core-per-test';
import { fixtureText } from '../support/fixtures';
import type { StaticResponse, TestServer } from '../support/server';

let server: TestServer;
let core: Core;

serverAndCorePerTest((s, c) => {
  server = s;
  core = c;
}, '127.0.34.2');

const RSS = 'application/rss+xml; charset=UTF-8';
const LAST_MODIFIED = 'Thu, 13 Jan 2022 09:12:44 GMT';

/** The feed's full answers (200 with its body): what a person on a metered line pays for. */
const fullDownloads = () => server.requestsFor('/feed/').filter((request) => request.status === 200).length;

async function addThenSync(validators: Pick<StaticResponse, 'etag' | 'lastModified'>): Promise<void> {
  server.serve('/feed/', { body: fixtureText('seed/feed.xml', server.origin), type: RSS, ...validators });
  await core.api.addFeed(server.url('/feed/'));
  const summary = await core.api.sync({ fullText: false, images: false, feedsOnly: true });
  expect(summary.feedsFailed).toBe(0);
}

describe('adding a feed and then syncing', () => {
  it('downloads the feed once when it has an ETag', async () => {
    await addThenSync({ etag: true });
    expect(fullDownloads()).toBe(1);
    expect(server.requestsFor('/feed/').map((request) => request.status)).toEqual([200, 304]);
  });

  it('downloads the feed once when it has only a Last-Modified date', async () => {
    await addThenSync({ lastModified: LAST_MODIFIED });
    expect(fullDownloads()).toBe(1);
    expect(server.requestsFor('/feed/')[1]?.headers['if-modified-since']).toBe(LAST_MODIFIED);
  });

  it('keeps the articles the add stored, and the sync reads the same bytes as unchanged when the server has no validators', async () => {
    await addThenSync({});
    const [feed] = await core.api.listFeeds();
    expect(feed?.articleCount).toBe(1);
    expect((await core.api.syncLog(feed!.id)).map((line) => line.message)[0]).toBe('unchanged');
  });
});
