// electron-store cannot load without Electron; it is conf with Electron's paths filled in, so the
// same class over conf, in the same data folder, proves the file format the app writes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import { afterAll, describe, expect, it } from 'vitest';
import { FileSettings, openJsonSettingsFile, SETTINGS_FILE } from '../../electron/core/settings/settings-store';
import { StoredSettings, WINDOW_STATE_KEY } from '../../electron/app/stored-settings';
import { DEFAULT_SETTINGS } from '../../shared/types';
import { removeTempDirs, tempDir } from '../support/temp';

afterAll(removeTempDirs);

// What electron-store's constructor passes to conf for { cwd: dataDir, name: SETTINGS_FILE }.
const appStore = (dataDir: string) => new StoredSettings(new Conf<Record<string, unknown>>({ cwd: dataDir, configName: SETTINGS_FILE, projectVersion: '0.1.0' }));
const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];

describe('settings kept by the app', () => {
  it('start from the defaults and live in config.json in the data folder', () => {
    const dataDir = tempDir();
    const settings = appStore(dataDir);
    expect(settings.get()).toEqual(DEFAULT_SETTINGS);
    settings.update({ theme: 'dark', syncEveryHours: 6 });
    const file = JSON.parse(readFileSync(path.join(dataDir, 'config.json'), 'utf8'));
    expect(file).toMatchObject({ theme: 'dark', syncEveryHours: 6 });
  });

  it('are the ones the CLI reads and writes', () => {
    const dataDir = tempDir();
    appStore(dataDir).update({ syncConcurrency: 3, syncOnStart: true });
    const cli = new FileSettings(openJsonSettingsFile(dataDir));
    expect(cli.get()).toMatchObject({ syncConcurrency: 3, syncOnStart: true });
    cli.update({ keepDays: null });
    expect(appStore(dataDir).get()).toMatchObject({ syncConcurrency: 3, syncOnStart: true, keepDays: null });
  });

  it('refuse bad values as the core does, and clamp numbers out of range', () => {
    const settings = appStore(tempDir());
    expect(settings.update({ theme: 'neon' as never, syncConcurrency: 1000, keepDays: 'forever' as never })).toMatchObject({
      theme: 'system',
      syncConcurrency: 32,
      keepDays: DEFAULT_SETTINGS.keepDays,
    });
  });

  it('keep the window state under its own key, untouched by settings updates', () => {
    const dataDir = tempDir();
    const settings = appStore(dataDir);
    expect(settings.windowState(screen)).toEqual({ width: 1200, height: 800, maximized: false });
    settings.saveWindowState({ x: 10, y: 20, width: 900, height: 700, maximized: true });
    settings.update({ theme: 'light' });
    new FileSettings(openJsonSettingsFile(dataDir)).update({ keepDays: 30 });
    expect(appStore(dataDir).windowState(screen)).toEqual({ x: 10, y: 20, width: 900, height: 700, maximized: true });
    expect(Object.keys(appStore(dataDir).get())).not.toContain(WINDOW_STATE_KEY);
  });
});
