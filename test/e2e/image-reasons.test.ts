// Each image the sync could not keep says its own reason in its box: an SVG drawing built to
// exhaust what reads it (its entities expand to gigabytes), a 403, a 404, a photo over the size
// limit, a picture whose header declares more pixels than any screen shows, a host that could not
// be reached, images left out of a sync. A formula image in a sentence, its host unreachable,
// keeps its box in the line, holding its TeX. A loopback site with WordPress's full-content feed, synced by the real
// core, read after the site has gone away.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { closedPort } from '../http/helpers';
import { makePng } from '../support/images';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';
import { openApp, type AppSession } from './support/app';
import { launchBrowser, type Browser } from './support/browser';
import { openArticle, ui } from './support/pages';
import { buildRendererForTests } from './support/renderer-build';
import { screenshot } from './support/screenshots';

const REPORT = 'The year in the harbour, in numbers';
const NOTES = 'Notes from the fish market';
const FORMULA = '{\\displaystyle \\sum _{k=1}^{n}b_{k}}';

// A "chart" whose entities, each ten of the one before, expand to a billion words.
const CHART_SVG = `<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE svg [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]>
<svg version="1.1" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 360"><text x="40" y="120">&lol9;</text></svg>`;
const UNREACHABLE = 'Its server could not be reached or was busy; the next sync tries again.';

const PUBLISHED = Date.UTC(2026, 10, 2, 9);

function item(origin: string, title: string, slug: string, hoursBefore: number, body: string): string {
  return `<item><title>${title}</title><link>${origin}/2026/11/${slug}/</link>
<pubDate>${new Date(PUBLISHED - hoursBefore * 3_600_000).toUTCString()}</pubDate>
<dc:creator><![CDATA[Ruth Hale]]></dc:creator><guid isPermaLink="false">${origin}/?p=${hoursBefore + 4100}</guid>
<description><![CDATA[${title}.]]></description>
<content:encoded><![CDATA[${body}]]></content:encoded></item>`;
}

function feed(origin: string, items: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Millbrook Courier</title><link>${origin}/</link><description>News from the harbour</description>${items}</channel></rss>`;
}

const figure = (src: string, alt: string, caption: string) =>
  `<figure class="wp-block-image size-large"><img decoding="async" src="${src}" alt="${alt}"><figcaption class="wp-element-caption">${caption}</figcaption></figure>`;

function reportBody(origin: string, deadOrigin: string): string {
  return [
    `<p>Boats landed more this year than last. Counting the catch of each of the <em>n</em> boats, the total <span class="mwe-math-element"><img src="${deadOrigin}/media/math/render/svg/7c1a.svg" class="mwe-math-fallback-image-inline" aria-hidden="true" alt="${FORMULA}"></span> came to 4,200 tonnes, the harbour master said.</p>`,
    figure(`${origin}/wp-content/uploads/2026/11/quay.png`, 'The quay at dawn', 'The quay at dawn.'),
    figure(`${origin}/wp-content/uploads/2026/11/catch-chart.svg`, 'Catch by month', 'Catch by month, in tonnes.'),
    figure(`${origin}/wp-content/uploads/2026/11/members.jpg`, 'The new trawler', 'The new trawler (photo: members only).'),
    figure(`${origin}/wp-content/uploads/2026/10/old-slipway.jpg`, 'The old slipway', 'The old slipway, since removed.'),
    figure(`${origin}/wp-content/uploads/2026/11/panorama.jpg`, 'A panorama of the harbour', 'The harbour from the lighthouse.'),
    figure(`${origin}/wp-content/uploads/2026/11/chart-of-the-bay.png`, 'A chart of the bay', 'The bay, surveyed in 1890.'),
    figure(`${deadOrigin}/photos/lighthouse.jpg`, 'The lighthouse', 'The lighthouse keeper\'s photograph.'),
    '<p>The council will publish the full figures in the spring.</p>',
  ].join('\n');
}

let browser: Browser;
let site: TestServer;
let app: AppSession;

beforeAll(async () => {
  const rendererDir = await buildRendererForTests();
  browser = await launchBrowser({ width: 1280, height: 1000 });
  site = await TestServer.start();
  const deadOrigin = `http://127.0.0.2:${await closedPort('127.0.0.2')}`;
  site.serve('/wp-content/uploads/2026/11/quay.png', { body: makePng(640, 200, [40, 110, 170]), type: 'image/png' });
  site.serve('/wp-content/uploads/2026/11/catch-chart.svg', { body: CHART_SVG, type: 'image/svg+xml' });
  site.route('/wp-content/uploads/2026/11/members.jpg', (_req, res) => {
    res.writeHead(403, { 'content-type': 'text/html' }).end('<h1>403 Forbidden</h1>');
  });
  // Past the 10 MB a sync keeps of one image.
  site.serve('/wp-content/uploads/2026/11/panorama.jpg', { body: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(11 * 1024 * 1024, 7)]), type: 'image/jpeg' });
  // A few KB whose header declares 20,000 x 20,000 pixels (400 megapixels).
  const chart = makePng(200, 2, [10, 10, 10]);
  chart.writeUInt32BE(20_000, 16);
  chart.writeUInt32BE(20_000, 20);
  site.serve('/wp-content/uploads/2026/11/chart-of-the-bay.png', { body: chart, type: 'image/png' });
  site.serve('/feed/', { body: feed(site.origin, item(site.origin, REPORT, 'year-in-numbers', 1, reportBody(site.origin, deadOrigin))), type: 'application/rss+xml; charset=UTF-8' });
  site.serve('/market/feed/', {
    body: feed(site.origin, item(site.origin, NOTES, 'fish-market', 2, `<p>Prices held at the Saturday market.</p>${figure(`${site.origin}/wp-content/uploads/2026/11/stalls.png`, 'The stalls', 'The stalls at eight.')}`)),
    type: 'application/rss+xml; charset=UTF-8',
  });

  app = await openApp({ browser, dataDir: tempDir('paperboy-e2e-image-reasons-'), rendererDir });
  const report = await app.core.api.addFeed(site.url('/feed/'));
  await app.core.api.sync({ feedIds: [report.feed.id], fullText: false });
  const notes = await app.core.api.addFeed(site.url('/market/feed/'));
  await app.core.api.sync({ feedIds: [notes.feed.id], fullText: false, images: false });
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

const box = (alt: string) => ui(app.page).articleBody.getByRole('img', { name: `Image not saved: ${alt}.`, exact: false });

it('says of each image the sync did not keep why, in its place', async () => {
  await open(REPORT);
  const reasons: [string, string][] = [
    ['Catch by month', 'An SVG drawing Paperboy would not keep: it declares entities made of other entities (a file that expands to gigabytes).'],
    ['The new trawler', 'The site refused it (HTTP 403).'],
    ['The old slipway', 'Not found on the site (HTTP 404).'],
    ['A panorama of the harbour', 'Too large to keep (over 10 MB).'],
    ['A chart of the bay', 'The picture is too large to keep (20,000 × 20,000 pixels).'],
    ['The lighthouse', UNREACHABLE],
  ];
  for (const [alt, reason] of reasons) {
    const placeholder = ui(app.page).articleBody.getByRole('img', { name: `Image not saved: ${alt}. ${reason}` });
    await placeholder.waitFor();
    expect(await placeholder.textContent()).toBe(`Image not saved: ${alt}${reason}`);
  }
  // The photo that was kept shows from the cache; nothing is asked of the web.
  expect(await ui(app.page).articleBody.locator('img[src^="/cache/"], img[src^="paperboy-cache:"]').count()).toBe(1);
  expect(app.foreignRequests).toEqual([]);
  await box('The lighthouse').scrollIntoViewIfNeeded();
  await screenshot(app.page, 'image-reasons');
});

it('keeps a formula image\'s box in its sentence, holding its TeX, with its reason on hover', async () => {
  await open(REPORT);
  const formula = ui(app.page).articleBody.getByRole('img', { name: `Image not saved: ${FORMULA}. ${UNREACHABLE}` });
  await formula.waitFor();
  expect(await formula.textContent()).toBe(FORMULA);
  expect(await formula.getAttribute('title')).toContain(UNREACHABLE);
  // In the line: it starts right after "the total" and the sentence goes on beside it.
  const layout = await formula.evaluate((element) => {
    const paragraph = element.closest('p')!;
    const line = Number.parseFloat(getComputedStyle(paragraph).lineHeight);
    const before = document.createRange();
    before.selectNodeContents(paragraph);
    before.setEndBefore(element);
    const rects = before.getClientRects();
    const lastBefore = rects[rects.length - 1]!;
    const own = element.getClientRects()[0]!;
    return { display: getComputedStyle(element).display, sameLine: Math.abs(own.top - lastBefore.top) < line, line, height: own.height };
  });
  expect(layout.display).toBe('inline');
  expect(layout.sameLine).toBe(true);
  expect(layout.height).toBeLessThan(layout.line);
  await formula.scrollIntoViewIfNeeded();
  await screenshot(app.page, 'image-reasons-inline-formula');
});

it('says images left out of a sync are not downloaded yet', async () => {
  await open(NOTES);
  const stalls = box('The stalls');
  await stalls.waitFor();
  expect(await stalls.textContent()).toContain('Not downloaded yet: images were left out of the sync that saved the article');
  expect(app.foreignRequests).toEqual([]);
});
