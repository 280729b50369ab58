// Pictures a page fades in and counters it fades out, both with opacity:0 in a style attribute. A
// lazy loader writes it on the real picture until its file has come (lazysizes' and a3 Lazy
// Load's fade-in), and a page builder's entrance animation on a box of the story until it scrolls
// into view (Webflow's data-w-id boxes, around a captioned picture with no alt as its rich text
// writes one): each picture must be kept. A statistics snippet writes
// it on the box it hides its counter in: the reader, which drops styles, would show the counter
// in the middle of the story, and the sync would ask for it, reporting a view of an item nobody
// opened. Kept from the feed item or from the page alike.
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { serverAndCorePerTest } from '../support/core-per-test';
import { rssFeed } from '../support/hostile-sync';
import { makePng } from '../support/images';
import { TestServer } from '../support/server';

let site: TestServer;
let stats: TestServer;
let core: Core;

serverAndCorePerTest((server, made) => {
  site = server;
  core = made;
}, '127.0.61.2');
beforeEach(async () => {
  stats = await TestServer.start('127.0.61.3');
});
afterEach(() => stats.stop());

const hashOf = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const FERRY = makePng(1200, 800, [60, 120, 160]);
const PIER = makePng(1024, 683, [150, 120, 90]);
const WALL = makePng(1600, 900, [90, 90, 100]);
const COUNTER = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
const TITLE = 'The last ferry of the season leaves on time';
const PLACEHOLDER = 'data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==';

/** The post as its CMS writes it into both its feed item and its page. */
function post(): string {
  const uploads = site.url('/wp-content/uploads/2024/10');
  return `<p>The last sailing of the summer timetable left the north pier at ten past six on Sunday evening, with forty-one passengers and two cars on board, and arrived on the island eight minutes early.</p>
<figure class="wp-block-image size-large"><img width="1200" height="800" src="${PLACEHOLDER}" data-src="${uploads}/ferry-1200x800.png" class="lazyload wp-image-88" style="opacity:0;transition:opacity .4s" alt="The ferry leaving the north pier"><figcaption>The ferry leaving the north pier.</figcaption></figure>
<p>From Monday the winter timetable runs two sailings a day, and none on Wednesdays while the slipway at the island end is repaired.</p>
<div class="story-image" data-w-id="6f1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d" style="opacity:0;-webkit-transform:translate3d(0, 24px, 0);transform:translate3d(0, 24px, 0)"><img src="${uploads}/pier-1024x683.png" loading="lazy" alt="The north pier at low tide" width="1024" height="683"></div>
<div class="rich-text-block w-richtext" data-w-id="8a2c4e6f-1b3d-4f5a-9c7e-2d4f6a8b0c1e" style="opacity:0"><figure class="w-richtext-align-fullwidth w-richtext-figure-type-image" style="max-width:1600px"><div><img src="${uploads}/harbour-wall.png" loading="lazy" alt=""></div><figcaption>The harbour wall after Saturday's storm.</figcaption></figure></div>
<p>The harbour master thanked the crew, who have run the service without a cancellation since April.</p>
<div class="stats-snippet" style="opacity:0;position:absolute;pointer-events:none"><img src="${stats.url('/hit.php?post=88&amp;via=rss')}" alt=""></div>
<span style="opacity: 0 !important"><a href="${stats.url('/top')}"><img src="${stats.url('/c.gif?id=4410&amp;t=88')}" width="88" height="31" alt=""></a></span>`;
}

function servePost(): void {
  const link = site.url('/2024/10/last-ferry-of-the-season/');
  site.serve('/feed/', {
    type: 'application/rss+xml; charset=UTF-8',
    body: rssFeed('Island News', [`<item><title>${TITLE}</title><link>${link}</link><guid isPermaLink="false">${site.url('/?p=88')}</guid><content:encoded><![CDATA[${post()}]]></content:encoded></item>`]).replace('<rss version="2.0">', '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'),
  });
  site.serve('/2024/10/last-ferry-of-the-season/', {
    type: 'text/html; charset=UTF-8',
    body: `<!DOCTYPE html><html lang="en-GB"><head><meta charset="UTF-8"><title>${TITLE} – Island News</title></head><body class="single single-post">
<header class="site-header"><p class="site-title"><a href="/">Island News</a></p><nav><a href="/news/">News</a> <a href="/ferries/">Ferries</a></nav></header>
<main class="site-main"><article class="post-88 post type-post"><h1 class="entry-title">${TITLE}</h1><div class="entry-content">${post()}</div></article></main>
<footer class="site-footer"><p>Island News, Pier Road</p></footer></body></html>`,
  });
  site.serve('/wp-content/uploads/2024/10/ferry-1200x800.png', { body: FERRY, type: 'image/png' });
  site.serve('/wp-content/uploads/2024/10/pier-1024x683.png', { body: PIER, type: 'image/png' });
  site.serve('/wp-content/uploads/2024/10/harbour-wall.png', { body: WALL, type: 'image/png' });
  stats.fallback((_req, res) => {
    res.writeHead(200, { 'content-type': 'image/gif', 'content-length': COUNTER.length }).end(COUNTER);
  });
}

describe.each([['from its feed item', false], ['from its page', true]] as const)('a post kept %s', (_way, fullText) => {
  it('shows the pictures it fades in, none of the counters it fades out, and never asks their server', async () => {
    servePost();
    await core.api.addFeed(site.url('/feed/'));
    expect(await core.api.sync({ fullText })).toMatchObject({ imagesFetched: 3 });

    const { articles } = await core.api.listArticles({ filter: { kind: 'all' } });
    const html = (await core.api.getArticle(articles[0]!.id))!.html;
    expect(html).toContain('without a cancellation since April');
    expect([...html.matchAll(/<img\b[^>]*>/g)].map(([tag]) => tag)).toEqual([
      expect.stringContaining(`src="paperboy-cache://${hashOf(FERRY)}"`),
      expect.stringContaining(`src="paperboy-cache://${hashOf(PIER)}"`),
      expect.stringContaining(`src="paperboy-cache://${hashOf(WALL)}"`),
    ]);
    expect(html).toContain("The harbour wall after Saturday's storm.");
    expect(stats.requests).toEqual([]);
  });
});
