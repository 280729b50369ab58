// Add feed on a page that names several feeds, asked to offer a choice (as the app's dialog and
// `paperboy add` ask): the distinct feeds that work, the one Paperboy would pick first and checked,
// comments last; nothing subscribed until one is picked. A page naming one feed several ways
// (RSS and Atom, http and https, with and without a slash) is one feed, subscribed at once.
// Callers that do not ask get the feed Paperboy picks, as before.
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import type { AddFeedAnswer, FeedChoice } from '../../shared/types';
import { HARBOUR, TIDE_TABLE, serveHarbourNotes, serveTideTable } from '../support/feed-choice-sites';
import { serverAndCorePerTest } from '../support/core-per-test';
import type { TestServer } from '../support/server';

let server: TestServer;
let core: Core;
serverAndCorePerTest((s, c) => {
  server = s;
  core = c;
});

function choiceOf(answer: AddFeedAnswer): FeedChoice {
  if (answer.kind !== 'choice') throw new Error(`subscribed to ${answer.feed.url} without offering a choice`);
  return answer;
}

/** What a person reads in the list: each feed's title, kind and address, the default marked. */
function listed(choice: FeedChoice): string[] {
  return choice.candidates.map((feed, index) => `${index === choice.defaultIndex ? '(x)' : '( )'} ${feed.title} [${feed.kind}, ${feed.format}] ${feed.url.replace(server.origin, '')}`);
}

describe('a page that names several feeds, with a choice asked for', () => {
  it("lists a WordPress category page's own feed first and checked, the site's next, its comments last, and subscribes to none", async () => {
    serveHarbourNotes(server);
    const choice = choiceOf(await core.api.addFeed(server.url(HARBOUR.category), null, { offerChoice: true }));
    expect(listed(choice)).toEqual([
      '(x) Ferries – Harbour Notes [articles, rss] /category/ferries/feed/',
      '( ) Harbour Notes [articles, rss] /feed/',
      '( ) Comments for Harbour Notes [comments, rss] /comments/feed/',
    ]);
    expect(choice.candidates.map((feed) => [feed.itemCount, feed.latestAt && new Date(feed.latestAt).toISOString(), feed.subscribed])).toEqual([
      [2, '2024-05-20T07:12:40.000Z', false],
      [4, '2024-05-21T09:40:02.000Z', false],
      [3, '2024-05-20T19:02:51.000Z', false],
    ]);
    expect((await core.api.listFeeds()).filter((feed) => !feed.builtin)).toEqual([]);
  });

  it('subscribes to the feed picked from the list by its address, and marks it subscribed when asked again', async () => {
    serveHarbourNotes(server);
    const choice = choiceOf(await core.api.addFeed(server.url(HARBOUR.category), null, { offerChoice: true }));
    const picked = await core.api.addFeed(choice.candidates[1]!.url, null, { offerChoice: true });
    expect(picked).toMatchObject({ kind: 'subscribed', existing: false, feed: { title: 'Harbour Notes', url: server.url(HARBOUR.posts), articleCount: 4 } });
    const again = choiceOf(await core.api.addFeed(server.url(HARBOUR.category), null, { offerChoice: true }));
    expect(again.candidates.map((feed) => feed.subscribed)).toEqual([false, true, false]);
  });

  it('tells a podcast\'s audio and video feeds apart by what the page calls them, when both have one title', async () => {
    serveTideTable(server);
    const choice = choiceOf(await core.api.addFeed(server.url(TIDE_TABLE.page), null, { offerChoice: true }));
    expect(listed(choice)).toEqual([
      '(x) The Tide Table (MP3 Audio) [audio, rss] /podcast/mp3/',
      '( ) The Tide Table (MP4 Video) [video, rss] /podcast/mp4/',
    ]);
  });

  it('subscribes at once to a feed the page names three ways: RSS and Atom, http and https, with and without a slash', async () => {
    serveHarbourNotes(server);
    const answer = await core.api.addFeed(server.url(HARBOUR.home), null, { offerChoice: true });
    expect(answer).toMatchObject({ kind: 'subscribed', existing: false, feed: { title: 'Harbour Notes', url: server.url(HARBOUR.posts) } });
    // The Atom was read and found to be the same feed; the https spelling names the address taken.
    expect(server.requestsFor(HARBOUR.atom)).toHaveLength(1);
  });

  it('leaves out a feed link that does not work, and subscribes at once when one feed is left', async () => {
    serveHarbourNotes(server);
    server.serve(HARBOUR.categoryFeed, { status: 404, body: '<!doctype html><title>Page not found</title>', type: 'text/html; charset=UTF-8' });
    server.serve(HARBOUR.comments, { status: 500, body: 'Error establishing a database connection', type: 'text/html; charset=UTF-8' });
    const answer = await core.api.addFeed(server.url(HARBOUR.category), null, { offerChoice: true });
    expect(answer).toMatchObject({ kind: 'subscribed', feed: { url: server.url(HARBOUR.posts) } });
  });

  it('subscribes at once to a feed address typed, whatever feeds its site has', async () => {
    serveHarbourNotes(server);
    const answer = await core.api.addFeed(server.url(HARBOUR.comments), null, { offerChoice: true });
    expect(answer).toMatchObject({ kind: 'subscribed', feed: { title: 'Comments for Harbour Notes' } });
    expect(server.requestsFor(HARBOUR.category)).toHaveLength(0);
  });
});

describe('a page that names several feeds, without a choice asked for', () => {
  it("subscribes to the feed the list would have checked, as before: the category page's own", async () => {
    serveHarbourNotes(server);
    const answer = await core.api.addFeed(server.url(HARBOUR.category));
    expect([answer.kind, answer.feed.title, answer.feed.url]).toEqual(['subscribed', 'Ferries – Harbour Notes', server.url(HARBOUR.categoryFeed)]);
    // Nothing fetched to offer: the other feeds are not asked for.
    expect(server.requestsFor(HARBOUR.comments)).toHaveLength(0);
  });
});
