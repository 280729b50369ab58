// A page of dated entries (a product's changelog, release notes): every entry is its text, not the
// longest one alone; a live page's pager pages its updates, not an article. Through
// prepareArticle, the sync's own path.
import { describe, expect, it } from 'vitest';
import { prepareArticle } from '../../electron/core/articles';
import { fixtureText } from '../support/fixtures';

const URL = 'https://chartwise.example/changelog';
const changelog = fixtureText('corpus/pages/changelog-releases.html');
const stored = (pageHtml: string) => prepareArticle({ pageHtml, pageUrl: URL, feedHtml: null, feedItemUrl: URL });

describe('a changelog', () => {
  it('keeps every release, in the order the page lists them', () => {
    const text = stored(changelog).text;
    const headings = ['Offline charts for the whole coast', 'Shared routes', 'Faster search for harbours and anchorages', 'Winter maintenance'];
    const at = headings.map((heading) => text.indexOf(heading));
    expect(at.every((index) => index >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(text).toContain('Fixed a crash when a route had more than 250 waypoints.');
    expect(text).toContain('Fixed the wrong sunset time shown for places west of 5 degrees.');
    expect(text).not.toMatch(/Older entries|Get updates|Download free/);
  });

  it("dates each release with its version, as the entry's head shows them", () => {
    const lines = stored(changelog).text.split('\n');
    for (const line of ['March 7, 2024 v4.8', 'February 20, 2024 v4.7', 'February 2, 2024 v4.6.2', 'January 15, 2024 v4.6.1']) expect(lines).toContain(line);
  });
});

describe('dated cards under an article', () => {
  it("are not kept with it: a Newspack story's \"More on the harbour\" cards are a small part of the page", () => {
    const page = fixtureText('corpus/pages/wp-newspack-harbour.html');
    const text = prepareArticle({ pageHtml: page, pageUrl: 'https://wp-newspack-harbour.example/2024/03/11/story/', feedHtml: null, feedItemUrl: null }).text;
    expect(text).toContain('This story was produced in partnership with the Coastal Reporting Project.');
    expect(text).not.toContain('More on the harbour');
    expect(text).not.toContain('Unexpected booking system in numbers');
  });
});

describe("a live page's pager", () => {
  // The BBC's: each update an <article> alone in its list item, "1 of 3" and "Next" to ?page=2
  // under them; the page says it is a live blog in its JSON-LD (LiveBlogPosting), and its updates,
  // each dated and titled, are a list of dated entries.
  const page = fixtureText('corpus/pages/liveblog-bbc.html');
  const url = 'https://www.bbc-example.co.uk/news/live/uk-england-68512345';

  it('names no later page of an article: its next page holds older updates', () => {
    expect(page).toContain('href="?page=2"');
    const article = prepareArticle({ pageHtml: page, pageUrl: url, feedHtml: null, feedItemUrl: url });
    expect(article.source).toBe('page');
    expect(article.laterPages).toBeNull();
    expect(article.extractionNote).toBeNull();
    expect(article.text).toContain('Eight fire engines at the scene');
  });

  it('names none either on a live page without that markup whose pager offers its "Previous updates"', () => {
    const unmarked = page.replace('"LiveBlogPosting"', '"NewsArticle"').replace('lx-pagination__btn--next">Next<', 'lx-pagination__btn--next">Previous updates<');
    expect(unmarked).toContain('>Previous updates<');
    expect(prepareArticle({ pageHtml: unmarked, pageUrl: url, feedHtml: null, feedItemUrl: url }).laterPages).toBeNull();
  });

  it('names none on a live page without that markup whose pager says only "Next": its updates are a list of dated entries', () => {
    const unmarked = page.replace('"LiveBlogPosting"', '"NewsArticle"');
    expect(unmarked).toContain('lx-pagination__btn--next">Next<');
    const article = prepareArticle({ pageHtml: unmarked, pageUrl: url, feedHtml: null, feedItemUrl: url });
    expect(article.laterPages).toBeNull();
    expect(article.extractionNote).toBeNull();
    // Every update is kept whole, but for its share buttons, as Readability would leave them out.
    for (const update of ['Eight fire engines at the scene', 'Smoke could last until tomorrow', 'Summary: what we know so far']) expect(article.text).toContain(update);
    expect(article.text).not.toMatch(/^(?:Share|Facebook|X)$/m);
  });

  it('is still followed on a paged article that is no live page', () => {
    const paged = fixtureText('corpus/pages/paged-article.html');
    const pagedUrl = 'https://www.outdoorjournal.com/features/the-last-fire-lookouts/';
    expect(prepareArticle({ pageHtml: paged, pageUrl: pagedUrl, feedHtml: null, feedItemUrl: pagedUrl }).laterPages?.urls).toEqual([`${pagedUrl}?page=2`, `${pagedUrl}?page=3`]);
  });
});

describe('a live page whose updates are <div>s, each timed by a clock alone in its head', () => {
  const page = fixtureText('corpus/pages/liveblog-newest-first-floods.html');
  const pageUrl = 'https://www.examplelive.co.uk/news/york-news/live-flood-warnings-york-river-28811442';
  const lines = () => prepareArticle({ pageHtml: page, pageUrl, feedHtml: null, feedItemUrl: pageUrl }).text.split('\n');

  it('keeps each update\'s time, newest first, as a line over its title', () => {
    const text = lines();
    const at = ['17:52', '17:31', '17:05', '16:40', '16:12', '15:48'].map((time) => text.indexOf(time));
    expect(at.every((index) => index >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(text[text.indexOf('17:52') + 1]).toBe('River expected to peak at 4.6m overnight');
    // An update that is a photo alone keeps its picture's caption under its time.
    expect(text[text.indexOf('17:31') + 1]).toMatch(/^Water covers the riverside path below Lendal Bridge/);
  });

  it("leaves out each update's link to itself (its share control's \"Copy link\")", () => {
    expect(lines()).not.toContain('Copy link');
  });
});
