// RSS converted to JSON: {"rss": {"channel": {"title": ..., "item": [...]}}}, which some
// long-running blogs serve from a .json address. Converters disagree on the details (a single
// item as an object, text under "#text", "_" or "content", attributes as "@url" or under "$"),
// so every value is read leniently and mapped like its RSS element.
import type { Enclosure } from '../../../shared/types';
import { newestItems } from './item-limit';
import { isObject, isRoundedNumber, quoteBigIntegers, type Json } from './json-values';
import { enclosureOf } from './media';
import { finishFeed, finishItem, type ParsedFeed, type ParsedItem } from './parsed';
import { absoluteHttpUrl, hostOf, htmlToText, parseDate, titleText } from './text';
import { authorName } from './xml-nodes';

/** `rss` is the document's "rss" object as JSON.parse read it; `json` the document's text. */
export function parseRssInJson(rss: Json, feedUrl: string, json: string): ParsedFeed {
  let { channel, items } = channelAndItems(rss);
  // Read again only when a guid was rounded, as JSON Feed ids are (json-feed.ts): a converter
  // writes a numeric guid as a bare number, and past 2^53 neighbours collapsed into one article.
  if (items.some((item) => isRoundedNumber(textValue(item.guid)))) {
    const exact = (JSON.parse(quoteBigIntegers(json)) as Json).rss;
    if (isObject(exact)) ({ channel, items } = channelAndItems(exact));
  }
  const siteUrl = absoluteHttpUrl(text(channel.link), feedUrl);
  const base = siteUrl ?? feedUrl;
  const { kept, leftOut } = newestItems(items, (item) => parseDate(text(item.pubDate)) ?? parseDate(text(item['dc:date'])));
  return finishFeed(
    {
      kind: 'json',
      title: titleText(text(channel.title) ?? '') || hostOf(siteUrl) || hostOf(feedUrl) || feedUrl,
      siteUrl,
      description: htmlToText(text(channel.description) ?? '') || null,
      iconUrl: isObject(channel.image) ? absoluteHttpUrl(text(channel.image.url), base) : null,
      language: text(channel.language)?.trim() || null,
      itemsLeftOut: leftOut,
    },
    kept.map((item) => mapItem(item, base)),
  );
}

function channelAndItems(rss: Json): { channel: Json; items: Json[] } {
  const channel = isObject(rss.channel) ? rss.channel : rss;
  return { channel, items: [...listOf(channel.item), ...(channel === rss ? [] : listOf(rss.item))].filter(isObject) };
}

function mapItem(item: Json, base: string): ParsedItem {
  const guid = text(item.guid)?.trim() || null;
  const guidIsLink = !(isObject(item.guid) && attribute(item.guid, 'isPermaLink') === 'false');
  const enclosures = listOf(item.enclosure)
    .filter(isObject)
    .map((e) => enclosureOf(attribute(e, 'url'), attribute(e, 'type'), attribute(e, 'length'), base))
    .filter((e): e is Enclosure => e !== null);
  const author = text(item['dc:creator']) ?? text(item.author);
  return finishItem({
    guid,
    link: absoluteHttpUrl(text(item.link), base) ?? (guid !== null && guidIsLink ? absoluteHttpUrl(guid) : null),
    title: titleText(text(item.title) ?? '') || null,
    author: author ? htmlToText(authorName(author)) || null : null,
    publishedAt: parseDate(text(item.pubDate)) ?? parseDate(text(item['dc:date'])),
    updatedAt: null,
    summaryHtml: text(item.description)?.trim() || null,
    contentHtml: text(item['content:encoded'])?.trim() || null,
    categories: listOf(item.category).flatMap((c) => {
      const name = text(c);
      return name ? [titleText(name)] : [];
    }),
    enclosures,
    imageUrl: enclosures.find((e) => e.type?.startsWith('image/'))?.url ?? null,
    commentsUrl: absoluteHttpUrl(text(item.comments), base),
    commentFeedUrl: null,
    commentCount: null,
    authorUrl: null,
    inReplyTo: null,
  });
}

/** A repeated element is a list, a single one an object or a string. */
function listOf(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** An element's text: a string or number, or the text key of an element that also has attributes. */
function text(value: unknown): string | null {
  const found = textValue(value);
  return found === null ? null : String(found);
}

/** The string or number text() reads its text from. */
function textValue(value: unknown): string | number | null {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (Array.isArray(value)) return textValue(value[0]);
  if (!isObject(value)) return null;
  for (const key of ['#text', '_', 'content', '$t', '#cdata-section', '#value']) {
    const inner = value[key];
    if (typeof inner === 'string' || typeof inner === 'number') return inner;
  }
  return null;
}

/** An attribute as converters write it: "@url", "-url", "url" or {"$": {"url": ...}}. */
function attribute(element: Json, name: string): string | null {
  const attributes = isObject(element.$) ? element.$ : isObject(element['@attributes']) ? element['@attributes'] : {};
  return text(element[`@${name}`]) ?? text(element[`-${name}`]) ?? text(element[name]) ?? text(attributes[name]);
}
