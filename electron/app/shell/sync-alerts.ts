// The desktop after a sync: a notification with the new-article count (see ../sync-alerts.ts for
// when), which brings the window forward when clicked, and the unread count on the dock or
// taskbar badge, updated after each sync and whenever the person leaves the window.
import { app, Notification, type BrowserWindow } from 'electron';
import type { SyncProgressEvent } from '../../../shared/types';
import { badgeCount, syncNotice } from '../sync-alerts';

export interface SyncAlertsDeps {
  /** The core's sync progress events. */
  readonly onSyncProgress: (listener: (event: SyncProgressEvent) => void) => void;
  readonly notifyEnabled: () => boolean;
  readonly unreadCount: () => Promise<number>;
  readonly window: () => BrowserWindow | null;
}

export function installSyncAlerts(deps: SyncAlertsDeps): { refreshBadge(): void } {
  const refreshBadge = () => {
    deps.unreadCount().then(
      (count) => app.setBadgeCount(badgeCount(count)),
      (error: unknown) => console.error('paperboy: the unread count for the badge could not be read:', error),
    );
  };
  deps.onSyncProgress((event) => {
    if (event.type !== 'sync-finished') return;
    refreshBadge();
    const notice = syncNotice(event, deps.notifyEnabled());
    if (!notice || !Notification.isSupported()) return;
    const notification = new Notification({ title: notice.title, body: notice.body });
    notification.on('click', () => {
      const win = deps.window();
      if (!win || win.isDestroyed()) return;
      if (win.isMinimized()) win.restore();
      win.show();
      win.focus();
    });
    notification.show();
  });
  refreshBadge();
  return { refreshBadge };
}
