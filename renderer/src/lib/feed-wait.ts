// A feed whose server asked to be left alone for a while (FeedStatus 'waiting'): said from the
// time it gave, here, when it is read, so the words never go stale as a stored countdown would.
import type { Feed } from '../../../shared/types';
import { shortDate } from './format';

/** The server's wait still holds the feed back. */
export function isWaiting(feed: Feed, now: number = Date.now()): boolean {
  return feed.lastStatus === 'waiting' && feed.retryAfterAt !== null && feed.retryAfterAt > now;
}

/** What the sidebar and the feed's properties say about a waiting feed. */
export function waitText(feed: Feed, now: number = Date.now()): string {
  if (!isWaiting(feed, now)) return 'Its server asked to wait; the next sync fetches it again.';
  return `Its server asked to wait: a sync fetches it again after ${shortDate(feed.retryAfterAt!, now)}.`;
}
