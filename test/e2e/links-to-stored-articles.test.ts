// Links in an article to pages the library holds, read offline: "as we reported" to another
// article of the same feed, its link written with a newsletter's tracking parameters, and to the
// post's address on another feed's site, where that feed's short link redirected when the sync
// fetched its page. Each opens the stored article in the reader, with no tab and no request; a link
// to a page the library does not hold still opens the browser.
import { expect, it } from 'vitest';
import { sanitizeArticleHtml } from '../../electron/core/articles';
import type { GeneratedFeed } from './support/generated-library';
import { useLibraryApp } from './support/library-app';
import { openArticle, ui } from './support/pages';
import { screenshot } from './support/screenshots';

// Stored as the sync stores a page's copy: sanitized against the article's address.
const crossLinks = sanitizeArticleHtml(
  '<p>The board had <a href="https://story-0.invalid/2?utm_source=newsletter&amp;utm_medium=email&amp;utm_campaign=weekly">published the winter timetable</a> in October, ' +
    'and the harbour office <a href="https://harbour-office.invalid/2026/10/01/north-quay-reopens/">reopened the north quay</a> the same week.</p>' +
    '<p>The county’s <a href="https://county.invalid/transport/report-2026.pdf">transport report</a> has the figures.</p>',
  'https://story-0.invalid/0',
);
const feeds: GeneratedFeed[] = [
  { title: 'Coast Gazette', articles: 3, extraHtml: crossLinks },
  // Its items link to short addresses (https://story-1.invalid/1) that redirected to the post's.
  { title: 'Harbour Office', articles: 2, pageUrls: [null, 'https://harbour-office.invalid/2026/10/01/north-quay-reopens/'] },
];
const session = useLibraryApp(feeds);

const title = (name: string) => session.app.page.getByRole('heading', { level: 1, name });

it('opens a stored article from a link to it, tracking parameters and all', async () => {
  const { page } = session.app;
  const $ = ui(page);
  await openArticle(page, 'Story 0 of Coast Gazette');
  const tabs = page.context().pages().length;
  await $.articleBody.getByRole('link', { name: 'published the winter timetable' }).click();
  await title('Story 2 of Coast Gazette').waitFor();
  expect(page.context().pages()).toHaveLength(tabs);
  expect(session.app.foreignRequests).toEqual([]);
  expect(session.app.pageErrors).toEqual([]);
});

it("opens a stored article from a link to where its feed's link redirected", async () => {
  const { page } = session.app;
  const $ = ui(page);
  await openArticle(page, 'Story 0 of Coast Gazette');
  const tabs = page.context().pages().length;
  await $.articleBody.getByRole('link', { name: 'reopened the north quay' }).click();
  await title('Story 1 of Harbour Office').waitFor();
  expect(await $.row('Story 1 of Harbour Office').count()).toBe(1);
  await screenshot(page, 'link-to-stored-article');
  expect(page.context().pages()).toHaveLength(tabs);
  expect(session.app.foreignRequests).toEqual([]);
  expect(session.app.pageErrors).toEqual([]);
});

it('opens a link to a page the library does not hold in the browser', async () => {
  const { page } = session.app;
  await page.context().route('https://county.invalid/**', (route) => route.fulfill({ status: 200, contentType: 'text/plain', body: 'the browser' }));
  await openArticle(page, 'Story 0 of Coast Gazette');
  const opened = page.context().waitForEvent('page');
  await ui(page).articleBody.getByRole('link', { name: 'transport report' }).click();
  const popup = await opened;
  await popup.waitForURL('https://county.invalid/transport/report-2026.pdf');
  await popup.close();
  await title('Story 0 of Coast Gazette').waitFor();
  expect(session.app.foreignRequests).toEqual([]);
});
