// A draft on disk is saved, whatever happens next: remembering the commenter's name and email in
// config.json is a courtesy that may fail (a full disk, a locked file) without failing the save,
// so the composer never retries a save that worked and never makes a second draft.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openJsonSettingsFile, type KeyValueFile } from '../../electron/core/settings/settings-store';
import { removeTempDirs } from '../support/temp';
import { WordPressSite } from '../support/wordpress';
import { syncedCore } from './support/synced-core';

let site: WordPressSite;

beforeAll(async () => {
  site = await WordPressSite.start();
});
afterAll(async () => {
  await site.stop();
  removeTempDirs();
});

/** The real config.json, which refuses writes once `full` is set, as a full disk would. */
function fillableFile(dataDir: string): { file: KeyValueFile; fill(): void } {
  const real = openJsonSettingsFile(dataDir);
  let full = false;
  return {
    fill: () => {
      full = true;
    },
    file: {
      get store() {
        return real.store;
      },
      get: (key) => real.get(key),
      set: (values) => {
        if (full) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        real.set(values);
      },
    },
  };
}

describe('saving a draft when the settings file cannot be written', () => {
  it('resolves with the stored draft, and the next save edits the same draft', async () => {
    let disk: ReturnType<typeof fillableFile> | null = null;
    const { core, articleId } = await syncedCore(site, {
      settingsFile: (dataDir) => {
        disk = fillableFile(dataDir);
        return disk.file;
      },
    });
    try {
      disk!.fill();
      const saved = await core.api.saveDraft({ articleId, body: 'Typed while the disk filled up', name: 'New Name', email: 'new@example.org' });
      expect(saved).toMatchObject({ body: 'Typed while the disk filled up', name: 'New Name' });
      const again = await core.api.saveDraft({ id: saved.id, body: 'Typed while the disk filled up, and more' });
      expect(again.id).toBe(saved.id);
      const drafts = await core.api.getDrafts(articleId);
      expect(drafts.map((draft) => draft.body)).toEqual(['Typed while the disk filled up, and more']);
      // The name was not remembered for the next draft; the draft itself keeps it.
      expect((await core.api.getSettings()).commenter.name).toBe('');
    } finally {
      await core.close();
    }
  });
});
