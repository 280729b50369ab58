// The backup file: one SQLite database, self-describing and checkable with integrity_check. It
// is a copy of paperboy.db (VACUUM INTO: a consistent snapshot while the app runs) plus three
// tables of its own:
//   paperboy_backup_meta(key, value)  format, format_version, app_version, schema_version, created_at
//   backup_settings(name, text)       config.json as it was on disk
//   backup_images(hash, bytes)        the image cache; hash is the SHA-256 of bytes, as in DATA/images
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { unreadableFile } from '../system/file-checks';
import { SETTINGS_FILE } from '../settings/settings-store';
import { errorMessage } from '../../../shared/error-message';
import { DatabaseDamageError, isDamageCode, MIGRATIONS, Sqlite, headerProblem } from '../storage';

export const BACKUP_FORMAT = 'paperboy-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const META_TABLE = 'paperboy_backup_meta';
export const SETTINGS_TABLE = 'backup_settings';
export const IMAGES_TABLE = 'backup_images';
export const BACKUP_TABLES = [META_TABLE, SETTINGS_TABLE, IMAGES_TABLE] as const;
export const BACKUP_EXTENSION = 'paperboy-backup';
/** The settings file as conf and electron-store name it in the data folder. */
export const SETTINGS_FILE_NAME = `${SETTINGS_FILE}.json`;

/** A backup that cannot be restored, and why, in words for the person. */
export class BackupError extends Error {}

export interface BackupInfo {
  readonly appVersion: string;
  readonly createdAt: string;
  readonly schemaVersion: number;
  readonly feeds: number;
  readonly articles: number;
  readonly drafts: number;
  readonly images: number;
  /** Images the articles show that are not in the backup: the images folder lost them (the
   *  next sync fetches them again), so a restore brings those articles back without them. */
  readonly missingImages: number;
  readonly settings: boolean;
}

/**
 * Checks everything a restore relies on before anything is touched: an SQLite file, ours, of a
 * format and schema this version reads, passing integrity_check, every image's bytes hashing to
 * its name and the settings being a JSON object.
 */
export function checkBackup(file: string): BackupInfo {
  const missing = unreadableFile(file);
  if (missing) throw new BackupError(missing);
  // SQLite takes an empty file for an empty database, which has none of our tables.
  if (statSync(file).size === 0) throw new BackupError(`${file} is empty (0 bytes): it is not a Paperboy backup. Nothing was changed.`);
  let problem: string | null;
  try {
    problem = headerProblem(file);
  } catch (error) {
    throw new BackupError(`cannot read ${file}: ${errorMessage(error)}`);
  }
  if (problem) throw new BackupError(`${file} is not a Paperboy backup: ${problem}`);
  let db: Sqlite;
  try {
    db = new Sqlite(file, { readonly: true });
  } catch (error) {
    if (isDamageCode(error)) throw damagedBackup(file, error);
    throw new BackupError(`${file} is not a Paperboy backup: ${errorMessage(error)}`);
  }
  try {
    return describe(db, file);
  } catch (error) {
    if (error instanceof BackupError) throw error;
    if (isDamageCode(error)) throw damagedBackup(file, error);
    throw new BackupError(`${file} is damaged: ${errorMessage(error)}`);
  } finally {
    db.close();
  }
}

/**
 * SQLite's own words, not the storage layer's message for the live database (which tells the
 * person their library is damaged and will be recovered): here only the file named is.
 */
function damagedBackup(file: string, error: unknown): BackupError {
  const detail = error instanceof DatabaseDamageError ? error.detail : errorMessage(error);
  return new BackupError(`${file} is damaged, so it cannot be restored (${detail}). Nothing was changed.`);
}

function describe(db: Sqlite, file: string): BackupInfo {
  const tables = new Set(db.all<{ name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table'").map((row) => row.name));
  if (BACKUP_TABLES.some((table) => !tables.has(table))) throw new BackupError(`${file} is an SQLite database but not a Paperboy backup`);
  const meta = new Map(db.all<{ key: string; value: string }>(`SELECT key, value FROM ${META_TABLE}`).map((row) => [row.key, row.value]));
  if (meta.get('format') !== BACKUP_FORMAT) throw new BackupError(`${file} is not a Paperboy backup`);
  const appVersion = meta.get('app_version') ?? 'unknown';
  const formatVersion = Number(meta.get('format_version'));
  const schemaVersion = db.value<number>('PRAGMA user_version') ?? 0;
  if (!(formatVersion >= 1) || formatVersion > BACKUP_FORMAT_VERSION || schemaVersion > MIGRATIONS.length) {
    throw new BackupError(`${file} was made by a newer Paperboy (${appVersion}); please update the app to restore it.`);
  }
  const integrity = db.all<{ integrity_check: string }>('PRAGMA integrity_check(1)')[0]?.integrity_check;
  if (integrity !== 'ok') throw new BackupError(`${file} is damaged (integrity check: ${integrity ?? 'no answer'})`);
  let images = 0;
  // One image at a time: a cache of gigabytes is never all in memory.
  for (let after = 0; ; ) {
    const image = db.one<{ rowid_: number; hash: string; bytes: Buffer }>(
      `SELECT rowid AS rowid_, hash, bytes FROM ${IMAGES_TABLE} WHERE rowid > ? ORDER BY rowid LIMIT 1`,
      [after],
    );
    if (!image) break;
    after = image.rowid_;
    if (!Buffer.isBuffer(image.bytes) || createHash('sha256').update(image.bytes).digest('hex') !== image.hash) {
      throw new BackupError(`${file} is damaged: the image ${String(image.hash).slice(0, 12)}… does not match its contents`);
    }
    images++;
  }
  const config = db.value<string>(`SELECT text FROM ${SETTINGS_TABLE} WHERE name = ?`, [SETTINGS_FILE_NAME]);
  if (config !== undefined && !isJsonObject(config)) throw new BackupError(`${file} is damaged: its settings are not a JSON object`);
  const count = (table: string) => (tables.has(table) ? (db.value<number>(`SELECT count(*) FROM ${table}`) ?? 0) : 0);
  // What the person subscribed to: the feeds shipped inside the app (the welcome feed, marked
  // builtin since migration 2) are not counted, as export and restore say them alike.
  const marksBuiltin = tables.has('feeds') && (db.value<number>("SELECT count(*) FROM pragma_table_info('feeds') WHERE name = 'builtin'") ?? 0) > 0;
  const subscriptions = marksBuiltin ? (db.value<number>('SELECT count(*) FROM feeds WHERE builtin = 0') ?? 0) : count('feeds');
  return {
    appVersion,
    createdAt: meta.get('created_at') ?? 'unknown',
    schemaVersion,
    feeds: subscriptions,
    articles: count('articles'),
    drafts: count('drafts'),
    images,
    missingImages: tables.has('article_images')
      ? (db.value<number>(`SELECT count(DISTINCT hash) FROM article_images WHERE hash NOT IN (SELECT hash FROM ${IMAGES_TABLE})`) ?? 0)
      : 0,
    settings: config !== undefined,
  };
}

/**
 * Whether `file` says it is a Paperboy backup (its meta table names the format), sound or not:
 * what an export may write over (./export.ts). Read without a lock or a journal (immutable), so
 * that looking at someone else's file never changes it; a backup is never in WAL mode.
 */
export function claimsToBeBackup(file: string): boolean {
  try {
    const stats = statSync(file);
    // Not a FIFO or a device (reading one could block or consume it), not an empty file.
    if (!stats.isFile() || stats.size === 0 || headerProblem(file) !== null) return false;
    const db = new Sqlite(file, { immutable: true });
    try {
      return db.value<string>(`SELECT value FROM ${META_TABLE} WHERE key = 'format'`) === BACKUP_FORMAT;
    } finally {
      db.close();
    }
  } catch {
    return false;
  }
}

export function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}
