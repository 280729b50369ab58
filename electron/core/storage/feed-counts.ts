// Each feed's article and unread counts (table feed_counts, migration 5): kept by triggers as
// rows change, and counted again from the rows where rows arrive without those triggers having
// seen them: migration 5 itself, a restored backup (its counts are data from a file, trusted no
// more than the rest).
import type { Sqlite } from './sqlite';

/** Sets every feed's counts from its articles and their status rows (one scan of both). */
export const RECOUNT_FEEDS = `
  INSERT OR REPLACE INTO feed_counts (feed_id, total, unread)
    SELECT f.id, count(s.article_id), coalesce(sum(s.read = 0), 0) FROM feeds f
    LEFT JOIN articles a ON a.feed_id = f.id LEFT JOIN article_status s ON s.article_id = a.id
    GROUP BY f.id;`;

/** A database from before migration 5 has no counts yet: migrating it makes them. */
export function recountFeeds(db: Sqlite): void {
  if (db.value<number>("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'feed_counts'") === 1) db.exec(RECOUNT_FEEDS);
}
