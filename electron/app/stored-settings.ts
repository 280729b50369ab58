// Settings and the window's state in one key-value file: config.json in the data folder, the
// file the CLI's `conf` store reads too (electron/core/settings/settings-store.ts). The app backs this
// with electron-store (./electron-settings.ts); tests back it with conf, proving the two agree.
import type { Settings } from '../../shared/types';
import { normalizeSettings, type SettingsStore } from '../core/settings/settings-store';
import { restoreWindowState, type Rect, type WindowState } from './window-bounds';

/** What electron-store and conf both offer. */
export interface KeyValueFile {
  readonly store: Record<string, unknown>;
  get(key: string): unknown;
  set(values: Record<string, unknown>): void;
}

/** The window's state has a key of its own, next to (not inside) the settings. */
export const WINDOW_STATE_KEY = 'window';

export class StoredSettings implements SettingsStore {
  constructor(private readonly file: KeyValueFile) {}

  get(): Settings {
    return normalizeSettings(this.file.store as Partial<Record<keyof Settings, unknown>>);
  }

  update(patch: Partial<Settings>): Settings {
    const next = normalizeSettings({ ...this.get(), ...patch });
    this.file.set({ ...next });
    return next;
  }

  windowState(workAreas: readonly Rect[]): WindowState {
    return restoreWindowState(this.file.get(WINDOW_STATE_KEY), workAreas);
  }

  saveWindowState(state: WindowState): void {
    this.file.set({ [WINDOW_STATE_KEY]: { ...state } });
  }
}
