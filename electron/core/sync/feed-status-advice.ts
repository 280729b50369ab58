// What the person can do about a subscribed feed whose address answered with a refusal, said in the
// feed list after the status itself. "HTTP 404 Not Found" or "HTTP 403 Forbidden" alone left them
// to guess; the statuses a feed meets for good reasons each have one thing worth trying:
// - 401: a private feed wants a login (HTTP Basic, given in the address as feed readers take it),
//   or no longer takes the one the address holds (a changed password);
// - 403: a firewall that lets only browsers in, or a feed for members;
// - 404: the feed moved without a redirect (a new CMS, a new theme): the site's own pages link the
//   new one, and adding the site's address finds it.
// Other statuses say what they say: 410 and the waits have their own words (engine.ts, feed-sync.ts),
// and a 5xx is the server's passing trouble, which the next sync tries again.

/** The advice for a feed's error status, or null when the status needs none. */
export function feedStatusAdvice(status: number | null, feedUrl: string): string | null {
  if (status === 401) {
    return hasLogin(feedUrl)
      ? 'the site did not accept the name and password in the address: subscribe again with the ones it takes now'
      // Not as an address: the feed list shows every address's password as *** (address-login.ts).
      : 'the feed needs a login: with an account there, subscribe again with your name and password in the address, as name:password@ before its host';
  }
  if (status === 403) {
    return "the site refuses this feed reader: if the feed is for members, subscribe again with your name and password in the address, else ask the site's owner to let feed readers through";
  }
  if (status === 404) return "the feed is no longer at this address: add the site's address to find where it is now";
  return null;
}

function hasLogin(address: string): boolean {
  try {
    return new URL(address).username !== '';
  } catch {
    return false;
  }
}
