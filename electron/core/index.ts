// The core's one face. A host (the Electron app, the preview server, the CLI) opens a data folder
// with openCore and then has the API contract (every call validated), the core's events, the
// served cache, the backup and the lifecycle: nothing else. What each host does with them is its
// own business; what Paperboy does is all here, so every sync, from a button, the schedule or a
// terminal, takes the same path.
import type { PaperboyApi, PaperboyEventName, PaperboyEvents } from '../../shared/api';
import type { BackupInfo } from './backup/format';
import { Core, IMAGES_FOLDER, type CachedImage, type CoreOptions } from './core';
import path from 'node:path';
import { restoreData, type RestoreResult } from './backup/restore';
import { decodeText } from './http';

export interface PaperboyCore {
  readonly dataDir: string;
  /** The contract; every call is validated as a transport's would be. */
  readonly api: PaperboyApi;
  /** One call as a transport received it: a method name and raw arguments, validated here. */
  call(method: string, args: unknown): Promise<unknown>;
  /** Subscribes to one of the core's events; returns the unsubscribe function. */
  on<E extends PaperboyEventName>(event: E, listener: (payload: PaperboyEvents[E]) => void): () => void;
  /** A cached image's file and recorded type, or null when the cache does not hold it. */
  cachedImage(hash: string): CachedImage | null;
  /** All data in one backup file (see backup/format.ts), written in a worker thread. */
  exportData(file: string): Promise<BackupInfo>;
  /** Syncs on the person's schedule (Settings: on start, every N hours) until close(). */
  startScheduledSyncs(): void;
  /** When the work calls left running ends (a removed feed's articles being deleted). */
  idle(): Promise<void>;
  /** Cancels a running sync, stops the schedule, and closes the data folder. */
  close(): Promise<void>;
}

export function openCore(options: CoreOptions): PaperboyCore {
  return new Core(options);
}

/**
 * Replaces a CLOSED data folder's data with a backup's (see backup/restore.ts); refuses with
 * DataFolderInUseError, changing nothing, while another process has the folder open.
 */
export function restoreDataFolder(dataDir: string, file: string): RestoreResult {
  return restoreData(dataDir, path.join(dataDir, IMAGES_FOLDER), file);
}

export type { CachedImage, CoreOptions } from './core';
export { IMAGES_FOLDER } from './core';
export type { BackupInfo } from './backup/format';
export type { RestoreResult } from './backup/restore';
export { BACKUP_EXTENSION, BackupError, checkBackup } from './backup/format';
export { describeContents, restoreInApp, type AppRestoreOutcome, type AppRestoreSteps } from './backup/app-restore';
export { FileSettings, SETTINGS_FILE, type KeyValueFile } from './settings/settings-store';
export { unwritableTarget } from './system/file-checks';
export { APP_NAME, defaultDataDir, PRIVATE_FILE_MODE } from './system/paths';
export { VERSION } from './system/version';
export { typedAddress } from './feeds';
export { proxyFromEnvironment, type ProxyResolver } from './http';

/**
 * An XML file's bytes (an OPML file of subscriptions) as text, decoded as feeds are: its byte order
 * mark, else its declaration's encoding, else UTF-8 when the bytes are UTF-8 and windows-1252 when
 * not. A host reading such a file hands importOpml this text, never the bytes read as UTF-8.
 */
export function xmlFileText(bytes: Buffer): string {
  return decodeText(bytes, null, 'xml');
}
