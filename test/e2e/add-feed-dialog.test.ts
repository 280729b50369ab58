// The Add feed dialog opens with the address field focused, and a site without a feed is
// explained in one sentence, the addresses tried behind a "Details" toggle (not a red log).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sendStatic, TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';
import { openApp, type AppSession } from './support/app';
import { launchBrowser, type Browser } from './support/browser';
import { ui } from './support/pages';
import { buildRendererForTests } from './support/renderer-build';
import { screenshot } from './support/screenshots';

let browser: Browser;
let site: TestServer;
let app: AppSession;

beforeAll(async () => {
  const rendererDir = await buildRendererForTests();
  browser = await launchBrowser({ width: 1280, height: 800 });
  // A small business's home page: no feed link, and none at the usual places.
  site = (await TestServer.start('127.0.0.3')).route('/', (req, res) =>
    sendStatic(req, res, {
      type: 'text/html; charset=utf-8',
      body: '<!doctype html><html><head><title>Corner Bakery</title></head><body><h1>Corner Bakery</h1><p>Fresh bread every morning.</p></body></html>',
    }),
  );
  app = await openApp({ browser, dataDir: tempDir('paperboy-e2e-add-feed-'), rendererDir });
}, 60_000);

afterAll(async () => {
  await app?.close();
  await browser?.close();
  await site?.stop();
  removeTempDirs();
});

it('focuses the address field, and explains a site without a feed in one sentence', async () => {
  const { page } = app;
  const $ = ui(page);
  await $.button('Add feed').click();
  const field = page.getByRole('textbox', { name: 'Address of a feed or of a site' });
  await field.waitFor();
  expect(await field.evaluate((element) => element === document.activeElement)).toBe(true);

  await page.keyboard.type(site.url('/'));
  await page.keyboard.press('Enter');
  const alert = $.dialog.getByRole('alert');
  await alert.waitFor();
  const details = alert.locator('details');
  expect(await alert.locator('.error-sentence').textContent()).toMatch(/^[^.]*127\.0\.0\.3[^ ]*\.$/);
  expect(await details.evaluate((element: HTMLDetailsElement) => element.open)).toBe(false);
  expect(await alert.getByRole('listitem').first().isVisible()).toBe(false);
  await alert.getByText(/^Details: \d+ addresses tried$/).click();
  const tried = await alert.getByRole('listitem').allTextContents();
  expect(tried.length).toBeGreaterThan(1);
  expect(tried[0]).toContain(site.url('/'));
  await screenshot(page, 'add-feed-no-feed-found');
});
