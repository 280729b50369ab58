// An app's page whose article a script writes in may send the article as well, for readers and
// search engines without scripts, inside a <noscript> beside the mount point it fills. A reader
// that runs no scripts shows what a browser with scripts off shows, the <noscript>'s content; but
// Readability removes every <noscript> before it reads, and the page's own text was its header,
// a skeleton and its footer ("page extraction failed"). A <noscript> holding the article's
// paragraphs is read as part of the page; one with a notice, a tracking pixel or a lazy picture's
// copy (page-images.ts unwrapNoscriptFallbacks) is left as it is.
import { holdsMoreTextThan } from './page-walk';
import { asksForJavaScript } from './script-rendered';

// An article's paragraphs: more than a notice ("Please enable JavaScript to read this page") says.
const MIN_PARAGRAPHS = 2;
const MIN_TEXT = 400;

/** Puts the content of each <noscript> among `noscripts` that holds an article in its place,
 *  unless the page shows its first paragraph outside it (the article is there once). */
export function unwrapNoscriptArticles(noscripts: readonly Element[]): void {
  for (const noscript of noscripts) {
    // Asked in turn from the cheapest: most hold no <p> at all.
    if (!noscript.isConnected || noscript.getElementsByTagName('p').length < MIN_PARAGRAPHS || !holdsMoreTextThan(noscript, MIN_TEXT)) continue;
    if (isNotice(noscript) || shownOutside(noscript)) continue;
    noscript.replaceWith(...noscript.childNodes);
  }
}

// A notice may run to a few paragraphs ("This site needs JavaScript. To turn it on in your
// browser…"); an article's fallback that ends with one ("enable JavaScript for the photographs")
// is longer.
const NOTICE_TEXT = 1500;

function isNotice(noscript: Element): boolean {
  return !holdsMoreTextThan(noscript, NOTICE_TEXT) && asksForJavaScript(noscript.textContent ?? '');
}

/** Whether the page's body says the <noscript>'s longest paragraph a second time, outside it. */
function shownOutside(noscript: Element): boolean {
  let longest = '';
  for (const paragraph of noscript.getElementsByTagName('p')) {
    const text = normalized(paragraph.textContent);
    if (text.length > longest.length) longest = text;
  }
  const body = normalized(noscript.ownerDocument.body?.textContent);
  const first = body.indexOf(longest);
  return first !== -1 && body.indexOf(longest, first + 1) !== -1;
}

function normalized(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}
