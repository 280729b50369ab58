// An article's own pictures, read offline: each from the cache, in the size its page's srcset offers
// for the reader's column on a 2x screen, never a lazy loader's placeholder or a counter. A
// WordPress review (WP Rocket's lazy images with a placeholder SVG and a <noscript> copy, a
// lazysizes picture named only in data-srcset, jQuery lazyload's data-original, and a statistics
// plugin's counters, hidden by their style), a Next.js page (next/image's srcset of /_next/image
// sizes) and a Next.js 12 one (its lazy picture in <noscript>, sized by its style's min-width), synced by the real core from a loopback site, then read after the site has gone away.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePng } from '../support/images';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';
import { openApp, type AppSession } from './support/app';
import { launchBrowser, type Browser } from './support/browser';
import { loadedImageWidth, openArticle, ui } from './support/pages';
import { buildRendererForTests } from './support/renderer-build';
import { screenshot } from './support/screenshots';

const REVIEW = 'Pixel 9 Pro review: the camera is the phone';
const HARBOUR = 'The harbour at first light';
const NET_LOFT = 'Mending pots in the net loft';
const UPLOADS = '/wp-content/uploads/2024/09';
const PLACEHOLDER_SVG = "data:image/svg+xml,%3Csvg%20xmlns='http://www.w3.org/2000/svg'%20viewBox='0%200%201024%20768'%3E%3C/svg%3E";

/** Every picture the site serves, by path: its width, height and colour. */
const served = new Map<string, readonly [number, number, [number, number, number]]>();
/** WordPress's sizes of an upload (and the upload itself), each served; returns their srcset and paths. */
function wordpressUpload(name: string, width: number, height: number, sizes: readonly number[], colour: [number, number, number]) {
  const path = (size: number) => `${UPLOADS}/${name}-${size}x${Math.round((size * height) / width)}.png`;
  served.set(`${UPLOADS}/${name}.png`, [width, height, colour]);
  for (const size of sizes) served.set(path(size), [size, Math.round((size * height) / width), colour]);
  return { path, srcset: (origin: string) => sizes.map((size) => `${origin}${path(size)} ${size}w`).join(', ') };
}

const phone = wordpressUpload('google-pixel-9-pro-camera-bar', 4032, 3024, [300, 768, 1024, 1536, 2048], [38, 92, 158]);
const dock = wordpressUpload('loading-dock-at-night', 3000, 2000, [480, 960, 1920], [214, 140, 36]);
served.set('/images/photos/pixel-9-pro-in-hand.png', [1400, 933, [64, 140, 96]]);
served.set('/images/grey.gif', [1, 1, [200, 200, 200]]);
// next/image's sizes of one upload: the proxy answers each width with the picture at that width.
const NEXT_WIDTHS = [640, 750, 828, 1080, 1200, 1920, 2048, 3840];
const nextImage = (width: number) => `/_next/image?url=%2Fuploads%2Fharbour-first-light.png&w=${width}&q=75`;
for (const width of NEXT_WIDTHS) served.set(nextImage(width), [width, Math.round(width / 1.5), [150, 60, 90]]);
// A Next.js 12 page's lazy picture (next/image's blurred placeholder, the picture in <noscript>).
const legacyImage = (width: number) => `/_next/image?url=%2Fimages%2Fnet-loft.png&w=${width}&q=75`;
for (const width of NEXT_WIDTHS) served.set(legacyImage(width), [width, Math.round(width / 1.5), [52, 120, 128]]);
// The upload behind the proxy, which the page names as its og:image.
served.set('/uploads/harbour-first-light.png', [4000, 2667, [150, 60, 90]]);

const p = (text: string) => `<p>${text}</p>`;

function reviewPage(origin: string): string {
  return `<!DOCTYPE html><html lang="en-US"><head><meta charset="UTF-8"><title>${REVIEW} &#8211; Handheld Weekly</title>
<meta property="og:image" content="${origin}${UPLOADS}/google-pixel-9-pro-camera-bar.png"><meta name="generator" content="WordPress 6.6.2"></head>
<body class="post-template-default single single-post postid-4412 single-format-standard">
<header class="site-header"><p class="site-title"><a href="/">Handheld Weekly</a></p><nav class="main-navigation"><ul><li><a href="/reviews/">Reviews</a></li><li><a href="/news/">News</a></li></ul></nav></header>
<main class="site-main"><article id="post-4412" class="post-4412 post type-post status-publish format-standard hentry category-reviews">
<header class="entry-header"><h1 class="entry-title">${REVIEW}</h1></header>
<div class="entry-content">
${p('Google has spent three generations telling us the Pixel is a camera that happens to make calls, and the 9 Pro is the first one where that sounds less like marketing than a description.')}
<figure class="wp-block-image size-large"><img decoding="async" width="1024" height="768" src="${PLACEHOLDER_SVG}" alt="The camera bar on the back of the Pixel 9 Pro" class="wp-image-4415" data-lazy-srcset="${phone.srcset(origin)}" data-lazy-sizes="(max-width: 1024px) 100vw, 1024px" data-lazy-src="${origin}${phone.path(1024)}"><noscript><img decoding="async" width="1024" height="768" src="${origin}${phone.path(1024)}" alt="The camera bar on the back of the Pixel 9 Pro" class="wp-image-4415" srcset="${phone.srcset(origin)}" sizes="(max-width: 1024px) 100vw, 1024px"></noscript><figcaption class="wp-element-caption">The camera bar no longer rocks on a table.</figcaption></figure>
${p('In daylight the main camera is as good as anything on sale: colours are natural, and the processing no longer lifts every shadow until a photo looks like a painting.')}
${p('At night it is better still. We took it to the container port at two in the morning, and the long exposure held the floodlights without losing the stacks of containers under them.')}
<figure class="wp-block-image size-full"><img data-sizes="auto" data-srcset="${dock.srcset(origin)}" class="lazyload" alt="A loading dock at the container port at night"><figcaption class="wp-element-caption">Night Sight, handheld, at the container port.</figcaption></figure>
${p('Battery life is a full day and a bit, which is what last year managed too; charging is still slower than most of its rivals, at around an hour and a half from empty.')}
<p><img class="lazy" src="${origin}/images/grey.gif" data-original="${origin}/images/photos/pixel-9-pro-in-hand.png" width="700" height="467" alt="The Pixel 9 Pro in hand"></p>
${p('If you want the best camera on an Android phone and can live with the weight, this is the one to buy; if you do not, the plain Pixel 9 has the same main sensor for less.')}
<img src="${origin}/stats/hit.php?post=4412" alt="" style="display:none !important;">
<img src="${origin}/stats/count/4412.gif" alt="" style="position:absolute; left:-9999px; top:0;">
</div></article></main>
<footer class="site-footer"><p>&copy; 2024 Handheld Weekly</p></footer></body></html>`;
}

function harbourPage(origin: string): string {
  const srcset = NEXT_WIDTHS.map((width) => `${nextImage(width).replace(/&/g, '&amp;')} ${width}w`).join(', ');
  return `<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/><meta name="viewport" content="width=device-width"/><meta property="og:image" content="${origin}/uploads/harbour-first-light.png"/><title>${HARBOUR} | Coast Notes</title>
<link rel="preload" as="image" imageSrcSet="${srcset}" imageSizes="100vw"/><meta name="next-head-count" content="4"/></head>
<body><div id="__next"><header class="Header_header__x1"><a href="/">Coast Notes</a></header>
<main class="Post_main__a9"><article><h1 class="Post_title__q2">${HARBOUR}</h1>
<div class="Post_hero__k3" style="position:relative;aspect-ratio:3/2"><img alt="Fishing boats at the harbour wall at dawn" decoding="async" data-nimg="fill" style="position:absolute;height:100%;width:100%;left:0;top:0;right:0;bottom:0;object-fit:cover;color:transparent;background-size:cover;background-position:50% 50%;background-repeat:no-repeat;background-image:url(&quot;data:image/svg+xml;charset=utf-8,%3Csvg xmlns='http://www.w3.org/2000/svg'%3E%3C/svg%3E&quot;)" sizes="100vw" srcset="${srcset}" src="${nextImage(3840).replace(/&/g, '&amp;')}"/></div>
<div class="Post_body__m4">
${p('The boats come in before the sun is up, and by the time it clears the headland the first of the catch is already on the quay, iced and boxed for the market.')}
${p('There are fewer of them than there were: eleven boats work out of the harbour now, where there were thirty when the fish market was built, and most of those are crewed by two.')}
${p('The harbour trust has asked the council to keep the market open on Sundays through the winter, so the boats that go out on Saturday night have somewhere to land.')}
</div></article></main></div>
<script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{}},"page":"/posts/[slug]","query":{"slug":"harbour-first-light"},"buildId":"k3Jm9xQ2","isFallback":false,"gsp":true}</script></body></html>`;
}

/** Next.js 12's next/image, layout="responsive" and placeholder="blur": sized by its style's min-width. */
function netLoftPage(): string {
  const srcset = NEXT_WIDTHS.map((width) => `${legacyImage(width).replace(/&/g, '&amp;')} ${width}w`).join(', ');
  const fill = 'position:absolute;top:0;left:0;bottom:0;right:0;box-sizing:border-box;padding:0;border:none;margin:auto;display:block;width:0;height:0;min-width:100%;max-width:100%;min-height:100%;max-height:100%';
  return `<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/><title>${NET_LOFT} | Coast Notes</title><meta name="next-head-count" content="2"/></head>
<body><div id="__next" data-reactroot=""><header class="Header_header__x1"><a href="/">Coast Notes</a></header>
<main class="Post_main__a9"><article><h1 class="Post_title__q2">${NET_LOFT}</h1><div class="Post_body__m4">
${p('Every pot that comes back from the winter needs something: a new funnel, a rebuilt frame, or a patch where a conger has chewed its way out of the netting.')}
${p('The work is done in the net loft above the slipway, on a long bench under the windows, with the pots hung from the rafters in rows to dry.')}
<span style="box-sizing:border-box;display:block;overflow:hidden;width:initial;height:initial;background:none;opacity:1;border:0;margin:0;padding:0;position:relative"><span style="box-sizing:border-box;display:block;width:initial;height:initial;background:none;opacity:1;border:0;margin:0;padding:0;padding-top:66.66666666666666%"></span><img alt="Pots hanging from the rafters of the net loft" src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7" decoding="async" data-nimg="responsive" style="${fill};filter:blur(20px);background-size:cover;background-image:url(&quot;data:image/jpeg;base64,/9j/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2Q==&quot;);background-position:0% 0%"/><noscript><img alt="Pots hanging from the rafters of the net loft" sizes="100vw" srcSet="${srcset}" src="${legacyImage(3840).replace(/&/g, '&amp;')}" decoding="async" data-nimg="responsive" style="${fill}" loading="lazy"/></noscript></span>
${p('A good mender can rebuild six pots in a day. There are only two left on this stretch of coast who can do it, and both of them are past seventy.')}
</div></article></main></div></body></html>`;
}

function feed(origin: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Handheld Weekly and Coast Notes</title><link>${origin}/</link>
<item><title>${REVIEW}</title><link>${origin}/2024/09/12/pixel-9-pro-review/</link><guid isPermaLink="false">${origin}/?p=4412</guid><pubDate>Thu, 12 Sep 2024 09:00:00 +0000</pubDate><description><![CDATA[Three weeks with Google's new phone.]]></description></item>
<item><title>${NET_LOFT}</title><link>${origin}/posts/net-loft</link><guid isPermaLink="false">net-loft</guid><pubDate>Tue, 10 Sep 2024 06:00:00 +0000</pubDate><description>Every pot that comes back from the winter needs something.</description></item>
<item><title>${HARBOUR}</title><link>${origin}/posts/harbour-first-light</link><guid isPermaLink="false">harbour-first-light</guid><pubDate>Wed, 11 Sep 2024 06:00:00 +0000</pubDate><description>The boats come in before the sun is up.</description></item>
</channel></rss>`;
}

let browser: Browser;
let site: TestServer;
let app: AppSession;
/** The paths the sync asked the site for. */
let fetched: string[] = [];

beforeAll(async () => {
  const rendererDir = await buildRendererForTests();
  browser = await launchBrowser({ width: 1280, height: 900 });
  site = await TestServer.start();
  for (const [path, [width, height, colour]] of served) site.serve(path, { body: makePng(width, height, colour), type: 'image/png' });
  site.serve('/feed/', { body: feed(site.origin), type: 'application/rss+xml; charset=UTF-8' });
  site.serve('/2024/09/12/pixel-9-pro-review/', { body: reviewPage(site.origin), type: 'text/html; charset=UTF-8' });
  site.serve('/posts/net-loft', { body: netLoftPage(), type: 'text/html; charset=utf-8' });
  site.serve('/posts/harbour-first-light', { body: harbourPage(site.origin), type: 'text/html; charset=utf-8' });

  app = await openApp({ browser, dataDir: tempDir('paperboy-e2e-page-pictures-'), rendererDir });
  await app.core.api.addFeed(site.url('/feed/'));
  const summary = await app.core.api.sync();
  if (summary.feedsFailed !== 0) throw new Error(`sync: ${JSON.stringify(summary)}`);
  fetched = site.requests.map((request) => request.path);
  // Read offline: whatever the reader shows comes from the cache.
  await site.stop();
  await app.page.reload();
}, 90_000);

afterAll(async () => {
  await app?.close();
  await browser?.close();
  removeTempDirs();
});

const pictures = () => ui(app.page).articleBody.locator('img');

/** Each picture's alt text, natural width and drawn width, once loaded. */
async function shown(): Promise<{ alt: string | null; src: string | null; width: number; drawn: number }[]> {
  const found = [];
  for (const picture of await pictures().all()) {
    await picture.scrollIntoViewIfNeeded();
    found.push({ alt: await picture.getAttribute('alt'), src: await picture.getAttribute('src'), width: await loadedImageWidth(picture), drawn: (await picture.boundingBox())!.width });
  }
  return found;
}

describe("an article's pictures, read offline", () => {
  it("are a WordPress post's lazy pictures at the size for the column, without its placeholders and counters", async () => {
    await openArticle(app.page, REVIEW);
    const column = (await ui(app.page).articleBody.boundingBox())!.width;
    const found = await shown();
    expect(found.map(({ alt, width }) => [alt, width])).toEqual([
      ['The camera bar on the back of the Pixel 9 Pro', 1536],
      ['A loading dock at the container port at night', 1920],
      ['The Pixel 9 Pro in hand', 1400],
    ]);
    for (const { src, drawn } of found) {
      expect(src).toMatch(/^\/cache\/[0-9a-f]{64}$/);
      // Across the column (the third at its page's 700 pixels, within it).
      expect(drawn).toBeGreaterThanOrEqual(Math.min(700, column) - 1);
      expect(drawn).toBeLessThanOrEqual(column + 1);
    }
    // Only those sizes were asked for: not the 4,032-pixel original (og:image, and the name of a
    // placeholder's word in its file's), not the placeholder, and never the counters.
    expect(fetched.filter((path) => path.startsWith(UPLOADS) || path.startsWith('/images/') || path.startsWith('/stats/')).sort()).toEqual(
      [phone.path(1536), dock.path(1920), '/images/photos/pixel-9-pro-in-hand.png'].sort(),
    );
    await ui(app.page).articleTitle.scrollIntoViewIfNeeded();
    await screenshot(app.page, 'page-pictures-wordpress');
    await pictures().nth(1).scrollIntoViewIfNeeded();
    await screenshot(app.page, 'page-pictures-wordpress-lazysizes');
  });

  it("is a Next.js page's hero in the next/image size for the column, not the 3840 its src names nor the upload its og:image names", async () => {
    await openArticle(app.page, HARBOUR);
    // The hero stands apart from the text Readability keeps: it is put back above it.
    const found = await shown();
    expect(found.map(({ alt, width }) => [alt, width])).toEqual([['Fishing boats at the harbour wall at dawn', 1920]]);
    expect(found[0]!.src).toMatch(/^\/cache\/[0-9a-f]{64}$/);
    expect(found[0]!.drawn).toBeCloseTo((await ui(app.page).articleBody.boundingBox())!.width, 0);
    expect(fetched.filter((path) => path.includes('harbour-first-light.png'))).toEqual([nextImage(1920)]);
    await screenshot(app.page, 'page-pictures-nextjs');
  });

  it("is a Next.js 12 page's lazy picture, not its blurred placeholder", async () => {
    await openArticle(app.page, NET_LOFT);
    const found = await shown();
    expect(found.map(({ alt, width }) => [alt, width])).toEqual([['Pots hanging from the rafters of the net loft', 1920]]);
    expect(found[0]!.src).toMatch(/^\/cache\/[0-9a-f]{64}$/);
    expect(found[0]!.drawn).toBeCloseTo((await ui(app.page).articleBody.boundingBox())!.width, 0);
    await pictures().first().scrollIntoViewIfNeeded();
    await screenshot(app.page, 'page-pictures-nextjs-12');
  });

  it('came from the cache only, with no error on the page', () => {
    expect(app.foreignRequests).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });
});
