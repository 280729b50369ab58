// Links within an article: footnotes and their way back (WordPress's footnotes block, Markdown's
// [^1], Substack's), a table of contents. Offline, a link to "#fn1" on the web page goes nowhere
// the reader can follow, so the element it points at keeps its id and the link stays in the
// article. Every id kept is prefixed: an article's ids share the reader's document with the app's
// own, and an element with an id becomes a property of window (DOM clobbering).
// A link whose target did not survive sanitizing or extraction (a "#comments" or "#respond" of
// the page around the article) goes to the web page, as any other link.

/** Every kept id starts with this, and every in-page link's fragment names one that does. */
export const ANCHOR_PREFIX = 'pb-';

/** What an id may be: letters, digits and the punctuation footnote and heading ids use (a UUID,
 *  "fn:1", "cite_note-3", "footnote-anchor-2"). */
const ANCHOR_ID = /^[\p{L}\p{N}_:.-]{1,100}$/u;

/** The id an element keeps, prefixed; null for one that names nothing a link could use. The
 *  prefix is not added twice, so sanitizing the output again changes nothing. */
export function anchorId(value: string | null | undefined): string | null {
  const id = value?.trim() ?? '';
  if (!ANCHOR_ID.test(id)) return null;
  return id.startsWith(ANCHOR_PREFIX) ? id : ANCHOR_PREFIX + id;
}

/** "#" and the prefixed id a link points at in the article itself: a bare fragment, or the
 *  article's own address with one. Null for a link elsewhere (or to the page's top). */
export function inPageHref(value: string | null | undefined, base: URL | null): string | null {
  const href = value?.trim() ?? '';
  let fragment: string;
  if (href.startsWith('#')) {
    fragment = href.slice(1);
  } else {
    if (base === null || !href.includes('#')) return null;
    let url: URL;
    try {
      url = new URL(href, base);
    } catch {
      return null;
    }
    if (withoutFragment(url) !== withoutFragment(base)) return null;
    fragment = url.hash.slice(1);
  }
  const id = anchorId(decodedFragment(fragment));
  return id === null ? null : `#${id}`;
}

// In sanitized HTML, where text and attribute values have '<', '>' and '"' escaped, every '<'
// opens a tag, a tag runs to the next '>', and a value to the next '"': these read tags exactly.
const IN_PAGE_LINK = /(<a\s[^>]*?\bhref=")#([^"]*)"/g;
const ELEMENT_ID = /(<[a-z][a-z0-9]*(?:\s[^>]*?)?)\sid="([^"]*)"/g;

/**
 * The sanitized HTML with its in-page links paired with their targets: an id no link points at
 * goes (most ids are a theme's hooks, and the reader's document should not carry them), and a
 * link whose target is not in the article goes to the web page instead (base and the fragment
 * it had), or is left as it is when there is no base.
 */
export function withInPageLinksPaired(html: string, base: URL | null): string {
  const hasIds = html.includes(' id="');
  if (!hasIds && !html.includes('href="#')) return html;
  const ids = new Set(hasIds ? Array.from(html.matchAll(ELEMENT_ID), (match) => match[2]!) : []);
  const linked = new Set<string>();
  const paired = html.replace(IN_PAGE_LINK, (link, head: string, id: string) => {
    if (ids.has(id) || base === null) {
      linked.add(id);
      return link;
    }
    const url = new URL(base.href);
    url.hash = id.slice(ANCHOR_PREFIX.length);
    return `${head}${escapedAttribute(url.href)}"`;
  });
  return hasIds ? paired.replace(ELEMENT_ID, (attribute, head: string, id: string) => (linked.has(id) ? attribute : head)) : paired;
}

/** As the sanitizer writes an attribute's value. */
function escapedAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

function withoutFragment(url: URL): string {
  return url.href.slice(0, url.href.length - url.hash.length);
}

function decodedFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}
