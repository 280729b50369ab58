// What a screen reader hears for an article's pictures, read offline from the cache: a picture
// the page described keeps the page's words; one it did not describe (a WordPress gallery image
// with no alt, as many posts have) must not be announced by its file name, which in the reader
// is the cache's hash (/cache/9f3a…), so it has an empty alt. A loopback site serves the feed,
// the post and its two pictures; the real core syncs them and the site goes away.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePng } from '../support/images';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';
import { openApp, type AppSession } from './support/app';
import { launchBrowser, type Browser } from './support/browser';
import { loadedImageWidth, openArticle, ui } from './support/pages';
import { buildRendererForTests } from './support/renderer-build';

const TITLE = 'Lock gates back in place after the winter repairs';
const DESCRIBED = 'The new oak gates of the lower lock, closed, with the lock keeper on the beam';
const POST_PATH = '/2026/03/lock-gates-back-in-place/';
const GATES = '/wp-content/uploads/2026/03/lock-gates-1024x683.png';
const CRANE = '/wp-content/uploads/2026/03/IMG_2041-1024x768.png';

function post(origin: string): string {
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="UTF-8">
<title>${TITLE} &#8211; Millbrook Courier</title>
<meta name="generator" content="WordPress 6.7">
</head>
<body class="post-template-default single single-post">
<header id="masthead" class="site-header"><p class="site-title"><a href="/">Millbrook Courier</a></p></header>
<main id="primary" class="site-main">
<article class="post type-post status-publish format-standard hentry">
<header class="entry-header"><h1 class="entry-title">${TITLE}</h1></header>
<div class="entry-content">
<p>The canal trust lowered the two new oak gates into the lower lock on Monday, after eleven weeks in which the towpath between the mill and the bridge was closed to walkers.</p>
<figure class="wp-block-image size-large"><img decoding="async" width="1024" height="683" src="${origin}${GATES}" alt="${DESCRIBED}" class="wp-image-5120"><figcaption class="wp-element-caption">The lower lock on Monday afternoon.</figcaption></figure>
<p>Each gate weighs a little over three tonnes and was made at the trust's yard from oak felled in the valley in 2019. A crane hired from the port lifted them from a flat barge.</p>
<figure class="wp-block-image size-large"><img loading="lazy" decoding="async" width="1024" height="768" src="${origin}${CRANE}" class="wp-image-5121"></figure>
<p>Boats may use the lock again from Saturday. The trust thanks the volunteers who cleared the silt from the chamber while it was drained.</p>
<p>The upper lock's gates, made in the same yard, are due to be replaced next winter.</p>
</div>
</article>
</main>
<footer class="site-footer"><p>Proudly powered by WordPress</p></footer>
</body>
</html>`;
}

function feed(origin: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
<title>Millbrook Courier</title>
<link>${origin}/</link>
<description>News from Millbrook and the valley</description>
<item>
  <title>${TITLE}</title>
  <link>${origin}${POST_PATH}</link>
  <guid isPermaLink="false">${origin}/?p=5119</guid>
  <pubDate>Mon, 02 Mar 2026 16:00:00 GMT</pubDate>
  <description><![CDATA[<p>The canal trust lowered the two new oak gates into the lower lock on Monday.</p>]]></description>
</item>
</channel>
</rss>`;
}

let browser: Browser;
let site: TestServer;
let app: AppSession;

beforeAll(async () => {
  const rendererDir = await buildRendererForTests();
  browser = await launchBrowser({ width: 1280, height: 900 });
  site = await TestServer.start('127.0.32.2');
  site.serve(GATES, { body: makePng(1024, 683, [120, 96, 64]), type: 'image/png' });
  site.serve(CRANE, { body: makePng(1024, 768, [90, 110, 130]), type: 'image/png' });
  site.serve(POST_PATH, { body: post(site.origin), type: 'text/html; charset=UTF-8' });
  site.serve('/feed/', { body: feed(site.origin), type: 'application/rss+xml; charset=UTF-8' });

  app = await openApp({ browser, dataDir: tempDir('paperboy-e2e-image-alt-'), rendererDir });
  await app.core.api.addFeed(site.url('/feed/'));
  const summary = await app.core.api.sync();
  if (summary.feedsFailed !== 0) throw new Error(`sync: ${JSON.stringify(summary)}`);
  // Read offline: the pictures come from the cache, named by their hash.
  await site.stop();
  await app.page.reload();
}, 90_000);

afterAll(async () => {
  await app?.close();
  await browser?.close();
  removeTempDirs();
});

describe("an article's pictures, to a screen reader", () => {
  it('names a picture the page described by its alt text, and gives one it did not an empty alt, not its file name', async () => {
    const { page } = app;
    await openArticle(page, TITLE);
    const body = ui(page).articleBody;
    const pictures = body.locator('img');
    await expect.poll(() => pictures.count()).toBe(2);
    // Both are the cache's copies, shown.
    for (const picture of await pictures.all()) {
      expect(await picture.getAttribute('src')).toMatch(/^\/cache\/[0-9a-f]{64}$/);
      expect(await loadedImageWidth(picture)).toBe(1024);
    }
    expect(await pictures.nth(0).getAttribute('alt')).toBe(DESCRIBED);
    expect(await pictures.nth(1).getAttribute('alt')).toBe('');
    // What assistive technology is given: one image, by the page's words; the other is not announced.
    const announced = await body.getByRole('img').evaluateAll((images) => images.map((image) => image.getAttribute('alt')));
    expect(announced).toEqual([DESCRIBED]);
    expect(await body.getByRole('img', { name: DESCRIBED, exact: true }).count()).toBe(1);
    const tree = await body.ariaSnapshot();
    expect(tree.match(/^\s*- img\b.*$/gm)).toEqual([expect.stringContaining(DESCRIBED)]);
  });
});
