// The servers that asked to be left alone (429 or 503 with a Retry-After), from one sync to the
// next: the sync's host memory leaves their pages and images alone until the wait is over
// (http/host-memory.ts). A feed's own wait is kept with the feed (feed-sync.ts) and holds its
// host's content too; a wait a page or an image was told is kept here, by host, in app_meta: its
// host may serve no feed at all (a feed read from one host, its articles on another).
import { MAX_RETRY_AFTER_MS } from '../http';
import type { FetchState, Storage } from '../storage';
import { waitLeft } from './feed-sync';

const KEY = 'host_waits';

/**
 * The hosts to leave alone in a sync starting `now`, and until when. Not the host of a feed the
 * person asked for by name: that feed is fetched now (its own wait does not hold it back), and
 * its articles with it.
 */
export function hostsWaitedFor(storage: Storage, requested: readonly FetchState[], now: number): Map<string, number> {
  const held = new Map<string, number>();
  const hold = (host: string, until: number) => held.set(host, Math.max(until, held.get(host) ?? 0));
  for (const [host, until] of stillRunning(parsed(storage.feeds.meta(KEY)), now)) hold(host, until);
  for (const feed of storage.feeds.fetchStates()) {
    const left = waitLeft(feed, now);
    if (left !== null) hold(hostOf(feed.url), now + left);
  }
  for (const feed of requested) if (feed.askedByName) held.delete(hostOf(feed.url));
  return held;
}

/** Keeps the waits servers asked for in this sync with those still running; those over are dropped. */
export function keepHostWaits(storage: Storage, asked: ReadonlyMap<string, number>, now: number): void {
  const stored = parsed(storage.feeds.meta(KEY));
  const kept = stillRunning(stored, now);
  if (asked.size === 0 && kept.size === Object.keys(stored).length) return;
  for (const [host, until] of asked) kept.set(host, Math.max(until, kept.get(host) ?? 0));
  storage.feeds.setMeta(KEY, JSON.stringify(Object.fromEntries(kept)));
}

/** The stored waits not over yet. One longer than any honoured (a clock set back) is dropped. */
function stillRunning(stored: Record<string, unknown>, now: number): Map<string, number> {
  const waits = new Map<string, number>();
  for (const [host, until] of Object.entries(stored)) {
    if (typeof until === 'number' && until > now && until - now <= MAX_RETRY_AFTER_MS) waits.set(host, until);
  }
  return waits;
}

/** The stored object; a damaged value counts as none (the waits are a courtesy, not data). */
function parsed(value: string | null): Record<string, unknown> {
  try {
    const object: unknown = JSON.parse(value ?? '{}');
    return typeof object === 'object' && object !== null && !Array.isArray(object) ? (object as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** host[:port] of an address, as the host memory names hosts. */
function hostOf(url: string): string {
  return URL.canParse(url) ? new URL(url).host : '';
}
