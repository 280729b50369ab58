// Keyboard only, focus never lost: Enter opens the selected article in either layout (and in one
// pane, moving through the list reads nothing unseen); focus goes to the reader when it opens and
// back to the list's row when it closes; closing a dialog, the Undo toast, the search or the
// drawer, emptying the list, subscribing and removing a feed each leave focus on something that
// is still there. The drawer shuts the panes under it off from Tab; Escape closes it.
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestServer } from '../support/server';
import { gate } from './support/gate';
import { useLibraryApp } from './support/library-app';
import { ui, waitForText } from './support/pages';

const session = useLibraryApp([
  { title: 'Harbour Gazette', articles: 6 },
  { title: 'Quiet Bay Weekly', articles: 3 },
  { title: 'Valley Courier', articles: 4 },
]);

// A site that answers only when the test has looked at the dialog's "Looking…" state.
const held = gate();
let site: TestServer;
beforeAll(async () => {
  site = await TestServer.start('127.0.0.1');
  site.fallback(async (_req, res) => {
    await held.opened;
    res.writeHead(404, { 'content-type': 'text/html' });
    res.end('<!doctype html><title>Not here</title><p>Nothing here.</p>');
  });
});
afterAll(async () => {
  held.open();
  await site?.stop();
});

const page = () => session.app.page;
const hasFocus = (locator: Locator) => locator.evaluate((element) => element === document.activeElement);
const focusLost = () => page().evaluate(() => document.activeElement === null || document.activeElement === document.body);
const listbox = () => page().locator('.list-pane').getByRole('listbox');
const selectedRow = () => page().locator('[role="option"][aria-selected="true"]');

describe('at 1280 x 800', () => {
  it('tells a screen reader that the sidebar is walked with the arrow keys', async () => {
    const $ = ui(page());
    const entry = $.navItem(/^All articles/);
    await entry.waitFor();
    const description = await entry.evaluate((element) =>
      (element.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' '),
    );
    expect(description).toMatch(/Up and Down arrows/);
    // Only the entry Tab lands on says it, not every entry again.
    expect(await $.navItem(/^Unread/).getAttribute('aria-describedby')).toBeNull();
  });

  it('gives focus back to the button that opened a dialog closed with its Close button', async () => {
    const $ = ui(page());
    for (const name of ['Settings', 'Keyboard shortcuts', 'Add feed']) {
      const opener = $.button(name);
      await opener.focus();
      await page().keyboard.press('Enter');
      await $.dialog.waitFor();
      await $.dialog.getByRole('button', { name: 'Close' }).focus();
      await page().keyboard.press('Enter');
      await $.dialog.waitFor({ state: 'detached' });
      expect(await hasFocus(opener), name).toBe(true);
    }
  });

  it('keeps focus on Subscribe while it looks for the feed', async () => {
    const $ = ui(page());
    await $.button('Add feed').focus();
    await page().keyboard.press('Enter');
    await page().keyboard.type(site.url('/'));
    await page().keyboard.press('Tab');
    const subscribe = $.dialog.getByRole('button', { name: 'Subscribe', exact: true });
    expect(await hasFocus(subscribe)).toBe(true);
    await page().keyboard.press('Enter');
    const looking = $.dialog.getByRole('button', { name: 'Looking…', exact: true });
    await looking.waitFor();
    expect(await hasFocus(looking)).toBe(true);
    expect(await looking.getAttribute('aria-disabled')).toBe('true');
    held.open();
    await $.dialog.getByRole('alert').waitFor();
    expect(await hasFocus(subscribe)).toBe(true);
    await page().keyboard.press('Escape');
    await $.dialog.waitFor({ state: 'detached' });
  });

  it('gives the keyboard back to the list when Escape clears the search', async () => {
    const $ = ui(page());
    await $.row(/Story 2 of Harbour Gazette/).waitFor();
    await page().keyboard.press('/');
    expect(await hasFocus($.search)).toBe(true);
    await page().keyboard.type('Valley');
    await waitForText($.listTitle, /Search/);
    await page().keyboard.press('Escape');
    await waitForText($.listTitle, /All articles/);
    await expect.poll(() => hasFocus(listbox())).toBe(true);
  });

  it('opens the selected article with Enter and moves focus into the reader', async () => {
    const $ = ui(page());
    await listbox().focus();
    await page().keyboard.press('j');
    const title = (await selectedRow().locator('.row-title').evaluate((element) => element.lastChild?.textContent))!;
    await page().keyboard.press('Enter');
    await waitForText($.articleTitle, new RegExp(title));
    await expect.poll(() => hasFocus($.reader)).toBe(true);
  });

  it('puts focus on the list after Undo in the toast', async () => {
    const $ = ui(page());
    await $.navItem(/^Quiet Bay Weekly/).click();
    await waitForText($.listTitle, /Quiet Bay Weekly/);
    await $.button('Mark all read').focus();
    await page().keyboard.press('Enter');
    const undo = page().locator('.toast').getByRole('button', { name: 'Undo' });
    await undo.focus();
    await page().keyboard.press('Enter');
    await undo.waitFor({ state: 'detached' });
    await expect.poll(() => hasFocus(listbox())).toBe(true);
    await expect.poll(() => page().locator('.row.unread').count()).toBe(3);
  });

  it('keeps focus in the list when Shift+A empties the Unread view, and when Undo fills it again', async () => {
    const $ = ui(page());
    await page().keyboard.press('g');
    await page().keyboard.press('u');
    await waitForText($.listTitle, /Unread/);
    await listbox().focus();
    await page().keyboard.press('j');
    await page().keyboard.press('Shift+A');
    const caughtUp = page().locator('.list-pane .pane-note', { hasText: 'all caught up' });
    await caughtUp.waitFor();
    expect(await focusLost()).toBe(false);
    expect(await hasFocus(caughtUp)).toBe(true);
    await page().keyboard.press('z');
    await $.rows.first().waitFor();
    await expect.poll(() => hasFocus(listbox())).toBe(true);
  });

  it('moves focus to the next feed’s Remove button after “Really remove”', async () => {
    const $ = ui(page());
    await $.button('Settings').focus();
    await page().keyboard.press('Enter');
    const removeButtons = $.dialog.getByRole('button', { name: /^Remove / });
    await removeButtons.first().waitFor();
    const names = await removeButtons.evaluateAll((buttons) => buttons.map((button) => button.getAttribute('aria-label')!));
    expect(names.length).toBe(3);
    await removeButtons.first().focus();
    await page().keyboard.press('Enter');
    expect(await hasFocus($.dialog.getByRole('button', { name: /^Really remove/ }))).toBe(true);
    await page().keyboard.press('Enter');
    await expect.poll(() => removeButtons.count()).toBe(2);
    await expect.poll(() => hasFocus($.dialog.getByRole('button', { name: names[1]! }))).toBe(true);
    await page().keyboard.press('Escape');
    await $.dialog.waitFor({ state: 'detached' });
    expect(await hasFocus($.button('Settings'))).toBe(true);
  });
});

describe('one pane at a time (700 px)', () => {
  it('reads nothing while the keys move through the list, opens with Enter and comes back to the row', async () => {
    const $ = ui(page());
    await page().setViewportSize({ width: 700, height: 700 });
    await page().keyboard.press('g');
    await page().keyboard.press('a');
    await waitForText($.listTitle, /All articles/);
    await listbox().focus();
    const unreadBefore = await page().locator('.row.unread').count();
    await page().keyboard.press('j');
    await page().keyboard.press('j');
    await page().keyboard.press('ArrowDown');
    await selectedRow().waitFor();
    expect(await $.reader.count()).toBe(0);
    // Nothing was shown, so nothing was read.
    expect(await page().locator('.row.unread').count()).toBe(unreadBefore);
    expect(await selectedRow().getAttribute('class')).toMatch(/\bunread\b/);
    const title = (await selectedRow().locator('.row-title').evaluate((element) => element.lastChild?.textContent))!;
    const rowId = await selectedRow().getAttribute('id');

    await page().keyboard.press('Enter');
    await waitForText($.articleTitle, new RegExp(title));
    await expect.poll(() => hasFocus($.reader)).toBe(true);

    await page().keyboard.press('Tab');
    expect(await hasFocus($.button('Back to the list'))).toBe(true);
    await page().keyboard.press('Enter');
    await listbox().waitFor();
    await expect.poll(() => hasFocus(listbox())).toBe(true);
    // The list comes back as a new element: its active row is polled, as its focus is above.
    await expect.poll(() => listbox().getAttribute('aria-activedescendant')).toBe(rowId);
    expect(await page().locator(`#${rowId}`).getAttribute('class')).toMatch(/\bread\b/);
    expect(await page().locator('.row.unread').count()).toBe(unreadBefore - 1);
  });

  it("shows a draft's article in the reader when it is opened from Drafts", async () => {
    const $ = ui(page());
    await page().setViewportSize({ width: 700, height: 700 });
    const [article] = (await session.app.core.api.listArticles({ filter: { kind: 'all' }, limit: 1 })).articles;
    await session.app.core.api.saveDraft({ articleId: article!.id, body: 'Kept for the train home.', name: 'Jo Reader' });
    await $.button('Show the sidebar').click();
    await $.navItem('Drafts').click();
    await page().locator('.draft-row').filter({ hasText: 'Kept for the train home.' }).getByRole('button', { name: 'Open and edit' }).click();
    await waitForText($.articleTitle, new RegExp(article!.title.slice(0, 20)));
    await expect.poll(() => hasFocus($.reader)).toBe(true);
  });
});

describe('the sidebar as a drawer (800 x 600)', () => {
  it('takes focus, shuts the panes under it off from Tab, closes on Escape back to its toggle, and hands a choice on to the list', async () => {
    const $ = ui(page());
    await page().setViewportSize({ width: 800, height: 600 });
    const toggle = $.button('Show the sidebar');
    await toggle.focus();
    await page().keyboard.press('Enter');
    await $.sidebar.waitFor();
    await expect.poll(() => $.sidebar.evaluate((element) => element.contains(document.activeElement))).toBe(true);

    // Round the whole window: never into the list or the reader under the backdrop.
    for (let press = 0; press < 16; press++) {
      await page().keyboard.press('Tab');
      const covered = await page().evaluate(() => document.activeElement?.closest('.list-pane, .reader-pane') != null);
      expect(covered, `Tab ${press + 1}`).toBe(false);
    }

    await page().keyboard.press('Escape');
    await $.sidebar.waitFor({ state: 'detached' });
    expect(await hasFocus(toggle)).toBe(true);

    await page().keyboard.press('Enter');
    await $.sidebar.waitFor();
    const feed = $.navItem(/^Valley Courier/);
    for (let press = 0; press < 8 && !(await hasFocus(feed).catch(() => false)); press++) await page().keyboard.press('ArrowDown');
    expect(await hasFocus(feed)).toBe(true);
    await page().keyboard.press('Enter');
    await waitForText($.listTitle, /Valley Courier/);
    await $.sidebar.waitFor({ state: 'detached' });
    await expect.poll(() => hasFocus(listbox())).toBe(true);
  });
});

it('logged no errors on the way', () => {
  // The one refusal expected: the site without a feed (422), which the browser logs as it arrives.
  expect(session.app.pageErrors.filter((error) => !/status of 422/.test(error))).toEqual([]);
  expect(session.app.foreignRequests).toEqual([]);
});
