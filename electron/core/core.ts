// The core's public face: one object per data folder that owns the database, the HTTP client,
// the worker pool, the image cache and the sync engine, and exposes the API contract through
// the router. The Electron main process, the CLI and the tests all start here.
import path from 'node:path';
import type { PaperboyApi, PaperboyEvents, StartupNotice } from '../../shared/api';
import { createRouter, type Router } from './api/router';
import { ImageCache } from './articles';
import { CommentSender, Drafts } from './comments';
import { createHttpClient, type HttpClient, type NetworkHooks } from './http';
import { Storage, applyRetention } from './storage';
import { recoveryNotice } from './storage/recovery';
import { exportData } from './backup/export';
import type { BackupInfo } from './backup/format';
import { restoreData, type RestoreResult } from './backup/restore';
import type { SyncRequest, SyncSummary } from '../../shared/types';
import { DEFAULT_LIMITS, type SyncLimits } from './sync/limits';
import { SyncEngine } from './sync/engine';
import { USER_AGENT } from './system/version';
import { installWelcomeFeed } from './welcome/welcome';
import { WorkerPool } from './workers/pool';
import { ConfSettingsStore, type SettingsStore } from './settings/settings-store';
import { EventEmitter } from 'node:events';
import { type FolderUse, recordUse } from './system/folder-users';
import { errorMessage } from '../../shared/error-message';

export interface CoreOptions {
  readonly dataDir: string;
  /** Defaults to config.json in the data folder (the Electron shell passes its electron-store). */
  readonly settings?: SettingsStore;
  readonly syncConcurrency?: number;
  readonly perHostLimit?: number;
  /** Connections at once over all hosts (default 48; http/limiter.ts). */
  readonly maxConnections?: number;
  readonly workers?: number;
  /** Time-box of one parsing task in a worker (default 30 s; workers/pool.ts). */
  readonly taskTimeoutMs?: number;
  readonly timeoutMs?: number;
  readonly limits?: SyncLimits;
  readonly now?: () => number;
  /** Install the built-in welcome feed into a new data folder (default true). */
  readonly welcome?: boolean;
  /** Tests only: DNS and which addresses count as the internet (production: dns.lookup and the real ranges). */
  readonly network?: NetworkHooks;
}

export const IMAGES_FOLDER = 'images';

export class PaperboyCore {
  readonly storage: Storage;
  readonly http: HttpClient;
  readonly pool: WorkerPool;
  readonly images: ImageCache;
  readonly engine: SyncEngine;
  readonly events = new EventEmitter<{ [E in keyof PaperboyEvents]: [PaperboyEvents[E]] }>();
  readonly router: Router;
  readonly api: PaperboyApi;
  readonly settings: SettingsStore;
  readonly drafts: Drafts;
  readonly sender: CommentSender;
  private readonly folderUse: FolderUse;
  /** What the person must be told about this start; kept until they dismiss it. */
  private startupNotices: StartupNotice[];

  constructor(readonly options: CoreOptions) {
    const now = options.now ?? Date.now;
    // Before the database opens: a restore started from now on sees this process and refuses.
    this.folderUse = recordUse(options.dataDir);
    try {
      this.storage = Storage.open(options.dataDir);
    } catch (error) {
      this.folderUse.release();
      throw error;
    }
    this.startupNotices = this.storage.recovery ? [recoveryNotice(this.storage.recovery)] : [];
    this.settings = options.settings ?? new ConfSettingsStore(options.dataDir);
    if (options.welcome !== false) installWelcomeFeed(this.storage, now());
    this.http = createHttpClient({
      userAgent: USER_AGENT,
      perHostLimit: options.perHostLimit,
      maxConnections: options.maxConnections,
      // A fetch that does not say otherwise is content of a feed: it may not reach the local network.
      defaultScope: 'public',
      ...(options.network ? { network: options.network } : {}),
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    });
    this.pool = new WorkerPool(options.workers, options.taskTimeoutMs);
    this.images = new ImageCache(path.join(options.dataDir, IMAGES_FOLDER), { maxImageBytes: (options.limits ?? DEFAULT_LIMITS).imageBytes });
    this.engine = new SyncEngine({
      storage: this.storage,
      http: this.http,
      pool: this.pool,
      images: this.images,
      concurrency: () => options.syncConcurrency ?? this.settings.get().syncConcurrency,
      limits: options.limits,
      now,
    });
    this.engine.on('progress', (event) => this.events.emit('sync-progress', event));
    this.drafts = new Drafts({
      storage: this.storage,
      settings: this.settings,
      now,
      onSettingsChanged: (settings) => this.events.emit('settings-changed', settings),
    });
    // Opening the data folder recovers sends a crashed process left half-done (sender.ts, rule 3).
    this.sender = new CommentSender({ storage: this.storage, http: this.http, pool: this.pool, now, feedBytes: (options.limits ?? DEFAULT_LIMITS).feedBytes });
    this.router = createRouter(this, now);
    this.api = this.router.api;
  }

  /**
   * A sync as the person asks for it: then the retention they chose (default 90 days), so the
   * cache never grows without bound. A cancelled sync skips the tidy-up.
   */
  async sync(request: SyncRequest): Promise<SyncSummary> {
    const summary = await this.engine.sync(request);
    if (summary.cancelled) return summary;
    try {
      await applyRetention(this.storage.db, this.images, this.settings.get().keepDays, (this.options.now ?? Date.now)());
    } catch (error) {
      // The tidy-up runs again after the next sync; its failing (a full disk) must not hide what this one did.
      const message = errorMessage(error);
      return summary.warnings.includes(message) ? summary : { ...summary, warnings: [...summary.warnings, message] };
    }
    return summary;
  }

  /**
   * All data (a consistent snapshot of the database, config.json, the image cache) in one file;
   * see backup/format.ts. Not an API method: the file is chosen in the main process or the CLI.
   */
  exportData(file: string): Promise<BackupInfo> {
    // In a worker thread with its own connection (see backup/export.ts): the process stays responsive.
    return exportData({ dataDir: this.dataDir, imagesDir: path.join(this.dataDir, IMAGES_FOLDER) }, file);
  }

  get notices(): readonly StartupNotice[] {
    return this.startupNotices;
  }

  dismissNotice(id: string): void {
    this.startupNotices = this.startupNotices.filter((notice) => notice.id !== id);
  }

  get dataDir(): string {
    return this.options.dataDir;
  }

  async close(): Promise<void> {
    this.engine.cancel();
    await this.pool.close();
    this.http.close();
    this.storage.close();
    this.folderUse.release();
  }
}

/**
 * Replaces a CLOSED data folder's data with a backup's (see backup/restore.ts); refuses with
 * DataFolderInUseError, changing nothing, while another process has the folder open.
 */
export function restoreDataFolder(dataDir: string, file: string): RestoreResult {
  return restoreData(dataDir, path.join(dataDir, IMAGES_FOLDER), file);
}

export function openCore(options: CoreOptions): PaperboyCore {
  return new PaperboyCore(options);
}
