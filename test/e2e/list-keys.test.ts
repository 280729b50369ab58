// The article list's own keys, as in any desktop list: in a feed of 2,000 articles Page Down and
// Page Up move the selection a list's height at a time, Home goes to the first article and End to
// the last one loaded (and again, once the next page has come, to its last), each opening the
// article and keeping its row in view. Before, only the arrows moved; Page Down scrolled the list
// away from the selection and End showed an empty stretch while the article stayed. The "?" list
// names the keys.
import { expect, it } from 'vitest';
import { useLibraryApp } from './support/library-app';
import { ui, waitForText } from './support/pages';
import { screenshot } from './support/screenshots';

const session = useLibraryApp([{ title: 'Harbour Gazette', articles: 2_000, from: Date.UTC(2026, 0, 1) }]);

/** The selected row's title, and whether the row is wholly inside the list's box. */
async function selection() {
  const { page } = session.app;
  const list = ui(page).list;
  const row = list.locator('[role="option"][aria-selected="true"]');
  const title = await row.locator('.row-title').evaluate((element) => element.lastChild?.textContent ?? null);
  const [box, rowBox] = [(await list.boundingBox())!, (await row.boundingBox())!];
  return { title, inView: rowBox.y >= box.y - 1 && rowBox.y + rowBox.height <= box.y + box.height + 1 };
}

it('pages, and goes to the first and last article, with the keys of the focused list', async () => {
  const { page } = session.app;
  const $ = ui(page);
  await $.navItem(/^Harbour Gazette/).click();
  await waitForText($.listTitle, /Harbour Gazette/);
  await $.row(/Story 1999 of Harbour Gazette/).click();
  await waitForText($.articleTitle, /Story 1999 of/);
  const rowHeight = (await $.rows.first().boundingBox())!.height;
  const rowsInView = Math.floor(await $.list.evaluate((list) => list.clientHeight) / rowHeight);
  await $.list.focus();

  // A page keeps the row that was last in view as the first of the next.
  await page.keyboard.press('PageDown');
  const paged = 1999 - (rowsInView - 1);
  await waitForText($.articleTitle, new RegExp(`Story ${paged} of`));
  expect(await selection()).toEqual({ title: `Story ${paged} of Harbour Gazette`, inView: true });
  await page.keyboard.press('PageDown');
  await waitForText($.articleTitle, new RegExp(`Story ${paged - (rowsInView - 1)} of`));
  await page.keyboard.press('PageUp');
  await waitForText($.articleTitle, new RegExp(`Story ${paged} of`));

  // The first 100 are loaded: End goes to the 100th, and once the next page has come, to the 200th.
  await page.keyboard.press('End');
  await waitForText($.articleTitle, /Story 1900 of/);
  expect(await selection()).toEqual({ title: 'Story 1900 of Harbour Gazette', inView: true });
  await $.row(/Story 1899 of/).waitFor({ state: 'attached' });
  await page.keyboard.press('End');
  await waitForText($.articleTitle, /Story 1800 of/);
  expect(await selection()).toEqual({ title: 'Story 1800 of Harbour Gazette', inView: true });
  await screenshot(page, 'list-keys-end');

  await page.keyboard.press('Home');
  await waitForText($.articleTitle, /Story 1999 of/);
  expect(await selection()).toEqual({ title: 'Story 1999 of Harbour Gazette', inView: true });
  // The keys kept the list's focus: the person goes on with them.
  expect(await $.list.evaluate((list) => list === document.activeElement)).toBe(true);
  expect(session.app.pageErrors).toEqual([]);
});

it('lists the keys of the article list with the shortcuts', async () => {
  const { page } = session.app;
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('?');
  const keys = page.getByRole('dialog').getByRole('table', { name: 'In the article list' });
  await keys.waitFor();
  const rows = await keys.getByRole('row').allTextContents();
  expect(rows).toEqual(expect.arrayContaining(['Page DownA list’s height of articles down', 'HomeFirst article', 'EndLast article loaded (again for the next ones)']));
  await screenshot(page, 'shortcuts-list-keys');
  await page.keyboard.press('Escape');
});
