// Add feed on a WordPress category page, which names the posts' feed, the comments' and the
// category's: the dialog lists the three as radio buttons, titles first and addresses under them,
// the category's own feed checked and focused, the comments last; nothing is subscribed until one
// is chosen. Chosen with the keyboard alone, that one is subscribed to, and only that one.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { HARBOUR, serveHarbourNotes } from '../support/feed-choice-sites';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';
import { openApp, type AppSession } from './support/app';
import { launchBrowser, type Browser } from './support/browser';
import { ui, waitForText } from './support/pages';
import { buildRendererForTests } from './support/renderer-build';
import { screenshot } from './support/screenshots';

let browser: Browser;
let site: TestServer;
let app: AppSession;

beforeAll(async () => {
  const rendererDir = await buildRendererForTests();
  browser = await launchBrowser({ width: 1280, height: 800 });
  site = await TestServer.start('127.0.0.5');
  serveHarbourNotes(site);
  app = await openApp({ browser, dataDir: tempDir('paperboy-e2e-feed-choice-'), rendererDir, core: { welcome: false } });
}, 60_000);

afterAll(async () => {
  await app?.close();
  await browser?.close();
  await site?.stop();
  removeTempDirs();
});

it('offers the feeds a page names as a list, and subscribes to the one chosen with the keyboard', async () => {
  const { page } = app;
  const $ = ui(page);
  await $.button('Add feed').click();
  await page.getByRole('textbox', { name: 'Address of a feed or of a site' }).waitFor();
  await page.keyboard.type(site.url(HARBOUR.category));
  await page.keyboard.press('Enter');

  const list = $.dialog.getByRole('group', { name: `${site.url(HARBOUR.category)} names 3 feeds. Which one?` });
  await list.waitFor();
  const radios = list.getByRole('radio');
  expect(await radios.evaluateAll((inputs: HTMLInputElement[]) => inputs.map((input) => [input.closest('label')!.querySelector('.feed-choice-title')!.textContent, input.value, input.checked]))).toEqual([
    ['Ferries – Harbour Notes', site.url(HARBOUR.categoryFeed), true],
    ['Harbour Notes', site.url(HARBOUR.posts), false],
    ['Comments for Harbour Notes', site.url(HARBOUR.comments), false],
  ]);
  // The checked one has focus, so the arrows move through the list at once.
  expect(await radios.first().evaluate((input) => input === document.activeElement)).toBe(true);
  await expect(list.locator('.feed-choice-about').nth(2).textContent()).resolves.toMatch(/^Comments · 3 comments · latest /);
  // Nothing is subscribed while the person chooses.
  expect((await app.core.api.listFeeds()).map((feed) => feed.url)).toEqual([]);
  expect(await $.dialog.getByRole('button', { name: 'Subscribe to the chosen feed' }).isVisible()).toBe(true);
  await screenshot(page, 'add-feed-choice');

  await page.keyboard.press('ArrowDown');
  expect(await radios.nth(1).isChecked()).toBe(true);
  await page.keyboard.press('Enter');
  await waitForText($.dialog.getByRole('status'), /^Subscribed to Harbour Notes \(4 articles\)\./);
  expect(await list.count()).toBe(0);
  // The focus the list had goes back to the address field, not to the page behind the dialog.
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('add-feed-url');
  expect((await app.core.api.listFeeds()).map((feed) => feed.url)).toEqual([site.url(HARBOUR.posts)]);
  await screenshot(page, 'add-feed-choice-subscribed');
  expect(app.pageErrors).toEqual([]);
  expect(app.foreignRequests).toEqual([]);
});
