// A footnote mark takes the reader to its note within the article, and the note's arrow takes
// them back, offline: no browser tab opens, the note is scrolled into view and marked.
import { expect, it } from 'vitest';
import { sanitizeArticleHtml } from '../../electron/core/articles';
import { useLibraryApp } from './support/library-app';
import { ui, waitForText } from './support/pages';
import { screenshot } from './support/screenshots';

const NOTE = '6a1c04e2-8f57-4d4e-9d0b-2f1e7c3b5a90';
const filler = Array.from({ length: 14 }, (_, i) => `<p>Paragraph ${i + 1}: the night timetable was drafted with the drivers, the hospital and the two colleges, and every stop on both banks was walked at night before it was kept.</p>`).join('');
// As WordPress's footnotes block writes them, stored the way the sync stores a page's copy.
const body = sanitizeArticleHtml(
  `<p>The N4 last ran in May 2025.<sup data-fn="${NOTE}" class="fn"><a href="#${NOTE}" id="${NOTE}-link">1</a></sup></p>${filler}` +
    `<ol class="wp-block-footnotes"><li id="${NOTE}">The route was cut with four others when the depot closed. <a href="#${NOTE}-link" aria-label="Jump to footnote reference 1">↩︎</a></li></ol>`,
  'https://story-0.invalid/0',
);

const session = useLibraryApp([{ title: 'Riverside Courier', articles: 1, extraHtml: body }]);

/** Whether the element is where the person sees it: in the reader's visible area, not under its toolbar. */
async function seen(selector: string): Promise<boolean> {
  return session.app.page.evaluate((sel) => {
    const element = document.querySelector(sel)!;
    const box = element.getBoundingClientRect();
    const shown = document.elementFromPoint(box.left + Math.min(box.width / 2, 8), box.top + box.height / 2);
    return shown !== null && element.contains(shown);
  }, selector);
}

it('goes to the note and back within the article', async () => {
  const { page } = session.app;
  const $ = ui(page);
  await $.row(/Story 0 of Riverside Courier/).click();
  await waitForText($.articleTitle, /Story 0/);
  const mark = $.articleBody.getByRole('link', { name: '1', exact: true });
  const note = `article .article-body li[id="pb-${NOTE}"]`;
  expect(await seen(note)).toBe(false);
  const tabs = page.context().pages().length;

  await mark.click();
  await page.waitForFunction((sel) => document.activeElement === document.querySelector(sel), note);
  expect(await seen(note)).toBe(true);
  await screenshot(page, 'footnote-reached');

  await $.articleBody.getByRole('link', { name: 'Jump to footnote reference 1' }).or($.articleBody.getByRole('link', { name: '↩︎' })).click();
  await page.waitForFunction((sel) => document.activeElement === document.querySelector(sel), `article .article-body a[id="pb-${NOTE}-link"]`);
  expect(await seen(`article .article-body a[id="pb-${NOTE}-link"]`)).toBe(true);
  await screenshot(page, 'footnote-back');
  expect(page.context().pages()).toHaveLength(tabs);
  expect(session.app.foreignRequests).toEqual([]);
});
