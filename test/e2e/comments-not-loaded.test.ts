// The comment section of an article whose page the sync has not read, in Chromium on the real
// core after real syncs: Paperboy does not know its comments or its form, and says so rather than
// "No comments yet. Why don't you start the discussion?" over WordPress's Name and Email fields.
// An article still pending (a feeds-only refresh) says its comments come with the whole article,
// and the reply written meanwhile is sent from here once the next sync has read the site's form.
// A members' article whose page sends the sync to a sign-in page says its comments were not
// loaded and why, and offers the draft to carry to the site in the browser.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';
import { WordPressSite } from '../support/wordpress';
import { openApp, type AppSession } from './support/app';
import { launchBrowser, type Browser } from './support/browser';
import { openArticle, waitForText } from './support/pages';
import { buildRendererForTests } from './support/renderer-build';
import { screenshot } from './support/screenshots';

const NATO = 'NATO is in security dialogue with Russia';
const MEMBERS = 'Inside the port authority’s budget talks';
const MEMBERS_PATH = '/2026/12/07/inside-the-port-authoritys-budget-talks/';
const LOGIN_PATH = `/login?next=${encodeURIComponent(MEMBERS_PATH)}`;
const NO_COMMENTS_YET = 'No comments yet. Why don’t you start the discussion?';
const REPLY = 'Dialogue is better than silence, even when the differences are large.';

let rendererDir: string;
let browser: Browser;
let wordpress: WordPressSite;
let members: TestServer;
let app: AppSession;

/** A regional paper's RSS: its members' stories link to pages that need a subscriber's session. */
function membersFeed(origin: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:slash="http://purl.org/rss/1.0/modules/slash/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>The Harbour Gazette</title>
  <link>${origin}/</link>
  <description>News from the harbour towns</description>
  <language>en-GB</language>
  <item>
    <title>${MEMBERS}</title>
    <link>${origin}${MEMBERS_PATH}</link>
    <comments>${origin}${MEMBERS_PATH}#comments</comments>
    <dc:creator>Maren Holt</dc:creator>
    <pubDate>Mon, 07 Dec 2026 08:10:00 +0000</pubDate>
    <guid isPermaLink="false">${origin}/?p=48213</guid>
    <description>Councillors and the port authority met behind closed doors on Friday to settle next year’s dredging budget. Members can read the full story.</description>
    <slash:comments>7</slash:comments>
  </item>
</channel>
</rss>`;
}

/** The sign-in page a members' story sends readers without a session to. */
const LOGIN_PAGE = `<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Sign in | The Harbour Gazette</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="stylesheet" href="/assets/site.css"></head>
<body class="page-login"><header class="masthead"><a href="/" class="logo">The Harbour Gazette</a></header>
<main><h1>Sign in to keep reading</h1><p>This story is for members. Sign in, or subscribe from £1 a week.</p>
<form method="post" action="/login"><input type="hidden" name="next" value="${MEMBERS_PATH}">
<label>Email <input type="email" name="email" autocomplete="username"></label>
<label>Password <input type="password" name="password" autocomplete="current-password"></label>
<button type="submit">Sign in</button></form><p><a href="/subscribe">Subscribe</a> · <a href="/login/forgotten">Forgotten your password?</a></p></main>
<footer><p>© 2026 The Harbour Gazette</p></footer></body></html>`;

const comments = () => app.page.locator('section.comments');
const nameField = () => comments().getByRole('textbox', { name: /^Name/ });
const copyButton = () => comments().getByRole('button', { name: 'Copy text and open the article in the browser' });

beforeAll(async () => {
  rendererDir = await buildRendererForTests();
  browser = await launchBrowser({ width: 1280, height: 1000 });
  wordpress = await WordPressSite.start();
  members = await TestServer.start();
  members.serve('/feed/', { body: membersFeed(members.origin), type: 'application/rss+xml; charset=UTF-8' });
  members.redirect(MEMBERS_PATH, LOGIN_PATH, 302);
  members.serve(LOGIN_PATH, { body: LOGIN_PAGE, type: 'text/html; charset=utf-8' });
  app = await openApp({ browser, dataDir: tempDir('paperboy-e2e-comments-not-loaded-'), rendererDir, core: { welcome: false } });
  await app.core.api.addFeed(wordpress.feedUrl);
  await app.core.api.addFeed(members.url('/feed/'));
  // A quick refresh: the articles wait, pending, for a full sync.
  await app.core.api.sync({ feedsOnly: true });
  await app.page.reload();
}, 90_000);

afterAll(async () => {
  await app?.close().catch(() => undefined);
  await browser?.close();
  await wordpress?.stop().catch(() => undefined);
  await members?.stop().catch(() => undefined);
  removeTempDirs();
});

it('says a pending article’s comments come with the whole article, and keeps a reply written meanwhile', async () => {
  await openArticle(app.page, NATO);
  await waitForText(comments(), /Comments are loaded with the whole article at the next sync\./);
  expect(await comments().getByText(NO_COMMENTS_YET).count()).toBe(0);
  // No WordPress fields as if the form were known, and no Send: the form is read at the next sync.
  expect(await nameField().count()).toBe(0);
  expect(await comments().getByText('Your email address will not be published.').count()).toBe(0);
  expect(await comments().getByRole('button', { name: 'Send', exact: true }).count()).toBe(0);
  await waitForText(comments(), /The site’s comment form is read with the whole article at the next sync: until then the draft stays in Paperboy\./);
  await comments().getByRole('textbox', { name: /Comment/ }).fill(REPLY);
  await comments().getByText('Draft saved').waitFor();
  await comments().scrollIntoViewIfNeeded();
  await screenshot(app.page, 'comments-pending-article');
  expect(app.pageErrors).toEqual([]);
});

it('offers Send for that reply once the next sync has read the page and its form', async () => {
  await app.core.api.sync();
  await app.page.reload();
  await openArticle(app.page, NATO);
  await comments().getByText(NO_COMMENTS_YET).waitFor();
  expect(await comments().getByText(/Comments are loaded with the whole article/).count()).toBe(0);
  expect(await comments().getByRole('textbox', { name: /Comment/ }).inputValue()).toBe(REPLY);
  expect(await nameField().isVisible()).toBe(true);
  expect(await comments().getByRole('button', { name: 'Send', exact: true }).isEnabled()).toBe(true);
});

it('says a members’ article’s comments were not loaded, and why, and offers the draft for the browser', async () => {
  // The full sync above went to the members' page too, and was sent to sign in.
  await openArticle(app.page, MEMBERS);
  const note = `Comments were not loaded, as the article’s page could not be read: the site asks you to sign in to read this page (it sent the sync to ${members.origin.replace('http://', '')}/login).`;
  await comments().getByText(note, { exact: true }).waitFor();
  expect(await comments().getByText(NO_COMMENTS_YET).count()).toBe(0);
  // The site's count stays in the heading, with no "Showing 0 of 7": none was read, none is missing.
  expect(await comments().getByRole('heading', { name: 'Comments (7)' }).count()).toBe(1);
  expect(await comments().getByText(/Showing 0 of 7/).count()).toBe(0);
  expect(await nameField().count()).toBe(0);
  expect(await comments().getByRole('button', { name: 'Send', exact: true }).count()).toBe(0);
  await waitForText(comments(), /Paperboy could not read the article’s page, so it does not know the site’s comment form: the draft stays in Paperboy, to paste into the site’s form in the browser\./);
  await comments().getByRole('textbox', { name: /Comment/ }).fill('Will the minutes of the meeting be published?');
  expect(await copyButton().isEnabled()).toBe(true);
  await comments().scrollIntoViewIfNeeded();
  await screenshot(app.page, 'comments-sign-in-article');
  expect(app.pageErrors).toEqual([]);
});
