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
