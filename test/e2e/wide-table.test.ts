// A data table wider than the reading column scrolls sideways inside it, and its caption stays in
// view, at the column's start, while the table scrolls (centred over the whole scroll width, half of
// it began out of view: "Quarterly estima").
import { expect, it } from 'vitest';
import { sanitizeArticleHtml } from '../../electron/core/articles';
import { useLibraryApp } from './support/library-app';
import { ui, waitForText } from './support/pages';
import { screenshot } from './support/screenshots';

const quarters = ['2024', '2025', '2026'].flatMap((year) => ['Q1', 'Q2', 'Q3', 'Q4'].map((q) => `${q} ${year}`));
const row = (region: string, base: number) =>
  `<tr><th scope="row">${region}</th>${quarters.map((_, i) => `<td>${(base + i * 1.1).toFixed(1)}</td>`).join('')}</tr>`;
// As a statistics office's WordPress post carries it, stored the way the sync stores a copy.
const body = sanitizeArticleHtml(
  `<p>The estimates below replace those published in March.</p>` +
    `<table><caption>Quarterly estimates of the resident population by region, 2024–2026 (thousands)</caption>` +
    `<thead><tr><th>Region</th>${quarters.map((q) => `<th>${q}</th>`).join('')}</tr></thead>` +
    `<tbody>${row('North-east coastal districts', 1234.5)}${row('River valley and uplands', 987.2)}</tbody></table>` +
    `<p>Figures are rounded to the nearest hundred.</p>`,
  'https://stats.invalid/2026/12/estimates',
);

const session = useLibraryApp([{ title: 'Statistics Office', articles: 1, extraHtml: body }]);

it('keeps a wide table in the column, scrollable, with its caption in view as it scrolls', async () => {
  const { page } = session.app;
  const $ = ui(page);
  await $.row(/Story 0 of Statistics Office/).click();
  await waitForText($.articleTitle, /Story 0/);
  const boxes = () =>
    page.evaluate(() => {
      const body = document.querySelector('article .article-body')!.getBoundingClientRect();
      const table = document.querySelector('article .article-body table')!;
      const caption = document.querySelector('article .article-body caption')!.getBoundingClientRect();
      return { body: { left: body.left, right: body.right }, caption: { left: caption.left, right: caption.right }, scrolls: table.scrollWidth > table.clientWidth };
    });
  const before = await boxes();
  expect(before.scrolls).toBe(true);
  expect(before.caption.left).toBeGreaterThanOrEqual(before.body.left - 1);
  expect(before.caption.right).toBeLessThanOrEqual(before.body.right + 1);
  await screenshot(page, 'wide-table-caption');

  await page.evaluate(() => {
    document.querySelector('article .article-body table')!.scrollLeft = 400;
  });
  const scrolled = await boxes();
  expect(scrolled.caption.left).toBeCloseTo(before.caption.left, 0);
  expect(session.app.foreignRequests).toEqual([]);
});
