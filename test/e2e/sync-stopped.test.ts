// A sync on a computer with no network: the bar says the one sentence the sync stopped with, in
// full, with nothing else to open, and the feeds keep their state (no failure badge). Real
// servers: the three feeds' sites on a NewsSite, reached by name through the core's resolver, the
// one part replaced (this machine cannot be taken off its network): offline it fails as
// getaddrinfo does. Screenshot: sync-stopped-offline.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { OFFLINE_MESSAGE } from '../../electron/core/sync/network-stop';
import { NewsSite } from '../support/news-site';
import { removeTempDirs, tempDir } from '../support/temp';
import { openApp, type AppSession } from './support/app';
import { launchBrowser, type Browser } from './support/browser';
import { generateLibrary } from './support/generated-library';
import { ui } from './support/pages';
import { buildRendererForTests } from './support/renderer-build';
import { screenshot } from './support/screenshots';

const SITES = ['harbour-gazette.example', 'valley-weather.example', 'tram-news.example'];

let browser: Browser;
let news: NewsSite;
let app: AppSession;
let offline = false;

beforeAll(async () => {
  const rendererDir = await buildRendererForTests();
  browser = await launchBrowser({ width: 1100, height: 700 });
  news = await NewsSite.start({ feeds: 3, itemsPerFeed: 2 });
  const served = new URL(news.feedUrl(0));
  const resolve = async (hostname: string) => {
    if (offline) throw Object.assign(new Error(`getaddrinfo EAI_AGAIN ${hostname}`), { code: 'EAI_AGAIN', syscall: 'getaddrinfo', hostname });
    return [{ address: served.hostname, family: 4 }];
  };
  // Subscribed earlier, with their stories stored: this session's sync is its first look-up of the names.
  const dataDir = tempDir('paperboy-e2e-sync-stopped-');
  await generateLibrary(dataDir, SITES.map((site, i) => {
    const url = new URL(news.feedUrl(i));
    url.hostname = site;
    return { title: site.split('.')[0]!.replace('-', ' '), url: url.href, articles: 3 };
  }));
  app = await openApp({ browser, dataDir, rendererDir, core: { welcome: false, network: { resolve } } });
}, 60_000);

afterAll(async () => {
  await app?.close();
  await browser?.close();
  await news?.stop();
  removeTempDirs();
});

it('says in the bar, whole, that the computer seems offline and nothing changed, and marks no feed failed', async () => {
  const { page } = app;
  const $ = ui(page);
  offline = true;
  await $.button(/^Sync$/).click();
  const sentence = $.syncStatus.getByText(OFFLINE_MESSAGE);
  await sentence.waitFor();
  // The sentence is the whole message: no counts of feeds checked, no note to open for it.
  expect(await $.syncStatus.textContent()).not.toMatch(/feeds? checked|note|failed/);
  expect(await sentence.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
  expect(await page.locator('.nav-item .badge-error, [aria-label*="failed" i]').count()).toBe(0);
  await screenshot(page, 'sync-stopped-offline');
});
