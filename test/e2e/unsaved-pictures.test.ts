// Pictures a real sync could not keep, read offline: one on a host that was down, one larger than
// the sync keeps, one the site refused (403), one kept. Synced by the real core from loopback
// servers, then read after every server has gone: each picture not kept is a quiet box naming it
// (its alt text, its caption under it) and saying why, never the browser's broken-image icon, and
// the reader asks no server for it.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../electron/core/sync/limits';
import { makePng } from '../support/images';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';
import { openApp, type AppSession } from './support/app';
import { launchBrowser, type Browser } from './support/browser';
import { loadedImageWidth, openArticle, ui } from './support/pages';
import { buildRendererForTests } from './support/renderer-build';
import { screenshot } from './support/screenshots';

const TITLE = 'Storm damage along the east arm';
const IMAGE_LIMIT = 200 * 1024;

function post(site: string, gone: string): string {
  const upload = (name: string) => `${site}/wp-content/uploads/2024/11/${name}`;
  return `<p>The storm that passed through on Sunday night took a section of the parapet from the east arm of the harbour wall and left two boats on their sides in the inner basin.</p>
<figure class="wp-block-image size-large"><img decoding="async" width="1200" height="800" src="${upload('east-arm-breach-1200x800.png')}" alt="The gap in the parapet of the east arm" class="wp-image-801"><figcaption class="wp-element-caption">The gap in the parapet on Monday morning.</figcaption></figure>
<p>The harbour master closed the arm to walkers until the trust's engineer has looked at the foundations, which were last surveyed in 2019.</p>
<figure class="wp-block-image size-large"><img decoding="async" width="1200" height="800" src="${gone}/photos/inner-basin-boats.png" alt="Two boats on their sides in the inner basin" class="wp-image-802"><figcaption class="wp-element-caption">Photo: Harbour Trust drone.</figcaption></figure>
<p>Owners were righting their boats on the morning tide, helped by the crew of the lifeboat, who had spent the night checking moorings.</p>
<figure class="wp-block-image size-full"><img decoding="async" width="4000" height="3000" src="${upload('quay-panorama.png')}" alt="" class="wp-image-803"><figcaption class="wp-element-caption">The whole quay from the lighthouse at first light.</figcaption></figure>
<p>The fish market opened as usual, though its roof lost a run of slates on the seaward side.</p>
<figure class="wp-block-image size-large"><img decoding="async" width="1024" height="683" src="${upload('slates-on-the-quay-1024x683.png')}" alt="Slates from the fish market roof on the quay" class="wp-image-804"></figure>
<p>The trust expects to reopen the arm before the end of the month.</p>`;
}

let browser: Browser;
let site: TestServer;
let app: AppSession;

beforeAll(async () => {
  const rendererDir = await buildRendererForTests();
  browser = await launchBrowser({ width: 1280, height: 900 });
  site = await TestServer.start();
  // A host that answered once and is down by the sync: nothing listens at its address.
  const down = await TestServer.start();
  const gone = down.origin;
  await down.stop();
  const link = site.url('/2024/11/storm-damage-east-arm/');
  site.serve('/feed/', {
    type: 'application/rss+xml; charset=UTF-8',
    body: `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Harbour Gazette</title><link>${site.origin}/</link>
<item><title>${TITLE}</title><link>${link}</link><guid isPermaLink="false">${site.url('/?p=800')}</guid><pubDate>Mon, 11 Nov 2024 08:00:00 +0000</pubDate><content:encoded><![CDATA[${post(site.origin, gone)}]]></content:encoded></item></channel></rss>`,
  });
  site.serve('/2024/11/storm-damage-east-arm/', {
    type: 'text/html; charset=UTF-8',
    body: `<!DOCTYPE html><html lang="en-GB"><head><meta charset="UTF-8"><title>${TITLE} &#8211; Harbour Gazette</title></head><body class="single single-post">
<header class="site-header"><p class="site-title"><a href="/">Harbour Gazette</a></p></header>
<main class="site-main"><article class="post-800 post type-post"><h1 class="entry-title">${TITLE}</h1><div class="entry-content">${post(site.origin, gone)}</div></article></main>
<footer class="site-footer"><p>Harbour Gazette, Quay Street</p></footer></body></html>`,
  });
  site.serve('/wp-content/uploads/2024/11/east-arm-breach-1200x800.png', { body: makePng(1200, 800, [90, 120, 150]), type: 'image/png' });
  // Larger than the sync keeps: a panorama's original upload.
  site.serve('/wp-content/uploads/2024/11/quay-panorama.png', { body: Buffer.concat([makePng(4000, 3000, [120, 140, 160]), Buffer.alloc(IMAGE_LIMIT)]), type: 'image/png' });
  // Refused: a host that allows its pictures to be shown only on its own pages, and says so to others.
  site.serve('/wp-content/uploads/2024/11/slates-on-the-quay-1024x683.png', { status: 403, body: '<html><body><h1>403 Forbidden</h1></body></html>', type: 'text/html' });

  app = await openApp({ browser, dataDir: tempDir('paperboy-e2e-unsaved-pictures-'), rendererDir, core: { limits: { ...DEFAULT_LIMITS, imageBytes: IMAGE_LIMIT } } });
  await app.core.api.addFeed(site.url('/feed/'));
  const summary = await app.core.api.sync();
  if (summary.feedsFailed !== 0) throw new Error(`sync: ${JSON.stringify(summary)}`);
  // Read offline: every server has gone.
  await site.stop();
  await app.page.reload();
}, 90_000);

afterAll(async () => {
  await app?.close();
  await browser?.close();
  removeTempDirs();
});

it('shows each picture it could not keep as a box with its alt text or caption and why, not a broken image, and asks no server for it', async () => {
  await openArticle(app.page, TITLE);
  const body = ui(app.page).articleBody;
  const boxes = body.locator('.image-missing');
  await boxes.first().waitFor();
  expect(await boxes.evaluateAll((found) => found.map((box) => box.getAttribute('aria-label')))).toEqual([
    expect.stringMatching(/^Image not saved: Two boats on their sides in the inner basin\. Its server could not be reached/),
    expect.stringMatching(/^Image not saved\. Too large to keep \(over 200 KB\)\./),
    expect.stringMatching(/^Image not saved: Slates from the fish market roof on the quay\. The site refused it \(HTTP 403\)\./),
  ]);
  // Each box is where its picture was, its caption still under it.
  const captionAfterBox = await boxes.evaluateAll((found) => found.map((box) => box.closest('figure')?.querySelector('figcaption')?.textContent ?? null));
  expect(captionAfterBox).toEqual(['Photo: Harbour Trust drone.', 'The whole quay from the lighthouse at first light.', null]);
  // The one picture kept is shown from the cache; no <img> is shown without a file (a broken-image icon).
  const shownImages = body.locator('img:visible');
  expect(await shownImages.count()).toBe(1);
  expect(await shownImages.first().getAttribute('src')).toMatch(/^\/cache\/[0-9a-f]{64}$/);
  expect(await loadedImageWidth(shownImages.first())).toBe(1200);
  const broken = await body.locator('img').evaluateAll((images) => (images as HTMLImageElement[]).filter((image) => image.checkVisibility() && (!image.complete || image.naturalWidth === 0)).length);
  expect(broken).toBe(0);
  // A box is a box, not a sliver: it has room for its words.
  for (const box of await boxes.all()) expect((await box.boundingBox())!.height).toBeGreaterThan(30);
  await boxes.nth(0).scrollIntoViewIfNeeded();
  await screenshot(app.page, 'unsaved-pictures-dead-host');
  await boxes.nth(2).scrollIntoViewIfNeeded();
  await screenshot(app.page, 'unsaved-pictures-too-large-and-refused');
  expect(app.foreignRequests).toEqual([]);
  expect(app.pageErrors).toEqual([]);
});
