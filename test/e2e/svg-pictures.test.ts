// SVG pictures, read offline: a newsroom's chart (a viewBox and width="100%", no size of its own),
// an icon drawn from its sprite's <symbol> with <use>, and a hostile "map" (script, onload,
// foreignObject with HTML and script, a javascript: link, an outside picture, an animation that
// sets a handler), each with a beacon on 127.0.0.9 that counts any request. Synced by the real
// core from a loopback site, then read after the site has gone away: the chart spans the column
// at its proportions, the icon stays icon-sized in its sentence, the map is drawn without its
// script, and opened as a page of its own it still runs nothing and asks for nothing.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';
import { openApp, type AppSession } from './support/app';
import { launchBrowser, type Browser } from './support/browser';
import { loadedImageWidth, openArticle, ui } from './support/pages';
import { colourShare } from './support/pixels';
import { buildRendererForTests } from './support/renderer-build';
import { screenshot } from './support/screenshots';

const TITLE = 'Catch figures: a smaller fleet lands more';

// As a newsroom's D3 chart is saved: no width or height of its own, only a viewBox.
const CHART = `<svg xmlns="http://www.w3.org/2000/svg" width="100%" viewBox="0 0 640 320" font-family="Helvetica, Arial, sans-serif" role="img" aria-labelledby="t">
<title id="t">Tonnes landed per year</title>
<defs><linearGradient id="bar" x1="0" x2="0" y1="0" y2="1"><stop offset="0" stop-color="#0b6e4f"/><stop offset="1" stop-color="#0b6e4f" stop-opacity="0.85"/></linearGradient></defs>
<style>.axis { stroke: #444; stroke-width: 2 } .year { font-size: 18px; fill: #222 }</style>
<rect width="640" height="320" fill="#f4f1e8"/>
<line class="axis" x1="40" y1="280" x2="620" y2="280"/>
<rect x="80" y="140" width="120" height="140" fill="url(#bar)"/><rect x="260" y="100" width="120" height="180" fill="url(#bar)"/><rect x="440" y="40" width="120" height="240" fill="url(#bar)"/>
<text class="year" x="140" y="306" text-anchor="middle">2022</text><text class="year" x="320" y="306" text-anchor="middle">2023</text><text class="year" x="500" y="306" text-anchor="middle">2024</text>
</svg>`;

// An icon set's sprite as Font Awesome and Octicons ship it: one <symbol>, drawn by <use>.
const ANCHOR_ICON = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 24 24">
<symbol id="anchor" viewBox="0 0 24 24"><path fill="#1d3557" d="M12 2a3 3 0 0 0-1 5.83V9H8v2h3v8.9A7 7 0 0 1 5 13H3a9 9 0 0 0 18 0h-2a7 7 0 0 1-6 6.9V11h3V9h-3V7.83A3 3 0 0 0 12 2z"/></symbol>
<use xlink:href="#anchor"/></svg>`;

/** A map with every way an SVG runs script or calls home; each would change the title or reach the beacon. */
const hostileMap = (beacon: string) => `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="400" height="200" viewBox="0 0 400 200" onload="document.title='owned by onload'; fetch('${beacon}/onload')">
<script>document.title = 'owned by script'; new Image().src = '${beacon}/script';</script>
<foreignObject width="400" height="200"><div xmlns="http://www.w3.org/1999/xhtml"><img src="${beacon}/foreign.png"/><script>document.title='owned by foreignObject'</script></div></foreignObject>
<rect width="400" height="200" fill="#c1121f"/>
<a xlink:href="javascript:document.title='owned by link'"><circle cx="200" cy="100" r="60" fill="#fdf0d5"/></a>
<image href="${beacon}/track.png" x="0" y="0" width="10" height="10"/>
<use href="${beacon}/sprite.svg#pin"/>
<set attributeName="onmouseover" to="document.title='owned by set'"/>
<style>@import url(${beacon}/style.css); rect { filter: url(${beacon}/filter.svg#f) }</style>
</svg>`;

const p = (text: string) => `<p>${text}</p>`;
const page = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${TITLE} | Harbour Gazette</title></head>
<body><header class="masthead"><a href="/">Harbour Gazette</a></header>
<main><article><h1>${TITLE}</h1>
${p('Eleven boats work out of the harbour now, where there were thirty when the fish market was built; between them they landed more fish last year than in any year since the market opened.')}
<figure class="chart"><img src="/graphics/tonnes-landed.svg" alt="Tonnes landed per year, 2022 to 2024"><figcaption>Tonnes landed per year. Source: the harbour trust.</figcaption></figure>
${p('The trust puts it down to the boats going further out: the inshore grounds are fished out by August, and the skippers who can now follow the mackerel past the point.')}
${p(`Boats moored at the north quay <img src="/icons/anchor.svg" alt="anchor" class="icon"> pay the lower fee through the winter, which the trust says keeps the smallest of them working.`)}
<figure><img src="/graphics/harbour-map.svg" alt="Map of the harbour and its two quays"><figcaption>The harbour and its two quays.</figcaption></figure>
${p('The council will decide in March whether the market opens on Sundays through the winter, so that the boats that go out on Saturday night have somewhere to land.')}
</article></main><footer><p>Harbour Gazette</p></footer></body></html>`;

let browser: Browser;
let site: TestServer;
let beacon: TestServer;
let app: AppSession;
/** The map as its site served it, opened as a page: the control that proves the watch catches script. */
let unsafeControl: { title: string; beaconRequests: number };

beforeAll(async () => {
  const rendererDir = await buildRendererForTests();
  browser = await launchBrowser({ width: 1280, height: 900 });
  beacon = await TestServer.start('127.0.0.9');
  for (const path of ['/onload', '/script', '/foreign.png', '/track.png', '/sprite.svg', '/style.css', '/filter.svg']) beacon.serve(path, { body: 'x', type: 'text/plain' });
  site = await TestServer.start();
  site.serve('/graphics/tonnes-landed.svg', { body: CHART, type: 'image/svg+xml' });
  site.serve('/icons/anchor.svg', { body: ANCHOR_ICON, type: 'image/svg+xml' });
  site.serve('/graphics/harbour-map.svg', { body: hostileMap(beacon.origin), type: 'image/svg+xml' });
  site.serve('/2026/03/catch-figures/', { body: page, type: 'text/html; charset=utf-8' });
  site.serve('/feed/', {
    body: `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Harbour Gazette</title><link>${site.origin}/</link>
<item><title>${TITLE}</title><link>${site.origin}/2026/03/catch-figures/</link><guid isPermaLink="false">catch-figures</guid><pubDate>Mon, 02 Mar 2026 07:00:00 +0000</pubDate><description>Eleven boats work out of the harbour now.</description></item></channel></rss>`,
    type: 'application/rss+xml; charset=utf-8',
  });

  // The control: the map as served, opened in a page of the site, runs its script and calls the beacon.
  const control = await browser.context.newPage();
  await control.goto(site.url('/graphics/harbour-map.svg'));
  await control.waitForFunction(() => document.title.startsWith('owned'));
  for (const started = Date.now(); beacon.requests.length === 0 && Date.now() - started < 5000; ) await new Promise((resolve) => setTimeout(resolve, 50));
  unsafeControl = { title: await control.title(), beaconRequests: beacon.requests.length };
  await control.close();
  beacon.requests.length = 0;

  app = await openApp({ browser, dataDir: tempDir('paperboy-e2e-svg-pictures-'), rendererDir });
  await app.core.api.addFeed(site.url('/feed/'));
  const summary = await app.core.api.sync();
  if (summary.feedsFailed !== 0) throw new Error(`sync: ${JSON.stringify(summary)}`);
  // Read offline: whatever the reader shows comes from the cache.
  await site.stop();
  await app.page.reload();
}, 90_000);

afterAll(async () => {
  await app?.close();
  await beacon?.stop();
  await browser?.close();
  removeTempDirs();
});

const picture = (alt: RegExp) => ui(app.page).articleBody.getByRole('img', { name: alt });

it('shows the chart across the column at its proportions, the icon at its own size, the map without its script', async () => {
  expect(unsafeControl.title).toMatch(/^owned/);
  expect(unsafeControl.beaconRequests).toBeGreaterThan(0);
  const { page } = app;
  await openArticle(page, TITLE);
  const chart = picture(/^Tonnes landed per year/);
  const icon = picture(/^anchor$/);
  const map = picture(/^Map of the harbour/);
  for (const image of [chart, icon, map]) {
    await image.scrollIntoViewIfNeeded();
    expect(await image.getAttribute('src')).toMatch(/^\/cache\/[0-9a-f]{64}$/);
    expect(await loadedImageWidth(image)).toBeGreaterThan(0);
  }
  const column = (await ui(page).articleBody.boundingBox())!;
  const chartBox = (await chart.boundingBox())!;
  // Neither a 300 x 150 box nor taller than the window: the column's width at 2:1.
  expect(chartBox.width).toBeGreaterThan(column.width * 0.9);
  expect(chartBox.width / chartBox.height).toBeCloseTo(2, 1);
  const iconBox = (await icon.boundingBox())!;
  expect(iconBox.width).toBe(24);
  expect(iconBox.height).toBe(24);
  // Drawn, not an empty box: the chart's bars are its green, the map's rectangle its red.
  await chart.scrollIntoViewIfNeeded();
  expect(await colourShare(page, (await chart.boundingBox())!, [11, 110, 79])).toBeGreaterThan(0.1);
  await screenshot(page, 'svg-pictures-chart-and-icon');
  await map.scrollIntoViewIfNeeded();
  expect(await colourShare(page, (await map.boundingBox())!, [193, 18, 31])).toBeGreaterThan(0.4);
  await screenshot(page, 'svg-pictures-hostile-map');

  expect(await page.title()).not.toMatch(/owned/);
  expect(beacon.requests.map((request) => request.path)).toEqual([]);
  expect(app.foreignRequests).toEqual([]);
  expect(app.pageErrors).toEqual([]);
}, 90_000);

it('runs nothing and asks for nothing when the cached map is opened as a page of its own', async () => {
  await openArticle(app.page, TITLE);
  const src = (await picture(/^Map of the harbour/).getAttribute('src'))!;
  const opened = await browser.context.newPage();
  const asked: string[] = [];
  opened.on('request', (request) => asked.push(request.url()));
  const response = (await opened.goto(`${app.server.origin}${src}`))!;
  expect(response.headers()['content-type']).toBe('image/svg+xml');
  expect(response.headers()['x-content-type-options']).toBe('nosniff');
  expect(response.headers()['content-security-policy']).toContain("default-src 'none'");
  // Time for an onload, a script or a timer to have run.
  await opened.waitForTimeout(500);
  expect(await opened.title()).not.toMatch(/owned/);
  expect(await opened.evaluate(() => document.documentElement.outerHTML).catch(() => 'no script may run here')).not.toMatch(/<script|onload|foreignObject|127\.0\.0\.9/);
  await opened.close();
  expect(asked).toEqual([`${app.server.origin}${src}`]);
  expect(beacon.requests.map((request) => request.path)).toEqual([]);
}, 60_000);
