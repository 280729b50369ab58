// Restoring from the desktop app, whose core holds the data folder open: check the backup, and
// that no other process has the folder open, while the app still runs (a refusal changes nothing
// and the app carries on), then close the core and restore; main.ts then starts the app again on
// the restored folder. Kept here, without Electron, so the order of these steps is tested
// (test/backup/app-restore.test.ts); main.ts supplies the steps.
import { DataFolderInUseError, refuseWhileInUse } from '../system/folder-users';
import { BackupError, checkBackup, type BackupInfo } from './format';
import type { RestoreResult } from './restore';
import { errorMessage } from '../../../shared/error-message';

export interface AppRestoreSteps {
  /** The data folder, to refuse before the core closes while another process has it open. */
  readonly dataDir: string;
  closeCore(): Promise<void>;
  restore(file: string): RestoreResult;
}

/** After 'restored' and 'failed' the core is closed: the app must start again (main.ts relaunches). */
export type AppRestoreOutcome =
  | { readonly kind: 'refused'; readonly message: string }
  /** Another process (a CLI sync, a second app) has the folder open; nothing changed, the app runs on. */
  | { readonly kind: 'in-use'; readonly message: string }
  | { readonly kind: 'restored'; readonly result: RestoreResult }
  | { readonly kind: 'failed'; readonly message: string };

/** The backup's contents in words, for the confirmation and the CLI. */
export function describeContents(info: BackupInfo): string {
  // A lost images folder would otherwise pass unnoticed as "0 images".
  const missing = info.missingImages > 0
    ? ` (warning: ${info.missingImages} more that articles show ${info.missingImages === 1 ? 'is' : 'are'} missing from the images folder; the next sync fetches them again)`
    : '';
  const counted = (count: number, one: string) => `${count.toLocaleString('en-US')} ${one}${count === 1 ? '' : 's'}`;
  return `${counted(info.feeds, 'feed')}, ${counted(info.articles, 'article')}, ${counted(info.drafts, 'draft')}, ${counted(info.images, 'image')}${missing}${info.settings ? ', settings' : ''}`;
}

export async function restoreInApp(file: string, steps: AppRestoreSteps): Promise<AppRestoreOutcome> {
  try {
    checkBackup(file);
  } catch (error) {
    if (error instanceof BackupError) return { kind: 'refused', message: error.message };
    throw error;
  }
  // Asked while the app still runs, so that a refusal needs no restart; restore() asks again
  // (a command started in between is refused there, as 'failed').
  try {
    refuseWhileInUse(steps.dataDir);
  } catch (error) {
    if (error instanceof DataFolderInUseError) return { kind: 'in-use', message: error.message };
    throw error;
  }
  await steps.closeCore();
  try {
    return { kind: 'restored', result: steps.restore(file) };
  } catch (error) {
    // restore() changes nothing unless it completes: the app restarts on the data it had.
    return { kind: 'failed', message: errorMessage(error) };
  }
}
