// Searching Japanese text from the search box: a word inside an unspaced sentence is found through
// the index of character pairs (storage/search-grams.ts), a word typed in half-width digits finds
// its full-width form, and each hit's snippet marks the word where it stands.
import { expect, it } from 'vitest';
import { screenshot } from './support/screenshots';
import { useLibraryApp } from './support/library-app';
import { ui, waitForText } from './support/pages';

const REPORT = '気象庁によると、東京都心では午後２時に最高気温３５度を観測し、九月としては過去最高となった。';
const session = useLibraryApp([
  { title: '東都新聞', articles: 12, text: REPORT },
  { title: 'Harbour Gazette', articles: 30 },
]);

it('finds a Japanese word inside its sentence and marks it in each snippet', async () => {
  const { page } = session.app;
  const $ = ui(page);
  await $.search.fill('観測');
  await waitForText(page.locator('.list-count'), /^12 found$/);
  const marked = page.locator('.article-list mark');
  expect(await marked.first().textContent()).toBe('観測');
  // Typed in half-width digits, as a keyboard gives them: the text's full-width ones are marked.
  await $.search.fill('35度');
  await waitForText(marked, /^３５度$/);
  expect(await page.locator('.list-count').textContent()).toBe('12 found');
  await screenshot(page, 'search-japanese');
  await $.search.fill('36度');
  await waitForText(page.locator('.list-count'), /^0 found$|^No /);
});
