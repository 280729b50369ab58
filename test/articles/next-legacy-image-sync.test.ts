// Next.js's next/image before version 13 (and next/legacy/image since) styles every picture
// "width:0;height:0;min-width:100%;max-width:100%;min-height:100%;max-height:100%": the min- sizes
// win, and the picture fills the box its wrapper spans make. Read as a counter's one-pixel image,
// every picture of such a page was dropped: the hero it loads at once, and each lazy one (a blurred
// placeholder, and the picture itself in the <noscript> after it). The reader shows each, in the
// size of the image service's srcset for its column, from the cache (the hero, which Readability
// leaves out of the text, put back above it as the page's og:image, in the page's own size).
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { serverAndCorePerTest } from '../support/core-per-test';
import { rssFeed } from '../support/hostile-sync';
import { makePng } from '../support/images';
import type { TestServer } from '../support/server';

let site: TestServer;
let core: Core;

serverAndCorePerTest((server, made) => {
  site = server;
  core = made;
});

const hashOf = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
// next.config's default device sizes: the widths /_next/image makes, and refuses others with a 400.
const WIDTHS = [640, 750, 828, 1080, 1200, 1920, 2048, 3840];
const UPLOADS: Readonly<Record<string, [number, number, number]>> = { '/images/posts/lobster-pots.jpg': [180, 70, 40], '/images/posts/net-loft.jpg': [60, 90, 130] };

/** The image service: the upload named by url, at width w. */
function serveImages(): Map<string, Buffer> {
  const made = new Map<string, Buffer>();
  site.route('/_next/image', (req, res) => {
    const query = new URL(req.url ?? '/', site.origin).searchParams;
    const colour = UPLOADS[query.get('url') ?? ''];
    const width = Number(query.get('w'));
    if (!colour || !WIDTHS.includes(width) || query.get('q') !== '75') {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('"url" parameter is not allowed');
      return;
    }
    const key = `${query.get('url')}@${width}`;
    let bytes = made.get(key);
    if (!bytes) made.set(key, (bytes = makePng(width, Math.round((width * 2) / 3), colour)));
    res.writeHead(200, { 'content-type': 'image/png', 'content-length': bytes.length }).end(bytes);
  });
  // The uploads themselves, which the page names as its og:image: the camera's size.
  for (const [upload, colour] of Object.entries(UPLOADS)) {
    site.route(upload, (_req, res) => {
      const bytes = makePng(3000, 2000, colour);
      res.writeHead(200, { 'content-type': 'image/png', 'content-length': bytes.length }).end(bytes);
    });
  }
  return made;
}

const sized = (upload: string, width: number) => `/_next/image?url=${encodeURIComponent(upload)}&amp;w=${width}&amp;q=75`;
const srcset = (upload: string) => WIDTHS.map((width) => `${sized(upload, width)} ${width}w`).join(', ');
const WRAPPER = 'box-sizing:border-box;display:block;overflow:hidden;width:initial;height:initial;background:none;opacity:1;border:0;margin:0;padding:0;position:relative';
const SPACER = 'box-sizing:border-box;display:block;width:initial;height:initial;background:none;opacity:1;border:0;margin:0;padding:0;padding-top:66.66666666666666%';
const FILL = 'position:absolute;top:0;left:0;bottom:0;right:0;box-sizing:border-box;padding:0;border:none;margin:auto;display:block;width:0;height:0;min-width:100%;max-width:100%;min-height:100%;max-height:100%';
const BLUR = 'data:image/jpeg;base64,/9j/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/wAARCAAFAAgDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAf/xAAhEAACAQMDBQAAAAAAAAAAAAABAgMABAUGIWEREiMxUf/aAAwDAQACEQMRAD8AltJagyeH0AthI5xdrLcNM91BF5pX2HaH9bcfaSXWGaRmknyJckliyjqTzSlT54b6bk+h0R//2Q==';
const GIF = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';

/** layout="responsive" with priority: loaded at once, its srcset on the image itself. */
const hero = (upload: string, alt: string) =>
  `<span style="${WRAPPER}"><span style="${SPACER}"></span><img alt="${alt}" sizes="100vw" srcset="${srcset(upload)}" src="${sized(upload, 3840)}" decoding="async" data-nimg="responsive" style="${FILL}"/></span>`;
/** layout="responsive" with placeholder="blur": a blank GIF over a blurred background until it scrolls in. */
const lazy = (upload: string, alt: string) =>
  `<span style="${WRAPPER}"><span style="${SPACER}"></span><img alt="${alt}" src="${GIF}" decoding="async" data-nimg="responsive" style="${FILL};filter:blur(20px);background-size:cover;background-image:url(&quot;${BLUR}&quot;);background-position:0% 0%"/><noscript><img alt="${alt}" sizes="100vw" srcset="${srcset(upload)}" src="${sized(upload, 3840)}" decoding="async" data-nimg="responsive" style="${FILL}" loading="lazy"/></noscript></span>`;

const TITLE = 'Hauling pots with the last crabber in Porthkerris';
const paragraph = (text: string) => `<p>${text}</p>`;

describe("a Next.js 12 page's pictures, sized by their style's min-width", () => {
  it('are shown, the hero and the lazy one, each at the service size for the column', async () => {
    const made = serveImages();
    const story = '/posts/last-crabber-porthkerris';
    site.serve('/rss.xml', {
      type: 'application/rss+xml; charset=utf-8',
      body: rssFeed('Tidelines', [`<item><title>${TITLE}</title><link>${site.url(story)}</link><guid>${site.url(story)}</guid><description>Out at five with Jory Penrose.</description></item>`]),
    });
    site.serve(story, {
      type: 'text/html; charset=utf-8',
      body: `<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/><meta name="viewport" content="width=device-width"/><title>${TITLE} | Tidelines</title><meta property="og:image" content="${site.url('/images/posts/lobster-pots.jpg')}"/><meta name="next-head-count" content="3"/>
        <link rel="preload" as="image" imagesrcset="${srcset('/images/posts/lobster-pots.jpg')}" imagesizes="100vw"/></head>
        <body><div id="__next" data-reactroot=""><header class="Header_header__2xk9a"><a href="/">Tidelines</a><nav><a href="/posts">Stories</a> <a href="/about">About</a></nav></header>
        <main class="Layout_main__kq3Xw"><article class="Post_post__f8Kd1"><h1 class="Post_title__0pLm2">${TITLE}</h1>
        <div class="Post_hero__Hn3s9">${hero('/images/posts/lobster-pots.jpg', 'Lobster pots stacked on the quay at Porthkerris')}</div>
        <div class="Post_body__Vb7Rq">
        ${paragraph('Jory Penrose has fished out of Porthkerris for forty-one years, and for the last six of them he has been the only one left who works pots from the cove rather than from the harbour round the point.')}
        ${paragraph('We were out at five, in a boat his father built, hauling a string of sixty pots along the foot of the cliffs while the light came up behind the headland.')}
        ${lazy('/images/posts/net-loft.jpg', 'The net loft above the slipway, with its door open')}
        ${paragraph('The pots are mended in the net loft above the slipway, where his grandfather kept the seine nets when the cove still had a pilchard fishery.')}
        ${paragraph('He sells most of the catch to two restaurants in the town, and the rest from a cool box at the top of the slip, with an honesty jar that he says has never once come up short.')}
        </div></article></main><footer class="Footer_footer__Kx2p0"><p>Tidelines</p></footer></div>
        <script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{}},"page":"/posts/[slug]","query":{"slug":"last-crabber-porthkerris"},"buildId":"Wq8xK1c3","isFallback":false,"gsp":true,"scriptLoader":[]}</script></body></html>`,
    });

    await core.api.addFeed(site.url('/rss.xml'));
    expect(await core.api.sync()).toMatchObject({ articlesFetched: 1, imagesFetched: 2 });

    const { articles } = await core.api.listArticles({ filter: { kind: 'all' } });
    const html = (await core.api.getArticle(articles[0]!.id))!.html;
    expect(html).toContain('never once come up short');
    expect([...html.matchAll(/<img\b[^>]*>/g)].map(([tag]) => [/alt="([^"]*)"/.exec(tag)?.[1], /src="paperboy-cache:\/\/([0-9a-f]{64})"/.exec(tag)?.[1]])).toEqual([
      ['Lobster pots stacked on the quay at Porthkerris', hashOf(made.get('/images/posts/lobster-pots.jpg@1920')!)],
      ['The net loft above the slipway, with its door open', hashOf(made.get('/images/posts/net-loft.jpg@1920')!)],
    ]);
    expect(site.requests.map((request) => request.path).filter((path) => path.startsWith('/_next/image') || path.startsWith('/images/')).sort()).toEqual(
      [sized('/images/posts/lobster-pots.jpg', 1920), sized('/images/posts/net-loft.jpg', 1920)].map((path) => path.replace(/&amp;/g, '&')).sort(),
    );
  });
});
