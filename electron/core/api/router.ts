// The one implementation of the API contract. Transports (Electron IPC, the preview server, the
// CLI, tests) hand it a method name and raw arguments; it validates them against
// shared/api-schema.ts and calls the core's parts. Nothing reaches the core unvalidated.
import type { ApiMethod, PaperboyApi } from '../../../shared/api';
import { argumentsOf } from '../../../shared/api-schema';
import type { AddFeedOptions, ArticleId, FolderId } from '../../../shared/types';
import { isApiMethod } from '../../../shared/wire';
import { exportDrafts } from '../comments';
import type { Services } from '../services';
import { errorMessage } from '../../../shared/error-message';
import { COMPACTING, compactionHoldsLock, SyncRunningElsewhereError, takeSyncLock } from '../sync/sync-lock';
import { addFeed, exportOpml, importOpml } from '../subscriptions/subscriptions';
import { ApiError } from './errors';

export interface Router {
  /** The contract as implemented, arguments unchecked (the core validates through call()). */
  readonly api: PaperboyApi;
  /** Validates and dispatches one call from a transport. */
  call(method: string, args: unknown): Promise<unknown>;
  /** Work that holds the data folder's sync lock a while (a removed feed's deletion or a compaction
   *  called here; a compaction by another process): when it ends, and what a sync asked for
   *  meanwhile says it waits for; null when none runs. */
  busy(): { readonly until: Promise<void>; readonly reason: string } | null;
  /** When the work called here that busy() tells of has ended (not another process's). */
  settled(): Promise<void>;
}

/** How often a call that waits for another process's compaction looks whether it has ended. */
const COMPACTION_POLL_MS = 100;

/**
 * The calls that never wait for a compaction (Router.call): those that only read, which SQLite
 * answers meanwhile from the last commit; the sync and the compactions, refused meanwhile by the
 * sync lock they take; the settings, kept in a file of their own, and the notices, in memory. Any
 * other call may write.
 */
const NEVER_WAITS_FOR_COMPACTION: ReadonlySet<ApiMethod> = new Set<ApiMethod>([
  'listFeeds', 'listFolders', 'exportOpml', 'syncLog', 'listArticles', 'getArticle', 'storedArticleAt', 'search', 'countSearch', 'listComments',
  'getDraft', 'getDrafts', 'exportDrafts', 'storageInfo', 'getNotices', 'dismissNotice', 'getSettings', 'updateSettings',
  'sync', 'cancelSync', 'applyRetention', 'vacuum',
]);

function notFound(what: string): never {
  throw new ApiError(`${what} not found`, 'not-found');
}

export function createRouter(services: Services): Router {
  const { storage, drafts, events, now } = services;
  /** Tells every page (and other windows) that drafts changed, then answers. */
  const draftsChanged = <T>(value: T, articleIds: readonly (ArticleId | null)[]): T => {
    const ids = articleIds.filter((id): id is ArticleId => id !== null);
    events.emit('drafts-changed', { articleIds: ids.length === articleIds.length ? ids : null });
    return value;
  };
  const feedsChanged = <T>(value: T): T => {
    events.emit('feeds-changed', { feedIds: null });
    return value;
  };
  const articleOfDraft = (draftId: number) => drafts.get(draftId)?.articleId ?? null;

  /**
   * Runs work that must not meet a sync (here or in another process): a sync records an image
   * before it saves the article that shows it, so meanwhile the image looks unreferenced; and a
   * VACUUM would wait on the sync's writes. The sync lock keeps a sync from starting meanwhile.
   * While one runs, the work is skipped (false): the retention that ends every sync (Core.sync)
   * collects unreferenced images and gives free pages back itself.
   */
  const whileNoSyncRuns = async (work: () => void | Promise<void>, doing: string): Promise<boolean> => {
    let lock;
    try {
      lock = takeSyncLock(storage.db, doing);
    } catch (error) {
      if (error instanceof SyncRunningElsewhereError) return false;
      throw error;
    }
    try {
      await work();
      return true;
    } finally {
      lock.release();
    }
  };
  /** A removed feed's articles (FeedsRepo.unsubscribe leaves them, unseen), then the images only
   *  they showed: retention's work with no age limit, on a writer thread of its own (Services). */
  const deleteArticlesOfRemovedFeeds = () =>
    whileNoSyncRuns(async () => {
      await services.applyRetention(null);
    }, "deleting a removed feed's articles").then(
      () => undefined,
      (error: unknown) => {
        // The feed is gone, which is what was asked; the next sync's retention deletes the rest instead.
        console.error(`paperboy: the articles and images of a removed feed are deleted at the next sync: ${errorMessage(error)}`);
      },
    );
  /** The compaction running now with the sync lock it holds, or null. Its VACUUM holds SQLite's one
   *  write lock while it runs (seconds, on a big library): a write on this thread would wait there. */
  let compaction: Promise<void> | null = null;
  const compactDatabase = async (): Promise<boolean> => {
    const running = whileNoSyncRuns(() => services.compactDatabase(), COMPACTING);
    compaction = running.then(
      () => undefined,
      () => undefined,
    );
    try {
      return await running;
    } finally {
      compaction = null;
    }
  };
  /** Another process's compaction (or another core's), while calls wait for it: polled, since no
   *  event crosses processes; its end is when the lock's row no longer names it. */
  let compactionElsewhere: Promise<void> | null = null;
  const compactionToWaitFor = (): Promise<void> | null => {
    if (compaction) return compaction;
    if (compactionElsewhere) return compactionElsewhere;
    if (!compactionHoldsLock(storage.db)) return null;
    compactionElsewhere = new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (compactionHoldsLock(storage.db)) return;
        clearInterval(timer);
        compactionElsewhere = null;
        resolve();
      }, COMPACTION_POLL_MS);
    });
    return compactionElsewhere;
  };
  /** The deletions removals left running, one after another (each takes whatever feeds are noted). */
  let deletions: Promise<void> = Promise.resolve();
  let deletionsRunning = 0;

  const api: PaperboyApi = {
    // The contract's return type follows offerChoice (api.ts); the core's answer is a choice only when it was set.
    addFeed: (async (url: string, folderId?: FolderId | null, options?: AddFeedOptions) => {
      // Checked before any fetch: a folder that is not there is the caller's mistake, not the feed's.
      if (folderId != null && !storage.feeds.getFolder(folderId)) notFound('folder');
      const answer = await addFeed(services, url, folderId ?? null, options);
      // A choice offered subscribed to nothing.
      return answer.kind === 'choice' ? answer : feedsChanged(answer);
    }) as PaperboyApi['addFeed'],
    removeFeed: async (feedId) => {
      if (!storage.feeds.unsubscribe(feedId)) notFound('feed');
      feedsChanged(undefined);
      // Its drafts stay, without their article (no longer queued): an open Drafts view reloads them.
      draftsChanged(undefined, [null]);
      // The call answers now: the feed is gone for the person. Its articles and the images only
      // they showed are deleted after, while this thread keeps answering; for a big feed that takes
      // seconds, which the Unsubscribe dialog waited out. The CLI waits for them (Core.idle) before
      // it closes; the app quitting meanwhile leaves the rest to the next retention. A sync asked
      // for meanwhile waits for them (Core's engine, waitFirst).
      deletionsRunning++;
      deletions = deletions.then(deleteArticlesOfRemovedFeeds).finally(() => void deletionsRunning--);
    },
    listFeeds: async () => storage.feeds.list(),
    updateFeed: async (feedId, patch) => {
      if (!storage.feeds.get(feedId)) notFound('feed');
      if (patch.folderId != null && !storage.feeds.getFolder(patch.folderId)) notFound('folder');
      storage.feeds.update(feedId, patch);
      return feedsChanged(storage.feeds.get(feedId)!);
    },
    listFolders: async () => storage.feeds.listFolders(),
    createFolder: async (name, parentId) => {
      if (parentId != null && !storage.feeds.getFolder(parentId)) notFound('folder');
      return feedsChanged(storage.feeds.createFolder(name.trim(), parentId ?? null, now()));
    },
    renameFolder: async (folderId, name) => {
      if (!storage.feeds.getFolder(folderId)) notFound('folder');
      storage.feeds.renameFolder(folderId, name.trim());
      return feedsChanged(storage.feeds.getFolder(folderId)!);
    },
    removeFolder: async (folderId) => {
      if (!storage.feeds.getFolder(folderId)) notFound('folder');
      storage.feeds.removeFolder(folderId);
      feedsChanged(undefined);
    },
    importOpml: async (text) => feedsChanged(await importOpml(services, text)),
    exportOpml: async () => exportOpml(services),
    sync: async (request) => services.sync(request ?? {}),
    cancelSync: async () => services.cancelSync(),
    syncLog: async (feedId, limit) => storage.feeds.syncLog(feedId, limit),
    listArticles: async (request) => storage.articles.list(request),
    getArticle: async (articleId) => storage.articles.get(articleId),
    storedArticleAt: async (url) => storage.articles.storedAt(url),
    setRead: async (articleIds, read) => storage.articles.setRead(articleIds, read, now()),
    setStarred: async (articleId, starred) => storage.articles.setStarred(articleId, starred, now()),
    markAllRead: async (filter, publishedBefore) => storage.articles.markAllRead(filter, now(), publishedBefore ?? null),
    undoMarkAllRead: async (filter, since) => storage.articles.markUnreadSince(filter, since),
    search: async (query, limit) => {
      await services.indexForSearch();
      return storage.search(query, limit);
    },
    countSearch: async (query) => {
      await services.indexForSearch();
      return storage.countSearch(query);
    },
    listComments: async (articleId) => storage.comments.list(articleId),
    getDraft: async (draftId) => drafts.get(draftId),
    getDrafts: async (articleId) => drafts.list(articleId),
    saveDraft: async (input) => {
      const draft = drafts.save(input);
      return draftsChanged(draft, [draft.articleId]);
    },
    deleteDraft: async (draftId) => {
      const articleId = articleOfDraft(draftId);
      drafts.remove(draftId);
      draftsChanged(undefined, [articleId]);
    },
    restoreDraft: async (draftId) => {
      const draft = drafts.restore(draftId);
      return draftsChanged(draft, [draft.articleId]);
    },
    exportDrafts: async (format) => exportDrafts(drafts.list(), format, now()),
    sendDraft: async (draftId, ticked) => {
      const result = (await services.sender.send(draftId, ticked)) ?? notFound('draft');
      return draftsChanged(result, [articleOfDraft(draftId)]);
    },
    sendQueuedDrafts: async () => {
      const results = await services.sender.sendQueued((progress) => events.emit('send-progress', progress));
      return draftsChanged(results, [null]);
    },
    storageInfo: async () => {
      const images = await services.images.totalBytes();
      return {
        databaseBytes: storage.databaseBytes(),
        imageBytes: images.bytes,
        imageCount: images.count,
        articleCount: storage.articles.count(),
        feedCount: storage.feeds.list().length,
        dataDir: services.dataDir,
      };
    },
    applyRetention: async (keepDays) => {
      const { freePagesReleased, ...result } = await services.applyRetention(keepDays);
      // An older library gives freed pages back only once converted: its one full VACUUM is the
      // person's Clean up (retention after each sync does not wait seconds for it). The articles
      // and images are gone either way: a disk without room for the VACUUM is said beside them.
      if (freePagesReleased) return result;
      try {
        await compactDatabase();
      } catch (error) {
        // Thrown on the writer's thread: it arrives by name.
        if (error instanceof Error && error.name === 'CompactionRoomError') return { ...result, notCompacted: error.message };
        throw error;
      }
      return result;
    },
    vacuum: async () => {
      if (!(await compactDatabase())) throw new ApiError('A sync is running: the database can be compacted when it has finished.', 'refused');
    },
    getSettings: async () => services.settings.get(),
    updateSettings: async (patch) => {
      const settings = services.settings.update(patch);
      events.emit('settings-changed', settings);
      return settings;
    },
    getNotices: async () => [...services.notices()],
    dismissNotice: async (noticeId) => services.dismissNotice(noticeId),
  };

  return {
    api,
    busy: () => {
      if (deletionsRunning > 0) return { until: deletions, reason: 'Deleting a removed feed’s articles first…' };
      const until = compactionToWaitFor();
      return until && { until, reason: 'Compacting the database first…' };
    },
    settled: async () => {
      await deletions;
      await compaction;
    },
    async call(method, args) {
      if (!isApiMethod(method)) throw new ApiError(`unknown method: ${method}`, 'unknown-method');
      const parsed = argumentsOf(method).safeParse(args ?? []);
      if (!parsed.success) {
        const detail = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'arguments'}: ${issue.message}`).join('; ');
        throw new ApiError(`invalid arguments for ${method}: ${detail}`, 'invalid-arguments');
      }
      // A call that may write, made while the database is compacted (here or by another process),
      // waits for the compaction here, asynchronously. Its SQLite statement would wait for the
      // VACUUM's write lock on this thread, which in the app is every window's main process: a star
      // froze the app for the lock's length, and failed as "database is locked" past five seconds.
      if (!NEVER_WAITS_FOR_COMPACTION.has(method)) await compactionToWaitFor();
      const fn = api[method as ApiMethod] as (...a: unknown[]) => Promise<unknown>;
      return fn(...(parsed.data as unknown[]));
    },
  };
}
