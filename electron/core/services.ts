// The core's parts as one type. A module that needs some of them asks for a slice of this type
// (Pick<Services, 'storage' | 'now'>), never for the core itself: the dependency is visible in
// its signature, a test hands it just that slice, and nothing imports core.ts back (no circles).
import type { EventEmitter } from 'node:events';
import type { PaperboyEvents, StartupNotice } from '../../shared/api';
import type { SyncRequest, SyncSummary } from '../../shared/types';
import type { ImageCache } from './articles';
import type { CommentSender, Drafts } from './comments';
import type { HttpClient } from './http';
import type { SettingsStore } from './settings/settings-store';
import type { Storage } from './storage';
import type { RecentAnswers } from './subscriptions/recent-answers';
import type { RetentionRun } from './workers/feed-writer';
import type { WorkerPool } from './workers/pool';
import type { CORE_EVENTS } from '../../shared/wire';

export type CoreEventName = (typeof CORE_EVENTS)[number];

/** The events the core emits, typed by the contract (shared/api.ts PaperboyEvents). */
export type CoreEvents = EventEmitter<{ [E in CoreEventName]: [PaperboyEvents[E]] }>;

export interface Services {
  readonly dataDir: string;
  readonly storage: Storage;
  readonly http: HttpClient;
  readonly pool: WorkerPool;
  readonly images: ImageCache;
  readonly settings: SettingsStore;
  readonly drafts: Drafts;
  readonly sender: CommentSender;
  readonly events: CoreEvents;
  readonly now: () => number;
  /** What Add feed fetched in the last few minutes: a feed picked from the list it offered is not fetched again. */
  readonly recentAnswers: RecentAnswers;
  /** The one way a sync runs (a button, the schedule, the CLI): the engine, then retention. */
  sync(request: SyncRequest): Promise<SyncSummary>;
  /** What the cache forgets (storage/retention.ts), on a database writer thread of its own: on a
   *  big library it writes for seconds, and the main thread (the app's main process) only waits.
   *  Whatever `keepDays` (null: no age limit), the articles of the feeds unsubscribed from go first. */
  applyRetention(keepDays: number | null): Promise<RetentionRun>;
  /** Rewrites the database without its free pages (storage compactDatabase), on a writer thread
   *  of its own: a VACUUM takes about a second per 200 MB, which the app's main process must not
   *  spend. Throws CompactionRoomError (by name, from the thread) when the disk has no room for it. */
  compactDatabase(): Promise<void>;
  /** Indexes the articles stored since the search index last caught up (storage search-queue.ts)
   *  on a writer thread of its own, so that a search finds them without the main thread indexing;
   *  resolves when done (at once when nothing waits), never rejects. */
  indexForSearch(): Promise<void>;
  /** Cancels the running sync; false when none was running. */
  cancelSync(): boolean;
  /** What the person must be told about this start, until they dismiss it. */
  notices(): readonly StartupNotice[];
  dismissNotice(id: string): void;
}
