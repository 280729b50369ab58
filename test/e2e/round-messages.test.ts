// The messages this round added, read where a person reads them, on a narrow window (900 x 700):
// the sync's notes on pictures it did not keep, an article whose page sent the sync to a sign-in
// page, the sidebar's failures for an empty feed and a 451, a long old-Reddit thread nested deep
// (and read on at later syncs), and an article header naming the writer the page names when the
// feed names none, over a picture the page faded in. Each through a real sync from loopback
// servers, each screen saved as a screenshot (test-output/screenshots/round-*.png) and checked for
// what a reader would notice: the words there, visible, said once, and not cut off or overflowing.
import type http from 'node:http';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { REDDIT_POST, redditPage, type RedditComment } from '../comments/support/system-thread-markup';
import { rssFeed } from '../support/hostile-sync';
import { makePng } from '../support/images';
import { TestServer, sendStatic } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';
import { openApp, type AppSession } from './support/app';
import { launchBrowser, type Browser } from './support/browser';
import { loadedImageWidth, openArticle, ui, waitForText } from './support/pages';
import { buildRendererForTests } from './support/renderer-build';
import { screenshot } from './support/screenshots';

let browser: Browser;
let app: AppSession;
let gazette: TestServer;
let parish: TestServer;
let county: TestServer;
let forum: TestServer;
/** The parish's CMS and the county paper's server start failing after the first sync. */
const feeds = { failing: false };

const html = (body: string) => (req: http.IncomingMessage, res: http.ServerResponse) => sendStatic(req, res, { body, type: 'text/html; charset=UTF-8' });
const NOT_FOUND = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Page not found – Harbour Gazette</title></head>
<body class="error404"><h1>Oops! That page can’t be found.</h1><p>It looks like nothing was found at this location.</p></body></html>`;
const PLACEHOLDER = 'data:image/svg+xml,%3Csvg%20xmlns=%22http://www.w3.org/2000/svg%22%20viewBox=%220%200%201200%20800%22%3E%3C/svg%3E';
const LOGIN_FORM = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Log in – Harbour Gazette</title></head><body><main><h1>Log in</h1>
<p>Subscribers can read this story once logged in.</p><form method="post" action="/login"><label>Email <input type="email" name="email"></label>
<label>Password <input type="password" name="pwd"></label><button>Log in</button></form></main></body></html>`;

/** A WordPress post whose theme and SEO plugin (Yoast's meta tags) name the writer the feed leaves
 *  out, with a picture its lazy loader fades in, and two pictures the CDN answers with an error
 *  page and nothing. */
function winterWorks(): string {
  const uploads = gazette.url('/wp-content/uploads/2026/02');
  return `<!DOCTYPE html><html lang="en-GB"><head><meta charset="UTF-8"><title>Winter works on the north quay – Harbour Gazette</title>
<!-- This site is optimized with the Yoast SEO plugin --><meta property="og:type" content="article"><meta property="og:site_name" content="Harbour Gazette">
<meta name="author" content="Ffion Rees"><meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Ffion Rees"><!-- / Yoast SEO plugin. --></head>
<body class="post-template-default single single-post"><header class="site-header"><a href="/">Harbour Gazette</a><nav><a href="/news/">News</a> <a href="/sport/">Sport</a></nav></header>
<main id="main"><article class="post-88 post type-post status-publish"><header class="entry-header"><h1 class="entry-title">Winter works on the north quay</h1>
<div class="entry-meta"><span class="byline">By <span class="author vcard"><a class="url fn n" rel="author" href="/author/ffion-rees/">Ffion Rees</a></span></span></div></header>
<div class="entry-content">
<p>The north quay reopens to fishing boats on Monday after six weeks of winter works, in which the harbour board replaced the timber fenders and resurfaced the landing stage.</p>
<figure class="wp-block-image size-large"><img width="1200" height="800" src="${PLACEHOLDER}" data-src="${uploads}/crane-1200x800.png" class="lazyload wp-image-91" style="opacity:0;transition:opacity .4s" alt="The crane barge lifting the last fender into place"><figcaption>The crane barge lifting the last fender into place.</figcaption></figure>
<p>The board’s engineer said the old fenders had lasted forty years, and the new greenheart ones should last as long. The slipway stays closed until the end of the month.</p>
<figure class="wp-block-image"><img src="${uploads}/quay-plan.jpg" alt="Plan of the works"></figure>
<p>Boat owners who moved to the south moorings for the works can stay there until Easter at no extra charge, the harbour master said.</p>
<figure class="wp-block-image"><img src="${uploads}/fenders.jpg" alt="The old fenders stacked on the quay"></figure>
<p>A public meeting on the next stage, dredging the inner basin, is at the sailing club on the 14th at 7pm.</p>
</div></article></main><footer class="site-footer">© Harbour Gazette</footer></body></html>`;
}

/** An old-Reddit reply chain nested `depth` deep, each reply a sentence long enough to wrap. */
function chain(depth: number, at = 0): RedditComment {
  const author = at % 2 === 0 ? 'rootcellar_rob' : 'allotment_annie';
  const text = `Reply at depth ${at + 1}: keep them at 10 to 15 degrees, somewhere dry and dark, each squash apart from the next so air can move between them.`;
  return { id: `k4${String(at).padStart(5, '0')}`, author, text, minute: at * 3, replies: at + 1 < depth ? [chain(depth, at + 1)] : [] };
}

/** Twelve more top-level comments, each of whose branches goes on on its own page: more than a sync reads. */
const continued: RedditComment[] = Array.from({ length: 12 }, (_, index) => ({
  id: `k5${String(index).padStart(5, '0')}`,
  author: `squash_grower_${index + 1}`,
  text: `Ours keep until April on a shelf in the garage (comment ${index + 1}).`,
  minute: 40 + index,
  continued: true,
}));

beforeAll(async () => {
  const rendererDir = await buildRendererForTests();
  browser = await launchBrowser({ width: 900, height: 700 });
  gazette = await TestServer.start('127.0.73.1');
  parish = await TestServer.start('127.0.73.2');
  county = await TestServer.start('127.0.73.3');
  forum = await TestServer.start('127.0.73.4');

  const item = (path: string, title: string, day: number) =>
    `<item><title>${title}</title><link>${gazette.url(path)}</link><guid isPermaLink="false">gazette-${day}</guid><pubDate>Mon, ${String(day).padStart(2, '0')} Feb 2026 08:00:00 +0000</pubDate><description>${title}: the feed’s words.</description></item>`;
  gazette.serve('/feed/', {
    type: 'application/rss+xml; charset=UTF-8',
    body: rssFeed('Harbour Gazette', [
      item('/2026/02/winter-works/', 'Winter works on the north quay', 9),
      item('/2026/02/mooring-fees/', 'Mooring fees for members', 2),
      item('/2026/02/court-report/', 'Court report: the pier lease appeal', 3),
    ]),
  });
  gazette.route('/2026/02/winter-works/', html(winterWorks()));
  gazette.serve('/wp-content/uploads/2026/02/crane-1200x800.png', { body: makePng(1200, 800, [60, 110, 150]), type: 'image/png' });
  gazette.serve('/wp-content/uploads/2026/02/quay-plan.jpg', { body: Buffer.from(NOT_FOUND), type: 'image/jpeg' });
  gazette.serve('/wp-content/uploads/2026/02/fenders.jpg', { body: Buffer.alloc(0), type: 'image/jpeg' });
  gazette.redirect('/2026/02/mooring-fees/', '/wp-login.php?redirect_to=%2F2026%2F02%2Fmooring-fees%2F', 302);
  gazette.route('/wp-login.php?redirect_to=%2F2026%2F02%2Fmooring-fees%2F', html(LOGIN_FORM));
  // A story the site keeps from readers in some countries, as a geo-blocking CDN answers.
  gazette.route('/2026/02/court-report/', (_req, res) => void res.writeHead(451, { 'content-type': 'text/html; charset=UTF-8' }).end('<!DOCTYPE html><title>451 Unavailable For Legal Reasons</title><h1>This content is not available in your region.</h1>'));

  const tides = (origin: string, title: string) =>
    rssFeed(title, [`<item><title>Tide tables for March</title><link>${origin}/tides-march</link><guid isPermaLink="false">tides-2026-03</guid><description>Spring tides on the 3rd and the 18th.</description></item>`]);
  parish.route('/feed/', (_req, res) => {
    if (feeds.failing) res.writeHead(200, { 'content-type': 'application/rss+xml; charset=UTF-8', 'content-length': '0' }).end();
    else res.writeHead(200, { 'content-type': 'application/rss+xml; charset=UTF-8' }).end(tides(parish.origin, 'Parish Council'));
  });
  county.route('/feed.xml', (_req, res) => {
    if (feeds.failing) res.writeHead(451, { 'content-type': 'text/html' }).end('<h1>451: Unavailable due to legal reasons</h1>');
    else res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(tides(county.origin, 'County Gazette'));
  });
  for (const server of [parish, county]) server.fallback((_req, res) => void res.writeHead(404).end());

  const origin = forum.origin;
  forum.serve('/.rss', {
    type: 'application/rss+xml; charset=UTF-8',
    body: rssFeed('r/vegetablegardening', [`<item><title>What's the best way to store winter squash?</title><link>${origin}${REDDIT_POST}</link><guid>${origin}${REDDIT_POST}</guid><pubDate>Mon, 02 Oct 2023 14:40:00 +0000</pubDate><description>Harvested 30 butternuts.</description></item>`]),
  });
  forum.fallback((req, res) => {
    const path = req.url ?? '/';
    const branch = continued.find((comment) => path === `${REDDIT_POST}${comment.id}/`);
    const body = path === REDDIT_POST
      ? redditPage(origin, [chain(14), ...continued])
      : branch && redditPage(origin, [{ ...branch, continued: undefined, replies: [{ id: `${branch.id}r`, author: 'allotment_annie', text: 'Good to know, thank you.', minute: branch.minute + 5 }] }]);
    if (body) sendStatic(req, res, { body, type: 'text/html; charset=utf-8' });
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });

  app = await openApp({ browser, dataDir: tempDir('paperboy-e2e-round-messages-'), rendererDir, core: { welcome: false } });
  for (const url of [gazette.url('/feed/'), parish.url('/feed/'), county.url('/feed.xml'), forum.url('/.rss')]) await app.core.api.addFeed(url);
  await app.page.reload();
}, 60_000);

afterAll(async () => {
  await app?.close();
  await browser?.close();
  await Promise.all([gazette, parish, county, forum].map((server) => server?.stop()));
  removeTempDirs();
});

/** Whether the element shows its text whole: nothing hidden past its right edge. */
async function fitsItsBox(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element.scrollWidth <= element.clientWidth);
}

it("lists the pictures the sync did not keep in its notes, each once and whole", async () => {
  const { page } = app;
  const $ = ui(page);
  await $.button(/^Sync$/).click();
  const notes = $.syncStatus.getByRole('button', { name: /^\d+ notes?$/ });
  await notes.waitFor({ timeout: 30_000 });
  await notes.click();
  const list = page.getByRole('list', { name: 'Notes from the sync' });
  const items = list.getByRole('listitem');
  const texts = await items.allTextContents();
  const picture = (name: string) => gazette.url(`/wp-content/uploads/2026/02/${name}`);
  expect(texts).toContain(`1 picture was not kept: the site sent a web page in its place (${picture('quay-plan.jpg')})`);
  expect(texts).toContain(`1 picture was not kept: the site sent an empty file (${picture('fenders.jpg')})`);
  expect(new Set(texts).size).toBe(texts.length);
  // Each note takes the bar's width, rather than a column of a few words a line beside nothing.
  const listWidth = (await list.boundingBox())!.width;
  for (const item of await items.all()) {
    expect(await item.isVisible()).toBe(true);
    expect(await fitsItsBox(item)).toBe(true);
    expect((await item.locator('span').boundingBox())!.width).toBeGreaterThan(listWidth / 2);
  }
  // What the sync did is said to its end (the images, what it downloaded), not cut by an ellipsis.
  const summary = $.syncStatus.locator('.sync-text');
  expect(await summary.textContent()).toMatch(/1 image \([\d.]+ KB downloaded, [\d.]+ s\)$/);
  expect(await fitsItsBox(summary)).toBe(true);
  expect(await notes.evaluate((button) => button.getBoundingClientRect().height)).toBeLessThan(24);
  await screenshot(page, 'round-sync-notes');
  await page.keyboard.press('Escape');
});

it("names the writer the page names, over the picture it faded in", async () => {
  const { page } = app;
  const $ = ui(page);
  await openArticle(page, 'Winter works on the north quay');
  const header = $.reader.locator('article header').first();
  await waitForText(header, /Ffion Rees/);
  expect((await header.textContent())!.match(/Ffion Rees/g)).toHaveLength(1);
  const faded = $.articleBody.getByRole('img', { name: 'The crane barge lifting the last fender into place' });
  expect(await loadedImageWidth(faded)).toBe(1200);
  expect(await faded.evaluate((element) => getComputedStyle(element).opacity)).toBe('1');
  await screenshot(page, 'round-page-byline');
});

it('says in plain words that the site asks to sign in, or refuses a page for legal reasons, with no brackets in brackets', async () => {
  const { page } = app;
  const $ = ui(page);
  await openArticle(page, 'Mooring fees for members');
  const note = $.reader.locator('.article-note');
  const said = await waitForText(note, /sign in/);
  expect(said).toMatch(/^The whole article could not be saved: the site asks you to sign in to read this page \(it sent the sync to 127\.0\.73\.1:\d+\/wp-login\.php\)\. This is the feed’s text\.$/);
  expect(await note.isVisible()).toBe(true);
  expect(await fitsItsBox(note)).toBe(true);
  expect(await $.articleBody.textContent()).not.toContain('Password');
  await screenshot(page, 'round-sign-in');

  // A page refused for legal reasons: its reason's own brackets not inside the note's.
  await openArticle(page, 'Court report: the pier lease appeal');
  expect(await waitForText(note, /451/)).toBe('The whole article could not be saved: the site will not serve this where you are, for legal reasons (HTTP 451). This is the feed’s text.');
  await screenshot(page, 'round-page-451');
});

it('lays a deep Reddit thread out readably on a narrow window, and says more comes later', async () => {
  const { page } = app;
  const $ = ui(page);
  await openArticle(page, "What's the best way to store winter squash?");
  const comments = page.locator('section.comments');
  const note = comments.getByRole('note');
  await waitForText(note, /stored; more in later syncs\.$/);
  expect(await fitsItsBox(note)).toBe(true);
  await note.scrollIntoViewIfNeeded();
  await screenshot(page, 'round-reddit-read-on');
  const deepest = comments.getByRole('article', { name: 'Comment by allotment_annie' }).filter({ hasText: 'Reply at depth 14' });
  await deepest.scrollIntoViewIfNeeded();
  await screenshot(page, 'round-reddit-thread');
  // The deepest reply still has a column a sentence fits in (the reader's is some 470 pixels
  // here), says whom it answers where it is indented no further, and nothing runs past the reader.
  const box = (await deepest.boundingBox())!;
  expect(box.width).toBeGreaterThanOrEqual(280);
  expect(await deepest.locator('.comment-in-reply-to').textContent()).toBe('In reply to rootcellar_rob.');
  const shallow = comments.getByRole('article').filter({ hasText: 'Reply at depth 2:' });
  expect(await shallow.locator('.comment-in-reply-to').count()).toBe(0);
  expect(await fitsItsBox($.reader)).toBe(true);
  expect(await fitsItsBox(comments)).toBe(true);
  expect(await deepest.locator('time').first().textContent()).toContain('2 October 2023');
});

it('says why the empty feed and the 451 failed, in words, in the sidebar and the summary', async () => {
  const { page } = app;
  const $ = ui(page);
  feeds.failing = true;
  await $.button(/^Sync$/).click();
  const failed = $.syncStatus.getByRole('button', { name: '2 feeds failed' });
  await failed.waitFor({ timeout: 30_000 });
  await failed.click();
  const list = page.getByRole('list', { name: 'Feeds that failed' });
  const texts = (await list.getByRole('listitem').allTextContents()).map((text) => text.replace('Details', ''));
  expect(texts).toEqual([
    'Parish CouncilThe site sent an empty answer where the feed should be (HTTP 200)',
    'County GazetteThe site will not serve this where you are, for legal reasons (HTTP 451)',
  ]);
  for (const item of await list.getByRole('listitem').all()) expect(await fitsItsBox(item)).toBe(true);
  await screenshot(page, 'round-feed-failures');
  await list.getByRole('button', { name: /Details of Parish Council/ }).click();
  const dialog = page.getByRole('dialog', { name: /Properties of “Parish Council”/ });
  // A sentence, as the list above writes it, not a clause in lower case.
  expect(await dialog.locator('.property-error').textContent()).toBe('The site sent an empty answer where the feed should be (HTTP 200); the articles already here are kept.');
  await screenshot(page, 'round-empty-feed-details');
  await page.keyboard.press('Escape');

  // The feed list, opened on this narrow window: each failed feed marked, its name whole.
  await $.button('Show the sidebar').click();
  for (const name of ['Parish Council', 'County Gazette']) {
    const feed = $.navItem(new RegExp(`^${name}`));
    await feed.locator('.error-badge').waitFor();
    expect(await fitsItsBox(feed.locator('.nav-label'))).toBe(true);
  }
  expect(await $.navItem(/^Harbour Gazette/).locator('.error-badge').count()).toBe(0);
  await screenshot(page, 'round-feed-list');
  expect(app.pageErrors).toEqual([]);
  expect(app.foreignRequests).toEqual([]);
});
