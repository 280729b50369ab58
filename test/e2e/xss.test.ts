// The XSS corpus end to end, in Chromium on the real core: a hostile site's feeds, article pages,
// comment feeds and OPML (test/e2e/support/hostile-site.ts) are imported and synced, then every
// article, its comment thread, the sidebar, search results and the Drafts view are shown. No
// vector may run script (no dialog, no console line with a marker), navigate, open a window or
// make the page ask anything of any origin but the preview server; every article stays readable.
// The whole tour runs twice: with the page's CSP, and with the CSP bypassed, so the sanitizer
// and React are proven to hold on their own, not only behind the CSP.
import type { ConsoleMessage, Dialog, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core';
import { XSS_MARKER } from '../fixtures/xss/vectors';
import { removeTempDirs, tempDir } from '../support/temp';
import { openApp, type AppSession } from './support/app';
import { launchBrowser, type Browser } from './support/browser';
import { HostileSite, type HostileArticle } from './support/hostile-site';
import { ui, waitForText } from './support/pages';
import { buildRendererForTests } from './support/renderer-build';
import { screenshot } from './support/screenshots';

let rendererDir: string;
let site: HostileSite;
let dataDir: string;
/** Requests the two servers had received when the sync was over (the core's own fetches). */
let siteRequestsAfterSync: number;
let leakRequestsAfterSync: number;

const DRAFT_BODY = `<img src=x onerror="alert('XSS-DRAFT')"> My reply, plain words after the markup.`;

beforeAll(async () => {
  rendererDir = await buildRendererForTests();
  site = await HostileSite.start();
  dataDir = tempDir('paperboy-e2e-xss-');
  // The library, made through the core's API: the OPML (hostile feed and folder names), the wire
  // read from its feed content, the pages feed from its article pages; and a draft whose text and
  // addressee are hostile.
  const core = openCore({ dataDir, workers: 1 });
  try {
    const imported = await core.api.importOpml(site.opml());
    if (imported.added !== 2) throw new Error(`OPML import: ${JSON.stringify(imported)}`);
    const feeds = await core.api.listFeeds();
    const wire = feeds.find((feed) => feed.url === site.feedUrl('wire'))!;
    await core.api.updateFeed(wire.id, { fullText: false });
    const summary = await core.api.sync();
    if (summary.feedsFailed !== 0) throw new Error(`sync: ${JSON.stringify(summary)}`);
    const { articles } = await core.api.listArticles({ filter: { kind: 'feed', feedId: wire.id }, limit: 100 });
    // A title is text: the vector after the readable start stays in it as words (the reader shows it, inert).
    const first = articles.find((article) => article.title.startsWith(`${site.articles[0]!.title} `) || article.title === site.articles[0]!.title)!;
    const comments = await core.api.listComments(first.id);
    await core.api.saveDraft({ articleId: first.id, replyToCommentId: comments[1]!.id, body: DRAFT_BODY, name: `<svg onload="alert('XSS-NAME')">` });
  } finally {
    await core.close();
  }
  siteRequestsAfterSync = site.server.requests.length;
  leakRequestsAfterSync = site.leak.requests.length;
}, 180_000);

afterAll(async () => {
  await site?.stop();
  removeTempDirs();
});

/** What a page did that it must not have. */
interface Watch {
  readonly dialogs: string[];
  readonly markers: string[];
  readonly navigations: string[];
  /** Every page of the context: the app's own, plus any a vector opened. */
  readonly pages: Page[];
}

function watch(browser: Browser): Watch {
  const seen: Watch = { dialogs: [], markers: [], navigations: [], pages: [] };
  // On the context, so nothing from the page's first load escapes (openApp makes the page).
  browser.context.on('dialog', (dialog: Dialog) => {
    seen.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  browser.context.on('console', (message: ConsoleMessage) => {
    // Also a CSP report naming a vector's URL: the sanitizer let something through.
    if (XSS_MARKER.test(message.text())) seen.markers.push(message.text());
  });
  browser.context.on('page', (page: Page) => seen.pages.push(page));
  return seen;
}

const runs = [
  { name: 'with the CSP', bypassCSP: false },
  { name: 'with the CSP bypassed (sanitizer and React alone)', bypassCSP: true },
] as const;

describe.each(runs)('hostile content $name', ({ bypassCSP }) => {
  let browser: Browser;
  let app: AppSession;
  let seen: Watch;
  let startUrl: string;

  beforeAll(async () => {
    browser = await launchBrowser({ width: 1280, height: 1000, bypassCSP });
    seen = watch(browser);
    app = await openApp({ browser, dataDir, rendererDir });
    startUrl = app.page.url();
    app.page.on('framenavigated', (frame) => {
      if (frame === app.page.mainFrame()) seen.navigations.push(frame.url());
    });
  }, 60_000);

  afterAll(async () => {
    await app?.close().catch(() => undefined);
    await browser?.close();
  });

  it('shows the hostile feed and folder names in the sidebar as text', async () => {
    const $ = ui(app.page);
    // The wire's name is the OPML's, the pages feed's its own <title>: both hostile, both text.
    await $.navItem(site.subscribedName('wire')!).waitFor();
    await waitForText($.sidebar, /Hostile pages/);
    // The folder's name is the OPML's text, shown literally: markup as words, not as elements.
    const folder = $.sidebar.getByText(/^Folder /);
    await folder.waitFor();
    expect(await folder.textContent()).toBe(`Folder ${site.vectors[2]!.html}`);
    expect(await $.sidebar.locator('script, img:not(.feed-icon), svg:not([aria-hidden]) script').count()).toBe(0);
  });

  for (const feed of ['wire', 'pages'] as const) {
    it(`opens every ${feed} article: readable text, every comment readable, nothing runs`, async () => {
      const $ = ui(app.page);
      const name = site.subscribedName(feed) ?? new RegExp(`Hostile ${feed}`);
      await $.navItem(name).click();
      await $.listTitle.filter({ hasText: name }).first().waitFor();
      const articles = site.articles.filter((article) => article.feed === feed);
      for (const article of articles) await readArticle(app.page, article);
    }, 240_000);
  }

  it('shows search results for a word of the hostile articles as text', async () => {
    const $ = ui(app.page);
    await $.search.fill('ferry');
    await waitForText($.listTitle, /Search: “ferry”/);
    // The hostile titles rank among the matches (their vectors are words of the title now); any of them will do.
    await $.row(/Harbour (wire|pages) report \d+/).first().waitFor();
    expect(await $.rows.count()).toBeGreaterThanOrEqual(site.articles.length / 2);
    const marks = await $.list.locator('mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    expect(await $.list.locator('img:not(.feed-icon), script, iframe, svg script').count()).toBe(0);
    await $.search.press('Escape');
  });

  it('takes a vector typed into the search box as words to look for', async () => {
    const $ = ui(app.page);
    const query = `<img src=x onerror="alert('XSS-SEARCH')"> quay`;
    await $.search.fill(query);
    await waitForText($.listTitle, /Search: “<img src=x onerror="alert\('XSS-SEARCH'\)"> quay”/);
    expect(await $.listTitle.locator('img').count()).toBe(0);
    await $.search.press('Escape');
  });

  it('shows the Drafts view with a hostile draft as text', async () => {
    const $ = ui(app.page);
    await $.navItem('Drafts').click();
    const row = app.page.locator('.draft-row').filter({ hasText: /Harbour wire report 1(?!\d)/ });
    await waitForText(row, /My reply, plain words after the markup\./);
    expect(await row.locator('.draft-excerpt').textContent()).toBe(DRAFT_BODY);
    expect(await row.textContent()).toContain('reply to Reader');
    expect(await row.locator('img, svg').count()).toBe(0);
  });

  it('ran no script, navigated nowhere, opened no window, and asked no one but the preview server', () => {
    expect(seen.dialogs).toEqual([]);
    expect(seen.markers).toEqual([]);
    expect(seen.navigations).toEqual([]);
    expect(app.page.url()).toBe(startUrl);
    expect(seen.pages.filter((page) => page !== app.page).map((page) => page.url())).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
    expect(app.pageErrors).toEqual([]);
    expect(site.leak.requests.slice(leakRequestsAfterSync).map((request) => request.path)).toEqual([]);
    expect(site.server.requests.slice(siteRequestsAfterSync).map((request) => request.path)).toEqual([]);
  });

  // A control, so the checks above cannot pass by being blind: markup that skipped the sanitizer,
  // put straight into the reader of this page, is seen by each of them.
  it.runIf(bypassCSP)('control: an unsanitized vector in the reader is caught by the same watch', async () => {
    const leakBefore = site.leak.requests.length;
    const leakUrl = site.leak.url('/leak/XSS-CONTROL.png');
    await ui(app.page).articleBody.first().evaluate((body, url) => {
      body.innerHTML = `<img src="x" onerror="console.log('XSS-CONTROL'); alert('XSS-CONTROL')"><img src="${url}">`;
    }, leakUrl);
    await expect.poll(() => seen.dialogs, { timeout: 20_000 }).toEqual(['alert: XSS-CONTROL']);
    await expect.poll(() => site.leak.requests.length, { timeout: 20_000 }).toBe(leakBefore + 1);
    expect(seen.markers).toEqual(['XSS-CONTROL']);
    expect(app.foreignRequests).toContain(leakUrl);
  });
});

async function readArticle(page: Page, article: HostileArticle): Promise<void> {
  const $ = ui(page);
  const title = new RegExp(`${article.title}(?!\\d)`);
  await $.row(title).first().click();
  await waitForText($.articleTitle, title);
  // The text a person came for is there and visible, before and after every vector.
  await $.articleBody.getByText(article.sentence).waitFor();
  // Of its two enclosures only the web one is listed (the javascript: one was dropped at parse).
  expect(await page.getByRole('list', { name: 'Attachments' }).getByRole('button').allTextContents()).toEqual([
    expect.stringMatching(new RegExp(`^Audio: enclosure-${article.feed}-${article.group}\\.mp3 \\(1 B\\)$`)),
  ]);
  for (const vector of article.vectors) {
    expect(await $.articleBody.getByText(`After ${vector.id} the quay reopened.`).isVisible(), `${article.title}: text after ${vector.id}`).toBe(true);
  }
  const comments = page.locator('section.comments');
  await comments.getByText(article.commentSentence).waitFor();
  expect(await comments.locator('.comment').count()).toBe(article.vectors.length);
  for (const vector of article.vectors) {
    expect(await comments.getByText(`After ${vector.id} the reader signed off.`).isVisible(), `${article.title}: comment after ${vector.id}`).toBe(true);
  }
  if (article.feed === 'wire' && article.group === 0 && !(await page.evaluate(() => document.body.dataset.shot))) {
    // Once per page (the first run): the article's top, then its thread, for a person to look at.
    await page.evaluate(() => (document.body.dataset.shot = 'taken'));
    await $.articleTitle.evaluate((title) => {
      for (let box = title.parentElement; box; box = box.parentElement) box.scrollTop = 0;
    });
    await screenshot(page, 'xss-article-light');
    await comments.locator('.comment').first().evaluate((comment) => comment.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'xss-comments-light');
  }
}
