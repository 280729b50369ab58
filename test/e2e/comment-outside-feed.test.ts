// A reply whose parent is older than the comments a WordPress comment feed lists (the newest 10):
// the reader shows it at the top level, and says whom it answers in the site's own words, which
// the thread under its parent would leave out as said twice.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from '../support/temp';
import { WordPressSite } from '../support/wordpress';
import { openApp, type AppSession } from './support/app';
import { launchBrowser, type Browser } from './support/browser';
import { ui, waitForText } from './support/pages';
import { buildRendererForTests } from './support/renderer-build';
import { screenshot } from './support/screenshots';

const SEED_TITLE = /NATO is in security dialogue with Russia/;
const HOUR = 60 * 60 * 1000;

let rendererDir: string;
let browser: Browser;
let site: WordPressSite;
let app: AppSession;

beforeAll(async () => {
  rendererDir = await buildRendererForTests();
  browser = await launchBrowser({ width: 1280, height: 1000 });
  site = await WordPressSite.start();
  const first = Date.UTC(2022, 0, 13, 12);
  const ana = site.addComment({ author: 'Ana Ruiz', content: 'Three hours of talks and no agreement: that says it all.', at: first });
  for (let i = 1; i <= 9; i++) site.addComment({ author: `Reader ${i}`, content: `A view from reader ${i}.`, at: first + i * HOUR });
  site.addComment({ author: 'Tomasz Nowak', content: 'Fair point, but the talks in Geneva were only the start.', parent: ana.id, at: first + 12 * HOUR });
}, 60_000);

afterAll(async () => {
  await app?.close().catch(() => undefined);
  await browser?.close();
  await site?.stop().catch(() => undefined);
  removeTempDirs();
});

it('shows a reply to a comment the feed no longer lists at the top level, saying whom it answers', async () => {
  app = await openApp({ browser, dataDir: tempDir('paperboy-e2e-comment-window-'), rendererDir });
  await app.core.api.addFeed(site.feedUrl);
  await app.core.api.sync();
  await app.page.reload();
  const $ = ui(app.page);
  await $.row(SEED_TITLE).first().click();
  await waitForText($.articleTitle, SEED_TITLE);

  const thread = app.page.locator('section.comments .comment-list');
  const reply = thread.getByRole('article', { name: 'Comment by Tomasz Nowak' });
  await waitForText(reply, /Fair point, but the talks in Geneva were only the start\./);
  expect(await reply.locator('.comment-in-reply-to').textContent()).toBe('In reply to Ana Ruiz.');
  // At the top level, not in a reply list; and no other comment says it answers anyone.
  expect(await thread.locator('.comment-replies').count()).toBe(0);
  expect(await thread.locator('.comment-in-reply-to').count()).toBe(1);
  await reply.scrollIntoViewIfNeeded();
  await screenshot(app.page, 'comment-reply-outside-feed');
});
