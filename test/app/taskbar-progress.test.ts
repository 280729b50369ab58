import { describe, expect, it } from 'vitest';
import type { SyncProgressEvent, SyncTotals } from '../../shared/types';
import { fractionOf, PROGRESS_INDETERMINATE, PROGRESS_NONE, TaskbarProgress } from '../../electron/app/taskbar-progress';

const zero: SyncTotals = { feedsTotal: 0, feedsDone: 0, feedsFailed: 0, articlesQueued: 0, articlesFetched: 0, imagesFetched: 0, bytesFetched: 0 };
const totals = (syncId: number, t: Partial<SyncTotals>): SyncProgressEvent => ({ type: 'totals', syncId, ...zero, ...t });
const finished = (syncId: number): SyncProgressEvent => ({
  type: 'sync-finished', syncId, ...zero, feedsWaiting: 0, feedsGone: 0, newArticles: 0, updatedArticles: 0, articlesWithoutPage: 0, articlesWaiting: 0, cancelled: false, durationMs: 1, warnings: [],
});

describe('taskbar progress', () => {
  it('is the share of feeds and articles done', () => {
    expect(fractionOf({ ...zero, feedsTotal: 4, feedsDone: 1 })).toBe(0.25);
    expect(fractionOf({ ...zero, feedsTotal: 2, feedsDone: 2, articlesQueued: 8, articlesFetched: 3 })).toBe(0.5);
    expect(fractionOf(zero)).toBeNull();
  });

  it('is indeterminate at the start, moves only forward, and is removed when the sync ends', () => {
    const bar = new TaskbarProgress();
    const shown = [
      bar.update({ type: 'sync-started', syncId: 7, feedCount: 4 }),
      bar.update(totals(7, { feedsTotal: 4 })),
      bar.update(totals(7, { feedsTotal: 4, feedsDone: 2 })),
      // Two feeds queued 16 articles: the raw share falls to 2/20; the bar holds at 0.5.
      bar.update(totals(7, { feedsTotal: 4, feedsDone: 2, articlesQueued: 16 })),
      bar.update(totals(7, { feedsTotal: 4, feedsDone: 4, articlesQueued: 16, articlesFetched: 12 })),
      bar.update({ type: 'feed-done', syncId: 7, feedId: 1, message: 'x', status: 'ok', newArticles: 1, updatedArticles: 0, unchangedArticles: 0 }),
      bar.update(finished(7)),
      bar.update(finished(7)),
    ];
    expect(shown).toEqual([PROGRESS_INDETERMINATE, null, 0.5, null, 0.8, null, PROGRESS_NONE, null]);
  });

  it('ignores the totals of another sync', () => {
    const bar = new TaskbarProgress();
    bar.update({ type: 'sync-started', syncId: 2, feedCount: 1 });
    expect(bar.update(totals(1, { feedsTotal: 1, feedsDone: 1 }))).toBeNull();
    expect(bar.update(finished(1))).toBeNull();
    expect(bar.update(totals(2, { feedsTotal: 1, feedsDone: 1 }))).toBe(1);
  });
});
