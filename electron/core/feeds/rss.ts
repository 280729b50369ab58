// RSS 0.9x, 1.0 (RDF) and 2.0 channels and items, from the element tree xml-feed.ts found (through rss-parser or its finder).
import type { MarkupReader } from './markup';
import { extensionDescriptionHtml, extensionTitle, feedBurnerOriginal, htmlOrTextHtml, isEpisode, isEscapedTwice, itemImage, rssEnclosures, withAttachedPictures, withoutSecondEscaping } from './media';
import { finishFeed, finishItem, type ParsedFeed, type ParsedItem } from './parsed';
import { absoluteHttpUrl, hostOf, htmlToText, parseCount, parseDate, titleText } from './text';
import type { FeedTree } from './xml-feed';
import {
  attr, authorName, baseOf, child, children, childText, childTexts, filledChild, hasChildElements, textOf, type XmlElement, type XmlNode,
} from './xml-nodes';

/** Where an item's full text may be: content:encoded, else the (unescaped XHTML) bodies some generators write. */
const CONTENT_ELEMENTS = ['content:encoded', 'body', 'xhtml:body', 'fullitem'];

/**
 * Where an item may say when it was published, RSS's own first: Dublin Core's date (RSS 1.0),
 * the DCMI terms some library, archive and government systems write instead (dcterms:issued,
 * dcterms:created), and Atom's published inside RSS.
 */
const PUBLISHED_ELEMENTS = ['pubDate', 'dc:date', 'dcterms:issued', 'dcterms:created', 'dcterms:date', 'atom:published'];

export function mapRss(kind: 'rss' | 'rdf', tree: FeedTree, feedUrl: string, markup: MarkupReader): ParsedFeed {
  const { root, channel } = tree;
  const siteUrl = absoluteHttpUrl(childText(channel, 'link'), feedUrl);
  // Relative item links are meant relative to the site more often than to the feed's own
  // address (feeds served from a feed host or a /feeds/ folder), so the channel link comes first.
  const outer = baseOf(root, siteUrl ?? feedUrl);
  const base = baseOf(channel, outer);
  const declaredBase = attr(root, 'xml:base') !== null || attr(channel, 'xml:base') !== null;
  const image = child(channel, 'image');
  const showArt = absoluteHttpUrl(attr(child(channel, 'itunes:image'), 'href'), base);
  const iconUrl = absoluteHttpUrl(childText(image, 'url'), base) ?? absoluteHttpUrl(attr(image, 'rdf:resource'), base) ?? showArt;
  const channelAuthor = htmlToText(textOf(child(channel, 'itunes:author'))) || null;
  const channelText = (name: string) => {
    const node = child(channel, name);
    return hasChildElements(node) ? htmlToText(markup(null, name) ?? '') : titleText(textOf(node));
  };
  return finishFeed(
    {
      kind,
      title: channelText('title') || hostOf(siteUrl) || hostOf(feedUrl) || feedUrl,
      siteUrl,
      description: htmlToText(hasChildElements(child(channel, 'description')) ? markup(null, 'description') ?? '' : textOf(child(channel, 'description'))) || null,
      iconUrl,
      language: childText(channel, 'language') ?? childText(channel, 'dc:language'),
    },
    tree.items.map((item, index) => mapRssItem(kind, item, { index, base, declaredBase, markup, channelAuthor, showArt })),
  );
}

interface ItemPlace {
  readonly index: number;
  readonly base: string;
  /** xml:base was set on the document or the channel. */
  readonly declaredBase: boolean;
  readonly markup: MarkupReader;
  /** The channel's itunes:author: a podcast names its host once, for every episode. */
  readonly channelAuthor: string | null;
  /** The channel's itunes:image: the show's cover, which podcast apps show for an episode without its own. */
  readonly showArt: string | null;
}

function mapRssItem(kind: 'rss' | 'rdf', item: XmlElement, place: ItemPlace): ParsedItem {
  const base = baseOf(item, place.base);
  /** An element's HTML: its text (escaped HTML, CDATA), or its inline markup when it has child elements. */
  const html = (name: string): string | null => {
    const node = filledChild(item, name);
    if (node === undefined) return null;
    return (hasChildElements(node) ? place.markup(place.index, name) : textOf(node))?.trim() || null;
  };
  const guidNode = filledChild(item, 'guid');
  // RSS 1.0 has no guid: rdf:about is the item's identity there.
  const guid = textOf(guidNode).trim() || (kind === 'rdf' ? attr(item, 'rdf:about')?.trim() : null) || null;
  const guidLink = guid === null ? null : permalinkOf(guid, attr(guidNode, 'isPermaLink'), base);
  const atomLink = children(item, 'atom:link').find((l) => (attr(l, 'rel') ?? 'alternate') === 'alternate');
  const enclosures = rssEnclosures(item, base);
  const creators = childTexts(item, 'dc:creator').map(authorName);
  const author = creators.length > 0 ? creators.join(', ') : authorName(rssAuthorText(child(item, 'author') ?? child(item, 'atom:author'))) || textOf(child(item, 'itunes:author'));
  const contentName = CONTENT_ELEMENTS.find((name) => child(item, name) !== undefined);
  const contentNode: XmlNode | undefined = contentName === undefined ? undefined : child(item, contentName);
  const declaredBase = place.declaredBase || attr(item, 'xml:base') !== null || attr(contentNode, 'xml:base') !== null;
  const titleName = child(item, 'title') !== undefined ? 'title' : 'dc:title';
  const titleNode = filledChild(item, titleName);
  const title = (hasChildElements(titleNode) ? htmlToText(html(titleName) ?? '') : titleText(textOf(titleNode))) || extensionTitle(item);
  const writtenContent = contentName === undefined ? null : html(contentName);
  const contentHtml = writtenContent === null ? null : withoutSecondEscaping(writtenContent);
  // Only an item with no text of its own takes the extension's: elsewhere it would change the body of stored articles.
  const summaryHtml = descriptionHtml(item, html) ?? (contentHtml === null ? extensionDescriptionHtml(item, title) : null);
  const updatedAt = parseDate(childText(item, 'atom:updated')) ?? parseDate(childText(item, 'dcterms:modified'));
  return finishItem({
    guid,
    link: feedBurnerOriginal(item, base) ?? absoluteHttpUrl(childText(item, 'link'), base) ?? absoluteHttpUrl(attr(atomLink, 'href'), base) ?? guidLink,
    title,
    // An aggregator's item (Google News, Bing News) names its publisher in <source> only.
    author: htmlToText(author) || place.channelAuthor || htmlToText(textOf(child(item, 'source'))) || null,
    // As Atom's: an item dated only by its last change is dated by that, not by when it was fetched.
    publishedAt: firstDate(item, PUBLISHED_ELEMENTS) ?? updatedAt,
    updatedAt,
    // The pictures go with the body the reader shows: the content when there is one.
    summaryHtml: contentHtml === null ? withAttachedPictures(summaryHtml, item, title === null, base) : summaryHtml,
    contentHtml: contentHtml === null ? null : withAttachedPictures(contentHtml, item, title === null, base),
    categories: [...childTexts(item, 'category'), ...childTexts(item, 'dc:subject')],
    enclosures,
    imageUrl: itemImage(item, enclosures, base) ?? (isEpisode(enclosures) ? place.showArt : null),
    commentsUrl: absoluteHttpUrl(childText(item, 'comments'), base),
    commentFeedUrl: absoluteHttpUrl(childText(item, 'wfw:commentRss') ?? childText(item, 'wfw:commentRSS'), base),
    commentCount: parseCount(childText(item, 'slash:comments')) ?? parseCount(childText(item, 'thr:total')),
    authorUrl: null,
    // RFC 4685's element, which a few RSS comment feeds carry as Atom's do (atom.ts).
    inReplyTo: attr(child(item, 'thr:in-reply-to'), 'ref')?.trim() || null,
    baseUrl: declaredBase ? baseOf(contentNode, base) : null,
  });
}

/**
 * The page a guid names, when it stands in for a missing <link>. A guid is a permalink unless it
 * says otherwise. An absolute one is its address; a relative one is resolved as the item's other
 * addresses are (xml:base, else the channel's link, else the feed's address: a browser's rule for
 * a relative link) when the feed says it is a permalink (isPermaLink="true") or it is a path from
 * the site's root ("/2026/12/post"). A bare number or slug ("48213") with the default
 * isPermaLink is an id, not a page: resolved, it would send the reader to a page that is not there.
 */
function permalinkOf(guid: string, isPermaLink: string | null, base: string): string | null {
  if (isPermaLink === 'false') return null;
  const absolute = absoluteHttpUrl(guid);
  if (absolute !== null || (isPermaLink !== 'true' && !guid.startsWith('/'))) return absolute;
  return absoluteHttpUrl(guid, base);
}

/** An RSS <author>'s text; one written as Atom's, with <name> and <email> inside, gives its name (else its address).
 *  .NET's SyndicationFeed writes an author without an address as Atom's own, <a10:author><a10:name>, in RSS. */
function rssAuthorText(node: XmlNode | undefined): string {
  if (!hasChildElements(node)) return textOf(node);
  return childText(node, 'name') ?? childText(node, 'atom:name') ?? childText(node, 'email') ?? childText(node, 'atom:email') ?? '';
}

/** A single line of text with no '<' reads the same as HTML (unless it is HTML escaped twice): it is kept as written (see descriptionHtml). */
const READS_AS_HTML = /^[^<\n]*$/;

/**
 * The item's <description> as HTML. Feeds write HTML or plain text there (Bluesky, arXiv and
 * bridges write text, with line breaks) without saying which. A one-line text that reads the same
 * either way is kept byte for byte: an item's fingerprint hashes it (article-id.ts), and turned
 * into a paragraph it would mark every such stored article edited at the next sync.
 */
function descriptionHtml(item: XmlElement, html: (name: string) => string | null): string | null {
  const node = filledChild(item, 'description');
  if (hasChildElements(node)) return html('description');
  const text = textOf(node).trim();
  if (!text) return null;
  return READS_AS_HTML.test(text) && !isEscapedTwice(text) ? text : htmlOrTextHtml(text);
}

/** The first readable date among the item's elements of those names, in that order. */
function firstDate(item: XmlElement, names: readonly string[]): number | null {
  for (const name of names) {
    const date = parseDate(childText(item, name));
    if (date !== null) return date;
  }
  return null;
}
