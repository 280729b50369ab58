// What the tests look for on the page, named as a person would: the article list, the reader,
// the sidebar's entries. Waiting is always for a state of the page, never for a time.
import type { Locator, Page } from 'playwright-core';

export const ui = (page: Page) => ({
  list: page.getByRole('listbox', { name: /Articles|Search results/ }),
  rows: page.getByRole('listbox').getByRole('option'),
  row: (title: string | RegExp) => page.getByRole('listbox').getByRole('option').filter({ hasText: title }),
  listTitle: page.locator('#list-title'),
  reader: page.getByRole('main', { name: 'Reader' }),
  articleTitle: page.locator('article h1'),
  articleBody: page.locator('article .article-body'),
  sidebar: page.getByRole('navigation', { name: 'Feeds' }),
  navItem: (name: string | RegExp) => page.getByRole('navigation', { name: 'Feeds' }).getByRole('button', { name }),
  syncStatus: page.locator('.sync-status'),
  progressbar: page.getByRole('progressbar', { name: 'Sync progress' }),
  search: page.getByRole('searchbox', { name: 'Search articles' }),
  dialog: page.getByRole('dialog'),
  button: (name: string | RegExp) => page.getByRole('button', { name }),
});

/** Opens the article of that title from the list, and waits until the reader shows it. */
export async function openArticle(page: Page, title: string): Promise<void> {
  const $ = ui(page);
  await $.row(title).click();
  await waitForText($.articleTitle, new RegExp(title));
}

/** Waits until a locator's text matches; a timeout says what the text was instead. */
export async function waitForText(locator: Locator, expected: RegExp): Promise<string> {
  try {
    await locator.filter({ hasText: expected }).first().waitFor();
  } catch (error) {
    const seen = await locator.allTextContents().catch(() => []);
    throw new Error(`${expected} never matched; the text was ${seen.length ? seen.map((text) => JSON.stringify(text)).join(' | ') : 'not on the page'}`, { cause: error });
  }
  return (await locator.first().textContent()) ?? '';
}

/** The titles of the list's rows, top to bottom. */
export async function rowTitles(page: Page): Promise<string[]> {
  return page.locator('[role="option"] .row-title').evaluateAll((rows) => rows.map((row) => row.lastChild?.textContent ?? ''));
}

/** Waits until the image has loaded and reports its natural width (0 when it is broken). */
export async function loadedImageWidth(image: Locator): Promise<number> {
  await image.evaluate(
    (element: HTMLImageElement) =>
      element.complete
        ? undefined
        : new Promise<void>((resolve) => {
            element.addEventListener('load', () => resolve(), { once: true });
            element.addEventListener('error', () => resolve(), { once: true });
          }),
  );
  return image.evaluate((element: HTMLImageElement) => element.naturalWidth);
}
