// Each host name is looked up once a minute, not once per connection. Node's lookup calls the
// system's getaddrinfo on libuv's thread pool (four threads, shared with file writes), and many
// systems keep no DNS cache of their own (glibc without nscd or systemd-resolved), so every new
// connection of a sync asked the network's resolver again: six per host at the start, one more
// each time a server closes a kept-alive socket. On a sync spread over many hosts the lookups
// queued behind each other and behind the image cache's writes. Browsers keep a host cache for
// the same reason, and for the same time: Chrome keeps an answer got from the system for a
// minute, Firefox for 60 s (network.dnsCacheExpiration), whatever its TTL.
//
// A failed lookup is not kept: the host memory (host-memory.ts) already decides how long a host
// that did not resolve is left alone in a sync, and says so. Concurrent lookups of one name share
// the one in flight. A stable answer for a minute also leaves a DNS rebinding attack less room:
// the addresses judged (network-scope.ts) are those connected to.
import type { ResolvedAddress } from './network-scope';

/** How long an answer is used: the minute browsers keep one. */
export const RESOLVED_FOR_MS = 60_000;
/** Names kept at most; the oldest go first. A sync of 300 feeds reaches a few hundred hosts. */
const MOST_NAMES = 2_000;

type Resolve = (hostname: string) => Promise<readonly ResolvedAddress[]>;

/** `resolve`, remembering each name's answer for RESOLVED_FOR_MS (by `now`, a seam for tests). */
export function cachedResolver(resolve: Resolve, now: () => number = Date.now): Resolve {
  const answers = new Map<string, { readonly until: number; readonly found: Promise<readonly ResolvedAddress[]> }>();
  return (hostname) => {
    const key = hostname.toLowerCase();
    const kept = answers.get(key);
    if (kept && kept.until > now()) return kept.found;
    answers.delete(key);
    const found = resolve(hostname);
    answers.set(key, { until: now() + RESOLVED_FOR_MS, found });
    if (answers.size > MOST_NAMES) answers.delete(answers.keys().next().value!);
    // Only while it is the entry still: a newer lookup of the name may have replaced it.
    found.catch(() => {
      if (answers.get(key)?.found === found) answers.delete(key);
    });
    return found;
  };
}
