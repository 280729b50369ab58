// A person's first sessions, end to end, in Chromium on the real core: the first launch shows
// the welcome article with no network; they subscribe to a feed, sync it (watching progress),
// read an article and its picture after the site has gone away, search, star, and find it all
// again after a restart. The steps run in order and share one data folder, as a person would.
import type http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NewsSite } from '../support/news-site';
import { removeTempDirs, tempDir } from '../support/temp';
import { openApp, type AppSession } from './support/app';
import { launchBrowser, type Browser } from './support/browser';
import { gate } from './support/gate';
import { loadedImageWidth, rowTitles, ui, waitForText } from './support/pages';
import { buildRendererForTests } from './support/renderer-build';

const GATED_ITEM = 4;
const UNIQUE_WORD = 'zeppelin';
const entry = gate();

/** The page of the newest story: held back until the test has seen the sync in progress. */
function gatedArticle() {
  return async (_req: http.IncomingMessage, res: http.ServerResponse) => {
    await entry.opened;
    const paragraphs = Array.from(
      { length: 8 },
      (_, n) => `<p>Paragraph ${n + 1}. The airship, a ${UNIQUE_WORD} of the old kind, crossed the Channel at dawn while engineers watched from the cliffs and ministers waited in Brussels for news of its landing.</p>`,
    );
    paragraphs.splice(2, 0, `<figure><img src="/img/0-${GATED_ITEM}-0.png" alt="The airship over the cliffs" width="640" height="480"><figcaption>The airship over the cliffs.</figcaption></figure>`);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Story ${GATED_ITEM}</title></head>
<body><main><article><h1>Story ${GATED_ITEM} of feed 0: talks continue</h1>${paragraphs.join('\n')}</article></main></body></html>`);
  };
}

let rendererDir: string;
let browser: Browser;
let site: NewsSite;
let dataDir: string;
let app: AppSession;

beforeAll(async () => {
  rendererDir = await buildRendererForTests();
  browser = await launchBrowser();
  site = await NewsSite.start({ feeds: 1, itemsPerFeed: 5 });
  site.server.route(`/feeds/0/articles/${GATED_ITEM}.html`, gatedArticle());
  dataDir = tempDir('paperboy-e2e-journey-');
}, 60_000);

afterAll(async () => {
  entry.open();
  await app?.close().catch(() => undefined);
  await browser?.close();
  await site?.stop().catch(() => undefined);
  removeTempDirs();
});

describe('a first session, then a restart', () => {
  it('shows the welcome article on first launch, with no network', async () => {
    app = await openApp({ browser, dataDir, rendererDir });
    const { page } = app;
    const $ = ui(page);
    await $.row(/Welcome to Paperboy/).first().waitFor();
    // The sidebar's feeds arrive by their own call, and may come after the article list's.
    await $.navItem(/Welcome to Paperboy/).first().waitFor();
    expect(await $.navItem(/Welcome to Paperboy/).count()).toBe(1);
    // Real news feeds are offered with one click (not clicked here: they are on the internet).
    await page.getByRole('button', { name: 'Subscribe to BBC News – World' }).waitFor();

    await $.row(/read the news anywhere/).click();
    await waitForText($.articleTitle, /read the news anywhere/);
    expect(await $.articleBody.textContent()).toContain('Getting started');

    // The network goes: the app says so, and the article stays on screen.
    await browser.context.setOffline(true);
    await page.getByRole('status').filter({ hasText: 'Offline' }).waitFor();
    expect(await $.articleBody.isVisible()).toBe(true);
    await browser.context.setOffline(false);
    await page.getByRole('status').filter({ hasText: 'Offline' }).waitFor({ state: 'detached' });
  });

  it('adds a feed by its address and shows what was found', async () => {
    const { page } = app;
    const $ = ui(page);
    await $.button('Add feed').click();
    await page.getByLabel('Address of a feed or of a site').fill(site.feedUrl(0));
    await $.dialog.getByRole('button', { name: 'Subscribe', exact: true }).click();
    const found = await waitForText($.dialog.locator('.form-success'), /Subscribed to Generated feed 0/);
    expect(found).toContain('5 articles');

    await $.dialog.getByRole('button', { name: 'Show it' }).click();
    await waitForText($.listTitle, /Generated feed 0/);
    await $.row(/Story 0 of feed 0/).waitFor();
    expect(await $.rows.count()).toBe(5);
    expect(await $.navItem(/Generated feed 0/).textContent()).toContain('5');
  });

  it('syncs with visible progress, and Sync is offered again once it ends', async () => {
    const { page } = app;
    const $ = ui(page);
    await page.getByRole('button', { name: 'Sync', exact: true }).click();
    // The newest article's page is held back: the sync stays in progress until we let it go.
    await $.progressbar.waitFor();
    const during = await waitForText($.syncStatus, /Syncing: 1 of 1 feed · \d of 5 articles/);
    expect(Number(await $.progressbar.getAttribute('aria-valuenow'))).toBeLessThan(100);
    expect(await $.button('Cancel').isEnabled()).toBe(true);
    expect(during).toMatch(/Syncing/);
    // The words change all through a sync; the bar and Cancel stay put, so a click aimed at Cancel
    // lands on it. The words are set here, as a sync of many feeds and images would make them.
    // React's own text node is put back after, for the updates still to come.
    const cancelAt = async (words: string) => {
      await $.syncStatus.locator('.sync-text').evaluate((text, to) => {
        const own = [...text.childNodes];
        text.replaceChildren(to);
        (window as unknown as { restoreSyncText: () => void }).restoreSyncText = () => text.replaceChildren(...own);
      }, words);
      const box = await $.button('Cancel').boundingBox();
      await page.evaluate(() => (window as unknown as { restoreSyncText: () => void }).restoreSyncText());
      return box;
    };
    const short = await cancelAt('Syncing…');
    const long = await cancelAt('Syncing: 12 of 100 feeds · 1,345 of 2,000 articles · 3,210 images');
    expect(long).toEqual(short);

    entry.open();
    const done = await waitForText($.syncStatus, /Sync finished/);
    expect(done).toMatch(/5 articles saved for offline reading/);
    expect(done).toMatch(/\([\d.]+ (KB|MB) downloaded, [\d.]+ s\)/);
    expect(await $.progressbar.count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Sync', exact: true }).isEnabled()).toBe(true);
  });

  it('reads an article with its picture after the site has gone away', async () => {
    const { page } = app;
    const $ = ui(page);
    await site.stop();

    await $.row(/Story 4 of feed 0/).click();
    await waitForText($.articleTitle, /Story 4 of feed 0/);
    await waitForText($.articleBody, new RegExp(UNIQUE_WORD));
    const image = $.articleBody.locator('img').first();
    expect(await image.getAttribute('src')).toMatch(/^\/cache\/[0-9a-f]{64}$/);
    expect(await loadedImageWidth(image)).toBeGreaterThan(0);
    // Opening it marked it read: the feed has one unread fewer.
    await waitForText($.navItem(/Generated feed 0/).locator('.nav-count'), /^4$/);
  });

  it('finds the article by a word of its saved text, the match highlighted', async () => {
    const { page } = app;
    const $ = ui(page);
    await $.search.fill(UNIQUE_WORD);
    await waitForText($.listTitle, new RegExp(`Search: “${UNIQUE_WORD}”`));
    await $.row(/Story 4 of feed 0/).waitFor();
    const marks = await $.list.locator('mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.every((mark) => mark.toLowerCase() === UNIQUE_WORD)).toBe(true);

    await $.search.press('Escape');
    await waitForText($.listTitle, /Generated feed 0/);
  });

  it('stars an article and lists it under Starred', async () => {
    const { page } = app;
    const $ = ui(page);
    await $.row(/Story 4 of feed 0/).click();
    await waitForText($.articleTitle, /Story 4 of feed 0/);
    await $.reader.getByRole('button', { name: 'Star' }).click();
    await $.reader.getByRole('button', { name: 'Star', exact: true, pressed: true }).waitFor();

    await $.navItem('Starred').click();
    await waitForText($.listTitle, /Starred/);
    expect(await rowTitles(page)).toEqual(['Story 4 of feed 0: talks continue']);
  });

  it('keeps everything after a restart: feed, read and starred state, text and picture', async () => {
    expect(app.foreignRequests).toEqual([]);
    expect(app.pageErrors).toEqual([]);
    await app.close();
    app = await openApp({ browser, dataDir, rendererDir });
    const { page } = app;
    const $ = ui(page);

    await $.navItem(/Generated feed 0/).waitFor();
    await $.navItem('Starred').click();
    await waitForText($.listTitle, /Starred/);
    await $.row(/Story 4 of feed 0/).waitFor();
    expect(await $.row(/Story 4 of feed 0/).getAttribute('class')).toMatch(/\bread\b/);
    await $.row(/Story 4 of feed 0/).click();
    await waitForText($.articleBody, new RegExp(UNIQUE_WORD));
    expect(await $.reader.getByRole('button', { name: 'Star', exact: true, pressed: true }).isVisible()).toBe(true);
    expect(await loadedImageWidth($.articleBody.locator('img').first())).toBeGreaterThan(0);
  });

  it('never asked any origin but the preview server, and logged no errors', () => {
    expect(app.foreignRequests).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });
});
