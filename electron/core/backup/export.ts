// Export of all data as one file (see ./format.ts). Written beside its destination under a temp
// name and renamed into place once whole and checked: a failure (a full disk) leaves no
// half-written backup behind, and never touches the data folder. The temp file is the person's
// alone from its first byte (it holds their drafts and email address), is removed when the
// process exits before it is whole, and one a killed process left behind is removed by the next export.
// An existing file is replaced only when it is an earlier Paperboy backup (people export again to
// the same name): anything else there (notes, another program's database, a system file named by
// mistake) is the person's, and is refused before any work and again just before the rename.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DiskFullError, diskFullCode } from '../system/disk-full';
import { unwritableTarget } from '../system/file-checks';
import { PRIVATE_FILE_MODE } from '../system/paths';
import { isProcessAlive } from '../system/process-alive';
import { VERSION } from '../system/version';
import { startWorker } from '../workers/start-worker';
import { DATABASE_FILE, Sqlite } from '../storage';
import {
  BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BackupError, IMAGES_TABLE, META_TABLE, SETTINGS_FILE_NAME, SETTINGS_TABLE, type BackupInfo, checkBackup,
  claimsToBeBackup,
} from './format';

export interface ExportSource {
  /** The data folder: its database is read through a connection of the export's own. */
  readonly dataDir: string;
  /** The image cache's folder (core.ts IMAGES_FOLDER in the data folder). */
  readonly imagesDir: string;
}

const EXPORT_WORKER = { source: new URL('./export-worker.ts', import.meta.url), bundled: 'export-worker.js' };

/** What ./export-worker.ts is given (workerData.job) and answers. */
export interface ExportJob {
  readonly source: ExportSource;
  readonly file: string;
  readonly now: string;
}
export type ExportReply = { readonly ok: true; readonly info: BackupInfo } | { readonly ok: false; readonly name: string; readonly message: string };

/**
 * Writes the backup in a worker thread of its own, so the process that asks (the app's main
 * process) keeps answering: VACUUM INTO, hashing and copying the image cache are synchronous
 * and take seconds on a big folder. Not the parse pool: an export would hold one of its few
 * workers for its whole length (a sync running meanwhile would wait) and the pool's workers
 * would all load libsql for a rare job; a worker per export ends when the file is written.
 */
export function exportData(source: ExportSource, file: string, now = new Date()): Promise<BackupInfo> {
  const target = path.resolve(file);
  const partial = partialFileOf(target);
  // The worker thread dies with the process (a host that exits on SIGTERM) without a word: the
  // half-written copy of the person's data must not outlive it.
  const removeOnExit = () => removePartial(partial);
  process.on('exit', removeOnExit);
  return new Promise<BackupInfo>((resolve, reject) => {
    let answered = false;
    const worker = startWorker(EXPORT_WORKER, { job: { source, file: target, now: now.toISOString() } satisfies ExportJob });
    worker.once('message', (reply: ExportReply) => {
      answered = true;
      if (reply.ok) resolve(reply.info);
      else reject(Object.assign(new (reply.name === 'BackupError' ? BackupError : Error)(reply.message), { name: reply.name }));
    });
    const failed = (why: string) => {
      if (answered) return;
      answered = true;
      // The worker's own clean-up did not run: no half-written backup left behind.
      removePartial(partial);
      reject(new Error(`the export stopped unexpectedly (${why}); no backup was written`));
    };
    worker.once('error', (error) => failed(error.message));
    worker.once('exit', (code) => failed(`exit code ${code}`));
  }).finally(() => process.off('exit', removeOnExit));
}

/** Where a backup is written before it is whole (beside it: the final rename stays on one disk). */
const PARTIAL_SUFFIX = '.partial';
const partialFileOf = (target: string) => `${target}.${process.pid}${PARTIAL_SUFFIX}`;

/** The partial file and the rollback journal SQLite keeps beside it while writing. */
function removePartial(partial: string): void {
  rmSync(partial, { force: true });
  rmSync(`${partial}-journal`, { force: true });
}

/** Partial files of this target whose process is gone (killed mid-export): nobody will finish them. */
function removeAbandonedPartials(target: string): void {
  const folder = path.dirname(target);
  const prefix = `${path.basename(target)}.`;
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = name.startsWith(prefix) && name.endsWith(PARTIAL_SUFFIX) ? name.slice(prefix.length, -PARTIAL_SUFFIX.length) : '';
    if (/^\d+$/.test(pid) && Number(pid) !== process.pid && !isProcessAlive(Number(pid))) removePartial(path.join(folder, name));
  }
}

/**
 * The export's work, synchronous: run by ./export-worker.ts. Reads the database through a
 * connection of its own; the data folder is WAL, so VACUUM INTO sees one committed snapshot
 * while the app keeps writing through its connection.
 */
export function writeBackup(source: ExportSource, file: string, now: Date): BackupInfo {
  const target = path.resolve(file);
  const database = path.resolve(source.dataDir, DATABASE_FILE);
  if (target === database) throw new Error('a backup cannot replace the database it copies');
  const unwritable = unwritableTarget(target);
  if (unwritable) throw new Error(unwritable);
  refuseToReplace(target);
  removeAbandonedPartials(target);
  const temp = partialFileOf(target);
  removePartial(temp);
  try {
    // A backup holds all the data folder does (drafts, email address): the person's alone, from
    // before its first byte (VACUUM INTO writes into an existing empty file, keeping its mode).
    writeFileSync(temp, '', { mode: PRIVATE_FILE_MODE, flag: 'wx' });
    const db = new Sqlite(database, { readonly: true });
    try {
      // Blobs are bound to columns only (see sqlite.ts); a file name is fine as a parameter here.
      db.run('VACUUM INTO ?', [temp]);
    } finally {
      db.close();
    }
    const out = new Sqlite(temp);
    try {
      // One self-contained file: no WAL beside it.
      out.exec('PRAGMA journal_mode = DELETE');
      out.exec(`CREATE TABLE ${META_TABLE} (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE ${SETTINGS_TABLE} (name TEXT PRIMARY KEY, text TEXT NOT NULL);
        CREATE TABLE ${IMAGES_TABLE} (hash TEXT PRIMARY KEY, bytes BLOB NOT NULL);`);
      out.transaction(() => {
        const meta: [string, string][] = [
          ['format', BACKUP_FORMAT], ['format_version', String(BACKUP_FORMAT_VERSION)], ['app_version', VERSION],
          ['schema_version', String(out.value<number>('PRAGMA user_version') ?? 0)], ['created_at', now.toISOString()],
        ];
        for (const [key, value] of meta) out.run(`INSERT INTO ${META_TABLE} (key, value) VALUES (?, ?)`, [key, value]);
        const config = path.join(source.dataDir, SETTINGS_FILE_NAME);
        if (existsSync(config)) out.run(`INSERT INTO ${SETTINGS_TABLE} (name, text) VALUES (?, ?)`, [SETTINGS_FILE_NAME, readFileSync(config, 'utf8')]);
        for (const { hash, file: image } of cachedImages(source.imagesDir)) {
          const bytes = readFileSync(image);
          // A file a crash cut short is worth nothing (the next sync fetches it again): left out.
          if (createHash('sha256').update(bytes).digest('hex') !== hash) continue;
          out.run(`INSERT OR IGNORE INTO ${IMAGES_TABLE} (hash, bytes) VALUES (?, ?)`, [hash, bytes]);
        }
      });
    } finally {
      out.close();
    }
    // Read back as a restore would: what is exported is known to be restorable.
    const info = checkBackup(temp);
    // Again: a file may have been put there while the backup was written.
    refuseToReplace(target);
    renameSync(temp, target);
    return info;
  } catch (error) {
    removePartial(temp);
    // SQLite's words (and sqlite.ts's) would name the data folder: the backup's folder is the full one.
    if (error instanceof DiskFullError || diskFullCode(error)) throw new Error(`disk full: no space left for the backup in ${path.dirname(target)}`, { cause: error });
    throw error;
  }
}

/** Throws unless `target` is free or holds an earlier Paperboy backup (damaged or not: it is replaced whole). */
function refuseToReplace(target: string): void {
  if (!statSync(target, { throwIfNoEntry: false }) || claimsToBeBackup(target)) return;
  throw new Error(`${target} already exists and is not a Paperboy backup, so it was not replaced: choose another name. Nothing was written.`);
}

/** The cache's files as ImageCache names them: images/<2 hex>/<64 hex> (temp files skipped). */
function cachedImages(dir: string): { hash: string; file: string }[] {
  const found: { hash: string; file: string }[] = [];
  const list = (folder: string) => (existsSync(folder) ? readdirSync(folder) : []);
  for (const shard of list(dir)) {
    if (!/^[0-9a-f]{2}$/.test(shard)) continue;
    for (const name of list(path.join(dir, shard))) {
      if (/^[0-9a-f]{64}$/.test(name) && name.startsWith(shard)) found.push({ hash: name, file: path.join(dir, shard, name) });
    }
  }
  return found;
}
