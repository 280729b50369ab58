// Single-key shortcuts as a person who cannot have them uses the app (WCAG 2.1.4): speech input
// types the letters of the words it hears, so Settings turns the keys of one character off, and
// they stay off after a restart; typing into fields and the list's own arrow keys keep working,
// and the shortcut list says the keys are off. And the keys that change the view (g a, g u)
// take the keyboard along to the list they open, rather than dropping it on <body>.
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useLibraryApp } from './support/library-app';
import { ui, waitForText } from './support/pages';
import { screenshot } from './support/screenshots';

const session = useLibraryApp([
  { title: 'Harbour Gazette', articles: 5 },
  { title: 'Valley Courier', articles: 3 },
]);

const page = () => session.app.page;
const hasFocus = (locator: Locator) => locator.evaluate((element) => element === document.activeElement);
const listbox = () => page().locator('.list-pane').getByRole('listbox');
const selectedRow = () => page().locator('[role="option"][aria-selected="true"]');
const singleKeysBox = () => ui(page()).dialog.getByRole('checkbox', { name: 'Single-key shortcuts' });

async function setSingleKeys(on: boolean): Promise<void> {
  const $ = ui(page());
  await $.button('Settings').click();
  await singleKeysBox().setChecked(on);
  await expect.poll(async () => (await session.app.core.api.getSettings()).singleKeyShortcuts).toBe(on);
  if (!on) await screenshot(page(), 'settings-single-keys-off');
  await page().keyboard.press('Escape');
  await $.dialog.waitFor({ state: 'detached' });
}

describe('the Single-key shortcuts setting', () => {
  it('is on by default: j moves the selection', async () => {
    const $ = ui(page());
    await $.rows.first().waitFor();
    // The hint comes with the settings, which may arrive after the first rows on a busy machine.
    await expect.poll(() => $.button('Keyboard shortcuts').getAttribute('title')).toBe('Keyboard shortcuts (?)');
    expect((await session.app.core.api.getSettings()).singleKeyShortcuts).toBe(true);
    await listbox().focus();
    await page().keyboard.press('j');
    await selectedRow().waitFor();
    expect(await selectedRow().getAttribute('id')).toBe(await $.rows.nth(0).getAttribute('id'));
  });

  it('turned off, j and the other single keys do nothing, and it stays off after a restart', async () => {
    const $ = ui(page());
    await setSingleKeys(false);
    // Kept as the other settings are: in the data folder, read again by a new page.
    await page().reload();
    await $.rows.first().waitFor();
    // Nor does the empty reader name them.
    expect(await page().locator('.reader-empty').textContent()).toBe('Select an article to read it.');
    await $.button('Settings').click();
    expect(await singleKeysBox().isChecked()).toBe(false);
    await page().keyboard.press('Escape');
    await $.dialog.waitFor({ state: 'detached' });

    await listbox().focus();
    expect(await selectedRow().count()).toBe(0);
    // A speech user saying "jump to mark" types these, among others.
    for (const key of ['j', 'j', 'u', 'm', 'p', 's', 'g', 'u', '?']) await page().keyboard.press(key);
    await page().keyboard.press('ArrowDown');
    await selectedRow().waitFor();
    // The first row: neither j moved the selection before.
    expect(await selectedRow().getAttribute('id')).toBe(await $.rows.nth(0).getAttribute('id'));
    expect(await $.listTitle.textContent()).toMatch(/All articles/);
    expect(await $.dialog.count()).toBe(0);
    expect(await page().locator('.row.starred').count()).toBe(0);
    expect(await hasFocus(listbox())).toBe(true);
  });

  it('turned off, leaves typing in the search field alone and says so in the shortcut list', async () => {
    const $ = ui(page());
    await $.search.click();
    await page().keyboard.type('jks');
    expect(await $.search.inputValue()).toBe('jks');
    await $.search.fill('');
    // No tooltip sends the person pressing a key that does nothing.
    expect(await $.button('Sync').first().getAttribute('title')).toBe('Sync all feeds');
    expect(await $.button('Keyboard shortcuts').getAttribute('title')).toBe('Keyboard shortcuts');
    expect(await $.search.getAttribute('placeholder')).toBe('Search');
    await $.button('Keyboard shortcuts').click();
    expect(await $.dialog.getByRole('note').textContent()).toMatch(/Single-key shortcuts are off/);
    await page().keyboard.press('Escape');
    await $.dialog.waitFor({ state: 'detached' });
  });

  it('turned on again, j moves the selection once more', async () => {
    const $ = ui(page());
    await setSingleKeys(true);
    await listbox().focus();
    const before = (await selectedRow().textContent()) ?? '';
    await page().keyboard.press('j');
    await expect.poll(async () => (await selectedRow().textContent()) !== before).toBe(true);
    await $.button('Keyboard shortcuts').click();
    await $.dialog.getByRole('table').first().waitFor();
    expect(await $.dialog.getByRole('note').count()).toBe(0);
    await page().keyboard.press('Escape');
    await $.dialog.waitFor({ state: 'detached' });
  });
});

describe('g a and g u from the focused list', () => {
  it('leave the keyboard on the list of the view they open', async () => {
    const $ = ui(page());
    await listbox().focus();
    await page().keyboard.press('g');
    await page().keyboard.press('u');
    await waitForText($.listTitle, /Unread/);
    await $.rows.first().waitFor();
    await expect.poll(() => hasFocus(listbox())).toBe(true);

    await page().keyboard.press('g');
    await page().keyboard.press('a');
    await waitForText($.listTitle, /All articles/);
    await $.rows.first().waitFor();
    await expect.poll(() => page().evaluate(() => document.activeElement?.getAttribute('role') ?? document.activeElement?.tagName)).toBe('listbox');
    expect(await hasFocus(listbox())).toBe(true);
    // And the list's keys work from there at once.
    await page().keyboard.press('ArrowDown');
    await selectedRow().waitFor();
  });
});
