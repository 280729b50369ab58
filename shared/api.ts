// The API contract: the whole surface the renderer may use, and what `paperboy call` reaches.
// Every method is implemented once, by the router in electron/core/api/router.ts; the transports
// (Electron IPC, the preview server, the CLI, tests) only carry calls and events to it.
// Argument schemas, checked in the core before any call, are in ./api-schema.ts; the names as
// values, the reply envelope and the page's bridge are in ./wire.ts.
import type {
  AddFeedAnswer,
  AddFeedOptions,
  AddFeedResult,
  Article,
  ArticleFilter,
  ArticleId,
  ArticlePage,
  ArticlePageRequest,
  Comment,
  Draft,
  DraftExportFormat,
  DraftId,
  DraftInput,
  Feed,
  FeedId,
  FeedSettingsPatch,
  Folder,
  FolderId,
  OpmlImportResult,
  RetentionResult,
  SavedDraft,
  SearchHit,
  SendQueueProgress,
  SendResult,
  Settings,
  StorageInfo,
  SyncLogEntry,
  SyncProgressEvent,
  SyncRequest,
  SyncSummary,
} from './types';

export interface PaperboyApi {
  // Subscriptions
  /**
   * Subscribe by feed URL or by any page of a site (autodiscovery). A page naming several feeds is
   * subscribed by the one Paperboy picks (its own feed, else the site's, never its comments), unless
   * `offerChoice` is set: then a page naming more than one distinct feed is answered with them
   * (FeedChoice) and nothing is subscribed; the caller subscribes to the one chosen by its url.
   */
  addFeed<Choice extends boolean = false>(
    url: string,
    folderId?: FolderId | null,
    options?: AddFeedOptions & { readonly offerChoice?: Choice },
  ): Promise<Choice extends true ? AddFeedAnswer : AddFeedResult>;
  removeFeed(feedId: FeedId): Promise<void>;
  listFeeds(): Promise<Feed[]>;
  updateFeed(feedId: FeedId, patch: FeedSettingsPatch): Promise<Feed>;
  listFolders(): Promise<Folder[]>;
  createFolder(name: string, parentId?: FolderId | null): Promise<Folder>;
  renameFolder(folderId: FolderId, name: string): Promise<Folder>;
  /** Removes the folder; its feeds and sub-folders move to its parent. */
  removeFolder(folderId: FolderId): Promise<void>;
  importOpml(opmlText: string): Promise<OpmlImportResult>;
  exportOpml(): Promise<string>;

  // Sync (on demand only)
  /** Resolves when the sync ends (finished or cancelled); progress arrives as 'sync-progress' events. */
  sync(request?: SyncRequest): Promise<SyncSummary>;
  /** Cancels the running sync; false when none was running. */
  cancelSync(): Promise<boolean>;
  syncLog(feedId: FeedId, limit?: number): Promise<SyncLogEntry[]>;

  // Reading (never touches the network)
  listArticles(request: ArticlePageRequest): Promise<ArticlePage>;
  getArticle(articleId: ArticleId): Promise<Article | null>;
  /** The stored article whose page is at this web address: its link, or where its page redirected
   *  when its copy was made, tracking parameters (utm_*, fbclid, ...), the scheme and the fragment
   *  aside; null for none. An article's link to another stored one opens it in the reader, offline. */
  storedArticleAt(url: string): Promise<ArticleId | null>;
  setRead(articleIds: ArticleId[], read: boolean): Promise<void>;
  setStarred(articleId: ArticleId, starred: boolean): Promise<void>;
  /** Marks the filter's articles read (only those published before `publishedBefore`, when given); returns how many. */
  markAllRead(filter: ArticleFilter, publishedBefore?: number): Promise<number>;
  /** Undoes markAllRead: the filter's articles marked read at or after `since` (ms) are unread again. */
  undoMarkAllRead(filter: ArticleFilter, since: number): Promise<number>;
  search(query: string, limit?: number): Promise<SearchHit[]>;
  /** How many articles the search matches in all (search returns the best of them). */
  countSearch(query: string): Promise<number>;

  // Comments and drafts (reading and writing them never touch the network)
  /** The article's stored comments, oldest first; parentId threads them. */
  listComments(articleId: ArticleId): Promise<Comment[]>;
  getDraft(draftId: DraftId): Promise<Draft | null>;
  /** Every draft not deleted, most recently changed first; only the article's when given. */
  getDrafts(articleId?: ArticleId): Promise<Draft[]>;
  /** Creates (no id) or edits a draft; on disk once it resolves. Remembers name, email and website. */
  saveDraft(input: DraftInput): Promise<SavedDraft>;
  /** Deletes a draft; restoreDraft undoes it (for a day). */
  deleteDraft(draftId: DraftId): Promise<void>;
  restoreDraft(draftId: DraftId): Promise<Draft>;
  exportDrafts(format: DraftExportFormat): Promise<string>;
  /** Posts the draft to its article's comment form, now (never automatically); see SendOutcome.
   *  `ticked`: the names of the form's consent checkboxes (CommentConsent) the person ticked for this send. */
  sendDraft(draftId: DraftId, ticked?: readonly string[]): Promise<SendResult>;
  /** sendDraft for every queued draft, one after the other. */
  sendQueuedDrafts(): Promise<SendResult[]>;

  // Storage
  storageInfo(): Promise<StorageInfo>;
  /** Deletes articles older than keepDays (never starred ones, nor ones with a draft), then unreferenced images. */
  applyRetention(keepDays: number | null): Promise<RetentionResult>;
  vacuum(): Promise<void>;

  // Preferences
  getSettings(): Promise<Settings>;
  updateSettings(patch: Partial<Settings>): Promise<Settings>;

  // What the person must know about this start (a damaged database replaced, ...)
  /** Notices not dismissed yet, oldest first. */
  getNotices(): Promise<StartupNotice[]>;
  dismissNotice(noticeId: string): Promise<void>;
}

/** Something that happened when the data folder was opened, shown until dismissed. */
export interface StartupNotice {
  readonly id: string;
  readonly title: string;
  readonly message: string;
}

export type ApiMethod = keyof PaperboyApi;

export interface PaperboyEvents {
  'sync-progress': SyncProgressEvent;
  'settings-changed': Settings;
  /**
   * Drafts were written, deleted, restored or sent: by this window, another one, or the CLI.
   * articleIds names the articles concerned when the core knows them (null: reload them all).
   */
  'drafts-changed': { readonly articleIds: readonly ArticleId[] | null };
  /** Subscriptions or folders changed, or (from another process: the CLI's sync) their articles: by this window, another one, or the CLI (feedIds null: reload them all). */
  'feeds-changed': { readonly feedIds: readonly FeedId[] | null };
  /** "Send all queued" moved on: a draft done, a wait for a site's flood check begun, or the end (done = total). */
  'send-progress': SendQueueProgress;
  /** Connectivity as the host sees it (Electron's net module; the browser's navigator.onLine in preview). */
  'network-changed': { readonly online: boolean };
  /** A menu or global shortcut asked the UI to do something. */
  command: UiCommand;
}

/** Things the native menu asks the renderer to do. */
export type UiCommand = 'add-feed' | 'import-opml' | 'export-opml' | 'sync' | 'search' | 'settings' | 'shortcuts';

export type PaperboyEventName = keyof PaperboyEvents;

/** What the renderer sees as `window.paperboy`. */
export interface PaperboyBridge extends PaperboyApi {
  /** Subscribes to an event stream; returns the unsubscribe function. */
  on<E extends PaperboyEventName>(event: E, listener: (payload: PaperboyEvents[E]) => void): () => void;
  /** Opens an http(s) or mailto link in the system browser (never inside the app). */
  openExternal(url: string): Promise<void>;
  /** True when the host knows it is offline right now. */
  isOffline(): boolean;
}
