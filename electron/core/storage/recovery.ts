// Starting on a damaged database. The file is never deleted and never written: it is moved
// aside (with its WAL, which may hold the newest drafts), a new database is opened in its place,
// and what SQLite can still read is copied over row by row (salvage.ts): the person's own data
// first (comment drafts, subscriptions, folders), then the articles with their read and starred
// marks and offline copies. Indexes and the full-text index are rebuilt in the new file, so
// damage there costs nothing; the next sync fetches again what was on damaged pages.
//
// Cost at a normal start: a header check (one 100-byte read) and openDatabase's quick_check of
// the small tables, about 2 ms. A full quick_check reads every page (440 ms warm, 2.2 s cold
// on 100,000 articles / 287 MB), so it runs only when damage is likely or cheap to look for:
// the file is small, the last session did not close (its WAL still holds pages, Storage.close empties it, and no
// other process has the folder open), or SQLite reported damage while the app ran (the marker file below).
import { closeSync, existsSync, openSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DATABASE_FILE, isDamage, openDatabase, openDatabaseReadOnly } from './database';
import { writeTrouble } from '../system/disk-full';
import { otherUsers } from '../system/folder-users';
import { emptySalvage, salvage, type SalvageCounts } from './salvage';
import { DatabaseDamageError, Sqlite } from './sqlite';
import type { StartupNotice } from '../../../shared/api';
import { errorMessage } from '../../../shared/error-message';

/** Up to this size the full check costs under about 50 ms: always run it. */
export const FULL_CHECK_MAX_BYTES = 32 * 1024 * 1024;
/** Left by a session in which SQLite reported damage: the next start checks every page. */
export const CHECK_MARKER = `${DATABASE_FILE}.needs-check`;

export interface RecoveryReport extends SalvageCounts {
  /** What was wrong, in SQLite's words or the header check's. */
  readonly reason: string;
  /** Where the damaged file now is (its -wal and -shm beside it, same name plus suffix). */
  readonly movedTo: string;
}

export interface OpenedDatabase {
  readonly db: Sqlite;
  /** Set when the database was damaged and replaced at this start. */
  readonly recovery: RecoveryReport | null;
  /** Set when the folder cannot be written (full, read-only): why; the database is open for reading only. */
  readonly readOnly: Error | null;
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
    // A WAL that holds pages while another process has the folder open is that process's (the
    // app, while a command runs beside it), not the trace of a crash.
    const unclosed = sizeOf(`${file}-wal`) > 0 && otherUsers(dataDir).length === 0;
    const fullCheck = existsSync(marker) || unclosed || sizeOf(file) <= (options.fullCheckMaxBytes ?? FULL_CHECK_MAX_BYTES);
    try {
      const db = openDatabase(dataDir, { fullCheck, onCorrupt });
      rmSync(marker, { force: true });
      return { db, recovery: null, readOnly: null };
    } catch (error) {
      if (!isDamage(error)) return openReadOnly(dataDir, error);
      reason = error instanceof DatabaseDamageError ? error.detail : errorMessage(error);
    }
  }
  const movedTo = moveAside(file, options.now ?? new Date());
  const db = openDatabase(dataDir, { onCorrupt });
  rmSync(marker, { force: true });
  const now = options.now ?? new Date();
  return { db, recovery: { reason, movedTo, ...salvageFrom(movedTo, db, now) }, readOnly: null };
}

/**
 * A database that opened neither as damaged nor as sound. A newer schema, a locked file: the
 * error stands. A folder that cannot be written (SQLite says "disk I/O error" when it cannot
 * make its -shm file on a full disk): the data opens read-only, so reading still works.
 */
function openReadOnly(dataDir: string, error: unknown): OpenedDatabase {
  const trouble = writeTrouble(dataDir, 'the database');
  if (!trouble) throw error;
  return { db: openDatabaseReadOnly(dataDir, trouble), recovery: null, readOnly: trouble };
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

/** Makes the next start check every page (SQLite reported damage on some connection of this folder). */
export function writeMarker(marker: string): void {
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

/** Copies what can be read from the damaged file into the new database (salvage.ts). */
function salvageFrom(damagedFile: string, db: Sqlite, now: Date): SalvageCounts {
  let old: Sqlite;
  try {
    old = new Sqlite(damagedFile, { readonly: true });
  } catch {
    return emptySalvage();
  }
  try {
    // A file cut short (an interrupted copy) has a header that counts more pages than it holds,
    // and SQLite then refuses every read, sqlite_schema's first. With writable_schema it takes
    // the pages that are there, and a page past the end is damage like any other, which the
    // salvage steps around. The connection stays read-only: the pragma writes nothing.
    old.exec('PRAGMA writable_schema = ON');
    return salvage(old, db, now.getTime());
  } finally {
    old.close();
  }
}

/** Why the data opened read-only, for the banner in the app and the CLI's stderr. */
export function readOnlyNotice(trouble: Error): StartupNotice {
  return {
    id: 'database-read-only',
    title: 'Paperboy opened your data read-only',
    message:
      `${trouble.message}. Everything stored can be read, but nothing new is saved (no sync, read marks or drafts). ` +
      'Free some space (or make the folder writable again), then start Paperboy again.',
  };
}

/** The report in words, for the banner in the app and the CLI's stderr. */
export function recoveryNotice(report: RecoveryReport): StartupNotice {
  const plural = (n: number, one: string) => `${n.toLocaleString('en-US')} ${one}${n === 1 ? '' : 's'}`;
  const recovered = [plural(report.draftsRecovered, 'comment draft'), plural(report.feedsRecovered, 'subscription'), plural(report.foldersRecovered, 'folder')];
  const articles = `${plural(report.articlesRecovered, 'article')} with their read and starred marks (${report.starredRecovered.toLocaleString('en-US')} starred)`;
  const lost = report.copiesLost > 0 ? `; the saved copies of ${plural(report.copiesLost, 'article')} were damaged and come back with the next sync` : '';
  return {
    id: `database-recovered:${path.basename(report.movedTo)}`,
    title: 'Paperboy started with a new database',
    message:
      `The database was damaged (${report.reason}), so Paperboy set it aside and started a new one. ` +
      `The damaged file is kept, unchanged, at ${report.movedTo}. ` +
      `Recovered from it: ${recovered.join(', ')}. Also ${articles}${lost}.` +
      (report.incomplete ? ' Some rows could not be read: articles among them come back with the next sync, if their feeds still have them.' : ''),
  };
}
