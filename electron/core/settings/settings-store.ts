// Where preferences live. The core only sees this interface (and plain values); the Electron
// shell backs it with electron-store, the CLI and the preview server with `conf`. Both write
// the same config.json in the data folder, so the app and the CLI share one set of settings.
import Conf from 'conf';
import { DEFAULT_SETTINGS, type Commenter, type Settings } from '../../../shared/types';
import { PRIVATE_FILE_MODE } from '../system/paths';

export interface SettingsStore {
  get(): Settings;
  update(patch: Partial<Settings>): Settings;
}

export const SETTINGS_FILE = 'config';

/** Keeps only known keys with values of the right type; anything else falls back to the default. */
export function normalizeSettings(raw: Partial<Record<keyof Settings, unknown>>): Settings {
  const pick = <K extends keyof Settings>(key: K, valid: (value: unknown) => boolean): Settings[K] =>
    (valid(raw[key]) ? raw[key] : DEFAULT_SETTINGS[key]) as Settings[K];
  const positiveInt = (value: unknown) => Number.isInteger(value) && (value as number) > 0;
  return {
    theme: pick('theme', (v) => v === 'system' || v === 'light' || v === 'dark'),
    syncConcurrency: pick('syncConcurrency', (v) => positiveInt(v) && (v as number) <= 32),
    keepDays: pick('keepDays', (v) => v === null || positiveInt(v)),
    syncOnStart: pick('syncOnStart', (v) => typeof v === 'boolean'),
    syncEveryHours: pick('syncEveryHours', (v) => v === null || positiveInt(v)),
    commenter: normalizeCommenter(raw.commenter),
  };
}

/** Each of name, email and website a string (else empty): the file may have been edited by hand. */
function normalizeCommenter(raw: unknown): Commenter {
  const value = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<Record<keyof Commenter, unknown>>;
  const text = (field: unknown) => (typeof field === 'string' ? field : '');
  return { name: text(value.name), email: text(value.email), website: text(value.website) };
}

export class ConfSettingsStore implements SettingsStore {
  private readonly conf: Conf<Record<string, unknown>>;

  constructor(dataDir: string) {
    this.conf = new Conf({ cwd: dataDir, configName: SETTINGS_FILE, projectName: 'paperboy', configFileMode: PRIVATE_FILE_MODE });
  }

  get(): Settings {
    return normalizeSettings(this.conf.store as Partial<Record<keyof Settings, unknown>>);
  }

  update(patch: Partial<Settings>): Settings {
    const next = normalizeSettings({ ...this.get(), ...patch });
    for (const [key, value] of Object.entries(next)) this.conf.set(key, value);
    return next;
  }
}
