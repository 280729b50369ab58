// Subscribing to a feed picked from the list Add feed offered costs its site one request for that
// feed, not two: the bytes fetched to describe it in the list are the ones subscribed to, while
// they are a few minutes old at most (subscriptions/recent-answers.ts). Picked later, the feed is
// asked for again and its newer items come with it. A real WordPress-shaped site on the loopback
// counts what it is asked for; the core's clock is the test's.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { Core } from '../../electron/core/core';
import type { AddFeedAnswer, FeedChoice } from '../../shared/types';
import { HARBOUR, serveHarbourNotes } from '../support/feed-choice-sites';
import { fixtureText } from '../support/fixtures';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';

let server: TestServer;
let core: Core;
let clock = Date.UTC(2024, 4, 21, 10, 0, 0);

beforeEach(async () => {
  server = await TestServer.start();
  serveHarbourNotes(server);
  core = new Core({ dataDir: tempDir(), workers: 1, welcome: false, now: () => clock });
});
afterEach(async () => {
  await core.close();
  await server.stop();
  removeTempDirs();
});

function choiceOf(answer: AddFeedAnswer): FeedChoice {
  if (answer.kind !== 'choice') throw new Error(`subscribed to ${answer.feed.url} without offering a choice`);
  return answer;
}

/** The site's posts feed with a story published after the list was shown. */
function postsWithNewStory(): string {
  const story = `<item>
		<title>Harbour wall repairs start on Monday</title>
		<link>${server.origin}/2024/05/21/harbour-wall-repairs/</link>
		<dc:creator><![CDATA[Mo Treloar]]></dc:creator>
		<pubDate>Tue, 21 May 2024 10:03:00 +0000</pubDate>
		<guid isPermaLink="false">${server.origin}/?p=822</guid>
		<description><![CDATA[The slipway stays open; the car park by the lifeboat station closes for three weeks.]]></description>
	</item>
	<item>`;
  return fixtureText('feed-choice/feed.xml', server.origin).replace('<item>', story);
}

it('asks the site once for the feed picked from the list, and the first sync finds it unchanged', async () => {
  const choice = choiceOf(await core.api.addFeed(server.url(HARBOUR.category), null, { offerChoice: true }));
  expect(server.requestsFor(HARBOUR.posts)).toHaveLength(1);
  clock += 90_000;
  const picked = await core.api.addFeed(choice.candidates[1]!.url);
  expect(picked).toMatchObject({ existing: false, feed: { title: 'Harbour Notes', url: server.url(HARBOUR.posts), articleCount: 4 } });
  expect(server.requestsFor(HARBOUR.posts)).toHaveLength(1);
  // The answer's validators were kept as if it had been fetched for the subscription.
  await core.api.sync({ feedIds: [picked.feed.id], feedsOnly: true });
  expect(server.requestsFor(HARBOUR.posts).map((request) => request.status)).toEqual([200, 304]);
});

it('asks again for a feed picked more than a few minutes after the list was shown, and stores its new story', async () => {
  const choice = choiceOf(await core.api.addFeed(server.url(HARBOUR.category), null, { offerChoice: true }));
  server.serve(HARBOUR.posts, { body: postsWithNewStory(), type: 'application/rss+xml; charset=UTF-8', etag: true });
  clock += 6 * 60_000;
  const picked = await core.api.addFeed(choice.candidates[1]!.url);
  expect(server.requestsFor(HARBOUR.posts)).toHaveLength(2);
  expect(picked.feed.articleCount).toBe(5);
});

it('asks for the default feed once too, when it is the one picked', async () => {
  const choice = choiceOf(await core.api.addFeed(server.url(HARBOUR.category), null, { offerChoice: true }));
  await core.api.addFeed(choice.candidates[choice.defaultIndex]!.url);
  expect(server.requestsFor(HARBOUR.categoryFeed)).toHaveLength(1);
});
