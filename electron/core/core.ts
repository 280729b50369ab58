// The core: one object per data folder that owns the database, the HTTP client, the worker pool,
// the image cache, the sync engine and its schedule, and implements the API contract through the
// router. Hosts never see this class: they get the face in ./index.ts (openCore). Tests may
// construct it directly to reach its parts.
import { EventEmitter } from 'node:events';
import path from 'node:path';
import type { PaperboyApi, PaperboyEventName, PaperboyEvents, StartupNotice } from '../../shared/api';
import { errorMessage } from '../../shared/error-message';
import type { SyncRequest, SyncSummary } from '../../shared/types';
import { API_METHODS, CORE_EVENTS } from '../../shared/wire';
import { createRouter, type Router } from './api/router';
import { ImageCache } from './articles';
import { exportData } from './backup/export';
import type { BackupInfo } from './backup/format';
import { CommentSender, Drafts } from './comments';
import { createHttpClient, type HttpClient, type NetworkHooks, type ProxyResolver } from './http';
import type { CoreEventName, CoreEvents, Services } from './services';
import { FileSettings, openJsonSettingsFile, type KeyValueFile, type SettingsStore } from './settings/settings-store';
import { setAsideUnreadableSettings } from './settings/unreadable-file';
import {
  applyRetention, hasArticlesDue, hasQueuedForSearch, readOnlyNotice, recoveryNotice, Storage, watchOtherWriters, type WriterWatch,
} from './storage';
import { RecentAnswers } from './subscriptions/recent-answers';
import { SyncEngine } from './sync/engine';
import { DEFAULT_LIMITS, type SyncLimits } from './sync/limits';
import { SyncScheduler } from './sync/scheduler';
import { type FolderUse, recordUse } from './system/folder-users';
import { limitHeapGrowth } from './system/heap-growth';
import { USER_AGENT } from './system/version';
import { installWelcomeFeed } from './welcome/welcome';
import { FeedWriter, type RetentionRun } from './workers/feed-writer';
import { WorkerPool } from './workers/pool';

export interface CoreOptions {
  readonly dataDir: string;
  /** The settings file (config.json); the app passes electron-store, the others get `conf`. */
  readonly settingsFile?: (dataDir: string) => KeyValueFile;
  /**
   * Hosts that stay open beside others (the app, the preview) set this: changes other processes
   * make to drafts and subscriptions (the CLI, a second app) then arrive as events.
   */
  readonly watchOtherProcesses?: boolean;
  /**
   * Hosts that stay open (the app, the preview) set this: the articles a sync, an added feed or
   * another process stored are indexed for search a moment later, on a writer thread. Without it
   * (a command that ends with its work) they are indexed by the next search, or the next start of
   * such a host.
   */
  readonly indexSearchInBackground?: boolean;
  readonly syncConcurrency?: number;
  readonly perHostLimit?: number;
  /** Connections at once over all hosts (default 48; http/limiter.ts). */
  readonly maxConnections?: number;
  readonly workers?: number;
  /** Time-box of one parsing task in a worker (default 30 s; workers/pool.ts). */
  readonly taskTimeoutMs?: number;
  readonly timeoutMs?: number;
  /** A GET's wait for response headers (default 10 s, a feed's own 45 s; http/client.ts). */
  readonly firstByteTimeoutMs?: number;
  /** How long a body may stop coming before it is given up on (default 20 s; http/client.ts). */
  readonly idleTimeoutMs?: number;
  readonly limits?: SyncLimits;
  readonly now?: () => number;
  /** Install the built-in welcome feed into a new data folder (default true). */
  readonly welcome?: boolean;
  /** Tests only: DNS and which addresses count as the internet (production: dns.lookup and the real ranges). */
  readonly network?: NetworkHooks;
  /** The proxies to reach each address through (the system's for the app, the environment's for the CLI); none: direct. */
  readonly proxy?: ProxyResolver;
}

export const IMAGES_FOLDER = 'images';

/** A cached image: its file and the type recorded when its bytes were sniffed (host-kit decides what is served). */
export interface CachedImage {
  readonly file: string;
  readonly mime: string;
}

export class Core implements Services {
  readonly storage: Storage;
  readonly http: HttpClient;
  readonly pool: WorkerPool;
  readonly events: CoreEvents = new EventEmitter();
  readonly router: Router;
  /** The contract with every call validated, as a transport's would be. */
  readonly api: PaperboyApi;
  readonly settings: SettingsStore;
  readonly drafts: Drafts;
  readonly sender: CommentSender;
  readonly now: () => number;
  readonly recentAnswers: RecentAnswers;
  private readonly scheduler: SyncScheduler;
  private readonly folderUse: FolderUse;
  private readonly writers: WriterWatch | null;
  private imageCache: ImageCache | null = null;
  private syncEngine: SyncEngine | null = null;
  /** The writers of the housekeeping running now (applyRetention, compactDatabase), stopped by close(). */
  private readonly housekeepers = new Set<FeedWriter>();
  /** What the person must be told about this start; kept until they dismiss it. */
  private startupNotices: StartupNotice[];
  /** The search index's catching up in progress (indexForSearch), one at a time. */
  private searchIndexing: Promise<void> | null = null;
  /** indexForSearch's run after a sync or at start, waiting for its turn (indexForSearchSoon). */
  private searchIndexingTimer: NodeJS.Timeout | null = null;

  constructor(readonly options: CoreOptions) {
    this.now = options.now ?? Date.now;
    this.recentAnswers = new RecentAnswers(this.now);
    limitHeapGrowth();
    // Before the database opens: a restore started from now on sees this process and refuses.
    this.folderUse = recordUse(options.dataDir);
    try {
      this.storage = Storage.open(options.dataDir);
    } catch (error) {
      this.folderUse.release();
      throw error;
    }
    this.startupNotices = [
      ...(this.storage.recovery ? [recoveryNotice(this.storage.recovery)] : []),
      ...(this.storage.readOnly ? [readOnlyNotice(this.storage.readOnly)] : []),
    ];
    const settingsNotice = setAsideUnreadableSettings(options.dataDir);
    if (settingsNotice) this.startupNotices.push(settingsNotice);
    this.settings = new FileSettings((options.settingsFile ?? openJsonSettingsFile)(options.dataDir));
    if (options.welcome !== false) installWelcomeFeed(this.storage, this.now());
    this.http = createHttpClient({
      userAgent: USER_AGENT,
      perHostLimit: options.perHostLimit,
      maxConnections: options.maxConnections,
      // A fetch that does not say otherwise is content of a feed: it may not reach the local network.
      defaultScope: 'public',
      ...(options.network ? { network: options.network } : {}),
      ...(options.proxy ? { proxy: options.proxy } : {}),
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
      ...(options.firstByteTimeoutMs ? { firstByteTimeoutMs: options.firstByteTimeoutMs } : {}),
      ...(options.idleTimeoutMs ? { idleTimeoutMs: options.idleTimeoutMs } : {}),
    });
    this.pool = new WorkerPool(options.workers, options.taskTimeoutMs);
    this.drafts = new Drafts({
      storage: this.storage,
      settings: this.settings,
      now: this.now,
      onSettingsChanged: (settings) => this.events.emit('settings-changed', settings),
    });
    // Opening the data folder recovers sends a crashed process left half-done (sender.ts, rule 3).
    this.sender = new CommentSender({ storage: this.storage, http: this.http, pool: this.pool, now: this.now, feedBytes: (options.limits ?? DEFAULT_LIMITS).feedBytes });
    this.router = createRouter(this);
    this.api = Object.fromEntries(API_METHODS.map((method) => [method, (...args: unknown[]) => this.router.call(method, args)])) as unknown as PaperboyApi;
    this.scheduler = new SyncScheduler(
      { running: () => this.syncEngine?.running ?? false, sync: () => this.sync({}) },
      (error) => console.error(`paperboy: a scheduled sync failed: ${errorMessage(error)}`),
    );
    this.events.on('settings-changed', (settings) => this.scheduler.apply(settings));
    this.writers = options.watchOtherProcesses
      ? watchOtherWriters(this.storage.db, {
          drafts: () => this.events.emit('drafts-changed', { articleIds: null }),
          feeds: () => this.events.emit('feeds-changed', { feedIds: null }),
          syncEndedElsewhere: () => this.events.emit('sync-progress', { type: 'sync-ended-elsewhere' }),
        })
      : null;
    if (options.indexSearchInBackground) {
      // Articles a command-line sync stored are indexed once the app has started; those a feed
      // added here or another process stored, a moment after.
      if (hasQueuedForSearch(this.storage.db)) this.indexForSearchSoon();
      this.events.on('feeds-changed', () => this.indexForSearchSoon());
    }
  }

  /**
   * The image cache, made at its first use: making it starts a tidy-up that reads every folder of
   * the cache (10,000 images: 257 folders), which a command that shows no image must not wait for.
   */
  get images(): ImageCache {
    return (this.imageCache ??= new ImageCache(path.join(this.options.dataDir, IMAGES_FOLDER), { maxImageBytes: (this.options.limits ?? DEFAULT_LIMITS).imageBytes }));
  }

  /** The sync engine, made at the first sync (it holds the image cache). */
  get engine(): SyncEngine {
    if (!this.syncEngine) {
      this.syncEngine = new SyncEngine({
        storage: this.storage,
        http: this.http,
        pool: this.pool,
        images: this.images,
        concurrency: () => this.options.syncConcurrency ?? this.settings.get().syncConcurrency,
        limits: this.options.limits,
        now: this.now,
        // A removal's deletion or a compaction holds the sync lock: a sync asked for meanwhile (a
        // button, the schedule) waits for it instead of being refused.
        waitFirst: () => this.router.busy(),
      });
      this.syncEngine.on('progress', (event) => this.events.emit('sync-progress', event));
    }
    return this.syncEngine;
  }

  /**
   * Every sync, whoever asks (a button, the schedule, the CLI): then the retention the person
   * chose (default 90 days), so the cache never grows without bound. A cancelled sync skips it.
   */
  async sync(request: SyncRequest): Promise<SyncSummary> {
    const summary = await this.engine.sync(request);
    if (this.options.indexSearchInBackground) this.indexForSearchSoon();
    if (summary.cancelled) return summary;
    try {
      await this.applyRetention(this.settings.get().keepDays);
    } catch (error) {
      // The tidy-up runs again after the next sync; its failing (a full disk) must not hide what this one did.
      const message = errorMessage(error);
      return summary.warnings.includes(message) ? summary : { ...summary, warnings: [...summary.warnings, message] };
    }
    return summary;
  }

  async applyRetention(keepDays: number | null): Promise<RetentionRun> {
    // Most syncs delete nothing: what is left (orphan images, free pages) is small and bounded, and
    // a thread would cost more to start than the work.
    if (!hasArticlesDue(this.storage.db, keepDays, this.now())) return applyRetention(this.storage.db, this.images, keepDays, this.now());
    return this.onWriterOfItsOwn((writer) => writer.retain(this.images, keepDays, this.now()));
  }

  compactDatabase(): Promise<void> {
    return this.onWriterOfItsOwn((writer) => writer.compact());
  }

  indexForSearch(): Promise<void> {
    if (this.searchIndexing) return this.searchIndexing;
    if (this.storage.readOnly || !hasQueuedForSearch(this.storage.db)) return Promise.resolve();
    const indexing = this.onWriterOfItsOwn((writer) => writer.indexSearch()).then(
      () => undefined,
      // Searches index what is left on their own (Storage.search); the next sync tries again.
      (error: unknown) => console.error(`paperboy: the search index could not take the newest articles: ${errorMessage(error)}`),
    );
    this.searchIndexing = indexing.finally(() => {
      this.searchIndexing = null;
    });
    return this.searchIndexing;
  }

  /** indexForSearch in a moment: after a sync, the lists the person opens next are read first. */
  private indexForSearchSoon(): void {
    if (this.searchIndexingTimer) return;
    this.searchIndexingTimer = setTimeout(() => {
      this.searchIndexingTimer = null;
      void this.indexForSearch();
    }, SEARCH_INDEXING_DELAY_MS);
    this.searchIndexingTimer.unref();
  }

  /** Housekeeping on a database writer thread started for it, closed after (close() waits for it). */
  private async onWriterOfItsOwn<T>(work: (writer: FeedWriter) => Promise<T>): Promise<T> {
    const writer = new FeedWriter(this.storage.db.path, this.storage.readOnly);
    this.housekeepers.add(writer);
    try {
      return await work(writer);
    } finally {
      this.housekeepers.delete(writer);
      await writer.close();
    }
  }

  cancelSync(): boolean {
    return this.syncEngine?.cancel() ?? false;
  }

  /** Validates and runs one call from a transport (method name and raw arguments). */
  call(method: string, args: unknown): Promise<unknown> {
    return this.router.call(method, args);
  }

  async idle(): Promise<void> {
    await this.router.settled();
  }

  on<E extends PaperboyEventName>(event: E, listener: (payload: PaperboyEvents[E]) => void): () => void {
    if (!(CORE_EVENT_SET as ReadonlySet<string>).has(event)) return () => undefined;
    const emitter = this.events as unknown as EventEmitter;
    emitter.on(event, listener);
    return () => emitter.off(event, listener);
  }

  /** Syncs on the person's schedule (Settings: on start, every N hours) until close(). */
  startScheduledSyncs(): void {
    this.scheduler.start(this.settings.get());
  }

  cachedImage(hash: string): CachedImage | null {
    if (!/^[0-9a-f]{64}$/.test(hash)) return null;
    const mime = this.storage.articles.imageMime(hash);
    return mime ? { file: this.images.path(hash), mime } : null;
  }

  /**
   * All data (a consistent snapshot of the database, config.json, the image cache) in one file;
   * see backup/format.ts. Not an API method: the file is chosen in the main process or the CLI.
   */
  exportData(file: string): Promise<BackupInfo> {
    // In a worker thread with its own connection (see backup/export.ts): the process stays responsive.
    return exportData({ dataDir: this.dataDir, imagesDir: path.join(this.dataDir, IMAGES_FOLDER) }, file);
  }

  notices(): readonly StartupNotice[] {
    return this.startupNotices;
  }

  dismissNotice(id: string): void {
    this.startupNotices = this.startupNotices.filter((notice) => notice.id !== id);
  }

  get dataDir(): string {
    return this.options.dataDir;
  }

  async close(): Promise<void> {
    if (this.searchIndexingTimer) clearTimeout(this.searchIndexingTimer);
    this.searchIndexingTimer = null;
    this.scheduler.stop();
    this.writers?.stop();
    this.syncEngine?.cancel();
    // Between two of their transactions: the database is not written to once the core is closed.
    await Promise.all([...this.housekeepers].map((writer) => writer.close()));
    await this.pool.close();
    this.http.close();
    this.storage.close();
    this.folderUse.release();
  }
}

const CORE_EVENT_SET: ReadonlySet<CoreEventName> = new Set(CORE_EVENTS);

/** How long after a sync (or the core's start) the search index catches up (indexForSearchSoon). */
const SEARCH_INDEXING_DELAY_MS = 2_000;
