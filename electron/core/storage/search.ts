// Full-text search over the cache (FTS5 over title, author and text).
import type { SearchHit } from '../../../shared/types';
import { SUMMARY_COLUMNS, toSummary, type SummaryRow } from './articles-repo';
import type { Sqlite } from './sqlite';

/** Private-use characters mark the matches; the renderer turns them into <mark> safely. */
export const MATCH_START = '\uE000';
export const MATCH_END = '\uE001';

/**
 * Turns what a person types into an FTS5 query: every word must match, the last one as a
 * prefix (search as you type). Quoting each word means FTS syntax in the input (AND, NEAR,
 * column filters, stray quotes) is searched for literally instead of failing.
 */
export function toFtsQuery(input: string): string | null {
  const words = input
    .normalize('NFKC')
    .split(/[\s\p{P}\p{S}]+/u)
    .filter((word) => word.length > 0);
  if (words.length === 0) return null;
  return words.map((word, index) => `"${word}"${index === words.length - 1 ? '*' : ''}`).join(' ');
}

/** How many articles match, however many a page of hits shows ("1,234 found", not "200 found"). */
export function countSearchHits(db: Sqlite, input: string): number {
  const query = toFtsQuery(input);
  if (!query) return 0;
  return db.value<number>('SELECT count(*) FROM articles_fts JOIN articles a ON a.rid = articles_fts.rowid WHERE articles_fts MATCH ?', [query]) ?? 0;
}

export function searchArticles(db: Sqlite, input: string, limit = 50): SearchHit[] {
  const query = toFtsQuery(input);
  if (!query) return [];
  const rows = db.all<SummaryRow & { highlight: string; title_marked: string }>(
    `SELECT ${SUMMARY_COLUMNS},
       snippet(articles_fts, 2, '${MATCH_START}', '${MATCH_END}', '…', 16) AS highlight,
       highlight(articles_fts, 0, '${MATCH_START}', '${MATCH_END}') AS title_marked
     FROM articles_fts JOIN articles a ON a.rid = articles_fts.rowid
       JOIN article_status s ON s.article_id = a.id JOIN feeds f ON f.id = a.feed_id
     WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts, 4.0, 2.0, 1.0), a.published_at DESC LIMIT ?`,
    [query, Math.min(Math.max(1, limit), 500)],
  );
  return rows.map((row) => ({
    ...toSummary(row),
    // When only the title matched, show the marked title rather than an unmarked text snippet.
    highlight: row.highlight.includes(MATCH_START) ? row.highlight : row.title_marked,
  }));
}

/** Makes the index again from the rows it indexes (a restored backup: an index from a file is
 *  trusted no more than its triggers were, and one that lost its words finds nothing). */
export function rebuildSearchIndex(db: Sqlite): void {
  db.exec("INSERT INTO articles_fts(articles_fts) VALUES('rebuild')");
}
