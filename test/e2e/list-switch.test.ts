// Switching feeds after reading far down a long list: the new list must show its first rows at
// once (it used to come up blank, scrolled to where the old list had been, until a scroll).
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
  const dataDir = tempDir('paperboy-e2e-switch-');
  await generateLibrary(dataDir, [
    { title: 'Harbour Gazette', articles: 60 },
    { title: 'Valley Courier', articles: 30 },
  ]);
  app = await openApp({ browser, dataDir, rendererDir });
}, 60_000);

afterAll(async () => {
  await app?.close();
  await browser?.close();
  removeTempDirs();
});

it('shows the new feed’s first rows after an article deep in another feed was opened', async () => {
  const { page } = app;
  const $ = ui(page);
  await $.navItem(/Harbour Gazette/).click();
  await $.row(/Story 59 of Harbour Gazette/).waitFor();
  // Down the list, as a reader gets there: with the keys, one article after another.
  await $.row(/Story 59 of Harbour Gazette/).click();
  for (let i = 0; i < 25; i++) await page.keyboard.press('j');
  await waitForText($.articleTitle, /Story 34 of Harbour Gazette/);
  expect(await $.list.evaluate((list) => list.scrollTop)).toBeGreaterThan(0);

  await $.navItem(/Valley Courier/).click();
  await waitForText($.listTitle, /Valley Courier/);
  const first = $.row(/Story 29 of Valley Courier/);
  await first.waitFor();
  const listBox = (await $.list.boundingBox())!;
  const rowBox = (await first.boundingBox())!;
  expect(rowBox.y).toBeGreaterThanOrEqual(listBox.y - 1);
  expect(rowBox.y + rowBox.height).toBeLessThanOrEqual(listBox.y + listBox.height + 1);
  expect(await $.list.evaluate((list) => list.scrollTop)).toBe(0);
});
