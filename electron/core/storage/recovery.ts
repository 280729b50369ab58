// Starting on a damaged database. The file is never deleted and never written: it is moved
// aside (with its WAL, which may hold the newest drafts), a new database is opened in its place,
// and what SQLite can still read of the person's own data is copied over: comment drafts (their
// writing, the most precious data), subscriptions and folders. Articles are not salvaged: the
// next sync fetches them again, and a damaged article table is where row-by-row reading is
// slowest and least useful.
//
// Cost at a normal start: a header check (one 100-byte read) and openDatabase's quick_check of
// the small tables, about 2 ms. A full quick_check reads every page (440 ms warm, 2.2 s cold
// on 100,000 articles / 287 MB), so it runs only when damage is likely or cheap to look for:
// the file is small, the last session did not close (its WAL still holds pages; Storage.close empties it), or SQLite
// reported damage while the app ran (the marker file below).
import { closeSync, existsSync, openSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DATABASE_FILE, isDamage, openDatabase } from './database';
import { Sqlite, type SqlValue } from './sqlite';
import type { StartupNotice } from '../../../shared/api';
import { errorMessage } from '../../../shared/error-message';

/** Up to this size the full check costs under about 50 ms: always run it. */
export const FULL_CHECK_MAX_BYTES = 32 * 1024 * 1024;
/** Left by a session in which SQLite reported damage: the next start checks every page. */
export const CHECK_MARKER = `${DATABASE_FILE}.needs-check`;
/** Row-by-row reading gives up after this many unreadable rowids in a row (a wholly lost table). */
const MAX_FAILED_PROBES = 10_000;

export interface RecoveryReport {
  /** What was wrong, in SQLite's words or the header check's. */
  readonly reason: string;
  /** Where the damaged file now is (its -wal and -shm beside it, same name plus suffix). */
  readonly movedTo: string;
  readonly draftsRecovered: number;
  readonly feedsRecovered: number;
  readonly foldersRecovered: number;
  /** True when some rows of these tables could not be read. */
  readonly incomplete: boolean;
}

export interface OpenedDatabase {
  readonly db: Sqlite;
  /** Set when the database was damaged and replaced at this start. */
  readonly recovery: RecoveryReport | null;
}

export interface RecoveryOptions {
  readonly now?: Date;
  /** Tests: pretend the database is big (the full check is then skipped at a normal start). */
  readonly fullCheckMaxBytes?: number;
}

export function openOrRecover(dataDir: string, options: RecoveryOptions = {}): OpenedDatabase {
  const file = path.join(dataDir, DATABASE_FILE);
  const marker = path.join(dataDir, CHECK_MARKER);
  const onCorrupt = () => writeMarker(marker);
  let reason = headerProblem(file);
  if (reason === null) {
    const fullCheck = existsSync(marker) || sizeOf(`${file}-wal`) > 0 || sizeOf(file) <= (options.fullCheckMaxBytes ?? FULL_CHECK_MAX_BYTES);
    try {
      const db = openDatabase(dataDir, { fullCheck, onCorrupt });
      rmSync(marker, { force: true });
      return { db, recovery: null };
    } catch (error) {
      // A newer schema, a locked or unreadable file: not damage, and not ours to move.
      if (!isDamage(error)) throw error;
      reason = errorMessage(error);
    }
  }
  const movedTo = moveAside(file, options.now ?? new Date());
  const db = openDatabase(dataDir, { onCorrupt });
  rmSync(marker, { force: true });
  return { db, recovery: { reason, movedTo, ...salvage(movedTo, db) } };
}

/** Why the file cannot be a whole SQLite database, from its size and first 100 bytes; null when it may be. */
export function headerProblem(file: string): string | null {
  const size = sizeOf(file);
  if (size === 0) return null; // missing or empty: a new database
  if (size < 100) return `the file is too short to be a database (${size} bytes)`;
  const header = Buffer.alloc(100);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (header.toString('latin1', 0, 16) !== 'SQLite format 3\0') return 'the file is not an SQLite database';
  const raw = header.readUInt16BE(16);
  const pageSize = raw === 1 ? 65_536 : raw;
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) return `the file's page size (${raw}) is not valid`;
  if (size % pageSize !== 0) return `the file ends in the middle of a page (${size} bytes, pages of ${pageSize})`;
  // The page count in the header is trustworthy when its 'valid-for' counter matches the change
  // counter, and the file must then hold that many pages, unless a WAL still holds some of them.
  const pages = header.readUInt32BE(28);
  const headerValid = header.readUInt32BE(24) === header.readUInt32BE(92);
  if (headerValid && sizeOf(`${file}-wal`) === 0 && size < pages * pageSize) {
    return `the file is cut short (${size} of ${pages * pageSize} bytes)`;
  }
  return null;
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

function writeMarker(marker: string): void {
  try {
    writeFileSync(marker, `SQLite reported damage on ${new Date().toISOString()}\n`);
  } catch {
    // The error itself still reaches the person; the marker only makes the next start thorough.
  }
}

/** <file>.<label>-YYYYMMDD-HHMMSS (local time), with -wal and -shm moved alongside; never deleted. */
export function moveAside(file: string, now: Date, label = 'corrupt'): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}${two(now.getMonth() + 1)}${two(now.getDate())}-${two(now.getHours())}${two(now.getMinutes())}${two(now.getSeconds())}`;
  let target = `${file}.${label}-${stamp}`;
  for (let n = 2; existsSync(target); n++) target = `${file}.${label}-${stamp}-${n}`;
  renameSync(file, target);
  // Suffixes as SQLite names them, so the moved file still opens with its own WAL.
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, target + suffix);
  }
  return target;
}

type Row = Record<string, SqlValue>;

/** Copies what can be read from the damaged file into the new database, in one transaction. */
function salvage(damagedFile: string, db: Sqlite): Omit<RecoveryReport, 'reason' | 'movedTo'> {
  let old: Sqlite;
  try {
    old = new Sqlite(damagedFile, { readonly: true });
  } catch {
    return { draftsRecovered: 0, feedsRecovered: 0, foldersRecovered: 0, incomplete: true };
  }
  try {
    let tables: Set<string>;
    try {
      tables = new Set(old.all<{ name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table'").map((row) => row.name));
    } catch {
      // Not even the list of tables can be read (garbage, a junk first page): nothing to salvage.
      return { draftsRecovered: 0, feedsRecovered: 0, foldersRecovered: 0, incomplete: true };
    }
    const read = (table: string) => (tables.has(table) ? readRows(old, table) : { rows: [], incomplete: false });
    const folders = read('folders');
    const feeds = read('feeds');
    const drafts = read('drafts');
    let counts = { draftsRecovered: 0, feedsRecovered: 0, foldersRecovered: 0 };
    db.exec('PRAGMA foreign_keys = OFF');
    try {
      counts = db.transaction(() => {
        const foldersRecovered = insertRows(db, 'folders', folders.rows, (row) => row);
        // The built-in welcome feed comes back on its own; the rest fetch everything again.
        const feedsRecovered = insertRows(db, 'feeds', feeds.rows, (row) =>
          row.builtin === 1 ? null : { ...row, etag: null, last_modified: null, body_hash: null, retry_after_at: null },
        );
        // Links that point at rows that did not survive are cut, never left dangling.
        db.exec('UPDATE folders SET parent_id = NULL WHERE parent_id NOT IN (SELECT id FROM folders)');
        db.exec('UPDATE feeds SET folder_id = NULL WHERE folder_id NOT IN (SELECT id FROM folders)');
        const draftsRecovered = insertRows(db, 'drafts', drafts.rows, recoveredDraft);
        return { draftsRecovered, feedsRecovered, foldersRecovered };
      });
    } finally {
      db.exec('PRAGMA foreign_keys = ON');
    }
    return { ...counts, incomplete: folders.incomplete || feeds.incomplete || drafts.incomplete };
  } finally {
    old.close();
  }
}

/** The draft loses its article (not in the new database) and keeps the copies it shows of it. */
function recoveredDraft(row: Row): Row {
  const draft: Row = { ...row, article_id: null, attempt_key: null, attempt_pid: null, attempt_at: null };
  // An attempt cut off by the damage may have reached the site: look there before posting again.
  if (row.state === 'sending') {
    return { ...draft, state: 'failed', check_before_post: 1, message: 'Recovered from a damaged database while it was being sent: check the site before sending it again.' };
  }
  return draft;
}

/** Every row SQLite can read: all at once if it can, else one rowid at a time around the damage. */
function readRows(db: Sqlite, table: string): { rows: Row[]; incomplete: boolean } {
  try {
    return { rows: db.all<Row>(`SELECT * FROM ${table} ORDER BY rowid`), incomplete: false };
  } catch {
    // walk below
  }
  let last = Number.MAX_SAFE_INTEGER;
  try {
    last = db.value<number>(`SELECT max(rowid) FROM ${table}`) ?? 0;
  } catch {
    // unknown: walk until the failures say the rest is lost
  }
  const rows: Row[] = [];
  let after = 0;
  let failures = 0;
  let skipped = false;
  while (after < last && failures < MAX_FAILED_PROBES) {
    try {
      const row = db.one<Row>(`SELECT rowid AS rowid_, * FROM ${table} WHERE rowid > ? ORDER BY rowid LIMIT 1`, [after]);
      if (!row) break;
      after = Number(row.rowid_);
      delete row.rowid_;
      rows.push(row);
      failures = 0;
    } catch {
      // The seek fell into a damaged page: step past its rowids one at a time.
      failures++;
      skipped = true;
      after++;
    }
  }
  return { rows, incomplete: skipped };
}

/** Inserts the columns both schemas share; `adapt` may change a row or skip it (null). */
function insertRows(db: Sqlite, table: string, rows: Row[], adapt: (row: Row) => Row | null): number {
  const columns = new Set(db.all<{ name: string }>(`PRAGMA table_info(${table})`).map((column) => column.name));
  let inserted = 0;
  for (const original of rows) {
    const row = adapt(original);
    if (!row) continue;
    const names = Object.keys(row).filter((name) => columns.has(name));
    const values = names.map((name) => row[name] ?? null);
    const sql = `INSERT OR IGNORE INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`;
    try {
      inserted += db.run(sql, values).changes;
    } catch {
      // A row the damage garbled (a NOT NULL or CHECK fails): the others still come over.
    }
  }
  return inserted;
}

/** The report in words, for the banner in the app and the CLI's stderr. */
export function recoveryNotice(report: RecoveryReport): StartupNotice {
  const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
  const recovered = [plural(report.draftsRecovered, 'comment draft'), plural(report.feedsRecovered, 'subscription'), plural(report.foldersRecovered, 'folder')];
  return {
    id: `database-recovered:${path.basename(report.movedTo)}`,
    title: 'Paperboy started with a new database',
    message:
      `The database was damaged (${report.reason}), so Paperboy set it aside and started a new one. ` +
      `The damaged file is kept, unchanged, at ${report.movedTo}. ` +
      `Recovered from it: ${recovered.join(', ')}${report.incomplete ? ' (some rows could not be read)' : ''}. ` +
      'Articles come back with the next sync; read and starred marks were in the damaged file.',
  };
}
