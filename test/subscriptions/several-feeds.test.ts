// A page that names several feeds, pasted into Add feed: WordPress names the site's feed and its
// comments on every page, and on a category's, a tag's or an author's archive that archive's feed
// after them; a news site's section page names the whole site's feed before the section's. The
// person on that page wants what it shows: its own feed (in the folder of its address), else the
// site's, never the comments.
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { serverAndCorePerTest } from '../support/core-per-test';
import type { TestServer } from '../support/server';

let server: TestServer;
let core: Core;
serverAndCorePerTest((s, c) => {
  server = s;
  core = c;
});

const RSS = 'application/rss+xml; charset=UTF-8';
const HTML = 'text/html; charset=UTF-8';

function rss(title: string, item: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
  <title>${title}</title>
  <atom:link href="${server.url('/feed/')}" rel="self" type="application/rss+xml" />
  <link>${server.url('/')}</link>
  <description>News from the harbour</description>
  <lastBuildDate>Mon, 20 May 2024 08:12:40 +0000</lastBuildDate>
  <language>en-GB</language>
  <generator>https://wordpress.org/?v=6.5.3</generator>
  <item>
    <title>${item}</title>
    <link>${server.url('/2024/05/20/timetable/')}</link>
    <pubDate>Mon, 20 May 2024 08:12:40 +0000</pubDate>
    <guid isPermaLink="false">${server.url('/?p=812')}</guid>
    <description><![CDATA[${item}&#8230;]]></description>
  </item>
</channel>
</rss>`;
}

/** A WordPress archive page's head, as wp_head() writes it: the site's feed, its comments, then the archive's own. */
function archivePage(title: string, ownFeed: string, ownFeedTitle: string): string {
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="UTF-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<meta name='robots' content='max-image-preview:large' />
<title>${title} &#8211; Harbour Notes</title>
<link rel="alternate" type="application/rss+xml" title="Harbour Notes &raquo; Feed" href="${server.url('/feed/')}" />
<link rel="alternate" type="application/rss+xml" title="Harbour Notes &raquo; Comments Feed" href="${server.url('/comments/feed/')}" />
<link rel="alternate" type="application/rss+xml" title="${ownFeedTitle}" href="${server.url(ownFeed)}" />
<link rel="https://api.w.org/" href="${server.url('/wp-json/')}" />
<link rel="EditURI" type="application/rsd+xml" title="RSD" href="${server.url('/xmlrpc.php?rsd')}" />
<meta name="generator" content="WordPress 6.5.3" />
</head>
<body class="archive category wp-embed-responsive">
<header class="wp-block-template-part"><p class="wp-block-site-title"><a href="${server.url('/')}">Harbour Notes</a></p></header>
<main><h1 class="wp-block-query-title">${title}</h1>
<ul class="wp-block-post-template"><li><h2><a href="${server.url('/2024/05/20/timetable/')}">Summer timetable</a></h2></li></ul></main>
</body>
</html>`;
}

function serveSite(): void {
  server.serve('/feed/', { body: rss('Harbour Notes', 'Summer timetable'), type: RSS });
  server.serve('/comments/feed/', { body: rss('Comments for Harbour Notes', 'Comment on Summer timetable by Jo'), type: RSS });
}

describe('a page that names several feeds', () => {
  it.each([
    ["a category's archive", '/category/ferries/', 'Category: Ferries', '/category/ferries/feed/', 'Harbour Notes &raquo; Ferries Category Feed', 'Harbour Notes &#187; Ferries'],
    ["a tag's archive", '/tag/timetables/', 'Tag: timetables', '/tag/timetables/feed/', 'Harbour Notes &raquo; timetables Tag Feed', 'Harbour Notes &#187; timetables'],
    ["an author's archive", '/author/jo', 'Jo Pascoe', '/author/jo/feed/', 'Harbour Notes &raquo; Posts by Jo Pascoe Feed', 'Harbour Notes &#187; Jo Pascoe'],
  ])('is subscribed to its own feed when it is %s', async (_what, path, title, ownFeed, ownFeedTitle, feedTitle) => {
    serveSite();
    server.serve(path, { body: archivePage(title, ownFeed, ownFeedTitle), type: HTML });
    server.serve(ownFeed, { body: rss(feedTitle, 'Summer timetable'), type: RSS });
    const added = await core.api.addFeed(server.url(path));
    expect([added.feed.title, added.feed.url]).toEqual([feedTitle.replace('&#187;', '»'), server.url(ownFeed)]);
  });

  it("is subscribed to the site's feed from its home page", async () => {
    serveSite();
    server.serve('/', { body: archivePage('Home', '/category/ferries/feed/', 'Harbour Notes &raquo; Ferries Category Feed'), type: HTML });
    const added = await core.api.addFeed(server.url('/'));
    expect([added.feed.title, added.feed.url]).toEqual(['Harbour Notes', server.url('/feed/')]);
  });

  it("falls back to the site's feed when the page's own one fails", async () => {
    serveSite();
    server.serve('/category/ferries/', { body: archivePage('Category: Ferries', '/category/ferries/feed/', 'Harbour Notes &raquo; Ferries Category Feed'), type: HTML });
    const added = await core.api.addFeed(server.url('/category/ferries/'));
    expect([added.feed.title, added.feed.url]).toEqual(['Harbour Notes', server.url('/feed/')]);
    expect(added.tried).toEqual([server.url('/category/ferries/'), server.url('/category/ferries/feed/')]);
  });
});
