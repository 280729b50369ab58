// A feed that moved: a blog that changed its domain answers 301 (or 308) at the old address on
// every request. The subscription follows a permanent move, so the feed keeps working when the old
// domain lapses, and keeps its address through a temporary one (302, 307).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Core } from '../../electron/core/core';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';

let oldSite: TestServer;
let newSite: TestServer;
let core: Core;

beforeEach(async () => {
  // Two hosts, as a domain change has: the old one only redirects.
  oldSite = await TestServer.start('127.0.0.1');
  newSite = await TestServer.start('127.0.0.2');
  core = new Core({ dataDir: tempDir(), workers: 1, welcome: false });
});
afterEach(async () => {
  await core.close();
  await oldSite.stop();
  await newSite.stop();
  removeTempDirs();
});

function blogFeed(posts: readonly string[]): string {
  const items = posts.map((title, i) => `
    <item>
      <title>${title}</title>
      <link>${newSite.url(`/2024/05/post-${i}/`)}</link>
      <dc:creator><![CDATA[Margaret Ellis]]></dc:creator>
      <pubDate>Fri, ${10 + i} May 2024 09:30:00 +0000</pubDate>
      <guid isPermaLink="false">${newSite.url(`/?p=${1000 + i}`)}</guid>
      <description><![CDATA[${title}: what went wrong and what went right&#8230;]]></description>
    </item>`);
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
  <title>The Daily Tinker</title>
  <atom:link href="${newSite.url('/feed/')}" rel="self" type="application/rss+xml" />
  <link>${newSite.url('/')}</link>
  <description>Small projects in a small shop</description>
  <generator>https://wordpress.org/?v=6.5.3</generator>${items.join('')}
</channel>
</rss>`;
}

function publish(posts: readonly string[]): void {
  newSite.serve('/feed/', { body: blogFeed(posts), type: 'application/rss+xml; charset=UTF-8' });
}

/** Subscribes without the network, as an OPML import does, so the first sync meets the redirect. */
async function subscribe(url: string): Promise<number> {
  await core.api.importOpml(`<opml version="2.0"><body><outline type="rss" text="The Daily Tinker" xmlUrl="${url}"/></body></opml>`);
  return (await core.api.listFeeds()).find((feed) => feed.url === url)!.id;
}

async function addressOf(feedId: number): Promise<string | undefined> {
  return (await core.api.listFeeds()).find((feed) => feed.id === feedId)?.url;
}

async function titles(feedId: number): Promise<string[]> {
  return (await core.api.listArticles({ filter: { kind: 'feed', feedId }, limit: 50 })).articles.map((a) => a.title).sort();
}

describe('a feed that moved for good', () => {
  it('is subscribed at its new address after a 301: the feed list, the OPML export and the next sync use it', async () => {
    publish(['Dovetail jig, part 1']);
    oldSite.redirect('/feed/', newSite.url('/feed/'), 301);
    const feedId = await subscribe(oldSite.url('/feed/'));

    // Another site: the move is said, never made silently (a lapsed domain's new owner may redirect it).
    expect((await core.api.sync({ feedsOnly: true })).warnings).toEqual([
      `${oldSite.url('/feed/')} has moved for good to another site, ${newSite.url('/feed/')}, and is read from there from now on: if that is not the feed you follow, unsubscribe from it`,
    ]);
    expect(await addressOf(feedId)).toBe(newSite.url('/feed/'));
    expect(await core.api.exportOpml()).toContain(`xmlUrl="${newSite.url('/feed/')}"`);
    expect(await core.api.exportOpml()).not.toContain(oldSite.url('/feed/'));

    // The old domain lapses: the feed still syncs, with nothing lost or doubled.
    await oldSite.stop();
    publish(['Dovetail jig, part 1', 'Dovetail jig, part 2']);
    const summary = await core.api.sync({ feedsOnly: true });
    expect(summary).toMatchObject({ feedsFailed: 0, newArticles: 1 });
    expect(await titles(feedId)).toEqual(['Dovetail jig, part 1', 'Dovetail jig, part 2']);
    expect((await core.api.listFeeds()).filter((feed) => !feed.builtin)).toHaveLength(1);
  });

  it('follows a chain of permanent moves (http to https style 308, then a 301) to its end', async () => {
    publish(['Dovetail jig, part 1']);
    oldSite.redirect('/feed', '/feed/', 308);
    oldSite.redirect('/feed/', newSite.url('/feed/'), 301);
    const feedId = await subscribe(oldSite.url('/feed'));
    await core.api.sync({ feedsOnly: true });
    expect(await addressOf(feedId)).toBe(newSite.url('/feed/'));
  });

  it('moves quietly within its own site (a slash added, a new path on the same host)', async () => {
    publish(['Dovetail jig, part 1']);
    newSite.redirect('/rss.xml', '/feed/', 301);
    const feedId = await subscribe(newSite.url('/rss.xml'));
    const summary = await core.api.sync({ feedsOnly: true });
    expect(summary.warnings).toEqual([]);
    expect(await addressOf(feedId)).toBe(newSite.url('/feed/'));
  });

  it('moves also when the new address answers 304 or the same feed as before', async () => {
    newSite.serve('/feed/', { body: blogFeed(['Dovetail jig, part 1']), type: 'application/rss+xml', etag: '"v1"' });
    const feedId = await subscribe(oldSite.url('/feed/'));
    // First synced while the old address still served the feed itself...
    oldSite.route('/feed/', (req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' });
      res.end(blogFeed(['Dovetail jig, part 1']));
    });
    await core.api.sync({ feedsOnly: true });
    // ...then moved: the new address answers the stored ETag with 304.
    oldSite.redirect('/feed/', newSite.url('/feed/'), 301);
    await core.api.sync({ feedsOnly: true });
    expect(newSite.requestsFor('/feed/').at(-1)?.status).toBe(304);
    expect(await addressOf(feedId)).toBe(newSite.url('/feed/'));
    expect(await titles(feedId)).toEqual(['Dovetail jig, part 1']);
  });
});

describe('a feed that keeps its address', () => {
  it('after a temporary redirect, 302 or 307, even when the rest of the chain is permanent', async () => {
    publish(['Dovetail jig, part 1']);
    oldSite.redirect('/found', newSite.url('/feed/'), 302);
    oldSite.redirect('/permanent-then-temporary', '/temporary', 301);
    oldSite.redirect('/temporary', newSite.url('/feed/'), 307);
    const found = await subscribe(oldSite.url('/found'));
    const mixed = await subscribe(oldSite.url('/permanent-then-temporary'));
    expect(await core.api.sync({ feedsOnly: true })).toMatchObject({ feedsFailed: 0 });
    expect(await titles(found)).toEqual(['Dovetail jig, part 1']);
    expect(await addressOf(found)).toBe(oldSite.url('/found'));
    expect(await addressOf(mixed)).toBe(oldSite.url('/permanent-then-temporary'));
  });

  it('when its new address is already another subscription: no failure, nothing lost, and the sync says so', async () => {
    publish(['Dovetail jig, part 1']);
    const current = await subscribe(newSite.url('/feed/'));
    oldSite.redirect('/feed/', newSite.url('/feed/'), 301);
    const moved = await subscribe(oldSite.url('/feed/'));
    const summary = await core.api.sync({ feedsOnly: true });
    expect(summary).toMatchObject({ feedsFailed: 0 });
    expect(summary.warnings).toEqual([
      `${oldSite.url('/feed/')} has moved for good to ${newSite.url('/feed/')}, which another of your subscriptions already reads: its articles show twice until you unsubscribe from one`,
    ]);
    expect(await addressOf(moved)).toBe(oldSite.url('/feed/'));
    expect(await addressOf(current)).toBe(newSite.url('/feed/'));
    expect(await titles(moved)).toEqual(['Dovetail jig, part 1']);
    expect(await titles(current)).toEqual(['Dovetail jig, part 1']);
    const log = await core.api.syncLog(moved, 1);
    expect(log[0]).toMatchObject({ status: 'ok', message: '1 new' });
  });

  it('when the permanent redirect leads to something that is not a feed (a parked domain)', async () => {
    newSite.serve('/parked', { body: '<!DOCTYPE html><html><head><title>This domain is for sale</title></head><body><h1>tinker.example is for sale!</h1></body></html>', type: 'text/html' });
    oldSite.redirect('/feed/', newSite.url('/parked'), 301);
    const feedId = await subscribe(oldSite.url('/feed/'));
    expect(await core.api.sync({ feedsOnly: true })).toMatchObject({ feedsFailed: 1 });
    expect(await addressOf(feedId)).toBe(oldSite.url('/feed/'));
  });
});
