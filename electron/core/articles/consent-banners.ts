// A site's cookie banner, in the page as its consent plugin renders it on the server: WordPress's
// Cookie Notice (<div id="cookie-notice">), CookieYes's <div id="cookie-law-info-bar">, Complianz's
// <div class="cmplz-cookiebanner">, Borlabs's <div id="BorlabsCookieBox">. Its paragraph of legal
// text ("We use cookies and similar technologies to ...") is one long block with no link in it:
// on a short story Readability took it for the article and kept it alone, and beside a longer one
// it was kept at the top or the foot of the text. Readability's own names for it stop at "gdpr".
// A page that is nothing but the banner (the consent wall some sites answer a reader with), no
// headline or paragraph outside it, keeps it: consent-wall.ts recognises the wall by its words, and
// the feed's copy is stored instead.
import { holdsMoreTextThan } from './page-walk';

/** The words consent plugins name their banners and its parts with (cookie-notice, cli-cookie-bar,
 *  CybotCookiebotDialog, onetrust-consent-sdk, cmplz-cookiebanner, moove_gdpr_cookie_info_bar). */
const CONSENT_NAME = /cookie|consent|gdpr/i;
/** Every banner has a control to answer it: a button, or a link or element in a button's role. */
const ANSWER = 'button, a, input, [role="button"]';
/** A banner says a paragraph or two (this many characters, spaces and all); a longer block named
 *  so is some other part of the page's, a story on cookies the site has named for them. */
const NOTICE_TEXT = 2000;
/** What may hold the article, which no banner does: a banner named for cookies on a page of cookie
 *  recipes may be the recipe's own block. */
const ARTICLE_PARTS = 'main, article, h1';

/** Whether an element's class attribute or id names a consent banner or a part of one. */
export function namesConsentBanner(classAttribute: string | null, id: string | null): boolean {
  return (classAttribute !== null && CONSENT_NAME.test(classAttribute)) || (id !== null && CONSENT_NAME.test(id));
}

/** Removes each element of `named` (elements namesConsentBanner says so of, outermost first, as a
 *  page lists them) that is a banner: it holds a control to answer it, a notice's words and none
 *  of the article's parts, and the page has a headline or a paragraph (of `texts`: its <h1> and
 *  <p>s) outside it. */
export function removeConsentBanners(named: readonly Element[], texts: readonly (Element | null)[]): void {
  for (const banner of named) {
    if (!banner.isConnected || banner.querySelector(ANSWER) === null || banner.querySelector(ARTICLE_PARTS) !== null) continue;
    if (holdsMoreTextThan(banner, NOTICE_TEXT)) continue;
    const outside = (text: Element | null) => text !== null && text.isConnected && !banner.contains(text) && (text.textContent ?? '').trim() !== '';
    if (texts.some(outside)) banner.remove();
  }
}
