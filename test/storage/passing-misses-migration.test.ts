// A data folder from before images missed for a passing reason were tried again: its holes from a
// busy server (503, 502), from no answer in time or from an answer cut short are tried again by the
// next syncs; a 404 or a file too large stays a lasting miss. Real SQLite file, migrated on open.
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { Sqlite, Storage } from '../../electron/core/storage';
import { DATABASE_FILE } from '../../electron/core/storage/database';
import { item } from './items';
import { removeTempDirs, tempDir } from '../support/temp';

afterAll(removeTempDirs);

const CDN = 'http://127.0.0.1/media';
const misses: [string, string, string | null][] = [
  [`${CDN}/busy.jpg`, 'http-status', '503'],
  [`${CDN}/gateway.jpg`, 'http-status', '502'],
  [`${CDN}/slow.jpg`, 'failed', 'no response within 10 s'],
  [`${CDN}/stalled.jpg`, 'failed', 'stalled: no data for 20 s'],
  [`${CDN}/reset.jpg`, 'failed', 'connection closed before the response was complete'],
  [`${CDN}/gone.jpg`, 'http-status', '404'],
  [`${CDN}/huge.jpg`, 'too-large', '10485760'],
  [`${CDN}/odd.jpg`, 'failed', 'could not decompress the response (gzip)'],
];

it('tries again the images an earlier version kept as lasting misses for a passing reason', () => {
  const dir = tempDir();
  const storage = Storage.open(dir);
  const feedId = storage.feeds.add({ url: 'http://127.0.0.1/feed.xml', title: 'Harbour Gazette', siteUrl: null, description: null, folderId: null });
  const article = item();
  storage.articles.upsertFeedItems(feedId, [article], Date.now());
  storage.close();
  // The rows as the version before wrote them, in a folder at its schema version.
  const raw = new Sqlite(path.join(dir, DATABASE_FILE));
  for (const [url, reason, detail] of misses) {
    raw.run('INSERT INTO article_missed_images (article_id, url, tries, reason, detail) VALUES (?, ?, 1, ?, ?)', [article.id, url, reason, detail]);
  }
  // Schema 15: the version before the migration that moves these rows (16); later ones run again
  // too, and those that add a column (21, 23, 27) find it gone, as at schema 15.
  raw.exec('ALTER TABLE comments DROP COLUMN reply_lead; DROP INDEX articles_by_page_url; DROP INDEX articles_by_url; ALTER TABLE articles DROP COLUMN page_url; ALTER TABLE articles DROP COLUMN linked_file; PRAGMA user_version = 15');
  raw.close();

  const reopened = Storage.open(dir);
  try {
    const retried = Object.fromEntries(reopened.articles.get(article.id)!.missedImages.map((m) => [m.url.slice(CDN.length + 1), m.retried]));
    expect(retried).toEqual({
      'busy.jpg': true, 'gateway.jpg': true, 'slow.jpg': true, 'stalled.jpg': true, 'reset.jpg': true,
      'gone.jpg': false, 'huge.jpg': false, 'odd.jpg': false,
    });
  } finally {
    reopened.close();
  }
});
