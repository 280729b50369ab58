// A cookie-consent page served in place of the article. A reader fetches without cookies, so in
// the EU every story of some sites (Yahoo's and AOL's consent hosts, the IAB framework's walls)
// answers with one, on the article's address or after a redirect to a consent host; its legal
// text ("We and our 842 partners store and/or access information on a device...") reads to
// extraction as an article. What every such wall has: a button to accept (or reject) everything,
// and talk of consent and of cookies or partners, on a page whose readable text is short.

/** Readable text longer than this is an article, whatever it says about cookies. */
const WALL_TEXT = 4000;
// A control whose whole label is one of these (an element's only text, or an input's value): the
// same words in a sentence are prose, not the wall's button.
const ACCEPT_BUTTON = /(?:>|\bvalue=["'])\s*(?:(?:accept|reject|allow) all(?: cookies)?|i agree|agree (?:and|&amp;|&) (?:continue|close|proceed))\s*(?:<|["'])/i;
const CONSENT = /\bconsent/i;
const WHAT_IS_ASKED = /\bcookies?\b|\bpartners\b/i;

/** Whether the page (its raw HTML, and the text extraction read from it) is a consent wall. */
export function isConsentWall(pageHtml: string, extractedText: string): boolean {
  if (extractedText.length > WALL_TEXT || !CONSENT.test(extractedText) || !WHAT_IS_ASKED.test(extractedText)) return false;
  return ACCEPT_BUTTON.test(pageHtml);
}
