// The app's settings file, kept by electron-store (see ../stored-settings.ts for what is in it).
import ElectronStore from 'electron-store';
import { PRIVATE_FILE_MODE, SETTINGS_FILE, type KeyValueFile } from '../../core';

export function openSettingsFile(dataDir: string): KeyValueFile {
  return new ElectronStore<Record<string, unknown>>({ cwd: dataDir, name: SETTINGS_FILE, configFileMode: PRIVATE_FILE_MODE });
}
