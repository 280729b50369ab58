// Sync pressed right after unsubscribing from a big feed: the feed's thousands of articles are
// still being deleted, and that deletion holds the data folder. The sync waits for it instead of
// being refused, the status bar says why nothing moves yet, and Cancel meanwhile ends the sync
// before it began (it used to do nothing, and the sync ran once the deletion ended).
// Screenshot: the status bar while the sync waits.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Core } from '../../electron/core/core';
import type { IncomingItem } from '../../electron/core/storage';
import { rssFeed, rssItem } from '../support/hostile-sync';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';
import { item } from '../storage/items';
import { openApp, type AppSession } from './support/app';
import { launchBrowser, type Browser } from './support/browser';
import { ui, waitForText } from './support/pages';
import { screenshot } from './support/screenshots';
import { buildRendererForTests } from './support/renderer-build';

/** Enough that deleting them (in slices, on a writer thread) takes a second on an idle machine,
 *  where the clicks from Unsubscribe to Cancel take about 0.3 s. */
const ARTICLES = 40_000;
const WORDS = ['harbour', 'quay', 'ferry', 'council', 'market', 'tender', 'budget', 'timber', 'lantern', 'stone'];

let browser: Browser;
let server: TestServer;
let app: AppSession;

beforeAll(async () => {
  const rendererDir = await buildRendererForTests();
  browser = await launchBrowser({ width: 1280, height: 800 });
  server = await TestServer.start('127.0.36.7');
  server.route('/valley.xml', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.end(rssFeed('Valley Courier', [rssItem('v1', 'Valley fair opens on Saturday')]));
  });
  // Written straight through the storage layer before the app opens the folder (as generated-library.ts does).
  const dataDir = tempDir('paperboy-e2e-sync-after-unsubscribe-');
  const seeding = new Core({ dataDir, workers: 1, welcome: false });
  seeding.storage.feeds.add({ url: server.url('/valley.xml'), title: 'Valley Courier', siteUrl: null, description: null, folderId: null });
  const harbour = seeding.storage.feeds.add({ url: server.url('/harbour.xml'), title: 'Harbour Gazette', siteUrl: null, description: null, folderId: null });
  const items: IncomingItem[] = Array.from({ length: ARTICLES }, (_, i) => {
    const text = Array.from({ length: 120 }, (_, w) => WORDS[(i * 7 + w * 3) % WORDS.length]).join(' ');
    return item({ title: `Harbour story ${i}`, feedText: text, feedHtml: `<p>${text}</p>`, publishedAt: Date.now() - i * 60_000 });
  });
  seeding.storage.articles.upsertFeedItems(harbour, items);
  await seeding.close();
  app = await openApp({ browser, dataDir, rendererDir, core: { welcome: false } });
}, 120_000);

afterAll(async () => {
  await app?.close();
  await browser?.close();
  await server?.stop();
  removeTempDirs();
});

it('waits for a removed feed’s deletion, says so, and is cancelled before it begins', async () => {
  const { page } = app;
  const $ = ui(page);
  await $.navItem(/Harbour Gazette/).click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Unsubscribe…' }).click();
  await page.getByRole('dialog', { name: 'Unsubscribe' }).getByRole('button', { name: 'Unsubscribe' }).click();
  await $.navItem(/Harbour Gazette/).waitFor({ state: 'detached' });
  await $.button(/^Sync$/).click();

  await waitForText($.syncStatus, /Deleting a removed feed’s articles first…/);
  await screenshot(page, 'sync-waits-for-removal');
  await $.syncStatus.getByRole('button', { name: 'Cancel' }).click();
  // Nothing was fetched: the sync never began, and its summary counts nothing.
  await waitForText($.syncStatus, /Sync cancelled before anything was fetched \(\d+\.\d s\)/);
  await screenshot(page, 'sync-cancelled-before-start');
  expect(server.requestsFor('/valley.xml')).toEqual([]);

  // Once the deletion has ended, Sync runs at once.
  await app.core.idle();
  await $.button(/^Sync$/).click();
  await waitForText($.syncStatus, /Sync finished: 1 feed checked, 1 new article/);
  expect(server.requestsFor('/valley.xml')).toHaveLength(1);
  expect(await app.core.api.listArticles({ filter: { kind: 'all' } })).toMatchObject({ total: 1, articles: [{ title: 'Valley fair opens on Saturday' }] });
}, 120_000);
