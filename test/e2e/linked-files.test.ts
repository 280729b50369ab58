// Articles whose link is no web page, as the reader shows them offline after a real sync: a PDF's
// keeps the feed's text under a note saying what the link is, a picture's shows the picture from
// the cache, an RFC's plain text keeps its columns. A file has no comment section: none is shown
// (no "No comments yet", no reply form), but the discussion a feed names elsewhere is a click away
// (Hacker News' page for a PDF), and a draft the person wrote for one is never hidden. Nor does a
// file stored before articles kept what their link is (schema 23) show one, once the app upgrades it.
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Sqlite } from '../../electron/core/storage';
import { DATABASE_FILE } from '../../electron/core/storage/database';
import { makePng } from '../support/images';
import { makePdf, RFC_LIKE_MEMO } from '../support/linked-files';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';
import { openApp, type AppSession } from './support/app';
import { launchBrowser, type Browser } from './support/browser';
import type { Page, Response } from 'playwright-core';
import { loadedImageWidth, openArticle, ui, waitForText } from './support/pages';
import { buildRendererForTests } from './support/renderer-build';
import { screenshot } from './support/screenshots';

const REPORT = 'Tidal survey of the outer harbour, as a PDF';
const PICTURE = 'The quay at dawn, after the storm';
const MEMO = 'RFC 9999: Harbour tide tables as plain text';
/** Where the feed says the PDF is discussed, as Hacker News' items do. */
const DISCUSSION = '/item?id=4242';
const DRAFT = 'Is this the quay by the old customs house?';

let browser: Browser;
let site: TestServer;
let app: AppSession;
let dataDir: string;
let rendererDir: string;

beforeAll(async () => {
  rendererDir = await buildRendererForTests();
  browser = await launchBrowser({ width: 1280, height: 800 });
  site = await TestServer.start();
  site.serve('/papers/tidal-survey.pdf', { body: makePdf('Tidal survey of the outer harbour', Math.round(2.4 * 1024 * 1024)), type: 'application/pdf' });
  site.serve('/i/quay-at-dawn.png', { body: makePng(640, 360, [48, 110, 170]), type: 'image/png' });
  site.serve('/rfc/rfc9999.txt', { body: RFC_LIKE_MEMO, type: 'text/plain; charset=utf-8' });
  const item = (title: string, path: string, text: string, discussion = '') =>
    `<item><title>${title}</title><link>${site.url(path)}</link><guid>${path}</guid><description>${text}</description>${discussion}</item>`;
  site.serve('/feed.xml', {
    body: `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Links</title><link>${site.origin}/</link>
${item(REPORT, '/papers/tidal-survey.pdf', 'The harbour office published its survey of the outer harbour: depths, currents and the silt the storm left.', `<comments>${site.url(DISCUSSION)}</comments>`)}
${item(PICTURE, '/i/quay-at-dawn.png', 'Posted by a reader: the quay at first light, the morning after the storm.')}
${item(MEMO, '/rfc/rfc9999.txt', 'A memo on exchanging tide tables between harbour offices.')}
</channel></rss>`,
    type: 'application/rss+xml',
  });
  dataDir = tempDir('paperboy-e2e-linked-files-');
  app = await openApp({ browser, dataDir, rendererDir });
  await app.core.api.addFeed(site.url('/feed.xml'));
  await app.core.api.sync();
  const picture = (await app.core.api.listArticles({ filter: { kind: 'all' } })).articles.find((article) => article.title === PICTURE)!;
  await app.core.api.saveDraft({ articleId: picture.id, body: DRAFT, name: 'Ada Reader', email: 'ada@example.org' });
  // Read offline: whatever the reader shows comes from the copy and the cache.
  await site.stop();
  await app.page.reload();
}, 90_000);

afterAll(async () => {
  await app?.close();
  await browser?.close();
  removeTempDirs();
});

it("says a PDF link is one, with its size, over the feed's text", async () => {
  await openArticle(app.page, REPORT);
  const note = app.page.locator('article .article-note');
  expect(await note.textContent()).toBe("The link is a PDF document (2.4 MB), not a web page: the feed's text is shown.");
  expect(await ui(app.page).articleBody.textContent()).toContain('depths, currents and the silt');
  // No comment section of its own; the feed's discussion page is still offered.
  await app.page.getByRole('button', { name: 'Open the discussion in the browser' }).waitFor();
  expect(await app.page.locator('section.comments').count()).toBe(0);
  expect(await app.page.getByText(/No comments yet|comment form is not known/).count()).toBe(0);
  await toTheEnd(app.page);
  await screenshot(app.page, 'linked-file-pdf');
});

it('shows a linked picture from the cache, with the feed text under it', async () => {
  await openArticle(app.page, PICTURE);
  const picture = ui(app.page).articleBody.locator('img').first();
  expect(await loadedImageWidth(picture)).toBe(640);
  expect(await app.page.locator('article .article-note').count()).toBe(0);
  expect(await ui(app.page).articleBody.textContent()).toContain('the quay at first light');
  // The person's draft for it is shown, in its reply form, whatever the link is.
  const composer = app.page.locator('section.comments form.comment-composer');
  await composer.getByRole('heading', { name: 'Leave a Reply' }).waitFor();
  expect(await composer.getByRole('textbox', { name: /Comment/ }).inputValue()).toBe(DRAFT);
  await waitForText(composer.locator('.composer-status'), /^Draft saved$/);
  expect(await composer.textContent()).toContain('The article’s link is a file, which takes no comments: the draft stays in Paperboy.');
  expect(await app.page.getByText(/No comments yet/).count()).toBe(0);
  await toTheEnd(app.page);
  await screenshot(app.page, 'linked-file-picture');
});

it("keeps a plain-text RFC's columns, with no comment section under them", async () => {
  const read = threadAndDraftsRead(app.page);
  await openArticle(app.page, MEMO);
  await read;
  const memo = ui(app.page).articleBody.locator('pre');
  expect(await memo.textContent()).toContain('Request for Comments: 9999                               Tidewater Labs');
  expect(await app.page.locator('section.comments').count()).toBe(0);
  expect(await app.page.getByRole('button', { name: 'Open the discussion in the browser' }).count()).toBe(0);
  await toTheEnd(app.page);
  await screenshot(app.page, 'linked-file-rfc');
  expect(app.foreignRequests).toEqual([]);
  expect(app.pageErrors).toEqual([]);
});

it('shows no comment section for a PDF stored before articles kept what their link is', async () => {
  await app.close();
  // The library as schema 23 had it: its copies and notes, and no linked_file column.
  const raw = new Sqlite(path.join(dataDir, DATABASE_FILE));
  raw.exec('DROP INDEX articles_by_page_url; DROP INDEX articles_by_url; ALTER TABLE articles DROP COLUMN page_url; ALTER TABLE articles DROP COLUMN linked_file; PRAGMA user_version = 23');
  raw.close();
  app = await openApp({ browser, dataDir, rendererDir });

  await openArticle(app.page, REPORT);
  await app.page.getByRole('button', { name: 'Open the discussion in the browser' }).waitFor();
  expect(await app.page.locator('section.comments').count()).toBe(0);
  expect(await app.page.getByText(/No comments yet|comment form is not known/).count()).toBe(0);
  await toTheEnd(app.page);
  await screenshot(app.page, 'linked-file-pdf-from-schema-23');
  expect(app.pageErrors).toEqual([]);
});

/** Resolves once the reader has read the open article's comments and drafts and shown what they
 *  make (start it before opening the article): what is not there by then is not coming. The thread
 *  asks for the drafts, and the reply form for them and the settings. */
async function threadAndDraftsRead(page: Page): Promise<void> {
  const wanted = new Map([['listComments', 1], ['getDrafts', 2], ['getSettings', 1]]);
  await new Promise<void>((done) => {
    const seen = (response: Response) => {
      const method = /"method":"(\w+)"/.exec(response.request().postData() ?? '')?.[1];
      if (!response.url().endsWith('/api/call') || method === undefined || !wanted.has(method)) return;
      const left = wanted.get(method)! - 1;
      if (left > 0) wanted.set(method, left);
      else wanted.delete(method);
      if (wanted.size > 0) return;
      page.off('response', seen);
      done();
    };
    page.on('response', seen);
  });
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

/** Scrolls the reader to the end of the article, where its comments would be. */
async function toTheEnd(page: Page): Promise<void> {
  await ui(page).reader.evaluate((pane) => (pane.scrollTop = pane.scrollHeight));
}
