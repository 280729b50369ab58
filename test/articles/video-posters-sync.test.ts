// A video in an article, offline: the still the site chose for it (its poster, often the story's
// key image) is fetched and kept by the sync like any other picture, and the article shows it
// where the video was, with the link to the video under it. The video itself is never fetched.
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { rssFeed } from '../support/hostile-sync';
import { makePng } from '../support/images';
import { TestServer } from '../support/server';
import { serverAndCorePerTest } from '../support/core-per-test';

let site: TestServer;
let cdn: TestServer;
let core: Core;

serverAndCorePerTest((server, made) => {
  site = server;
  core = made;
});
// The pictures come from a host of their own, as from a CDN.
beforeEach(async () => {
  cdn = await TestServer.start();
});
afterEach(() => cdn.stop());

const hashOf = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const paragraph = '<p>The new ferry made its first crossing to the islands this morning, with the harbour master and forty passengers on board.</p>';

async function articleHtml(title: string): Promise<string> {
  const { articles } = await core.api.listArticles({ filter: { kind: 'all' } });
  const found = articles.find((article) => article.title === title);
  if (!found) throw new Error(`no article "${title}"`);
  return (await core.api.getArticle(found.id))!.html;
}

describe('a video with a poster', () => {
  it('shows its poster, cached, with the link to the video, in an article made from the page', async () => {
    const still = makePng(16, 9, [30, 110, 170]);
    const story = site.url('/2024/05/first-crossing/');
    cdn.serve('/posters/first-crossing.png', { body: still, type: 'image/png' });
    site.serve('/feed/', { body: rssFeed('Harbour news', [`<item><title>First crossing</title><guid>crossing-1</guid><link>${story}</link></item>`]), type: 'application/rss+xml' });
    site.serve('/2024/05/first-crossing/', {
      type: 'text/html',
      body: `<!DOCTYPE html><html><head><title>First crossing</title></head>
        <body><article><h1>First crossing</h1>${paragraph.repeat(3)}
        <figure class="wp-block-video"><video controls preload="none" poster="${cdn.url('/posters/first-crossing.png')}" src="/media/test-clip.webm"></video>
        <figcaption>Leaving the quay at 6:40.</figcaption></figure>${paragraph.repeat(2)}</article></body></html>`,
    });

    await core.api.addFeed(site.url('/feed/'));
    expect(await core.api.sync()).toMatchObject({ articlesFetched: 1, imagesFetched: 1 });

    const html = await articleHtml('First crossing');
    expect(html).toContain(
      `<img src="paperboy-cache://${hashOf(still)}" /><br /><a href="${site.url('/media/test-clip.webm')}" rel="noopener noreferrer">Video: test-clip.webm</a>`,
    );
    expect(html).toContain('<figcaption>Leaving the quay at 6:40.</figcaption>');
    expect(html).not.toContain('data-original-src');
    expect(cdn.requestsFor('/posters/first-crossing.png')).toHaveLength(1);
    expect(site.requestsFor('/media/test-clip.webm')).toEqual([]);
  });

  it('shows a lazy-loaded poster, cached, in an article kept from the feed item', async () => {
    const still = makePng(12, 8, [200, 120, 20]);
    cdn.serve('/posters/regatta.png', { body: still, type: 'image/png' });
    const video = `<figure><video class="lazyload" controls poster="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-poster="${cdn.url('/posters/regatta.png')}"><source src="/media/regatta.mp4" type="video/mp4"></video><figcaption>The regatta from the pier.</figcaption></figure>`;
    site.serve('/feed/', {
      body: rssFeed('Harbour news', [`<item><title>Regatta</title><guid>regatta-1</guid><link>${site.url('/regatta/')}</link><description><![CDATA[${paragraph}${video}]]></description></item>`]),
      type: 'application/rss+xml',
    });

    await core.api.addFeed(site.url('/feed/'));
    expect(await core.api.sync({ fullText: false })).toMatchObject({ articlesFetched: 1, imagesFetched: 1 });

    expect(await articleHtml('Regatta')).toContain(
      `<figure><img src="paperboy-cache://${hashOf(still)}" /><br /><a href="${site.url('/media/regatta.mp4')}" rel="noopener noreferrer">Video: regatta.mp4</a><figcaption>The regatta from the pier.</figcaption></figure>`,
    );
    expect(cdn.requestsFor('/posters/regatta.png')).toHaveLength(1);
    expect(site.requestsFor('/media/regatta.mp4')).toEqual([]);
  });
});

// Ghost's video card, as Ghost writes it into its feed and its page: a spacer GIF service's image
// as the poster, the thumbnail Ghost made of the video drawn as its background.
describe("Ghost's video card", () => {
  const ghostCard = (thumbnail: string, spacer: string) =>
    `<figure class="kg-card kg-video-card kg-width-regular kg-card-hascaption" data-kg-thumbnail="${thumbnail}" data-kg-custom-thumbnail=""><div class="kg-video-container"><video src="${site.url('/content/media/2024/05/launch.mp4')}" poster="${spacer}" width="1280" height="720" playsinline preload="metadata" style="background: transparent url('${thumbnail}') 50% 50% / cover no-repeat;"></video><div class="kg-video-overlay"><button class="kg-video-large-play-icon" aria-label="Play video"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M23.14 10.608 2.253.164A1.559 1.559 0 0 0 0 1.557v20.887a1.558 1.558 0 0 0 2.253 1.392L23.14 13.393a1.557 1.557 0 0 0 0-2.785Z"></path></svg></button></div><div class="kg-video-player-container"><div class="kg-video-player"><button class="kg-video-play-icon" aria-label="Play video"></button><span class="kg-video-current-time">0:00</span><div class="kg-video-time">/<span class="kg-video-duration">0:42</span></div></div></div></div><figcaption><p><span style="white-space: pre-wrap;">The launch from the slipway.</span></p></figcaption></figure>`;

  it.each([['its feed item', false], ['its page', true]] as const)('shows the thumbnail Ghost drew behind it, from %s, and never asks for the spacer', async (_way, fullText) => {
    const still = makePng(32, 18, [20, 80, 140]);
    const spacers = await TestServer.start('127.0.44.9');
    try {
      site.serve('/content/media/2024/05/launch_thumb.jpg', { body: still, type: 'image/png' });
      const card = ghostCard(site.url('/content/media/2024/05/launch_thumb.jpg'), spacers.url('/v1/1280x720/0a/spacer.png'));
      const story = site.url('/new-ferry-launched/');
      const paragraphs = `${paragraph}<p>The yard built her over two winters, and she slid down the slipway at high water with the whole village on the quay to watch.</p><p>Her first crossing with passengers is planned for the spring timetable, weather allowing.</p>`;
      site.serve('/rss/', {
        body: rssFeed('Harbour news', [`<item><title>New ferry launched</title><guid isPermaLink="false">6650a1b2c3d4e5f6a7b8c9d0</guid><link>${story}</link><description><![CDATA[${paragraphs}${card}]]></description></item>`]),
        type: 'application/rss+xml',
      });
      site.serve('/new-ferry-launched/', {
        type: 'text/html; charset=utf-8',
        body: `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>New ferry launched</title></head><body class="post-template"><header class="gh-head"><a class="gh-head-logo" href="/">Harbour news</a></header>
<main id="site-main" class="site-main"><article class="article post"><header class="article-header gh-canvas"><h1 class="article-title">New ferry launched</h1></header><section class="gh-content gh-canvas">${paragraphs}${card}</section></article></main><footer class="site-footer"><p>Harbour news © 2024</p></footer></body></html>`,
      });
      await core.api.addFeed(site.url('/rss/'));
      expect(await core.api.sync({ fullText })).toMatchObject({ articlesFetched: 1, imagesFetched: 1 });

      const html = await articleHtml('New ferry launched');
      expect(html).toContain(`<img src="paperboy-cache://${hashOf(still)}" /><br /><a href="${site.url('/content/media/2024/05/launch.mp4')}" rel="noopener noreferrer">Video: launch.mp4</a>`);
      expect(spacers.requests).toEqual([]);
    } finally {
      await spacers.stop();
    }
  });
});
