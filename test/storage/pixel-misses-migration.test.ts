// A data folder from before pictures refused for their pixels had a reason of their own: its
// holes read "The picture is too large to keep (20,000 × 20,000 pixels)" like a new sync's, not
// the HTTP client's "image too large: ... (over 100 megapixels)"; other failures keep their words.
// Real SQLite file, migrated on open.
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { Sqlite, Storage } from '../../electron/core/storage';
import { DATABASE_FILE } from '../../electron/core/storage/database';
import { imageMissReason } from '../../renderer/src/lib/image-placeholders';
import { item } from './items';
import { removeTempDirs, tempDir } from '../support/temp';

afterAll(removeTempDirs);

const CDN = 'http://127.0.0.1/media';
const misses: [string, string, string | null][] = [
  [`${CDN}/panorama.jpg`, 'failed', 'image too large: 20,000 × 20,000 pixels (over 100 megapixels)'],
  [`${CDN}/map.png`, 'failed', 'image too large: 100,000 × 100,000 pixels (over 100 megapixels)'],
  [`${CDN}/huge.jpg`, 'too-large', '10485760'],
  [`${CDN}/odd.jpg`, 'failed', 'could not decompress the response (gzip)'],
];

it('says a picture refused for its pixels in plain words, for holes an earlier version kept', () => {
  const dir = tempDir();
  const storage = Storage.open(dir);
  const feedId = storage.feeds.add({ url: 'http://127.0.0.1/feed.xml', title: 'Harbour Gazette', siteUrl: null, description: null, folderId: null });
  const article = item();
  storage.articles.upsertFeedItems(feedId, [article], Date.now());
  storage.close();
  // The rows as the version before wrote them, in a folder at its schema version (28).
  const raw = new Sqlite(path.join(dir, DATABASE_FILE));
  for (const [url, reason, detail] of misses) {
    raw.run('INSERT INTO article_missed_images (article_id, url, tries, reason, detail) VALUES (?, ?, 1, ?, ?)', [article.id, url, reason, detail]);
  }
  raw.exec('PRAGMA user_version = 28');
  raw.close();

  const reopened = Storage.open(dir);
  try {
    const reasons = Object.fromEntries(reopened.articles.get(article.id)!.missedImages.map((m) => [m.url.slice(CDN.length + 1), imageMissReason(m)]));
    expect(reasons).toEqual({
      'panorama.jpg': 'The picture is too large to keep (20,000 × 20,000 pixels).',
      'map.png': 'The picture is too large to keep (100,000 × 100,000 pixels).',
      'huge.jpg': 'Too large to keep (over 10 MB).',
      'odd.jpg': 'It could not be downloaded: could not decompress the response (gzip).',
    });
  } finally {
    reopened.close();
  }
});
