// The one implementation of the API contract. Transports (Electron IPC, the preview server, the
// CLI's `call`, tests) hand it a method name and raw arguments; it validates them against
// shared/api-schema.ts and calls the core. Nothing reaches the core unvalidated.
import type { ApiMethod, PaperboyApi } from '../../../shared/api';
import { API_ARGUMENTS, isApiMethod } from '../../../shared/api-schema';
import { DraftError, exportDrafts } from '../comments';
import type { PaperboyCore } from '../core';
import { applyRetention } from '../storage';
import { addFeed, exportOpml, importOpml } from '../subscriptions/subscriptions';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: 'unknown-method' | 'invalid-arguments' | 'not-found' | 'failed',
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface Router {
  readonly api: PaperboyApi;
  /** Validates and dispatches one call from a transport. */
  call(method: string, args: unknown): Promise<unknown>;
}

function notFound(what: string): never {
  throw new ApiError(`${what} not found`, 'not-found');
}

/** Runs a drafts operation, reporting its refusals with the API's error codes. */
function drafting<T>(operation: () => T): T {
  try {
    return operation();
  } catch (error) {
    if (error instanceof DraftError) throw new ApiError(error.message, error.code);
    throw error;
  }
}

export function createRouter(core: PaperboyCore, now: () => number): Router {
  const { storage } = core;
  const ctx = { storage, http: core.http, pool: core.pool, images: core.images, now };

  const api: PaperboyApi = {
    addFeed: (url, folderId) => addFeed(ctx, url, folderId ?? null),
    removeFeed: async (feedId) => {
      if (!storage.feeds.remove(feedId)) notFound('feed');
    },
    listFeeds: async () => storage.feeds.list(),
    updateFeed: async (feedId, patch) => {
      if (!storage.feeds.get(feedId)) notFound('feed');
      if (patch.folderId != null && !storage.feeds.getFolder(patch.folderId)) notFound('folder');
      storage.feeds.update(feedId, patch);
      return storage.feeds.get(feedId)!;
    },
    listFolders: async () => storage.feeds.listFolders(),
    createFolder: async (name, parentId) => storage.feeds.ensureFolder(name.trim(), parentId ?? null, now()).folder,
    renameFolder: async (folderId, name) => {
      if (!storage.feeds.getFolder(folderId)) notFound('folder');
      storage.feeds.renameFolder(folderId, name.trim());
      return storage.feeds.getFolder(folderId)!;
    },
    removeFolder: async (folderId) => {
      if (!storage.feeds.getFolder(folderId)) notFound('folder');
      storage.feeds.removeFolder(folderId);
    },
    importOpml: async (text) => importOpml(ctx, text),
    exportOpml: async () => exportOpml(ctx),
    sync: (request) => core.sync(request ?? {}),
    cancelSync: async () => core.engine.cancel(),
    syncLog: async (feedId, limit) => storage.feeds.syncLog(feedId, limit),
    listArticles: async (request) => storage.articles.list(request),
    getArticle: async (articleId) => storage.articles.get(articleId),
    setRead: async (articleIds, read) => storage.articles.setRead(articleIds, read, now()),
    setStarred: async (articleId, starred) => storage.articles.setStarred(articleId, starred, now()),
    markAllRead: async (filter, publishedBefore) => storage.articles.markAllRead(filter, now(), publishedBefore ?? null),
    undoMarkAllRead: async (filter, since) => storage.articles.markUnreadSince(filter, since),
    search: async (query, limit) => storage.search(query, limit),
    countSearch: async (query) => storage.countSearch(query),
    listComments: async (articleId) => storage.comments.list(articleId),
    getDraft: async (draftId) => core.drafts.get(draftId),
    getDrafts: async (articleId) => core.drafts.list(articleId),
    saveDraft: async (input) => drafting(() => core.drafts.save(input)),
    deleteDraft: async (draftId) => drafting(() => core.drafts.remove(draftId)),
    restoreDraft: async (draftId) => drafting(() => core.drafts.restore(draftId)),
    exportDrafts: async (format) => exportDrafts(core.drafts.list(), format, now()),
    sendDraft: async (draftId) => (await core.sender.send(draftId)) ?? notFound('draft'),
    sendQueuedDrafts: () => core.sender.sendQueued(),
    storageInfo: async () => {
      const images = await core.images.totalBytes();
      return {
        databaseBytes: storage.databaseBytes(),
        imageBytes: images.bytes,
        imageCount: images.count,
        articleCount: storage.articles.count(),
        feedCount: storage.feeds.list().length,
        dataDir: core.dataDir,
      };
    },
    applyRetention: (keepDays) => applyRetention(storage.db, core.images, keepDays, now()),
    vacuum: async () => storage.vacuum(),
    getSettings: async () => core.settings.get(),
    updateSettings: async (patch) => {
      const settings = core.settings.update(patch);
      core.events.emit('settings-changed', settings);
      return settings;
    },
    getNotices: async () => [...core.notices],
    dismissNotice: async (noticeId) => core.dismissNotice(noticeId),
  };

  return {
    api,
    async call(method, args) {
      if (!isApiMethod(method)) throw new ApiError(`unknown method: ${method}`, 'unknown-method');
      const parsed = API_ARGUMENTS[method].safeParse(args ?? []);
      if (!parsed.success) {
        const detail = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'arguments'}: ${issue.message}`).join('; ');
        throw new ApiError(`invalid arguments for ${method}: ${detail}`, 'invalid-arguments');
      }
      const fn = api[method as ApiMethod] as (...a: unknown[]) => Promise<unknown>;
      return fn(...(parsed.data as unknown[]));
    },
  };
}
