// An article the page holds only part of says so in its note: a feature split over pages
// ("Page 1 of 3"), a subscriber's article of which the site shows the opening (a news site's, a
// Ghost members' post). Through prepareArticle, the sync's own path. (Fetching the later pages is
// the sync's to do; it does not.)
import { describe, expect, it } from 'vitest';
import { prepareArticle } from '../../electron/core/articles';
import { fixtureText } from '../support/fixtures';

function stored(page: string, pageUrl: string, feedHtml: string) {
  return prepareArticle({ pageHtml: page, pageUrl, feedHtml, feedItemUrl: pageUrl });
}

describe('an article on several pages', () => {
  const URL = 'https://www.coastreview.example/features/2024/03/long-history-of-sea-walls';
  const feature = fixtureText('articles/multipage-feature.html');
  const standfirst = '<p>From Roman moles to concrete tetrapods: how ports have kept the waves out.</p>';

  it('says how many pages follow on the site, its pager and rel="next" saying so', () => {
    const article = stored(feature, URL, standfirst);
    expect(article.source).toBe('page');
    expect(article.text).toContain('took almost forty years to finish.');
    expect(article.extractionNote).toBe('the article continues on 2 more pages on the site; only this first page is saved');
  });

  it('names the later pages for the sync to fetch, those its pager skips too', () => {
    const pager = '<nav class="pagination">Page 1 of 12: <strong>1</strong> <a href="?page=2">2</a> <a href="?page=3">3</a> &hellip; <a href="?page=12">12</a></nav>';
    const article = stored(feature.replace(/<link rel="next"[^>]*>/, '').replace('took almost forty years to finish.</p>', `took almost forty years to finish.</p>${pager}`), URL, standfirst);
    expect(article.extractionNote).toBe('the article continues on 11 more pages on the site; only this first page is saved');
    // Nine at most: the rest stays on the site.
    expect(article.laterPages).toEqual({ urls: Array.from({ length: 9 }, (_, i) => `${URL}?page=${i + 2}`), count: 11, otherNote: null });
    // The copy joins the pages: their pager would read as a line of text in it.
    expect(article.text).toMatch(/took almost forty years to finish\.$/);
  });

  it('keeps a link to the next page that is part of a sentence, with its sentence', () => {
    const sentence = '<p>How the breakwater at Plymouth was finally finished is a story of its own, <a href="?page=2">told on the next page</a>.</p>';
    const article = stored(feature.replace('took almost forty years to finish.</p>', `took almost forty years to finish.</p>${sentence}`), URL, standfirst);
    expect(article.text).toContain('is a story of its own, told on the next page.');
    expect(article.laterPages?.urls[0]).toBe(`${URL}?page=2`);
  });

  it('takes a "Next page" link named after the next page for the article\u2019s, whatever that title says', () => {
    // "Older" is a list's word only where the link begins with it ("Older posts", "« Older entries").
    const next = '<nav class="pagination"><strong>1</strong> <a href="?page=2">Next page: The older walls of Dover</a></nav>';
    const article = stored(feature.replace(/<link rel="next"[^>]*>/, '').replace(/<nav class="story__pages[\s\S]*?<\/nav>/, '').replace('took almost forty years to finish.</p>', `took almost forty years to finish.</p>${next}`), URL, standfirst);
    expect(article.extractionNote).toBe('the article continues on another page on the site; only this first page is saved');
  });

  it('counts the pages its pager links to without the <link rel="next">', () => {
    const article = stored(feature.replace(/<link rel="next"[^>]*>/, ''), URL, standfirst);
    expect(article.extractionNote).toBe('the article continues on 2 more pages on the site; only this first page is saved');
  });

  const ORIGIN = 'https://worldbrief.example';
  const POST = `${ORIGIN}/2022/01/13/nato-is-in-security-dialogue-with-russia/`;
  const post = fixtureText('seed/article.html', ORIGIN);
  const summary = '<p>Yesterday, NATO Secretary General Jens Stoltenberg said that “main differences” with Moscow still exist.</p>';
  const lastParagraph = 'that they are just normal training practices.</p>';

  it("a WordPress post split with <!--nextpage-->: its page links under the text", () => {
    const split = post.replace(lastParagraph, `${lastParagraph}\n<div class="page-links">Pages: <span class="post-page-numbers current" aria-current="page">1</span> <a href="${POST}2/" class="post-page-numbers">2</a></div>`);
    const article = stored(split, POST, summary);
    expect(article.source).toBe('page');
    expect(article.extractionNote).toBe('the article continues on another page on the site; only this first page is saved');
    expect(article.text).not.toMatch(/Pages:|^2$/m);
  });

  it.each([
    // WordPress links each post to the next one in its <head>, and themes under it.
    ['the link to the next post', post.replace('</head>', `<link rel='next' title='Ukraine talks resume in Geneva' href='${ORIGIN}/2022/01/14/ukraine-talks-resume-in-geneva/' />\n</head>`), POST],
    // A comment pager pages the discussion (Drupal's starts at ?page=0).
    ["the comments' pager", fixtureText('articles/drupal-article.html'), 'https://www.bayherald.example/news/2024/03/harbour-board-votes-to-restore-steam-crane'],
  ])('no note for %s', (_name, page, url) => {
    const article = stored(page, url, summary);
    expect(article.source).toBe('page');
    expect(article.extractionNote).toBeNull();
  });
});

describe("a subscriber's article", () => {
  const URL = 'https://www.coastreview.example/harbour/2024/03/03/breakwater-payment-1.2345';
  const teaser = fixtureText('articles/paywall-teaser.html');
  const standfirst = '<p>Minutes show 4.1 million euros went to the contractor at a closed session.</p>';

  it('says that the site shows the rest to subscribers only, when its paywall box ends the text', () => {
    const article = stored(teaser, URL, standfirst);
    expect(article.source).toBe('page');
    expect(article.text).toContain('before the item was discussed.');
    expect(article.extractionNote).toBe('the site shows the rest of this article to subscribers only');
    // The mark that found the box is no part of what is stored.
    expect(article.html).not.toContain('data-paperboy');
  });

  it("says so of a Ghost members' post, whose box is an <aside> under the free part", () => {
    const ghost = fixtureText('corpus/pages/ghost5-members-preview.html');
    const url = 'https://menai-pilot.example.com/what-the-tide-tables-dont-tell-you-about-the-swellies/';
    const article = stored(ghost, url, '<p>Slack water under the bridges comes at a different time from high water.</p>');
    expect(article.source).toBe('page');
    expect(article.text).toContain('give or take five minutes.');
    expect(article.extractionNote).toBe('the site shows the rest of this article to subscribers only');
    expect(article.text).not.toMatch(/paying subscribers|Subscribe now|Already have an account/);
    expect(article.html).not.toContain('data-paperboy');
  });

  it('says nothing of a paywall box the page keeps hidden for when the free articles run out', () => {
    const hidden = teaser.replace('<div class="paywall" id="paywall">', '<div class="paywall" id="paywall" hidden>');
    const article = stored(hidden, URL, standfirst);
    expect(article.source).toBe('page');
    expect(article.extractionNote).toBeNull();
  });
});
