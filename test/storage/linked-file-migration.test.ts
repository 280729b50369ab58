// A data folder from before articles kept what their link is (schema 23): the migration after it
// finds each file's kind where the database says it (its note, its picture in the cache, a PDF's
// link its copy could not be read from), so the reader shows such an article no comment section
// without waiting for a new copy. A page stays a page. Real SQLite file, migrated on open.
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { linkedFileNote, type LinkedFile } from '../../electron/core/articles/linked-file';
import { Sqlite, Storage, type StoredContent } from '../../electron/core/storage';
import { DATABASE_FILE } from '../../electron/core/storage/database';
import type { ArticleId, LinkedFileKind } from '../../shared/types';
import { removeTempDirs, tempDir } from '../support/temp';
import { item } from './items';

afterAll(removeTempDirs);

const SITE = 'http://127.0.0.1/papers';
const PICTURE_HASH = 'a'.repeat(64);

interface OldRow {
  readonly url: string;
  readonly copy: Partial<StoredContent> | null;
  /** What the migration should find. */
  readonly kind: LinkedFileKind | null;
}

const feedCopy = (note: string | null): Partial<StoredContent> => ({ source: 'feed', state: 'done', error: note });
const fileNote = (file: LinkedFile, feedHasText = true) => feedCopy(linkedFileNote(file, feedHasText));

const rows: Record<string, OldRow> = {
  // Stored since the sync tells files from pages: the note names the kind.
  'PDF with a note': { url: `${SITE}/survey`, copy: fileNote({ kind: 'pdf', type: 'application/pdf', bytes: 2_400_000 }), kind: 'pdf' },
  episode: { url: `${SITE}/episode-12`, copy: fileNote({ kind: 'audio', type: 'audio/mpeg', bytes: 16_000_000 }), kind: 'audio' },
  film: { url: `${SITE}/launch`, copy: fileNote({ kind: 'video', type: 'video/mp4', bytes: null }), kind: 'video' },
  archive: { url: `${SITE}/data`, copy: fileNote({ kind: 'archive', type: 'application/zip', bytes: 900_000 }), kind: 'archive' },
  'another feed': { url: `${SITE}/feed`, copy: fileNote({ kind: 'feed', type: 'application/rss+xml', bytes: null }), kind: 'feed' },
  'empty text file': { url: `${SITE}/notes`, copy: fileNote({ kind: 'text', type: 'text/plain', bytes: 0 }, false), kind: 'text' },
  'Word document': { url: `${SITE}/minutes`, copy: fileNote({ kind: 'file', type: 'application/msword', bytes: 40_000 }), kind: 'file' },
  download: { url: `${SITE}/setup`, copy: fileNote({ kind: 'file', type: 'application/x-msdownload', bytes: 40_000 }), kind: 'file' },
  // Its link is one of the copy's cached pictures.
  picture: { url: 'http://127.0.0.1/i/quay.png', copy: { source: 'page', images: [{ url: 'http://127.0.0.1/i/quay.png', hash: PICTURE_HASH }] }, kind: 'image' },
  // Stored before: read as a page, the PDF failed, and the feed's text was kept.
  'PDF before notes': { url: `${SITE}/tidal-survey.pdf`, copy: feedCopy("page extraction failed; showing the feed's content"), kind: 'pdf' },
  'PDF with a query': { url: `${SITE}/report.PDF?download=1`, copy: feedCopy(null), kind: 'pdf' },
  // Pages stay pages.
  'page at a .pdf address': { url: `${SITE}/viewer.pdf`, copy: { source: 'page' }, kind: null },
  'PDF not fetched yet': { url: `${SITE}/later.pdf`, copy: null, kind: null },
  page: { url: `${SITE}/news/harbour`, copy: feedCopy("page extraction failed; showing the feed's content"), kind: null },
  'page with a picture': { url: `${SITE}/news/quay`, copy: { source: 'page', images: [{ url: 'http://127.0.0.1/i/quay.png', hash: PICTURE_HASH }] }, kind: null },
};

it('finds what the link of each article stored before schema 24 is, where the database says', () => {
  const dir = tempDir();
  const storage = Storage.open(dir);
  const feedId = storage.feeds.add({ url: `${SITE}/feed.xml`, title: 'Harbour Links', siteUrl: null, description: null, folderId: null });
  const ids = new Map<string, ArticleId>();
  for (const [name, row] of Object.entries(rows)) {
    const article = item({ url: row.url, title: name });
    ids.set(name, article.id);
    storage.articles.upsertFeedItems(feedId, [article], Date.now());
    if (row.copy === null) continue;
    storage.articles.saveContent(article.id, {
      html: '<p>The feed’s text.</p>', text: 'The feed’s text.', source: 'feed', lang: 'en', dir: 'ltr', state: 'done', error: null,
      leadImageHash: null, images: [], ...row.copy,
    });
  }
  storage.close();
  // As schema 23 had it: no linked_file column.
  const raw = new Sqlite(path.join(dir, DATABASE_FILE));
  raw.exec('DROP INDEX articles_by_page_url; DROP INDEX articles_by_url; ALTER TABLE articles DROP COLUMN page_url; ALTER TABLE articles DROP COLUMN linked_file; PRAGMA user_version = 23');
  raw.close();

  const reopened = Storage.open(dir);
  try {
    const found = Object.fromEntries(Object.keys(rows).map((name) => [name, reopened.articles.get(ids.get(name)!)!.linkedFile]));
    expect(found).toEqual(Object.fromEntries(Object.entries(rows).map(([name, row]) => [name, row.kind])));
  } finally {
    reopened.close();
  }
});
