// Changes that other processes make to this data folder: the CLI saving a draft or adding a
// feed while the app is open. SQLite bumps `PRAGMA data_version` whenever another connection
// commits, so a cheap poll tells that something changed; a small fingerprint of the drafts and
// of the subscriptions then tells which, so a sync in the CLI (which writes articles) does not
// make the app reload its drafts every second. The subscriptions' print takes in each feed's
// article and unread counts (feed_counts, one row a feed): a CLI sync's new articles, or articles
// marked read there, reach the open app's sidebar and list.
// Which process syncs is read from the sync lock's row (sync/sync-lock.ts) at each poll: the
// end of another process's sync is told (a sync refused because of it may run now), and the
// counts this process's own sync changes are not: its writer thread is "another connection" to
// SQLite, and its feed-done events already reload what those counts show.
import os from 'node:os';
import { stillRunning } from '../system/folder-users';
import type { Sqlite } from './sqlite';

export interface WriterWatch {
  stop(): void;
}

export interface WriterListeners {
  drafts(): void;
  feeds(): void;
  /** Another process's sync ended (or that process did): a sync refused because of it may run now. */
  syncEndedElsewhere?(): void;
}

const POLL_MS = 1000;
/** The sync lock's row in app_meta (sync/sync-lock.ts writes it: {pid, host, since, ...}). */
const SYNC_OWNER_KEY = 'sync_owner';

type Syncer = 'nobody' | 'this process' | 'another process';

function draftsPrint(db: Sqlite): string {
  return db.value<string>("SELECT count(*) || ':' || total(updated_at) || ':' || group_concat(id || state || coalesce(deleted_at, '') || '/' || coalesce(article_id, ''), ',') FROM drafts") ?? '';
}

/** The subscriptions and where they are filed, and the folders: what a sync never changes. */
function feedsPrint(db: Sqlite): string {
  return (
    db.value<string>(
      "SELECT (SELECT count(*) || ':' || total(id) || ':' || total(coalesce(folder_id, 0)) FROM feeds)" +
        " || '/' || (SELECT count(*) || ':' || total(id) || ':' || total(coalesce(parent_id, 0)) || ':' || total(length(name)) FROM folders)",
    ) ?? ''
  );
}

/** What a sync changes too: the feeds' names (a redundant custom title is dropped), their article and unread counts. */
function countsPrint(db: Sqlite): string {
  return (
    db.value<string>(
      "SELECT (SELECT total(length(coalesce(custom_title, ''))) FROM feeds) || '/' || (SELECT total(total) || ':' || total(unread) FROM feed_counts)",
    ) ?? ''
  );
}

/** The sync lock's row as written, or undefined when nobody holds it. */
function ownerRow(db: Sqlite): string | undefined {
  return db.value<string>('SELECT value FROM app_meta WHERE key = ?', [SYNC_OWNER_KEY]);
}

/** Who holds the sync lock, by its row; a row left by a crashed process (or another machine's) is nobody's. */
function whoSyncs(row: string | undefined): { readonly syncer: Syncer; readonly pid: number | null } {
  if (row === undefined) return { syncer: 'nobody', pid: null };
  try {
    const { pid, host, since } = JSON.parse(row) as { pid?: unknown; host?: unknown; since?: unknown };
    if (typeof pid !== 'number' || typeof since !== 'number' || host !== os.hostname()) return { syncer: 'nobody', pid: null };
    if (pid === process.pid) return { syncer: 'this process', pid };
    return { syncer: stillRunning(pid, since) ? 'another process' : 'nobody', pid };
  } catch {
    return { syncer: 'nobody', pid: null };
  }
}

export function watchOtherWriters(db: Sqlite, listeners: WriterListeners, everyMs = POLL_MS): WriterWatch {
  let version = db.value<number>('PRAGMA data_version');
  let ownChanges = db.value<number>('SELECT total_changes()');
  let drafts = draftsPrint(db);
  let feeds = feedsPrint(db);
  let counts = countsPrint(db);
  let row = ownerRow(db);
  let syncer = whoSyncs(row).syncer;
  const takePrints = () => {
    drafts = draftsPrint(db);
    feeds = feedsPrint(db);
    counts = countsPrint(db);
  };
  const timer = setInterval(() => {
    try {
      // Read at every poll, not only after a commit: a process killed mid-sync commits nothing more.
      const [before, rowBefore] = [syncer, row];
      row = ownerRow(db);
      const holder = whoSyncs(row);
      syncer = holder.syncer;
      // Ended since the last poll; or begun and ended since, a process killed within the second
      // (its row left behind, its pid gone), which a Sync pressed meanwhile was refused for.
      const endedUnseen = row !== rowBefore && syncer === 'nobody' && holder.pid !== null && holder.pid !== process.pid;
      if ((before === 'another process' && syncer !== 'another process') || endedUnseen) listeners.syncEndedElsewhere?.();
      const now = db.value<number>('PRAGMA data_version');
      const ownNow = db.value<number>('SELECT total_changes()');
      const wroteHere = ownNow !== ownChanges;
      ownChanges = ownNow;
      if (now === version) {
        // Only this connection wrote (a feed added in the app): its hosts were told at the time; a
        // print left behind took it for another writer's at the next commit from elsewhere.
        if (wroteHere) takePrints();
        return;
      }
      version = now;
      const [wasDrafts, wasFeeds, wasCounts] = [drafts, feeds, counts];
      takePrints();
      // This process's sync ran during the interval: the counts and names moved by its own stores.
      // Another process cannot sync meanwhile (the lock), and what it writes else (a draft, a
      // feed, a folder) is still told; a count or name it changed shows with the reload that ends the sync.
      const ownSync = before === 'this process' || syncer === 'this process';
      if (drafts !== wasDrafts) listeners.drafts();
      if (feeds !== wasFeeds || (counts !== wasCounts && !ownSync)) listeners.feeds();
    } catch {
      // A busy or closing database: the next tick looks again.
    }
  }, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
