// A new data folder's database gives the pages of deleted rows back to the disk at retention
// (incremental auto-vacuum, docs/architecture.md), without the full VACUUM of a Clean up. It
// never did: WAL was switched on first, which writes the file's first page with auto-vacuum off.
import { statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { ImageCache } from '../../electron/core/articles';
import { Storage, applyRetention, releaseFreePages } from '../../electron/core/storage';
import { INCREMENTAL_AUTO_VACUUM } from '../../electron/core/storage/retention';
import { removeTempDirs, tempDir } from '../support/temp';
import { item } from './items';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 10, 28);
const BODY = `<p>${'Ministers met in Brussels on Thursday for talks that officials described as frank and difficult. '.repeat(40)}</p>`;

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

function fileBytes(storage: Storage): number {
  storage.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  return statSync(storage.db.path).size;
}

it('is in incremental auto-vacuum and WAL mode, and stays so when opened again', () => {
  const dir = tempDir();
  const first = open(dir);
  expect(first.db.value('PRAGMA auto_vacuum')).toBe(INCREMENTAL_AUTO_VACUUM);
  expect(first.db.value('PRAGMA journal_mode')).toBe('wal');
  first.close();
  opened.pop();
  const again = open(dir);
  expect(again.db.value('PRAGMA auto_vacuum')).toBe(INCREMENTAL_AUTO_VACUUM);
  expect(again.db.value('PRAGMA journal_mode')).toBe('wal');
});

it('shrinks when the retention after a sync deletes many articles, with no Clean up', async () => {
  const dir = tempDir();
  const storage = open(dir);
  const feedId = storage.feeds.add({ url: 'http://127.0.0.1/feed', title: 'Feed', siteUrl: null, description: null, folderId: null });
  storage.articles.upsertFeedItems(feedId, Array.from({ length: 400 }, () => item({ publishedAt: NOW - 200 * DAY, feedHtml: BODY, feedText: BODY })), NOW - 200 * DAY);
  storage.articles.upsertFeedItems(feedId, Array.from({ length: 20 }, () => item({ publishedAt: NOW - DAY, feedHtml: BODY, feedText: BODY })), NOW - DAY);
  const before = fileBytes(storage);

  const result = await applyRetention(storage.db, new ImageCache(path.join(dir, 'images')), 90, NOW);
  expect(result.articlesDeleted).toBe(400);
  expect(fileBytes(storage)).toBeLessThan(before / 2);
});

it('gives many free pages back in steps, with turns of the event loop between them', async () => {
  const storage = open(tempDir());
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
