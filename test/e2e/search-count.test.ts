// A search counts every match: 600 articles mention the word, the list shows the best 200, and
// the header says "600 found, the best 200 shown" (it said "200 found").
import { afterAll, beforeAll, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from '../support/temp';
import { openApp, type AppSession } from './support/app';
import { launchBrowser, type Browser } from './support/browser';
import { generateLibrary } from './support/generated-library';
import { ui, waitForText } from './support/pages';
import { buildRendererForTests } from './support/renderer-build';

let browser: Browser;
let app: AppSession;

beforeAll(async () => {
  const rendererDir = await buildRendererForTests();
  browser = await launchBrowser({ width: 1280, height: 800 });
  const dataDir = tempDir('paperboy-e2e-search-');
  // Every generated article mentions Lisbourne (a town found nowhere else): 3 x 200.
  await generateLibrary(dataDir, [
    { title: 'Harbour Gazette', articles: 200 },
    { title: 'Valley Courier', articles: 200 },
    { title: 'Morning Ledger', articles: 200 },
  ]);
  app = await openApp({ browser, dataDir, rendererDir });
}, 60_000);

afterAll(async () => {
  await app?.close();
  await browser?.close();
  removeTempDirs();
});

it('shows the true number of matches', async () => {
  const { page } = app;
  const $ = ui(page);
  await $.search.fill('lisbourne');
  await waitForText(page.locator('.list-count'), /found/);
  expect(await page.locator('.list-count').textContent()).toBe('600 found, the best 200 shown');
  await $.search.fill('story 199 harbour');
  await waitForText(page.locator('.list-count'), /^1 found$/);
});
