// The desktop app's restore, step by step, on real folders (main.ts supplies these steps): a bad
// file is refused while the app keeps running; a good one closes the core first, then restores.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { restoreInApp } from '../../electron/core/backup/app-restore';
import { openCore, restoreDataFolder } from '../../electron/core';
import { removeTempDirs, tempDir } from '../support/temp';

afterAll(removeTempDirs);

describe('restoring in the app', () => {
  it('refuses a file that is not a backup without closing the running core', async () => {
    const dir = tempDir();
    const core = openCore({ dataDir: dir, workers: 1 });
    const steps: string[] = [];
    const file = path.join(tempDir(), 'holiday.jpg');
    writeFileSync(file, Buffer.alloc(5000, 1));
    const outcome = await restoreInApp(file, {
      dataDir: dir,
      closeCore: async () => void steps.push('close'),
      restore: (chosen) => (steps.push('restore'), restoreDataFolder(dir, chosen)),
    });
    expect(outcome).toEqual({ kind: 'refused', message: expect.stringMatching(/is not a Paperboy backup/) });
    expect(steps).toEqual([]);
    expect((await core.api.listFeeds()).length).toBe(1);
    await core.close();
  });

  it('closes the core, then restores the backup over the folder', async () => {
    const source = tempDir();
    const exporter = openCore({ dataDir: source, workers: 1 });
    await exporter.api.createFolder('From the backup');
    const file = path.join(tempDir(), 'all.paperboy-backup');
    await exporter.exportData(file);
    await exporter.close();

    const dir = tempDir();
    const running = openCore({ dataDir: dir, workers: 1 });
    const steps: string[] = [];
    const outcome = await restoreInApp(file, {
      dataDir: dir,
      closeCore: async () => {
        steps.push('close');
        await running.close();
      },
      restore: (chosen) => (steps.push('restore'), restoreDataFolder(dir, chosen)),
    });
    expect(steps).toEqual(['close', 'restore']);
    expect(outcome).toMatchObject({ kind: 'restored', result: { previousDatabase: expect.stringMatching(/before-restore/) } });
    const reopened = openCore({ dataDir: dir, workers: 1 });
    expect((await reopened.api.listFolders()).map((f) => f.name)).toEqual(['From the backup']);
    await reopened.close();
  });
});
