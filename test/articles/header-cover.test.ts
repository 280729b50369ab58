// The post's cover in the site's header: older Ghost themes (Casper before 2.0) set it as the
// masthead's background, where the article's page, built without the site's header, lost it, and
// a post with pictures of its own was stored without its lead picture. Through prepareArticle,
// the sync's own path, on the DOM built without the chrome and on one built whole (a page whose
// comment form is in its chrome: page-document.ts).
import { describe, expect, it } from 'vitest';
import { prepareArticle } from '../../electron/core/articles';
import { parsePage } from '../../electron/core/articles/page-document';
import { corpusPages } from '../support/corpus-pages';

const page = corpusPages().find((candidate) => candidate.name === 'ghost-casper1-cover')!;
const COVER = 'https://tidelines.example.org/content/images/2017/04/slipway-low-tide.jpg';
const LOGO = 'https://tidelines.example.org/content/images/2016/02/tidelines-mark.png';

function stored(html: string, whole: boolean) {
  const input = { pageHtml: html, pageUrl: page.url, feedHtml: null, feedItemUrl: page.url };
  return whole ? prepareArticle(input, parsePage(html)) : prepareArticle(input);
}

describe("a Casper 1.x post's cover, the background of the site's header", () => {
  it.each([false, true])('is the picture above the text (DOM built whole: %s)', (whole) => {
    const article = stored(page.html, whole);
    expect(article.source).toBe('page');
    expect(article.imageUrls[0]).toBe(COVER);
    expect(article.html.indexOf(COVER)).toBeLessThan(article.html.indexOf('For as long as anyone'));
    // The post's own pictures after it, and not the site's logo.
    expect(article.imageUrls).toHaveLength(3);
  });

  // A post with no cover, whose og:image falls back to the site's logo (a file not named as one).
  it.each([false, true])("is not the site's logo, in its link home, when og:image names the logo (DOM built whole: %s)", (whole) => {
    const html = page.html.replaceAll('tidelines-logo.png', 'tidelines-mark.png').replaceAll('content/images/2017/04/slipway-low-tide.jpg', 'content/images/2016/02/tidelines-mark.png').replace(/<header class="main-header post-head " style="[^"]*">/, '<header class="main-header post-head no-cover">');
    const article = stored(html, whole);
    expect(article.imageUrls).not.toContain(LOGO);
  });
});
