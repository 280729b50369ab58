// The app's settings file, kept by electron-store (see ./stored-settings.ts for what is in it).
import ElectronStore from 'electron-store';
import { SETTINGS_FILE } from '../../core/settings/settings-store';
import { PRIVATE_FILE_MODE } from '../../core/system/paths';
import { StoredSettings } from '../stored-settings';

export function openSettings(dataDir: string): StoredSettings {
  return new StoredSettings(new ElectronStore<Record<string, unknown>>({ cwd: dataDir, name: SETTINGS_FILE, configFileMode: PRIVATE_FILE_MODE }));
}
