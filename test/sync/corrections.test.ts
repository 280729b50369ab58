// What an edit does to a stored article, end to end: real core, real SQLite, a real loopback
// server shaped like a WordPress blog (its feed and its post pages) and a YouTube channel feed.
// A correction published in a post reaches the offline copy made from its page; a page that cannot
// be fetched again leaves that copy as it was, and says so; a feed that only moves its <updated>
// stamps, or gives its posts new guids, changes nothing the person sees.
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { serverAndCorePerTest } from '../support/core-per-test';
import type { TestServer } from '../support/server';

let server: TestServer;
let core: Core;

serverAndCorePerTest((s, c) => {
  server = s;
  core = c;
}, '127.0.0.71');

const DAY = 86_400_000;
const FIRST = Date.parse('2026-11-02T09:00:00Z');
const CORRECTION = '<p><em>Correction, December 2: an earlier version of this post misstated the date of the meeting.</em></p>';

interface Post {
  readonly n: number;
  correction: boolean;
  guid: string;
}

function bodyOf(post: Post): string {
  const paragraphs = [1, 2, 3, 4].map((p) => `<p>Paragraph ${p} of post ${post.n}. The council met on Tuesday to discuss the proposed changes to the bus network, which residents say would leave several neighbourhoods without a direct route to the hospital. Officials promised a consultation before any final decision.</p>`);
  return `<p>Intro of post ${post.n}.</p>\n${paragraphs.join('\n')}${post.correction ? `\n${CORRECTION}` : ''}`;
}

function postPath(post: Post): string {
  return `/2026/11/post-number-${post.n}/`;
}

function wpFeed(posts: readonly Post[]): string {
  const items = posts.map((post) => `
	<item>
		<title>Post number ${post.n}: notes from the week</title>
		<link>${server.url(postPath(post))}</link>
		<dc:creator><![CDATA[Jane Doe]]></dc:creator>
		<pubDate>${new Date(FIRST + post.n * DAY).toUTCString()}</pubDate>
		<guid isPermaLink="false">${post.guid}</guid>
		<description><![CDATA[Intro of post ${post.n}. The council met on Tuesday to discuss the proposed changes [&#8230;]]]></description>
		<content:encoded><![CDATA[${bodyOf(post)}]]></content:encoded>
	</item>`);
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Town Notes</title><link>${server.url('/')}</link><description>Local news, weekly</description>
<generator>https://wordpress.org/?v=6.4.3</generator>${items.join('')}
</channel></rss>`;
}

function wpPage(post: Post): string {
  return `<!DOCTYPE html><html lang="en-US"><head><meta charset="UTF-8"><title>Post number ${post.n}: notes from the week &#8211; Town Notes</title></head>
<body class="post-template-default single single-post"><header id="masthead"><nav><a href="/">Home</a> <a href="/about/">About</a></nav></header>
<main id="main"><article id="post-${100 + post.n}" class="post type-post status-publish">
<header class="entry-header"><h1 class="entry-title">Post number ${post.n}: notes from the week</h1><div class="entry-meta">By Jane Doe</div></header>
<div class="entry-content">${bodyOf(post)}</div></article></main>
<footer id="colophon"><p>Proudly powered by WordPress</p></footer></body></html>`;
}

/** The blog as it stands: its feed, and each post's page (404 for those in `missing`). */
function publish(posts: readonly Post[], missing: ReadonlySet<number> = new Set()): void {
  server.serve('/feed/', { body: wpFeed(posts), type: 'application/rss+xml; charset=UTF-8' });
  for (const post of posts) {
    if (missing.has(post.n)) server.serve(postPath(post), { body: '<!doctype html><title>Page not found</title>', status: 404, type: 'text/html' });
    else server.serve(postPath(post), { body: wpPage(post), type: 'text/html; charset=UTF-8' });
  }
}

async function subscribe(path: string): Promise<number> {
  const url = server.url(path);
  await core.api.importOpml(`<opml version="2.0"><body><outline type="rss" text="feed" xmlUrl="${url}"/></body></opml>`);
  return (await core.api.listFeeds()).find((feed) => feed.url === url)!.id;
}

async function articles(feedId: number) {
  return (await core.api.listArticles({ filter: { kind: 'feed', feedId }, limit: 100 })).articles;
}

async function articleTitled(feedId: number, prefix: string) {
  const summary = (await articles(feedId)).find((a) => a.title.startsWith(prefix))!;
  return (await core.api.getArticle(summary.id))!;
}

async function lastLog(feedId: number): Promise<string | undefined> {
  return (await core.api.syncLog(feedId, 1))[0]?.message;
}

const blog = (): Post[] => [1, 2, 3].map((n) => ({ n, correction: false, guid: `http://127.0.0.71/?p=${100 + n}` }));

describe('a correction in a post saved from its page', () => {
  it('reaches the offline copy: the page is fetched again, the article stays read', async () => {
    const posts = blog();
    publish(posts);
    const feedId = await subscribe('/feed/');
    await core.api.sync({ images: false });
    const saved = await articleTitled(feedId, 'Post number 2');
    expect(saved.contentSource).toBe('page');
    await core.api.setRead([saved.id], true);

    posts[1]!.correction = true;
    publish(posts);
    const pagesBefore = server.requests.filter((r) => r.path.startsWith('/2026/')).length;
    await core.api.sync({ images: false });

    expect(await lastLog(feedId)).toBe('1 updated');
    const corrected = await articleTitled(feedId, 'Post number 2');
    expect(corrected).toMatchObject({ id: saved.id, read: true, contentSource: 'page', fullTextState: 'done', fullTextError: null });
    expect(corrected.html).toContain('Correction, December 2');
    // Only the corrected post's page was fetched again.
    expect(server.requests.filter((r) => r.path.startsWith('/2026/')).slice(pagesBefore).map((r) => r.path)).toEqual([postPath(posts[1]!)]);
    expect(await articles(feedId)).toHaveLength(3);
  });

  it('keeps the copy it had, and says why, when the page cannot be fetched again', async () => {
    const posts = blog();
    publish(posts);
    const feedId = await subscribe('/feed/');
    await core.api.sync({ images: false });
    const saved = await articleTitled(feedId, 'Post number 2');

    posts[1]!.correction = true;
    publish(posts, new Set([2]));
    const summary = await core.api.sync({ images: false });

    expect(await lastLog(feedId)).toBe('1 updated');
    expect(summary.articlesWithoutPage).toBe(1);
    const kept = await articleTitled(feedId, 'Post number 2');
    // The whole article as it was, not the feed's text (nor that copy sanitized again as the feed's).
    expect(kept).toMatchObject({ contentSource: 'page', html: saved.html, fullTextState: 'done' });
    expect(kept.fullTextError).toMatch(/^this copy was saved before the article changed: the new page could not be saved \(.*404/);
  });
});

describe('posts given new guids (the blog moved to another CMS)', () => {
  it('come back as nothing new: no duplicate, read state kept, no page downloaded again', async () => {
    const posts = blog();
    publish(posts);
    const feedId = await subscribe('/feed/');
    await core.api.sync({ images: false });
    const read = await articleTitled(feedId, 'Post number 3');
    await core.api.setRead([read.id], true);

    for (const post of posts) post.guid = `6563a1f2b0c4d${post.n}e8f9a0b1c2`;
    publish(posts);
    const requestsBefore = server.requests.length;
    await core.api.sync({ images: false });

    expect(await lastLog(feedId)).toBe('no new articles');
    expect((await articles(feedId)).map((a) => [a.title, a.read])).toEqual([
      ['Post number 3: notes from the week', true],
      ['Post number 2: notes from the week', false],
      ['Post number 1: notes from the week', false],
    ]);
    expect(server.requests.slice(requestsBefore).map((r) => r.path)).toEqual(['/feed/']);
  });
});

describe('a YouTube channel feed, whose <updated> moves on every fetch', () => {
  function channelFeed(fetchedAt: number): string {
    const entries = [1, 2, 3, 4].map((n) => `
 <entry>
  <id>yt:video:VID${n}abcdEFG</id>
  <yt:videoId>VID${n}abcdEFG</yt:videoId>
  <yt:channelId>UCx1y2z3ShedChannel</yt:channelId>
  <title>Episode ${n}: building a shed</title>
  <link rel="alternate" href="${server.url(`/watch?v=VID${n}abcdEFG`)}"/>
  <author><name>Shed Channel</name><uri>${server.url('/channel/UCx1y2z3ShedChannel')}</uri></author>
  <published>${new Date(FIRST + n * DAY).toISOString()}</published>
  <updated>${new Date(fetchedAt - n * 1000).toISOString()}</updated>
  <media:group>
   <media:title>Episode ${n}: building a shed</media:title>
   <media:thumbnail url="${server.url(`/vi/VID${n}/hqdefault.jpg`)}" width="480" height="360"/>
   <media:description>In episode ${n} we frame the walls.</media:description>
   <media:community><media:starRating count="${40 + n}" average="5.00" min="1" max="5"/><media:statistics views="${1000 * n + (fetchedAt % 997)}"/></media:community>
  </media:group>
 </entry>`);
    return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns:yt="http://www.youtube.com/xml/schemas/2015" xmlns:media="http://search.yahoo.com/mrss/" xmlns="http://www.w3.org/2005/Atom">
 <link rel="self" href="${server.url('/feeds/videos.xml')}"/>
 <id>yt:channel:UCx1y2z3ShedChannel</id>
 <title>Shed Channel</title>
 <link rel="alternate" href="${server.url('/channel/UCx1y2z3ShedChannel')}"/>
 <published>2020-01-01T00:00:00+00:00</published>${entries.join('')}
</feed>`;
  }

  it('says nothing was updated when no video changed', async () => {
    let fetchedAt = Date.parse('2026-12-01T10:00:00Z');
    server.route('/feeds/videos.xml', (_req, res) => {
      fetchedAt += 3_600_000;
      res.writeHead(200, { 'content-type': 'text/xml; charset=UTF-8' });
      res.end(channelFeed(fetchedAt));
    });
    const feedId = await subscribe('/feeds/videos.xml');
    await core.api.sync({ feedsOnly: true });
    expect(await lastLog(feedId)).toBe('4 new');
    await core.api.sync({ feedsOnly: true });
    expect(await lastLog(feedId)).toBe('no new articles');
    expect(await articles(feedId)).toHaveLength(4);
  });
});
