// The full-text index is written after the sync, not as each item is stored (migration 23), the
// way NetNewsWire's SearchTable indexes the articles it has not indexed yet in batches of 500.
// Why: storing a cold sync's 5,000 items with their index rows kept the writer thread busy for
// the whole feeds-only sync, and three quarters of that was the index (docs/technotes/
// sync-cpu-and-memory.md); the person waits for the articles, not for search.
//
// A stored article's text waits in search_queue (its rid) until indexQueued reads it into the
// index, from the rows as they are then: an article whose feed text is replaced by its page's
// before then is indexed once. The triggers keep the index exact either way: a row in the index
// leaves it with the values it was made from when they change (and waits in the queue to go
// back in), and a row still queued leaves only the queue. So a search never misses a stored
// article: it indexes what is still queued first (Storage.search; in the app the core has a
// writer thread do it, off the main thread, right after each sync and before a search).
import type { Sqlite } from './sqlite';

/** The table migration 23 makes: one row (a rid) per article whose text the index has not read. */
export const SEARCH_QUEUE_TABLE = 'search_queue';

/**
 * Rows indexed in one transaction by indexSearchQueue: FTS5 writes one segment of index per
 * transaction, and a main-thread write (a read mark) waits for one transaction at most. 256
 * articles of news text take the writer some 50-80 ms.
 */
const ROWS_PER_TRANSACTION = 256;

export function hasQueuedForSearch(db: Sqlite): boolean {
  return db.value<number>(`SELECT EXISTS (SELECT 1 FROM ${SEARCH_QUEUE_TABLE})`) === 1;
}

/** Indexes up to `maxRows` queued articles, lowest rid first, in one transaction; answers how many left the queue. */
export function indexQueued(db: Sqlite, maxRows: number): number {
  return db.transaction(() => {
    const upTo = db.value<number>(`SELECT max(rid) FROM (SELECT rid FROM ${SEARCH_QUEUE_TABLE} ORDER BY rid LIMIT ?)`, [maxRows]);
    if (upTo === null || upTo === undefined) return 0;
    // One statement for all of them: FTS5 writes a segment at each savepoint, and a trigger's
    // statement would open one per row (see articles-repo.ts insertMany).
    db.run(
      `INSERT INTO articles_fts (rowid, title, author, text)
       SELECT s.rid, s.title, s.author, s.text FROM ${SEARCH_QUEUE_TABLE} q JOIN articles_fts_source s ON s.rid = q.rid
       WHERE q.rid <= ? ORDER BY q.rid`,
      [upTo],
    );
    return db.run(`DELETE FROM ${SEARCH_QUEUE_TABLE} WHERE rid <= ?`, [upTo]).changes;
  });
}

/** Indexes everything queued now, in one go: a search on this thread (little is queued by then in the app). */
export function indexAllQueued(db: Sqlite): void {
  while (indexQueued(db, ROWS_PER_TRANSACTION * 4) > 0);
}

/**
 * Indexes everything queued, ROWS_PER_TRANSACTION at a time, waiting `between` transactions (the
 * writer thread asks the main thread for a turn of its event loop, as retention does). Answers
 * how many articles it indexed. Articles stored meanwhile are indexed too.
 */
export async function indexSearchQueue(db: Sqlite, between: () => Promise<void>): Promise<number> {
  let indexed = 0;
  for (;;) {
    const done = indexQueued(db, ROWS_PER_TRANSACTION);
    if (done === 0) return indexed;
    indexed += done;
    await between();
  }
}

/** Nothing waits any more: the index was made again from every row ('rebuild'). */
export function emptySearchQueue(db: Sqlite): void {
  db.run(`DELETE FROM ${SEARCH_QUEUE_TABLE}`);
}
