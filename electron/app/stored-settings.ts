// Settings and the window's state in one key-value file: config.json in the data folder, the
// file the CLI's `conf` store reads too. The app backs it with electron-store
// (./shell/electron-settings.ts) and hands the same file to the core, which owns the settings;
// this class adds the window's size and place, which only the app has. Tests back it with conf,
// proving the two agree.
import { FileSettings, type KeyValueFile } from '../core';
import { restoreWindowState, type Rect, type WindowState } from './window-bounds';

/** The window's state has a key of its own, next to (not inside) the settings. */
export const WINDOW_STATE_KEY = 'window';

export class StoredSettings extends FileSettings {
  constructor(private readonly kv: KeyValueFile) {
    super(kv);
  }

  windowState(workAreas: readonly Rect[]): WindowState {
    return restoreWindowState(this.kv.get(WINDOW_STATE_KEY), workAreas);
  }

  saveWindowState(state: WindowState): void {
    this.kv.set({ [WINDOW_STATE_KEY]: { ...state } });
  }
}
