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
import { statfsSync } from 'node:fs';
import path from 'node:path';
import type { RetentionResult } from '../../../shared/types';
import type { ImageCache } from '../articles';
import { diskFullCode } from '../system/disk-full';
import type { Sqlite } from './sqlite';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Articles that must survive retention whatever their age. */
export const PROTECTED_ARTICLE = `(
  (SELECT starred FROM article_status WHERE article_id = a.id) = 1
  OR (SELECT builtin FROM feeds WHERE id = a.feed_id) = 1
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
  const articlesDeleted = keepDays === null ? 0 : await deleteOldArticles(db, now - keepDays * DAY_MS, now, between);
  const { imagesDeleted, bytesFreed } = await collectUnreferencedImages(db, images);
  const freePagesReleased = await releaseFreePages(db, between);
  return { articlesDeleted, imagesDeleted, bytesFreed, freePagesReleased };
}

/** Whether any article is due for deletion: one indexed look, so that a retention with nothing
 *  to delete (most syncs) needs no writer thread of its own. */
export function hasArticlesDue(db: Sqlite, keepDays: number | null, now = Date.now()): boolean {
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
async function deleteOldArticles(db: Sqlite, cutoff: number, now: number, between: BetweenTransactions): Promise<number> {
  let deleted = 0;
  let after: { at: number; id: string } | null = null;
  for (;;) {
    const slice = deleteSlice(db, cutoff, now, after);
    deleted += slice.deleted;
    if (slice.last === null) return deleted;
    after = slice.last;
    await between();
  }
}

/** One transaction of deleteOldArticles: the next slice after `after` (in date order). `last`
 *  is where the next one starts, or null when this one was the last. */
function deleteSlice(db: Sqlite, cutoff: number, now: number, after: { at: number; id: string } | null): { deleted: number; last: { at: number; id: string } | null } {
  return db.transaction(() => {
    const doomed = db.all<{ id: string; published_at: number }>(
      `SELECT a.id, a.published_at FROM articles a
       WHERE a.published_at < ? AND a.first_seen_at < ? AND NOT ${PROTECTED_ARTICLE}
         ${after ? 'AND (a.published_at, a.id) > (?, ?)' : ''}
       ORDER BY a.published_at, a.id LIMIT ${RETENTION_SLICE}`,
      after ? [cutoff, cutoff, after.at, after.id] : [cutoff, cutoff],
    );
    if (doomed.length === 0) return { deleted: 0, last: null };
    const ids = doomed.map((row) => row.id);
    const list = ids.map(() => '?').join(',');
    // With its story: an item still in the feed under a new unique id is found by it (articles-repo.ts).
    db.run(`INSERT OR REPLACE INTO article_tombstones (id, deleted_at) SELECT id, ? FROM articles WHERE id IN (${list})`, [now, ...ids]);
    db.run(
      `INSERT OR REPLACE INTO tombstone_stories (id, feed_id, unique_id, url, title, published_at, has_date)
         SELECT id, feed_id, unique_id, url, title, published_at, has_date FROM articles WHERE id IN (${list})`,
      ids,
    );
    const deleted = db.run(`DELETE FROM articles WHERE id IN (${list})`, ids).changes;
    const last = doomed[doomed.length - 1]!;
    return { deleted, last: doomed.length < RETENTION_SLICE ? null : { at: last.published_at, id: last.id } };
  });
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
 * 200 MB), so it runs only when the person asks (Clean up, vacuum), never beside a sync.
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
