// A plain-text document (an IETF RFC, a mailing-list post) is read in its own columns: in a
// 1280 px window its 72 columns fit the reader, so no line's end (a page number, the header's
// right-hand column) hides behind a sideways scroll; a block too wide to fit at a readable size
// (a build log's long lines) scrolls on its own, and the article never scrolls sideways.
import { expect, it } from 'vitest';
import { sanitizeArticleHtml } from '../../electron/core/articles';
import { plainTextHtml } from '../../electron/core/articles/plain-text-copy';
import { useLibraryApp } from './support/library-app';
import { openArticle, ui } from './support/pages';
import { RFC_COLUMNS, RFC_TEXT } from './support/rfc-text';
import { screenshot } from './support/screenshots';

const LOG_LINE = '2026-03-14T06:12:09.482Z build[4121]: linking target/release/tide-tables with -C opt-level=3 -C lto=fat -C codegen-units=1 --crate-type bin (warnings: 0)';
// Each stored as the sync stores a linked text file's copy (articles/prepare.ts).
const rfc = sanitizeArticleHtml(plainTextHtml(RFC_TEXT), 'https://www.rfc-editor.invalid/rfc/rfc9876.txt');
const log = sanitizeArticleHtml(`<p>The release build's log:</p><pre>${LOG_LINE}\n${LOG_LINE}</pre>`, 'https://ci.invalid/builds/4121');
const session = useLibraryApp([
  { title: 'RFC Editor', articles: 1, extraHtml: rfc },
  { title: 'Build Logs', articles: 1, extraHtml: log },
]);

/** How far the reader pane, the article and its body, and the text block scroll sideways. */
const sideways = () =>
  session.app.page.evaluate(() => {
    const over = (selector: string) => {
      const element = document.querySelector(selector)!;
      return element.scrollWidth - element.clientWidth;
    };
    return { pane: over('main.reader-pane'), article: over('article.article'), body: over('article .article-body'), block: over('article .article-body pre') };
  });

/** The text block's font size, as a share of the article's text size. */
const blockTextShare = () =>
  session.app.page.evaluate(() => {
    const size = (selector: string) => parseFloat(getComputedStyle(document.querySelector(selector)!).fontSize);
    return size('article .article-body pre') / size('article .article-body');
  });

it(`fits an RFC's ${RFC_COLUMNS} columns in the reader of a 1280 px window`, async () => {
  const { page } = session.app;
  await openArticle(page, 'Story 0 of RFC Editor');
  const block = ui(page).articleBody.locator('pre');
  expect(await block.textContent()).toContain('Request for Comments: 9876                                Tidewater Labs');
  expect(await sideways()).toEqual({ pane: 0, article: 0, body: 0, block: 0 });
  // Smaller than a code block's 0.85 of the text only as much as it takes, and still readable.
  expect(await blockTextShare()).toBeGreaterThanOrEqual(0.7);
  await block.getByText(/Figure 1/).scrollIntoViewIfNeeded();
  await screenshot(page, 'plain-text-rfc');
  expect(session.app.pageErrors).toEqual([]);
});

it('scrolls a block too wide to fit on its own, never the article', async () => {
  const { page } = session.app;
  await openArticle(page, 'Story 0 of Build Logs');
  const { block, ...article } = await sideways();
  expect(block).toBeGreaterThan(0);
  expect(article).toEqual({ pane: 0, article: 0, body: 0 });
  expect(await blockTextShare()).toBeCloseTo(0.7, 2);
  await screenshot(page, 'plain-text-wide-log');
});
