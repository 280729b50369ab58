// What the desktop says after a sync, decided without Electron (the shell in
// ./shell/sync-alerts.ts shows it): a notification with the count of new articles when the
// setting is on and something is new (quiet otherwise, and after a cancelled sync), and the
// unread count for the dock or taskbar badge.
import type { SyncSummary } from '../../shared/types';

export interface SyncNotice {
  readonly title: string;
  readonly body: string;
}

export function syncNotice(summary: SyncSummary, enabled: boolean): SyncNotice | null {
  if (!enabled || summary.cancelled || summary.newArticles <= 0) return null;
  const count = summary.newArticles;
  const failed = summary.feedsFailed > 0 ? ` ${summary.feedsFailed} ${summary.feedsFailed === 1 ? 'feed' : 'feeds'} could not be synced.` : '';
  return {
    title: `${count.toLocaleString('en')} new ${count === 1 ? 'article' : 'articles'}`,
    body: `Saved for offline reading.${failed}`,
  };
}

/** The badge's number: the unread count, or 0 (no badge) when there is nothing to read. */
export function badgeCount(unread: number): number {
  return Number.isFinite(unread) && unread > 0 ? Math.floor(unread) : 0;
}
