// What the Drafts view and the composer say about queued comments, in Chromium on the real core
// with a WordPress site on loopback: a queued draft whose article went with its feed is counted
// in no "Send all queued"; a queued draft edited in the composer says, before and after the
// change, that it waits for Send again; and a save that reaches the core after another window
// (here the core itself, as the CLI would) wrote the draft keeps both texts.
import type { Page, Route } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from '../support/temp';
import { WordPressSite } from '../support/wordpress';
import { openApp, type AppSession } from './support/app';
import { launchBrowser, type Browser } from './support/browser';
import { ui, waitForText } from './support/pages';
import { buildRendererForTests } from './support/renderer-build';
import { screenshot } from './support/screenshots';

const NATO = /NATO is in security dialogue with Russia/;
const HOW_TO = /read the news anywhere/;
const ADA = { name: 'Ada Reader', email: 'ada@example.org' };

let rendererDir: string;
let browser: Browser;
let app: AppSession | undefined;
let site: WordPressSite | undefined;

beforeAll(async () => {
  rendererDir = await buildRendererForTests();
  browser = await launchBrowser({ width: 1280, height: 1000 });
}, 60_000);

afterEach(async () => {
  await app?.close().catch(() => undefined);
  app = undefined;
  await site?.stop().catch(() => undefined);
  site = undefined;
});

afterAll(async () => {
  await browser?.close();
  removeTempDirs();
});

/** An app subscribed to the site, with one draft the person sent while the site was down: queued. */
async function appWithQueuedDraft(host: string, body: string): Promise<{ session: AppSession; draftId: number }> {
  site = await WordPressSite.start({}, host);
  const session = await openApp({ browser, dataDir: tempDir('paperboy-e2e-queued-'), rendererDir, core: { welcome: false } });
  app = session;
  await session.core.api.addFeed(site.feedUrl);
  await session.core.api.sync();
  const articleId = (await session.core.api.listArticles({ filter: { kind: 'all' } })).articles[0]!.id;
  const draft = await session.core.api.saveDraft({ articleId, body, ...ADA });
  await site.stop();
  expect(await session.core.api.sendDraft(draft.id)).toMatchObject({ outcome: 'unreachable', draft: { state: 'queued' } });
  return { session, draftId: draft.id };
}

const comments = (page: Page) => page.locator('section.comments');
const commentBox = (page: Page) => comments(page).getByRole('textbox', { name: /Comment/ });
const sendAllQueued = (page: Page) => page.getByRole('button', { name: /^Send all queued/ });

async function open(page: Page, title: RegExp): Promise<void> {
  const $ = ui(page);
  await $.row(title).first().click();
  await waitForText($.articleTitle, title);
  await comments(page).getByRole('heading', { name: 'Leave a Reply' }).waitFor();
}

describe('the Drafts view', () => {
  it('counts no queued draft whose article went with its feed, and still shows it with the reason', async () => {
    const { session } = await appWithQueuedDraft('127.0.33.12', 'Ferries should run later on Fridays.');
    const [feed] = await session.core.api.listFeeds();
    await session.core.api.removeFeed(feed!.id);
    await session.page.reload();
    await ui(session.page).navItem('Drafts').click();
    const row = session.page.locator('.draft-row').filter({ hasText: 'Ferries should run later on Fridays.' });
    await waitForText(row, /The article is no longer stored\./);
    expect(await row.locator('.draft-state').textContent()).not.toBe('Queued');
    expect(await sendAllQueued(session.page).textContent()).toBe('Send all queued');
    expect(await sendAllQueued(session.page).isDisabled()).toBe(true);
    expect(session.pageErrors).toEqual([]);
  });
});

describe('the composer, on a queued draft', () => {
  it('says that a change takes it out of the queue, and says so again once it did', async () => {
    const { session, draftId } = await appWithQueuedDraft('127.0.33.13', 'Ferries should run later.');
    await session.page.reload();
    await open(session.page, NATO);
    await waitForText(comments(session.page).locator('.composer-status'), /^Draft saved \(queued\)$/);
    await waitForText(comments(session.page).locator('.composer-queued'), /^Queued to send: .*Changing it takes it out of the queue until you press Send again\.$/);
    await comments(session.page).locator('.composer-queued').scrollIntoViewIfNeeded();
    await screenshot(session.page, 'composer-queued-draft');

    await commentBox(session.page).click();
    await session.page.keyboard.press('End');
    await commentBox(session.page).pressSequentially(' Typo fixed.', { delay: 60 });
    await waitForText(
      comments(session.page).locator('.composer-notice'),
      /^You changed this comment after asking to send it, so it is no longer queued: press Send when it is ready\.$/,
    );
    await waitForText(comments(session.page).locator('.composer-status'), /^Draft saved$/);
    expect(await comments(session.page).locator('.composer-queued').count()).toBe(0);
    await expect.poll(async () => (await session.core.api.getDraft(draftId))?.body, { timeout: 5_000 }).toBe('Ferries should run later. Typo fixed.');
    expect((await session.core.api.getDraft(draftId))?.state).toBe('draft');

    await ui(session.page).navItem('Drafts').click();
    await waitForText(session.page.locator('.draft-row .draft-state'), /^Draft$/);
    expect(await sendAllQueued(session.page).isDisabled()).toBe(true);
    expect(session.pageErrors).toEqual([]);
  });
});

describe('a save that arrives after the draft was written elsewhere', () => {
  it('keeps both texts and says so, even when the other write came between its check and its save', async () => {
    const session = await openApp({ browser, dataDir: tempDir('paperboy-e2e-queued-race-'), rendererDir });
    app = session;
    const articleId = (await session.core.api.listArticles({ filter: { kind: 'all' } })).articles.find((a) => HOW_TO.test(a.title))!.id;
    const draft = await session.core.api.saveDraft({ articleId, body: 'Start.', ...ADA });
    await session.page.reload();
    await open(session.page, HOW_TO);
    await expect.poll(() => commentBox(session.page).inputValue()).toBe('Start.');

    // The window's save is held on its way to the core while the command line writes the draft.
    let held = false;
    await session.page.route('**/api/call', async (route: Route) => {
      const call = route.request().postDataJSON() as { method: string };
      if (call.method === 'saveDraft' && !held) {
        held = true;
        await session.core.api.saveDraft({ id: draft.id, body: 'Start. Written in a terminal.' });
      }
      await route.continue();
    });
    await commentBox(session.page).click();
    await session.page.keyboard.press('End');
    await commentBox(session.page).pressSequentially(' Typed in the window.', { delay: 60 });

    const bodies = async () => (await session.core.api.getDrafts(articleId)).map((d) => d.body).sort();
    await expect.poll(bodies, { timeout: 5_000 }).toEqual(['Start. Typed in the window.', 'Start. Written in a terminal.']);
    expect(held).toBe(true);
    await waitForText(comments(session.page).locator('.composer-notice'), /changed in another window .* Both versions are kept/);
    expect(await commentBox(session.page).inputValue()).toBe('Start. Typed in the window.');
    expect(session.pageErrors).toEqual([]);
  });
});
