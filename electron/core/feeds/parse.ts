// From decoded text to an immutable ParsedFeed: sniff the format, hand XML to xml-feed.ts and
// JSON (JSON Feed, RSS-in-JSON) to json-feed.ts, and turn every failure into a FeedParseError
// whose message can be shown to the user.
import { uniqueIdOf } from './article-id';
import { FeedParseError } from './errors';
import { feedShownAsText } from './feed-in-pre';
import { withoutTrackingParameters } from './item-link';
import { parseJsonFeed } from './json-feed';
import { withoutJsonWrapping } from './json-wrapping';
import { pageFeedLinks } from './page-feed-links';
import { pageInsteadOfFeed } from './page-instead-of-feed';
import { finishFeed, type ParsedFeed } from './parsed';
import { parseXmlFeed } from './xml-feed';
import { lazyModule } from '../system/lazy-module';
import { errorMessage } from '../../../shared/error-message';
import type * as Linkedom from 'linkedom';

const linkedom = lazyModule<typeof Linkedom>('linkedom');

export { FeedParseError };

export type SniffedKind = 'rss' | 'rdf' | 'atom' | 'json' | 'html';

/** The version may follow a long "items" list (key order is free); PHP's json_encode writes its slashes as \/. */
const JSON_FEED_VERSION = /"version"\s*:\s*"https?:(?:\\?\/){2}jsonfeed\.org\\?\/version\\?\//;
/** RSS converted to JSON as {"rss": {"channel": {...}}} (some long-running blogs serve it), the declaration sometimes first ("?xml"). */
const RSS_IN_JSON = /"rss"\s*:\s*\{/;

/** Where a feed starts after text a server printed first: its declaration or its root element,
 *  in any case (<?XML as charset.ts reads it, <RSS as sniffFeed does). */
const FEED_START = /<\?xml\b|<(?:rss|feed|rdf:RDF)\b/i;
/** How far FEED_START is looked for: warnings are a few lines, not a page. */
const JUNK_WINDOW = 8192;
/**
 * A PHP warning, notice or deprecation, in HTML (`<br />\n<b>Warning</b>:  ... in <b>/path.php</b>
 * on line <b>8</b><br />`, tags stripped before matching) or as plain text: what a WordPress plugin
 * or a bad config prints before the feed when display_errors is on.
 */
const SERVER_WARNING = /^(?:PHP )?(?:Warning|Notice|Deprecated|Strict Standards)\s*:.*\bon line \d+$/;
/**
 * Error reports printed whole, as HTML blocks, before the feed, each opened and closed by markup
 * only its writer uses: WordPress's database errors (wpdb::print_error, with WP_DEBUG_DISPLAY on:
 * '<div id="error"><p class="wpdberror"><strong>WordPress database error:</strong> [the error]
 * <br /><code>the query</code></p></div>', whose query may run over many lines) and Xdebug's table
 * for a PHP warning (its "( ! )" row and call stack).
 */
const SERVER_ERROR_BLOCKS = /<div id="error"><p class="wpdberror">[\s\S]*?<\/p><\/div>|<font size=['"]1['"]><table class=['"]xdebug-error\b[\s\S]*?<\/table><\/font>/g;
/** How the text before a feed opens when it may be a warning or such a block. */
const WARNING_START = /^<br\b|^<b>|^<div id="error"><p class="wpdberror">|^<font size=['"]1['"]><table class=['"]xdebug-error\b/i;

/** HTML elements that may open a page served without <!doctype> or <html>. */
const HTML_ROOTS = new Set(['html', 'head', 'body', 'meta', 'title', 'link', 'script', 'style', 'div', 'p', 'pre']);

export function sniffFeed(text: string): SniffedKind | null {
  const start = feedText(text);
  // The whole text is searched: key order is free, so the version may follow a long "items" list.
  if (start.startsWith('{')) return JSON_FEED_VERSION.test(start) || RSS_IN_JSON.test(start) ? 'json' : null;
  const root = rootElementName(start);
  if (root === null) return null;
  // A prefix is allowed: <r:rss xmlns:r="...">, <atom:feed>.
  // In any case: hand-written feeds open with <RSS version="0.91"> or <Feed>, as their elements are written (element-names.ts).
  if (/^(?:[\w.-]+:)?rss$/i.test(root)) return 'rss';
  if (/^(?:[\w.-]+:)?feed$/i.test(root)) return 'atom';
  if (/(^|:)RDF$/.test(root)) return 'rdf';
  // A bare <channel> root is RSS that lost its <rss> wrapper, unless it has CDF's HREF.
  if (root === 'channel' && !/^<channel\b[^>]*\bhref\s*=/i.test(start.slice(start.indexOf('<channel')))) return 'rss';
  return HTML_ROOTS.has(root.toLowerCase()) ? 'html' : null;
}

export async function parseFeed(text: string, feedUrl: string): Promise<ParsedFeed> {
  const body = feedText(text);
  if (!body) throw new FeedParseError('empty response');
  const kind = sniffFeed(body);
  let feed: ParsedFeed;
  try {
    if (kind === 'json') feed = parseJsonFeed(body, feedUrl);
    else if (kind === 'rss' || kind === 'rdf' || kind === 'atom') feed = await parseXmlFeed(withoutXmlDeclaration(body), feedUrl, kind);
    else if (kind === 'html') feed = await feedShownInPage(body, feedUrl);
    else throw new FeedParseError(notAFeed(body));
  } catch (error) {
    if (error instanceof FeedParseError) throw error;
    throw new FeedParseError(`malformed feed: ${errorMessage(error)}`);
  }
  return withoutRepeatedItems(withSharedLinks(withoutSharedGuids(feed)));
}

/**
 * The feed an HTML page shows as text and nothing else (feed-in-pre.ts), read as the feed: the
 * server wrapped it in a page, every item is there. Any other page is no feed, and says what it is.
 */
async function feedShownInPage(html: string, feedUrl: string): Promise<ParsedFeed> {
  const shown = feedShownAsText(html);
  if (shown === null) throw new FeedParseError(notAFeedButPage(html, feedUrl));
  if (!shown.alone) throw new FeedParseError(notAFeedButPage(html, feedUrl, 'an HTML page that shows a feed as text among other things'));
  try {
    return await parseFeed(shown.text, feedUrl);
  } catch (error) {
    throw new FeedParseError(`not a feed: got an HTML page that shows a feed as text, which could not be read (${errorMessage(error)})`);
  }
}

/**
 * An HTML page where a feed was expected: a page standing in front of the site (a check for
 * robots, a login page, a parked domain: page-instead-of-feed.ts) says what it is, and another
 * names the feed it links when it links one: an OPML file that lists a site's home page, a feed
 * moved without a redirect. Saying so tells the person which address to subscribe to; the
 * subscription itself is theirs to change.
 */
function notAFeedButPage(html: string, pageUrl: string, page = 'an HTML page'): string {
  let linked: string | undefined;
  try {
    const document = linkedom().parseHTML(html).document as unknown as Document;
    const standIn = pageInsteadOfFeed(html, document);
    if (standIn !== null) return `not a feed: ${standIn}`;
    linked = pageFeedLinks(document, pageUrl).site.find((url) => url !== pageUrl);
  } catch {
    // A page linkedom cannot read names no feed.
  }
  return linked ? `not a feed: got ${page}, which links the feed ${linked}: subscribe to that address instead` : `not a feed: got ${page}`;
}

/**
 * Items whose guid another item of the document has with another link, without that guid: some
 * generators give every item the site's address as its guid, and each story overwrote the last.
 * Their links tell them apart (rule 1 of article-id.ts). Links are compared as ids read them.
 */
function withoutSharedGuids(feed: ParsedFeed): ParsedFeed {
  const linksByGuid = new Map<string, Set<string>>();
  for (const item of feed.items) {
    if (!item.guid || !item.link) continue;
    const links = linksByGuid.get(item.guid) ?? new Set<string>();
    links.add(withoutTrackingParameters(item.link));
    linksByGuid.set(item.guid, links);
  }
  const shared = (guid: string | null) => guid !== null && (linksByGuid.get(guid)?.size ?? 0) > 1;
  if (!feed.items.some((item) => item.link && shared(item.guid))) return feed;
  return finishFeed(feed, feed.items.map((item) => (item.link && shared(item.guid) ? Object.freeze({ ...item, guid: null }) : item)));
}

/** Marks guid-less items whose link another guid-less item has too (rule 3 of article-id.ts), links
 *  compared as the id reads them: without tracking parameters. */
function withSharedLinks(feed: ParsedFeed): ParsedFeed {
  const counts = new Map<string, number>();
  const idLink = (link: string) => withoutTrackingParameters(link);
  for (const item of feed.items) if (!item.guid && item.link) counts.set(idLink(item.link), (counts.get(idLink(item.link)) ?? 0) + 1);
  if (![...counts.values()].some((n) => n > 1)) return feed;
  const items = feed.items.map((item) =>
    !item.guid && item.link && counts.get(idLink(item.link))! > 1 ? Object.freeze({ ...item, sharedLink: true }) : item,
  );
  return finishFeed(feed, items);
}

/** The document without what servers put around a feed: a BOM, white space, warnings printed first, what wraps its JSON. */
function feedText(text: string): string {
  return withoutJsonWrapping(withoutServerWarnings(withoutBom(text).trim()));
}

/** Sliced, not replaced: a replace copies the whole document, even when there is nothing to take out. */
function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * The feed without the warnings and error blocks a server printed before it (Feedly, Inoreader and
 * feedparser skip them too). Only lines that are all warnings are skipped: anything else before the feed is left
 * for the parser to refuse, so a page that merely mentions <rss> is never read as a feed.
 */
function withoutServerWarnings(text: string): string {
  if (text.startsWith('<') && !WARNING_START.test(text)) return text;
  const start = text.slice(0, JUNK_WINDOW).search(FEED_START);
  if (start <= 0) return text;
  const lines = text.slice(0, start).replace(SERVER_ERROR_BLOCKS, '\n').replace(/<\/?b>/gi, '').replace(/<br\s*\/?>/gi, '\n').split('\n');
  return lines.every((line) => !line.trim() || SERVER_WARNING.test(line.trim())) ? text.slice(start) : text;
}

/**
 * The text is already decoded, so the declaration's encoding label (windows-1251, ...) is stale;
 * dropping the declaration keeps any XML parser from acting on it.
 */
function withoutXmlDeclaration(xml: string): string {
  // Sliced, not replaced (as withoutBom).
  const declaration = /^<\?xml\b[^>]*\?>/.exec(xml);
  return declaration ? xml.slice(declaration[0].length) : xml;
}

/** Keeps the first of items sharing a unique id (see the technote in article-id.ts). */
function withoutRepeatedItems(feed: ParsedFeed): ParsedFeed {
  const seen = new Set<string>();
  const items = feed.items.filter((item) => {
    const id = uniqueIdOf(item);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  return items.length === feed.items.length ? feed : finishFeed(feed, items);
}

function notAFeed(body: string): string {
  if (body.startsWith('<')) {
    const root = rootElementName(body);
    // Microsoft's Channel Definition Format (1997): <CHANNEL HREF> with <ITEM HREF> inside.
    if (root?.toLowerCase() === 'channel') return 'unsupported format (CDF)';
    return root ? `not a feed: XML with root <${root}>` : 'not a feed: unreadable XML';
  }
  if (body.startsWith('{') || body.startsWith('[')) {
    try {
      JSON.parse(body);
      return 'not a feed: JSON without a jsonfeed.org version';
    } catch {
      return 'not a feed: malformed JSON';
    }
  }
  // Control characters or U+FFFD (bytes that did not decode) mean binary data, not a text format.
  if (/[\0-\x08\x0e-\x1f\ufffd]/.test(body.slice(0, 512))) return 'not a feed: got binary data';
  return 'not a feed: got text that is neither XML nor JSON';
}

/** Name of the first element after the XML declaration, comments, processing instructions and doctype. */
function rootElementName(text: string): string | null {
  let rest = text;
  for (;;) {
    rest = rest.trimStart();
    if (/^<!doctype\s+html\b/i.test(rest)) return 'html';
    const skip = prologEnd(rest);
    if (skip === 0) break;
    if (skip < 0) return null;
    rest = rest.slice(skip);
  }
  return /^<([A-Za-z_][\w.:-]*)/.exec(rest)?.[1] ?? null;
}

/** Length of the prolog token at the start of `text`: 0 when there is none, -1 when it never ends. */
function prologEnd(text: string): number {
  const close = (marker: string, from: number) => {
    const at = text.indexOf(marker, from);
    return at < 0 ? -1 : at + marker.length;
  };
  if (text.startsWith('<?')) return close('?>', 2);
  if (text.startsWith('<!--')) return close('-->', 4);
  if (/^<!doctype/i.test(text)) {
    // An internal subset [...] may contain '>' of its own.
    const bracket = text.indexOf('[');
    const gt = text.indexOf('>');
    if (bracket < 0 || bracket > gt) return close('>', 0);
    const subsetEnd = close(']', bracket);
    return subsetEnd < 0 ? -1 : close('>', subsetEnd);
  }
  return 0;
}
