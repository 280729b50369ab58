// Subscriptions and folders with their unread counts. Reloads coalesce: a sync reporting fifty
// feeds in a second costs at most two listFeeds calls in flight, not fifty.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Feed, FeedId, Folder } from '../../../shared/types';
import { errorMessage } from '../../../shared/error-message';
import { useBridge } from './bridge';

export interface FeedsState {
  readonly feeds: readonly Feed[];
  readonly folders: readonly Folder[];
  readonly status: 'loading' | 'ready' | 'error';
  readonly error: string | null;
  reload(): void;
  /** Adjusts a feed's unread count at once, before the core confirms (reading feels instant). */
  adjustUnread(feedId: FeedId, delta: number): void;
  /** Replaces one feed (after updateFeed). */
  replace(feed: Feed): void;
}

export function useFeeds(): FeedsState {
  const bridge = useBridge();
  const [feeds, setFeeds] = useState<readonly Feed[]>([]);
  const [folders, setFolders] = useState<readonly Folder[]>([]);
  const [status, setStatus] = useState<FeedsState['status']>('loading');
  const [error, setError] = useState<string | null>(null);
  const inFlight = useRef(false);
  const again = useRef(false);

  const reload = useCallback(() => {
    if (inFlight.current) {
      again.current = true;
      return;
    }
    inFlight.current = true;
    Promise.all([bridge.listFeeds(), bridge.listFolders()])
      .then(([nextFeeds, nextFolders]) => {
        setFeeds(nextFeeds);
        setFolders(nextFolders);
        setStatus('ready');
        setError(null);
      })
      .catch((failure: unknown) => {
        setError(errorMessage(failure));
        setStatus((current) => (current === 'ready' ? current : 'error'));
      })
      .finally(() => {
        inFlight.current = false;
        if (again.current) {
          again.current = false;
          reload();
        }
      });
  }, [bridge]);

  useEffect(reload, [reload]);
  // Subscriptions changed by another window or the CLI (this page's own changes come back too: harmless).
  useEffect(() => bridge.on('feeds-changed', reload), [bridge, reload]);

  const adjustUnread = useCallback((feedId: FeedId, delta: number) => {
    setFeeds((current) => current.map((feed) => (feed.id === feedId ? { ...feed, unreadCount: Math.max(0, feed.unreadCount + delta) } : feed)));
  }, []);

  const replace = useCallback((feed: Feed) => {
    setFeeds((current) => current.map((existing) => (existing.id === feed.id ? feed : existing)));
  }, []);

  return { feeds, folders, status, error, reload, adjustUnread, replace };
}
