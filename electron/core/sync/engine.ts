// The sync engine: on demand only. Feeds are fetched with bounded concurrency (the HTTP client
// adds a per-host limit); each new article's page and images follow in a second bounded queue
// that starts as soon as its feed is stored. One broken feed never stops the others; a
// cancelled sync leaves every article either complete or still 'pending' for the next sync.
// One sync runs per data folder: a second one, in this process or another, is refused.
import { EventEmitter, setMaxListeners } from 'node:events';
import type { SyncProgressEvent, SyncRequest, SyncSummary, SyncTotals } from '../../../shared/types';
import { MAX_IMAGE_PIXELS, type ImageCache } from '../articles';
import { COMMENT_RECHECK_PER_FEED, COMMENT_REFRESH_PER_FEED, COMMENT_REFRESH_WINDOW_MS, refreshCommentFeed } from '../comments';
import { HostMemory, isUnreachable, withByteCount, withScope, type HttpClient, type RemoteAddress } from '../http';
import type { CommentFeedTarget, FetchState, Storage } from '../storage';
import { FeedWriter } from '../workers/feed-writer';
import type { WorkerPool } from '../workers/pool';
import { LeftPending, restoreLostImages, syncArticle } from './article-sync';
import { NetworkStop } from './network-stop';
import { FeedSyncError, recordFailure, syncFeed, waitInWords } from './feed-sync';
import { hostsWaitedFor, keepHostWaits } from './host-waits';
import { fetchFeedIcon, iconCandidates } from './icons';
import { ARTICLES_AT_ONCE, DEFAULT_CONCURRENCY, DEFAULT_LIMITS, type SyncLimits } from './limits';
import { RefusedImages, type RefusalReason } from './refused-images';
import { feedParsesAtOnce, limitedRunner } from './feed-parses';
import { takeSyncLock } from './sync-lock';
import { WorkQueue } from './work-queue';
import { WriteTurns } from './write-turns';
import { errorMessage } from '../../../shared/error-message';
import type { ApiErrorCode } from '../../../shared/wire';

export interface SyncEngineOptions {
  readonly storage: Storage;
  readonly http: HttpClient;
  readonly pool: WorkerPool;
  readonly images: ImageCache;
  /** Feeds fetched at once; read at the start of each sync so a settings change applies next time. */
  readonly concurrency?: () => number;
  readonly limits?: SyncLimits;
  readonly now?: () => number;
  /** Wait before retrying a transient failure once (host-memory.ts). */
  readonly retryDelayMs?: number;
  /**
   * Work that holds the sync lock for a while and that a sync should wait for rather than be
   * refused by (a removed feed's deletion, a compaction), with what the person is told meanwhile;
   * null when none runs.
   */
  readonly waitFirst?: () => { readonly until: Promise<void>; readonly reason: string } | null;
}

export class SyncAlreadyRunningError extends Error {
  readonly code: ApiErrorCode = 'refused';
  constructor() {
    super('A sync is already running.');
  }
}

/** Totals are sent at most this often; per-feed events are sent as they happen. */
const TOTALS_INTERVAL_MS = 100;

/**
 * A feed that answered 410 Gone is tried again a day after, not never: a 410 sent by mistake (a
 * security plugin, a CDN rule) must not end a subscription for good, and a feed really removed
 * costs one small request a day. Synced by name, it is tried at once.
 */
export const GONE_RETRY_MS = 24 * 60 * 60 * 1000;
const OR_SYNCED_ALONE = 'or at once when this feed alone is synced';

export class SyncEngine extends EventEmitter<{ progress: [SyncProgressEvent] }> {
  private current: { controller: AbortController; done: Promise<SyncSummary> } | null = null;
  private lastSyncId = 0;

  constructor(private readonly options: SyncEngineOptions) {
    super();
  }

  get running(): boolean {
    return this.current !== null;
  }

  sync(request: SyncRequest = {}): Promise<SyncSummary> {
    if (this.current) return Promise.reject(new SyncAlreadyRunningError());
    const controller = new AbortController();
    // Every request, queue and worker call of the sync listens on this one signal.
    setMaxListeners(0, controller.signal);
    // Running (and cancellable) from here, while it waits too: a second Sync is "already running".
    const done = this.waitThenRun(++this.lastSyncId, request, controller.signal).finally(() => {
      this.current = null;
    });
    this.current = { controller, done };
    return done;
  }

  cancel(): boolean {
    if (!this.current) return false;
    this.current.controller.abort();
    return true;
  }

  private async waitThenRun(syncId: number, request: SyncRequest, signal: AbortSignal): Promise<SyncSummary> {
    const waiting = this.options.waitFirst?.();
    if (waiting) {
      const startedAt = (this.options.now ?? Date.now)();
      this.emit('progress', { type: 'sync-waiting', syncId, reason: waiting.reason });
      await Promise.race([waiting.until, new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }))]);
      // Cancelled before it began: nothing was fetched, nothing is left half-done.
      if (signal.aborted) return { ...nothingDone(), cancelled: true, durationMs: (this.options.now ?? Date.now)() - startedAt };
    }
    // Another sync (in this process or another) holds the data folder: refused.
    const lock = takeSyncLock(this.options.storage.db);
    try {
      return await this.run(syncId, request, signal);
    } finally {
      lock.release();
    }
  }

  private async run(syncId: number, request: SyncRequest, cancel: AbortSignal): Promise<SyncSummary> {
    const { storage, images } = this.options;
    // A network that can serve nothing of the sync (a dead proxy, a sign-in page) stops it as a cancel would.
    const networkStop = new NetworkStop(cancel);
    const { signal } = networkStop;
    // Cancel ends the sync's parsing too, waiting or running (a hostile page can hold a worker for minutes).
    const pool = this.options.pool.withSignal(signal);
    const feedPool = limitedRunner(pool, feedParsesAtOnce());
    const now = this.options.now ?? Date.now;
    const limits = this.options.limits ?? DEFAULT_LIMITS;
    const concurrency = this.options.concurrency?.() ?? DEFAULT_CONCURRENCY;
    const startedAt = now();
    const feeds = storage.feeds.fetchStates(request.feedIds);
    // A host that failed is skipped for the rest of this sync, and reported once at its end; one
    // whose server asked to wait is left alone until the wait is over, in this sync and the next.
    const heldUntil = hostsWaitedFor(storage, feeds, startedAt);
    const totals = { feedsTotal: feeds.length, feedsDone: 0, feedsFailed: 0, articlesQueued: 0, articlesFetched: 0, imagesFetched: 0, bytesFetched: 0 };
    // What the sync downloaded is counted as it comes off the wire, beneath the host memory's
    // retries: failed fetches, redirects and second tries included, each byte once.
    const counted = withByteCount(networkStop.guard(this.options.http), (count) => {
      totals.bytesFetched += count;
    });
    const hosts = new HostMemory(counted, { retryDelayMs: this.options.retryDelayMs, heldUntil, now, waitInWords });
    const http = hosts.client;
    const warnings = new Set<string>();
    // Pictures refused for what they were, said once at the sync's end, per reason.
    const refusedImages = new RefusedImages({ imageBytes: limits.imageBytes, imagePixels: MAX_IMAGE_PIXELS });
    let feedsWaiting = 0;
    let feedsGone = 0;
    let newArticles = 0;
    let updatedArticles = 0;
    let articlesWithoutPage = 0;
    let articlesWaiting = 0;
    let lastTotalsAt = 0;

    const emit = (event: SyncProgressEvent) => this.emit('progress', event);
    const emitTotals = (force = false) => {
      const at = now();
      if (!force && at - lastTotalsAt < TOTALS_INTERVAL_MS) return;
      lastTotalsAt = at;
      emit({ type: 'totals', syncId, ...(totals as SyncTotals) });
    };
    const warn = (message: string) => {
      if (warnings.has(message)) return;
      warnings.add(message);
      emit({ type: 'sync-warning', syncId, message });
    };

    emit({ type: 'sync-started', syncId, feedCount: feeds.length });
    const feedQueue = new WorkQueue(concurrency, signal);
    const articleQueue = new WorkQueue(Math.max(concurrency, ARTICLES_AT_ONCE), signal);
    const iconQueue = new WorkQueue(2, signal);
    const writes = new WriteTurns();
    const writer = new FeedWriter(storage.db.path, storage.readOnly);
    const articleCtx = {
      // No http here: each feed's content gets the client of its scope (contentHttpOf).
      storage, pool, images, limits, signal, now, writes, writer,
      // The images this sync asked for, by address: one fetch each, whatever the articles sharing one.
      imagesAsked: new Map(),
      onImage: (ok: boolean, refused?: { url: string; reason: RefusalReason }) => {
        if (ok) totals.imagesFetched++;
        if (refused) refusedImages.add(refused.url, refused.reason);
      },
    };

    const commentCtx = { storage, pool, now, signal, maxBytes: limits.feedBytes, write: <T>(store: () => T) => writes.run(store) };
    // Comment feeds never fail their article or feed: a failure is recorded on the comment feed.
    const readComments = async (target: CommentFeedTarget, contentHttp: HttpClient) => {
      await refreshCommentFeed(target, { ...commentCtx, http: contentHttp });
    };
    // What a feed's content points at (pages, images, icons, comment feeds) may reach the local
    // network only when the feed lives there; each refusal is a warning of the sync.
    const scopes = http.contentScopes();
    const contentHttpOf = (feed: FetchState, servedBy: RemoteAddress | null) =>
      withScope(http, scopes.of(feed.url, servedBy), (error) => warn(error.message));

    // The images on disk, to fetch again those of stored articles a lost folder took.
    const cachedImages = request.feedsOnly ? null : await images.hashes().catch(() => null);
    // servedBy: the feed's address when this sync fetched it; null for articles left pending by an earlier sync.
    const queueArticles = (feed: FetchState, servedBy: RemoteAddress | null) => {
      if (request.feedsOnly) return;
      const fullText = feed.fullText && request.fullText !== false;
      const withImages = feed.images && request.images !== false;
      const contentHttp = contentHttpOf(feed, servedBy);
      const lost = withImages && cachedImages ? storage.articles.lostImages(feed.id, cachedImages) : [];
      if (lost.length > 0) {
        articleQueue.push(() => restoreLostImages(lost, { ...articleCtx, http: contentHttp }).catch((error: unknown) => {
          if (!signal.aborted) warn(errorMessage(error));
        }));
      }
      for (const article of storage.articles.pending(feed.id)) {
        totals.articlesQueued++;
        articleQueue.push(async () => {
          try {
            const result = await syncArticle(article, { fullText, images: withImages }, { ...articleCtx, http: contentHttp });
            totals.articlesFetched++;
            if (!result.ok) articlesWithoutPage++;
            emit({ type: 'article-fetched', syncId, feedId: feed.id, articleId: article.id, ok: result.ok });
            if (result.thread) await readComments(result.thread, contentHttp);
          } catch (error) {
            // An unreachable host is reported once for all its articles, below; an article left
            // pending for a busy server says so itself. The summary counts both.
            if (error instanceof LeftPending) articlesWaiting++;
            else if (!signal.aborted && !isUnreachable(error)) warn(errorMessage(error));
          }
          emitTotals();
        });
      }
      // Comments keep coming after an article is stored: read recent articles' comment feeds
      // again, a few older ones (conditionally, the longest unchecked first), and those of
      // articles with a comment of ours on the site (it shows, or its moderation ends, after the next sync).
      for (const target of storage.comments.dueForRefresh(feed.id, now() - COMMENT_REFRESH_WINDOW_MS, COMMENT_REFRESH_PER_FEED, COMMENT_RECHECK_PER_FEED)) {
        articleQueue.push(async () => {
          await readComments(target, contentHttp);
          emitTotals();
        });
      }
    };

    // How long a feed that answered 410 Gone is still left alone, or null when it is due.
    const goneWaitLeft = (feed: FetchState): number | null => {
      if (feed.lastStatus !== 'gone' || feed.askedByName) return null;
      const triedAt = storage.feeds.get(feed.id)?.lastFetchAt ?? null;
      const left = triedAt === null ? 0 : triedAt + GONE_RETRY_MS - now();
      return left > 0 ? left : null;
    };

    for (const feed of feeds) {
      const goneFor = goneWaitLeft(feed);
      if (goneFor !== null) {
        // Not fetched, so neither synced nor failed: counted apart, and said with its next try.
        totals.feedsDone++;
        feedsGone++;
        emit({ type: 'feed-waiting', syncId, feedId: feed.id, reason: `gone (HTTP 410): tried again in ${waitInWords(goneFor)}, ${OR_SYNCED_ALONE}` });
        continue;
      }
      feedQueue.push(async () => {
        const feedStartedAt = now();
        emit({ type: 'feed-started', syncId, feedId: feed.id, url: feed.url });
        try {
          const result = await syncFeed(feed, { storage, http, pool: feedPool, limits, signal, now, writes, writer, warn });
          totals.feedsDone++;
          newArticles += result.upsert?.newIds.length ?? 0;
          updatedArticles += result.upsert?.updatedIds.length ?? 0;
          emit({
            type: 'feed-done', syncId, feedId: feed.id, status: result.status, message: result.message,
            newArticles: result.upsert?.newIds.length ?? 0,
            updatedArticles: result.upsert?.updatedIds.length ?? 0,
            unchangedArticles: result.upsert?.unchanged ?? 0,
          });
          if (feed.lastStatus === 'never' && result.status === 'ok') {
            // The icon waits in a queue of its own: the feed's slot goes to the next feed.
            const icons = iconCandidates([result.iconUrl], result.siteUrl);
            iconQueue.push(() => fetchFeedIcon(feed.id, icons, { storage, http: contentHttpOf(feed, result.servedBy), images, signal, now, write: <T>(store: () => T) => writes.run(store) }).then(() => undefined));
          }
          queueArticles(feed, result.servedBy);
        } catch (error) {
          if (signal.aborted) return;
          // Unsubscribed while its fetch was in flight: its items had nowhere to go (SQLite's
          // "FOREIGN KEY constraint failed"), which is no failure of a feed the person removed.
          if (storage.feeds.get(feed.id) === null) {
            totals.feedsDone++;
            emitTotals();
            return;
          }
          const failure = withNextTry(error instanceof FeedSyncError ? error : new FeedSyncError(errorMessage(error), 'failed'));
          try {
            await writes.run(() => recordFailure(storage, feed, failure, feedStartedAt, now()));
          } catch {
            // The database itself failed (a full disk): the event below still tells the person.
          }
          totals.feedsDone++;
          // A feed whose server asked to wait (in this answer or an earlier one) did not fail.
          if (failure.status === 'waiting') {
            feedsWaiting++;
            emit({ type: 'feed-waiting', syncId, feedId: feed.id, reason: failure.message });
          } else {
            totals.feedsFailed++;
            emit({ type: 'feed-failed', syncId, feedId: feed.id, reason: failure.message });
          }
          // Articles a cancelled sync left half-done still get their offline copy. Those of a feed
          // whose server asked to wait are queued too: their pages and images on that server are
          // left alone with it (the host memory holds it), those elsewhere are fetched.
          queueArticles(feed, null);
        }
        emitTotals();
      });
    }

    await feedQueue.idle();
    await Promise.all([articleQueue.idle(), iconQueue.idle()]);
    await writer.close();
    try {
      await writes.run(() => keepHostWaits(storage, hosts.waitsAsked(), now()));
    } catch {
      // The database itself failed (a full disk): the next sync asks those servers once more.
    }
    // Stopped by the network: its one sentence, not the hosts its requests could not reach.
    const stopped = networkStop.reason;
    if (stopped !== null) warn(stopped);
    else for (const line of hosts.report()) warn(line);
    for (const line of refusedImages.report()) warn(line);
    emitTotals(true);
    const summary: SyncSummary = {
      ...totals,
      feedsWaiting,
      feedsGone,
      newArticles,
      updatedArticles,
      articlesWithoutPage,
      articlesWaiting,
      cancelled: cancel.aborted,
      ...(stopped !== null ? { stopped } : {}),
      durationMs: now() - startedAt,
      warnings: [...warnings],
    };
    emit({ type: 'sync-finished', syncId, ...summary });
    return summary;
  }
}

function nothingDone(): Omit<SyncSummary, 'cancelled' | 'durationMs'> {
  return {
    feedsTotal: 0, feedsDone: 0, feedsFailed: 0, feedsWaiting: 0, feedsGone: 0, articlesQueued: 0, articlesFetched: 0, imagesFetched: 0,
    bytesFetched: 0, newArticles: 0, updatedArticles: 0, articlesWithoutPage: 0, articlesWaiting: 0, warnings: [],
  };
}

/** A feed found gone says, wherever its reason shows (sidebar, properties, sync log), when it is tried again. */
function withNextTry(failure: FeedSyncError): FeedSyncError {
  if (failure.status !== 'gone') return failure;
  return new FeedSyncError(`${failure.message}; it is tried again once a day, ${OR_SYNCED_ALONE}`, 'gone', failure.retryAfterAt, failure.logVerb);
}
