// A feed whose server asked to wait: not shown as failed, and said with the time it is fetched
// again, worked out when it is read (a countdown stored at the sync would be wrong an hour later).
import { describe, expect, it } from 'vitest';
import type { Feed } from '../../shared/types';
import { buildFeedTree } from '../../renderer/src/lib/feed-tree';
import { isWaiting, waitText } from '../../renderer/src/lib/feed-wait';
import { shortDate } from '../../renderer/src/lib/format';
import { emptyListText } from '../../renderer/src/lib/view-text';

const HOUR = 3_600_000;
const now = new Date(2026, 11, 5, 9, 0).getTime();
const waitingFeed = (retryAfterAt: number): Feed => ({
  id: 7, url: 'http://127.0.0.1/feed.xml', title: 'The Harbour Gazette', siteUrl: null, iconUrl: null, folderId: null, fullText: true,
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
    expect(waitText(feed, now)).toBe(`Its server asked to wait: a sync fetches it again after ${shortDate(now + 2 * HOUR, now)}.`);
    expect(waitText(feed, now)).not.toContain('3 hours');
  });

  it('says the next sync fetches it once the wait is over', () => {
    const feed = waitingFeed(now - 1);
    expect(isWaiting(feed, now)).toBe(false);
    expect(waitText(feed, now)).toBe('Its server asked to wait; the next sync fetches it again.');
  });

  it('has an empty list that says it is waiting, not that the sync failed', () => {
    const text = emptyListText({ kind: 'feed', feedId: 7 }, '', false, waitingFeed(Date.now() + 2 * HOUR));
    expect(text).toMatch(/^No articles yet\. Its server asked to wait: a sync fetches it again after /);
    expect(text).not.toContain('failed');
  });
});
