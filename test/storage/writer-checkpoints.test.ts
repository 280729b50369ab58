// When the sync's writes leave the write-ahead log for the database file: the WAL grows to a
// bound of its own whatever the size of the sync (a disk is not filled by a log), and the
// writer thread empties it into the database before it ends, so that work is never left to the
// main thread's next commit.
import { copyFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, Storage, openWriterConnection, storeDelivery, type IncomingItem } from '../../electron/core/storage';
import { WAL_CHECKPOINT_PAGES } from '../../electron/core/storage/database';
import { Sqlite } from '../../electron/core/storage/sqlite';
import { FeedWriter } from '../../electron/core/workers/feed-writer';
import { packItems } from '../../electron/core/workers/packed-items';
import { removeTempDirs, tempDir } from '../support/temp';
import { item } from './items';

afterEach(() => removeTempDirs());

const now = Date.UTC(2026, 10, 2);
const source = { title: 'Harbour News', siteUrl: 'http://127.0.0.1/', description: null };
const fetched = { at: now, durationMs: 40, etag: null, lastModified: null, bodyHash: 'feed-body-hash', retryAfterAt: null };
const paragraph = 'The council agreed the harbour budget after a long debate about the ferry and the new quay. ';

/** An item the size of a real news item: about 5 KB of HTML and 4 KB of text. */
function newsItem(): IncomingItem {
  const text = paragraph.repeat(45);
  return item({ feedHtml: `<p>${paragraph.repeat(50)}</p>`, feedText: text });
}

function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

describe("the sync writer's checkpoints", () => {
  it('once the writer thread ends, the database file itself holds every article it stored', async () => {
    const dir = tempDir();
    const storage = Storage.open(dir);
    const feedId = storage.feeds.add({ url: 'http://127.0.0.1/feed', title: '', siteUrl: null, description: null, folderId: null });
    const writer = new FeedWriter(storage.db.path);
    for (let batch = 0; batch < 3; batch++) {
      await writer.store({ feedId, items: packItems(Array.from({ length: 100 }, newsItem)), source, now, fetched });
    }
    await writer.close();

    // The database file alone, as a copy taken now would have it: without its WAL.
    const copy = path.join(tempDir(), DATABASE_FILE);
    copyFileSync(storage.db.path, copy);
    const alone = new Sqlite(copy, { readonly: true });
    expect(alone.value<number>('SELECT count(*) FROM articles')).toBe(300);
    alone.close();
    storage.close();
  });

  it('a sync much larger than the bound never grows the WAL past it', () => {
    const dir = tempDir();
    const storage = Storage.open(dir);
    const feedId = storage.feeds.add({ url: 'http://127.0.0.1/feed', title: '', siteUrl: null, description: null, folderId: null });
    const pageSize = storage.db.value<number>('PRAGMA page_size')!;
    // The bound, and one feed's transaction on top (the checkpoint runs after a commit).
    const bound = (WAL_CHECKPOINT_PAGES + 1_000) * (pageSize + 24);
    const db = openWriterConnection(storage.db.path);
    let largest = 0;
    for (let feed = 0; db.value<number>('PRAGMA page_count')! * pageSize < 2 * bound; feed++) {
      storeDelivery(db, { feedId, items: Array.from({ length: 100 }, newsItem), source, now, fetched });
      largest = Math.max(largest, fileSize(`${storage.db.path}-wal`));
    }
    db.close();
    expect(largest).toBeGreaterThan(0);
    expect(largest).toBeLessThan(bound);
    storage.close();
  });
});
