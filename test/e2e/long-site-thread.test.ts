// A long WordPress discussion read by a real sync from the site's own page and shown in Chromium
// as the site shows it: 1,600 comments of real lengths (paragraphs, quotes, links) on one page,
// the site listing its threads newest first and nesting replies ten deep (its deepest setting),
// a reply chain of fourteen under the newest thread, the replies past ten written beside their
// parent with "In reply to". The reader shows the newest thread first, a page of comments with a
// button for the next, and every reply of the chain under the one it answers (past five levels
// in its parent's column, saying whom it answers).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seededRandom } from '../support/random';
import { removeTempDirs, tempDir } from '../support/temp';
import { ThemedWordPress } from '../comments/support/themed-wordpress';
import { openApp, type AppSession } from './support/app';
import { launchBrowser, type Browser } from './support/browser';
import { commentHtml } from './support/generated-comments';
import { ui, waitForText } from './support/pages';
import { buildRendererForTests } from './support/renderer-build';
import { screenshot } from './support/screenshots';

const COMMENTS = 1_600;
const CHAIN = 14;

let browser: Browser;
let site: ThemedWordPress;
let app: AppSession;

beforeAll(async () => {
  const rendererDir = await buildRendererForTests();
  browser = await launchBrowser({ width: 1280, height: 1000 });
  site = await ThemedWordPress.start({ theme: 'classic', permalinks: 'pretty', threadsPerPage: 0, commentOrder: 'desc', threadDepth: 10, namesParent: true });
  const rand = seededRandom(1_600);
  site.addComments(COMMENTS - CHAIN, () => commentHtml(rand, []));
  site.addReplyChain(CHAIN);
  app = await openApp({ browser, dataDir: tempDir('paperboy-e2e-long-thread-'), rendererDir });
  await app.core.api.addFeed(site.feedUrl);
  await app.core.api.sync();
  await app.page.reload();
}, 180_000);

afterAll(async () => {
  await app?.close().catch(() => undefined);
  await browser?.close();
  await site?.server.stop().catch(() => undefined);
  removeTempDirs();
});

it('shows the newest thread first, a page at a time, each reply of a deep chain under the one it answers', async () => {
  const { page } = app;
  const $ = ui(page);
  const comments = page.locator('section.comments');
  const shown = comments.locator('.comment-list:not(.own-comments) .comment');
  const chain = site.comments.slice(-CHAIN);

  await $.row(/The harbour bridge reopens/).click();
  await waitForText($.articleTitle, /The harbour bridge reopens/);
  await comments.getByRole('heading', { name: `Comments (${COMMENTS.toLocaleString('en')})` }).waitFor();
  // The site's newest thread, the chain's first comment, is the first shown, as on the site.
  const first = comments.locator('.comment-list > li.comment > article').first();
  expect(await first.getAttribute('aria-label')).toBe(`Comment by ${chain[0]!.author}`);
  expect(await shown.count()).toBe(50);
  expect(await comments.getByRole('button', { name: /^Show 50 more comments/ }).textContent()).toBe(`Show 50 more comments (${(COMMENTS - 50).toLocaleString('en')} left)`);

  // Each reply of the chain in the thread under the one it answers: the site nested ten of them,
  // wrote the last four beside the tenth, and named whom each answers.
  for (let level = 1; level < CHAIN; level++) {
    const reply = comments.getByRole('article', { name: `Comment by ${chain[level]!.author}` });
    const parentItem = page.locator('li.comment', { has: page.getByRole('article', { name: `Comment by ${chain[level - 1]!.author}`, exact: true }) });
    expect(await parentItem.last().locator('> ol.comment-replies > li.comment > article').getAttribute('aria-label')).toBe(`Comment by ${chain[level]!.author}`);
    // Past the reader's five indented levels, a reply says whom it answers.
    if (level > 5) expect(await reply.locator('.comment-in-reply-to').textContent()).toBe(`In reply to ${chain[level - 1]!.author}.`);
  }
  await first.scrollIntoViewIfNeeded();
  await screenshot(page, 'long-thread-newest-first');
  await comments.getByRole('article', { name: `Comment by ${chain.at(-1)!.author}` }).scrollIntoViewIfNeeded();
  await screenshot(page, 'long-thread-deep-chain');
  expect(app.pageErrors).toEqual([]);
  expect(app.foreignRequests).toEqual([]);
}, 60_000);
