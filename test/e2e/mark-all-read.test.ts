// Mark all read can be undone (the toast's Undo, or z), has a key (Shift+A), and has a gentler
// form: mark read only the articles older than some days.
import { expect, it } from 'vitest';
import { useLibraryApp } from './support/library-app';
import { ui, waitForText } from './support/pages';
import { screenshot } from './support/screenshots';

const session = useLibraryApp([
  { title: 'Old Post', articles: 6 },
  { title: 'Fresh Post', articles: 4, from: Date.now() - 6 * 3_600_000 },
]);

const unreadOf = async (title: string) => (await session.app.core.api.listFeeds()).find((feed) => feed.title === title)!.unreadCount;

it('marks a feed read and takes it back with Undo', async () => {
  const { page } = session.app;
  const $ = ui(page);
  await $.navItem(/Old Post/).click();
  await waitForText($.listTitle, /Old Post/);
  await $.button('Mark all read').click();
  const toast = page.locator('.toast');
  await waitForText(toast, /Marked 6 articles read/);
  await expect.poll(() => unreadOf('Old Post')).toBe(0);
  await screenshot(page, 'mark-all-read-undo-toast');
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => unreadOf('Old Post')).toBe(6);
  await $.navItem(/Old Post/).locator('.nav-count').filter({ hasText: '6' }).waitFor();
});

it('has keys: Shift+A marks the list read, z undoes it', async () => {
  const { page } = session.app;
  const $ = ui(page);
  await $.navItem(/^All articles/).click();
  await waitForText($.listTitle, /All articles/);
  await $.list.focus();
  await page.keyboard.press('Shift+A');
  await expect.poll(() => unreadOf('Fresh Post')).toBe(0);
  expect(await unreadOf('Old Post')).toBe(0);
  // Undo is offered once the page has the core's answer (the toast says so); z before it undoes nothing.
  await waitForText(page.locator('.toast'), /Marked \d+ articles read/);
  await page.keyboard.press('z');
  await expect.poll(() => unreadOf('Fresh Post')).toBe(4);
  expect(await unreadOf('Old Post')).toBe(6);
});

it('marks read only the articles older than some days', async () => {
  const { page } = session.app;
  const $ = ui(page);
  await $.button('Older than…').click();
  await page.getByRole('textbox', { name: /older than this many days/ }).fill('7');
  await page.keyboard.press('Enter');
  await expect.poll(() => unreadOf('Old Post')).toBe(0);
  expect(await unreadOf('Fresh Post')).toBe(4);
  // The six old posts, and the welcome feed's older article.
  await waitForText(page.locator('.toast'), /Marked \d+ articles read/);
});
