// The feed or folder on screen is no longer there: unsubscribed in this window (the core deletes
// its articles after the sidebar has heard, which for a big feed takes seconds), or in another
// window or the CLI. The list goes on to All articles as soon as the subscriptions say so; it
// stayed under the removed feed's title until the removal's call returned, or for good when
// another process removed it.
import { useEffect, useRef } from 'react';
import type { FeedsState } from './use-feeds';
import { viewKey, type View } from '../lib/views';

function listed(view: View, feeds: FeedsState): boolean {
  if (view.kind === 'feed') return feeds.feeds.some((feed) => feed.id === view.feedId);
  if (view.kind === 'folder') return feeds.folders.some((folder) => folder.id === view.folderId);
  return true;
}

export function useLeaveRemovedView(view: View, feeds: FeedsState, leave: () => void): void {
  // Only a view once listed has gone: a feed just subscribed to is shown before the sidebar's
  // reload lists it.
  const seen = useRef<string | null>(null);
  const key = viewKey(view);
  const isListed = feeds.status === 'ready' && listed(view, feeds);
  useEffect(() => {
    if (isListed) seen.current = key;
    else if (feeds.status === 'ready' && seen.current === key) {
      seen.current = null;
      leave();
    }
  }, [key, isListed, feeds.status, leave]);
}
