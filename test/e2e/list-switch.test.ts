// Switching feeds after reading far down a long list: the new list must show its first rows at
// once (it used to come up blank, scrolled to where the old list had been, until a scroll).
import { expect, it } from 'vitest';
import { useLibraryApp } from './support/library-app';
import { ui, waitForText } from './support/pages';

const session = useLibraryApp([
  { title: 'Harbour Gazette', articles: 60 },
  { title: 'Valley Courier', articles: 30 },
]);

it('shows the new feed’s first rows after an article deep in another feed was opened', async () => {
  const { page } = session.app;
  const $ = ui(page);
  await $.navItem(/Harbour Gazette/).click();
  await $.row(/Story 59 of Harbour Gazette/).waitFor();
  // Down the list, as a reader gets there: with the keys, one article after another.
  await $.row(/Story 59 of Harbour Gazette/).click();
  for (let i = 0; i < 25; i++) await page.keyboard.press('j');
  await waitForText($.articleTitle, /Story 34 of Harbour Gazette/);
  expect(await $.list.evaluate((list) => list.scrollTop)).toBeGreaterThan(0);

  await $.navItem(/Valley Courier/).click();
  await waitForText($.listTitle, /Valley Courier/);
  const first = $.row(/Story 29 of Valley Courier/);
  await first.waitFor();
  const listBox = (await $.list.boundingBox())!;
  const rowBox = (await first.boundingBox())!;
  expect(rowBox.y).toBeGreaterThanOrEqual(listBox.y - 1);
  expect(rowBox.y + rowBox.height).toBeLessThanOrEqual(listBox.y + listBox.height + 1);
  expect(await $.list.evaluate((list) => list.scrollTop)).toBe(0);
});
