// Images a post carries that its page never shows: a statistics plugin's counter hidden by its
// style (display:none), or put far off the screen (position:absolute; left:-9999px), as counters'
// snippets write them; or hidden so by the element it is in (a counter's logo in a
// <span style="DISPLAY: none !important">, a box off the screen or of no size, a <span hidden>). The reader drops the style of what it keeps, so such an image would show,
// in the middle of the story, and its sync would have asked the counter for it, reporting a view
// of an item nobody opened. Kept from the feed item or from the page alike, the article shows its
// photo and nothing of the counters, and the counters' server is never asked.
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
});
beforeEach(async () => {
  stats = await TestServer.start();
});
afterEach(() => stats.stop());

const hashOf = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const PHOTO = makePng(1200, 800, [70, 110, 150]);
const COUNTER = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
const TITLE = 'Lifeboat crew called out twice in one night';

/** The post as the site's CMS writes it into both its feed item and its page. */
function post(): string {
  const photo = site.url('/wp-content/uploads/2024/11/lifeboat-launch-1200x800.jpg');
  return `<p>The volunteer crew of the harbour lifeboat were called out twice on Saturday night, first to a yacht that had lost its engine off the point and then to a walker cut off by the tide below the cliffs.</p>
<figure class="wp-block-image size-large"><img decoding="async" width="1200" height="800" src="${photo}" alt="The lifeboat leaving the slipway" class="wp-image-5120"><figcaption class="wp-element-caption">The lifeboat leaving the slipway on its second launch.</figcaption></figure>
<p>The yacht, with two people on board, was towed back to the harbour shortly before midnight. The crew had been back at the station for less than an hour when the pagers went again.</p>
<p>The walker, a man in his sixties, was found on a ledge above the water and taken aboard from the inshore boat. He was cold but unhurt, the station's operations manager said.</p>
<img src="${stats.url('/hit.php?post=5118&amp;via=rss')}" alt="" style="display:none !important;">
<img src="${stats.url('/count/5118.gif')}" alt="" title="" style="position:absolute; left:-9999px; top:0;">
<span style="DISPLAY: none !important"><a href="${stats.url('/click')}" target="_blank"><img src="${stats.url('/logo?44.6')}" title="Visitors today" alt="" style="border:0" width="88" height="31"></a></span>
<div style="position:absolute;left:-10000px;top:0"><img src="${stats.url('/views.php?p=5118')}" alt="" width="88" height="15"></div>
<div class="pvc-pixel" style="width:0;height:0;overflow:hidden"><img src="${stats.url('/pvc/5118.png')}" alt=""></div>
<span hidden><img src="${stats.url('/seen/5118.gif')}" alt=""></span>`;
}

function servePost(): void {
  const link = site.url('/2024/11/lifeboat-called-out-twice/');
  site.serve('/feed/', {
    type: 'application/rss+xml; charset=UTF-8',
    body: rssFeed('Harbour Gazette', [`<item><title>${TITLE}</title><link>${link}</link><guid isPermaLink="false">${site.url('/?p=5118')}</guid><content:encoded><![CDATA[${post()}]]></content:encoded></item>`]).replace('<rss version="2.0">', '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'),
  });
  site.serve('/2024/11/lifeboat-called-out-twice/', {
    type: 'text/html; charset=UTF-8',
    body: `<!DOCTYPE html><html lang="en-GB"><head><meta charset="UTF-8"><title>${TITLE} &#8211; Harbour Gazette</title></head><body class="single single-post">
<header class="site-header"><p class="site-title"><a href="/">Harbour Gazette</a></p><nav><a href="/news/">News</a> <a href="/sport/">Sport</a></nav></header>
<main class="site-main"><article class="post-5118 post type-post"><h1 class="entry-title">${TITLE}</h1><div class="entry-content">${post()}</div></article></main>
<footer class="site-footer"><p>Harbour Gazette, Quay Street</p></footer></body></html>`,
  });
  site.serve('/wp-content/uploads/2024/11/lifeboat-launch-1200x800.jpg', { body: PHOTO, type: 'image/jpeg' });
  stats.fallback((_req, res) => {
    res.writeHead(200, { 'content-type': 'image/gif', 'content-length': COUNTER.length }).end(COUNTER);
  });
}

describe.each([['from its feed item', false], ['from its page', true]] as const)('a post kept %s', (_way, fullText) => {
  it('shows its photo and none of the counters its style hides, and never asks their server', async () => {
    servePost();
    await core.api.addFeed(site.url('/feed/'));
    expect(await core.api.sync({ fullText })).toMatchObject({ imagesFetched: 1 });

    const { articles } = await core.api.listArticles({ filter: { kind: 'all' } });
    const html = (await core.api.getArticle(articles[0]!.id))!.html;
    expect(html).toContain('He was cold but unhurt');
    expect([...html.matchAll(/<img\b[^>]*>/g)].map(([tag]) => tag)).toEqual([expect.stringContaining(`src="paperboy-cache://${hashOf(PHOTO)}"`)]);
    expect(stats.requests).toEqual([]);
  });
});
