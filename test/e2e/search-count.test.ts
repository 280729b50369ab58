// A search counts every match: 600 articles mention the word, the list shows the best 200, and
// the header says "600 found, the best 200 shown" (it said "200 found").
import { expect, it } from 'vitest';
import { useLibraryApp } from './support/library-app';
import { ui, waitForText } from './support/pages';

// Every generated article mentions Lisbourne (a town found nowhere else): 3 x 200.
const session = useLibraryApp([
  { title: 'Harbour Gazette', articles: 200 },
  { title: 'Valley Courier', articles: 200 },
  { title: 'Morning Ledger', articles: 200 },
]);

it('shows the true number of matches', async () => {
  const { page } = session.app;
  const $ = ui(page);
  await $.search.fill('lisbourne');
  await waitForText(page.locator('.list-count'), /found/);
  expect(await page.locator('.list-count').textContent()).toBe('600 found, the best 200 shown');
  await $.search.fill('story 199 harbour');
  await waitForText(page.locator('.list-count'), /^1 found$/);
});
