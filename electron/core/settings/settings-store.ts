// Where preferences live: config.json in the data folder, one key-value file that the app (with
// electron-store) and the CLI and preview (with `conf`) both read and write, so they share one
// set of settings. The core sees only SettingsStore; what is valid is decided once, in
// shared/settings-schema.ts, for the file and for the API alike.
import Conf from 'conf';
import { normalizeSettings } from '../../../shared/settings-schema';
import type { Settings } from '../../../shared/types';
import { PRIVATE_FILE_MODE } from '../system/paths';

export interface SettingsStore {
  get(): Settings;
  update(patch: Partial<Settings>): Settings;
}

/** What electron-store and conf both offer: the whole file as an object, one key, a write. */
export interface KeyValueFile {
  readonly store: Record<string, unknown>;
  get(key: string): unknown;
  set(values: Record<string, unknown>): void;
}

/** config.json: conf and electron-store both add the extension. */
export const SETTINGS_FILE = 'config';

/** The settings kept in a key-value file, beside whatever else a host keeps there (the window's place). */
export class FileSettings implements SettingsStore {
  constructor(private readonly file: KeyValueFile) {}

  get(): Settings {
    return normalizeSettings(this.file.store);
  }

  update(patch: Partial<Settings>): Settings {
    const next = normalizeSettings({ ...this.get(), ...patch });
    this.file.set({ ...next });
    return next;
  }
}

/** config.json through `conf`, for the hosts that run without Electron. */
export function openConfFile(dataDir: string): KeyValueFile {
  return new Conf<Record<string, unknown>>({ cwd: dataDir, configName: SETTINGS_FILE, projectName: 'paperboy', configFileMode: PRIVATE_FILE_MODE });
}
