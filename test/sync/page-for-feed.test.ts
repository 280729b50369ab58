// A subscription whose address answers with the site's page, not its feed (an OPML file that lists
// home pages, as blogrolls do; a feed moved without a redirect): the sync says which feed the page
// links, so the person knows the address to subscribe to. Real server, real sync, real storage.
import { expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { serverAndCorePerTest } from '../support/core-per-test';
import type { TestServer } from '../support/server';

let site: TestServer;
let core: Core;
serverAndCorePerTest((server, c) => {
  site = server;
  core = c;
}, '127.0.27.2');

const homePage = (head: string) => `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Millbrook Town Notes – News from the valley</title>
<link rel="stylesheet" href="/wp-content/themes/notes/style.css">${head}</head>
<body class="home blog"><header><a href="/">Millbrook Town Notes</a><nav><a href="/about/">About</a></nav></header>
<main><article><h2><a href="/2026/12/bridge-reopens/">Bridge reopens after repairs</a></h2><p>The footbridge over the Mill reopened on Friday.</p></article></main></body></html>`;

async function importHomePage(): Promise<number> {
  await core.api.importOpml(`<?xml version="1.0"?><opml version="2.0"><head><title>Blogroll</title></head><body><outline text="Millbrook Town Notes" type="rss" xmlUrl="${site.url('/')}" htmlUrl="${site.url('/')}"/></body></opml>`);
  return (await core.api.listFeeds())[0]!.id;
}

it("names the feed the page links, to subscribe to instead", async () => {
  site.serve('/', {
    body: homePage(`<link rel="alternate" type="application/rss+xml" title="Millbrook Town Notes » Feed" href="/feed/">
<link rel="alternate" type="application/rss+xml" title="Millbrook Town Notes » Comments Feed" href="/comments/feed/">`),
    type: 'text/html; charset=UTF-8',
  });
  const feedId = await importHomePage();
  const summary = await core.api.sync({ feedsOnly: true });
  expect(summary).toMatchObject({ feedsFailed: 1 });
  const feed = (await core.api.listFeeds()).find((f) => f.id === feedId)!;
  expect(feed.lastError).toBe(`not a feed: got an HTML page, which links the feed ${site.url('/feed/')}: subscribe to that address instead`);
  // Said, not done: the subscription stays the person's, and nothing else was fetched.
  expect(feed.url).toBe(site.url('/'));
  expect(site.requestsFor('/feed/')).toHaveLength(0);
});

it('says only that it got a page when the page links no feed', async () => {
  site.serve('/', { body: homePage(''), type: 'text/html; charset=UTF-8' });
  const feedId = await importHomePage();
  await core.api.sync({ feedsOnly: true });
  expect((await core.api.listFeeds()).find((f) => f.id === feedId)!.lastError).toBe('not a feed: got an HTML page');
});
