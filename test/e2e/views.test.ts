// The main views, in light and dark, saved as screenshots (test-output/screenshots/) and checked
// for what a person would notice: articles in Arabic run right to left, Japanese is drawn with a
// CJK font, a failing feed wears an error badge with its error on hover, a hostile page shows as
// harmless text, links leave for the browser instead of navigating the app.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NewsSite } from '../support/news-site';
import { removeTempDirs, tempDir } from '../support/temp';
import { openApp, type AppSession } from './support/app';
import { launchBrowser, type Browser } from './support/browser';
import { fontsUsedFor } from './support/fonts';
import { gate } from './support/gate';
import { prepareLibrary } from './support/library';
import { loadedImageWidth, ui, waitForText } from './support/pages';
import { buildRendererForTests } from './support/renderer-build';
import { screenshot } from './support/screenshots';
import { WORLD_ARTICLES, WorldSite } from './support/world-site';

let rendererDir: string;
let browser: Browser;
let news: NewsSite;
let world: WorldSite;
let library: string;
let app: AppSession | null = null;

const titleOf = (fixture: string) => WORLD_ARTICLES.find((article) => article.fixture === fixture)!.title;

beforeAll(async () => {
  rendererDir = await buildRendererForTests();
  browser = await launchBrowser();
  news = await NewsSite.start({ feeds: 2, itemsPerFeed: 8 });
  world = await WorldSite.start();
  library = tempDir('paperboy-e2e-views-');
  await prepareLibrary(library, news, world);
}, 60_000);

afterAll(async () => {
  await app?.close().catch(() => undefined);
  await browser?.close();
  await news?.stop();
  await world?.stop();
  removeTempDirs();
});

async function open(dataDir: string, colorScheme: 'light' | 'dark'): Promise<AppSession> {
  await app?.close();
  app = await openApp({ browser, dataDir, rendererDir });
  await app.page.emulateMedia({ colorScheme });
  return app;
}

function expectClean(session: AppSession): void {
  expect(session.foreignRequests).toEqual([]);
  expect(session.pageErrors).toEqual([]);
}

describe.each(['light', 'dark'] as const)('in the %s theme', (scheme) => {
  it('first launch: the welcome articles and feeds to subscribe with one click', async () => {
    const { page } = await open(tempDir('paperboy-e2e-first-'), scheme);
    const $ = ui(page);
    await $.row(/read the news anywhere/).waitFor();
    await page.getByRole('heading', { name: 'Welcome to Paperboy' }).waitFor();
    expect(await page.getByRole('button', { name: /^Subscribe to / }).count()).toBeGreaterThanOrEqual(6);
    await screenshot(page, `first-launch-${scheme}`);
    expectClean(app!);
  });

  it('reading: folders, unread counts, an error badge, an article with its picture', async () => {
    const { page } = await open(library, scheme);
    const $ = ui(page);
    await page.getByRole('button', { name: 'Fold World' }).waitFor();
    const badge = $.navItem(/Flaky Wire/).locator('.error-badge');
    await badge.waitFor();
    expect(await badge.getAttribute('title')).toMatch(/500/);
    expect(await $.navItem(/Generated feed 0/).locator('.nav-count').textContent()).toBe('8');

    await $.row(/Story 7 of feed 0/).click();
    await waitForText($.articleTitle, /Story 7 of feed 0/);
    expect(await loadedImageWidth($.articleBody.locator('img').first())).toBeGreaterThan(0);
    await screenshot(page, `reading-${scheme}`);
    expectClean(app!);
  });

  it('an Arabic article runs right to left; Japanese and Russian get fonts that have them', async () => {
    const { page } = await open(library, scheme);
    const $ = ui(page);

    await $.row(titleOf('arabic')).click();
    await waitForText($.articleTitle, new RegExp(titleOf('arabic')));
    const article = page.locator('article.article');
    expect(await article.getAttribute('dir')).toBe('rtl');
    expect(await $.articleBody.locator('p').first().evaluate((p) => getComputedStyle(p).direction)).toBe('rtl');
    // Right to left: the first line of a paragraph starts at the right edge of the column.
    const [body, paragraph] = await Promise.all([$.articleBody.boundingBox(), $.articleBody.locator('p').first().boundingBox()]);
    expect(Math.abs(body!.x + body!.width - (paragraph!.x + paragraph!.width))).toBeLessThan(2);
    expect((await fontsUsedFor(page, 'article h1')).some((font) => /Arabic/.test(font))).toBe(true);
    await screenshot(page, `rtl-arabic-${scheme}`);

    await $.row(titleOf('japanese')).click();
    await waitForText($.articleTitle, new RegExp(titleOf('japanese')));
    expect(await article.getAttribute('lang')).toBe('ja');
    expect(await fontsUsedFor(page, 'article h1')).toEqual(expect.arrayContaining([expect.stringMatching(/CJK JP/)]));
    await screenshot(page, `cjk-japanese-${scheme}`);

    await $.row(titleOf('russian')).click();
    await waitForText($.articleTitle, new RegExp(titleOf('russian')));
    expect(await article.getAttribute('dir')).toBe('ltr');
    expect((await fontsUsedFor(page, 'article h1')).length).toBeGreaterThan(0);
    await screenshot(page, `cyrillic-${scheme}`);
    expectClean(app!);
  });

  it('search results, the add-feed dialog, settings and the shortcut list', async () => {
    const { page } = await open(library, scheme);
    const $ = ui(page);
    await $.row(/Story 7 of feed 0/).waitFor();

    await $.search.fill('harbour');
    await waitForText($.listTitle, /Search: “harbour”/);
    await $.row(/Council approves the new harbour plan/).waitFor();
    expect((await $.list.locator('mark').allTextContents()).map((m) => m.toLowerCase())).toContain('harbour');
    await screenshot(page, `search-${scheme}`);
    await $.search.press('Escape');

    await $.button('Add feed').click();
    await page.getByLabel('Address of a feed or of a site').fill(news.feedUrl(1));
    await $.dialog.getByRole('button', { name: 'Subscribe', exact: true }).click();
    await waitForText($.dialog.locator('.form-success'), /Already subscribed to Generated feed 1/);
    await screenshot(page, `add-feed-${scheme}`);
    await page.keyboard.press('Escape');
    await $.dialog.waitFor({ state: 'detached' });

    await $.button('Settings').click();
    await $.dialog.getByText('Feeds fetched at once').waitFor();
    await $.dialog.getByText(/articles in 5 feeds/).waitFor();
    await screenshot(page, `settings-${scheme}`);
    await page.keyboard.press('Escape');
    await $.dialog.waitFor({ state: 'detached' });

    await page.keyboard.press('?');
    await $.dialog.getByRole('heading', { name: 'Keyboard shortcuts' }).waitFor();
    await screenshot(page, `shortcuts-${scheme}`);
    await page.keyboard.press('Escape');
    await $.dialog.waitFor({ state: 'detached' });
    expectClean(app!);
  });

  it('a sync in progress', async () => {
    const { page } = await open(library, scheme);
    const $ = ui(page);
    await $.navItem(/Generated feed 0/).click();
    await $.row(/Story 7 of feed 0/).waitFor();

    // A new story whose page is held back until the screenshot is taken.
    const held = gate();
    news.publish(0);
    const newest = news.options.itemsPerFeed + (scheme === 'light' ? 0 : 1);
    news.server.route(`/feeds/0/articles/${newest}.html`, async (_req, res) => {
      await held.opened;
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('gone');
    });
    await page.getByRole('button', { name: 'Sync this feed' }).click();
    await $.progressbar.waitFor();
    await waitForText($.syncStatus, /Syncing: 0 of 1 feed|Syncing: 1 of 1 feed/);
    // The new story is listed once its feed is stored, while its page is still being fetched.
    await $.row(new RegExp(`Story ${newest} of feed 0`)).waitFor();
    await waitForText($.syncStatus, /Syncing/);
    await screenshot(page, `syncing-${scheme}`);
    held.open();
    await waitForText($.syncStatus, /Sync finished/);
    expectClean(app!);
  });
});

describe('the theme setting', () => {
  it('overrides the system: dark on a light system, and back', async () => {
    const { page } = await open(library, 'light');
    const $ = ui(page);
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await $.row(/Story 7 of feed 0/).waitFor();
    const light = await background();
    await $.button('Settings').click();
    await $.dialog.getByRole('radio', { name: 'Dark' }).check();
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    expect(await background()).not.toBe(light);
    await $.dialog.getByRole('radio', { name: 'Same as the system' }).check();
    await page.waitForFunction(() => document.documentElement.dataset.theme === undefined);
    expect(await background()).toBe(light);
    expectClean(app!);
  });
});

describe('a hostile page', () => {
  it('shows as harmless text: nothing runs, nothing remote loads, links go to the browser', async () => {
    const { page } = await open(library, 'light');
    const $ = ui(page);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await $.row(titleOf('hostile')).click();
    await waitForText($.articleBody, /The mayor thanked the harbour workers/);
    const body = $.articleBody;
    for (const selector of ['script', 'iframe', 'object', 'embed', 'form', 'style', 'svg', '[onclick]', '[onerror]', '[style]', 'a[href^="javascript"]']) {
      expect(await body.locator(selector).count(), selector).toBe(0);
    }
    expect(await loadedImageWidth(body.locator('img[alt="The northern quay"]'))).toBeGreaterThan(0);

    // A link opens outside the app (here: a new tab, standing in for the system browser).
    await browser.context.route('https://example.org/**', (route) => route.fulfill({ status: 200, contentType: 'text/plain', body: 'the browser' }));
    const opened = browser.context.waitForEvent('page');
    await body.getByText('Download the plan').click();
    const popup = await opened;
    await popup.waitForURL('https://example.org/plan.pdf');
    await popup.close();
    expect(page.url()).toBe(`${app!.server.origin}/`);
    expect(dialogs).toEqual([]);
    expectClean(app!);
  });
});
