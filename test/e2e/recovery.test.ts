// A damaged database at start, as the person sees it in the app: a banner says the database was
// replaced, where the damaged file is kept and what came back; the recovered draft is in Drafts;
// Dismiss removes the banner, and it stays dismissed on reload.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Storage } from '../../electron/core/storage';
import { DATABASE_FILE } from '../../electron/core/storage/database';
import { item } from '../storage/items';
import { damageMiddle } from '../support/damage';
import { removeTempDirs, tempDir } from '../support/temp';
import { openApp, type AppSession } from './support/app';
import { launchBrowser, type Browser } from './support/browser';
import { ui } from './support/pages';
import { buildRendererForTests } from './support/renderer-build';
import { screenshot } from './support/screenshots';

let rendererDir: string;
let browser: Browser;
let app: AppSession | null = null;

beforeAll(async () => {
  rendererDir = await buildRendererForTests();
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await app?.close().catch(() => undefined);
  await browser?.close();
  removeTempDirs();
});

/** A data folder with a subscription, a draft and many articles, then junk over its middle pages. */
function damagedFolder(): string {
  const dir = tempDir('paperboy-e2e-recovery-');
  const storage = Storage.open(dir);
  const feedId = storage.feeds.add({ url: 'http://127.0.0.1:9/dispatch.xml', title: 'The Evening Dispatch', siteUrl: null, description: null, folderId: null });
  const first = item({ title: 'NATO talks' });
  storage.articles.upsertFeedItems(feedId, [first], Date.now());
  storage.drafts.create({
    articleId: first.id, articleTitle: 'NATO talks', articleUrl: null, feedTitle: 'The Evening Dispatch', replyTo: null,
    body: 'My reply about the talks, written before the disk failed.', name: 'Jo', email: '', website: '',
  });
  storage.db.transaction(() => {
    for (let i = 0; i < 1500; i++) storage.articles.upsertFeedItems(feedId, [item({ feedHtml: `<p>${'Long body. '.repeat(300)}</p>` })], Date.now());
  });
  storage.close();
  damageMiddle(path.join(dir, DATABASE_FILE), 8);
  return dir;
}

describe('a damaged database at start', () => {
  it('is reported in a banner until dismissed, and the recovered draft is in Drafts', async () => {
    const dir = damagedFolder();
    app = await openApp({ browser, dataDir: dir, rendererDir });
    const { page } = app;
    const $ = ui(page);
    const banner = page.getByRole('alert', { name: 'Paperboy started with a new database' });
    await banner.waitFor();
    const text = (await banner.textContent()) ?? '';
    expect(text).toContain(path.join(dir, `${DATABASE_FILE}.corrupt-`));
    expect(text).toMatch(/Recovered from it: 1 comment draft, 1 subscription, 0 folders\./);
    await $.navItem(/The Evening Dispatch/).waitFor();
    await $.navItem(/^Drafts/).click();
    await page.getByText('My reply about the talks, written before the disk failed.').first().waitFor();
    await screenshot(page, 'recovered-database-banner');

    await banner.getByRole('button', { name: 'Dismiss' }).click();
    await banner.waitFor({ state: 'detached' });
    await page.reload();
    await $.navItem(/The Evening Dispatch/).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(app.foreignRequests).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });
});
