// Retention: what the cache forgets, and what it never forgets.
// An article older than the kept window is deleted unless it is starred, ships with the app or
// has a comment draft (one not deleted, whatever its state: the Drafts view still shows the
// article it belongs to). Its id is kept as a tombstone so that an item still listed in its feed
// is not added again as new. Image files nobody references any more are then removed.
import type { RetentionResult } from '../../../shared/types';
import type { ImageCache } from '../articles';
import type { Sqlite } from './sqlite';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Articles that must survive retention whatever their age. */
export const PROTECTED_ARTICLE = `(
  (SELECT starred FROM article_status WHERE article_id = a.id) = 1
  OR (SELECT builtin FROM feeds WHERE id = a.feed_id) = 1
  OR EXISTS (SELECT 1 FROM drafts d WHERE d.article_id = a.id AND d.deleted_at IS NULL)
)`;

export async function applyRetention(db: Sqlite, images: ImageCache, keepDays: number | null, now = Date.now()): Promise<RetentionResult> {
  let articlesDeleted = 0;
  if (keepDays !== null) {
    const cutoff = now - keepDays * DAY_MS;
    articlesDeleted = db.transaction(() => {
      const doomed = `SELECT a.id FROM articles a WHERE a.published_at < ? AND a.first_seen_at < ? AND NOT ${PROTECTED_ARTICLE}`;
      db.run(`INSERT OR REPLACE INTO article_tombstones (id, deleted_at) SELECT id, ? FROM (${doomed})`, [now, cutoff, cutoff]);
      return db.run(`DELETE FROM articles WHERE id IN (${doomed})`, [cutoff, cutoff]).changes;
    });
  }
  const { imagesDeleted, bytesFreed } = await collectUnreferencedImages(db, images);
  return { articlesDeleted, imagesDeleted, bytesFreed };
}

/** Deletes cached image files that no article and no feed icon refers to. */
export async function collectUnreferencedImages(db: Sqlite, images: ImageCache): Promise<{ imagesDeleted: number; bytesFreed: number }> {
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
