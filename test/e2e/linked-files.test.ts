// Articles whose link is no web page, as the reader shows them offline after a real sync: a PDF's
// keeps the feed's text under a note saying what the link is, a picture's shows the picture from
// the cache, an RFC's plain text keeps its columns.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makePng } from '../support/images';
import { makePdf, RFC_LIKE_MEMO } from '../support/linked-files';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';
import { openApp, type AppSession } from './support/app';
import { launchBrowser, type Browser } from './support/browser';
import { loadedImageWidth, openArticle, ui } from './support/pages';
import { buildRendererForTests } from './support/renderer-build';
import { screenshot } from './support/screenshots';

const REPORT = 'Tidal survey of the outer harbour, as a PDF';
const PICTURE = 'The quay at dawn, after the storm';
const MEMO = 'RFC 9999: Harbour tide tables as plain text';

let browser: Browser;
let site: TestServer;
let app: AppSession;

beforeAll(async () => {
  const rendererDir = await buildRendererForTests();
  browser = await launchBrowser({ width: 1280, height: 800 });
  site = await TestServer.start();
  site.serve('/papers/tidal-survey.pdf', { body: makePdf('Tidal survey of the outer harbour', Math.round(2.4 * 1024 * 1024)), type: 'application/pdf' });
  site.serve('/i/quay-at-dawn.png', { body: makePng(640, 360, [48, 110, 170]), type: 'image/png' });
  site.serve('/rfc/rfc9999.txt', { body: RFC_LIKE_MEMO, type: 'text/plain; charset=utf-8' });
  const item = (title: string, path: string, text: string) =>
    `<item><title>${title}</title><link>${site.url(path)}</link><guid>${path}</guid><description>${text}</description></item>`;
  site.serve('/feed.xml', {
    body: `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Links</title><link>${site.origin}/</link>
${item(REPORT, '/papers/tidal-survey.pdf', 'The harbour office published its survey of the outer harbour: depths, currents and the silt the storm left.')}
${item(PICTURE, '/i/quay-at-dawn.png', 'Posted by a reader: the quay at first light, the morning after the storm.')}
${item(MEMO, '/rfc/rfc9999.txt', 'A memo on exchanging tide tables between harbour offices.')}
</channel></rss>`,
    type: 'application/rss+xml',
  });
  app = await openApp({ browser, dataDir: tempDir('paperboy-e2e-linked-files-'), rendererDir });
  await app.core.api.addFeed(site.url('/feed.xml'));
  await app.core.api.sync();
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
  await screenshot(app.page, 'linked-file-pdf');
});

it('shows a linked picture from the cache, with the feed text under it', async () => {
  await openArticle(app.page, PICTURE);
  const picture = ui(app.page).articleBody.locator('img').first();
  expect(await loadedImageWidth(picture)).toBe(640);
  expect(await app.page.locator('article .article-note').count()).toBe(0);
  expect(await ui(app.page).articleBody.textContent()).toContain('the quay at first light');
  await screenshot(app.page, 'linked-file-picture');
});

it("keeps a plain-text RFC's columns", async () => {
  await openArticle(app.page, MEMO);
  const memo = ui(app.page).articleBody.locator('pre');
  expect(await memo.textContent()).toContain('Request for Comments: 9999                               Tidewater Labs');
  await screenshot(app.page, 'linked-file-rfc');
  expect(app.foreignRequests).toEqual([]);
  expect(app.pageErrors).toEqual([]);
});
