// The dialogs behind File > Export All Data… and File > Restore from Backup…. The work and its
// order are in ../backup/ (tested there); this file only asks the person and tells them.
import { app, dialog, type BrowserWindow, type MessageBoxOptions } from 'electron';
import { BACKUP_EXTENSION, BackupError, checkBackup, describeContents, restoreDataFolder, restoreInApp, type PaperboyCore } from '../../core';
import { errorMessage } from '../../../shared/error-message';

export interface BackupDialogDeps {
  readonly dataDir: string;
  window(): BrowserWindow | null;
  core(): PaperboyCore | null;
  /** Stops the scheduler and closes the core, as quitting does. */
  closeCore(): Promise<void>;
}

const FILTERS = [
  { name: 'Paperboy backup', extensions: [BACKUP_EXTENSION] },
  { name: 'All Files', extensions: ['*'] },
];

async function box(win: BrowserWindow | null, options: MessageBoxOptions): Promise<number> {
  return (await (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options))).response;
}


export async function exportAllData(deps: BackupDialogDeps): Promise<void> {
  const win = deps.window();
  const core = deps.core();
  if (!core) return;
  const day = new Date().toISOString().slice(0, 10);
  const options = { title: 'Export All Data', defaultPath: `Paperboy ${day}.${BACKUP_EXTENSION}`, filters: FILTERS };
  const chosen = await (win ? dialog.showSaveDialog(win, options) : dialog.showSaveDialog(options));
  if (chosen.canceled || !chosen.filePath) return;
  try {
    const info = await core.exportData(chosen.filePath);
    await box(win, { type: 'info', message: 'All data exported.', detail: `${describeContents(info)} in ${chosen.filePath}` });
  } catch (error) {
    await box(win, { type: 'error', message: 'The data could not be exported.', detail: errorMessage(error) });
  }
}

export async function restoreFromBackup(deps: BackupDialogDeps): Promise<void> {
  const win = deps.window();
  const options = { title: 'Restore from Backup', filters: FILTERS, properties: ['openFile' as const] };
  const chosen = await (win ? dialog.showOpenDialog(win, options) : dialog.showOpenDialog(options));
  const file = chosen.filePaths[0];
  if (chosen.canceled || !file) return;
  let contents: string;
  try {
    const info = checkBackup(file);
    contents = `${describeContents(info)}, saved ${info.createdAt} by Paperboy ${info.appVersion}`;
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    await box(win, { type: 'error', message: 'This file cannot be restored. Nothing was changed.', detail: error.message });
    return;
  }
  const confirmed = await box(win, {
    type: 'warning',
    message: 'Replace all data with this backup?',
    detail: `${contents}.\n\nThe current database and settings are kept aside in ${deps.dataDir}, not deleted. Paperboy restarts afterwards.`,
    buttons: ['Restore and Restart', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
  });
  if (confirmed !== 0) return;
  const outcome = await restoreInApp(file, {
    dataDir: deps.dataDir,
    closeCore: deps.closeCore,
    restore: (chosenFile) => restoreDataFolder(deps.dataDir, chosenFile),
  });
  if (outcome.kind === 'in-use') {
    await box(win, { type: 'error', message: 'Paperboy cannot restore while another process uses its data. Nothing was changed.', detail: outcome.message });
    return;
  }
  if (outcome.kind === 'refused') {
    await box(win, { type: 'error', message: 'This file cannot be restored. Nothing was changed.', detail: outcome.message });
    return;
  }
  if (outcome.kind === 'failed') {
    await box(win, { type: 'error', message: 'The backup could not be restored. Your data is as it was.', detail: outcome.message });
  }
  // The core is closed either way: start again on the (restored or untouched) data folder.
  app.relaunch();
  app.exit(0);
}
