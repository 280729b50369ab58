// The palette as Chromium draws it: the system's dark mode gets the whole dark palette (it had a
// second, incomplete copy without the filled buttons' colours), and the ★ on a list row stands
// out at least 3:1 from the row in the light theme, plain and selected.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from '../support/temp';
import { openApp, type AppSession } from './support/app';
import { launchBrowser, type Browser } from './support/browser';
import { generateLibrary } from './support/generated-library';
import { ui } from './support/pages';
import { buildRendererForTests } from './support/renderer-build';

let browser: Browser;
let app: AppSession;

beforeAll(async () => {
  const rendererDir = await buildRendererForTests();
  browser = await launchBrowser({ width: 1280, height: 800 });
  const dataDir = tempDir('paperboy-e2e-theme-');
  await generateLibrary(dataDir, [{ title: 'Harbour Gazette', articles: 5 }]);
  app = await openApp({ browser, dataDir, rendererDir });
  const page = await app.core.api.listArticles({ filter: { kind: 'all' }, limit: 10 });
  for (const article of page.articles.slice(0, 2)) await app.core.api.setStarred(article.id, true);
  await app.page.reload();
}, 60_000);

afterAll(async () => {
  await app?.close();
  await browser?.close();
  removeTempDirs();
});

/** WCAG contrast of two computed colours (rgb() strings, opaque). */
async function contrastOf(fg: string, bg: string): Promise<number> {
  const luminance = (css: string) => {
    const [r, g, b] = css.match(/\d+(\.\d+)?/g)!.slice(0, 3).map((v) => Number(v) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [high, low] = [luminance(fg), luminance(bg)].sort((x, y) => y - x) as [number, number];
  return (high + 0.05) / (low + 0.05);
}

describe('the palette', () => {
  it('gives the system’s dark mode the dark filled-button colour', async () => {
    const { page } = app;
    await page.emulateMedia({ colorScheme: 'dark' });
    const sync = ui(page).button(/^Sync$/);
    await sync.waitFor();
    expect(await sync.evaluate((button) => getComputedStyle(button).backgroundColor)).toBe('rgb(59, 108, 192)');
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await sync.evaluate((button) => getComputedStyle(button).backgroundColor)).toBe('rgb(45, 95, 168)');
  });

  it('draws the list’s ★ at 3:1 or more on a plain and on a selected row in the light theme', async () => {
    const { page } = app;
    await page.emulateMedia({ colorScheme: 'light' });
    const $ = ui(page);
    const starred = $.rows.filter({ has: page.locator('.row-star') });
    await starred.first().waitFor();
    const colours = () =>
      starred.first().evaluate((row) => ({ star: getComputedStyle(row.querySelector('.row-star')!).color, row: getComputedStyle(row).backgroundColor }));
    const plain = await colours();
    // A transparent row shows the list's white.
    expect(await contrastOf(plain.star, plain.row === 'rgba(0, 0, 0, 0)' ? 'rgb(255, 255, 255)' : plain.row)).toBeGreaterThanOrEqual(3);
    await starred.first().click();
    await expect.poll(async () => (await colours()).row).not.toBe(plain.row);
    const selected = await colours();
    expect(await contrastOf(selected.star, selected.row)).toBeGreaterThanOrEqual(3);
  });
});
