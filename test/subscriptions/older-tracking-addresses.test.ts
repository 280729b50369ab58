// Subscriptions stored before tracking parameters were stripped still carry them in their address
// (…/feed/?utm_source=feedly). Adding the clean address, or the same with other tracking
// parameters, or importing it, made a second subscription to the same feed. Both sides are
// compared without tracking parameters; the stored address is left as it was (no migration).
// A real data folder written as the older version left it, the real core and CLI, a loopback feed.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Core } from '../../electron/core/core';
import { fixtureText } from '../support/fixtures';
import { paperboy } from '../support/processes';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';

const RSS = 'application/rss+xml; charset=UTF-8';

let server: TestServer;
let data: string;
let oldAddress: string;

beforeAll(async () => {
  server = await TestServer.start('127.0.34.3');
  server.serve('/feed/', { body: fixtureText('seed/feed.xml', server.origin), type: RSS });
  oldAddress = server.url('/feed/?utm_source=feedly&utm_medium=rss');
});
afterAll(async () => {
  await server.stop();
  removeTempDirs();
});

/** A data folder whose one subscription was stored with its tracking parameters, as older versions stored it. */
beforeEach(async () => {
  data = tempDir();
  const core = new Core({ dataDir: data, workers: 1, welcome: false });
  core.storage.feeds.add({ url: oldAddress, title: 'The Evening Dispatch', siteUrl: server.url('/'), description: null, folderId: null });
  await core.close();
});

async function withCore<T>(use: (core: Core) => Promise<T>): Promise<T> {
  const core = new Core({ dataDir: data, workers: 1, welcome: false });
  try {
    return await use(core);
  } finally {
    await core.close();
  }
}

const subscriptions = () => withCore(async (core) => (await core.api.listFeeds()).filter((feed) => !feed.builtin).map((feed) => feed.url));

describe('a subscription stored with tracking parameters', () => {
  it('is the one the clean address finds when added, with no second subscription', async () => {
    const results = await withCore(async (core) => [await core.api.addFeed(server.url('/feed/')), await core.api.addFeed(server.url('/feed/?utm_source=twitter'))]);
    expect(results.map((result) => result.existing)).toEqual([true, true]);
    expect(await subscriptions()).toEqual([oldAddress]);
  });

  it('is already subscribed when an OPML file lists the clean address', async () => {
    const result = await withCore((core) =>
      core.api.importOpml(`<?xml version="1.0"?><opml version="2.0"><body><outline type="rss" text="Dispatch" xmlUrl="${server.url('/feed/')}"/></body></opml>`),
    );
    expect(result.added).toBe(0);
    expect(result.skipped.map((skip) => skip.reason)).toEqual(['already subscribed']);
    expect(await subscriptions()).toEqual([oldAddress]);
  });

  it('is the one `paperboy add` and `sync --feed` find by the clean address', async () => {
    const add = await paperboy('add', server.url('/feed/'), '--data', data);
    expect(add.stdout).toMatch(/^Already subscribed to "The Evening Dispatch"/);
    const sync = await paperboy('sync', '--feed', server.url('/feed/?utm_campaign=spring'), '--data', data, '--no-fulltext', '--no-images');
    expect(sync.code).toBe(0);
    expect(sync.stdout).toMatch(/^Synced 1 of 1 feeds/);
    expect(await subscriptions()).toEqual([oldAddress]);
  });
});
