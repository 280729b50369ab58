// After a sync with failures: a summary that names each failed feed with one short reason and what
// to do (not a tooltip repeating "connection refused"), each with its details. A site whose server
// is down, refusing every feed synced, is said as that, never as the computer being offline: only
// the core says that, when it stops the sync (e2e/sync-stopped). Screenshots: sync-failure-summary,
// sync-site-down.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { NewsSite } from '../support/news-site';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';
import { openApp, type AppSession } from './support/app';
import { launchBrowser, type Browser } from './support/browser';
import { generateLibrary } from './support/generated-library';
import { ui } from './support/pages';
import { buildRendererForTests } from './support/renderer-build';
import { screenshot } from './support/screenshots';

let browser: Browser;
let news: NewsSite;
let app: AppSession;

beforeAll(async () => {
  const rendererDir = await buildRendererForTests();
  browser = await launchBrowser({ width: 1280, height: 800 });
  news = await NewsSite.start({ feeds: 1, itemsPerFeed: 2 });
  // A port nothing listens on any more: connections are refused.
  const gone = await TestServer.start('127.0.0.2');
  const closed = gone.url('/feed.xml');
  await gone.stop();
  const dataDir = tempDir('paperboy-e2e-sync-summary-');
  await generateLibrary(dataDir, [
    { title: 'Working Times', url: news.feedUrl(0), articles: 0 },
    ...['Closed Chronicle', 'Dead Dispatch', 'Silent Herald'].map((title, i) => ({ title, url: `${closed}?${i}`, articles: 0, folder: 'Unreachable' })),
  ]);
  app = await openApp({ browser, dataDir, rendererDir });
}, 60_000);

afterAll(async () => {
  await app?.close();
  await browser?.close();
  await news?.stop();
  removeTempDirs();
});

const REFUSED = 'Connection refused: the site may be down, and Paperboy tries again at the next sync';

it('names each failed feed with a short reason, and opens its details', async () => {
  const { page } = app;
  const $ = ui(page);
  await $.button(/^Sync$/).click();
  const failed = $.syncStatus.getByRole('button', { name: '3 feeds failed' });
  await failed.waitFor();
  await failed.click();
  const list = page.getByRole('list', { name: 'Feeds that failed' });
  expect((await list.getByRole('listitem').allTextContents()).map((text) => text.replace('Details', ''))).toEqual([
    `Closed Chronicle${REFUSED}`,
    `Dead Dispatch${REFUSED}`,
    `Silent Herald${REFUSED}`,
  ]);
  expect(await $.syncStatus.textContent()).not.toContain('seem to be offline');
  await screenshot(page, 'sync-failure-summary');

  await list.getByRole('button', { name: 'Details of Dead Dispatch' }).click();
  const dialog = page.getByRole('dialog', { name: /Properties of “Dead Dispatch”/ });
  expect(await dialog.textContent()).toMatch(/connection refused/i);
  await page.keyboard.press('Escape');
});

it('says a site whose server is down refused its feeds, not that the computer is offline', async () => {
  const { page } = app;
  const $ = ui(page);
  await $.navItem(/^Unreachable/).click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Sync this folder' }).click();
  // Every feed of this sync failed without reaching a server: one site's server is down. (The folder's
  // three feeds: the last sync checked four.)
  await $.syncStatus.getByText(/^Sync finished: 3 feeds checked/).waitFor();
  const failed = $.syncStatus.getByRole('button', { name: '3 feeds failed' });
  expect(await $.syncStatus.textContent()).not.toMatch(/offline/i);
  // The last sync's list of failures, left open, is not shown under this one's summary.
  expect(await page.getByRole('list', { name: 'Feeds that failed' }).count()).toBe(0);
  await failed.click();
  const reasons = page.getByRole('list', { name: 'Feeds that failed' }).getByRole('listitem').locator('span');
  expect(await reasons.allTextContents()).toEqual([REFUSED, REFUSED, REFUSED]);
  for (const reason of await reasons.all()) expect(await reason.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
  await screenshot(page, 'sync-site-down');
});

it("lists the sync's notes whole when asked, instead of cutting each in the status bar", async () => {
  const { page } = app;
  const $ = ui(page);
  await $.button(/^Sync$/).click();
  const notes = $.syncStatus.getByRole('button', { name: /^\d+ notes?$/ });
  await notes.waitFor();
  expect(await $.syncStatus.textContent()).not.toContain('unreachable');
  await notes.click();
  const list = page.getByRole('list', { name: 'Notes from the sync' });
  expect(await list.getByRole('listitem').first().textContent()).toMatch(/^127\.0\.0\.2:\d+ unreachable \(connection refused\): .+, tried again next sync$/);
});
