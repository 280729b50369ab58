// The feeds a web page names: its <link rel="alternate"> feeds and, when it names only comment
// feeds there, the feed-looking links of its body. Feed discovery (discover.ts) tries them in turn;
// a sync that meets a page where its feed was (parse.ts) names the first, so the person learns the
// address to subscribe to (an OPML file listing a site's home page, a feed moved without a redirect).
import { absoluteHttpUrl, displayText } from './text';

export const FEED_TYPES = new Set(['application/rss+xml', 'application/atom+xml', 'application/rdf+xml', 'application/feed+json']);
/** Types old sites give their feed links: XML of any kind, so only fetching tells whether it is a feed. */
const XML_TYPES = new Set(['text/xml', 'application/xml']);
/** A link title that says feed, for an alternate link without a type ("RSS", "Site » Feed"). */
const FEED_TITLE = /\b(?:rss|atom|feed)\b/i;
/** A link's title or text naming comments: WordPress's "Site » Comments Feed", "Comments on: …". */
const COMMENTS_TITLE = /\bcomments\b/i;
/** An address of comments: /comments/feed/, Blogger's /feeds/901/comments/default, /comments.rss. */
const COMMENTS_PATH = /\/comments?(?:[/.?]|$)/i;
/** A body link that names a feed by its address (…/feed, rss.xml, atom, ?feed=rss2, .rdf). */
const FEED_HREF = /(?:^|[/.?=_-])(?:feeds?|rss\d?|atom|rdf)(?:$|[/.?&=_-])|\.(?:rss|atom|rdf)$/i;
/** A body link whose text says feed. */
const FEED_LABEL = /^\s*(?:rss|atom|feed|rss feed|atom feed|subscribe via rss)\s*$/i;
/** Body links are guesses: a page that links every article's feed must not start a crawl. */
const MAX_BODY_LINKS = 4;
/** A page's own feed links are tried in turn until one parses: a page listing a feed per tag must not start a crawl either. */
const MAX_HEAD_LINKS = 8;

/** A feed link found in a page, what the page calls it, and whether it is a feed of comments rather than of the site. */
interface FeedLink {
  readonly url: string;
  readonly comments: boolean;
  /** The <link>'s title or the <a>'s text ("Harbour Hour (video)"); '' when it has none. */
  readonly label: string;
}

/** The feeds a page names, each in page order; `labels` holds what the page calls each one it names. */
export interface PageFeedLinks {
  readonly site: string[];
  readonly comments: string[];
  readonly labels: ReadonlyMap<string, string>;
}

/**
 * The page's feed links in page order, the site's apart from comment feeds: its <link
 * rel="alternate"> feeds, with its body's feed-looking links when those are only comment feeds.
 * The page's own site feeds come first: those in the folder of its address (a WordPress category's
 * /category/news/feed/, a section's /world/rss.xml), which the site lists after its main feed.
 * Someone who pastes a category's or an author's page wants that category, not the whole site.
 */
export function pageFeedLinks(document: Document, pageUrl: string): PageFeedLinks {
  let links = feedLinks(document, pageUrl);
  if (!links.some((link) => !link.comments)) links = [...links, ...bodyFeedLinks(document, pageUrl)];
  const folder = pageFolder(pageUrl);
  const origin = new URL(pageUrl).origin;
  const own = (url: string) => {
    const link = new URL(url);
    return folder !== null && link.origin === origin && link.pathname.startsWith(folder);
  };
  const urls = (comments: boolean) => [...new Set(links.filter((link) => link.comments === comments).map((link) => link.url))];
  const site = urls(false);
  // The first label a page gives an address: a later <a> reading "RSS" says less than the <link>'s title.
  const labels = new Map<string, string>();
  for (const link of links) if (link.label && !labels.has(link.url)) labels.set(link.url, link.label);
  return { site: [...site.filter(own), ...site.filter((url) => !own(url))].slice(0, MAX_HEAD_LINKS), comments: urls(true).slice(0, MAX_HEAD_LINKS), labels };
}

/** The folder a page's address names (/category/news/ for /category/news or /category/news/), or null for the site's root. */
function pageFolder(pageUrl: string): string | null {
  const { pathname } = new URL(pageUrl);
  const folder = pathname.endsWith('/') ? pathname : /\.[a-z0-9]+$/i.test(pathname) ? pathname.replace(/[^/]*$/, '') : `${pathname}/`;
  return folder === '/' ? null : folder;
}

/** <link rel="alternate"> elements with a feed type (or an XML type, or none and a feed's look), in page order. */
function feedLinks(document: Document, pageUrl: string): FeedLink[] {
  const base = baseUrl(document, pageUrl);
  return Array.from(document.querySelectorAll('link[rel][href]')).flatMap((link) => {
    const rels = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    const url = rels.includes('alternate') ? absoluteHttpUrl(link.getAttribute('href'), base) : null;
    if (!url || !isFeedLink(link, url)) return [];
    const label = displayText(link.getAttribute('title') ?? '');
    return [{ url, comments: isComments(url, label), label }];
  });
}

function isFeedLink(link: Element, url: string): boolean {
  const type = mediaType(link.getAttribute('type'));
  if (FEED_TYPES.has(type) || XML_TYPES.has(type)) return true;
  const { pathname, search } = new URL(url);
  // JSON Feed 1.0 said application/json, which pages also use for APIs (WordPress's wp-json);
  // only a feed-looking address makes it a candidate.
  if (type === 'application/json') return /feed/i.test(pathname + search);
  // No type: a translation (hreflang) or any other page is an alternate too; only a feed's look makes it a candidate.
  return type === '' && !link.hasAttribute('hreflang') && (FEED_HREF.test(pathname + search) || FEED_TITLE.test(link.getAttribute('title') ?? ''));
}

function isComments(url: string, label: string): boolean {
  return COMMENTS_TITLE.test(label) || COMMENTS_PATH.test(new URL(url).pathname);
}

/** `application/rss+xml; charset=utf-8` → `application/rss+xml`. */
export function mediaType(contentType: string | null): string {
  return contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
}

/** <a> links in the page whose address or text says feed, in page order. */
function bodyFeedLinks(document: Document, pageUrl: string): FeedLink[] {
  const base = baseUrl(document, pageUrl);
  const seen = new Set<string>();
  const links = Array.from(document.querySelectorAll('a[href]')).flatMap((link) => {
    const url = absoluteHttpUrl(link.getAttribute('href'), base);
    if (!url || seen.has(url)) return [];
    const { pathname, search } = new URL(url);
    const text = link.textContent ?? '';
    if (!FEED_HREF.test(pathname + search) && !FEED_LABEL.test(text)) return [];
    seen.add(url);
    return [{ url, comments: isComments(url, text), label: displayText(text) }];
  });
  return links.slice(0, MAX_BODY_LINKS);
}

/** Where the page's relative links lead from: its <base href>, else its own address. */
export function baseUrl(document: Document, pageUrl: string): string {
  return absoluteHttpUrl(document.querySelector('base[href]')?.getAttribute('href'), pageUrl) ?? pageUrl;
}
