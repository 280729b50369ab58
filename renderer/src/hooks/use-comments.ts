// The stored comment thread of one article, and the person's own comments on it that the site
// took (sent or held): shown in the thread at once, before a sync confirms them. Reading never
// touches the network: the comments come from the last sync (or the check after a send).
// Reloaded when the article changes, a sync finishes, or the caller asks (after a send).
import { useCallback, useEffect, useState } from 'react';
import type { ArticleId, Comment, Draft } from '../../../shared/types';
import { errorMessage } from '../../../shared/error-message';
import { useBridge } from './bridge';

export interface CommentsState {
  readonly comments: readonly Comment[] | null;
  /** The person's comments on this article that the site took: sent or held for moderation. */
  readonly own: readonly Draft[];
  readonly error: string | null;
  reload(): void;
}

export function useComments(articleId: ArticleId): CommentsState {
  const bridge = useBridge();
  const [comments, setComments] = useState<readonly Comment[] | null>(null);
  const [own, setOwn] = useState<readonly Draft[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);

  useEffect(() => {
    let live = true;
    Promise.all([bridge.listComments(articleId), bridge.getDrafts(articleId)]).then(
      ([value, drafts]) => {
        if (!live) return;
        setComments(value);
        setOwn(drafts.filter((draft) => draft.state === 'sent' || draft.state === 'held'));
        setError(null);
      },
      (failure: unknown) => live && setError(errorMessage(failure)),
    );
    return () => {
      live = false;
    };
  }, [bridge, articleId, generation]);

  // A sync may have brought new comments (a sent one among them).
  useEffect(() => bridge.on('sync-progress', (event) => event.type === 'sync-finished' && reload()), [bridge, reload]);

  return { comments, own, error, reload };
}
