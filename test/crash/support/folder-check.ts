// What must hold of a data folder whatever happened to the process writing it (killed, out of
// disk): the database is sound, an article marked complete has everything it needs on disk,
// and every image file under its final name is whole. Read straight from the files, the way
// the app finds them at its next start.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { CACHE_SCHEME } from '../../../shared/cache-url';
import { IMAGES_FOLDER } from '../../../electron/core';
import { DATABASE_FILE } from '../../../electron/core/storage/database';
import { Sqlite } from '../../../electron/core/storage/sqlite';

export interface FolderReport {
  readonly articles: number;
  readonly complete: number;
  readonly pending: number;
  /** Articles per feed URL (the built-in welcome feed left out). */
  readonly perFeed: ReadonlyMap<string, number>;
  readonly imageFiles: number;
  /** Files in the image cache that are not under a final name: writes cut short. */
  readonly tempFiles: readonly string[];
}

/** The person's own state, which no sync may lose. */
export interface PersonalState {
  readonly status: readonly { article_id: string; read: number; starred: number }[];
  readonly drafts: readonly { id: number; article_id: string | null; body: string; state: string }[];
}

const CACHE_SRC = new RegExp(`<img\\b[^>]*\\bsrc="${CACHE_SCHEME}://([0-9a-f]{64})"`, 'g');

/**
 * libsql's close() leaves the connection alive until its prepared statements are garbage-collected
 * (see storage/sqlite.ts). Such a leftover connection keeps this process's view of the WAL index;
 * after another process rewrote the log and was killed, a new connection here would read through
 * that stale view and see a "malformed" database that every fresh process reads as sound. A test
 * that checks, from its own process, what other processes wrote must really let go of each
 * connection it closes: the suite runs with --expose-gc (vitest.config.ts) for this.
 */
export function releaseClosedConnections(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc: closed libsql connections must be collected (see folder-check.ts)');
  gc();
}

/** Read-only, so the write-ahead log a killed process left is not checkpointed away: the next
 *  sync must find the folder exactly as the crash left it. */
export function withDatabase<T>(dataDir: string, read: (db: Sqlite) => T): T {
  const db = new Sqlite(path.join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
    releaseClosedConnections();
  }
}

export function personalState(dataDir: string): PersonalState {
  return withDatabase(dataDir, (db) => ({
    status: db.all('SELECT article_id, read, starred FROM article_status WHERE read = 1 OR starred = 1 ORDER BY article_id'),
    drafts: db.all('SELECT id, article_id, body, state FROM drafts ORDER BY id'),
  }));
}

/**
 * Asserts the folder is sound and reports what it holds. `imagesPerArticle`: how many images
 * every article of the test site has; a complete article must reference all of them, each a
 * whole file (the site never fails an image, so fewer means a half-stored article).
 */
export function checkDataFolder(dataDir: string, imagesPerArticle: number): FolderReport {
  const imagesDir = path.join(dataDir, IMAGES_FOLDER);
  const report = withDatabase(dataDir, (db) => {
    expect(db.all('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    expect(db.all('PRAGMA foreign_key_check')).toEqual([]);

    const articles = db.all<{ id: string; url: string; state: string; lead: string | null; html: string | null; source: string | null }>(
      `SELECT a.id, f.url, a.fulltext_state AS state, a.lead_image_hash AS lead, c.html, c.source
       FROM articles a JOIN feeds f ON f.id = a.feed_id LEFT JOIN article_content c ON c.article_id = a.id
       WHERE f.builtin = 0`,
    );
    const referenced = new Map<string, string[]>();
    for (const row of db.all<{ article_id: string; hash: string }>('SELECT article_id, hash FROM article_images')) {
      referenced.set(row.article_id, [...(referenced.get(row.article_id) ?? []), row.hash]);
    }
    const perFeed = new Map<string, number>();
    let complete = 0;
    for (const article of articles) {
      perFeed.set(article.url, (perFeed.get(article.url) ?? 0) + 1);
      if (article.state === 'pending') continue;
      complete++;
      const where = `article ${article.id} (${article.state})`;
      expect(article.state, where).toBe('done');
      expect(article.source, where).toBe('page');
      expect(article.html, where).toMatch(/Ministers met in Brussels/);
      expect(article.html, `${where}: an image left uncached`).not.toContain('data-original-src');
      const hashes = referenced.get(article.id) ?? [];
      expect(hashes, where).toHaveLength(imagesPerArticle);
      expect([...(article.html ?? '').matchAll(CACHE_SRC)].map((m) => m[1]).sort(), where).toEqual([...hashes].sort());
      if (imagesPerArticle > 0) expect(hashes, where).toContain(article.lead);
    }
    for (const hash of new Set([...referenced.values()].flat())) {
      const size = db.value<number>('SELECT size FROM images WHERE hash = ?', [hash]);
      expect(size, `image ${hash} has no row`).toBeGreaterThan(0);
      expect(statSync(imageFile(imagesDir, hash)).size, `image ${hash}`).toBe(size);
    }
    return { articles: articles.length, complete, pending: articles.length - complete, perFeed };
  });

  const { names, tempFiles } = cacheFiles(imagesDir);
  for (const name of names) {
    const bytes = readFileSync(imageFile(imagesDir, name));
    expect(createHash('sha256').update(bytes).digest('hex'), `the file named ${name} is not whole`).toBe(name);
  }
  return { ...report, imageFiles: names.length, tempFiles };
}

function imageFile(imagesDir: string, hash: string): string {
  return path.join(imagesDir, hash.slice(0, 2), hash);
}

function cacheFiles(imagesDir: string): { names: string[]; tempFiles: string[] } {
  const names: string[] = [];
  const tempFiles: string[] = [];
  let shards: string[] = [];
  try {
    shards = readdirSync(imagesDir);
  } catch {
    return { names, tempFiles };
  }
  for (const shard of shards) {
    // A streamed image's temp file waits in the cache folder itself, beside the shards.
    if (!/^[0-9a-f]{2}$/.test(shard)) {
      tempFiles.push(shard);
      continue;
    }
    for (const name of readdirSync(path.join(imagesDir, shard))) {
      if (/^[0-9a-f]{64}$/.test(name) && name.startsWith(shard)) names.push(name);
      else tempFiles.push(path.join(shard, name));
    }
  }
  return { names, tempFiles };
}
