// Reading preferences: the article's text size, compact list rows (more of them on screen), and
// the article's link copied to share it. Each is kept in the settings.
import { expect, it } from 'vitest';
import { useLibraryApp } from './support/library-app';
import { ui, waitForText } from './support/pages';
import { screenshot } from './support/screenshots';

const session = useLibraryApp([{ title: 'Harbour Gazette', articles: 30 }], { clipboard: true });

it('sets the article text size, and shows more rows when the list is compact', async () => {
  const { page } = session.app;
  const $ = ui(page);
  await $.navItem(/Harbour Gazette/).click();
  await $.row(/Story 29 of Harbour Gazette/).click();
  await waitForText($.articleTitle, /Story 29/);
  const bodySize = () => $.articleBody.evaluate((element) => getComputedStyle(element).fontSize);
  expect(await bodySize()).toBe('17px');
  const rowsBefore = await $.rows.count();
  const rowHeight = async () => (await $.rows.first().boundingBox())!.height;
  expect(await rowHeight()).toBe(88);

  await $.button('Settings').click();
  await page.getByRole('combobox', { name: 'Article text size' }).selectOption('22');
  await page.getByRole('radio', { name: /Compact/ }).check();
  await page.keyboard.press('Escape');
  await expect.poll(bodySize).toBe('22px');
  await expect.poll(rowHeight).toBe(54);
  expect(await $.rows.first().locator('.row-snippet').count()).toBe(0);
  expect(await $.rows.count()).toBeGreaterThan(rowsBefore);
  const saved = await session.app.core.api.getSettings();
  expect([saved.articleFontSize, saved.listDensity]).toEqual([22, 'compact']);
  await screenshot(page, 'reading-compact-list-large-text');
});

it('copies the article’s link to share it', async () => {
  const { page } = session.app;
  await ui(page).reader.getByRole('button', { name: 'Copy link' }).click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('https://story-0.invalid/29');
});
