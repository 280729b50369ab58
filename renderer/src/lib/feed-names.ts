// What tells feeds apart when their titles are the same: twenty feeds of one site all named
// "Synthetic Daily" need their address beside the name, in the sidebar and in Settings. And the
// name shown for a feed whose title is an address (feed generators that put the site's URL in
// <title>, or a feed with none, named after where it was found).
import type { Feed, FeedId } from '../../../shared/types';

/** The shortest readable address: the host, or host and path when the hosts are the same too. */
export function addressOf(url: string, withPath: boolean): string {
  try {
    const parsed = new URL(url);
    const host = parsed.host.replace(/^www\./, '');
    return withPath ? `${host}${parsed.pathname}` : host;
  } catch {
    return url;
  }
}

/** For each feed whose title another feed shares: the address that tells it apart. */
export function distinguishers(feeds: readonly Feed[]): ReadonlyMap<FeedId, string> {
  const byTitle = new Map<string, Feed[]>();
  for (const feed of feeds) {
    const key = feed.title.trim().toLocaleLowerCase();
    byTitle.set(key, [...(byTitle.get(key) ?? []), feed]);
  }
  const result = new Map<FeedId, string>();
  for (const group of byTitle.values()) {
    if (group.length < 2) continue;
    const hosts = new Set(group.map((feed) => addressOf(feed.url, false)));
    const withPath = hosts.size < group.length;
    for (const feed of group) result.set(feed.id, addressOf(feed.url, withPath));
  }
  return result;
}

/** A title that is an address, alone: "https://www.example.com/feed/". */
const ADDRESS_TITLE = /^https?:\/\/[^\s/]+(\/\S*)?$/i;

/**
 * The name a feed is shown by. A title that is an address reads as what tells it apart, its host
 * and path ("example.com/feed"), without the scheme and "www." every such title begins with: cut to
 * the sidebar's width, every one read "https://www.exa…", and each had the initial H.
 */
export function feedName(title: string): string {
  const trimmed = title.trim();
  if (!ADDRESS_TITLE.test(trimmed)) return title;
  return addressOf(trimmed, true).replace(/\/$/, '');
}
