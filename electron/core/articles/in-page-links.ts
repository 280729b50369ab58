// Links within an article: footnotes and their way back (WordPress's footnotes block, Markdown's
// [^1], Substack's), a table of contents. Offline, a link to "#fn1" on the web page goes nowhere
// the reader can follow, so the element it points at keeps its id and the link stays in the
// article. Every id kept is prefixed: an article's ids share the reader's document with the app's
// own, and an element with an id becomes a property of window (DOM clobbering).
// A link whose target did not survive sanitizing or extraction (a "#comments" or "#respond" of
// the page around the article) goes to the web page, as any other link; in a copy with no web
// page to go to (no base address) it is no link at all: its words stay, as plain text, and no
// link that does nothing is shown. Neither is a bare "#": on the web it is a script's handle
// ("Share", "Show more", which the script did), and it names no place here or on the page.
// An old page's targets are named anchors (<a name="section-2">, as RFCs' HTML and many a
// table of contents have them): such an anchor is a place like an element with that id.
// "Back to top" links ("#top", any case) go to the article's top, as a browser takes them when no
// element has that id: they are kept as a link to TOP_OF_ARTICLE, which no element carries.
// A copy stored before a rule here existed is paired again as it is read (pairedWhenRead).
import { ANCHOR_PREFIX, TOP_OF_ARTICLE } from '../../../shared/article-places';

export { ANCHOR_PREFIX };

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

/** Whether a link's address is a bare "#", which names no place (see above). */
export function namesNoPlace(value: string | null | undefined): boolean {
  return value?.trim() === '#';
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
 * it had), or, when there is no base, is no link: its text stays.
 */
export function withInPageLinksPaired(html: string, base: URL | null): string {
  const hasIds = html.includes(' id="');
  if (!hasIds && !html.includes('href="#')) return html;
  const ids = new Set(hasIds ? Array.from(html.matchAll(ELEMENT_ID), (match) => match[2]!) : []);
  const linked = new Set<string>();
  let leadsNowhere = false;
  const paired = html.replace(IN_PAGE_LINK, (link, head: string, id: string) => {
    if (ids.has(id)) {
      linked.add(id);
      return link;
    }
    if (id.toLowerCase() === TOP_OF_ARTICLE) return `${head}#${TOP_OF_ARTICLE}"`;
    if (base === null) {
      leadsNowhere = true;
      return link;
    }
    const url = new URL(base.href);
    url.hash = id.slice(ANCHOR_PREFIX.length);
    return `${head}${escapedAttribute(url.href)}"`;
  });
  const kept = leadsNowhere ? withoutLinksTo(paired, ids) : paired;
  return hasIds ? kept.replace(ELEMENT_ID, (attribute, head: string, id: string) => (linked.has(id) ? attribute : head)) : kept;
}

/**
 * A stored copy's HTML as a page may show it. Copies stored before the rules above kept links
 * that lead nowhere (a "#pb-..." whose target their sanitizing had not kept, in a copy with no
 * web address): paired again, such a link is its words, as in a copy made today, and the rest
 * is left as it was (pairing is idempotent; a copy with a base has no link to a missing target,
 * which its sanitizing sent to the web page). Such a copy wrote "Back to top" as its page's
 * address with "#top" (`pageAddresses`: the article's link, and where it redirected when known),
 * which is the article's top now. About 2 ms for a 50 KB article of 400 in-page links (a long
 * table of contents), and nothing for the many without any.
 */
export function pairedWhenRead(html: string, pageAddresses: readonly (string | null)[]): string {
  let mended = html;
  for (const address of pageAddresses) {
    const page = address === null ? null : pageHref(address);
    if (page === null || !mended.includes(`href="${page}#`)) continue;
    mended = mended.replace(new RegExp(`href="${escapedForPattern(page)}#top"`, 'gi'), `href="#${TOP_OF_ARTICLE}"`);
  }
  return mended.includes('href="#') ? withInPageLinksPaired(mended, null) : mended;
}

/** The address as the sanitizer wrote a link to it (resolved, without its fragment, escaped). */
function pageHref(address: string): string | null {
  try {
    return escapedAttribute(withoutFragment(new URL(address)));
  } catch {
    return null;
  }
}

function escapedForPattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// A link's start and end tags. Sanitized HTML balances its tags, and a link may hold another
// (the parser does not close one at the next), so an end tag closes the latest start tag.
const LINK_TAG = /<a\s[^>]*>|<\/a>/g;
const FRAGMENT_HREF = /\shref="#([^"]*)"/;

/** The HTML without the start and end tags of its in-page links whose target is not in `ids`. */
function withoutLinksTo(html: string, ids: ReadonlySet<string>): string {
  const open: boolean[] = [];
  return html.replace(LINK_TAG, (tag) => {
    if (tag === '</a>') return open.pop() === true ? '' : tag;
    const target = FRAGMENT_HREF.exec(tag)?.[1];
    const gone = target !== undefined && !ids.has(target) && target !== TOP_OF_ARTICLE;
    open.push(gone);
    return gone ? '' : tag;
  });
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
