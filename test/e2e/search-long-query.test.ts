// A pasted paragraph longer than a search query may be (the API takes 500 characters) is cut
// to that length and searched: the list showed "invalid arguments for search: 0: Too big…" with
// a Try again that could never work.
import { expect, it } from 'vitest';
import { useLibraryApp } from './support/library-app';
import { ui, waitForText } from './support/pages';

const session = useLibraryApp([{ title: 'Harbour Gazette', articles: 12 }]);

it('searches the first 500 characters of a longer pasted text', async () => {
  const { page } = session.app;
  const $ = ui(page);
  // Story 7's own text, five times over: 700 characters, every word of which is in Story 7.
  const paragraph = 'Story 7 of Harbour Gazette. Ministers met in Brussels on Thursday for talks that officials from Lisbourne described as frank and difficult. ';
  const pasted = paragraph.repeat(5);
  expect(pasted.length).toBeGreaterThan(500);
  await $.search.focus();
  await page.keyboard.insertText(pasted);
  await waitForText(page.locator('.list-count'), /found/);
  expect(await page.locator('.list-count').textContent()).toBe('1 found');
  expect(await $.rows.first().textContent()).toContain('Story 7 of Harbour Gazette');
  expect(await page.getByText(/could not be loaded|Too big/).count()).toBe(0);
  expect((await $.search.inputValue()).length).toBeLessThanOrEqual(500);
});
