// What `restore-data` says about a backup file it refuses: the file itself is named as the
// trouble, never the person's library, and nothing in the data folder changes.
import { copyFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openCore, restoreDataFolder } from '../../electron/core';
import { overwrite } from '../support/damage';
import { removeTempDirs, tempDir } from '../support/temp';

afterAll(removeTempDirs);

async function libraryWithBackup(): Promise<{ data: string; backup: string }> {
  const data = tempDir();
  const core = openCore({ dataDir: data, workers: 1, welcome: false });
  try {
    await core.api.createFolder('Mine');
    const backup = path.join(tempDir(), 'all.paperboy-backup');
    await core.exportData(backup);
    return { data, backup };
  } finally {
    await core.close();
  }
}

async function folderNames(data: string): Promise<string[]> {
  const core = openCore({ dataDir: data, workers: 1, welcome: false });
  try {
    return (await core.api.listFolders()).map((folder) => folder.name);
  } finally {
    await core.close();
  }
}

describe('restore-data refusing a file', () => {
  it('says an empty file is empty, not that it is an SQLite database of another kind', async () => {
    const { data } = await libraryWithBackup();
    const empty = path.join(tempDir(), 'all.paperboy-backup');
    writeFileSync(empty, '');
    expect(() => restoreDataFolder(data, empty)).toThrow(`${empty} is empty (0 bytes): it is not a Paperboy backup. Nothing was changed.`);
    expect(await folderNames(data)).toEqual(['Mine']);
  });

  it('says a backup with a damaged first page is damaged, not that the library is', async () => {
    const { data, backup } = await libraryWithBackup();
    const damaged = path.join(tempDir(), 'damaged.paperboy-backup');
    copyFileSync(backup, damaged);
    // The schema's page after the 100-byte file header: SQLite reads it first, and finds junk.
    overwrite(damaged, 100, 400);
    let message = '';
    try {
      restoreDataFolder(data, damaged);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(new RegExp(`^${damaged.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is damaged, so it cannot be restored \\(.+\\)\\. Nothing was changed\\.$`));
    expect(message).not.toMatch(/next time Paperboy starts|recovers what it can/);
    expect(await folderNames(data)).toEqual(['Mine']);
    expect(readdirSync(data).filter((name) => name.includes('before-restore'))).toEqual([]);
  });
});
