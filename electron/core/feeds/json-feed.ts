// JSON Feed 1.0 and 1.1 (jsonfeed.org), mapped by hand, and the door to RSS-in-JSON. Publishers
// fill titles, names and summaries with HTML entities (&amp;, &#8217;) as they would in RSS,
// so those are decoded here; a '<' that is not a known tag stays a character (titleText).
import type { Enclosure } from '../../../shared/types';
import { FeedParseError } from './errors';
import { newestItems } from './item-limit';
import { enclosureOf, htmlOrTextHtml, withoutSecondEscaping } from './media';
import { finishFeed, finishItem, type ParsedFeed, type ParsedItem } from './parsed';
import { errorMessage } from '../../../shared/error-message';
import { cutAfterLastJsonItem } from './json-wrapping';
import { parseRssInJson } from './rss-json';
import { absoluteHttpUrl, hostOf, parseDate, textToHtml, titleText } from './text';
import { isObject, isRoundedNumber, quoteBigIntegers, str, withoutTrailingCommas, type Json } from './json-values';

export function parseJsonFeed(written: string, feedUrl: string): ParsedFeed {
  let root: unknown;
  let text = written;
  let cutShort = false;
  try {
    root = JSON.parse(text);
  } catch (error) {
    // Read again, paid only by the feeds that need it, without the commas templates leave before a
    // ']' or '}', and for a feed cut short, as far as its last whole item.
    text = withoutTrailingCommas(written);
    try {
      root = JSON.parse(text);
    } catch {
      const cut = cutAfterLastJsonItem(text);
      root = cut === null ? undefined : parsedOrUndefined(cut);
      if (root === undefined) throw new FeedParseError(`malformed JSON Feed: ${errorMessage(error)}`);
      text = cut!;
      cutShort = true;
    }
  }
  if (!isObject(root)) throw new FeedParseError('malformed JSON Feed: the document is not an object');
  if (root.version === undefined && isObject(root.rss)) return parseRssInJson(root.rss, feedUrl, text);
  if (!str(root.version)?.includes('jsonfeed.org/version/')) throw new FeedParseError('not a feed: JSON without a jsonfeed.org version');
  if (!Array.isArray(root.items)) throw new FeedParseError('malformed JSON Feed: "items" is not a list');
  // Read again only when an id was rounded: ids past 2^53 collapse into one and dedup drops the rest.
  const allItems = root.items.some((item) => isObject(item) && isRoundedNumber(item.id))
    ? (JSON.parse(quoteBigIntegers(text)) as { items: unknown[] }).items
    : root.items;
  const { kept: items, leftOut } = newestItems(allItems, (item) => (isObject(item) ? parseDate(str(item.date_published) ?? str(item.date_modified)) : null));
  const siteUrl = absoluteHttpUrl(str(root.home_page_url), feedUrl);
  const base = siteUrl ?? feedUrl;
  const feedAuthor = authorsOf(root);
  return finishFeed(
    {
      kind: 'json',
      title: titleText(str(root.title) ?? '') || hostOf(siteUrl) || hostOf(feedUrl) || feedUrl,
      siteUrl,
      description: titleText(str(root.description) ?? '') || null,
      iconUrl: absoluteHttpUrl(str(root.icon), base) ?? absoluteHttpUrl(str(root.favicon), base),
      language: str(root.language)?.trim() || null,
      cutShort,
      itemsLeftOut: leftOut,
    },
    // Items that are not objects carry nothing to show; skipping them keeps the rest of the feed.
    items.filter(isObject).map((item) => mapItem(item, base, feedAuthor)),
  );
}

function parsedOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function mapItem(item: Json, base: string, feedAuthor: string | null): ParsedItem {
  const id = typeof item.id === 'number' ? String(item.id) : str(item.id);
  const attachments = Array.isArray(item.attachments) ? item.attachments.filter(isObject) : [];
  const enclosures = attachments
    .map((a) => enclosureOf(str(a.url), str(a.mime_type), sizeOf(a.size_in_bytes), base))
    .filter((e): e is Enclosure => e !== null);
  const summary = str(item.summary)?.trim();
  const contentText = str(item.content_text)?.trim();
  const updatedAt = parseDate(str(item.date_modified));
  return finishItem({
    guid: id?.trim() || null,
    link: absoluteHttpUrl(str(item.url), base) ?? absoluteHttpUrl(str(item.external_url), base),
    title: titleText(str(item.title) ?? '') || null,
    author: authorsOf(item) ?? feedAuthor,
    // As Atom's: an item dated only by its last change is dated by that, not by when it was fetched.
    publishedAt: parseDate(str(item.date_published)) ?? updatedAt,
    updatedAt,
    // Plain text by the spec, but Hugo's, Ghost's and Jekyll's templates put the post's HTML excerpt there.
    summaryHtml: summary ? htmlOrTextHtml(summary) : null,
    contentHtml: withoutSecondEscaping(str(item.content_html)?.trim() ?? '') || (contentText ? textToHtml(contentText) : null),
    categories: Array.isArray(item.tags) ? item.tags.flatMap((t) => (typeof t === 'string' ? [titleText(t)] : [])) : [],
    enclosures,
    imageUrl:
      absoluteHttpUrl(str(item.image), base) ??
      absoluteHttpUrl(str(item.banner_image), base) ??
      enclosures.find((e) => e.type?.startsWith('image/'))?.url ??
      null,
    commentsUrl: null,
    commentFeedUrl: null,
    commentCount: null,
    authorUrl: authorUrlOf(item, base),
    inReplyTo: null,
  });
}

/**
 * 1.1 has an `authors` list; 1.0 had a single `author`, which 1.1 asks publishers to keep writing
 * beside it. Both are read: a list that names no one (empty, or only an avatar and an address, as
 * `name` is optional) leaves the name to `author`.
 */
function authorsOf(node: Json): string | null {
  const names = (list: readonly unknown[]) => list.flatMap((a) => (isObject(a) ? [titleText(str(a.name) ?? '')] : [])).filter((n) => n !== '').join(', ');
  return (Array.isArray(node.authors) ? names(node.authors) : '') || names([node.author]) || null;
}

function authorUrlOf(item: Json, base: string): string | null {
  const urlOf = (author: unknown) => (isObject(author) ? absoluteHttpUrl(str(author.url), base) : null);
  return (Array.isArray(item.authors) ? urlOf(item.authors[0]) : null) ?? urlOf(item.author);
}

function sizeOf(value: unknown): number | string | null {
  return typeof value === 'number' ? value : str(value);
}
