// The article list of the current view, paged from the core with its cursors, or the hits of a
// search. Answers that arrive after the view changed are dropped.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArticleFilter, ArticleId, ArticlePage, ArticleSummary } from '../../../shared/types';
import { errorMessage } from '../../../shared/error-message';
import type { PaperboyBridge } from '../../../shared/api';
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
  /** Reads every row loaded now again (after a sync, Mark all read, Undo), keeping them on screen. */
  reload(): void;
  patch(id: ArticleId, change: Partial<ArticleSummary>): void;
}

export const PAGE_SIZE = 100;
const MAX_PAGE = 500;
const SEARCH_LIMIT = 200;
/** How often a list reloads itself, at most, as a sync or another process adds articles. */
const LIVE_RELOAD_MS = 1500;

/** The rows loaded, and the cursor that leads on from the last of them. */
interface LoadedRows {
  readonly items: readonly ListItem[];
  readonly cursor: string | null;
}
const NO_ROWS: LoadedRows = { items: [], cursor: null };

/** Whether `item` is listed after `last` (the core's order: newest first, then id, descending). */
function listedAfter(item: ListItem, last: ListItem): boolean {
  return item.publishedAt < last.publishedAt || (item.publishedAt === last.publishedAt && item.id < last.id);
}

/**
 * The first rows read again, then the rows loaded before that come after the last of them, whose
 * cursor still leads on from the last. A reload used to replace every row with its first 500, and
 * the browser clamped the scroll: a person at row 2,500 found themselves at row 490.
 */
export function keepLoadedRows(loaded: LoadedRows, fresh: LoadedRows): LoadedRows {
  const last = fresh.items[fresh.items.length - 1];
  if (fresh.cursor === null || !last) return fresh;
  const ids = new Set(fresh.items.map((item) => item.id));
  const rest = loaded.items.filter((item) => listedAfter(item, last) && !ids.has(item.id));
  return rest.length === 0 ? fresh : { items: [...fresh.items, ...rest], cursor: loaded.cursor };
}

/** A list's first `limit` rows, in pages of at most MAX_PAGE; cut short once `wanted` says no. */
async function readFirstRows(bridge: PaperboyBridge, filter: ArticleFilter, unreadOnly: boolean, limit: number, wanted: () => boolean): Promise<ArticlePage> {
  const articles: ArticleSummary[] = [];
  let nextCursor: string | null = null;
  let total = 0;
  do {
    const page = await bridge.listArticles({ filter, unreadOnly, cursor: nextCursor, limit: Math.min(MAX_PAGE, limit - articles.length) });
    articles.push(...page.articles);
    nextCursor = page.nextCursor;
    total = page.total;
  } while (nextCursor !== null && articles.length < limit && wanted());
  return { articles, nextCursor, total };
}

export function useArticleList(source: ListSource): ArticleListState {
  const bridge = useBridge();
  const [rows, setRows] = useState<LoadedRows>(NO_ROWS);
  const { items, cursor } = rows;
  const [total, setTotal] = useState(0);
  const [status, setStatus] = useState<ArticleListState['status']>('idle');
  const [error, setError] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  // Which source the state above belongs to: for the one render between a view change and the
  // new load, the old view's rows must not show (nor be scrolled to) under the new title.
  const [stateKey, setStateKey] = useState(source.key);
  const generation = useRef(0);
  const loaded = useLatest(items.length);

  /**
   * Reads the first `limit` rows (in pages of at most MAX_PAGE when `limit` is larger). Quietly,
   * the rows loaded stay until the answer comes, and those after the rows read stay after it.
   */
  const load = useCallback(
    (limit: number, quiet: boolean) => {
      const mine = ++generation.current;
      if (!quiet) {
        setStateKey(source.key);
        setStatus(source.kind === 'none' ? 'idle' : 'loading');
        setRows(NO_ROWS);
        setTotal(0);
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
          : readFirstRows(bridge, source.filter, source.unreadOnly, limit, () => mine === generation.current);
      request
        .then((page) => {
          if (mine !== generation.current) return;
          const fresh = { items: page.articles, cursor: page.nextCursor };
          setRows((loaded) => (quiet ? keepLoadedRows(loaded, fresh) : fresh));
          setTotal(page.total);
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
        setRows((loaded) => ({ items: [...loaded.items, ...page.articles], cursor: page.nextCursor }));
        setTotal(page.total);
      })
      .catch((failure: unknown) => {
        if (mine === generation.current) setError(errorMessage(failure));
      })
      .finally(() => {
        if (mine === generation.current) setLoadingMore(false);
      });
  }, [bridge, source.key, cursor, loadingMore]);

  // Every row loaded is read again: Mark all read changes rows far down the list too.
  const reload = useCallback(() => load(Math.max(PAGE_SIZE, loaded.current), true), [load, loaded]);
  // While a sync stores feeds, every LIVE_RELOAD_MS: only the first rows, where new articles
  // come, and the rows after them stay as they are (a sync does not change them).
  const liveReload = useCallback(() => load(Math.min(MAX_PAGE, Math.max(PAGE_SIZE, loaded.current)), true), [load, loaded]);
  const latestReload = useLatest(liveReload);
  // A search is run again only when asked: on a big library one takes the core (the app's main
  // process) up to some 0.7 s, too much to repeat every LIVE_RELOAD_MS through a sync.
  const filtered = useLatest(source.kind === 'filter');

  // New articles show as they come, not only when the sync ends: each feed a running sync stores,
  // and what another process wrote (the CLI's sync; the core says so with feeds-changed). Quietly,
  // at most every LIVE_RELOAD_MS: the rows loaded stay until the new ones arrive, and the selection
  // with them. Before, the list stayed as it was for a whole sync while the sidebar counted up.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const soon = () => {
      if (!filtered.current) return;
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
  }, [bridge, latestReload, filtered]);

  const patch = useCallback((id: ArticleId, change: Partial<ArticleSummary>) => {
    setRows((loaded) => ({ ...loaded, items: loaded.items.map((item) => (item.id === id ? { ...item, ...change } : item)) }));
  }, []);

  if (stateKey !== source.key) {
    return { items: [], total: 0, status: source.kind === 'none' ? 'idle' : 'loading', error: null, hasMore: false, loadingMore: false, loadMore, reload, patch };
  }
  return { items, total, status, error, hasMore: cursor !== null, loadingMore, loadMore, reload, patch };
}
