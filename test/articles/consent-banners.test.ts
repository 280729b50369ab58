// A site's cookie banner as its consent plugin renders it in the page on the server (WordPress's
// Cookie Notice, CookieYes, Complianz): one long paragraph of legal text that Readability took for
// the article on a short story, and kept above or below a longer one. Corpus pages, each with such
// a banner, through prepareArticle, the sync's own path.
import { describe, expect, it } from 'vitest';
import { prepareArticle } from '../../electron/core/articles';
import { corpusPages, similarity } from '../support/corpus-pages';

const pages = new Map(corpusPages().map((page) => [page.name, page]));

const NOTICE =
  'We use cookies and similar technologies to give you the best experience on our website, to measure our audience and to show you content and ads chosen for you. By clicking "Accept" you agree to our use of cookies. You can change your choice at any time in the settings, which also list the partners we work with and how long each cookie is kept.';

const banners: [string, string, 'top' | 'foot'][] = [
  ['a short notice, with Cookie Notice\'s bar', 'short-notice-cycling', 'top'],
  ['a photo post, with Complianz\'s banner', 'short-photo-garden', 'foot'],
];
const BANNER_MARKUP = {
  'short-notice-cycling': `<div id="cookie-notice" role="dialog" class="cn-position-bottom"><div class="cookie-notice-container"><span id="cn-notice-text">${NOTICE}</span><a href="#" id="cn-accept-cookie" class="cn-button">Accept</a></div></div>`,
  'short-photo-garden': `<div class="cmplz-cookiebanner banner-1"><div class="cmplz-message"><p>${NOTICE}</p></div><div class="cmplz-buttons"><button class="cmplz-accept">Accept</button><button class="cmplz-deny">Deny</button></div></div>`,
  'wp-newspack-harbour': `<div id="cookie-law-info-bar"><div class="cli-bar-message"><p>${NOTICE}</p></div><a role="button" class="cli_action_button">Accept</a></div>`,
} as Record<string, string>;

function withBanner(name: string, where: 'top' | 'foot'): string {
  const html = pages.get(name)!.html;
  const banner = BANNER_MARKUP[name]!;
  return where === 'top' ? html.replace(/<body([^>]*)>/i, `<body$1>${banner}`) : html.replace(/<\/body>/i, `${banner}</body>`);
}

function stored(name: string, html: string) {
  const page = pages.get(name)!;
  return prepareArticle({ pageHtml: html, pageUrl: page.url, feedHtml: null, feedItemUrl: page.url });
}

describe('a cookie banner in the page beside the story', () => {
  it.each([...banners, ['a long story, with CookieYes\'s bar', 'wp-newspack-harbour', 'foot'] as const])('%s: the story is kept, the banner left out', (_shape, name, where) => {
    const page = pages.get(name)!;
    const article = stored(name, withBanner(name, where));
    expect(article.source).toBe('page');
    expect(article.text).not.toContain('By clicking "Accept"');
    expect(article.text).toContain(page.expected.trim().split('\n')[0]!.slice(0, 60));
    expect(similarity(article.text, page.expected)).toBeGreaterThanOrEqual(similarity(stored(name, page.html).text, page.expected) - 0.005);
  });
});
