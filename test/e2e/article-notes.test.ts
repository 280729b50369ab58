// What the reader says above an article about the copy it shows: a copy from before the article
// changed on its site, one the next sync makes again, and the sync's note on a kept feed text.
import { expect, it } from 'vitest';
import { useLibraryApp } from './support/library-app';
import { ui, waitForText } from './support/pages';
import { screenshot } from './support/screenshots';

const session = useLibraryApp([
  { title: 'Corrected Courier', articles: 1, savedCopy: { source: 'page', state: 'done', note: 'this copy was saved before the article changed: the new page could not be saved (HTTP 404 Not Found)' } },
  { title: 'Edited Echo', articles: 1, savedCopy: { source: 'page', state: 'pending', note: null } },
  { title: 'Teaser Times', articles: 1, savedCopy: { source: 'feed', state: 'done', note: "the page's text was shorter than the feed's; showing the feed's content" } },
]);

async function noteOf(feed: RegExp, story: RegExp): Promise<string> {
  const { page } = session.app;
  const $ = ui(page);
  await $.navItem(feed).click();
  await $.row(story).click();
  await waitForText($.articleTitle, story);
  return (await page.locator('article .article-note').first().textContent()) ?? '';
}

it('says the copy shown is from before the article changed, and why the new one is missing', async () => {
  expect(await noteOf(/Corrected Courier/, /Story 0 of Corrected Courier/)).toBe(
    'This copy was saved before the article changed: the new page could not be saved (HTTP 404 Not Found).',
  );
  await screenshot(session.app.page, 'article-note-older-copy');
});

it('says an edited article is saved again at the next sync, not that it shows the feed', async () => {
  expect(await noteOf(/Edited Echo/, /Story 0 of Edited Echo/)).toBe('The article changed on its site since this copy was saved. The next sync saves it again.');
});

it("gives the sync's reason for showing the feed's text", async () => {
  expect(await noteOf(/Teaser Times/, /Story 0 of Teaser Times/)).toBe("The page's text was shorter than the feed's; showing the feed's content.");
});
