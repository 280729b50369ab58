// A photo's file name is its upload's, and says what it shows: a phone review's
// google-pixel-9-pro.jpg, a port's loading-dock.jpg. Those words are also what lazy loaders name
// their placeholders (pixel.gif, loading.gif), and a name holding one anywhere was taken for a
// placeholder: the review's photo was fetched as the camera's 4,032-pixel original its carousel
// attributes name, not the srcset's size for the column, and a lazysizes picture named only in its
// data-srcset was not shown at all. A placeholder is a file named for being one and nothing else.
import { createHash } from 'node:crypto';
import type http from 'node:http';
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
const UPLOADS = '/wp-content/uploads/2024/09';

/** An upload and the sizes WordPress made of it, each a PNG at its real size, made when first asked for. */
function upload(name: string, original: { width: number; height: number }, widths: readonly number[], colour: [number, number, number]) {
  const made = new Map<string, Buffer>();
  const height = (width: number) => Math.round((width * original.height) / original.width);
  const path = (width: number | null) => (width === null ? `${UPLOADS}/${name}.jpg` : `${UPLOADS}/${name}-${width}x${height(width)}.jpg`);
  const bytes = (width: number | null) => {
    const key = path(width);
    let found = made.get(key);
    if (!found) made.set(key, (found = makePng(width ?? original.width, width === null ? original.height : height(width), colour)));
    return found;
  };
  for (const width of [null, ...widths]) {
    site.route(path(width), (_req: http.IncomingMessage, res: http.ServerResponse) => {
      const body = bytes(width);
      res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': body.length }).end(body);
    });
  }
  const srcset = widths.map((width) => `${site.url(path(width))} ${width}w`).join(', ');
  return { path, bytes, srcset, url: (width: number | null) => site.url(path(width)) };
}

const paragraph = (text: string) => `<p>${text}</p>`;

describe('a photo whose file name holds a word placeholders are named with', () => {
  it("is the srcset's size for the reader's column, not the original, and shown when named only in its lazy srcset", async () => {
    const phone = upload('google-pixel-9-pro-camera-bump', { width: 4032, height: 3024 }, [300, 768, 1024, 1536, 2048], [40, 90, 160]);
    const dock = upload('loading-dock-at-night', { width: 3000, height: 2000 }, [480, 960, 1920], [180, 120, 40]);
    const story = '/2024/09/12/pixel-9-pro-review/';
    site.serve('/feed/', {
      type: 'application/rss+xml; charset=UTF-8',
      body: rssFeed('Handheld Weekly', [`<item><title>Pixel 9 Pro review: the camera is the phone</title><link>${site.url(story)}</link><guid isPermaLink="false">${site.url('/?p=4412')}</guid><pubDate>Thu, 12 Sep 2024 09:00:00 +0000</pubDate><description><![CDATA[Three weeks with Google's new phone.]]></description></item>`]),
    });
    // A WordPress theme's single post: Jetpack's carousel names the original upload and its other
    // sizes on each image; a lazysizes block writes its picture in data-srcset alone.
    const carousel = `data-attachment-id="4415" data-permalink="${site.url(`${story}google-pixel-9-pro-camera-bump/`)}" data-orig-file="${phone.url(null)}" data-orig-size="4032,3024" data-comments-opened="1" data-image-meta="{&quot;aperture&quot;:&quot;1.7&quot;,&quot;camera&quot;:&quot;Pixel 9 Pro&quot;}" data-image-title="google-pixel-9-pro-camera-bump" data-image-description="" data-image-caption="" data-medium-file="${phone.url(300)}" data-large-file="${phone.url(1024)}"`;
    site.serve(story, {
      type: 'text/html; charset=UTF-8',
      body: `<!DOCTYPE html><html lang="en-US"><head><meta charset="UTF-8"><title>Pixel 9 Pro review: the camera is the phone &#8211; Handheld Weekly</title>
        <meta property="og:image" content="${phone.url(null)}"></head>
        <body class="post-template-default single single-post postid-4412 single-format-standard">
        <header class="site-header"><div class="site-branding"><p class="site-title"><a href="/">Handheld Weekly</a></p></div><nav class="main-navigation"><ul><li><a href="/reviews/">Reviews</a></li><li><a href="/news/">News</a></li></ul></nav></header>
        <div class="site-content"><main class="site-main"><article id="post-4412" class="post-4412 post type-post status-publish format-standard hentry category-reviews">
        <header class="entry-header"><h1 class="entry-title">Pixel 9 Pro review: the camera is the phone</h1></header>
        <div class="entry-content">
        ${paragraph('Google has spent three generations telling us the Pixel is a camera that happens to make calls, and the 9 Pro is the first one where that sounds less like marketing than a description.')}
        ${paragraph('The camera bump is now a pill-shaped island across the back, and it no longer rocks on a table; the phone is heavier than last year, but better balanced in the hand.')}
        <figure class="wp-block-image size-large"><img loading="lazy" decoding="async" width="1024" height="768" ${carousel} src="${phone.url(1024)}" alt="The camera bar on the back of the Pixel 9 Pro" class="wp-image-4415" srcset="${phone.srcset}" sizes="(max-width: 1024px) 100vw, 1024px"><figcaption class="wp-element-caption">The camera island no longer rocks on a table.</figcaption></figure>
        ${paragraph('In daylight the main camera is as good as anything on sale: colours are natural, and the processing no longer lifts every shadow until a photo looks like a painting.')}
        ${paragraph('At night it is better still. We took it to the container port at two in the morning, and the long exposure held the floodlights without losing the stacks of containers under them.')}
        <figure class="wp-block-image size-full"><img data-sizes="auto" data-srcset="${dock.srcset}" class="lazyload" alt="A loading dock at the container port at night, taken on the Pixel 9 Pro"><figcaption class="wp-element-caption">Night Sight, handheld, at the container port.</figcaption></figure>
        ${paragraph('Battery life is a full day and a bit, which is what last year managed too; charging is still slower than most of its rivals, at around an hour and a half from empty.')}
        ${paragraph('If you want the best camera on an Android phone and can live with the weight, this is the one to buy; if you do not, the plain Pixel 9 has the same main sensor for less.')}
        </div></article></main></div>
        <footer class="site-footer"><p>&copy; 2024 Handheld Weekly</p></footer></body></html>`,
    });

    await core.api.addFeed(site.url('/feed/'));
    expect(await core.api.sync()).toMatchObject({ articlesFetched: 1, imagesFetched: 2 });

    const { articles } = await core.api.listArticles({ filter: { kind: 'all' } });
    const html = (await core.api.getArticle(articles[0]!.id))!.html;
    expect(html).toContain('Night Sight, handheld, at the container port.');
    // Each picture from the cache, in the size a 2x screen needs across the column (1,472 pixels):
    // WordPress's 1536 of the phone, the 1920 of the dock.
    expect([...html.matchAll(/<img\b[^>]*>/g)].map(([tag]) => /src="paperboy-cache:\/\/([0-9a-f]{64})"/.exec(tag)?.[1])).toEqual([hashOf(phone.bytes(1536)), hashOf(dock.bytes(1920))]);
    const images = site.requests.map((request) => request.path).filter((path) => path.startsWith(UPLOADS));
    expect(images.sort()).toEqual([phone.path(1536), dock.path(1920)].sort());
  });
});
