// An image the sync did not keep shows as a quiet box that says so and why, not as bare alt text
// (or nothing at all), and nothing is fetched for it.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from '../support/temp';
import { openApp, type AppSession } from './support/app';
import { launchBrowser, type Browser } from './support/browser';
import { generateLibrary } from './support/generated-library';
import { ui, waitForText } from './support/pages';
import { buildRendererForTests } from './support/renderer-build';
import { screenshot } from './support/screenshots';

let browser: Browser;
let app: AppSession;

beforeAll(async () => {
  const rendererDir = await buildRendererForTests();
  browser = await launchBrowser({ width: 1280, height: 800 });
  const dataDir = tempDir('paperboy-e2e-images-');
  // As the core stores an image it could not keep: no src, its address in data-original-src.
  await generateLibrary(dataDir, [
    { title: 'Harbour Gazette', articles: 2, extraHtml: '<figure><img alt="Fishing boats at dawn" data-original-src="https://story.invalid/boats.jpg"><figcaption>The harbour at six.</figcaption></figure>' },
  ]);
  app = await openApp({ browser, dataDir, rendererDir });
}, 60_000);

afterAll(async () => {
  await app?.close();
  await browser?.close();
  removeTempDirs();
});

it('shows that the image was not saved, and why', async () => {
  const { page } = app;
  const $ = ui(page);
  await $.navItem(/Harbour Gazette/).click();
  await $.row(/Story 1 of Harbour Gazette/).click();
  await waitForText($.articleTitle, /Story 1/);
  const box = $.articleBody.getByRole('img', { name: /^Image not saved: Fishing boats at dawn\./ });
  await box.waitFor();
  expect(await box.textContent()).toMatch(/Image not saved: Fishing boats at dawn.+(next sync|could not)/);
  expect(await $.articleBody.locator('img').isVisible()).toBe(false);
  expect(app.foreignRequests).toEqual([]);
  await screenshot(page, 'image-not-saved');
});
