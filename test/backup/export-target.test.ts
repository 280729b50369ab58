// What an export may write over (the rule is the core's, for the app's save dialog and the CLI
// alike): an earlier Paperboy backup, never another file. A Paperboy database is SQLite too, and
// a damaged backup still says it is one.
import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core';
import { checkBackup } from '../../electron/core/backup/format';
import { DATABASE_FILE } from '../../electron/core/storage/database';
import { damageTable } from '../support/damage';
import { removeTempDirs, tempDir } from '../support/temp';

afterAll(removeTempDirs);

describe('exportData over an existing file', () => {
  it("refuses another folder's Paperboy database (SQLite, not a backup) and leaves it and its folder untouched", async () => {
    const other = tempDir();
    const otherCore = openCore({ dataDir: other, workers: 1 });
    await otherCore.api.createFolder('Not a backup');
    await otherCore.close();
    const target = path.join(tempDir(), 'library.db');
    copyFileSync(path.join(other, DATABASE_FILE), target);
    const bytes = readFileSync(target);

    const core = openCore({ dataDir: tempDir(), workers: 1 });
    try {
      await expect(core.exportData(target)).rejects.toThrow(`${target} already exists and is not a Paperboy backup`);
    } finally {
      await core.close();
    }
    expect(readFileSync(target).equals(bytes)).toBe(true);
    // No partial file, no journal: the folder holds what it held.
    expect(readdirSync(path.dirname(target))).toEqual(['library.db']);
  });

  it('replaces a damaged earlier backup: it still says it is one', async () => {
    const core = openCore({ dataDir: tempDir(), workers: 1 });
    try {
      const target = path.join(tempDir(), 'all.paperboy-backup');
      await core.exportData(target);
      damageTable(target, 'articles', 1);
      expect(() => checkBackup(target)).toThrow(/damaged/);
      await core.exportData(target);
      expect(checkBackup(target).feeds).toBe(0);
    } finally {
      await core.close();
    }
  });
});
