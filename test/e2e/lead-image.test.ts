// The lead image the sync keeps (a page's og:image, an item's image enclosure or episode image)
// heads an article whose text has no picture of its own, from the local cache, as Feedly, Reeder
// and NetNewsWire show it; an article whose text shows its picture does not get it twice. A
// loopback site serves one feed of five items, synced by the real core, read after the site has
// gone away.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePng } from '../support/images';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';
import { openApp, type AppSession } from './support/app';
import { launchBrowser, type Browser } from './support/browser';
import { loadedImageWidth, openArticle, ui } from './support/pages';
import { buildRendererForTests } from './support/renderer-build';
import { screenshot } from './support/screenshots';

const PHOTO = 'Picture of the day: a kingfisher on the mill race';
const FOOTBRIDGE = 'Council approves the new footbridge';
const TOWPATH = 'Autumn on the towpath';
const EPISODE = 'Millbrook Voices 12: the last miller';
const NEWSLETTER = 'The Harvest Letter: a wet October';

const PUBLISHED = Date.UTC(2026, 10, 2, 9);
const date = (hoursBefore: number) => new Date(PUBLISHED - hoursBefore * 3_600_000).toUTCString();

const paragraphs = (subject: string) =>
  [
    `The district council voted on Tuesday evening to go ahead with ${subject}, after two years of consultation with residents on both banks of the river.`,
    'Work is due to start in the spring and to take about fourteen months, during which the towpath between the lock and the old mill will close on weekdays.',
    'Councillors said the cost would be met from the regional transport fund, with a smaller share from the parish, and that the design had been changed after objections from the rowing club.',
    'A public exhibition of the final plans opens at the library on Saturday.',
  ]
    .map((text) => `<p>${text}</p>`)
    .join('\n');

/** A Drupal 10 article page: its main image is only its og:image, none of it in the text Readability keeps. */
function drupalPage(origin: string): string {
  return `<!DOCTYPE html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="Generator" content="Drupal 10 (https://www.drupal.org)">
<link rel="canonical" href="${origin}/news/council-approves-new-footbridge">
<meta property="og:site_name" content="Millbrook Courier">
<meta property="og:type" content="article">
<meta property="og:title" content="${FOOTBRIDGE}">
<meta property="og:image" content="${origin}/sites/default/files/styles/og_image/public/2026-11/footbridge.png?itok=x3Fq9aZ1">
<title>${FOOTBRIDGE} | Millbrook Courier</title>
</head>
<body class="path-node page-node-type-article">
<a href="#main-content" class="visually-hidden focusable skip-link">Skip to main content</a>
<div class="dialog-off-canvas-main-canvas" data-off-canvas-main-canvas>
<header role="banner"><nav role="navigation" aria-label="Main navigation"><ul class="menu"><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<main role="main"><a id="main-content" tabindex="-1"></a>
<div class="region region-content">
<article role="article" class="node node--type-article node--promoted node--view-mode-full">
<h1 class="page-title"><span class="field field--name-title field--type-string field--label-hidden">${FOOTBRIDGE}</span></h1>
<div class="node__meta"><span class="field field--name-uid">By Ruth Hale</span>, <span class="field field--name-created">2 November 2026</span></div>
<div class="node__content">
<div class="clearfix text-formatted field field--name-body field--type-text-with-summary field--label-hidden field__item">
${paragraphs('the new footbridge')}
</div>
</div>
</article>
</div>
</main>
<footer role="contentinfo"><p>© 2026 Millbrook Courier</p></footer>
</div>
</body>
</html>`;
}

/** A WordPress post whose text shows its photo (a size of the og:image, as WordPress names them). */
function wordpressPage(origin: string): string {
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="UTF-8">
<title>${TOWPATH} &#8211; Millbrook Courier</title>
<meta property="og:title" content="${TOWPATH}">
<meta property="og:image" content="${origin}/wp-content/uploads/2026/11/towpath.png">
<meta name="generator" content="WordPress 6.7">
</head>
<body class="post-template-default single single-post">
<header id="masthead" class="site-header"><p class="site-title"><a href="/">Millbrook Courier</a></p></header>
<main id="primary" class="site-main">
<article class="post type-post status-publish format-standard has-post-thumbnail hentry">
<header class="entry-header"><h1 class="entry-title">${TOWPATH}</h1></header>
<div class="entry-content">
<p>The beeches along the towpath turned late this year, and the first hard frost brought most of their leaves down in a single night.</p>
<figure class="wp-block-image size-large"><img decoding="async" width="1024" height="683" src="${origin}/wp-content/uploads/2026/11/towpath-1024x683.png" alt="Beech leaves on the towpath by the lock" class="wp-image-4117"><figcaption class="wp-element-caption">The towpath by the lock on Sunday morning.</figcaption></figure>
<p>The canal trust asks walkers to keep to the hard path while the lock gates are repaired, and cyclists to dismount under the bridges.</p>
<p>Volunteers meet at the lock cottage at ten on Saturdays to clear the leaves from the gullies before the winter rain.</p>
</div>
</article>
</main>
<footer class="site-footer"><p>Proudly powered by WordPress</p></footer>
</body>
</html>`;
}

/** The feed, as a news site that also publishes a picture of the day and a podcast writes it. */
function feed(origin: string, sizes: ReadonlyMap<string, number>): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>Millbrook Courier</title>
<link>${origin}/</link>
<description>News from Millbrook and the valley</description>
<language>en-gb</language>
<item>
  <title>${PHOTO}</title>
  <guid isPermaLink="false">potd-2026-11-02</guid>
  <pubDate>${date(0)}</pubDate>
  <dc:creator>Ruth Hale</dc:creator>
  <description>A kingfisher waits on the sluice gate of the old mill race at first light. Photograph sent in by a reader, Tom Ashby.</description>
  <enclosure url="${origin}/sites/default/files/potd/2026-11-02-kingfisher.png" length="${sizes.get('kingfisher')}" type="image/png"/>
</item>
<item>
  <title>${FOOTBRIDGE}</title>
  <link>${origin}/news/council-approves-new-footbridge</link>
  <guid isPermaLink="false">4117 at ${origin}</guid>
  <pubDate>${date(1)}</pubDate>
  <dc:creator>Ruth Hale</dc:creator>
  <description>&lt;p&gt;The district council voted on Tuesday evening to go ahead with the new footbridge.&lt;/p&gt;</description>
</item>
<item>
  <title>${TOWPATH}</title>
  <link>${origin}/2026/11/autumn-on-the-towpath/</link>
  <guid isPermaLink="false">${origin}/?p=4120</guid>
  <pubDate>${date(2)}</pubDate>
  <description><![CDATA[<p>The beeches along the towpath turned late this year.</p>]]></description>
  <media:thumbnail url="${origin}/wp-content/uploads/2026/11/towpath-150x150.png" width="150" height="150"/>
</item>
<item>
  <title>${EPISODE}</title>
  <guid isPermaLink="false">millbrook-voices-12</guid>
  <pubDate>${date(3)}</pubDate>
  <description>Arthur Penn worked the mill for forty years. He tells us about the flood of 1968, the last sack of flour, and why the wheel still turns on open days.</description>
  <itunes:image href="${origin}/podcast/episodes/12/cover.png"/>
  <itunes:duration>00:29:17</itunes:duration>
  <enclosure url="${origin}/podcast/episodes/12/millbrook-voices-12.mp3" length="28114944" type="audio/mpeg"/>
</item>
<item>
  <title>${NEWSLETTER}</title>
  <guid isPermaLink="false">harvest-letter-44</guid>
  <pubDate>${date(4)}</pubDate>
  <dc:creator>Nell Carver</dc:creator>
  <description>&lt;p&gt;October brought more rain to the valley than any month since 2019, and the last of the barley is still standing.&lt;/p&gt;
&lt;figure&gt;&lt;img src="${origin}/newsletter/image/fetch/w_1456/harvest.png" alt="Barley flattened by rain above Millbrook" width="1456" height="971"&gt;&lt;figcaption&gt;The top field at Hollins Farm on Sunday.&lt;/figcaption&gt;&lt;/figure&gt;
&lt;p&gt;Farmers along the river say a dry week would still save most of it.&lt;/p&gt;</description>
  <enclosure url="${origin}/newsletter/uploads/harvest.png" length="${sizes.get('harvest')}" type="image/png"/>
</item>
</channel>
</rss>`;
}

/** The pictures, by name: [path, width, height, colour]. */
const PICTURES: readonly (readonly [string, string, number, number, [number, number, number]])[] = [
  ['kingfisher', '/sites/default/files/potd/2026-11-02-kingfisher.png', 1200, 800, [32, 112, 168]],
  ['footbridge', '/sites/default/files/styles/og_image/public/2026-11/footbridge.png?itok=x3Fq9aZ1', 1200, 630, [120, 132, 96]],
  ['towpath', '/wp-content/uploads/2026/11/towpath.png', 2048, 1366, [196, 120, 40]],
  ['towpath-large', '/wp-content/uploads/2026/11/towpath-1024x683.png', 1024, 683, [196, 120, 40]],
  ['towpath-thumbnail', '/wp-content/uploads/2026/11/towpath-150x150.png', 150, 150, [196, 120, 40]],
  ['cover', '/podcast/episodes/12/cover.png', 1400, 1400, [150, 48, 60]],
  // A newsletter platform's: the enclosure is the upload, the text shows its copy through the image service.
  ['harvest', '/newsletter/uploads/harvest.png', 2400, 1600, [170, 150, 70]],
  ['harvest-1456', '/newsletter/image/fetch/w_1456/harvest.png', 1456, 971, [170, 150, 70]],
];

let browser: Browser;
let site: TestServer;
let app: AppSession;

beforeAll(async () => {
  const rendererDir = await buildRendererForTests();
  browser = await launchBrowser({ width: 1280, height: 900 });
  site = await TestServer.start();
  const sizes = new Map<string, number>();
  for (const [name, path, width, height, colour] of PICTURES) {
    const png = makePng(width, height, colour);
    sizes.set(name, png.length);
    site.serve(path, { body: png, type: 'image/png' });
  }
  site.serve('/feed/', { body: feed(site.origin, sizes), type: 'application/rss+xml; charset=utf-8' });
  site.serve('/news/council-approves-new-footbridge', { body: drupalPage(site.origin), type: 'text/html; charset=utf-8' });
  site.serve('/2026/11/autumn-on-the-towpath/', { body: wordpressPage(site.origin), type: 'text/html; charset=utf-8' });

  app = await openApp({ browser, dataDir: tempDir('paperboy-e2e-lead-image-'), rendererDir });
  await app.core.api.addFeed(site.url('/feed/'));
  const summary = await app.core.api.sync();
  if (summary.feedsFailed !== 0) throw new Error(`sync: ${JSON.stringify(summary)}`);
  // Read offline: whatever the reader shows comes from the cache.
  await site.stop();
  await app.page.reload();
}, 90_000);

afterAll(async () => {
  await app?.close();
  await browser?.close();
  removeTempDirs();
});

const open = (title: string): Promise<void> => openArticle(app.page, title);

const leadImage = () => app.page.locator('article .lead-image img');

/** Whether the lead image is drawn above the article's text, across its column. */
async function headsTheText(): Promise<boolean> {
  return app.page.evaluate(() => {
    const image = document.querySelector('article .lead-image img')!.getBoundingClientRect();
    const body = document.querySelector('article .article-body')!.getBoundingClientRect();
    return image.bottom <= body.top && Math.abs(image.width - body.width) < 1;
  });
}

describe('the lead image', () => {
  it('heads a picture of the day that is only an image enclosure, in place of a link to it', async () => {
    const { page } = app;
    await open(PHOTO);
    expect(await leadImage().getAttribute('alt')).toBe(PHOTO);
    expect(await leadImage().getAttribute('src')).toMatch(/^\/cache\/[0-9a-f]{64}$/);
    expect(await loadedImageWidth(leadImage())).toBe(1200);
    expect(await headsTheText()).toBe(true);
    expect(await ui(page).articleBody.textContent()).toContain('A kingfisher waits on the sluice gate');
    expect(await page.getByRole('list', { name: 'Attachments' }).count()).toBe(0);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await screenshot(page, `lead-image-photo-${scheme}`);
    }
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it("heads a page whose main image Readability left out: the page's og:image", async () => {
    await open(FOOTBRIDGE);
    expect(await leadImage().getAttribute('alt')).toBe(FOOTBRIDGE);
    expect(await loadedImageWidth(leadImage())).toBe(1200);
    expect(await headsTheText()).toBe(true);
    expect(await ui(app.page).articleBody.textContent()).toContain('rowing club');
  });

  it('is not shown twice when the text shows its picture', async () => {
    await open(TOWPATH);
    const picture = ui(app.page).articleBody.getByRole('img', { name: 'Beech leaves on the towpath by the lock' });
    expect(await loadedImageWidth(picture)).toBe(1024);
    expect(await leadImage().count()).toBe(0);
    expect(await app.page.locator('article img').count()).toBe(1);
  });

  it("heads a podcast episode with its episode image, and leaves the audio as an attachment", async () => {
    const { page } = app;
    await open(EPISODE);
    expect(await leadImage().getAttribute('alt')).toBe(EPISODE);
    expect(await loadedImageWidth(leadImage())).toBe(1400);
    // A square cover stays whole and within the window.
    const box = (await leadImage().boundingBox())!;
    expect(box.height).toBeLessThanOrEqual(900 * 0.7 + 1);
    const attachments = page.getByRole('list', { name: 'Attachments' });
    expect(await attachments.getByRole('button').allTextContents()).toEqual(['Audio: millbrook-voices-12.mp3 (27 MB)']);
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'lead-image-podcast-dark');
    // Below the cover and the show notes: the episode's file, named as a podcast app names it.
    await attachments.scrollIntoViewIfNeeded();
    await screenshot(page, 'lead-image-podcast-attachment-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it("is no attachment either when the text shows its own picture (a newsletter's enclosure is the upload of the picture at its top)", async () => {
    await open(NEWSLETTER);
    const picture = ui(app.page).articleBody.getByRole('img', { name: 'Barley flattened by rain above Millbrook' });
    expect(await loadedImageWidth(picture)).toBe(1456);
    expect(await leadImage().count()).toBe(0);
    expect(await app.page.getByRole('list', { name: 'Attachments' }).count()).toBe(0);
    expect(await app.page.locator('article img').count()).toBe(1);
    await screenshot(app.page, 'lead-image-newsletter-light');
  });

  it('came from the cache only, with no error on the page', () => {
    expect(app.foreignRequests).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });
});
