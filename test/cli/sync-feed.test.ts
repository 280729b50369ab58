// `sync --feed URL` syncs a subscription; it never subscribes. A URL that is not one was
// subscribed to on the spot, reported as "Synced 1 of 1 feeds", and `…/feed` beside `…/feed/`
// made a second subscription to the same feed. It is matched as `add` matches one already
// subscribed to, and refused otherwise, pointing to `add`, with nothing fetched or changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paperboy } from '../support/processes';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';
import { fixtureText } from '../support/fixtures';

const RSS = 'application/rss+xml; charset=utf-8';

let server: TestServer;
beforeAll(async () => {
  server = await TestServer.start();
  // WordPress serves its feed at /feed/ and, without redirecting, at /feed as well.
  server.serve('/feed/', { body: fixtureText('seed/feed.xml', server.origin), type: RSS });
  server.serve('/feed', { body: fixtureText('seed/feed.xml', server.origin), type: RSS });
  server.serve('/other/feed/', { body: fixtureText('seed/feed.xml', server.origin), type: RSS });
});
afterAll(async () => {
  await server.stop();
  removeTempDirs();
});

const subscriptions = async (data: string) =>
  (JSON.parse((await paperboy('call', 'listFeeds', '--data', data)).stdout) as { url: string; builtin: boolean }[]).filter((feed) => !feed.builtin).map((feed) => feed.url);

describe('sync --feed', () => {
  it('refuses a feed not subscribed to, pointing to add, and neither fetches nor subscribes', async () => {
    const data = tempDir();
    await paperboy('add', server.url('/feed/'), '--data', data);
    const asked = server.requestsFor('/other/feed/').length;
    const run = await paperboy('sync', '--feed', server.url('/other/feed/'), '--data', data);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`paperboy: ${server.url('/other/feed/')} is not one of your subscriptions: subscribe to it with \`paperboy add ${server.url('/other/feed/')}\`, then sync\n`);
    expect(server.requestsFor('/other/feed/')).toHaveLength(asked);
    expect(await subscriptions(data)).toEqual([server.url('/feed/')]);
  });

  it('offers the subscription an address differs from by a trailing slash, and makes no second one', async () => {
    const data = tempDir();
    await paperboy('add', server.url('/feed/'), '--data', data);
    const run = await paperboy('sync', '--feed', server.url('/feed'), '--data', data);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^paperboy: ${server.url('/feed')} is not one of your subscriptions; did you mean ${server.url('/feed/')}\\?`));
    expect(await subscriptions(data)).toEqual([server.url('/feed/')]);
  });

  it('finds the subscription as add would: spaces around it, a #fragment', async () => {
    const data = tempDir();
    await paperboy('add', server.url('/feed/'), '--data', data);
    const run = await paperboy('sync', '--feed', ` ${server.url('/feed/')}#latest `, '--data', data, '--no-fulltext', '--no-images');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Synced 1 of 1 feeds/);
    expect(await subscriptions(data)).toEqual([server.url('/feed/')]);
  });
});
