// Opens the one database file of a data folder: WAL, foreign keys, a check that it is readable,
// migrations. What to do when it is not (move it aside, start anew, salvage): ./recovery.ts.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { MIGRATIONS } from './migrations';
import { INCREMENTAL_AUTO_VACUUM } from './retention';
import { isDamageCode, Sqlite } from './sqlite';
import { ensurePrivateFolder, makePrivate } from '../system/paths';

export const DATABASE_FILE = 'paperboy.db';

/**
 * WAL pages after which a commit moves the WAL into the database (SQLite's default is 1,000).
 * Each such checkpoint copies pages and syncs the file; a cold sync of 5,000 items made 36,000
 * WAL pages of 20,000 distinct ones, so checkpointing every 4 MB copied many pages several
 * times: storing them took 2.1-2.3 s wall at 1,000 and 1.4-1.9 s at 10,000 (100,000 was no
 * better). The WAL stays bounded at about 40 MB whatever the size of the sync, and every
 * connection has the same bound, so the main connection's small commits never take over the
 * checkpointing from the sync's writer thread at a lower mark. It costs no durability: a commit
 * is in the WAL either way.
 */
export const WAL_CHECKPOINT_PAGES = 10_000;

/**
 * Every connection's settings (WAL itself is a property of the file, set once). WAL: readers
 * never wait for the sync's writes; NORMAL is durable across app crashes (a power cut may lose
 * the last transactions, never corrupt the file).
 */
export const CONNECTION_PRAGMAS = `PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES};`;

/** Tables the cheap start-up check reads whole: small, and the ones that matter most. */
const ALWAYS_CHECKED = ['drafts', 'feeds', 'folders'];

/** SQLite found the file damaged (or not a database at all). */
export class DatabaseDamagedError extends Error {}

export interface OpenOptions {
  /** Read every page (PRAGMA quick_check): O(size), so only when asked (see recovery.ts). */
  readonly fullCheck?: boolean;
  /** Called when SQLite reports damage while the app runs (so the next start checks everything). */
  readonly onCorrupt?: () => void;
}

export function openDatabase(dataDir: string, options: OpenOptions = {}): Sqlite {
  ensurePrivateFolder(dataDir);
  const file = path.join(dataDir, DATABASE_FILE);
  const db = new Sqlite(file, { onCorrupt: options.onCorrupt });
  // Before the WAL is made: SQLite gives -wal and -shm the database file's mode.
  for (const suffix of ['', '-wal', '-shm']) makePrivate(file + suffix);
  try {
    // The connection's settings first: libsql's busy_timeout is 0 until set, and the journal
    // mode's statement is the first to take a lock (after an unclean exit, the WAL's recovery).
    db.exec(`${CONNECTION_PRAGMAS} PRAGMA journal_mode = WAL;`);
    // Before migrating: a migration must never write into a damaged file.
    checkReadable(db, options.fullCheck === true);
    // Only a file without tables can take it: retention then gives deleted rows' pages back to
    // the disk (storage/retention.ts releaseFreePages). Older files switch at a Clean up. Here,
    // after WAL wrote the first page, it takes no effect, and new files switch at a Clean up too:
    // set before WAL it does, but the salvage of a copy cut short inside sqlite_schema then reads
    // nothing (test/storage/truncated-copy.test.ts), where it brought back drafts and feeds.
    if (schemaVersion(db) === 0 && !hasTables(db)) db.exec(`PRAGMA auto_vacuum = ${INCREMENTAL_AUTO_VACUUM}`);
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * The database of a folder that cannot be written (a full disk, a read-only folder), for
 * reading: `trouble` is why, and what every write then throws. EXCLUSIVE locking keeps SQLite's
 * WAL index in memory, so no -shm file is needed and a WAL left by an unclean exit is still
 * read; where not even a lock can be taken (a read-only file system) the file opens immutable.
 * Only a database already at this version can be read so: migrating is writing.
 */
export function openDatabaseReadOnly(dataDir: string, trouble: Error): Sqlite {
  const file = path.join(dataDir, DATABASE_FILE);
  if (!existsSync(file)) throw trouble;
  const readOnlyError = () => trouble;
  let db = new Sqlite(file, { readonly: true, readOnlyError });
  try {
    db.exec('PRAGMA locking_mode = EXCLUSIVE');
    schemaVersion(db);
  } catch {
    db.close();
    db = new Sqlite(file, { immutable: true, readOnlyError });
  }
  try {
    checkReadable(db, false);
    if (schemaVersion(db) !== MIGRATIONS.length) throw trouble;
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export function schemaVersion(db: Sqlite): number {
  return db.value<number>('PRAGMA user_version') ?? 0;
}

/** True when the error means the file is damaged, as opposed to busy, full or too new. */
export function isDamage(error: unknown): boolean {
  return error instanceof DatabaseDamagedError || isDamageCode(error);
}

/**
 * Reads the schema and quick-checks the small tables (about 2 ms whatever the size of the
 * articles); with `full`, every page. Throws DatabaseDamagedError with SQLite's first complaint.
 */
function checkReadable(db: Sqlite, full: boolean): void {
  const tables = new Set(db.all<{ name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table'").map((row) => row.name));
  const targets = full ? [null] : ALWAYS_CHECKED.filter((table) => tables.has(table));
  for (const table of targets) {
    const result = db.all<{ quick_check: string }>(table === null ? 'PRAGMA quick_check' : `PRAGMA quick_check(${table})`);
    const first = result[0]?.quick_check ?? 'no answer';
    if (first !== 'ok') throw new DatabaseDamagedError(first.replace(/^\*\*\* in database main \*\*\*\n/, '').split('\n')[0]!);
  }
}

function hasTables(db: Sqlite): boolean {
  return db.value<number>("SELECT count(*) FROM sqlite_schema WHERE type = 'table'") !== 0;
}

function migrate(db: Sqlite): void {
  const current = schemaVersion(db);
  if (current > MIGRATIONS.length) {
    throw new Error(`This data folder was written by a newer Paperboy (schema ${current}); please update the app.`);
  }
  for (let version = current + 1; version <= MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version - 1]!);
      db.exec(`PRAGMA user_version = ${version}`);
    });
  }
}
