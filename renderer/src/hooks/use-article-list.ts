// The article list of the current view, paged from the core with its cursors, or the hits of a
// search. Answers that arrive after the view changed are dropped.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArticleFilter, ArticleId, ArticleSummary } from '../../../shared/types';
import { errorMessage } from '../../../shared/error-message';
import { useBridge } from './bridge';
import { useLatest } from './use-latest';

export type ListSource =
  | { readonly kind: 'filter'; readonly key: string; readonly filter: ArticleFilter; readonly unreadOnly: boolean }
  | { readonly kind: 'search'; readonly key: string; readonly query: string }
  | { readonly kind: 'none'; readonly key: string };

export type ListItem = ArticleSummary & { readonly highlight?: string };

export interface ArticleListState {
  readonly items: readonly ListItem[];
  readonly total: number;
  readonly status: 'idle' | 'loading' | 'ready' | 'error';
  readonly error: string | null;
  readonly hasMore: boolean;
  readonly loadingMore: boolean;
  loadMore(): void;
  /** Loads the first pages again (after a sync), as many rows as are loaded now. */
  reload(): void;
  patch(id: ArticleId, change: Partial<ArticleSummary>): void;
}

export const PAGE_SIZE = 100;
const MAX_PAGE = 500;
const SEARCH_LIMIT = 200;
/** How often a list reloads itself, at most, as a sync or another process adds articles. */
const LIVE_RELOAD_MS = 1500;

export function useArticleList(source: ListSource): ArticleListState {
  const bridge = useBridge();
  const [items, setItems] = useState<readonly ListItem[]>([]);
  const [total, setTotal] = useState(0);
  const [status, setStatus] = useState<ArticleListState['status']>('idle');
  const [error, setError] = useState<string | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  // Which source the state above belongs to: for the one render between a view change and the
  // new load, the old view's rows must not show (nor be scrolled to) under the new title.
  const [stateKey, setStateKey] = useState(source.key);
  const generation = useRef(0);
  const loaded = useLatest(items.length);

  const load = useCallback(
    (limit: number, quiet: boolean) => {
      const mine = ++generation.current;
      if (!quiet) {
        setStateKey(source.key);
        setStatus(source.kind === 'none' ? 'idle' : 'loading');
        setItems([]);
        setTotal(0);
        setCursor(null);
      }
      setError(null);
      setLoadingMore(false);
      if (source.kind === 'none') return;
      const request =
        source.kind === 'search'
          ? Promise.all([bridge.search(source.query, SEARCH_LIMIT), bridge.countSearch(source.query)]).then(([hits, total]) => ({
              articles: hits as readonly ListItem[],
              nextCursor: null,
              // Every match counts, not only the best ones listed.
              total: Math.max(total, hits.length),
            }))
          : bridge.listArticles({ filter: source.filter, unreadOnly: source.unreadOnly, limit });
      request
        .then((page) => {
          if (mine !== generation.current) return;
          setItems(page.articles);
          setTotal(page.total);
          setCursor(page.nextCursor);
          setStatus('ready');
        })
        .catch((failure: unknown) => {
          if (mine !== generation.current) return;
          setError(errorMessage(failure));
          setStatus('error');
        });
    },
    // The source's key says everything about it; the object itself is rebuilt on each render.
    [bridge, source.key],
  );

  useEffect(() => load(PAGE_SIZE, false), [load]);

  const loadMore = useCallback(() => {
    if (source.kind !== 'filter' || !cursor || loadingMore) return;
    const mine = generation.current;
    setLoadingMore(true);
    bridge
      .listArticles({ filter: source.filter, unreadOnly: source.unreadOnly, cursor, limit: PAGE_SIZE })
      .then((page) => {
        if (mine !== generation.current) return;
        setItems((current) => [...current, ...page.articles]);
        setTotal(page.total);
        setCursor(page.nextCursor);
      })
      .catch((failure: unknown) => {
        if (mine === generation.current) setError(errorMessage(failure));
      })
      .finally(() => {
        if (mine === generation.current) setLoadingMore(false);
      });
  }, [bridge, source.key, cursor, loadingMore]);

  const reload = useCallback(() => load(Math.min(MAX_PAGE, Math.max(PAGE_SIZE, loaded.current)), true), [load, loaded]);
  const latestReload = useLatest(reload);

  // New articles show as they come, not only when the sync ends: each feed a running sync stores,
  // and what another process wrote (the CLI's sync; the core says so with feeds-changed). Quietly,
  // at most every LIVE_RELOAD_MS: the rows loaded stay until the new ones arrive, and the selection
  // with them. Before, the list stayed as it was for a whole sync while the sidebar counted up.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const soon = () => {
      timer ??= setTimeout(() => {
        timer = null;
        latestReload.current();
      }, LIVE_RELOAD_MS);
    };
    const offFeeds = bridge.on('feeds-changed', soon);
    const offSync = bridge.on('sync-progress', (event) => {
      if (event.type === 'feed-done' && (event.newArticles > 0 || event.updatedArticles > 0)) soon();
    });
    return () => {
      offFeeds();
      offSync();
      if (timer !== null) clearTimeout(timer);
    };
  }, [bridge, latestReload]);

  const patch = useCallback((id: ArticleId, change: Partial<ArticleSummary>) => {
    setItems((current) => current.map((item) => (item.id === id ? { ...item, ...change } : item)));
  }, []);

  if (stateKey !== source.key) {
    return { items: [], total: 0, status: source.kind === 'none' ? 'idle' : 'loading', error: null, hasMore: false, loadingMore: false, loadMore, reload, patch };
  }
  return { items, total, status, error, hasMore: cursor !== null, loadingMore, loadMore, reload, patch };
}
