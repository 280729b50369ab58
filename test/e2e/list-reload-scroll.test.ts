// A list that loads again (a sync storing feeds, Mark all read, Undo) keeps the rows a person
// scrolled to on screen. It used to load its first 500 rows in place of all of them: the browser
// clamped the scroll, and a person at row 900 found themselves near row 490.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { NewsSite } from '../support/news-site';
import { removeTempDirs, tempDir } from '../support/temp';
import { openApp, type AppSession } from './support/app';
import { launchBrowser, type Browser } from './support/browser';
import { generateLibrary } from './support/generated-library';
import { ui, waitForText } from './support/pages';
import { buildRendererForTests } from './support/renderer-build';

const ARTICLES = 1_300;
const DEEP_ROW = 900;

let browser: Browser;
let news: NewsSite;
let app: AppSession;
let newsFeedId: number;

beforeAll(async () => {
  const rendererDir = await buildRendererForTests();
  browser = await launchBrowser({ width: 1280, height: 800 });
  news = await NewsSite.start({ feeds: 1, itemsPerFeed: 3 });
  const dataDir = tempDir('paperboy-e2e-list-reload-');
  // Older than the news site's articles, which a sync puts at the top of the list.
  const ids = await generateLibrary(dataDir, [
    { title: 'Wire Archive', articles: ARTICLES, from: Date.UTC(2026, 4, 1) },
    { title: 'Loopback News', url: news.feedUrl(0), articles: 0 },
  ]);
  newsFeedId = ids[1]!;
  app = await openApp({ browser, dataDir, rendererDir });
}, 60_000);

afterAll(async () => {
  await app?.close();
  await browser?.close();
  await news?.stop();
  removeTempDirs();
});

/** The row at the top of the list's viewport: its title, place and whether it reads as read. Right
 *  after a scroll the list may not have drawn the rows of its new place yet (a loaded machine's
 *  frame comes late), as a person may glimpse for an instant: asked again until one is there. */
async function topRow(): Promise<{ title: string; place: number; read: boolean }> {
  for (let tries = 0; ; tries++) {
    const row = await ui(app.page).list.evaluate((list) => {
      const box = list.getBoundingClientRect();
      const found = document.elementFromPoint(box.left + 100, box.top + 30)?.closest('[role="option"]');
      return found ? { title: found.querySelector('.row-title')?.lastChild?.textContent ?? '', place: Number(found.getAttribute('aria-posinset')), read: found.classList.contains('read') } : null;
    });
    if (row) return row;
    if (tries === 100) throw new Error('no row at the top of the list');
    await app.page.waitForTimeout(50);
  }
}

/** Whether the row of that title is in the list's viewport. */
async function onScreen(title: string): Promise<boolean> {
  return ui(app.page).list.evaluate((list, wanted) => {
    const box = list.getBoundingClientRect();
    return [...list.querySelectorAll('[role="option"]')].some((row) => {
      const place = row.getBoundingClientRect();
      return row.querySelector('.row-title')?.lastChild?.textContent === wanted && place.bottom > box.top && place.top < box.bottom;
    });
  }, title);
}

/** Scrolls the list down, as a person would, until the row at its top is `row` or beyond. */
async function scrollDownTo(row: number): Promise<void> {
  const { page } = app;
  const $ = ui(page);
  for (let i = 0; i < 400 && (await topRow()).place < row; i++) {
    await $.list.evaluate((list) => {
      list.scrollTop += 1_500;
    });
    await page.waitForTimeout(20);
  }
  expect((await topRow()).place).toBeGreaterThanOrEqual(row);
}

it('keeps the rows on screen through Mark all read and its Undo, and shows them read, then unread', async () => {
  const { page } = app;
  const $ = ui(page);
  await $.navItem(/^All articles/).click();
  await waitForText($.listTitle, /All articles/);
  await $.rows.first().waitFor();
  await scrollDownTo(DEEP_ROW);
  const before = await topRow();
  expect(before.read).toBe(false);

  await $.button('Mark all read').click();
  await waitForText(page.locator('.toast'), /Marked \d[\d,]* articles read/);
  await page.waitForFunction((title) => {
    const rows = [...document.querySelectorAll('[role="option"]')].filter((row) => row.querySelector('.row-title')?.lastChild?.textContent === title);
    return rows.length === 1 && rows[0]!.classList.contains('read');
  }, before.title);
  expect(await topRow()).toEqual({ ...before, read: true });

  await page.locator('.toast').getByRole('button', { name: 'Undo' }).click();
  await page.waitForFunction((title) => {
    const rows = [...document.querySelectorAll('[role="option"]')].filter((row) => row.querySelector('.row-title')?.lastChild?.textContent === title);
    return rows.length === 1 && rows[0]!.classList.contains('unread');
  }, before.title);
  expect(await topRow()).toEqual(before);
});

it('keeps the rows on screen while a sync adds articles above them, and the list still loads to its end', async () => {
  const { page } = app;
  const $ = ui(page);
  await scrollDownTo(DEEP_ROW);
  const before = await topRow();
  const setSize = () => $.rows.first().getAttribute('aria-setsize');
  const sizeBefore = Number(await setSize());

  const summary = await app.core.api.sync({ feedIds: [newsFeedId] });
  expect(summary.newArticles).toBe(3);
  // The list takes the new articles in (quietly, as a sync stores each feed).
  await expect.poll(async () => Number(await setSize()), { timeout: 10_000 }).toBe(sizeBefore + 3);
  expect(await onScreen(before.title)).toBe(true);

  // Down to the end: every article once, none missed where the rows read again meet those kept.
  for (let i = 0; i < 400 && !(await onScreen('Story 0 of Wire Archive')); i++) {
    await $.list.evaluate((list) => {
      list.scrollTop += 3_000;
    });
    await page.waitForTimeout(20);
  }
  expect(await onScreen('Story 0 of Wire Archive')).toBe(true);
  const positions = await $.list.evaluate((list) => list.querySelector('.rows')!.getBoundingClientRect().height / 88);
  expect(positions).toBe(sizeBefore + 3);
});
