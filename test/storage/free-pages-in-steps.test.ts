// A database in incremental auto-vacuum (as a Clean up leaves one) gives the pages of deleted rows
// back to the disk at retention, in steps: the app's main process is never held for long.
import { afterEach, expect, it } from 'vitest';
import { Storage, releaseFreePages } from '../../electron/core/storage';
import { INCREMENTAL_AUTO_VACUUM } from '../../electron/core/storage/retention';
import { removeTempDirs, tempDir } from '../support/temp';

const opened: Storage[] = [];
afterEach(() => {
  for (const storage of opened.splice(0)) storage.close();
  removeTempDirs();
});

function open(dir: string): Storage {
  const storage = Storage.open(dir);
  opened.push(storage);
  return storage;
}


it('gives many free pages back in steps, with turns of the event loop between them', async () => {
  const storage = open(tempDir());
  // In incremental auto-vacuum, as a Clean up leaves a folder.
  storage.db.exec(`PRAGMA auto_vacuum = ${INCREMENTAL_AUTO_VACUUM}; VACUUM`);
  // Some 40 MB of rows, then gone: about 10,000 free pages, more than one step gives back.
  storage.db.exec('CREATE TABLE scratch (body BLOB); INSERT INTO scratch SELECT randomblob(3900) FROM generate_series(1, 10000)');
  storage.db.exec('DROP TABLE scratch');
  expect(storage.db.value<number>('PRAGMA freelist_count')).toBeGreaterThan(9_000);
  let turns = 0;
  let done = false;
  const releasing = releaseFreePages(storage.db).finally(() => (done = true));
  while (!done) {
    await new Promise((resolve) => setImmediate(resolve));
    turns++;
  }
  expect(await releasing).toBe(true);
  expect(storage.db.value<number>('PRAGMA freelist_count')).toBe(0);
  expect(turns).toBeGreaterThan(1);
});
