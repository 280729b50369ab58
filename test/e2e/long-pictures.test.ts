// A long picture (an infographic, a comic strip told down the page) is read at the column's width
// by scrolling down it, as the text is; a portrait photo stays within the window, whole. Kept within
// the window like a photo, an 800 x 6000 infographic shrank to a strip 75 px wide whose words
// nobody could read. Through a real sync from a loopback site; screenshot: long-picture.png.
import type http from 'node:http';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { rssFeed } from '../support/hostile-sync';
import { makePng } from '../support/images';
import { TestServer, sendStatic } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';
import { openApp, type AppSession } from './support/app';
import { launchBrowser, type Browser } from './support/browser';
import { loadedImageWidth, openArticle, ui } from './support/pages';
import { buildRendererForTests } from './support/renderer-build';
import { screenshot } from './support/screenshots';

let browser: Browser;
let app: AppSession;
let site: TestServer;

const TITLE = 'Where the council’s money goes';

/** A local paper's WordPress post: a lead paragraph, the council's infographic (its size in the
 *  tag, as WordPress writes it), a portrait of the treasurer, and a cartoonist's strip whose tag
 *  gives its width alone (an old theme's). */
function post(uploads: string): string {
  return `<!DOCTYPE html><html lang="en-GB"><head><meta charset="UTF-8"><title>${TITLE} – Valley Courier</title></head>
<body class="post-template-default single single-post"><header class="site-header"><a href="/">Valley Courier</a><nav><a href="/news/">News</a></nav></header>
<main id="main"><article class="post type-post status-publish"><header class="entry-header"><h1 class="entry-title">${TITLE}</h1></header>
<div class="entry-content">
<p>The council published its budget for next year on Tuesday: £84 million, of which more than half goes on social care. Its own chart, below, breaks the sum down service by service.</p>
<figure class="wp-block-image size-full"><img width="800" height="6000" src="${uploads}/budget-infographic.png" alt="The council’s budget, service by service" class="wp-image-412"><figcaption>The budget, service by service. Source: the council.</figcaption></figure>
<p>The treasurer, who presented the budget to the full council, said the authority had no reserves left to draw on after three years of rising demand for adult social care.</p>
<figure class="wp-block-image size-large"><img width="800" height="1200" src="${uploads}/treasurer.png" alt="The council’s treasurer outside the town hall" class="wp-image-413"></figure>
<p>Opposition councillors said the cuts to libraries and youth services would be felt first in the villages, where the mobile library is the only one left.</p>
<p>Our cartoonist’s view of the week:</p>
<p><img src="${uploads}/cartoon-strip.png" width="700" alt="A strip cartoon: the council’s piggy bank, shaken, panel by panel"></p>
<p>The budget goes to a final vote on the 26th.</p>
</div></article></main><footer class="site-footer">© Valley Courier</footer></body></html>`;
}

beforeAll(async () => {
  const rendererDir = await buildRendererForTests();
  browser = await launchBrowser({ width: 1280, height: 800 });
  site = await TestServer.start('127.0.94.1');
  const uploads = site.url('/wp-content/uploads/2026/03');
  site.serve('/feed/', {
    type: 'application/rss+xml; charset=UTF-8',
    body: rssFeed('Valley Courier', [
      `<item><title>${TITLE}</title><link>${site.url('/2026/03/budget/')}</link><guid isPermaLink="false">courier-412</guid><pubDate>Tue, 03 Mar 2026 17:00:00 +0000</pubDate><description>The council published its budget.</description></item>`,
    ]),
  });
  site.route('/2026/03/budget/', (req: http.IncomingMessage, res: http.ServerResponse) => sendStatic(req, res, { body: post(uploads), type: 'text/html; charset=UTF-8' }));
  site.serve('/wp-content/uploads/2026/03/budget-infographic.png', { body: makePng(800, 6000, [40, 110, 160]), type: 'image/png' });
  site.serve('/wp-content/uploads/2026/03/treasurer.png', { body: makePng(800, 1200, [150, 120, 90]), type: 'image/png' });
  site.serve('/wp-content/uploads/2026/03/cartoon-strip.png', { body: makePng(700, 2800, [230, 220, 180]), type: 'image/png' });
  app = await openApp({ browser, dataDir: tempDir('paperboy-e2e-long-pictures-'), rendererDir, core: { welcome: false } });
  await app.core.api.addFeed(site.url('/feed/'));
  await app.core.api.sync();
  await app.page.reload();
}, 60_000);

afterAll(async () => {
  await app?.close();
  await browser?.close();
  await site?.stop();
  removeTempDirs();
});

const boxOf = async (image: Locator) => {
  await loadedImageWidth(image);
  return (await image.boundingBox())!;
};

it('shows a long picture at the width of the column, to be read by scrolling, and a portrait photo within the window', async () => {
  const { page } = app;
  const $ = ui(page);
  await openArticle(page, TITLE);
  const column = (await $.articleBody.boundingBox())!;
  const viewport = page.viewportSize()!;

  const infographic = $.articleBody.getByRole('img', { name: 'The council’s budget, service by service' });
  const chart = await boxOf(infographic);
  expect(chart.width).toBeCloseTo(Math.min(800, column.width), 0);
  expect(chart.height).toBeCloseTo((chart.width * 6000) / 800, 0);

  // Its tag gave a width alone: the picture's own shape, once loaded, says it is long.
  const strip = $.articleBody.getByRole('img', { name: /A strip cartoon/ });
  await expect.poll(async () => (await boxOf(strip)).width).toBeCloseTo(Math.min(700, column.width), 0);
  expect((await strip.boundingBox())!.height).toBeGreaterThan(viewport.height);

  // A photo, however tall, is still seen whole, within the window (drawn undistorted in its box: object-fit).
  const portrait = await boxOf($.articleBody.getByRole('img', { name: /treasurer outside the town hall/ }));
  expect(portrait.height).toBeLessThanOrEqual(viewport.height * 0.7 + 1);

  // Nothing is wider than the column, so the reader never scrolls sideways.
  expect(await $.reader.evaluate((reader) => reader.scrollWidth <= reader.clientWidth)).toBe(true);
  await infographic.scrollIntoViewIfNeeded();
  await screenshot(page, 'long-picture');
  expect(app.pageErrors).toEqual([]);
});
