// The comment composer's own promises, in Chromium on the real core: the welcome article shows
// one comment section (the app's); words typed just before a reload are kept; a draft that
// cannot be saved (a full disk) says "Not saved" and is saved by itself once there is room; the
// counter shows the site's length limit and Send waits until the text fits; "Send all queued"
// waits out the site's flood check and shows how far it is.
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from '../support/temp';
import { TinyDisk } from '../support/tiny-disk';
import { WordPressSite } from '../support/wordpress';
import { openApp, type AppSession } from './support/app';
import { launchBrowser, type Browser } from './support/browser';
import { ui, waitForText } from './support/pages';
import { buildRendererForTests } from './support/renderer-build';
import { screenshot } from './support/screenshots';

const NATO = /NATO is in security dialogue with Russia/;
const HOW_TO = /read the news anywhere/;

let rendererDir: string;
let browser: Browser;
let app: AppSession | undefined;

beforeAll(async () => {
  rendererDir = await buildRendererForTests();
  browser = await launchBrowser({ width: 1280, height: 1000 });
}, 60_000);

afterAll(async () => {
  await app?.close().catch(() => undefined);
  await browser?.close();
  removeTempDirs();
});

const comments = () => app!.page.locator('section.comments');
const commentBox = () => app!.page.getByRole('textbox', { name: /Comment/ });

async function open(title: RegExp): Promise<void> {
  const $ = ui(app!.page);
  await $.row(title).first().click();
  await waitForText($.articleTitle, title);
}

describe('the comment composer', () => {
  it('shows the welcome article’s comment section once, under the article', async () => {
    app = await openApp({ browser, dataDir: tempDir('paperboy-e2e-composer-'), rendererDir });
    await open(NATO);
    await comments().getByRole('heading', { name: 'Leave a Reply' }).waitFor();
    expect(await app.page.getByText('Leave a Reply', { exact: true }).count()).toBe(1);
    expect(await app.page.getByText('No comments yet. Why don’t you start the discussion?').count()).toBe(1);
    expect(await app.page.getByText('Your email address will not be published.').count()).toBe(1);
  });

  it('keeps the words typed right before a reload', async () => {
    await open(HOW_TO);
    await commentBox().fill('Typed, and the page reloaded at once.');
    // No wait for "Draft saved": the reload comes well inside the half second before a save.
    await app!.page.reload();
    await open(HOW_TO);
    await waitForText(comments().locator('.composer-status'), /Draft saved/);
    expect(await commentBox().inputValue()).toBe('Typed, and the page reloaded at once.');
    await app!.close();
    app = undefined;
  });

  it('says "Not saved" on a full disk, and saves the draft by itself once there is room', async () => {
    const dataDir = tempDir('paperboy-e2e-composer-full-');
    const disk = TinyDisk.mount(dataDir, 4096);
    try {
      app = await openApp({ browser, dataDir, rendererDir });
      await open(HOW_TO);
      const filler = path.join(dataDir, 'filler');
      try {
        writeFileSync(filler, Buffer.alloc(8 * 1024 * 1024));
      } catch {
        // The disk is full now: exactly what is wanted.
      }
      await commentBox().fill('Written while the disk was full.');
      await waitForText(comments().locator('.composer-status'), /^Not saved$/);
      await waitForText(comments().locator('.error'), /could not be saved: .*Paperboy keeps trying/);
      await screenshot(app.page, 'composer-not-saved-light');
      rmSync(filler);
      // Nothing typed since: the retry saves it.
      await waitForText(comments().locator('.composer-status'), /^Draft saved$/);
      const drafts = await app.core.api.getDrafts();
      expect(drafts.map((d) => d.body)).toEqual(['Written while the disk was full.']);
    } finally {
      await app?.close().catch(() => undefined);
      app = undefined;
      disk.unmount();
    }
  });

  it('counts bytes against the site’s limit, as WordPress does, and sends only what fits', async () => {
    const site = await WordPressSite.start();
    try {
      app = await openApp({ browser, dataDir: tempDir('paperboy-e2e-composer-site-'), rendererDir, core: { welcome: false } });
      await app.core.api.addFeed(site.feedUrl);
      await app.core.api.sync();
      await app.page.reload();
      await open(NATO);
      await commentBox().fill('Short and sweet.');
      await waitForText(comments().locator('.composer-count'), /^16 \/ 65,525 bytes$/);
      // 32,763 characters, 65,526 bytes: one over what WordPress takes.
      await commentBox().fill('é'.repeat(32_763));
      await waitForText(
        comments().locator('.composer-count'),
        /^1 byte over the site's limit of 65,525 bytes \(a plain letter is 1, an accented one 2, most other scripts 3 or 4\): shorten it to send it\.$/,
      );
      expect(await comments().getByRole('button', { name: 'Send', exact: true }).isDisabled()).toBe(true);
      await comments().locator('.composer-count').scrollIntoViewIfNeeded();
      await screenshot(app.page, 'composer-over-limit-bytes-light');
      await commentBox().fill(`${'é'.repeat(32_762)}a`);
      await waitForText(comments().locator('.composer-count'), /^65,525 \/ 65,525 bytes$/);
      expect(await comments().getByRole('button', { name: 'Send', exact: true }).isDisabled()).toBe(false);
      await commentBox().fill('Short again.');
      expect(await comments().getByRole('button', { name: 'Send', exact: true }).isDisabled()).toBe(false);
      expect(app.foreignRequests).toEqual([]);
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app?.close().catch(() => undefined);
      app = undefined;
      await site.stop();
    }
  });

  it('"Send all queued" waits out the flood check and shows its progress, the wait included', async () => {
    const site = await WordPressSite.start({ floodIntervalMs: 2_000, floodRetryAfter: true });
    try {
      app = await openApp({ browser, dataDir: tempDir('paperboy-e2e-composer-flood-'), rendererDir, core: { welcome: false } });
      await app.core.api.addFeed(site.feedUrl);
      await app.core.api.sync();
      const articleId = (await app.core.api.listArticles({ filter: { kind: 'all' } })).articles[0]!.id;
      for (const body of ['First point.', 'Second point.', 'Third point.']) {
        const draft = await app.core.api.saveDraft({ articleId, body, name: 'Ada Reader', email: 'ada@example.org' });
        await app.core.api.sendDraft(draft.id);
      }
      await app.page.reload();
      await ui(app.page).navItem('Drafts').click();
      await app.page.getByRole('button', { name: 'Send all queued (2)' }).click();
      const progress = app.page.locator('.send-progress');
      await waitForText(progress, /^Sending queued comments: 1 of 2 done\. The site asked for a pause between comments: waiting [12] seconds? before the next one\.$/);
      await screenshot(app.page, 'drafts-send-all-progress-light');
      await progress.waitFor({ state: 'detached' });
      expect(site.comments.map((c) => c.content)).toEqual(['First point.', 'Second point.', 'Third point.']);
      await waitForText(app.page.locator('.draft-row').filter({ hasText: 'Third point.' }), /Sent/);
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app?.close().catch(() => undefined);
      app = undefined;
      await site.stop();
    }
  });
});
