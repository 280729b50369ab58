// The comment section of an article whose page the sync has not read, in Chromium on the real
// core after real syncs: Paperboy does not know its comments or its form, and says so rather than
// "No comments yet. Why don't you start the discussion?" over WordPress's Name and Email fields.
// An article still pending (a feeds-only refresh) says its comments come with the whole article,
// and the reply written meanwhile is sent from here once the next sync has read the site's form.
// A members' article whose page sends the sync to a sign-in page says its comments were not
// loaded and why, and offers the draft to carry to the site in the browser. A blog whose comments
// giscus's script shows (a feed naming no discussion page) says so, and offers its page.
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
const NOTEBOOK = 'Calibrating a tide gauge with a cheap pressure sensor';
const NOTEBOOK_PATH = '/posts/tide-gauge-pressure-sensor/';
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

/** A static blog's RSS (Hugo's template): no <comments>, as its comments live on GitHub. */
function notebookFeed(origin: string): string {
  return `<?xml version="1.0" encoding="utf-8" standalone="yes"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>Field Notebook</title>
    <link>${origin}/</link>
    <description>Recent content on Field Notebook</description>
    <generator>Hugo</generator>
    <language>en-gb</language>
    <lastBuildDate>Sun, 06 Dec 2026 17:05:00 +0000</lastBuildDate>
    <atom:link href="${origin}/index.xml" rel="self" type="application/rss+xml" />
    <item>
      <title>${NOTEBOOK}</title>
      <link>${origin}${NOTEBOOK_PATH}</link>
      <pubDate>Sun, 06 Dec 2026 17:05:00 +0000</pubDate>
      <guid>${origin}${NOTEBOOK_PATH}</guid>
      <description>A waterproofed MS5837 on a pole, a Raspberry Pi Zero and two weeks of readings against the harbour's own gauge.</description>
    </item>
  </channel>
</rss>`;
}

/** The post's page as Hugo's PaperMod theme writes it, with giscus's embed under the post. */
const NOTEBOOK_PAGE = `<!DOCTYPE html>
<html lang="en-gb" dir="auto"><head><meta charset="utf-8"><meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="viewport" content="width=device-width,initial-scale=1,shrink-to-fit=no"><meta name="generator" content="Hugo 0.139.3">
<title>${NOTEBOOK} | Field Notebook</title><meta name="description" content="A waterproofed MS5837 on a pole and two weeks of readings.">
<link rel="canonical" href="/posts/tide-gauge-pressure-sensor/"><link crossorigin="anonymous" href="/assets/css/stylesheet.css" rel="preload stylesheet" as="style">
</head><body id="top"><header class="header"><nav class="nav"><div class="logo"><a href="/" accesskey="h" title="Field Notebook (Alt + H)">Field Notebook</a></div>
<ul id="menu"><li><a href="/posts/" title="Posts"><span>Posts</span></a></li><li><a href="/about/" title="About"><span>About</span></a></li></ul></nav></header>
<main class="main"><article class="post-single"><header class="post-header"><h1 class="post-title entry-hint-parent">${NOTEBOOK}</h1>
<div class="post-meta"><span title="2026-12-06 17:05:00 +0000 UTC">December 6, 2026</span>&nbsp;·&nbsp;6 min</div></header>
<div class="post-content"><p>The harbour's tide gauge reports every six minutes, but the slipway I care about is two kilometres up the estuary, where high water comes twenty minutes later and a little lower. So I built a gauge of my own from a pressure sensor, a Raspberry Pi Zero and a length of scaffold pole.</p>
<h2 id="the-sensor">The sensor</h2><p>The MS5837-30BA reads pressure to 0.2 mbar, which is about 2 mm of sea water. Potted in epoxy inside a length of 22 mm copper pipe it survived two weeks on the pole without a leak. Air pressure changes as much as a 10 cm tide over a day, so a second sensor in the cabinet reads the air, and the gauge reports the difference.</p>
<h2 id="against-the-harbour-gauge">Against the harbour gauge</h2><p>Over fourteen days the two agreed to within 3 cm once I allowed for the distance and the time lag. The worst day was during an easterly gale, when the estuary piled up water the harbour never saw.</p></div>
<footer class="post-footer"><ul class="post-tags"><li><a href="/tags/electronics/">Electronics</a></li><li><a href="/tags/tides/">Tides</a></li></ul></footer>
<div class="comments"><script src="https://giscus.app/client.js" data-repo="fieldnotebook/site" data-repo-id="R_kgDOJ7x2Qw" data-category="Comments" data-category-id="DIC_kwDOJ7x2Q84CYt5N" data-mapping="pathname" data-strict="0" data-reactions-enabled="1" data-emit-metadata="0" data-input-position="bottom" data-theme="preferred_color_scheme" data-lang="en" crossorigin="anonymous" async></script></div>
</article></main><footer class="footer"><span>&copy; 2026 <a href="/">Field Notebook</a></span></footer></body></html>`;

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
  members.serve('/notebook/index.xml', { body: notebookFeed(members.url('/notebook')), type: 'application/rss+xml' });
  members.serve(`/notebook${NOTEBOOK_PATH}`, { body: NOTEBOOK_PAGE, type: 'text/html; charset=utf-8' });
  app = await openApp({ browser, dataDir: tempDir('paperboy-e2e-comments-not-loaded-'), rendererDir, core: { welcome: false } });
  await app.core.api.addFeed(wordpress.feedUrl);
  await app.core.api.addFeed(members.url('/feed/'));
  await app.core.api.addFeed(members.url('/notebook/index.xml'));
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

it('names the service whose script shows a page’s comments, and offers the page in the browser', async () => {
  // Read by the full sync above; its feed names no discussion page.
  await openArticle(app.page, NOTEBOOK);
  await comments()
    .getByText("This page’s comments are on GitHub, in the discussions of the site's repository (giscus), which Paperboy cannot read: they are shown on the site only.")
    .waitFor();
  expect(await comments().getByText(NO_COMMENTS_YET).count()).toBe(0);
  await app.page.context().route(`${members.origin}/**`, (route) => route.fulfill({ status: 200, contentType: 'text/plain', body: 'the browser' }));
  const opened = app.page.context().waitForEvent('page');
  await comments().getByRole('button', { name: 'Open the discussion in the browser' }).click();
  const popup = await opened;
  await popup.waitForURL(members.url(`/notebook${NOTEBOOK_PATH}`));
  await popup.close();
  await comments().scrollIntoViewIfNeeded();
  await screenshot(app.page, 'comments-service-giscus');
  expect(app.pageErrors).toEqual([]);
});
