// The feeds to offer when a page pasted into Add feed names several (NetNewsWire's and Feedbin's
// list): a WordPress page names its posts' feed, its comments' and, on a category's archive, the
// category's; a news site one feed per section; a podcast its audio and its video feed. Each is
// fetched and parsed, so only feeds that work are offered, with their own titles. Two that are one
// feed collapse to the first the page names: the same address but for its scheme, a trailing slash
// or tracking parameters (also after redirects), or the same title over the same items (the RSS
// and the Atom of one blog). The feed discovery took comes first and is the default; comment feeds
// come last. When one feed is left there is nothing to choose: the caller subscribes at once, unless
// it asked to be told (onlyFeed: `paperboy add --pick N` checks its number against a list of one).
import type { FeedCandidate, FeedChoice } from '../../../shared/types';
import { comparableLink, isEpisode, parseFeed, sameFeed, withoutTrackingParameters, type Discovery, type FetchText, type PageFeed, type ParsedFeed, type ParsedItem } from '../feeds';
import type { SubscribedAt } from './subscribed';

/** A feed that worked, with where it was asked for and where it was read from in the end. */
interface Offered {
  readonly link: PageFeed;
  /** The address to subscribe by: where it moved for good, else the page's link (discover.ts says why). */
  readonly url: string;
  readonly fetchedFrom: string;
  readonly parsed: ParsedFeed;
}

/** The feeds to choose from, or null when the page names no other distinct feed that works. */
export async function feedChoice(found: Discovery, fetchText: FetchText, subscribed: SubscribedAt): Promise<FeedChoice | null> {
  if (found.pageFeeds.length === 0) return null;
  const taken = takenFeed(found);
  // Addresses that name one feed are fetched once: the taken feed's, and each link's first mention.
  const looked = new Set([addressKey(found.askedAt), addressKey(found.feedUrl), addressKey(found.fetchedFrom)]);
  const others = found.pageFeeds.filter((feed) => {
    const key = addressKey(feed.url);
    if (looked.has(key)) return false;
    looked.add(key);
    return true;
  });
  if (others.length === 0) return null;
  // All at once: the HTTP client keeps a few requests per host and queues the rest.
  const fetched = await Promise.all(others.map((link) => offered(link, fetchText)));
  const kept = distinct([taken, ...fetched.filter((feed): feed is Offered => feed !== null)]);
  if (kept.length < 2) return null;
  const candidates = kept.map((feed) => candidate(feed, kept, subscribed));
  // The feed discovery took is first: the one addFeed without a choice subscribes to.
  return { kind: 'choice', candidates, defaultIndex: 0 };
}

/** The feed discovery took, as a choice of one (AddFeedOptions.offerSingle): the address led to no other. */
export function onlyFeed(found: Discovery, subscribed: SubscribedAt): FeedChoice {
  const taken = takenFeed(found);
  return { kind: 'choice', candidates: [candidate(taken, [taken], subscribed)], defaultIndex: 0 };
}

function takenFeed(found: Discovery): Offered {
  return {
    link: found.pageFeeds.find((feed) => feed.url === found.askedAt) ?? { url: found.askedAt, label: '', comments: false },
    url: withoutTrackingParameters(found.feedUrl),
    fetchedFrom: found.fetchedFrom,
    parsed: found.parsed,
  };
}

/** A link of the page, fetched and parsed; null when it fails (what does not work is not offered). */
async function offered(link: PageFeed, fetchText: FetchText): Promise<Offered | null> {
  try {
    const response = await fetchText(link.url, 'feed');
    const parsed = await parseFeed(response.text, response.url);
    return { link, url: withoutTrackingParameters(response.stableUrl), fetchedFrom: response.url, parsed };
  } catch {
    return null;
  }
}

/** An address as another spelling of it would be: no scheme, no trailing slash, no tracking parameters. */
function addressKey(url: string): string {
  return sameFeed(withoutTrackingParameters(url));
}

/** The feeds in order, each one that is another's copy left out. */
function distinct(feeds: readonly Offered[]): Offered[] {
  const kept: Offered[] = [];
  for (const feed of feeds) {
    if (!kept.some((other) => sameFeedTwice(other, feed))) kept.push(feed);
  }
  return kept;
}

/**
 * One feed at two addresses: both lead to one (a redirect), or both say the same under one title
 * (RSS and Atom, or RSS and JSON Feed, of one blog: items in the same order, the shorter list a
 * start of the longer, as one may carry more). A category's feed holds some of the site's items,
 * but not in the same order and under its own title; a podcast's video feed has the audio feed's
 * episode pages but other files, which are part of what an item is here.
 */
function sameFeedTwice(a: Offered, b: Offered): boolean {
  if (addressKey(a.fetchedFrom) === addressKey(b.fetchedFrom)) return true;
  if (a.link.comments !== b.link.comments || folded(a.parsed.title) !== folded(b.parsed.title)) return false;
  const shorter = Math.min(a.parsed.items.length, b.parsed.items.length);
  for (let index = 0; index < shorter; index++) {
    if (itemKey(a.parsed.items[index]!) !== itemKey(b.parsed.items[index]!)) return false;
  }
  // Same title and nothing in one of them: nothing to choose it for.
  return true;
}

function folded(title: string): string {
  return title.toLowerCase();
}

/** What an item is for the comparison: its page (scheme and tracking aside) and its files. */
function itemKey(item: ParsedItem): string {
  const page = item.link ?? item.guid;
  return [page === null ? item.title : comparableLink(page), ...item.enclosures.map((enclosure) => comparableLink(enclosure.url))].join(' ');
}

function candidate(feed: Offered, all: readonly Offered[], subscribed: SubscribedAt): FeedCandidate {
  const { parsed, link } = feed;
  // Two feeds of one title (a podcast's audio and video feeds) are told apart by what the page calls them.
  const shared = all.some((other) => other !== feed && folded(other.parsed.title) === folded(parsed.title));
  const latestAt = parsed.items.reduce<number | null>((latest, item) => {
    const date = item.publishedAt ?? item.updatedAt;
    return date !== null && (latest === null || date > latest) ? date : latest;
  }, null);
  return {
    url: feed.url,
    title: shared && link.label ? link.label : parsed.title,
    format: parsed.kind,
    kind: link.comments ? 'comments' : medium(parsed.items),
    itemCount: parsed.items.length,
    latestAt,
    subscribed: subscribed(feed.url) !== null || subscribed(feed.fetchedFrom) !== null,
  };
}

/** A podcast's audio or video feed when most of its items are episodes, else articles. */
function medium(items: readonly ParsedItem[]): FeedCandidate['kind'] {
  const episodes = items.filter((item) => isEpisode(item.enclosures));
  if (episodes.length === 0 || episodes.length * 2 < items.length) return 'articles';
  const video = episodes.filter((item) => item.enclosures.some((enclosure) => enclosure.type?.toLowerCase().startsWith('video/') === true));
  return video.length * 2 > episodes.length ? 'video' : 'audio';
}
