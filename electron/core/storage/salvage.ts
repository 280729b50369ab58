// Copying what SQLite can still read of a damaged database into the new one (recovery.ts opens
// both). Every table the migrations make is copied row by row around the damaged pages, so one
// bad page costs the rows on it, not the articles, their read and starred marks and their
// offline copies. What can be rebuilt is never copied: the new tables' indexes are made as the
// rows go in, the full-text index and the grams of Chinese, Japanese, Korean and Arabic-script
// text from their queue (search-queue.ts: every copied article joins it as it goes in), so a
// damaged index or FTS page costs nothing.
// An article whose offline copy was on a damaged page is kept, starred or not, with a sentence
// in place of its body, and is fetched again by the next sync.
import type { Sqlite, SqlValue } from './sqlite';

export interface SalvageCounts {
  readonly draftsRecovered: number;
  readonly feedsRecovered: number;
  readonly foldersRecovered: number;
  readonly articlesRecovered: number;
  readonly starredRecovered: number;
  /** Recovered articles whose offline copy was lost: they show LOST_COPY_TEXT until the next sync. */
  readonly copiesLost: number;
  /** True when some rows could not be read. */
  readonly incomplete: boolean;
}

type Row = Record<string, SqlValue>;

/** Unreadable rowids in a row stepped over one at a time (a damaged leaf); then the steps double. */
const STEPS_ONE_BY_ONE = 256;
/** Rows read per query while nothing fails: the copy of a big database stays fast and small in memory. */
const CHUNK = 256;
/** The person's own data, copied (and committed) first. */
const OWN_TABLES = ['folders', 'feeds', 'drafts'];
/**
 * Not copied: the full-text index and its shadow tables (made again from the search queue the
 * copied rows join), the search queues themselves (their rows are made as the articles come over), the grams
 * and theirs (made again from the same queue: the rows come over without them), the feeds' counts
 * (the triggers count the rows as they come over), and the one-time facts (the welcome feed,
 * skipped below, installs itself again).
 */
const REBUILT = /^(articles_fts|articles_grams|search_queue$|grams_queue$|feed_counts$|app_meta$)/;

export const LOST_COPY_TEXT =
  'The saved copy of this article was lost: the part of the database that held it was damaged. The next sync fetches it again, if its feed still has it.';

export function emptySalvage(): SalvageCounts {
  return { draftsRecovered: 0, feedsRecovered: 0, foldersRecovered: 0, articlesRecovered: 0, starredRecovered: 0, copiesLost: 0, incomplete: true };
}

/** Copies from `old` (opened read-only) into `db` (freshly migrated). */
export function salvage(old: Sqlite, db: Sqlite, now: number): SalvageCounts {
  const tables = tablesIn(old);
  // Not even the list of tables can be read (garbage, a junk first page): nothing to salvage.
  if (tables.size === 0) return emptySalvage();
  // In the order the migrations create them: articles before their content, whose trigger queues both for the index.
  const targets = db
    .all<{ name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid")
    .map((row) => row.name)
    .filter((name) => tables.has(name) && !REBUILT.test(name));
  let incomplete = false;
  let copiesLost = 0;
  const copy = (table: string) => {
    if (!copyTable(old, db, table)) incomplete = true;
  };
  db.exec('PRAGMA foreign_keys = OFF');
  try {
    db.transaction(() => targets.filter((table) => OWN_TABLES.includes(table)).forEach(copy));
    db.transaction(() => {
      targets.filter((table) => !OWN_TABLES.includes(table)).forEach(copy);
      cutDangling(db);
      copiesLost = completeArticles(db, now);
    });
  } finally {
    db.exec('PRAGMA foreign_keys = ON');
  }
  const count = (sql: string) => db.value<number>(sql) ?? 0;
  return {
    draftsRecovered: count('SELECT count(*) FROM drafts'),
    feedsRecovered: count('SELECT count(*) FROM feeds'),
    foldersRecovered: count('SELECT count(*) FROM folders'),
    articlesRecovered: count('SELECT count(*) FROM articles'),
    starredRecovered: count('SELECT count(*) FROM article_status WHERE starred = 1'),
    copiesLost,
    incomplete,
  };
}

/** The tables the damaged file names, read row by row like any table: a file cut short can end
 *  inside sqlite_schema (its last pages are the newest migrations'), and the tables named before
 *  the cut still read. */
function tablesIn(old: Sqlite): Set<string> {
  const tables = new Set<string>();
  walkRows(old, 'sqlite_schema', (row) => {
    if (row.type === 'table' && typeof row.name === 'string') tables.add(row.name);
  });
  return tables;
}

/** How a row of the damaged file goes into the new one; null skips it. */
function adapt(table: string, row: Row): Row | null {
  switch (table) {
    // The built-in welcome feed comes back on its own; the others fetch in full at the next sync,
    // which brings back the articles lost with the damage.
    case 'feeds':
      return row.builtin === 1 ? null : { ...row, etag: null, last_modified: null, body_hash: null, retry_after_at: null };
    case 'drafts':
      return recoveredDraft(row);
    default:
      return row;
  }
}

/** A draft keeps its article if that comes back too (cutDangling), and the copies it shows of it. */
function recoveredDraft(row: Row): Row {
  const draft: Row = { ...row, attempt_key: null, attempt_pid: null, attempt_at: null };
  // An attempt cut off by the damage may have reached the site: look there before posting again.
  if (row.state === 'sending') {
    return { ...draft, state: 'failed', check_before_post: 1, message: 'Recovered from a damaged database while it was being sent: check the site before sending it again.' };
  }
  return draft;
}

/** Copies every readable row of one table; false when some could not be read. */
function copyTable(old: Sqlite, db: Sqlite, table: string): boolean {
  const columns = new Set(db.all<{ name: string }>(`PRAGMA table_info(${table})`).map((column) => column.name));
  return walkRows(old, table, (original) => {
    const row = adapt(table, original);
    if (!row) return;
    const names = Object.keys(row).filter((name) => columns.has(name));
    try {
      db.run(`INSERT OR IGNORE INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`, names.map((name) => row[name] ?? null));
    } catch {
      // A row the damage garbled (a NOT NULL or CHECK fails): the others still come over.
    }
  });
}

/**
 * Every row SQLite can read, in rowid order: CHUNK rows per query, and when a query meets a
 * damaged page, the next CHUNK rows one at a time, stepping past the rowids it cannot reach:
 * one by one over a damaged leaf, then in growing steps, so a lost stretch of a big table (or
 * of a file cut short) costs a few hundred probes, not one per rowid.
 */
function walkRows(db: Sqlite, table: string, visit: (row: Row) => void): boolean {
  let last = Number.MAX_SAFE_INTEGER;
  try {
    last = db.value<number>(`SELECT max(rowid) FROM ${table}`) ?? 0;
  } catch {
    // unknown: walk until the steps pass the largest rowid there can be
  }
  let after = 0;
  let failures = 0;
  let careful = 0;
  let complete = true;
  const skip = () => {
    failures++;
    complete = false;
    after += failures <= STEPS_ONE_BY_ONE ? 1 : 2 ** (failures - STEPS_ONE_BY_ONE);
  };
  while (after < last) {
    const limit = careful > 0 ? 1 : CHUNK;
    let rows: Row[];
    try {
      // `>= after + 1`, not `> after`: SQLite seeks a `>` to `after` itself, landing again on the damaged page that held it.
      rows = db.all<Row>(`SELECT rowid AS rowid_, * FROM ${table} WHERE rowid >= ? ORDER BY rowid LIMIT ?`, [after + 1, limit]);
    } catch {
      if (careful === 0) careful = CHUNK;
      else skip();
      continue;
    }
    if (rows.length === 0) break;
    for (const row of rows) {
      const rowid = Number(row.rowid_);
      // A damaged page can hand back rowids out of order: never walk backwards (or in place).
      if (!(rowid > after)) {
        skip();
        break;
      }
      after = rowid;
      delete row.rowid_;
      visit(row);
      failures = 0;
    }
    if (careful > 0) careful--;
  }
  return complete;
}

/**
 * Rows whose parent did not survive: a link that may be empty (a draft's article, a feed's
 * folder) is cut, any other row goes, as the schema's ON DELETE says. Deleting a row can leave
 * its own children dangling, hence the passes.
 */
function cutDangling(db: Sqlite): void {
  for (;;) {
    const dangling = db.all<{ table: string; rowid: number; fkid: number }>('PRAGMA foreign_key_check');
    if (dangling.length === 0) return;
    for (const { table, rowid, fkid } of dangling) {
      const key = db.all<{ id: number; from: string; on_delete: string }>(`PRAGMA foreign_key_list(${table})`).find((fk) => fk.id === fkid);
      if (key?.on_delete === 'SET NULL') db.run(`UPDATE ${table} SET ${key.from} = NULL WHERE rowid = ?`, [rowid]);
      else db.run(`DELETE FROM ${table} WHERE rowid = ?`, [rowid]);
    }
  }
}

/**
 * Every article has a status and a content row (the lists and the reader join them). A lost
 * status starts unread and unstarred; a lost copy becomes LOST_COPY_TEXT, and the article is
 * made to look changed and pending, so the next sync writes its feed text and fetches its page.
 */
function completeArticles(db: Sqlite, now: number): number {
  db.run('INSERT INTO article_status (article_id) SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM article_status)');
  const lost = db.all<{ id: string }>('SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM article_content)').map((row) => row.id);
  for (const id of lost) {
    db.run(
      "UPDATE articles SET fingerprint = '', fulltext_state = 'pending', fulltext_error = NULL, lead_image_hash = NULL WHERE id = ?",
      [id],
    );
    db.run("INSERT INTO article_content (article_id, html, text, source, dir, saved_at) VALUES (?, ?, ?, 'none', 'ltr', ?)", [
      id,
      `<p>${LOST_COPY_TEXT}</p>`,
      LOST_COPY_TEXT,
      now,
    ]);
  }
  return lost.length;
}
