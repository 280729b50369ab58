// Links in an article's text to its own discussion, offline: "as the harbour master wrote" to a
// comment deep in a thread of 600, WordPress's "600 responses" (#comments) and "Leave a reply"
// (#respond). They go there in the reader, the thread shown down to the comment as a link in a
// comment does, rather than to the site; a link to another article's comments opens the site, or
// that article in the reader when the library holds it.
import { expect, it } from 'vitest';
import { sanitizeArticleHtml } from '../../electron/core/articles';
import { FIRST_COMMENT_NUMBER } from './support/generated-comments';
import { storedThread, type GeneratedFeed } from './support/generated-library';
import { useLibraryApp } from './support/library-app';
import { ui, waitForText } from './support/pages';
import { screenshot } from './support/screenshots';

const COMMENTS = 600;
// As a post's own text links to its discussion: bare fragments, which the sync writes as the
// article's address with them (its comment section is not in the copy), and one to another post's.
// Stored as the sync stores a page's copy: sanitized against the article's address.
const links = (html: string) => sanitizeArticleHtml(html, 'https://story-0.invalid/0');
const discussionLinks = links(
  `<p>As <a href="#comment-${FIRST_COMMENT_NUMBER + COMMENTS - 1}">the harbour master wrote</a> below, the depot stays open until spring.</p>` +
  '<p><a href="#comments">600 responses</a> · <a href="#respond">Leave a reply</a></p>' +
  '<p>The same question came up in <a href="https://story-0.invalid/1#comments">yesterday’s discussion</a> and <a href="https://story-0.invalid/7#comments">last week’s</a>.</p>',
);
const filler = Array.from({ length: 10 }, (_, i) => `<p>Paragraph ${i + 1}: the night timetable was drafted with the drivers, the hospital and the two colleges.</p>`).join('');
const feeds: GeneratedFeed[] = [{ title: 'Harbour Gazette', articles: 2, comments: [COMMENTS], extraHtml: discussionLinks + filler }];
const session = useLibraryApp(feeds);

/** Whether the element is where the person sees it: in the reader's visible area, not under its toolbar. */
async function seen(selector: string): Promise<boolean> {
  return session.app.page.evaluate((sel) => {
    const element = document.querySelector(sel)!;
    const box = element.getBoundingClientRect();
    const shown = document.elementFromPoint(box.left + Math.min(box.width / 2, 8), box.top + box.height / 2);
    return shown !== null && element.contains(shown);
  }, selector);
}

const focused = (selector: string) => session.app.page.waitForFunction((sel) => document.activeElement === document.querySelector(sel), selector);
const toTheTop = () => ui(session.app.page).reader.evaluate((pane) => (pane.scrollTop = 0));

it("goes from the article's text to the comment it quotes, the thread and the reply form, in the reader", async () => {
  const { page } = session.app;
  const $ = ui(page);
  const thread = storedThread(feeds, 0);
  const comments = page.locator('section.comments');
  const last = `li[id="comment-${thread[COMMENTS - 1]!.id}"] > article`;
  await $.row(/Story 0 of Harbour Gazette/).click();
  await waitForText($.articleTitle, /Story 0 of Harbour Gazette/);
  await comments.getByRole('heading', { name: `Comments (${COMMENTS})` }).waitFor();
  expect(await page.locator(last).count()).toBe(0);
  const tabs = page.context().pages().length;

  await $.articleBody.getByRole('link', { name: 'the harbour master wrote' }).click();
  await focused(last);
  expect(await seen(last)).toBe(true);
  await screenshot(page, 'article-link-to-comment');

  await toTheTop();
  await $.articleBody.getByRole('link', { name: '600 responses' }).click();
  await focused('#comments-heading');
  expect(await seen('#comments-heading')).toBe(true);

  await toTheTop();
  await $.articleBody.getByRole('link', { name: 'Leave a reply' }).click();
  await focused('#reply-form textarea');
  expect(await seen('#reply-form textarea')).toBe(true);
  await screenshot(page, 'article-link-to-reply-form');
  expect(page.context().pages()).toHaveLength(tabs);
  expect(session.app.foreignRequests).toEqual([]);
  expect(session.app.pageErrors).toEqual([]);
});

it("opens the comments of an article not stored on the site, and a stored one's article in the reader", async () => {
  const { page } = session.app;
  await page.context().route('https://story-0.invalid/**', (route) => route.fulfill({ status: 200, contentType: 'text/plain', body: 'the browser' }));
  await toTheTop();
  const opened = page.context().waitForEvent('page');
  await ui(page).articleBody.getByRole('link', { name: 'last week’s' }).click();
  const popup = await opened;
  await popup.waitForURL('https://story-0.invalid/7#comments');
  await popup.close();

  // Stored (hooks/use-library-links.ts): read offline, with its own comments under it.
  const tabs = page.context().pages().length;
  await ui(page).articleBody.getByRole('link', { name: 'yesterday’s discussion' }).click();
  await page.getByRole('heading', { level: 1, name: 'Story 1 of Harbour Gazette' }).waitFor();
  expect(page.context().pages()).toHaveLength(tabs);
  expect(session.app.foreignRequests).toEqual([]);
});
