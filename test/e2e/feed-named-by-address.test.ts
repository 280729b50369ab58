// A feed whose title is an address (feed generators that write the site's URL into <title>) is
// shown by its host and path, without the scheme and "www.": in the sidebar, with the initial of
// its host, sorted there by that name, at the head of the list and the reader. Shown as sent, it
// was cut to "https://www.kest…" in the sidebar and had the initial H, as every such feed did, and
// sorted among the H's. Through a real sync from a loopback site; screenshot: feed-named-by-address.png.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { rssFeed } from '../support/hostile-sync';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';
import { openApp, type AppSession } from './support/app';
import { launchBrowser, type Browser } from './support/browser';
import { openArticle, ui, waitForText } from './support/pages';
import { buildRendererForTests } from './support/renderer-build';
import { screenshot } from './support/screenshots';

let browser: Browser;
let app: AppSession;
let site: TestServer;

const ADDRESS_TITLE = 'https://www.kestrel-valley-radio.org.uk/news/';
const SHOWN = 'kestrel-valley-radio.org.uk/news';
const STORY = 'Road through the valley reopens after the landslip';

beforeAll(async () => {
  const rendererDir = await buildRendererForTests();
  browser = await launchBrowser({ width: 1280, height: 800 });
  site = await TestServer.start('127.0.95.1');
  const item = (path: string, title: string) =>
    `<item><title>${title}</title><link>${site.url(path)}</link><guid isPermaLink="false">${path}</guid><pubDate>Mon, 02 Mar 2026 07:30:00 +0000</pubDate><description>${title}: the feed’s words, long enough to stand for the article.</description></item>`;
  // A community radio's news feed, as an old plugin writes it: the channel titled with its address.
  site.serve('/news/feed/', { type: 'application/rss+xml; charset=UTF-8', body: rssFeed(ADDRESS_TITLE, [item('/news/road-reopens/', STORY)]) });
  site.serve('/ivy/feed.xml', { type: 'application/rss+xml; charset=UTF-8', body: rssFeed('Ivy Bulletin', [item('/ivy/1', 'Ivy Bulletin story')]) });
  site.serve('/lark/feed.xml', { type: 'application/rss+xml; charset=UTF-8', body: rssFeed('Lark Review', [item('/lark/1', 'Lark Review story')]) });
  site.fallback((_req, res) => void res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>'));
  app = await openApp({ browser, dataDir: tempDir('paperboy-e2e-feed-address-'), rendererDir, core: { welcome: false } });
  for (const path of ['/news/feed/', '/ivy/feed.xml', '/lark/feed.xml']) await app.core.api.addFeed(site.url(path));
  await app.core.api.sync({ fullText: false });
  await app.page.reload();
}, 60_000);

afterAll(async () => {
  await app?.close();
  await browser?.close();
  await site?.stop();
  removeTempDirs();
});

it('shows a feed titled with an address by its host and path, everywhere its name is shown', async () => {
  const { page } = app;
  const $ = ui(page);
  const entry = $.navItem(new RegExp(SHOWN.replaceAll('.', '\\.')));
  await entry.waitFor();
  // In the sidebar: its name and initial from its host, sorted by that name, the address whole in its tooltip.
  const names = await $.sidebar.locator('.sidebar-row.feed .nav-label').allTextContents();
  expect(names).toEqual(['Ivy Bulletin', SHOWN, 'Lark Review']);
  expect(await entry.locator('.feed-initial').textContent()).toBe('K');
  expect(await entry.getAttribute('title')).toContain(ADDRESS_TITLE);

  await entry.click();
  await waitForText($.listTitle, new RegExp(`^${SHOWN}$`));
  expect(await $.row(STORY).locator('.row-feed').textContent()).toBe(SHOWN);
  await openArticle(page, STORY);
  expect(await $.reader.locator('.article-feed').textContent()).toBe(SHOWN);
  await screenshot(page, 'feed-named-by-address');
  expect(app.pageErrors).toEqual([]);
});
