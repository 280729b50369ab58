// A feed whose server asked to wait: not shown as failed, and said with the time it is fetched
// again, worked out when it is read (a countdown stored at the sync would be wrong an hour later).
import { describe, expect, it } from 'vitest';
import type { Feed } from '../../shared/types';
import { buildFeedTree } from '../../renderer/src/lib/feed-tree';
import { isWaiting, waitText } from '../../renderer/src/lib/feed-wait';
import { timeAndDay } from '../../renderer/src/lib/format';
import { emptyListText } from '../../renderer/src/lib/view-text';

const HOUR = 3_600_000;
const now = new Date(2026, 11, 5, 9, 0).getTime();
const waitingFeed = (retryAfterAt: number): Feed => ({
  id: 7, url: 'https://www.harbour-gazette.example/feed.xml', title: 'The Harbour Gazette', siteUrl: null, iconUrl: null, folderId: null, fullText: true,
  images: true, lastStatus: 'waiting', lastError: 'the server asked to wait (about 3 hours left)', retryAfterAt, lastSuccessAt: null,
  lastFetchAt: now - HOUR, unreadCount: 0, articleCount: 0, builtin: false,
});

describe('a feed whose server asked to wait', () => {
  it('is not counted among the failing feeds', () => {
    const tree = buildFeedTree([{ id: 1, name: 'Local news', parentId: null }], [{ ...waitingFeed(now + 2 * HOUR), folderId: 1 }]);
    expect(tree.folders[0]!.failing).toBe(0);
  });

  it('says when a sync fetches it again, from the time the server gave, not from the stored countdown', () => {
    const feed = waitingFeed(now + 2 * HOUR);
    expect(isWaiting(feed, now)).toBe(true);
    expect(waitText(feed, now)).toBe(`harbour-gazette.example asked Paperboy to wait until ${timeAndDay(now + 2 * HOUR, now)}; a sync fetches it again then.`);
    // A wait into the next day says which day too (in the reader's locale): "6 Dec, 05:00".
    const tomorrow = now + 20 * HOUR;
    expect(timeAndDay(tomorrow, now)).toMatch(/^\S+ \S+, /);
    expect(timeAndDay(tomorrow, now).endsWith(`, ${timeAndDay(tomorrow, tomorrow)}`)).toBe(true);
    expect(waitText(feed, now)).not.toContain('3 hours');
  });

  it('says the next sync fetches it once the wait is over', () => {
    const feed = waitingFeed(now - 1);
    expect(isWaiting(feed, now)).toBe(false);
    expect(waitText(feed, now)).toBe('harbour-gazette.example asked Paperboy to wait; the next sync fetches it again.');
  });

  it('has an empty list that says it is waiting, not that the sync failed', () => {
    const text = emptyListText({ kind: 'feed', feedId: 7 }, '', false, waitingFeed(Date.now() + 2 * HOUR));
    expect(text).toMatch(/^No articles yet\. harbour-gazette\.example asked Paperboy to wait until .+; a sync fetches it again then\.$/);
    expect(text).not.toContain('failed');
  });
});
