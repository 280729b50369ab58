// The comment composer with a screen reader, in Chromium on the real core and a WordPress site on
// loopback: typing is not talked over by the byte counter (it speaks only near and over the
// site's limit), the required fields say so, and after Send the focus stays in the composer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from '../support/temp';
import { WordPressSite } from '../support/wordpress';
import { openApp, type AppSession } from './support/app';
import { launchBrowser, type Browser } from './support/browser';
import { ui, waitForText } from './support/pages';
import { buildRendererForTests } from './support/renderer-build';
import { screenshot } from './support/screenshots';

let browser: Browser;
let site: WordPressSite;
let app: AppSession;

beforeAll(async () => {
  const rendererDir = await buildRendererForTests();
  browser = await launchBrowser({ width: 1280, height: 1000 });
  site = await WordPressSite.start();
  app = await openApp({ browser, dataDir: tempDir('paperboy-e2e-composer-a11y-'), rendererDir, core: { welcome: false } });
  await app.core.api.addFeed(site.feedUrl);
  await app.core.api.sync();
  await app.page.reload();
  const $ = ui(app.page);
  await $.row(/NATO is in security dialogue/).first().click();
  await waitForText($.articleTitle, /NATO is in security dialogue/);
}, 60_000);

afterAll(async () => {
  await app?.close();
  await browser?.close();
  await site?.stop();
  removeTempDirs();
});

const composer = () => app.page.locator('form.comment-composer');
const commentBox = () => composer().getByRole('textbox', { name: /Comment/ });

/** Starts recording what the composer's live regions say; returns a reader of the record. */
async function recordAnnouncements(): Promise<() => Promise<string[]>> {
  await composer().evaluate((form) => {
    const said: string[] = [];
    (window as unknown as { said: string[] }).said = said;
    new MutationObserver((changes) => {
      for (const change of changes) {
        const element = change.target instanceof Element ? change.target : change.target.parentElement;
        const region = element?.closest('[aria-live], [role=status], [role=alert], [role=log]');
        if (region && form.contains(region)) said.push(region.textContent?.trim() ?? '');
      }
    }).observe(form, { subtree: true, childList: true, characterData: true });
  });
  return () => app.page.evaluate(() => (window as unknown as { said: string[] }).said.filter(Boolean));
}

describe('the comment composer, heard', () => {
  it('says nothing while a short comment is typed, and speaks once near the limit and once over it', async () => {
    const announced = await recordAnnouncements();
    await commentBox().pressSequentially('Thank you, the ramp is welcome.');
    await waitForText(composer().locator('.composer-count'), /^31 \/ 65,525 bytes$/);
    await waitForText(composer().locator('.composer-status'), /^Draft saved$/);
    expect(await announced()).toEqual([]);

    await commentBox().fill('a'.repeat(60_000));
    await waitForText(composer().locator('[aria-live]'), /close to the site’s length limit/);
    await commentBox().fill('a'.repeat(65_526));
    await waitForText(composer().locator('[aria-live]'), /over the site’s length limit: shorten it/);
    await commentBox().fill('');
  });

  it('marks the comment, name and email required, without reading out the asterisk', async () => {
    for (const name of ['Comment', 'Name', 'Email']) {
      const field = composer().getByRole('textbox', { name, exact: true });
      expect(await field.evaluate((input: HTMLInputElement | HTMLTextAreaElement) => input.required), name).toBe(true);
    }
    expect(await composer().getByRole('textbox', { name: 'Website', exact: true }).evaluate((input: HTMLInputElement) => input.required)).toBe(false);
  });

  it('keeps the focus in the composer after Send, on what the send did', async () => {
    const { page } = app;
    await commentBox().fill('Sent from the keyboard.');
    await composer().getByRole('textbox', { name: 'Name', exact: true }).fill('Ana Reader');
    await composer().getByRole('textbox', { name: 'Email', exact: true }).fill('ana@example.org');
    await composer().getByRole('button', { name: 'Send', exact: true }).focus();
    await page.keyboard.press('Enter');
    await composer().locator('[data-outcome]').waitFor();
    expect(site.comments.map((comment) => comment.content)).toEqual(['Sent from the keyboard.']);
    await expect
      .poll(() => page.evaluate(() => (document.activeElement?.closest('form.comment-composer .composer-outcome') ?? null) !== null))
      .toBe(true);
    // Tab goes on from there, to the outcome's link, not from the top of the page.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('See it on the site');
    await composer().scrollIntoViewIfNeeded();
    await screenshot(page, 'composer-sent-focus-light');
  });
});
