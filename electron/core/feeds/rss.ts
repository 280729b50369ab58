// RSS 0.9x, 1.0 (RDF) and 2.0 channels and items, from the raw elements rss-parser hands over.
import { finishFeed, finishItem, type ParsedFeed, type ParsedItem } from './parsed';
import { itemImage, rssEnclosures } from './media';
import { absoluteHttpUrl, hostOf, htmlToText, parseCount, parseDate } from './text';
import { attr, authorName, baseOf, child, children, childText, childTexts, textOf, type XmlElement } from './xml-nodes';

export function mapRss(kind: 'rss' | 'rdf', channel: XmlElement, items: readonly XmlElement[], feedUrl: string): ParsedFeed {
  const siteUrl = absoluteHttpUrl(childText(channel, 'link'), feedUrl);
  // Relative item links are meant relative to the site more often than to the feed's own
  // address (feeds served from a feed host or a /feeds/ folder), so the channel link comes first.
  const base = baseOf(channel, siteUrl ?? feedUrl);
  const image = child(channel, 'image');
  const iconUrl =
    absoluteHttpUrl(childText(image, 'url'), base) ??
    absoluteHttpUrl(attr(image, 'rdf:resource'), base) ??
    absoluteHttpUrl(attr(child(channel, 'itunes:image'), 'href'), base);
  return finishFeed(
    {
      kind,
      title: htmlToText(textOf(child(channel, 'title'))) || hostOf(siteUrl) || hostOf(feedUrl) || feedUrl,
      siteUrl,
      description: htmlToText(textOf(child(channel, 'description'))) || null,
      iconUrl,
      language: childText(channel, 'language') ?? childText(channel, 'dc:language'),
    },
    items.map((item) => mapRssItem(kind, item, base)),
  );
}

function mapRssItem(kind: 'rss' | 'rdf', item: XmlElement, channelBase: string): ParsedItem {
  const base = baseOf(item, channelBase);
  const guidNode = child(item, 'guid');
  // RSS 1.0 has no guid: rdf:about is the item's identity there.
  const guid = textOf(guidNode).trim() || (kind === 'rdf' ? attr(item, 'rdf:about')?.trim() : null) || null;
  // A guid is a permalink unless it says otherwise; only an absolute one can stand in for <link>.
  const guidLink = guid !== null && attr(guidNode, 'isPermaLink') !== 'false' ? absoluteHttpUrl(guid) : null;
  const atomLink = children(item, 'atom:link').find((l) => (attr(l, 'rel') ?? 'alternate') === 'alternate');
  const enclosures = rssEnclosures(item, base);
  const creators = childTexts(item, 'dc:creator');
  const author = creators.length > 0 ? creators.join(', ') : authorName(textOf(child(item, 'author')));
  return finishItem({
    guid,
    link: absoluteHttpUrl(childText(item, 'link'), base) ?? absoluteHttpUrl(attr(atomLink, 'href'), base) ?? guidLink,
    title: htmlToText(textOf(child(item, 'title')) || textOf(child(item, 'dc:title'))) || null,
    author: htmlToText(author) || null,
    publishedAt: parseDate(childText(item, 'pubDate')) ?? parseDate(childText(item, 'dc:date')),
    updatedAt: parseDate(childText(item, 'atom:updated')) ?? parseDate(childText(item, 'dcterms:modified')),
    summaryHtml: childText(item, 'description'),
    contentHtml: childText(item, 'content:encoded'),
    categories: [...childTexts(item, 'category'), ...childTexts(item, 'dc:subject')],
    enclosures,
    imageUrl: itemImage(item, enclosures, base),
    commentsUrl: absoluteHttpUrl(childText(item, 'comments'), base),
    commentFeedUrl: absoluteHttpUrl(childText(item, 'wfw:commentRss') ?? childText(item, 'wfw:commentRSS'), base),
    commentCount: parseCount(childText(item, 'slash:comments')) ?? parseCount(childText(item, 'thr:total')),
    authorUrl: null,
    inReplyTo: null,
  });
}
