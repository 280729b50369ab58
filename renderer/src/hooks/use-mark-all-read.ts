// "Mark all as read" for a feed, a folder or a view (optionally only articles older than some
// days), with one Undo offered afterwards: the core restores exactly the articles it changed.
import { useCallback, useState } from 'react';
import type { ArticleFilter } from '../../../shared/types';
import { useBridge } from './bridge';
import type { NoticeState } from './use-notice';

const DAY_MS = 86_400_000;

export interface MarkAllRead {
  /** The Undo on offer, with what was done in words. */
  readonly undo: { readonly message: string } | null;
  markAllRead(filter: ArticleFilter | null, olderThanDays?: number): void;
  undoLast(): void;
  dismissUndo(): void;
}

export function useMarkAllRead(notice: NoticeState, onChanged: () => void): MarkAllRead {
  const bridge = useBridge();
  const [undo, setUndo] = useState<{ readonly message: string; readonly run: () => void } | null>(null);

  const markAllRead = (filter: ArticleFilter | null, olderThanDays?: number) => {
    if (!filter) return;
    const since = Date.now();
    const before = olderThanDays === undefined ? undefined : since - olderThanDays * DAY_MS;
    bridge.markAllRead(filter, before).then((count) => {
      onChanged();
      setUndo({
        message: count === 0 ? 'No unread articles to mark.' : `Marked ${count.toLocaleString()} ${count === 1 ? 'article' : 'articles'} read.`,
        run: () => bridge.undoMarkAllRead(filter, since).then(onChanged, notice.fail('Could not undo')),
      });
    }, notice.fail('Could not mark the articles read'));
  };
  const undoLast = () => {
    undo?.run();
    setUndo(null);
  };
  const dismissUndo = useCallback(() => setUndo(null), []);
  return { undo, markAllRead, undoLast, dismissUndo };
}
