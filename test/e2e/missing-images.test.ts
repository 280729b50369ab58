// An image the sync did not keep shows as a quiet box that says so and why, not as bare alt text
// (or nothing at all), and nothing is fetched for it.
import { expect, it } from 'vitest';
import { useLibraryApp } from './support/library-app';
import { ui, waitForText } from './support/pages';
import { screenshot } from './support/screenshots';

// As the core stores an image it could not keep: no src, its address in data-original-src.
const session = useLibraryApp([
  { title: 'Harbour Gazette', articles: 2, extraHtml: '<figure><img alt="Fishing boats at dawn" data-original-src="https://story.invalid/boats.jpg"><figcaption>The harbour at six.</figcaption></figure>' },
  {
    title: 'Ferry News',
    articles: 1,
    extraHtml: '<p><img alt="The new ferry" data-original-src="https://photos.invalid/ferry.jpg"><img alt="The old quay" data-original-src="https://story.invalid/quay.jpg"></p>',
    unreachedImages: ['https://photos.invalid/ferry.jpg'],
  },
]);

it('shows that the image was not saved, and why', async () => {
  const { page } = session.app;
  const $ = ui(page);
  await $.navItem(/Harbour Gazette/).click();
  await $.row(/Story 1 of Harbour Gazette/).click();
  await waitForText($.articleTitle, /Story 1/);
  const box = $.articleBody.getByRole('img', { name: /^Image not saved: Fishing boats at dawn\./ });
  await box.waitFor();
  expect(await box.textContent()).toMatch(/Image not saved: Fishing boats at dawn.+(next sync|could not)/);
  expect(await $.articleBody.locator('img').isVisible()).toBe(false);
  expect(session.app.foreignRequests).toEqual([]);
  await screenshot(page, 'image-not-saved');
});

it('says which images the next sync tries again: their server could not be reached', async () => {
  const { page } = session.app;
  const $ = ui(page);
  await $.navItem(/Ferry News/).click();
  await $.row(/Story 0 of Ferry News/).click();
  await waitForText($.articleTitle, /Story 0 of Ferry News/);
  const retried = $.articleBody.getByRole('img', { name: /^Image not saved: The new ferry\./ });
  await retried.waitFor();
  expect(await retried.textContent()).toContain('Its server could not be reached or was busy; the next sync tries again.');
  // A screen reader hears the same reason the box shows, not the article's general one.
  expect(await retried.getAttribute('aria-label')).toBe('Image not saved: The new ferry. Its server could not be reached or was busy; the next sync tries again.');
  const failed = $.articleBody.getByRole('img', { name: /^Image not saved: The old quay\./ });
  expect(await failed.textContent()).toContain('It could not be downloaded when the article was saved.');
  expect(session.app.foreignRequests).toEqual([]);
  await screenshot(page, 'image-not-saved-retried');
});
