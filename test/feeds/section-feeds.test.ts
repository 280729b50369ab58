// A site kept in a folder of its host, whose pages link no feed: a Hugo blog at /blog/ with only
// /blog/index.xml, a Jekyll project site on GitHub Pages (name.github.io/project/) with only
// /project/feed.xml. Guessing feed paths at the host's root alone found nothing there.
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

const page = (title: string, links: string) => `<!DOCTYPE html>
<html lang="en-us">
<head>
	<meta charset="utf-8">
	<meta name="viewport" content="width=device-width, initial-scale=1">
	<title>${title}</title>
	<link rel="stylesheet" href="/css/main.min.css">
</head>
<body>
	<header><a href="/">Home</a> <a href="/about/">About</a></header>
	<main><h1>${title}</h1><ul>${links}</ul></main>
	<footer><p>Built with a static site generator.</p></footer>
</body>
</html>`;

describe('a site in a folder whose pages link no feed', () => {
  it("is subscribed through its generator's feed in that folder (Hugo's index.xml)", async () => {
    const blog = server.url('/blog/');
    server.redirect('/blog', blog);
    server.serve('/blog/', { body: page('Notes from the allotment', `<li><a href="${blog}posts/broad-beans/">Broad beans, early</a></li>`), type: 'text/html; charset=utf-8' });
    server.serve('/blog/index.xml', {
      type: 'application/rss+xml',
      body: `<?xml version="1.0" encoding="utf-8" standalone="yes"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>Notes from the allotment</title>
    <link>${blog}</link>
    <description>Recent content on Notes from the allotment</description>
    <generator>Hugo -- gohugo.io</generator>
    <language>en-us</language>
    <lastBuildDate>Sun, 19 May 2024 18:20:00 +0100</lastBuildDate>
    <atom:link href="${blog}index.xml" rel="self" type="application/rss+xml" />
    <item>
      <title>Broad beans, early</title>
      <link>${blog}posts/broad-beans/</link>
      <pubDate>Sun, 19 May 2024 18:20:00 +0100</pubDate>
      <guid>${blog}posts/broad-beans/</guid>
      <description>Sown in November, picked in May.</description>
    </item>
  </channel>
</rss>`,
    });
    const added = await core.api.addFeed(server.url('/blog'));
    expect([added.feed.title, added.feed.url]).toEqual(['Notes from the allotment', server.url('/blog/index.xml')]);
  });

  it("is subscribed through Jekyll's feed.xml from one of a project's pages", async () => {
    const site = server.url('/tideline/');
    server.serve('/tideline/2024/05/18/v0-9.html', { body: page('Version 0.9', '<li><a href="/tideline/">Tideline</a></li>'), type: 'text/html; charset=utf-8' });
    server.serve('/tideline/feed.xml', {
      type: 'application/xml',
      body: `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" ><generator uri="https://jekyllrb.com/" version="4.3.3">Jekyll</generator><link href="${site}feed.xml" rel="self" type="application/atom+xml" /><link href="${site}" rel="alternate" type="text/html" /><updated>2024-05-18T21:04:12+00:00</updated><id>${site}feed.xml</id><title type="html">Tideline</title><subtitle>Tide predictions for small harbours.</subtitle><entry><title type="html">Version 0.9</title><link href="${site}2024/05/18/v0-9.html" rel="alternate" type="text/html" title="Version 0.9" /><published>2024-05-18T21:04:12+00:00</published><updated>2024-05-18T21:04:12+00:00</updated><id>${site}2024/05/18/v0-9</id><content type="html" xml:base="${site}2024/05/18/v0-9.html">&lt;p&gt;Harmonics for twelve more ports.&lt;/p&gt;</content><author><name>Tideline</name></author><summary type="html">Harmonics for twelve more ports.</summary></entry></feed>`,
    });
    const added = await core.api.addFeed(server.url('/tideline/2024/05/18/v0-9.html'));
    expect([added.feed.title, added.feed.url]).toEqual(['Tideline', server.url('/tideline/feed.xml')]);
  });
});
