// The files a person names for export and restore, when they name the wrong thing: a folder, a
// file that is not there, a folder that is not there. Each reads as a sentence naming the file,
// where it used to be "EISDIR: illegal operation on a directory" or SQLite's "unable to open
// database", and nothing is left behind.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openCore, restoreDataFolder } from '../../electron/core';
import { removeTempDirs, tempDir } from '../support/temp';

afterAll(removeTempDirs);

describe('a wrong file named for export or restore', () => {
  it('export: a folder, or a folder that does not exist, is named in a sentence, and no partial file is left', async () => {
    const core = openCore({ dataDir: tempDir(), workers: 1, welcome: false });
    const parent = tempDir();
    const folder = path.join(parent, 'Backups');
    mkdirSync(folder);
    try {
      await expect(core.exportData(folder)).rejects.toThrow(`${folder} is a folder: name a file inside it`);
      await expect(core.exportData(path.join(parent, 'Missing', 'all.paperboy-backup'))).rejects.toThrow(`the folder ${path.join(parent, 'Missing')} does not exist`);
      expect(readdirSync(parent)).toEqual(['Backups']);
    } finally {
      await core.close();
    }
  });

  it('restore: a folder, a missing file, or a path through a file is named in a sentence', () => {
    const parent = tempDir();
    const folder = path.join(parent, 'Backups');
    mkdirSync(folder);
    writeFileSync(path.join(parent, 'notes.txt'), 'not a folder');
    expect(() => restoreDataFolder(tempDir(), folder)).toThrow(`${folder} is a folder, not a file`);
    expect(() => restoreDataFolder(tempDir(), path.join(parent, 'gone.paperboy-backup'))).toThrow(`${path.join(parent, 'gone.paperboy-backup')} does not exist`);
    const through = path.join(parent, 'notes.txt', 'all.paperboy-backup');
    expect(() => restoreDataFolder(tempDir(), through)).toThrow(`${through} cannot exist: part of its path is a file, not a folder`);
  });
});
