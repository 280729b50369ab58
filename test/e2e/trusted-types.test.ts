// Trusted Types in the real page: the reader still shows stored HTML (through its one policy),
// while any other attempt to turn a string into markup is refused by the browser. This is what
// keeps a future innerHTML slip in the renderer from becoming an injection point.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from '../support/temp';
import { openApp, type AppSession } from './support/app';
import { launchBrowser, type Browser } from './support/browser';
import { ui } from './support/pages';
import { buildRendererForTests } from './support/renderer-build';

let browser: Browser;
let app: AppSession;

beforeAll(async () => {
  const rendererDir = await buildRendererForTests();
  browser = await launchBrowser();
  app = await openApp({ browser, dataDir: tempDir('paperboy-e2e-tt-'), rendererDir });
}, 60_000);

afterAll(async () => {
  await app?.close().catch(() => undefined);
  await browser?.close();
  removeTempDirs();
});

it('shows the welcome article through the reader policy, with no error', async () => {
  const $ = ui(app.page);
  await $.row(/read the news anywhere/).click();
  await app.page.locator('.article-body p').first().waitFor();
  expect(await app.page.locator('.article-body').innerText()).toMatch(/\w{4,}/);
  expect(app.pageErrors).toEqual([]);
});

it('refuses markup from a plain string in every other sink, and a second policy', async () => {
  const outcomes = await app.page.evaluate(() => {
    const attempt = (action: () => void): string => {
      try {
        action();
        return 'accepted';
      } catch (error) {
        return (error as Error).name;
      }
    };
    const box = document.createElement('div');
    document.body.append(box);
    const tt = (globalThis as unknown as { trustedTypes: { createPolicy(name: string, rules: object): unknown } }).trustedTypes;
    return {
      innerHTML: attempt(() => (box.innerHTML = '<img src=x>')),
      insertAdjacentHTML: attempt(() => box.insertAdjacentHTML('beforeend', '<b>x</b>')),
      outerHTML: attempt(() => (box.outerHTML = '<i>x</i>')),
      anotherPolicy: attempt(() => tt.createPolicy('escape-hatch', { createHTML: (html: string) => html })),
      sameNameAgain: attempt(() => tt.createPolicy('paperboy-sanitized', { createHTML: (html: string) => html })),
    };
  });
  expect(outcomes).toEqual({ innerHTML: 'TypeError', insertAdjacentHTML: 'TypeError', outerHTML: 'TypeError', anotherPolicy: 'TypeError', sameNameAgain: 'TypeError' });
});
