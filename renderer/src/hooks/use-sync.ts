// A sync as the UI sees it: started here (or by the scheduler), followed through the core's
// 'sync-progress' events, cancellable. Progress is committed to React at most every 100 ms:
// a sync of many images sends hundreds of events a second.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FeedId, SyncProgressEvent, SyncSummary, SyncTotals } from '../../../shared/types';
import { errorMessage } from '../../../shared/error-message';
import { forwardFraction } from '../../../shared/sync-progress';
import { useBridge } from './bridge';
import type { FeedFailure } from '../lib/sync-failures';
import { useLatest } from './use-latest';

export interface SyncProgress extends SyncTotals {
  /** The feed fetched most recently, for the status line. */
  readonly currentUrl: string | null;
  /** What the bar shows, 0 to 1: forward only within one sync (shared/sync-progress.ts). */
  readonly fraction: number;
  /** Why the sync has not begun yet (a removed feed's articles being deleted), or null. */
  readonly waitingFor: string | null;
}

export type SyncOutcome =
  | { readonly kind: 'finished'; readonly summary: SyncSummary; readonly failures: readonly FeedFailure[] }
  /** `elsewhere`: refused because another process (the CLI, a second app) syncs this data folder. */
  | { readonly kind: 'error'; readonly message: string; readonly elsewhere?: boolean };

export interface SyncState {
  readonly running: boolean;
  readonly cancelling: boolean;
  readonly progress: SyncProgress | null;
  readonly outcome: SyncOutcome | null;
  start(feedIds?: readonly FeedId[]): void;
  cancel(): void;
  dismiss(): void;
}

export interface SyncCallbacks {
  /** A feed has new or changed articles: counts and lists may be refreshed. */
  readonly onFeedChanged: (feedId: FeedId) => void;
  readonly onFinished: () => void;
}

const EMPTY: SyncProgress = {
  feedsTotal: 0, feedsDone: 0, feedsFailed: 0, articlesQueued: 0, articlesFetched: 0, imagesFetched: 0, bytesFetched: 0, currentUrl: null, fraction: 0, waitingFor: null,
};
const COMMIT_MS = 100;
/** The core's refusal while another process holds the data folder's sync lock (core/sync/sync-lock.ts). */
const RUNNING_ELSEWHERE = 'SyncRunningElsewhereError';

const totalsOf = (event: SyncTotals): SyncTotals => ({
  feedsTotal: event.feedsTotal, feedsDone: event.feedsDone, feedsFailed: event.feedsFailed, articlesQueued: event.articlesQueued,
  articlesFetched: event.articlesFetched, imagesFetched: event.imagesFetched, bytesFetched: event.bytesFetched,
});

export function useSync(callbacks: SyncCallbacks): SyncState {
  const bridge = useBridge();
  const [running, setRunning] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [progress, setProgress] = useState<SyncProgress | null>(null);
  const [outcome, setOutcome] = useState<SyncOutcome | null>(null);
  const latest = useRef<SyncProgress>(EMPTY);
  const failures = useRef<FeedFailure[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const handlers = useLatest(callbacks);
  // Whether a run is under way, as the events and the sync() promise tell it (whichever is first).
  const active = useRef(false);

  const finish = useCallback((summary: SyncSummary) => {
    if (!active.current) return;
    active.current = false;
    latest.current = { ...totalsOf(summary), currentUrl: null, fraction: 1, waitingFor: null };
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    setProgress(latest.current);
    setRunning(false);
    setCancelling(false);
    setOutcome({ kind: 'finished', summary, failures: [...failures.current] });
    handlers.current.onFinished();
  }, [handlers]);

  const commitSoon = useCallback(() => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      setProgress(latest.current);
    }, COMMIT_MS);
  }, []);

  const commitNow = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    setProgress(latest.current);
  }, []);

  useEffect(() => {
    const onEvent = (event: SyncProgressEvent) => {
      switch (event.type) {
        case 'sync-waiting':
          // Only the window that asked shows it: for the others no sync has begun.
          if (!active.current) break;
          latest.current = { ...latest.current, waitingFor: event.reason };
          commitNow();
          break;
        case 'sync-started':
          latest.current = { ...EMPTY, feedsTotal: event.feedCount };
          failures.current = [];
          active.current = true;
          setRunning(true);
          setOutcome(null);
          commitNow();
          break;
        case 'feed-started':
          latest.current = { ...latest.current, currentUrl: event.url };
          commitSoon();
          break;
        case 'feed-done':
          if (event.newArticles > 0 || event.updatedArticles > 0) handlers.current.onFeedChanged(event.feedId);
          break;
        case 'feed-failed':
          failures.current.push({ feedId: event.feedId, reason: event.reason });
          handlers.current.onFeedChanged(event.feedId);
          break;
        case 'totals':
          latest.current = { ...latest.current, ...totalsOf(event), fraction: forwardFraction(latest.current.fraction, event) };
          commitSoon();
          break;
        case 'sync-finished':
          finish(event);
          break;
        case 'sync-ended-elsewhere':
          // "Another process is syncing" is over with that sync: left up, it told of a sync long ended.
          setOutcome((shown) => (shown?.kind === 'error' && shown.elsewhere ? null : shown));
          break;
        default:
          break;
      }
    };
    const off = bridge.on('sync-progress', onEvent);
    return () => {
      off();
      if (timer.current) clearTimeout(timer.current);
    };
  }, [bridge, commitNow, commitSoon, finish, handlers]);

  const start = useCallback(
    (feedIds?: readonly FeedId[]) => {
      if (active.current) return;
      active.current = true;
      failures.current = [];
      latest.current = EMPTY;
      setRunning(true);
      setOutcome(null);
      bridge.sync(feedIds && feedIds.length > 0 ? { feedIds: [...feedIds] } : undefined).then(
        (summary) => finish(summary),
        (failure: unknown) => {
          // A refusal (another sync running, the server gone) never started a run.
          active.current = false;
          setRunning(false);
          setCancelling(false);
          const elsewhere = failure instanceof Error && failure.name === RUNNING_ELSEWHERE;
          setOutcome({ kind: 'error', message: errorMessage(failure), elsewhere });
        },
      );
    },
    [bridge, finish],
  );

  const cancel = useCallback(() => {
    setCancelling(true);
    bridge.cancelSync().catch((failure: unknown) => {
      setCancelling(false);
      setOutcome({ kind: 'error', message: errorMessage(failure) });
    });
  }, [bridge]);

  const dismiss = useCallback(() => setOutcome(null), []);

  return { running, cancelling, progress, outcome, start, cancel, dismiss };
}
