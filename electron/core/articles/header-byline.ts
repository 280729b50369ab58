// The byline in the article's own header (<header class="entry-header"><h1>…</h1><div
// class="entry-meta"><span class="byline">By <a rel="author">Jane Doe</a></span>…</header>, as most
// WordPress themes write it). Readability reads a byline as it walks the page, but drops an element
// named "header" with all it holds before it gets to the byline inside, so a post whose feed names
// no author showed none in the reader's header although its page did. This reads it the way
// Readability would have, from the headline's header alone (a few elements), before extraction
// cuts the page up; extract.ts uses it only when Readability found no byline of its own.

/** Readability's own test of a byline's class and id (REGEXPS.byline). */
const BYLINE_NAME = /byline|author|dateline|writtenby|p-author/i;
/** Readability takes a byline under this many characters. */
const BYLINE_TEXT = 100;
/** What the headline's header is: a <header>, or an element Readability drops for "header" in its name. */
const HEADER_NAME = /header/i;
/** How far above the headline its header may stand (an <h1> in a title wrapper in the header). */
const HEADER_LEVELS = 3;

/** The byline's text in the headline's header, as Readability reads one; null when there is none. */
export function headerByline(headline: Element | null): string | null {
  const header = headlineHeader(headline);
  if (!header) return null;
  for (const element of header.querySelectorAll('*')) {
    if (!isByline(element)) continue;
    // As Readability: the name in it marked as one (itemprop="name"), else its whole text.
    const name = element.querySelector('[itemprop~="name"]') ?? element;
    const text = (name.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text !== '') return text;
  }
  return null;
}

/** The headline's header within a few levels, never the article or the page around it. */
function headlineHeader(headline: Element | null): Element | null {
  let node = headline?.parentElement ?? null;
  for (let level = 0; node && level < HEADER_LEVELS; level++, node = node.parentElement) {
    const tag = node.localName;
    if (tag === 'article' || tag === 'main' || tag === 'body') return null;
    if (tag === 'header' || HEADER_NAME.test(node.getAttribute('class') ?? '') || HEADER_NAME.test(node.getAttribute('id') ?? '')) return node;
  }
  return null;
}

function isByline(element: Element): boolean {
  const named =
    element.getAttribute('rel') === 'author' ||
    (element.getAttribute('itemprop') ?? '').includes('author') ||
    BYLINE_NAME.test(`${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`);
  if (!named) return false;
  const length = (element.textContent ?? '').trim().length;
  return length > 0 && length < BYLINE_TEXT;
}
