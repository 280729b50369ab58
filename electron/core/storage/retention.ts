// Retention: what the cache forgets, and what it never forgets.
// An article older than the kept window is deleted unless it is starred, ships with the app or
// has a comment draft (one not deleted, whatever its state: the Drafts view still shows the
// article it belongs to). Its id and its story are kept as a tombstone so that an item still
// listed in its feed, even under a new unique id, is not added again as new. Image files nobody
// references any more are then removed, and the pages the deleted rows leave free are given back
// to the disk (releaseFreePages).
// The app runs it on the database writer thread (workers/feed-writer.ts retain): on a big library
// it writes for many seconds, and its transactions each held the thread running them for up to a
// few tenths of a second. Between two of them it waits for a turn of the main thread's event loop
// (`between`), so a write there (a star, a read mark) waits for one transaction at most.
// It also deletes the articles of the feeds the person unsubscribed from (FeedsRepo.unsubscribe
// leaves them, unseen without their feed), first, whatever the age kept: the same slices, without
// tombstones. Until then the feed stays noted in app_meta, so a process that ends between two
// slices leaves the rest to the next retention (every sync ends with one).
import { statfsSync } from 'node:fs';
import path from 'node:path';
import type { RetentionResult } from '../../../shared/types';
import type { ImageCache } from '../articles';
import { diskFullCode } from '../system/disk-full';
import type { Sqlite } from './sqlite';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Articles that must survive retention whatever their age. One whose feed is gone is its
 *  removal's (deleteArticlesOfRemovedFeeds): a tombstone's story would name a feed not there. */
export const PROTECTED_ARTICLE = `(
  (SELECT starred FROM article_status WHERE article_id = a.id) = 1
  OR coalesce((SELECT builtin FROM feeds WHERE id = a.feed_id), 1) = 1
  OR EXISTS (SELECT 1 FROM drafts d WHERE d.article_id = a.id AND d.deleted_at IS NULL)
)`;

/** The image files retention frees, deleted through the cache that knows them (on the writer
 *  thread, the main thread's, by message). */
export type ImageFiles = Pick<ImageCache, 'delete'>;

/** What retention waits for between two of its transactions: by default a turn of the event loop
 *  of the thread it runs on. */
export type BetweenTransactions = () => Promise<void>;
const nextTurn: BetweenTransactions = () => new Promise((resolve) => setImmediate(resolve));

/** With the counts, whether the free pages went back to the disk: false when the database is not
 *  in incremental auto-vacuum yet (releaseFreePages), which only a compaction changes. */
export async function applyRetention(
  db: Sqlite, images: ImageFiles, keepDays: number | null, now = Date.now(), between = nextTurn,
): Promise<RetentionResult & { readonly freePagesReleased: boolean }> {
  await deleteArticlesOfRemovedFeeds(db, between);
  const articlesDeleted = keepDays === null ? 0 : await deleteOldArticles(db, now - keepDays * DAY_MS, now, between);
  const { imagesDeleted, bytesFreed } = await collectUnreferencedImages(db, images);
  const freePagesReleased = await releaseFreePages(db, between);
  return { articlesDeleted, imagesDeleted, bytesFreed, freePagesReleased };
}

/** Whether any article is due for deletion (a removed feed's, or one past the kept window): a
 *  few indexed looks, so that a retention with nothing to delete (most syncs) needs no writer
 *  thread of its own. */
export function hasArticlesDue(db: Sqlite, keepDays: number | null, now = Date.now()): boolean {
  if (removedFeeds(db).some((feedId) => db.value<number>('SELECT 1 FROM articles WHERE feed_id = ? LIMIT 1', [feedId]) === 1)) return true;
  if (keepDays === null) return false;
  const cutoff = now - keepDays * DAY_MS;
  return db.value<number>(
    `SELECT 1 FROM articles a WHERE a.published_at < ? AND a.first_seen_at < ? AND NOT ${PROTECTED_ARTICLE} LIMIT 1`,
    [cutoff, cutoff],
  ) === 1;
}

/**
 * Articles deleted per transaction. Each costs its search-index rows, grams and count triggers:
 * on a 76,000-article library one transaction deleting 55,000 held the thread (then the Electron
 * app's main process) for 4.2-5.5 s. Slices of 250 take some 60 ms each, up to about 0.3 s when
 * their commit checkpoints the WAL; the whole takes longer (about 14 s: each commit writes the
 * index pages it shares with the others again) but other writers get their turn between slices:
 * on the writer thread, a slice is the longest the main thread's writes wait for the database.
 * Slices of 100 were no shorter at their longest (the checkpoints) and took 25 s in all.
 */
export const RETENTION_SLICE = 250;

/**
 * Deletes the articles published and first seen before `cutoff` that are not protected, a slice
 * at a time in date order, waiting `between` slices. Each slice is checked again as it runs: an
 * article starred meanwhile is kept.
 */
function deleteOldArticles(db: Sqlite, cutoff: number, now: number, between: BetweenTransactions): Promise<number> {
  const slice = (after: SlicePosition | null) => db.all<SliceRow>(
    `SELECT a.id, a.published_at FROM articles a
     WHERE a.published_at < ? AND a.first_seen_at < ? AND NOT ${PROTECTED_ARTICLE}
       ${after ? 'AND (a.published_at, a.id) > (?, ?)' : ''}
     ORDER BY a.published_at, a.id LIMIT ${RETENTION_SLICE}`,
    after ? [cutoff, cutoff, after.at, after.id] : [cutoff, cutoff],
  );
  return deleteInSlices(db, slice, now, between);
}

/** Where in date order a slice ended (the next one starts after it). */
interface SlicePosition {
  readonly at: number;
  readonly id: string;
}
interface SliceRow {
  readonly id: string;
  readonly published_at: number;
}

/**
 * Deletes the articles `slice` chooses, one transaction of up to RETENTION_SLICE at a time (each
 * chosen inside its transaction, after where the last one ended), waiting `between` them. With
 * `tombstonesAt`, each leaves its tombstone and story (retention's, not a removed feed's).
 */
async function deleteInSlices(
  db: Sqlite, slice: (after: SlicePosition | null) => SliceRow[], tombstonesAt: number | null, between: BetweenTransactions,
): Promise<number> {
  let deleted = 0;
  let after: SlicePosition | null = null;
  for (;;) {
    const done = db.transaction(() => {
      const doomed = slice(after);
      if (doomed.length === 0) return true;
      deleted += deleteArticles(db, doomed.map((row) => row.id), tombstonesAt);
      const last = doomed[doomed.length - 1]!;
      after = { at: last.published_at, id: last.id };
      return doomed.length < RETENTION_SLICE;
    });
    if (done) return deleted;
    await between();
  }
}

/** Deletes these articles (their status, text, search rows, grams and counts go by the schema's
 *  cascades and triggers); with `tombstonesAt`, each leaves its tombstone and story. */
function deleteArticles(db: Sqlite, ids: readonly string[], tombstonesAt: number | null): number {
  const list = ids.map(() => '?').join(',');
  if (tombstonesAt !== null) {
    // With its story: an item still in the feed under a new unique id is found by it (articles-repo.ts).
    db.run(`INSERT OR REPLACE INTO article_tombstones (id, deleted_at) SELECT id, ? FROM articles WHERE id IN (${list})`, [tombstonesAt, ...ids]);
    db.run(
      `INSERT OR REPLACE INTO tombstone_stories (id, feed_id, unique_id, url, title, published_at, has_date)
         SELECT id, feed_id, unique_id, url, title, published_at, has_date FROM articles WHERE id IN (${list})`,
      ids,
    );
  }
  return db.run(`DELETE FROM articles WHERE id IN (${list})`, ids).changes;
}

/** app_meta's list of the feeds unsubscribed from whose articles or stories are not all deleted
 *  yet (a JSON array of feed ids). */
const REMOVED_FEEDS_KEY = 'removed_feeds';

/** SQL: the highest id of those feeds (NULL when none), which no new feed may be given. */
export const HIGHEST_REMOVED_FEED = `(SELECT max(r.value) FROM app_meta m, json_each(m.value) r WHERE m.key = '${REMOVED_FEEDS_KEY}')`;

/** The feeds FeedsRepo.unsubscribe removed whose rows are not all deleted yet. */
function removedFeeds(db: Sqlite): number[] {
  const value = db.value<string>('SELECT value FROM app_meta WHERE key = ?', [REMOVED_FEEDS_KEY]);
  return value === undefined ? [] : (JSON.parse(value) as number[]);
}

/** Notes a feed whose row went without its articles (in the transaction that deletes the row). */
export function noteRemovedFeed(db: Sqlite, feedId: number): void {
  db.run(
    `INSERT INTO app_meta (key, value) VALUES (?, json_array(?))
     ON CONFLICT(key) DO UPDATE SET value = json_insert(value, '$[#]', ?)`,
    [REMOVED_FEEDS_KEY, feedId, feedId],
  );
}

/** Stories deleted per transaction: small rows, a few milliseconds. */
const STORIES_SLICE = 2000;

/**
 * Deletes the articles of the feeds unsubscribed from (FeedsRepo.unsubscribe), in slices as
 * retention deletes, then their tombstones' stories; each feed stays noted until all are gone.
 */
async function deleteArticlesOfRemovedFeeds(db: Sqlite, between: BetweenTransactions): Promise<void> {
  for (const feedId of removedFeeds(db)) {
    const slice = (after: SlicePosition | null) => db.all<SliceRow>(
      `SELECT a.id, a.published_at FROM articles a WHERE a.feed_id = ?
         ${after ? 'AND (a.published_at, a.id) > (?, ?)' : ''}
       ORDER BY a.published_at, a.id LIMIT ${RETENTION_SLICE}`,
      after ? [feedId, after.at, after.id] : [feedId],
    );
    await deleteInSlices(db, slice, null, between);
    while (db.run(`DELETE FROM tombstone_stories WHERE rowid IN (SELECT rowid FROM tombstone_stories WHERE feed_id = ? LIMIT ${STORIES_SLICE})`, [feedId]).changes > 0) {
      await between();
    }
    db.run(
      `UPDATE app_meta SET value = (SELECT json_group_array(r.value) FROM json_each(app_meta.value) r WHERE r.value != ?) WHERE key = ?`,
      [feedId, REMOVED_FEEDS_KEY],
    );
  }
  db.run(`DELETE FROM app_meta WHERE key = ? AND json_array_length(value) = 0`, [REMOVED_FEEDS_KEY]);
}

/** PRAGMA auto_vacuum's value for INCREMENTAL: free pages stay in the file until incremental_vacuum. */
export const INCREMENTAL_AUTO_VACUUM = 2;

/**
 * Free pages worth giving back: below this share of the file, the next syncs' articles reuse them
 * anyway. Measured on 25,000 articles (167 MB): deleting half left 17,500 free pages (70 MB), which
 * incremental_vacuum gave back in 0.4 s; a full VACUUM of the same file took 0.65-0.8 s and needs
 * twice its size free on the disk, so it is kept for the one conversion below.
 */
const WORTH_RELEASING = { share: 0.1, pages: 256 };
/** Pages given back per step (16 MB at 4 KB a page). */
const RELEASE_STEP_PAGES = 4096;

/**
 * Shrinks the file by the pages deleted rows left free, when they are many. Only a database in
 * incremental auto-vacuum mode can (a folder becomes so at its first Clean up, compactDatabase;
 * storage/database.ts says why not at its creation). Returns false when it is not in that mode yet.
 */
export async function releaseFreePages(db: Sqlite, between = nextTurn): Promise<boolean> {
  if (db.value<number>('PRAGMA auto_vacuum') !== INCREMENTAL_AUTO_VACUUM) return false;
  const freeNow = () => db.value<number>('PRAGMA freelist_count') ?? 0;
  const pages = db.value<number>('PRAGMA page_count') ?? 0;
  let free = freeNow();
  if (free < WORTH_RELEASING.pages || free < pages * WORTH_RELEASING.share) return true;
  try {
    // In steps, waiting `between` them: the pages 55,000 deleted articles left took 0.8 s given
    // back at once, the thread (and any write waiting for the database) held all along.
    while (free > 0) {
      db.exec(`PRAGMA incremental_vacuum(${RELEASE_STEP_PAGES})`);
      await between();
      const left = freeNow();
      if (left >= free) break;
      free = left;
    }
  } catch (error) {
    // The moved pages go through the WAL first: on a full disk the file keeps its size, and the
    // next retention tries again. Nothing else is lost, so the sync does not report it.
    if (!diskFullCode(error)) throw error;
  }
  return true;
}

/** The person asked for a compaction the disk has no room for; nothing was changed by it. */
export class CompactionRoomError extends Error {
  constructor(folder: string, needed: number, free: number) {
    super(
      `The database was not compacted: that needs about ${megabytes(needed)} of free disk space in ${folder}, and ${megabytes(free)} is free. ` +
        'Nothing was lost; free some space and try again.',
    );
    this.name = 'CompactionRoomError';
  }
}

/**
 * Rewrites the whole file without its free pages (VACUUM), switching it to incremental
 * auto-vacuum on the way, so that retention can shrink it from then on. VACUUM copies the
 * database to a temporary file and writes every page again through the WAL: it is only started
 * with twice the file's size free, and a disk that fills anyway leaves the database as it was
 * (VACUUM is one transaction). It holds the write lock for its duration (about a second per
 * 200 MB), so it runs only when the person asks (Clean up, vacuum), never beside a sync, and on a
 * writer thread (Core.compactDatabase), never the main one.
 */
export function compactDatabase(db: Sqlite): void {
  const folder = path.dirname(db.path);
  db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  const needed = 2 * (db.value<number>('PRAGMA page_count') ?? 0) * (db.value<number>('PRAGMA page_size') ?? 4096);
  const free = freeBytes(folder);
  if (free !== null && free < needed) throw new CompactionRoomError(folder, needed, free);
  try {
    db.exec(`PRAGMA auto_vacuum = ${INCREMENTAL_AUTO_VACUUM}; VACUUM;`);
  } catch (error) {
    if (diskFullCode(error)) throw new CompactionRoomError(folder, needed, freeBytes(folder) ?? 0);
    throw error;
  }
  // The rewritten pages are in the WAL: the file itself shrinks when they are moved into it.
  db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
}

function freeBytes(folder: string): number | null {
  try {
    const stats = statfsSync(folder);
    return stats.bavail * stats.bsize;
  } catch {
    return null; // not measurable here: SQLITE_FULL still says so
  }
}

function megabytes(bytes: number): string {
  return `${Math.max(1, Math.round(bytes / 1e6))} MB`;
}

/** Deletes cached image files that no article and no feed icon refers to. */
export async function collectUnreferencedImages(db: Sqlite, images: ImageFiles): Promise<{ imagesDeleted: number; bytesFreed: number }> {
  const orphans = db.all<{ hash: string; size: number }>(
    `SELECT hash, size FROM images i
     WHERE NOT EXISTS (SELECT 1 FROM article_images ai WHERE ai.hash = i.hash)
       AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.lead_image_hash = i.hash)
       AND NOT EXISTS (SELECT 1 FROM feeds f WHERE f.icon_hash = i.hash)`,
  );
  let bytesFreed = 0;
  for (const orphan of orphans) {
    // The row goes first: a crash in between leaves a stray file (harmless: the same bytes,
    // cached again, reuse it) rather than a row pointing at nothing.
    db.run('DELETE FROM images WHERE hash = ?', [orphan.hash]);
    await images.delete(orphan.hash);
    bytesFreed += orphan.size;
  }
  return { imagesDeleted: orphans.length, bytesFreed };
}
