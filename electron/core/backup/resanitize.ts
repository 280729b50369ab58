// Stored HTML from a backup is sanitized again before it is restored: the reader shows article
// and comment HTML as it was stored, trusting the sanitizer ran at ingest, and a backup is a file
// from anywhere whose HTML nobody has checked. It goes through the ingest pipeline again
// (sanitize, then image URLs rewritten), opened back into the form that pipeline takes first:
// a cached image stands in as an https address for the sanitizer and gets its cache URL back,
// an image kept only by address (data-original-src) is a src again and loses it again. Stored
// HTML made by Paperboy comes out as it went in. A feed item stored raw (article_content.raw_base
// set, schema 8) is left raw: it is sanitized whenever it is read (storage/articles-repo.ts), and
// sanitizing it here, without its base, would only drop its relative links.
import { CACHE_SCHEME, rewriteImageUrls, sanitizeArticleHtml } from '../articles';
import type { Sqlite } from '../storage';

/** Stands for a cached image while the sanitizer runs (.invalid is never a real host). */
const CACHED_STAND_IN = 'https://paperboy-cache.invalid/';
const CACHED_SRC = new RegExp(`(<img\\b[^>]*?\\s)src="${CACHE_SCHEME}://([0-9a-f]{64})"`, 'gi');
const KEPT_ADDRESS = /(<img\b[^>]*?\s)data-original-src=/gi;

/** The stored form again, after the same steps as at ingest. */
export function resanitizeStored(html: string): string {
  const cached = new Map<string, string>();
  const opened = html
    .replace(CACHED_SRC, (_, head: string, hash: string) => {
      cached.set(`${CACHED_STAND_IN}${hash}`, `${CACHE_SCHEME}://${hash}`);
      return `${head}src="${CACHED_STAND_IN}${hash}"`;
    })
    .replace(KEPT_ADDRESS, '$1src=');
  // No base: stored links are already absolute. A relative one left in a tampered file resolves
  // nowhere and goes, its words kept, as does an in-page link to no place in the copy. (Against a
  // stand-in base, https://paperboy.invalid/, both became links the browser was sent to.)
  return rewriteImageUrls(sanitizeArticleHtml(opened, ''), cached);
}

/** Every article body and comment of the staged database, sanitized again; returns how many changed. */
export function resanitizeDatabase(db: Sqlite): number {
  let changed = 0;
  const sanitizedOnly = hasColumn(db, 'article_content', 'raw_base') ? 'raw_base IS NULL AND' : '';
  for (const [table, key, where] of [['article_content', 'article_id', sanitizedOnly], ['comments', 'id', '']] as const) {
    for (let after = ''; ; ) {
      const rows = db.all<{ key: string; html: string }>(`SELECT ${key} AS key, html FROM ${table} WHERE ${where} ${key} > ? ORDER BY ${key} LIMIT 200`, [after]);
      if (rows.length === 0) break;
      for (const row of rows) {
        const clean = resanitizeStored(row.html);
        if (clean !== row.html) changed += db.run(`UPDATE ${table} SET html = ? WHERE ${key} = ?`, [clean, row.key]).changes;
      }
      after = rows[rows.length - 1]!.key;
    }
  }
  return changed;
}

/** A backup made before a migration lacks its columns (it is migrated once it is opened). */
function hasColumn(db: Sqlite, table: string, column: string): boolean {
  return db.all<{ name: string }>(`SELECT name FROM pragma_table_info('${table}')`).some((row) => row.name === column);
}
