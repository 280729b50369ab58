// A sync that stores many newer articles while a person reads far down the list: the rows come in
// above, and the row the person was looking at stays where it was on screen. The list kept its
// offset in pixels, so 200 new rows at the top pushed the view 200 rows further up the news.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { rssFeed } from '../support/hostile-sync';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';
import { openApp, type AppSession } from './support/app';
import { launchBrowser, type Browser } from './support/browser';
import { generateLibrary } from './support/generated-library';
import { ui, waitForText } from './support/pages';
import { buildRendererForTests } from './support/renderer-build';

const ARCHIVE = 600;
const NEWER = 200;
const DEEP_ROW = 300;

let browser: Browser;
let server: TestServer;
let app: AppSession;
let wireFeedId: number;

/** A wire service's feed: NEWER items, all published after the archive's. */
function wireFeed(): string {
  const items = Array.from({ length: NEWER }, (_, i) => {
    const published = new Date(Date.UTC(2026, 8, 1) + i * 3_600_000).toUTCString();
    return `<item><title>Wire report ${i}: harbour ferries resume</title><guid isPermaLink="false">wire-${i}</guid><pubDate>${published}</pubDate><description>Ferries resumed on the harbour route on Monday after repairs to the pier.</description></item>`;
  });
  return rssFeed('Loopback Wire', items);
}

beforeAll(async () => {
  const rendererDir = await buildRendererForTests();
  browser = await launchBrowser({ width: 1280, height: 800 });
  server = await TestServer.start('127.0.36.5');
  server.serve('/wire.xml', { body: wireFeed(), type: 'application/rss+xml' });
  const dataDir = tempDir('paperboy-e2e-list-anchor-');
  const ids = await generateLibrary(dataDir, [
    { title: 'Harbour Archive', articles: ARCHIVE, from: Date.UTC(2026, 4, 1) },
    { title: 'Loopback Wire', url: server.url('/wire.xml'), articles: 0 },
  ]);
  wireFeedId = ids[1]!;
  app = await openApp({ browser, dataDir, rendererDir });
}, 60_000);

afterAll(async () => {
  await app?.close();
  await browser?.close();
  await server?.stop();
  removeTempDirs();
});

/** The row at the top of the list's viewport: its title, its place in the list and how far it sits from the list's top edge. */
async function topRow(): Promise<{ title: string; place: number; offset: number }> {
  return ui(app.page).list.evaluate((list) => {
    const box = list.getBoundingClientRect();
    const row = document.elementFromPoint(box.left + 100, box.top + 30)?.closest('[role="option"]');
    if (!row) throw new Error('no row at the top of the list');
    return { title: row.querySelector('.row-title')?.lastChild?.textContent ?? '', place: Number(row.getAttribute('aria-posinset')), offset: Math.round(row.getBoundingClientRect().top - box.top) };
  });
}

it('keeps the row a person reads in place while a sync adds 200 newer articles above it', async () => {
  const { page } = app;
  const $ = ui(page);
  await $.navItem(/^All articles/).click();
  await waitForText($.listTitle, /All articles/);
  await $.rows.first().waitFor();
  // Scrolled as a person does, a little at a time, to row 300 and part of the way into it.
  for (let i = 0; i < 200 && (await topRow()).place < DEEP_ROW; i++) {
    await $.list.evaluate((list) => {
      list.scrollTop += 1_000;
    });
    await page.waitForTimeout(20);
  }
  await $.list.evaluate((list) => {
    list.scrollTop += 30;
  });
  await page.waitForTimeout(100);
  const before = await topRow();
  expect(before.place).toBeGreaterThanOrEqual(DEEP_ROW);
  const setSize = async () => Number(await $.rows.first().getAttribute('aria-setsize'));
  const sizeBefore = await setSize();

  const summary = await app.core.api.sync({ feedIds: [wireFeedId], fullText: false, images: false });
  expect(summary.newArticles).toBe(NEWER);
  await expect.poll(setSize, { timeout: 10_000 }).toBe(sizeBefore + NEWER);
  // The sync's end reloads the list once more: let both reloads land.
  await page.waitForTimeout(2_000);

  const after = await topRow();
  expect(after).toEqual({ title: before.title, place: before.place + NEWER, offset: before.offset });
});
