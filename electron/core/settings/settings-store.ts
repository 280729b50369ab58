// Where preferences live: config.json in the data folder, one key-value file that the app (with
// electron-store) and the CLI and preview (with JsonFile below) both read and write, so they
// share one set of settings. The core sees only SettingsStore; what is valid is decided once, in
// shared/settings-schema.ts, for the file and for the API alike.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
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

/**
 * config.json for the hosts that run without Electron, written as electron-store writes it (JSON
 * indented with tabs, through a temporary file and a rename, private). Not the `conf` package
 * electron-store is built on: loading it (and its JSON-schema validator) took 120 ms of CPU at
 * every CLI command, for a file read whole and written whole.
 */
class JsonFile implements KeyValueFile {
  constructor(private readonly file: string) {}

  /** Read at each look, as conf does: the app or another command may have written it since. */
  get store(): Record<string, unknown> {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw error;
    }
    // A file that is not settings was moved aside at start (./unreadable-file.ts).
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  }

  get(key: string): unknown {
    return this.store[key];
  }

  set(values: Record<string, unknown>): void {
    const temp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify({ ...this.store, ...values }, undefined, '\t'), { mode: PRIVATE_FILE_MODE });
    renameSync(temp, this.file);
  }
}

export function openJsonSettingsFile(dataDir: string): KeyValueFile {
  return new JsonFile(path.join(dataDir, `${SETTINGS_FILE}.json`));
}
