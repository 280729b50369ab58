// The app is not alone with its data folder: the CLI (or a second window) may write to it while
// a page is open. A draft saved from a terminal, a feed added there and the articles a sync there
// stores show in the open page without a reload, because the core turns other processes' commits into its own events.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NewsSite } from '../support/news-site';
import { paperboy } from '../support/processes';
import { removeTempDirs, tempDir } from '../support/temp';
import { openApp, type AppSession } from './support/app';
import { launchBrowser, type Browser } from './support/browser';
import { ui, waitForText } from './support/pages';
import { buildRendererForTests } from './support/renderer-build';
import { screenshot } from './support/screenshots';

const TERMINAL_REPLY = 'Written in a terminal while the app was open.';

let rendererDir: string;
let browser: Browser;
let site: NewsSite;
let dataDir: string;
let app: AppSession;

beforeAll(async () => {
  rendererDir = await buildRendererForTests();
  browser = await launchBrowser({ width: 1280, height: 800 });
  site = await NewsSite.start({ feeds: 1, itemsPerFeed: 2 });
  dataDir = tempDir('paperboy-e2e-processes-');
  app = await openApp({ browser, dataDir, rendererDir, core: { watchOtherProcesses: true } });
}, 60_000);

afterAll(async () => {
  await app?.close().catch(() => undefined);
  await browser?.close();
  await site?.stop();
  removeTempDirs();
});

describe('changes made by another process', () => {
  it('a draft saved through the CLI shows in the open Drafts view without a reload', async () => {
    const $ = ui(app.page);
    await $.navItem('Drafts').click();
    const row = app.page.locator('.draft-row').filter({ hasText: TERMINAL_REPLY });
    expect(await row.count()).toBe(0);
    const [article] = (await app.core.api.listArticles({ filter: { kind: 'all' }, limit: 1 })).articles;
    const run = await paperboy('call', 'saveDraft', JSON.stringify([{ articleId: article!.id, body: TERMINAL_REPLY, name: 'Terminal Tess' }]), '--data', dataDir);
    expect(run.code, run.stderr).toBe(0);
    await waitForText(row, /Written in a terminal/);
    await screenshot(app.page, 'drafts-from-the-cli');
  });

  it('a feed added through the CLI shows in the open sidebar without a reload', async () => {
    const run = await paperboy('add', site.feedUrl(0), '--data', dataDir);
    expect(run.code, run.stderr).toBe(0);
    const title = JSON.parse((await paperboy('call', 'listFeeds', '[]', '--data', dataDir)).stdout).find((feed: { url: string }) => feed.url === site.feedUrl(0)).title as string;
    await ui(app.page).navItem(title).waitFor();
  });

  it("a sync in the CLI shows its new articles in the open list and the sidebar's count without a reload", async () => {
    const $ = ui(app.page);
    await $.navItem('All articles').click();
    await $.row(/Story 1 of feed 0/).waitFor();
    expect(await $.row(/Story 2 of feed 0/).count()).toBe(0);
    site.publish(0);
    const run = await paperboy('sync', '--no-fulltext', '--no-images', '--data', dataDir);
    expect(run.code, run.stderr).toBe(0);
    await $.row(/Story 2 of feed 0/).waitFor({ timeout: 10_000 });
    const title = (await app.core.api.listFeeds()).find((feed) => feed.url === site.feedUrl(0))!.title;
    await waitForText($.navItem(title), /3/);
    await screenshot(app.page, 'cli-sync-in-open-app');
  });
});
