// Atom 1.0 (RFC 4287, with RFC 4685 threading) and the older Atom 0.3 feeds and entries, from the
// element tree xml-feed.ts located. Relative references resolve against xml:base, else the
// document's own address, as the RFC says.
import type { Enclosure } from '../../../shared/types';
import { enclosureOf, extensionDescriptionHtml, extensionTitle, feedBurnerOriginal, itemImage, mediaEnclosures, withoutSecondEscaping } from './media';
import { finishFeed, finishItem, type ParsedFeed, type ParsedItem } from './parsed';
import { absoluteHttpUrl, collapseWhitespace, hostOf, htmlToText, parseCount, parseDate, textToHtml, titleText } from './text';
import type { MarkupReader } from './markup';
import type { FeedTree } from './xml-feed';
import { attr, authorName, baseOf, child, children, childText, childTexts, textOf, type XmlElement, type XmlNode } from './xml-nodes';

interface AtomLink {
  readonly rel: string;
  readonly type: string | null;
  readonly href: string;
  readonly node: XmlNode;
}

/** Where an xhtml construct is, for the MarkupReader. */
type Place = { readonly entry: number | null; readonly element: string };

export function mapAtom(tree: FeedTree, feedUrl: string, xhtml: MarkupReader): ParsedFeed {
  const { root, items: entries } = tree;
  const base = baseOf(root, feedUrl);
  const links = linksOf(root, base);
  const siteUrl = alternateLink(links);
  const feedAuthor = authorsOf(root);
  const subtitle = child(root, 'subtitle') ?? child(root, 'tagline');
  return finishFeed(
    {
      kind: 'atom',
      title: plainText(child(root, 'title'), xhtml, { entry: null, element: 'title' }) || hostOf(siteUrl) || hostOf(feedUrl) || feedUrl,
      siteUrl,
      description: plainText(subtitle, xhtml, { entry: null, element: child(root, 'subtitle') ? 'subtitle' : 'tagline' }) || null,
      iconUrl: absoluteHttpUrl(childText(root, 'icon'), base) ?? absoluteHttpUrl(childText(root, 'logo'), base),
      language: attr(root, 'xml:lang')?.trim() || null,
    },
    entries.map((entry, index) => mapEntry(entry, index, { base, declaredBase: attr(root, 'xml:base') !== null }, feedAuthor, xhtml)),
  );
}

function mapEntry(
  entry: XmlElement,
  index: number,
  feed: { readonly base: string; readonly declaredBase: boolean },
  feedAuthor: string | null,
  xhtml: MarkupReader,
): ParsedItem {
  const base = baseOf(entry, feed.base);
  const id = childText(entry, 'id');
  const content = child(entry, 'content');
  const declaredBase = feed.declaredBase || attr(entry, 'xml:base') !== null || attr(content, 'xml:base') !== null;
  const links = linksOf(entry, base);
  const replies = links.filter((l) => l.rel === 'replies');
  // RFC 4685: a replies link points at a feed unless its type says otherwise.
  const repliesPage = replies.find((l) => l.type === 'text/html');
  const repliesFeed = replies.find((l) => l.type !== 'text/html');
  const enclosures = [
    ...links
      .filter((l) => l.rel === 'enclosure')
      .map((l) => enclosureOf(l.href, l.type, attr(l.node, 'length'), base))
      .filter((e): e is Enclosure => e !== null),
    ...mediaEnclosures(entry, base),
  ];
  const updatedAt = parseDate(childText(entry, 'updated')) ?? parseDate(childText(entry, 'modified'));
  // Atom 0.3's issued and created; Dublin Core's date, which some Atom generators write instead.
  const published = parseDate(childText(entry, 'published')) ?? parseDate(childText(entry, 'issued')) ?? parseDate(childText(entry, 'created')) ?? parseDate(childText(entry, 'dc:date'));
  const contentHtml = html(content, xhtml, { entry: index, element: 'content' });
  const title = plainText(child(entry, 'title'), xhtml, { entry: index, element: 'title' }) || extensionTitle(entry);
  return finishItem({
    guid: id,
    // An empty <link/> leaves no address: an id that is a web address is the entry's page.
    link: feedBurnerOriginal(entry, base) ?? alternateLink(links) ?? absoluteHttpUrl(id),
    title,
    // Dublin Core's creator, which some Atom generators write instead of <author>, before the feed's author.
    author: authorsOf(entry) ?? authorsOf(child(entry, 'source')) ?? (childTexts(entry, 'dc:creator').map(authorName).join(', ') || feedAuthor),
    // <updated> is the only date Atom requires; many entries have nothing else.
    publishedAt: published ?? updatedAt,
    updatedAt,
    // YouTube's entries have neither: their text is in media:group (media.ts).
    summaryHtml: html(child(entry, 'summary'), xhtml, { entry: index, element: 'summary' }) ?? (contentHtml === null ? extensionDescriptionHtml(entry, title) : null),
    contentHtml,
    categories: [
      ...children(entry, 'category').map((c) => collapseWhitespace(attr(c, 'label') ?? attr(c, 'term') ?? textOf(c))),
      ...childTexts(entry, 'dc:subject'),
    ],
    enclosures,
    imageUrl: itemImage(entry, enclosures, base),
    commentsUrl: repliesPage?.href ?? null,
    commentFeedUrl: repliesFeed?.href ?? null,
    commentCount: parseCount(childText(entry, 'thr:total')) ?? parseCount(attr((repliesFeed ?? repliesPage)?.node, 'thr:count')),
    authorUrl: absoluteHttpUrl(childText(child(entry, 'author'), 'uri'), base),
    inReplyTo: attr(child(entry, 'thr:in-reply-to'), 'ref')?.trim() || null,
    baseUrl: declaredBase ? baseOf(content, base) : null,
  });
}

function linksOf(node: XmlNode, base: string): AtomLink[] {
  return children(node, 'link').flatMap((link) => {
    // <link>URL</link> (no href) is a common slip.
    const href = absoluteHttpUrl(attr(link, 'href') ?? textOf(link), baseOf(link, base));
    // rel may be written as the full IANA IRI.
    // Registered relation names are compared without case (RFC 8288): rel="Alternate" is the page.
    const rel = (attr(link, 'rel')?.trim() || 'alternate').replace(/^http:\/\/www\.iana\.org\/assignments\/relation\//, '').toLowerCase();
    return href ? [{ rel, type: attr(link, 'type')?.trim().toLowerCase() || null, href, node: link }] : [];
  });
}

function alternateLink(links: readonly AtomLink[]): string | null {
  const alternates = links.filter((l) => l.rel === 'alternate');
  return (alternates.find((l) => l.type === null || l.type === 'text/html') ?? alternates[0])?.href ?? null;
}

/** The name Blogger writes for an author whose profile is hidden (with noreply@blogger.com): nobody's name. */
const NO_NAME = /^unknown$/i;

function authorsOf(node: XmlNode | undefined): string | null {
  const names = children(node, 'author').map((a) => collapseWhitespace(childText(a, 'name') ?? childText(a, 'email') ?? textOf(a)));
  return names.filter((n) => n !== '' && !NO_NAME.test(n)).join(', ') || null;
}

type ConstructType = 'text' | 'html' | 'xhtml' | 'other';

/** Atom 1.0 says text, html or xhtml; Atom 0.3 says a MIME type. */
function constructType(node: XmlNode): ConstructType {
  const type = (attr(node, 'type') ?? 'text').trim().toLowerCase();
  if (type === 'xhtml' || type === 'application/xhtml+xml') return 'xhtml';
  if (type === 'html' || type === 'text/html') return 'html';
  if (type === 'text' || type === 'text/plain') return 'text';
  return 'other';
}

/**
 * The construct's text. Atom 0.3's mode="base64" carries it base64-encoded (some generators
 * used it for all their HTML); its type then says what the decoded text is.
 */
function constructText(node: XmlNode): string {
  const text = textOf(node);
  return attr(node, 'mode')?.trim().toLowerCase() === 'base64' ? Buffer.from(text, 'base64').toString('utf8') : text;
}

function plainText(node: XmlNode | undefined, xhtml: MarkupReader, place: Place): string {
  if (node === undefined) return '';
  switch (constructType(node)) {
    case 'html':
      return titleText(constructText(node));
    case 'xhtml':
      return htmlToText(xhtml(place.entry, place.element) ?? constructText(node));
    default:
      return collapseWhitespace(constructText(node));
  }
}

function html(node: XmlNode | undefined, xhtml: MarkupReader, place: Place): string | null {
  // Out-of-line content (src=...) and non-text media (images, ...) are not an article body.
  if (node === undefined || attr(node, 'src') !== null) return null;
  switch (constructType(node)) {
    case 'html':
      return withoutSecondEscaping(constructText(node).trim()) || null;
    case 'xhtml':
      return (attr(node, 'mode') === 'base64' ? constructText(node) : xhtml(place.entry, place.element))?.trim() || null;
    case 'text':
      return constructText(node).trim() ? textToHtml(constructText(node)) : null;
    default:
      return null;
  }
}
