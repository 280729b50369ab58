// What tells feeds apart when their titles are the same: twenty feeds of one site all named
// "Synthetic Daily" need their address beside the name, in the sidebar and in Settings.
import type { Feed, FeedId } from '../../../shared/types';

/** The shortest readable address: the host, or host and path when the hosts are the same too. */
function addressOf(url: string, withPath: boolean): string {
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
