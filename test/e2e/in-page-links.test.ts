// Links within an article that a page wrote for its own scripts or for its own layout, read
// offline. A copy with no web address of its own (no base to resolve against): its table of
// contents takes the reader to each section, an old page's named anchors included, and a link
// to what the copy lost ("2 comments" on the site) is plain text, not a link that does nothing.
// A bare "#" (a script's "Share" on the web) is plain text too, never the site in the browser.
// "Back to top" ("#top") goes back to the article's headline.
import { expect, it } from 'vitest';
import { sanitizeArticleHtml } from '../../electron/core/articles';
import { useLibraryApp } from './support/library-app';
import { openArticle, ui } from './support/pages';
import { screenshot } from './support/screenshots';

const paragraphs = (section: string) =>
  Array.from({ length: 6 }, (_, i) => `<p>${section}, paragraph ${i + 1}: the harbour office measured the tide at each quay twice a day through the winter, and the tables below are what it found.</p>`).join('');
// As an old-style page (named anchors) with a table of contents, stored without a base address.
const withoutBase = sanitizeArticleHtml(
  '<p><a href="#comments">2 comments</a></p>' +
    '<ul><li><a href="#intro">1. Introduction</a></li><li><a href="#tables">2. The tables</a></li><li><a href="#method">3. Method</a></li></ul>' +
    `<a name="intro"></a><h2>1. Introduction</h2>${paragraphs('Introduction')}` +
    `<a name="tables"></a><h2>2. The tables</h2>${paragraphs('Tables')}` +
    `<h2 id="method">3. Method</h2>${paragraphs('Method')}<p><a href="#top">Back to top ↑</a></p>`,
  '',
);
// As a page's copy with its address, the site's script buttons left in.
const withBase = sanitizeArticleHtml(
  `<p>The harbour office published its tide tables.</p><p><a href="#" class="share">Share this story</a> · <a href="#">Show more</a></p>`,
  'https://courier.invalid/2026/tides',
);
const session = useLibraryApp([
  { title: 'Harbour Office', articles: 1, extraHtml: withoutBase },
  { title: 'Courier', articles: 1, extraHtml: withBase },
]);

/** Whether the element is where the person sees it: in the reader's visible area, not under its toolbar. */
const seen = (selector: string) =>
  session.app.page.evaluate((sel) => {
    const element = document.querySelector(sel)!;
    const box = element.getBoundingClientRect();
    const shown = document.elementFromPoint(box.left + Math.min(box.width / 2, 8), box.top + box.height / 2);
    return shown !== null && element.contains(shown);
  }, selector);

const focused = (selector: string) => session.app.page.waitForFunction((sel) => document.activeElement === document.querySelector(sel), selector);

it("goes to each section of a copy's table of contents, named anchors included", async () => {
  const { page } = session.app;
  const $ = ui(page);
  await openArticle(page, 'Story 0 of Harbour Office');
  const tabs = page.context().pages().length;
  const heading = (n: number) => `article .article-body h2:nth-of-type(${n})`;
  expect(await seen(heading(2))).toBe(false);

  await $.articleBody.getByRole('link', { name: '2. The tables' }).click();
  await focused(heading(2));
  expect(await seen(heading(2))).toBe(true);
  await screenshot(page, 'in-page-named-anchor');

  await $.articleBody.getByRole('link', { name: '3. Method' }).click();
  await focused(heading(3));
  expect(await seen(heading(3))).toBe(true);
  await $.articleBody.getByRole('link', { name: '1. Introduction' }).click();
  await focused(heading(1));

  // The site's comments are not in the copy, and with no address there is no site to send to.
  expect(await $.articleBody.getByText('2 comments').count()).toBe(1);
  expect(await $.articleBody.getByRole('link', { name: '2 comments' }).count()).toBe(0);
  expect(page.context().pages()).toHaveLength(tabs);
  expect(session.app.pageErrors).toEqual([]);
});

it('goes back to the top of the article from its "Back to top" link', async () => {
  const { page } = session.app;
  const $ = ui(page);
  await openArticle(page, 'Story 0 of Harbour Office');
  const tabs = page.context().pages().length;
  await $.articleBody.getByRole('link', { name: '3. Method' }).click();
  await focused('article .article-body h2:nth-of-type(3)');
  expect(await seen('#article-title')).toBe(false);

  await $.articleBody.getByRole('link', { name: 'Back to top ↑' }).click();
  await focused('#article-title');
  expect(await seen('#article-title')).toBe(true);
  expect(await seen('article .article-header .article-feed')).toBe(true);
  await screenshot(page, 'in-page-back-to-top');
  expect(page.context().pages()).toHaveLength(tabs);
  expect(session.app.foreignRequests).toEqual([]);
  expect(session.app.pageErrors).toEqual([]);
});

it('shows a bare "#" as the words it is, not a link to the site', async () => {
  const { page } = session.app;
  const $ = ui(page);
  await openArticle(page, 'Story 0 of Courier');
  await $.articleBody.getByText('Share this story').waitFor();
  expect(await $.articleBody.getByRole('link').count()).toBe(0);
  await $.articleBody.getByText('Show more').click();
  expect(session.app.foreignRequests).toEqual([]);
  expect(session.app.pageErrors).toEqual([]);
  await screenshot(page, 'in-page-bare-hash');
});
