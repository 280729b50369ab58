// config.json is a file people edit by hand and crashes can truncate. Whatever is in it, the core
// opens: numbers out of range are clamped (never a timer that overflows; 0 or less turns off what
// can be off), a file that is not
// settings at all is moved aside with a notice, and the person starts from the defaults.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core';
import { DEFAULT_SETTINGS } from '../../shared/types';
import { paperboy } from '../support/processes';
import { removeTempDirs, tempDir } from '../support/temp';

afterAll(removeTempDirs);

function folderWithConfig(text: string): string {
  const dataDir = tempDir('paperboy-config-');
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(path.join(dataDir, 'config.json'), text);
  return dataDir;
}

describe('config.json as the core reads it', () => {
  it('clamps numbers out of range to what the settings offer, and drops unknown values to their defaults', async () => {
    const dataDir = folderWithConfig(JSON.stringify({ syncEveryHours: 1000, syncConcurrency: 0, keepDays: 10 ** 9, theme: 'neon', syncOnStart: 'yes' }));
    const core = openCore({ dataDir, workers: 1, welcome: false });
    try {
      expect(await core.api.getSettings()).toMatchObject({ syncEveryHours: 168, syncConcurrency: 1, keepDays: 36_500, theme: 'system', syncOnStart: false });
      expect(await core.api.getNotices()).toEqual([]);
    } finally {
      await core.close();
    }
  });

  it.each([0, -1])('reads %d, written by hand for a setting that can be off, as off: keep forever, never sync on a timer', async (off) => {
    // Clamped to the minimum, "keepDays: 0" kept one day: the next sync deleted the rest of the library.
    const dataDir = folderWithConfig(JSON.stringify({ keepDays: off, syncEveryHours: off, syncConcurrency: off }));
    const core = openCore({ dataDir, workers: 1, welcome: false });
    try {
      expect(await core.api.getSettings()).toMatchObject({ keepDays: null, syncEveryHours: null, syncConcurrency: 1 });
    } finally {
      await core.close();
    }
  });

  it.each([
    ['empty', ''],
    ['truncated', '{"theme": "dark", "syncEv'],
    ['not settings', '[1, 2, 3]'],
  ])('moves an %s file aside, starts with the defaults and says where the file went', async (_what, text) => {
    const dataDir = folderWithConfig(text);
    const core = openCore({ dataDir, workers: 1, welcome: false });
    try {
      expect(await core.api.getSettings()).toEqual(DEFAULT_SETTINGS);
      const [notice] = await core.api.getNotices();
      const aside = readdirSync(dataDir).find((name) => name.startsWith('config.json.unreadable-'));
      expect(aside).toBeDefined();
      expect(readFileSync(path.join(dataDir, aside!), 'utf8')).toBe(text);
      expect(notice!.title).toBe('Paperboy started with default settings');
      expect(notice!.message).toContain(path.join(dataDir, aside!));
      // The settings work again at once.
      await core.api.updateSettings({ theme: 'dark' });
      expect(JSON.parse(readFileSync(path.join(dataDir, 'config.json'), 'utf8'))).toMatchObject({ theme: 'dark' });
    } finally {
      await core.close();
    }
  });

  it('lets the CLI run on a garbage file, telling the person on stderr', async () => {
    const dataDir = folderWithConfig('\u0000\u0000garbage');
    const run = await paperboy('call', 'getSettings', '--data', dataDir);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(DEFAULT_SETTINGS);
    expect(run.stderr).toMatch(/Paperboy started with default settings\. The settings file could not be used \(it is not valid JSON\)\. It is kept, unchanged, at .*config\.json\.unreadable-/);
    expect(existsSync(path.join(dataDir, 'config.json'))).toBe(false);
  });
});
