// A story whose picture is the hero's background, lazily loaded, on a page whose og:image is the
// site's logo: the sync fetches the hero and keeps it as the article's lead image (shown above its
// text), and asks for neither the logo nor the backgrounds of the slider of other stories above it.
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Core } from '../../electron/core/core';
import { rssFeed } from '../support/hostile-sync';
import { makePng } from '../support/images';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';

let site: TestServer;
let core: Core;

beforeEach(async () => {
  site = await TestServer.start();
  core = new Core({ dataDir: tempDir(), workers: 1, welcome: false });
});

afterEach(async () => {
  await core.close();
  await site.stop();
  removeTempDirs();
});

const hashOf = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const paragraph = (n: number) => `<p>Paragraph ${n}: the old lido on the seafront filled again this week for the first time in six years, its tiles scrubbed and its diving board back where it stood.</p>`;

describe("a story whose page shows its picture as the hero's background", () => {
  it('keeps that picture as its lead image, and fetches neither the logo its og:image names nor the slider of other stories', async () => {
    const uploads = '/wp-content/uploads/2024/06';
    const serve = (path: string, width: number, height: number, colour: number) => {
      const bytes = makePng(width, height, [colour, 90, 140]);
      site.serve(path, { body: bytes, type: 'image/png' });
      return bytes;
    };
    const hero = serve(`${uploads}/lido-refilled-1200x675.png`, 1200, 675, 30);
    serve('/wp-content/uploads/2021/02/seafront-gazette-logo.png', 512, 512, 200);
    const slides = ['pier-lights', 'beach-huts', 'tram-depot'];
    for (const [n, name] of slides.entries()) serve(`${uploads}/${name}-780x470.png`, 780, 470, 60 + n * 40);
    const story = '/2024/06/14/lido-fills-again/';
    site.serve('/feed/', { body: rssFeed('Seafront Gazette', [`<item><title>The lido fills again</title><guid>lido-1</guid><link>${site.url(story)}</link></item>`]), type: 'application/rss+xml' });
    site.serve(story, {
      type: 'text/html; charset=UTF-8',
      body: `<!DOCTYPE html><html lang="en-GB"><head><meta charset="UTF-8"><title>The lido fills again - Seafront Gazette</title>
        <meta property="og:image" content="${site.url('/wp-content/uploads/2021/02/seafront-gazette-logo.png')}"></head>
        <body class="post-template-default single single-post"><header class="site-header"><a href="/" class="logo">Seafront Gazette</a></header>
        <main id="main"><section class="featured-slider-wrapper"><div class="main-slider">
        ${slides.map((name, n) => `<div class="slide tie-slide-${n + 1}" style="background-image: url(${uploads}/${name}-780x470.png)"><a href="/2024/06/0${n + 1}/${name}/" class="all-over-thumb-link" aria-label="${name}"></a><div class="thumb-overlay"><h2 class="thumb-title"><a href="/2024/06/0${n + 1}/${name}/">The ${name.replace('-', ' ')} story</a></h2></div></div>`).join('')}
        </div></section>
        <article class="post type-post status-publish has-post-thumbnail"><h1 class="entry-title">The lido fills again</h1>
        <div class="featured-area"><div class="single-featured-image rocket-lazyload" data-bg="url(${uploads}/lido-refilled-1200x675.png)"></div></div>
        <div class="entry-content">${paragraph(1)}${paragraph(2)}${paragraph(3)}</div></article></main>
        <footer class="site-footer"><p>Seafront Gazette</p></footer></body></html>`,
    });

    await core.api.addFeed(site.url('/feed/'));
    expect(await core.api.sync()).toMatchObject({ articlesFetched: 1, imagesFetched: 1 });

    const { articles } = await core.api.listArticles({ filter: { kind: 'all' } });
    expect(articles[0]!.leadImage).toBe(`paperboy-cache://${hashOf(hero)}`);
    expect((await core.api.getArticle(articles[0]!.id))!.html).not.toContain('<img');
    expect(site.requests.map((request) => request.path).filter((path) => path.startsWith('/wp-content/'))).toEqual([`${uploads}/lido-refilled-1200x675.png`]);
  });
});
