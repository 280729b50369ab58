// After a sync in which feeds failed, the list of failures says each reason with what to do about
// it, whole, on a narrow window (900 x 700): a feed that moved away (404) reads "...: add the site's
// address to find where it is now", where it was cut to "add the site's address to find…". A feed
// titled with an address is named there by its host, as in the sidebar. Through real syncs from a
// loopback site whose feeds fail after the first; screenshot: sync-failure-advice.png.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { rssFeed } from '../support/hostile-sync';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';
import { openApp, type AppSession } from './support/app';
import { launchBrowser, type Browser } from './support/browser';
import { ui } from './support/pages';
import { buildRendererForTests } from './support/renderer-build';
import { screenshot } from './support/screenshots';

let browser: Browser;
let app: AppSession;
let site: TestServer;
/** The site moves its feeds away after the first sync. */
const feeds = { moved: false };

beforeAll(async () => {
  const rendererDir = await buildRendererForTests();
  browser = await launchBrowser({ width: 900, height: 700 });
  site = await TestServer.start('127.0.96.1');
  const item = (path: string, title: string) =>
    `<item><title>${title}</title><link>${site.url(path)}</link><guid isPermaLink="false">${path}</guid><pubDate>Tue, 03 Mar 2026 09:00:00 +0000</pubDate><description>${title}.</description></item>`;
  const channels: Record<string, string> = {
    '/blog/feed/': rssFeed('Millbrook Parish Notes', [item('/blog/fete/', 'Summer fête: volunteers wanted')]),
    '/rss/': rssFeed('https://www.millbrook-choir.org.uk/', [item('/concerts/spring', 'Spring concert in St Mary’s')]),
  };
  site.fallback((req, res) => {
    const body = channels[req.url ?? ''];
    // A new theme on the same site: the old feed addresses answer its "page not found".
    if (!body || feeds.moved) res.writeHead(404, { 'content-type': 'text/html; charset=UTF-8' }).end('<!DOCTYPE html><title>Page not found</title><h1>Oops! That page can’t be found.</h1>');
    else res.writeHead(200, { 'content-type': 'application/rss+xml; charset=UTF-8' }).end(body);
  });
  app = await openApp({ browser, dataDir: tempDir('paperboy-e2e-failure-advice-'), rendererDir, core: { welcome: false } });
  for (const path of Object.keys(channels)) await app.core.api.addFeed(site.url(path));
  await app.core.api.sync({ fullText: false });
  feeds.moved = true;
  await app.page.reload();
}, 60_000);

afterAll(async () => {
  await app?.close();
  await browser?.close();
  await site?.stop();
  removeTempDirs();
});

it('says what to do about each failed feed, whole, naming a feed titled with an address by its host', async () => {
  const { page } = app;
  const $ = ui(page);
  await $.button(/^Sync$/).click();
  const failed = $.syncStatus.getByRole('button', { name: '2 feeds failed' });
  await failed.waitFor({ timeout: 30_000 });
  await failed.click();
  const items = page.getByRole('list', { name: 'Feeds that failed' }).getByRole('listitem');
  const reasons = await items.locator('span').allTextContents();
  const names = await items.locator('strong').allTextContents();
  const moved = "HTTP 404 Not Found: the feed is no longer at this address: add the site's address to find where it is now";
  expect(reasons).toEqual([moved, moved]);
  expect(names.sort()).toEqual(['Millbrook Parish Notes', 'millbrook-choir.org.uk']);
  for (const reason of await items.locator('span').all()) {
    expect(await reason.isVisible()).toBe(true);
    expect(await reason.evaluate((element) => element.scrollWidth <= element.clientWidth && element.scrollHeight <= element.clientHeight + 1)).toBe(true);
  }
  await screenshot(page, 'sync-failure-advice');
  expect(app.pageErrors).toEqual([]);
});
