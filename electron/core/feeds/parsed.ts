// What a feed document says, as immutable values (NetNewsWire's ParsedFeed / ParsedItem): kept
// apart from stored articles so that parsing never depends on storage, and frozen so that the
// sync code can hand them around and compare them without defensive copies.
import type { Enclosure } from '../../../shared/types';
import { withQueryAmpersandsDecoded } from './item-link';
import { unwrappedLink } from './redirect-links';
import { displayText, firstImageAlt, hostOf, htmlToText } from './text';
import { untitledTitle } from './untitled-title';

export interface ParsedItem {
  readonly guid: string | null;
  /** Absolute http(s) address of the item's page. */
  readonly link: string | null;
  /** Plain text; falls back to the start of the content's text, else its first picture's alt text, else 'Untitled'. */
  readonly title: string;
  readonly author: string | null;
  /** Epoch ms; null when absent or unreadable. */
  readonly publishedAt: number | null;
  readonly updatedAt: number | null;
  /** description / summary, raw HTML (sanitized later, elsewhere). */
  readonly summaryHtml: string | null;
  /** content:encoded, Atom content, JSON Feed content_html (content_text escaped to HTML). */
  readonly contentHtml: string | null;
  readonly categories: readonly string[];
  readonly enclosures: readonly Enclosure[];
  readonly imageUrl: string | null;
  /** The discussion page on the site. */
  readonly commentsUrl: string | null;
  /** The item's comment feed (wfw:commentRss, Atom replies link with a feed type). */
  readonly commentFeedUrl: string | null;
  readonly commentCount: number | null;
  /** The author's web address (Atom author/uri, JSON Feed author url): commenters' sites. */
  readonly authorUrl: string | null;
  /** RFC 4685 thr:in-reply-to ref: the id of the entry this one answers (threaded comment feeds). */
  readonly inReplyTo: string | null;
  /** The xml:base in force for the item's content, when the feed sets one; else relative URLs resolve against the link. */
  readonly baseUrl: string | null;
  /** Another guid-less item of the same document has the same link (article-id.ts then adds title and date). */
  readonly sharedLink: boolean;
  /** The feed gave no title: `title` was made from the body (untitled-title.ts), and ids hash the one made before (article-id.ts). */
  readonly untitled: boolean;
}

export interface ParsedFeed {
  readonly kind: 'rss' | 'rdf' | 'atom' | 'json';
  readonly title: string;
  readonly siteUrl: string | null;
  readonly description: string | null;
  readonly iconUrl: string | null;
  readonly language: string | null;
  readonly items: readonly ParsedItem[];
  /** The document ended before its end (a server's script timed out, a proxy dropped the
   *  connection): the items are those that arrived whole, and any after them are missing. */
  readonly cutShort: boolean;
  /** Items of the document left out for the newest MAX_FEED_ITEMS (item-limit.ts); 0 when all were read. */
  readonly itemsLeftOut: number;
}

/** An item as a mapper assembles it, before the title fallback is applied. */
export type ItemDraft = Omit<ParsedItem, 'title' | 'baseUrl' | 'sharedLink' | 'untitled'> & { readonly title: string | null; readonly baseUrl?: string | null };

/** A byline written into the author field ("By Luz Camarena", the Washington Post's feeds): the
 *  name is what the list shows beside "by". Only before a capital: "Byron" and "by the desk" stay. */
const BYLINE_BY = /^[Bb][Yy]\s+(?=\p{Lu})/u;
/** A user named by the path of their page ("/u/tidewalker", Reddit's feeds): the site itself
 *  shows "u/tidewalker", and the list showed the slash as part of the name. */
const USER_PATH_SLASH = /^\/(?=u\/\S)/;

export function finishItem(draft: ItemDraft): ParsedItem {
  let title = draft.title;
  let text: string | null = null;
  if (!title) {
    const body = draft.contentHtml ?? draft.summaryHtml;
    text = body ? htmlToText(body) : null;
    // A post that is only a picture (Mastodon's) is named by what its alt text says it shows.
    title = body ? untitledTitle(text || firstImageAlt(body)) : '';
  }
  const item: ParsedItem = Object.freeze({
    ...draft,
    baseUrl: draft.baseUrl ?? null,
    sharedLink: false,
    untitled: !draft.title,
    // A search engine's click-through link (Bing News, Google Alerts) stands for the article it
    // leads to, as the item's address and, when the feed gives it as the guid, as its identity.
    guid: draft.guid === null ? null : unwrappedLink(draft.guid),
    // A query escaped twice by the site (item-link.ts) asks for another page than the post's.
    link: draft.link === null ? null : withQueryAmpersandsDecoded(unwrappedLink(draft.link)),
    // Titles and names reach terminals (the CLI prints them) and headings: see displayText.
    title: displayText(title) || 'Untitled',
    author: draft.author === null ? null : displayText(draft.author).replace(BYLINE_BY, '').replace(USER_PATH_SLASH, '') || null,
    categories: Object.freeze(dedupe(draft.categories)),
    enclosures: Object.freeze(dedupeBy(draft.enclosures, (e) => e.url).map((e) => Object.freeze({ ...e }))),
  });
  if (text !== null) bodyTexts.set(item, text);
  return item;
}

/** The text of items' bodies made once already (for a title), by item: an item with neither
 *  title, guid nor link needs it again for its unique id, twice (article-id.ts), and a DOM of an
 *  18 MB body took over a second each time. Gone with the item. */
const bodyTexts = new WeakMap<ParsedItem, string>();

/** The text of the item's body (its content, else its summary), made once per item. */
export function bodyTextOf(item: ParsedItem): string {
  let text = bodyTexts.get(item);
  if (text === undefined) {
    text = htmlToText(item.contentHtml ?? item.summaryHtml ?? '');
    bodyTexts.set(item, text);
  }
  return text;
}

export function finishFeed(
  feed: Omit<ParsedFeed, 'items' | 'cutShort' | 'itemsLeftOut'> & { readonly cutShort?: boolean; readonly itemsLeftOut?: number },
  items: readonly ParsedItem[],
): ParsedFeed {
  // A title made only of controls cleans to nothing: the site's host is the next best name.
  return Object.freeze({
    ...feed,
    title: displayText(feed.title) || hostOf(feed.siteUrl) || 'Untitled feed',
    items: Object.freeze([...items]),
    cutShort: feed.cutShort ?? false,
    itemsLeftOut: feed.itemsLeftOut ?? 0,
  });
}

function dedupe(values: readonly string[]): string[] {
  return dedupeBy(values.filter((v) => v !== ''), (v) => v);
}

function dedupeBy<T>(values: readonly T[], key: (value: T) => string): T[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const k = key(value);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
