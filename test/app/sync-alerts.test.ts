// After a sync: the notification's decision in plain Node, and the shell's wiring on the Electron
// stand-in (support/fake-electron.mjs): a notification only when something is new and the
// setting is on, the window brought forward by a click, the unread count on the badge.
import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import type { SyncProgressEvent, SyncSummary } from '../../shared/types';
import { badgeCount, syncNotice } from '../../electron/app/sync-alerts';

vi.mock('electron', async () => import('./support/fake-electron.mjs'));
const electron = await import('./support/fake-electron.mjs');
const { installSyncAlerts } = await import('../../electron/app/shell/sync-alerts');

const summary = (change: Partial<SyncSummary>): SyncSummary => ({
  feedsTotal: 3, feedsDone: 3, feedsFailed: 0, articlesQueued: 0, articlesFetched: 0, imagesFetched: 0, bytesFetched: 0,
  feedsWaiting: 0, feedsGone: 0, newArticles: 0, updatedArticles: 0, articlesWithoutPage: 0, articlesWaiting: 0, cancelled: false, durationMs: 1200, warnings: [], ...change,
});

describe('the decision', () => {
  it('tells the count of new articles, and the feeds that failed', () => {
    expect(syncNotice(summary({ newArticles: 12 }), true)).toEqual({ title: '12 new articles', body: 'Saved for offline reading.' });
    expect(syncNotice(summary({ newArticles: 1, feedsFailed: 2 }), true)).toEqual({ title: '1 new article', body: 'Saved for offline reading. 2 feeds could not be synced.' });
  });

  it('stays quiet when nothing is new, when cancelled, or when turned off', () => {
    expect(syncNotice(summary({ newArticles: 0, feedsFailed: 3 }), true)).toBeNull();
    expect(syncNotice(summary({ newArticles: 5, cancelled: true }), true)).toBeNull();
    expect(syncNotice(summary({ newArticles: 5 }), false)).toBeNull();
  });

  it('puts the unread count on the badge, nothing when all is read', () => {
    expect([badgeCount(42), badgeCount(0), badgeCount(-1), badgeCount(Number.NaN)]).toEqual([42, 0, 0, 0]);
  });
});

describe('the shell on the Electron stand-in', () => {
  const events = new EventEmitter<{ progress: [SyncProgressEvent] }>();
  let enabled = true;
  let unread = 7;
  const win = new electron.BrowserWindow({ width: 800, height: 600 });
  const finished = (change: Partial<SyncSummary>) => events.emit('progress', { type: 'sync-finished', syncId: 1, ...summary(change) });

  beforeEach(() => {
    electron.record.notifications.length = 0;
    electron.record.badgeCounts.length = 0;
  });

  it('shows the unread count at once, notifies after a sync with news, and a click brings the window', async () => {
    // The count comes from the core's API: the badge follows once its answer arrives.
    const settled = () => new Promise((resolve) => setImmediate(resolve));
    const alerts = installSyncAlerts({
      onSyncProgress: (listener) => events.on('progress', listener),
      notifyEnabled: () => enabled,
      unreadCount: async () => unread,
      window: () => win as unknown as BrowserWindow,
    });
    await settled();
    expect(electron.record.badgeCounts).toEqual([7]);

    unread = 19;
    finished({ newArticles: 12 });
    await settled();
    expect(electron.record.badgeCounts).toEqual([7, 19]);
    expect(electron.record.notifications.map((n) => [n.options, n.shown])).toEqual([
      [{ title: '12 new articles', body: 'Saved for offline reading.' }, true],
    ]);
    electron.record.notifications[0]!.emit('click');
    expect(win.focusCalls).toBe(1);

    // Nothing new, or the setting off: quiet, but the badge still follows.
    unread = 0;
    finished({ newArticles: 0 });
    enabled = false;
    finished({ newArticles: 3 });
    await settled();
    expect(electron.record.notifications).toHaveLength(1);
    expect(electron.record.badgeCounts).toEqual([7, 19, 0, 0]);
    alerts.refreshBadge();
    await settled();
    expect(electron.record.badgeCounts).toHaveLength(5);
  });
});
