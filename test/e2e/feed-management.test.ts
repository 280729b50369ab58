// Organising feeds in the UI: folders made, renamed and deleted; a feed renamed, moved by its
// menu and by dragging, its properties read, unsubscribed; marking read from a feed's menu;
// an article's menu (star, mark those below read, copy the link). Every action also by keyboard.
// Screenshots: a context menu, a drag in progress, a feed's properties with a login in its address.
import { describe, expect, it } from 'vitest';
import { useLibraryApp } from './support/library-app';
import { ui, waitForText } from './support/pages';
import { screenshot } from './support/screenshots';

const session = useLibraryApp([
  { title: 'Harbour Gazette', articles: 6 },
  { title: 'Valley Courier', articles: 4 },
  { title: 'Morning Ledger', articles: 3, folder: 'Business', error: 'connection refused', url: 'https://reader:s3cret-pass@feed-2.invalid/feed.xml' },
  { title: 'Evening Ledger', articles: 2, folder: 'Business' },
], { clipboard: true });

const feedNamed = async (title: string) => (await session.app.core.api.listFeeds()).find((feed) => feed.title === title);
const folderNamed = async (name: string) => (await session.app.core.api.listFolders()).find((folder) => folder.name === name);

describe('organising feeds', () => {
  it('creates a folder from the sidebar', async () => {
    const { page } = session.app;
    const $ = ui(page);
    await $.navItem(/Harbour Gazette/).waitFor();
    await $.sidebar.getByRole('button', { name: 'New folder' }).click();
    await page.getByRole('textbox', { name: 'Name' }).fill('Science');
    await page.keyboard.press('Enter');
    await $.navItem(/^Science/).waitFor();
    expect(await folderNamed('Science')).toBeTruthy();
  });

  it('moves a feed into a folder with its context menu', async () => {
    const { page } = session.app;
    const $ = ui(page);
    await $.navItem(/Valley Courier/).click({ button: 'right' });
    const menu = page.getByRole('menu', { name: /Valley Courier/ });
    await menu.waitFor();
    expect(await menu.getByRole('menuitem').allTextContents()).toEqual([
      'Mark all as read', 'Sync this feed', 'Rename…', 'Move to folder…', 'Copy feed address', 'Properties…', 'Unsubscribe…',
    ]);
    await screenshot(page, 'organise-context-menu');
    await menu.getByRole('menuitem', { name: 'Move to folder…' }).click();
    await page.getByRole('combobox', { name: 'Folder' }).selectOption({ label: 'Science' });
    await page.getByRole('button', { name: 'Move' }).click();
    await expect.poll(async () => (await feedNamed('Valley Courier'))?.folderId).toBe((await folderNamed('Science'))!.id);
    // Shown inside the folder: indented under it.
    const folderBox = (await $.navItem(/^Science/).boundingBox())!;
    const feedBox = (await $.navItem(/Valley Courier/).boundingBox())!;
    expect(feedBox.y).toBeGreaterThan(folderBox.y);
    expect(feedBox.x).toBeGreaterThan(folderBox.x - 20);
  });

  it('moves a feed into a folder by dragging it there', async () => {
    const { page } = session.app;
    const $ = ui(page);
    const source = (await $.navItem(/Harbour Gazette/).boundingBox())!;
    const target = (await $.navItem(/^Business/).boundingBox())!;
    await page.mouse.move(source.x + 40, source.y + source.height / 2);
    await page.mouse.down();
    await page.mouse.move(source.x + 60, source.y + source.height / 2 + 10, { steps: 4 });
    await page.mouse.move(target.x + 60, target.y + target.height / 2, { steps: 8 });
    await page.locator('.sidebar-row.drop-target').waitFor();
    await screenshot(page, 'organise-drag-in-progress');
    await page.mouse.up();
    await expect.poll(async () => (await feedNamed('Harbour Gazette'))?.folderId).toBe((await folderNamed('Business'))!.id);
  });

  it('renames a feed with F2 and a folder with its menu', async () => {
    const { page } = session.app;
    const $ = ui(page);
    await $.navItem(/Harbour Gazette/).focus();
    await page.keyboard.press('F2');
    const name = page.getByRole('textbox', { name: 'Name' });
    await name.fill('The Harbour');
    await page.keyboard.press('Enter');
    await $.navItem(/The Harbour/).waitFor();
    expect((await session.app.core.api.listFeeds()).some((feed) => feed.title === 'The Harbour')).toBe(true);

    await $.navItem(/^Science/).focus();
    await page.keyboard.press('Shift+F10');
    await page.getByRole('menu').getByRole('menuitem', { name: 'Rename…' }).focus();
    await page.keyboard.press('Enter');
    await name.fill('Science and Nature');
    await page.keyboard.press('Enter');
    await $.navItem(/^Science and Nature/).waitFor();
  });

  it('shows a feed’s properties, from its menu or its error badge', async () => {
    const { page } = session.app;
    const $ = ui(page);
    await $.navItem(/Morning Ledger/).locator('.error-badge').click();
    const dialog = page.getByRole('dialog', { name: /Properties of “Morning Ledger”/ });
    await dialog.waitFor();
    const text = await dialog.textContent();
    // The login typed into its address: the name shown, the password not.
    expect(text).toContain('https://reader:***@feed-2.invalid/feed.xml');
    expect(text).not.toContain('s3cret-pass');
    await screenshot(page, 'feed-properties-login');
    expect(text).toContain('Connection refused.');
    await dialog.getByRole('checkbox', { name: /full text/ }).uncheck();
    await expect.poll(async () => (await feedNamed('Morning Ledger'))?.fullText).toBe(false);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  it('marks a feed read from its menu', async () => {
    const { page } = session.app;
    const $ = ui(page);
    await $.navItem(/Evening Ledger/).click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Mark all as read' }).click();
    await expect.poll(async () => $.navItem(/Evening Ledger/).locator('.nav-count').count()).toBe(0);
    expect((await feedNamed('Evening Ledger'))?.unreadCount).toBe(0);
  });

  it('unsubscribes with Delete after asking, and deletes a folder keeping its feeds', async () => {
    const { page } = session.app;
    const $ = ui(page);
    await $.navItem(/Evening Ledger/).click();
    await waitForText($.listTitle, /Evening Ledger/);
    await $.navItem(/Evening Ledger/).focus();
    await page.keyboard.press('Delete');
    await page.getByRole('dialog', { name: 'Unsubscribe' }).getByRole('button', { name: 'Unsubscribe' }).click();
    await $.navItem(/Evening Ledger/).waitFor({ state: 'detached' });
    expect(await feedNamed('Evening Ledger')).toBeUndefined();
    // Its list is not left on screen under a feed that is gone.
    await waitForText($.listTitle, /All articles/);

    // A folder deleted while its list is shown.
    await $.navItem(/^Business/).click();
    await waitForText($.listTitle, /Business/);
    await $.navItem(/^Business/).click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Delete folder…' }).click();
    await page.getByRole('dialog', { name: 'Delete folder' }).getByRole('button', { name: 'Delete folder' }).click();
    await $.navItem(/^Business/).waitFor({ state: 'detached' });
    await waitForText($.listTitle, /All articles/);
    expect((await feedNamed('The Harbour'))?.folderId).toBeNull();
    expect((await feedNamed('Morning Ledger'))?.folderId).toBeNull();
  });

  it('leaves the list of a feed another window unsubscribes from', async () => {
    const { page } = session.app;
    const $ = ui(page);
    await $.navItem(/Morning Ledger/).click();
    await waitForText($.listTitle, /Morning Ledger/);
    await session.app.core.api.removeFeed((await feedNamed('Morning Ledger'))!.id);
    await $.navItem(/Morning Ledger/).waitFor({ state: 'detached' });
    await waitForText($.listTitle, /All articles/);
    expect(await $.rows.allTextContents()).not.toContainEqual(expect.stringContaining('Morning Ledger'));
  });
});

describe('an article’s menu', () => {
  it('stars, marks the rows below read and copies the link, by mouse and by keyboard', async () => {
    const { page } = session.app;
    const $ = ui(page);
    await $.navItem(/The Harbour/).click();
    await waitForText($.listTitle, /The Harbour/);
    await $.row(/Story 4 of Harbour Gazette/).click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Star' }).click();
    await $.row(/Story 4 of Harbour Gazette/).locator('.row-star').waitFor();

    await $.row(/Story 4 of Harbour Gazette/).click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Mark below as read' }).click();
    await expect.poll(async () => $.list.locator('.row.unread').allTextContents()).toHaveLength(2);
    expect(await $.row(/Story 0 of Harbour Gazette/).getAttribute('class')).toContain(' read');

    // The keyboard: the selected row's menu.
    await $.row(/Story 5 of Harbour Gazette/).click();
    await $.list.focus();
    await page.keyboard.press('ContextMenu');
    const menu = page.getByRole('menu', { name: /Story 5 of Harbour Gazette/ });
    await menu.waitFor();
    await menu.getByRole('menuitem', { name: 'Copy link' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('https://story-0.invalid/5');
    await menu.waitFor({ state: 'detached' });
  });
});
