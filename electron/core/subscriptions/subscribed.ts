// Whether an address is a subscription the person has already, as `add` and an import compare
// them: without tracking parameters, on both sides. Addresses are stored without them
// (subscriptions.ts says why), but a subscription stored before that still carries its
// ?utm_source=...: it is found by its cleaned form and left as it is, with no migration to rewrite it.
import type { Feed, FeedId } from '../../../shared/types';
import { sameFeed, withoutTrackingParameters } from '../feeds';
import type { Storage } from '../storage';

/** The subscription at an address (any tracking parameters aside), or null. */
export type SubscribedAt = (url: string) => Feed | null;

/** Reads the subscriptions stored with tracking parameters once, for a run of look-ups (an import's entries). */
export function subscribedAt(storage: Storage): SubscribedAt {
  const storedWithTracking = new Map<string, FeedId>();
  for (const { id, url } of storage.feeds.addressesWithQuery()) {
    const cleaned = withoutTrackingParameters(url);
    if (cleaned !== url && !storedWithTracking.has(cleaned)) storedWithTracking.set(cleaned, id);
  }
  return (url) => {
    const cleaned = withoutTrackingParameters(url);
    const found = storage.feeds.findByUrl(cleaned);
    if (found) return found;
    const id = storedWithTracking.get(cleaned);
    return id === undefined ? null : storage.feeds.get(id);
  };
}

/**
 * The subscription at an address but for its scheme and a trailing slash (feeds/opml.ts sameFeed)
 * and any tracking parameters, for an import: a list exported after a site moved to https names over https a feed the person
 * follows over http, and taken as new it would list each of its stories twice.
 */
export function subscribedAlike(storage: Storage): SubscribedAt {
  const byKey = new Map<string, FeedId>();
  for (const { id, url } of storage.feeds.list()) {
    const key = sameFeed(withoutTrackingParameters(url));
    if (!byKey.has(key)) byKey.set(key, id);
  }
  return (url) => {
    const id = byKey.get(sameFeed(withoutTrackingParameters(url)));
    return id === undefined ? null : storage.feeds.get(id);
  };
}
