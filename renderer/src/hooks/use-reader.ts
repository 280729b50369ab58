// The article open in the reader, loaded whole (with its stored body) when selected.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Article, ArticleId } from '../../../shared/types';
import { errorMessage } from '../../../shared/error-message';
import { useBridge } from './bridge';

export interface ReaderState {
  /** The article on screen: while the next one loads, still the previous one. */
  readonly article: Article | null;
  readonly status: 'empty' | 'loading' | 'ready' | 'missing' | 'error';
  readonly error: string | null;
  patch(change: Partial<Article>): void;
  retry(): void;
}

export function useReader(articleId: ArticleId | null): ReaderState {
  const bridge = useBridge();
  const [article, setArticle] = useState<Article | null>(null);
  const [status, setStatus] = useState<ReaderState['status']>('empty');
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const generation = useRef(0);

  useEffect(() => {
    const mine = ++generation.current;
    setError(null);
    if (!articleId) {
      setArticle(null);
      setStatus('empty');
      return;
    }
    // The previous article stays on screen until the next one is there: no blank flash.
    setStatus((current) => (current === 'ready' ? current : 'loading'));
    bridge
      .getArticle(articleId)
      .then((next) => {
        if (mine !== generation.current) return;
        setArticle(next);
        setStatus(next ? 'ready' : 'missing');
      })
      .catch((failure: unknown) => {
        if (mine !== generation.current) return;
        setError(errorMessage(failure));
        setStatus('error');
      });
  }, [bridge, articleId, attempt]);

  const patch = useCallback((change: Partial<Article>) => {
    setArticle((current) => (current ? { ...current, ...change } : current));
  }, []);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  return { article, status, error, patch, retry };
}
