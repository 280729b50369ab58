// Comments end to end, in Chromium on the real core: the seed article's (empty) thread read
// offline, a reply typed under it that survives a reload and a restart of the core while the site
// is away, then sent when the site is back, and found in the thread after the next sync.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from '../support/temp';
import { WordPressSite } from '../support/wordpress';
import { openApp, type AppSession } from './support/app';
import { launchBrowser, type Browser } from './support/browser';
import { ui, waitForText } from './support/pages';
import { buildRendererForTests } from './support/renderer-build';
import { screenshot } from './support/screenshots';

const SEED_TITLE = /NATO is in security dialogue with Russia/;
const REPLY = 'Dialogue is better than silence, even when the differences are large.';

let rendererDir: string;
let browser: Browser;
let site: WordPressSite;
let dataDir: string;
let app: AppSession;

beforeAll(async () => {
  rendererDir = await buildRendererForTests();
  browser = await launchBrowser({ width: 1280, height: 1000 });
  site = await WordPressSite.start();
  dataDir = tempDir('paperboy-e2e-comments-');
}, 60_000);

afterAll(async () => {
  await app?.close().catch(() => undefined);
  await browser?.close();
  await site?.stop().catch(() => undefined);
  removeTempDirs();
});

async function openSeedArticle(): Promise<void> {
  const $ = ui(app.page);
  await $.row(SEED_TITLE).first().click();
  await waitForText($.articleTitle, SEED_TITLE);
}

const commentBox = () => app.page.getByRole('textbox', { name: /Comment/ });
const comments = () => app.page.locator('section.comments');

describe('comments: read offline, draft, send when asked', () => {
  it('shows the empty thread and the composer under the seed article', async () => {
    app = await openApp({ browser, dataDir, rendererDir });
    await app.core.api.addFeed(site.feedUrl);
    await app.core.api.sync();
    await app.page.reload();
    await openSeedArticle();
    await comments().getByText('No comments yet. Why don’t you start the discussion?').waitFor();
    expect(await comments().getByRole('heading', { name: 'Leave a Reply' }).isVisible()).toBe(true);
    expect(await comments().getByText('Your email address will not be published.').isVisible()).toBe(true);
    expect(await comments().getByRole('button', { name: 'Send', exact: true }).isVisible()).toBe(true);
  });

  it('keeps a typed reply across a reload, and across a restart while the site is away', async () => {
    const { page } = app;
    await commentBox().fill(REPLY);
    await page.getByRole('textbox', { name: /Name/ }).fill('Ada Reader');
    await page.getByRole('textbox', { name: /Email/ }).fill('ada@example.org');
    await comments().getByText('Draft saved').waitFor();
    await page.reload();
    await openSeedArticle();
    expect(await commentBox().inputValue()).toBe(REPLY);

    await site.stop();
    await app.close();
    app = await openApp({ browser, dataDir, rendererDir });
    await openSeedArticle();
    expect(await commentBox().inputValue()).toBe(REPLY);
    expect(await app.page.getByRole('textbox', { name: /Name/ }).inputValue()).toBe('Ada Reader');
    for (const scheme of ['light', 'dark'] as const) {
      await app.page.emulateMedia({ colorScheme: scheme });
      await comments().scrollIntoViewIfNeeded();
      await screenshot(app.page, `comments-draft-${scheme}`);
    }
    await app.page.emulateMedia({ colorScheme: 'light' });

    // Send while the site is away: nothing is lost, the draft waits in the queue.
    await comments().getByRole('button', { name: 'Send', exact: true }).click();
    await comments().locator('.send-outcome[data-outcome="unreachable"]').waitFor();
    await ui(app.page).navItem('Drafts').click();
    const row = app.page.locator('.draft-row').filter({ hasText: REPLY });
    await waitForText(row, /Queued/);
    await screenshot(app.page, 'drafts-view-light');
  });

  it('sends it when asked, shows the outcome, and finds it in the thread after a sync', async () => {
    const { page } = app;
    await site.server.resume();
    await page.getByRole('button', { name: /Open and edit/ }).click();
    await waitForText(ui(page).articleTitle, SEED_TITLE);
    await comments().getByRole('button', { name: 'Send', exact: true }).click();
    await comments().locator('.send-outcome[data-outcome="sent"]').waitFor();
    expect(site.comments.map((comment) => comment.content)).toEqual([REPLY]);
    // The Drafts view beside it follows.
    await waitForText(page.locator('.draft-row').filter({ hasText: REPLY }), /Sent/);

    // Someone answers on the site: the answer is threaded under it after the sync.
    site.addComment({ author: 'Bob Answer', content: 'Agreed, talking is the first step.', parent: site.comments[0]!.id });
    await page.getByRole('button', { name: 'Sync', exact: true }).click();
    await waitForText(ui(page).syncStatus, /Sync finished/);
    const thread = comments().locator('.comment-list');
    await waitForText(thread, /Dialogue is better than silence/);
    expect(await thread.locator('.comment-author').first().textContent()).toBe('Ada Reader');
    await waitForText(thread.locator('.comment-replies'), /Bob Answer/);
    expect(await comments().getByRole('heading', { name: /Comments \(2\)/ }).isVisible()).toBe(true);
    await thread.locator('.comment-replies').getByRole('button', { name: 'Reply' }).click();
    await comments().getByRole('heading', { name: 'Reply to Bob Answer' }).waitFor();
    expect(await commentBox().evaluate((box) => box === document.activeElement)).toBe(true);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await comments().scrollIntoViewIfNeeded();
      await screenshot(page, `comments-thread-${scheme}`);
    }
  });

  it('deletes a draft with Undo, and exports the drafts as Markdown', async () => {
    const { page } = app;
    await page.emulateMedia({ colorScheme: 'light' });
    await commentBox().fill('A second thought, kept for later.');
    const row = page.locator('.draft-row').filter({ hasText: 'A second thought' });
    await waitForText(row, /Draft/);
    expect(await row.textContent()).toContain('reply to Bob Answer');
    await row.getByRole('button', { name: 'Delete' }).click();
    await row.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Undo' }).click();
    await row.waitFor();

    await page.getByRole('button', { name: 'Export…' }).click();
    const exported = page.getByRole('textbox', { name: 'Exported drafts' });
    await exported.filter({ hasText: 'A second thought' }).waitFor();
    expect(await exported.inputValue()).toContain(REPLY);
    await screenshot(page, 'drafts-export-light');
    await ui(page).dialog.getByRole('button', { name: 'Close' }).click();
  });

  it('offers to carry the text to the browser where no comment form is known', async () => {
    await ui(app.page).navItem('All articles').click();
    await ui(app.page).row(/read the news anywhere/).click();
    await waitForText(ui(app.page).articleTitle, /read the news anywhere/);
    await comments().getByText('The site’s comment form is not known').waitFor();
    expect(await comments().getByRole('button', { name: 'Copy text and open the article in the browser' }).isVisible()).toBe(true);
    expect(await comments().getByRole('button', { name: 'Send', exact: true }).count()).toBe(0);
  });

  it('never asked any origin but the preview server, and logged no errors', () => {
    expect(app.foreignRequests).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });
});
