// One sync at a time per data folder, across processes: the app, a cron job's `paperboy sync` and
// a second terminal share one database, and two syncs at once would each download every feed and
// page (no damage, but double the work, and two summaries claiming the same articles).
// The sync that runs is named in a row of app_meta, read and written in one IMMEDIATE transaction
// (SQLite's write lock), so two processes starting at the same instant cannot both find it free;
// a lock file would need a separate, racy step to take over one a crashed process left behind.
// A row left by a crash counts only while its process runs (folder-users' stillRunning); one of
// this process counts only while held here, so a row copied into a backup during a sync and
// restored in the same app session never blocks it.
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { ApiErrorCode } from '../../../shared/wire';
import type { Sqlite } from '../storage';
import { stillRunning } from '../system/folder-users';

const OWNER_KEY = 'sync_owner';
/** What a compaction holds the lock as (the refusal and compactionHoldsLock read it). */
export const COMPACTING = 'compacting the database';

interface Owner {
  readonly pid: number;
  readonly host: string;
  /** Tells apart two cores of one process (tests have them). */
  readonly token: string;
  readonly since: number;
  /** What holds it when not a sync: housekeeping that must not meet one ("compacting the database"). */
  readonly doing?: string;
}

export class SyncRunningElsewhereError extends Error {
  readonly code: ApiErrorCode = 'refused';
  constructor(readonly pid: number, doing?: string) {
    super(
      doing === undefined
        ? `Another Paperboy process (pid ${pid}) is syncing this data folder; try again when its sync has finished.`
        : pid === process.pid
          ? `Paperboy is ${doing} in this data folder; try again in a moment.`
          : `Another Paperboy process (pid ${pid}) is ${doing} in this data folder; try again in a moment.`,
    );
    this.name = 'SyncRunningElsewhereError';
  }
}

export interface SyncLock {
  /** Idempotent; never throws (the database may be closed under a cancelled sync). */
  release(): void;
}

/** The syncs this process runs now, by token. */
const heldHere = new Set<string>();

/** Names this process's sync (or, with `doing`, housekeeping that must not meet a sync) as the
 *  folder's one; throws SyncRunningElsewhereError when another holds it. */
export function takeSyncLock(db: Sqlite, doing?: string): SyncLock {
  const owner: Owner = { pid: process.pid, host: os.hostname(), token: randomBytes(8).toString('hex'), since: Date.now(), ...(doing === undefined ? {} : { doing }) };
  const value = JSON.stringify(owner);
  try {
    db.transaction(() => {
      const holder = ownerOf(db.value<string>('SELECT value FROM app_meta WHERE key = ?', [OWNER_KEY]));
      if (holder && isSyncing(holder)) throw new SyncRunningElsewhereError(holder.pid, holder.doing);
      db.run('INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value', [OWNER_KEY, value]);
    });
  } catch (error) {
    if (error instanceof SyncRunningElsewhereError) throw error;
    // A database that cannot be written (a full or read-only disk) stores nothing a second sync
    // could double: the sync goes ahead and says what failed, as it did before this lock.
    return { release: () => undefined };
  }
  heldHere.add(owner.token);
  return {
    release: () => {
      heldHere.delete(owner.token);
      try {
        db.run('DELETE FROM app_meta WHERE key = ? AND value = ?', [OWNER_KEY, value]);
      } catch {
        // Closed or unwritable: the row is left to the liveness check above.
      }
    },
  };
}

/**
 * Whether a compaction holds the folder's lock as this is read: another process's (`paperboy call
 * vacuum` beside the open app) or another core's. Its VACUUM holds SQLite's write lock throughout,
 * so a write would wait for it on the caller's thread. One read of a row; a database that cannot be
 * read answers false, and the write meets what it meets.
 */
export function compactionHoldsLock(db: Sqlite): boolean {
  try {
    const holder = ownerOf(db.value<string>('SELECT value FROM app_meta WHERE key = ?', [OWNER_KEY]));
    return holder?.doing === COMPACTING && isSyncing(holder);
  } catch {
    return false;
  }
}

function isSyncing(holder: Owner): boolean {
  // A database copied from another machine: its process ids mean nothing here.
  if (holder.host !== os.hostname()) return false;
  if (holder.pid === process.pid) return heldHere.has(holder.token);
  return stillRunning(holder.pid, holder.since);
}

function ownerOf(value: string | undefined): Owner | null {
  if (value === undefined) return null;
  try {
    const owner = JSON.parse(value) as Partial<Owner>;
    const valid = typeof owner.pid === 'number' && typeof owner.host === 'string' && typeof owner.token === 'string' && typeof owner.since === 'number' && (owner.doing === undefined || typeof owner.doing === 'string');
    return valid ? (owner as Owner) : null;
  } catch {
    return null;
  }
}
