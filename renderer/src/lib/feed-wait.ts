// A feed whose server asked to be left alone for a while (FeedStatus 'waiting'): said from the
// time it gave, here, when it is read, so the words never go stale as a stored countdown would.
// The server is named: a wait one feed was told holds its host's other feeds too (host-memory.ts),
// and "its server" left the person to wonder why a feed that had said nothing was waiting.
import type { Feed } from '../../../shared/types';
import { addressOf } from './feed-names';
import { timeAndDay } from './format';

/** The server's wait still holds the feed back. */
export function isWaiting(feed: Feed, now: number = Date.now()): boolean {
  return feed.lastStatus === 'waiting' && feed.retryAfterAt !== null && feed.retryAfterAt > now;
}

/** What the sidebar and the feed's properties say about a waiting feed. */
export function waitText(feed: Feed, now: number = Date.now()): string {
  const host = addressOf(feed.url, false);
  if (!isWaiting(feed, now)) return `${host} asked Paperboy to wait; the next sync fetches it again.`;
  return `${host} asked Paperboy to wait until ${timeAndDay(feed.retryAfterAt!, now)}; a sync fetches it again then.`;
}
