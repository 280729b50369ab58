// The keyboard, as a person who never touches the mouse uses it: j/k move through the list and
// open articles, m and s mark, g u / g a / g s jump between views, n finds the next unread,
// space pages the article, / searches, ? lists the keys.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Core } from '../../electron/core/core';
import { NewsSite } from '../support/news-site';
import { removeTempDirs, tempDir } from '../support/temp';
import { openApp, type AppSession } from './support/app';
import { launchBrowser, type Browser } from './support/browser';
import { gate } from './support/gate';
import { ui, waitForText } from './support/pages';
import { buildRendererForTests } from './support/renderer-build';

let browser: Browser;
let site: NewsSite;
let app: AppSession;

beforeAll(async () => {
  const rendererDir = await buildRendererForTests();
  browser = await launchBrowser();
  site = await NewsSite.start({ feeds: 1, itemsPerFeed: 6 });
  const dataDir = tempDir('paperboy-e2e-keys-');
  const core = new Core({ dataDir, workers: 1 });
  await core.api.addFeed(site.feedUrl(0));
  await core.close();
  app = await openApp({ browser, dataDir, rendererDir });
}, 60_000);

afterAll(async () => {
  await app?.close();
  await browser?.close();
  await site?.stop();
  removeTempDirs();
});

const selectedTitle = () => app.page.locator('[role="option"][aria-selected="true"] .row-title').evaluate((title) => title.lastChild?.textContent ?? null);

describe('keyboard navigation', () => {
  it('j and k move through the list, opening each article and marking it read', async () => {
    const { page } = app;
    const $ = ui(page);
    await $.row(/Story 5 of feed 0/).waitFor();
    const first = (await $.rows.nth(0).locator('.row-title').evaluate((title) => title.lastChild?.textContent))!;

    await page.keyboard.press('j');
    await waitForText($.articleTitle, new RegExp(first.replace(/[^\w ]/g, '.')));
    expect(await selectedTitle()).toBe(first);
    await page.keyboard.press('j');
    await waitForText($.articleTitle, /Story 5 of feed 0/);
    await page.keyboard.press('j');
    await waitForText($.articleTitle, /Story 4 of feed 0/);
    await page.keyboard.press('k');
    await waitForText($.articleTitle, /Story 5 of feed 0/);
    expect(await selectedTitle()).toBe('Story 5 of feed 0: talks continue');
    expect(await $.row(/Story 4 of feed 0/).getAttribute('class')).toMatch(/\bread\b/);
    expect(await page.locator('.list-pane').getByRole('listbox').getAttribute('aria-activedescendant')).toMatch(/^article-row-/);

    // In the focused list, the arrow keys do the same.
    await page.locator('.list-pane').getByRole('listbox').focus();
    await page.keyboard.press('ArrowDown');
    await waitForText($.articleTitle, /Story 4 of feed 0/);
    await page.keyboard.press('ArrowUp');
    await waitForText($.articleTitle, /Story 5 of feed 0/);
  });

  it('m toggles read and s toggles the star of the open article', async () => {
    const { page } = app;
    const $ = ui(page);
    await page.keyboard.press('m');
    await $.reader.getByRole('button', { name: 'Mark read' }).waitFor();
    expect(await $.row(/Story 5 of feed 0/).getAttribute('class')).toMatch(/\bunread\b/);
    await page.keyboard.press('m');
    await $.reader.getByRole('button', { name: 'Mark unread' }).waitFor();

    await page.keyboard.press('s');
    await $.reader.getByRole('button', { name: 'Star', exact: true, pressed: true }).waitFor();
    expect(await $.row(/Story 5 of feed 0/).locator('.row-star').count()).toBe(1);
  });

  it('g s, g u and g a jump between Starred, Unread and All; n opens the next unread', async () => {
    const { page } = app;
    const $ = ui(page);
    await page.keyboard.press('g');
    await page.keyboard.press('s');
    await waitForText($.listTitle, /^Starred$/);
    await $.row(/Story 5 of feed 0/).waitFor();
    expect(await $.rows.count()).toBe(1);

    await page.keyboard.press('g');
    await page.keyboard.press('u');
    await waitForText($.listTitle, /^Unread$/);
    await $.row(/Story 3 of feed 0/).waitFor();
    // Read so far: the welcome how-to, stories 5 and 4. The first unread is story 3.
    expect(await $.row(/Story 5 of feed 0/).count()).toBe(0);
    await page.keyboard.press('n');
    await waitForText($.articleTitle, /Story 3 of feed 0/);
    await page.keyboard.press('n');
    await waitForText($.articleTitle, /Story 2 of feed 0/);
    await page.keyboard.press('p');
    // Story 3 was read by opening it: p goes back past it to nothing unread above, and stays.
    expect(await selectedTitle()).toBe('Story 2 of feed 0: talks continue');

    await page.keyboard.press('g');
    await page.keyboard.press('a');
    await waitForText($.listTitle, /^All articles$/);
  });

  it('space pages through a long article', async () => {
    const { page } = app;
    const $ = ui(page);
    await $.row(/NATO is in security dialogue/).click();
    await waitForText($.articleTitle, /NATO/);
    await page.locator('.list-pane [role="listbox"]').focus();
    const scrollTop = () => $.reader.evaluate((element) => element.scrollTop);
    expect(await scrollTop()).toBe(0);
    await page.keyboard.press(' ');
    await page.waitForFunction(() => (document.querySelector('.reader-pane')?.scrollTop ?? 0) > 0);
    const once = await scrollTop();
    await page.keyboard.press(' ');
    await page.waitForFunction((previous) => (document.querySelector('.reader-pane')?.scrollTop ?? 0) > previous, once);
    const twice = await scrollTop();
    await page.keyboard.press('Shift+ ');
    await page.waitForFunction((previous) => (document.querySelector('.reader-pane')?.scrollTop ?? 0) < previous, twice);
    // Still the same article: paging never skips ahead before the end.
    await waitForText($.articleTitle, /NATO/);
  });

  it('r starts a sync, and Cancel stops it', async () => {
    const { page } = app;
    const $ = ui(page);
    const held = gate();
    const reached = gate();
    site.publish(0);
    site.server.route('/feeds/0/articles/6.html', async (_req, res) => {
      reached.open();
      await held.opened;
      res.writeHead(404);
      res.end();
    });
    await page.locator('body').click({ position: { x: 5, y: 840 } });
    await page.keyboard.press('r');
    await $.progressbar.waitFor();
    await waitForText($.syncStatus, /Syncing/);
    // Cancelled once the feed is in and its articles are being fetched: the summary says what is
    // left for the next sync (cancelled before anything was fetched, it says only that).
    await reached.opened;
    await $.syncStatus.getByRole('button', { name: 'Cancel' }).click();
    await waitForText($.syncStatus, /Sync cancelled: [1-9]\d* feeds? checked, .*\. The next sync goes on from there\./);
    held.open();
    expect(await page.getByRole('button', { name: 'Sync', exact: true }).isEnabled()).toBe(true);
  });

  it('menu commands from the host open the same dialogs', async () => {
    const { page } = app;
    const $ = ui(page);
    app.server.send('command', 'add-feed');
    await $.dialog.getByRole('heading', { name: 'Add a feed' }).waitFor();
    await page.keyboard.press('Escape');
    await $.dialog.waitFor({ state: 'detached' });
    app.server.send('command', 'settings');
    await $.dialog.getByRole('heading', { name: 'Settings' }).waitFor();
    await page.keyboard.press('Escape');
    await $.dialog.waitFor({ state: 'detached' });
  });

  it('/ focuses the search, ? shows the shortcut list, Escape closes it', async () => {
    const { page } = app;
    const $ = ui(page);
    await page.keyboard.press('/');
    expect(await $.search.evaluate((input) => input === document.activeElement)).toBe(true);
    // Letters typed in the search box are text, not commands.
    await page.keyboard.type('gs');
    expect(await $.search.inputValue()).toBe('gs');
    await page.keyboard.press('Escape');
    expect(await $.search.inputValue()).toBe('');

    await page.keyboard.press('?');
    await $.dialog.getByRole('heading', { name: 'Keyboard shortcuts' }).waitFor();
    expect(await $.dialog.getByRole('row').count()).toBeGreaterThanOrEqual(15);
    await page.keyboard.press('Escape');
    await $.dialog.waitFor({ state: 'detached' });
    expect(app.foreignRequests).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });
});
