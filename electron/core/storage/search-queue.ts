// The full-text index is written after the sync, not as each item is stored (migration 23), the
// way NetNewsWire's SearchTable indexes the articles it has not indexed yet in batches of 500.
// Why: storing a cold sync's 5,000 items with their index rows kept the writer thread busy for
// the whole feeds-only sync, and three quarters of that was the index (docs/technotes/
// sync-cpu-and-memory.md); the person waits for the articles, not for search. The grams of
// Chinese, Japanese, Korean, Southeast Asian and Arabic-script text (search-grams.ts) go the same
// way since migration 26: an article's grams are written here, with its index row.
//
// A stored article's text waits in search_queue (its rid) until indexQueued reads it into the
// index and its grams, from the rows as they are then: an article whose feed text is replaced by
// its page's before then is indexed once. The triggers keep the index exact either way: a row in
// the index leaves it (and its grams) with the values it was made from when they change (and
// waits in the queue to go back in), and a row still queued leaves only the queue. An article
// whose index row is in but whose grams are not (a library whose grams an older version had not
// finished making) waits in grams_queue, drained by the same turns. So a search never misses a
// stored article: it indexes what is still queued first (Storage.search; in the app the core has
// a writer thread do it, off the main thread, right after each sync and before a search), and
// looks for what it cannot index then by its words as written (search.ts).
import { GRAMS_TABLE, gramsOf, type SearchedText } from './search-grams';
import type { Sqlite } from './sqlite';

/** The table migration 23 makes: one row (a rid) per article whose text the index and the grams have not read. */
export const SEARCH_QUEUE_TABLE = 'search_queue';
/** The table migration 26 makes: one row (a rid) per article in the index whose grams wait. */
export const GRAMS_QUEUE_TABLE = 'grams_queue';
/** The rids of every article whose grams wait, in either queue (each rid once). */
export const WAITING_FOR_GRAMS = `SELECT rid FROM ${SEARCH_QUEUE_TABLE} UNION SELECT rid FROM ${GRAMS_QUEUE_TABLE}`;

/**
 * Rows indexed in one transaction by indexSearchQueue: FTS5 writes one segment of index per
 * transaction, and a main-thread write (a read mark) waits for one transaction at most. 256
 * articles of news text take the writer some 50-80 ms.
 */
const ROWS_PER_TRANSACTION = 256;

export function hasQueuedForSearch(db: Sqlite): boolean {
  return db.value<number>(`SELECT EXISTS (SELECT 1 FROM ${SEARCH_QUEUE_TABLE}) OR EXISTS (SELECT 1 FROM ${GRAMS_QUEUE_TABLE})`) === 1;
}

/** Indexes up to `maxRows` queued articles, lowest rid first, in one transaction; answers how many left the queues. */
export function indexQueued(db: Sqlite, maxRows: number): number {
  return db.transaction(() => {
    const rids = db.all<{ rid: number }>(`${WAITING_FOR_GRAMS} ORDER BY rid LIMIT ?`, [maxRows]);
    if (rids.length === 0) return 0;
    const upTo = rids[rids.length - 1]!.rid;
    // One statement for all of them: FTS5 writes a segment at each savepoint, and a trigger's
    // statement would open one per row (see articles-repo.ts insertMany).
    db.run(
      `INSERT INTO articles_fts (rowid, title, author, text)
       SELECT s.rid, s.title, s.author, s.text FROM ${SEARCH_QUEUE_TABLE} q JOIN articles_fts_source s ON s.rid = q.rid
       WHERE q.rid <= ? ORDER BY q.rid`,
      [upTo],
    );
    writeGrams(db, upTo);
    db.run(`DELETE FROM ${SEARCH_QUEUE_TABLE} WHERE rid <= ?`, [upTo]);
    db.run(`DELETE FROM ${GRAMS_QUEUE_TABLE} WHERE rid <= ?`, [upTo]);
    return rids.length;
  });
}

/**
 * The grams of the queued articles up to `upTo`, made from their rows as they are now, written in
 * one statement (a statement an article measured the same). An article in search_queue has none
 * yet (the triggers took them out with its index row); one in grams_queue may have an older
 * version's, which go first: FTS5 keeps a second row of the same rowid beside the first, and a
 * delete may take out only one of them.
 */
function writeGrams(db: Sqlite, upTo: number): void {
  const rows = db.all<SearchedText & { rid: number }>(
    `SELECT s.rid, s.title, s.author, s.text FROM (${WAITING_FOR_GRAMS}) q JOIN articles_fts_source s ON s.rid = q.rid WHERE q.rid <= ?`,
    [upTo],
  );
  db.run(`DELETE FROM ${GRAMS_TABLE} WHERE rowid IN (SELECT rid FROM ${GRAMS_QUEUE_TABLE} WHERE rid <= ?)`, [upTo]);
  const grams = rows.flatMap((row) => {
    const made = gramsOf(row);
    return made === null ? [] : [[row.rid, made]];
  });
  if (grams.length === 0) return;
  db.run(`INSERT INTO ${GRAMS_TABLE} (rowid, grams) SELECT value ->> 0, value ->> 1 FROM json_each(?)`, [JSON.stringify(grams)]);
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

/**
 * The index and the grams are made again from every row, by the same turns as any stored article's
 * (a restored backup: an index from a file is trusted no more than its triggers were, and one that
 * lost its words finds nothing).
 */
export function queueAllForSearch(db: Sqlite): void {
  db.transaction(() => {
    db.exec("INSERT INTO articles_fts(articles_fts) VALUES ('delete-all')");
    db.exec(`INSERT INTO ${GRAMS_TABLE}(${GRAMS_TABLE}) VALUES ('delete-all')`);
    // Every article waits in search_queue for both now (a backup made before migration 26 has no grams_queue).
    if (db.value<number>('SELECT count(*) FROM sqlite_schema WHERE name = ?', [GRAMS_QUEUE_TABLE]) === 1) db.run(`DELETE FROM ${GRAMS_QUEUE_TABLE}`);
    db.run(`INSERT OR IGNORE INTO ${SEARCH_QUEUE_TABLE} (rid) SELECT rid FROM articles_fts_source`);
  });
}
