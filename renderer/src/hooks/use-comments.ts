// The stored comment thread of one article. Reading it never touches the network: the comments
// come from the last sync. Reloaded when the article changes or a sync finishes.
import { useCallback, useEffect, useState } from 'react';
import type { ArticleId, Comment } from '../../../shared/types';
import { errorMessage } from '../../../shared/error-message';
import { useBridge } from './bridge';

export interface CommentsState {
  readonly comments: readonly Comment[] | null;
  readonly error: string | null;
  reload(): void;
}

export function useComments(articleId: ArticleId): CommentsState {
  const bridge = useBridge();
  const [comments, setComments] = useState<readonly Comment[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);

  useEffect(() => {
    let live = true;
    bridge.listComments(articleId).then(
      (value) => {
        if (!live) return;
        setComments(value);
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

  return { comments, error, reload };
}
