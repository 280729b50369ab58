// Places within the article, offline: no browser tab opens, the place is scrolled into view and
// marked. A footnote mark takes the reader to its note and the note's arrow takes them back; in a
// thread of 600 comments, the first ones show with a button for more, and a link to a comment
// deep in it, or the comment the person's own reply answers, shows the thread down to it, or, far
// down, that comment's page with a button for the earlier ones.
import { expect, it } from 'vitest';
import { sanitizeArticleHtml } from '../../electron/core/articles';
import { EDITORS } from './support/generated-comments';
import { storedThread, type GeneratedFeed } from './support/generated-library';
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

// The person's reply to the 201st comment written, held for moderation; and their comment the site
// took as its 401st. Both are far past the first comments shown, as the editors' link's target.
const feeds: GeneratedFeed[] = [
  { title: 'Riverside Courier', articles: 1, extraHtml: body },
  {
    title: 'Harbour Gazette', articles: 1, comments: [600],
    ownComments: [
      { state: 'held', name: 'Ada Reader', body: 'The depot question was answered at the council meeting too.', replyTo: 200 },
      { state: 'sent', name: 'Ada Reader', body: 'Thanks, that settles it for me.', isComment: 400 },
    ],
  },
];
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

/** Where the window's toolbar is: at its top, unless going somewhere scrolled the whole window. */
const toolbarTop = () => session.app.page.locator('.toolbar').evaluate((toolbar) => toolbar.getBoundingClientRect().top);

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
  expect(await toolbarTop()).toBe(0);
  await screenshot(page, 'footnote-reached');

  await $.articleBody.getByRole('link', { name: 'Jump to footnote reference 1' }).or($.articleBody.getByRole('link', { name: '↩︎' })).click();
  await page.waitForFunction((sel) => document.activeElement === document.querySelector(sel), `article .article-body a[id="pb-${NOTE}-link"]`);
  expect(await seen(`article .article-body a[id="pb-${NOTE}-link"]`)).toBe(true);
  await screenshot(page, 'footnote-back');
  expect(page.context().pages()).toHaveLength(tabs);
  expect(session.app.foreignRequests).toEqual([]);
});

it('shows a long thread a page at a time, and goes to a comment deep in it', async () => {
  const { page } = session.app;
  const $ = ui(page);
  const thread = storedThread(feeds, 1);
  const comments = page.locator('section.comments');
  const shownComments = comments.locator('.comment-list:not(.own-comments) .comment');
  const place = (written: number) => `li[id="comment-${thread[written]!.id}"] > article`;
  const focused = (selector: string) => page.waitForFunction((sel) => document.activeElement === document.querySelector(sel), selector);
  const more = comments.getByRole('button', { name: /^Show (50 more|the last)/ });

  await $.row(/Story 0 of Harbour Gazette/).click();
  await waitForText($.articleTitle, /Story 0 of Harbour Gazette/);
  await comments.getByRole('heading', { name: 'Comments (600)' }).waitFor();
  await comments.getByRole('article', { name: `Comment by ${EDITORS}` }).waitFor();
  expect(await shownComments.count()).toBe(50);
  expect(await more.textContent()).toBe('Show 50 more comments (550 left)');
  await more.scrollIntoViewIfNeeded();
  await screenshot(page, 'comment-thread-more');

  // From the keyboard: the next 50 show, and the keyboard goes on from the first of them.
  await more.focus();
  await page.keyboard.press('Enter');
  await waitForText(more, /\(500 left\)/);
  expect(await shownComments.count()).toBe(100);
  const firstNew = await page.evaluate(() => document.activeElement?.closest('li.comment')?.id ?? '');
  expect(await page.locator(`li[id="${firstNew}"] > article`).getAttribute('aria-label')).toMatch(/^Comment by /);
  expect(await seen(`li[id="${firstNew}"] > article`)).toBe(true);
  await page.keyboard.press('Tab');
  expect(await page.evaluate((id) => !!document.activeElement?.closest(`li[id="${id}"]`), firstNew)).toBe(true);
  // Reply on a comment that "Show more" brought works as on the first ones.
  await page.locator(`li[id="${firstNew}"] > article`).getByRole('button', { name: 'Reply' }).click();
  await comments.getByRole('heading', { name: /^Reply to / }).waitFor();
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
  await comments.getByRole('button', { name: 'Cancel reply' }).click();

  // The person's held reply says whom it answers: that comment, 233rd in the thread, is a click away.
  const own = page.getByRole('list', { name: 'Your comments not shown in the thread' });
  expect(await page.locator(place(200)).count()).toBe(0);
  await own.getByRole('button', { name: thread[200]!.author! }).click();
  await focused(place(200));
  expect(await seen(place(200))).toBe(true);
  expect(await more.textContent()).toBe('Show 50 more comments (350 left)');

  // Their comment the site took is in the thread further down: said so, and a click away.
  const sent = own.getByRole('article', { name: 'Your comment as Ada Reader' }).filter({ hasText: 'Thanks, that settles it' });
  await waitForText(sent, /In the thread/);
  await sent.getByRole('button', { name: 'Show it in the thread' }).click();
  await focused(place(400));
  expect(await seen(place(400))).toBe(true);
  await sent.waitFor({ state: 'detached' });

  // The editors' link to the last comment goes there in the thread, not to the site.
  const tabs = page.context().pages().length;
  expect(await page.locator(place(599)).count()).toBe(0);
  await comments.getByRole('article', { name: `Comment by ${EDITORS}` }).getByRole('link', { name: 'further down' }).click();
  await focused(place(599));
  expect(await seen(place(599))).toBe(true);
  expect(await toolbarTop()).toBe(0);
  // Far from the comments shown: its page shows alone (with the comments its own ones answer), not
  // the 550 before it, which a button above brings back a page at a time.
  const rendered = await shownComments.count();
  expect(rendered).toBeLessThan(2 * 50);
  const earlier = comments.getByRole('button', { name: /^Show 50 earlier comments/ });
  expect(await earlier.textContent()).toBe('Show 50 earlier comments (550 before these)');
  expect(await more.count()).toBe(0);
  expect(page.context().pages()).toHaveLength(tabs);
  await screenshot(page, 'comment-deep-link-reached');
  await earlier.click();
  await waitForText(earlier, /\(500 before these\)/);
  expect(await shownComments.count()).toBeGreaterThan(rendered);
  const firstEarlier = await page.evaluate(() => document.activeElement?.closest('li.comment')?.id ?? '');
  expect(await seen(`li[id="${firstEarlier}"] > article`)).toBe(true);
  await earlier.scrollIntoViewIfNeeded();
  await screenshot(page, 'comment-thread-earlier');
  expect(session.app.foreignRequests).toEqual([]);
  expect(session.app.pageErrors).toEqual([]);
});
