// Restore of a backup (./format.ts) into a data folder that no other process has open (refused
// with DataFolderInUseError otherwise): it replaces the database. The backup is checked whole
// before anything changes, and trusted no further than its data: its schema is cut back to what
// the migrations make (./trusted-schema.ts) and its stored HTML sanitized again (./resanitize.ts); the current database and settings are moved aside (never deleted), and the new database is put in place by a rename,
// so a failure part-way (a full disk) leaves the current data as it was. Drafts it brings back
// unsent are looked for on their sites before they are posted (./restored-drafts.ts).
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isSafeDrawing, SVG_TYPE } from '../articles';
import { refuseWhileInUse } from '../system/folder-users';
import { ensurePrivateFolder, makePrivate, PRIVATE_FILE_MODE } from '../system/paths';
import { resanitizeDatabase } from './resanitize';
import { markUnsentDraftsForCheck } from './restored-drafts';
import { keepTrustedSchema } from './trusted-schema';
import { BACKUP_TABLES, IMAGES_TABLE, SETTINGS_FILE_NAME, SETTINGS_TABLE, type BackupInfo, checkBackup } from './format';
import { DATABASE_FILE, Sqlite, moveAside, queueAllForSearch, recountFeeds } from '../storage';

export interface RestoreResult extends BackupInfo {
  /** Where the database that was replaced is kept; null when the folder had none. */
  readonly previousDatabase: string | null;
  readonly previousSettings: string | null;
  /** Drafts not sent when the backup was made: each is looked for on its site before it is posted. */
  readonly draftsToCheck: number;
}

export function restoreData(dataDir: string, imagesDir: string, file: string, now = new Date()): RestoreResult {
  const info = checkBackup(file);
  // After the file's check, as close as can be to the first change: replacing the database under
  // a running app or command would lose what it writes next (../folder-users.ts).
  refuseWhileInUse(dataDir);
  ensurePrivateFolder(dataDir);
  const database = path.join(dataDir, DATABASE_FILE);
  const staged = `${database}.restoring-${process.pid}`;
  rmSync(staged, { force: true });
  try {
    // The database part, staged beside its final place (same file system: the rename is atomic).
    copyFileSync(file, staged);
    makePrivate(staged);
    const db = new Sqlite(staged);
    let config: string | undefined;
    let draftsToCheck: number;
    try {
      config = db.value<string>(`SELECT text FROM ${SETTINGS_TABLE} WHERE name = ?`, [SETTINGS_FILE_NAME]);
      writeImages(db, imagesDir);
      for (const table of BACKUP_TABLES) db.exec(`DROP TABLE ${table}`);
      // Before any write to the data: a planted trigger must not run on the sanitizer's updates.
      keepTrustedSchema(db, file);
      resanitizeDatabase(db);
      const madeAt = Date.parse(info.createdAt);
      draftsToCheck = markUnsentDraftsForCheck(db, Number.isNaN(madeAt) ? null : madeAt);
      // Counts and the search index are derived from the rows; the file's own are trusted no more than its triggers were.
      // The counts are made here; the index by its catching up, as a sync's articles are (storage/search-queue.ts).
      recountFeeds(db);
      queueAllForSearch(db);
      // The images' bytes leave free pages behind; the data folder's database is WAL, as always.
      db.exec('VACUUM; PRAGMA journal_mode = WAL;');
    } finally {
      db.close();
    }
    const previousDatabase = existsSync(database) ? moveAside(database, now, 'before-restore') : null;
    renameSync(staged, database);
    const settingsFile = path.join(dataDir, SETTINGS_FILE_NAME);
    const previousSettings = config !== undefined && existsSync(settingsFile) ? moveAside(settingsFile, now, 'before-restore') : null;
    if (config !== undefined) writeFileAtomically(settingsFile, config);
    return { ...info, previousDatabase, previousSettings, draftsToCheck };
  } catch (error) {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(staged + suffix, { force: true });
    throw error;
  }
}

/** Each image into the cache under its hash (already checked); one already there is kept. An SVG
 *  drawing only as Paperboy makes one safe (articles/svg-drawing.ts): any other is left out, a
 *  hole the next sync fills from its site. */
function writeImages(db: Sqlite, imagesDir: string): void {
  for (let after = 0; ; ) {
    const image = db.one<{ rowid_: number; hash: string; bytes: Buffer }>(
      `SELECT rowid AS rowid_, hash, bytes FROM ${IMAGES_TABLE} WHERE rowid > ? ORDER BY rowid LIMIT 1`,
      [after],
    );
    if (!image) return;
    after = image.rowid_;
    if (db.value<string>('SELECT mime FROM images WHERE hash = ?', [image.hash]) === SVG_TYPE && !isSafeDrawing(image.bytes)) continue;
    const target = path.join(imagesDir, image.hash.slice(0, 2), image.hash);
    if (sizeOf(target) === image.bytes.length) continue;
    mkdirSync(path.dirname(target), { recursive: true });
    // ImageCache's temp name: a restore killed here leaves a file the cache removes (images.ts).
    writeFileAtomically(target, image.bytes, `${target}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  }
}

function sizeOf(file: string): number | null {
  try {
    return statSync(file).size;
  } catch {
    return null;
  }
}

function writeFileAtomically(file: string, contents: string | Buffer, temp = `${file}.${process.pid}.restoring`): void {
  try {
    writeFileSync(temp, contents, { mode: PRIVATE_FILE_MODE });
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
