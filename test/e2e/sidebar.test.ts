// The sidebar with many feeds: names sorted as people count, feeds of the same name told apart
// by their host (here and in Settings), long names with a tooltip, one Tab stop with arrow keys
// inside; ten thousand feeds put only the rows in view in the DOM. Screenshot: 50 feeds in folders.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from '../support/temp';
import { openApp, type AppSession } from './support/app';
import { launchBrowser, type Browser } from './support/browser';
import { generateLibrary, type GeneratedFeed } from './support/generated-library';
import { ui, waitForText } from './support/pages';
import { buildRendererForTests } from './support/renderer-build';
import { screenshot } from './support/screenshots';

let browser: Browser;
let rendererDir: string;
let app: AppSession | null = null;

const FOLDERS = ['Business', 'Politics', 'Science', 'Technology', 'World'];

/** 50 feeds in 5 folders: "desk 1" to "desk 8" per folder, and two pairs sharing a name. */
function fiftyFeeds(): GeneratedFeed[] {
  const feeds: GeneratedFeed[] = [];
  for (const folder of FOLDERS) {
    for (const desk of [1, 2, 3, 8, 9, 10, 15, 20]) feeds.push({ title: `${folder} desk ${desk}`, articles: desk % 4, folder });
  }
  feeds.push({ title: 'News', url: 'https://www.bbc.invalid/news/rss.xml', articles: 2, folder: 'World' });
  feeds.push({ title: 'News', url: 'https://dw.invalid/rss/en.xml', articles: 3, folder: 'World' });
  feeds.push({ title: 'The Extraordinarily Long-Named Evening Chronicle of Harbour Town', articles: 1 });
  for (let i = feeds.length; i < 50; i++) feeds.push({ title: `Local paper ${i}`, articles: 1 });
  return feeds;
}

beforeAll(async () => {
  rendererDir = await buildRendererForTests();
  browser = await launchBrowser({ width: 1280, height: 800 });
}, 60_000);

afterAll(async () => {
  await app?.close();
  await browser?.close();
  removeTempDirs();
});

describe('fifty feeds in folders', () => {
  beforeAll(async () => {
    const dataDir = tempDir('paperboy-e2e-sidebar-');
    await generateLibrary(dataDir, fiftyFeeds());
    app = await openApp({ browser, dataDir, rendererDir });
  }, 30_000);

  it('sorts naturally, tells same-named feeds apart, and gives long names a tooltip', async () => {
    const { page } = app!;
    const $ = ui(page);
    await $.navItem(/Business desk 20/).waitFor();
    const labels = await page.locator('.folder + .feed .nav-label, .sidebar-row.feed .nav-label').allTextContents();
    const business = labels.filter((label) => label.startsWith('Business desk'));
    expect(business).toEqual([1, 2, 3, 8, 9, 10, 15, 20].map((desk) => `Business desk ${desk}`));
    await screenshot(page, 'sidebar-50-feeds-in-folders');
    // World's feeds are further down (rows out of view are not in the DOM until the scroll is drawn).
    await page.locator('.subscriptions').evaluate((element) => (element.scrollTop = element.scrollHeight));
    await expect.poll(() => $.navItem(/News bbc\.invalid/).count()).toBe(1);
    await expect.poll(() => $.navItem(/News dw\.invalid/).count()).toBe(1);
    const long = $.navItem(/Extraordinarily Long-Named/);
    await long.waitFor();
    expect(await long.getAttribute('title')).toContain('The Extraordinarily Long-Named Evening Chronicle of Harbour Town');
    await screenshot(page, 'sidebar-50-feeds-scrolled');
  });

  it('is one Tab stop, with arrow keys inside', async () => {
    const { page } = app!;
    const $ = ui(page);
    const tabbable = await $.sidebar.evaluate(
      (nav) => Array.from(nav.querySelectorAll<HTMLElement>('button, [tabindex]')).filter((element) => element.tabIndex >= 0 && !element.hasAttribute('disabled')).length,
    );
    // The entry of the shown view, and the New folder button.
    expect(tabbable).toBe(2);
    await $.navItem(/^All articles/).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Starred/);
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await waitForText($.listTitle, /Welcome to Paperboy/);
    // Left on a feed in a folder goes to its folder; Left again folds it.
    await $.navItem(/World desk 3/).focus();
    await page.keyboard.press('ArrowLeft');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^World/);
    await page.keyboard.press('ArrowLeft');
    await $.navItem(/World desk 3/).waitFor({ state: 'detached' });
    await page.keyboard.press('ArrowRight');
    await $.navItem(/World desk 3/).waitFor();
  });

  it('names the hosts of same-named feeds in Settings, so Remove says which', async () => {
    const { page } = app!;
    const $ = ui(page);
    await $.button('Settings').click();
    await page.getByRole('button', { name: 'Remove News (dw.invalid)' }).click();
    await page.getByRole('button', { name: 'Really remove News (dw.invalid)?' }).click();
    await expect.poll(async () => (await app!.core.api.listFeeds()).filter((feed) => feed.title === 'News').map((feed) => feed.url)).toEqual([
      'https://www.bbc.invalid/news/rss.xml',
    ]);
    await page.keyboard.press('Escape');
  });
});

describe('ten thousand feeds', () => {
  beforeAll(async () => {
    await app?.close();
    const dataDir = tempDir('paperboy-e2e-sidebar-big-');
    await generateLibrary(dataDir, Array.from({ length: 10_000 }, (_, i) => ({ title: `Feed ${i + 1}`, articles: 0 })));
    app = await openApp({ browser, dataDir, rendererDir });
  }, 60_000);

  it('puts only the rows in view in the DOM, and reaches the last feed by scrolling or by End', async () => {
    const { page } = app!;
    const $ = ui(page);
    await $.navItem(/^Feed 1$/).waitFor();
    expect(await page.locator('.sidebar-row').count()).toBeLessThan(100);
    await page.locator('.subscriptions').evaluate((element) => (element.scrollTop = element.scrollHeight));
    await $.navItem(/^Feed 10000$/).waitFor();
    expect(await page.locator('.sidebar-row').count()).toBeLessThan(100);
    await $.navItem(/^All articles/).focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('End');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toMatch(/^WWelcome to Paperboy/);
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('FFeed 10000'); // the initial of its icon, then its name
  });
});
