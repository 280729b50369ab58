// Feeds, folders, per-feed fetch metadata and the per-feed sync log.
import type { Feed, FeedId, FeedSettingsPatch, FeedStatus, Folder, FolderId, SyncLogEntry } from '../../../shared/types';
import { withoutPasswords } from '../../../shared/address-login';
import { cacheUrl } from '../../../shared/cache-url';
import type { ApiErrorCode } from '../../../shared/wire';
import { HIGHEST_REMOVED_FEED, noteRemovedFeed } from './retention';
import type { Sqlite } from './sqlite';

/** What the fetcher needs to make a conditional request and decide whether to parse. */
export interface FetchState {
  readonly id: FeedId;
  readonly url: string;
  readonly etag: string | null;
  readonly lastModified: string | null;
  readonly bodyHash: string | null;
  readonly retryAfterAt: number | null;
  readonly fullText: boolean;
  readonly images: boolean;
  readonly lastStatus: FeedStatus;
  /** Named in the sync request: the person asked for this feed, so a wait the server asked for does not hold it back. */
  readonly askedByName: boolean;
}

export interface FetchOutcome {
  readonly status: FeedStatus;
  readonly message: string;
  readonly error: string | null;
  readonly at: number;
  readonly durationMs: number;
  /** Only written when given (a failure keeps the previous validators). */
  readonly etag?: string | null;
  readonly lastModified?: string | null;
  readonly bodyHash?: string | null;
  readonly retryAfterAt?: number | null;
}

export interface NewFeed {
  readonly url: string;
  /** What the feed calls itself; '' when not yet known (an imported feed, until its first sync). */
  readonly title: string;
  /** The person's name for it (an OPML outline's), shown instead of the title. */
  readonly customTitle?: string | null;
  readonly siteUrl: string | null;
  readonly description: string | null;
  readonly folderId: FolderId | null;
  readonly builtin?: boolean;
}

interface FeedRow {
  id: number;
  url: string;
  title: string;
  custom_title: string | null;
  site_url: string | null;
  icon_hash: string | null;
  folder_id: number | null;
  full_text: number;
  images: number;
  last_status: FeedStatus;
  last_error: string | null;
  retry_after_at: number | null;
  last_success_at: number | null;
  last_fetch_at: number | null;
  unread: number | null;
  total: number | null;
  builtin: number;
}

// The counts are kept by triggers (./feed-counts.ts): listing never scans the articles.
const FEED_SELECT = `SELECT f.*, c.unread, c.total FROM feeds f LEFT JOIN feed_counts c ON c.feed_id = f.id`;

function toFeed(row: FeedRow): Feed {
  return {
    id: row.id,
    url: row.url,
    title: row.custom_title || row.title || row.url,
    siteUrl: row.site_url,
    iconUrl: row.icon_hash ? cacheUrl(row.icon_hash) : null,
    folderId: row.folder_id,
    fullText: row.full_text === 1,
    images: row.images === 1,
    lastStatus: row.last_status,
    lastError: row.last_error,
    retryAfterAt: row.last_status === 'waiting' ? row.retry_after_at : null,
    lastSuccessAt: row.last_success_at,
    lastFetchAt: row.last_fetch_at,
    unreadCount: row.unread ?? 0,
    articleCount: row.total ?? 0,
    builtin: row.builtin === 1,
  };
}

/** Folder names as the person reads them: spaces around and between words, and case, do not tell two apart. */
export function sameFolderName(a: string, b: string): boolean {
  const key = (name: string) => name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
  return key(a) === key(b);
}

export class FolderNameTakenError extends Error {
  readonly code: ApiErrorCode = 'refused';
  constructor(existing: string, parent: string | null) {
    super(`There is already a folder named "${existing}" ${parent === null ? 'at the top level' : `in "${parent}"`}; choose another name.`);
    this.name = 'FolderNameTakenError';
  }
}

export class FeedsRepo {
  constructor(private readonly db: Sqlite) {}

  list(): Feed[] {
    return this.db.all<FeedRow>(`${FEED_SELECT} ORDER BY lower(coalesce(nullif(f.custom_title, ''), f.title)), f.id`).map(toFeed);
  }

  get(id: FeedId): Feed | null {
    const row = this.db.one<FeedRow>(`${FEED_SELECT} WHERE f.id = ?`, [id]);
    return row ? toFeed(row) : null;
  }

  findByUrl(url: string): Feed | null {
    const id = this.db.value<number>('SELECT id FROM feeds WHERE url = ?', [url]);
    return id === undefined ? null : this.get(id);
  }

  /** The subscriptions whose address has a query, oldest first: only those can differ by tracking parameters. */
  addressesWithQuery(): { id: FeedId; url: string }[] {
    return this.db.all<{ id: number; url: string }>("SELECT id, url FROM feeds WHERE instr(url, '?') > 0 ORDER BY id");
  }

  add(feed: NewFeed, now = Date.now()): FeedId {
    // Never the id of a feed unsubscribed from whose articles or stories are still being deleted
    // (unsubscribe): SQLite would give the highest one again, and they would be the new feed's.
    return this.db.run(
      `INSERT INTO feeds (id, url, title, custom_title, site_url, description, folder_id, builtin, added_at) VALUES (
         1 + max(coalesce((SELECT max(id) FROM feeds), 0), coalesce(${HIGHEST_REMOVED_FEED}, 0)), ?, ?, ?, ?, ?, ?, ?, ?)`,
      [feed.url, feed.title, feed.customTitle?.trim() || null, feed.siteUrl, feed.description, feed.folderId, feed.builtin ? 1 : 0, now],
    ).lastInsertRowid;
  }

  /** Deletes the feed with everything of it, in one transaction: for a feed of few articles (one
   *  whose first fetch could not be stored). The person's unsubscribing is `unsubscribe`. */
  remove(id: FeedId): boolean {
    return this.db.run('DELETE FROM feeds WHERE id = ?', [id]).changes > 0;
  }

  /**
   * Unsubscribes: the feed is gone for the person at once, in one short transaction (its row,
   * counts and sync log, and its articles from its drafts, as deleting them would), its articles
   * not yet. Without their feed they are in no list, count or search (each joins the feeds), and
   * retention deletes them in slices on a writer thread (retention.ts deleteArticlesOfRemovedFeeds),
   * noted in app_meta until then: deleting a feed of 20,000 articles in one transaction held the
   * app's main process for 1.3-1.4 s. Foreign keys are off for that one transaction, or deleting the
   * row would cascade to every article; inside a caller's transaction they cannot be, and the feed
   * goes whole.
   */
  unsubscribe(id: FeedId): boolean {
    if (this.db.inTransaction) return this.remove(id);
    this.db.exec('PRAGMA foreign_keys = OFF');
    try {
      return this.db.transaction(() => {
        if (this.db.run('DELETE FROM feeds WHERE id = ?', [id]).changes === 0) return false;
        // What the schema's cascades would have deleted with the row, but the articles and their stories.
        this.db.run('DELETE FROM feed_counts WHERE feed_id = ?', [id]);
        this.db.run('DELETE FROM sync_log WHERE feed_id = ?', [id]);
        this.db.run('UPDATE drafts SET article_id = NULL WHERE article_id IS NOT NULL AND (SELECT feed_id FROM articles WHERE id = drafts.article_id) = ?', [id]);
        noteRemovedFeed(this.db, id);
        return true;
      });
    } finally {
      this.db.exec('PRAGMA foreign_keys = ON');
    }
  }

  update(id: FeedId, patch: FeedSettingsPatch): void {
    this.db.transaction(() => {
      if (patch.title !== undefined) this.db.run('UPDATE feeds SET custom_title = ? WHERE id = ?', [patch.title?.trim() || null, id]);
      if (patch.folderId !== undefined) this.db.run('UPDATE feeds SET folder_id = ? WHERE id = ?', [patch.folderId, id]);
      if (patch.fullText !== undefined) this.db.run('UPDATE feeds SET full_text = ? WHERE id = ?', [patch.fullText ? 1 : 0, id]);
      if (patch.images !== undefined) this.db.run('UPDATE feeds SET images = ? WHERE id = ?', [patch.images ? 1 : 0, id]);
    });
  }

  /**
   * Feed-level facts learned from a successful parse. The first title a feed gives (its title was
   * '' until now: imported) decides whether the name it was imported under is the person's own:
   * the same name is only what the other reader wrote down from the feed, so it is dropped and the
   * feed's later renames show; a different one is a rename, kept (SET reads the row as it was).
   */
  updateFromSource(id: FeedId, facts: { title: string; siteUrl: string | null; description: string | null }): void {
    this.db.run(
      `UPDATE feeds SET custom_title = CASE WHEN title = '' AND custom_title = ? THEN NULL ELSE custom_title END,
       title = coalesce(nullif(?, ''), title), site_url = coalesce(?, site_url),
       description = coalesce(?, description) WHERE id = ?`,
      [facts.title, facts.title, facts.siteUrl, facts.description, id],
    );
  }

  setIcon(id: FeedId, hash: string | null): void {
    this.db.run('UPDATE feeds SET icon_hash = ? WHERE id = ?', [hash, id]);
  }

  fetchStates(ids?: readonly FeedId[]): FetchState[] {
    const rows = this.db.all<{
      id: number; url: string; etag: string | null; last_modified: string | null; body_hash: string | null;
      retry_after_at: number | null; full_text: number; images: number; last_status: FeedStatus;
    }>('SELECT id, url, etag, last_modified, body_hash, retry_after_at, full_text, images, last_status FROM feeds WHERE builtin = 0 ORDER BY id');
    const wanted = ids && ids.length > 0 ? new Set(ids) : null;
    return rows
      .filter((row) => !wanted || wanted.has(row.id))
      .map((row) => ({
        id: row.id,
        url: row.url,
        etag: row.etag,
        lastModified: row.last_modified,
        bodyHash: row.body_hash,
        retryAfterAt: row.retry_after_at,
        fullText: row.full_text === 1,
        images: row.images === 1,
        lastStatus: row.last_status,
        askedByName: wanted?.has(row.id) ?? false,
      }));
  }

  /**
   * Moves the subscription to the address its feed now lives at. Refused (false) when another
   * subscription already has that address: the two stay apart, each with its articles, rather than
   * the person finding one merged away or the same feed twice.
   */
  moveTo(id: FeedId, url: string): boolean {
    return this.db.run('UPDATE feeds SET url = ? WHERE id = ? AND NOT EXISTS (SELECT 1 FROM feeds WHERE url = ?)', [url, id, url]).changes > 0;
  }

  /**
   * Records how a fetch ended: fetch metadata plus one sync-log line (the log keeps 50 per feed).
   * The line and the error are shown to the person and copied into reports: a password typed in
   * the feed's address, which an HTTP error may quote (a redirect loop's address), is not kept.
   */
  recordFetch(id: FeedId, outcome: FetchOutcome): void {
    const ok = outcome.status !== 'failed' && outcome.status !== 'gone' && outcome.status !== 'waiting';
    this.db.transaction(() => {
      this.db.run(
        `UPDATE feeds SET last_status = ?, last_error = ?, last_fetch_at = ?,
           last_success_at = CASE WHEN ? THEN ? ELSE last_success_at END WHERE id = ?`,
        [outcome.status, outcome.error === null ? null : withoutPasswords(outcome.error), outcome.at, ok ? 1 : 0, outcome.at, id],
      );
      if (outcome.etag !== undefined) this.db.run('UPDATE feeds SET etag = ? WHERE id = ?', [outcome.etag, id]);
      if (outcome.lastModified !== undefined) this.db.run('UPDATE feeds SET last_modified = ? WHERE id = ?', [outcome.lastModified, id]);
      if (outcome.bodyHash !== undefined) this.db.run('UPDATE feeds SET body_hash = ? WHERE id = ?', [outcome.bodyHash, id]);
      if (outcome.retryAfterAt !== undefined) this.db.run('UPDATE feeds SET retry_after_at = ? WHERE id = ?', [outcome.retryAfterAt, id]);
      this.db.run('INSERT INTO sync_log (feed_id, at, status, message, duration_ms) VALUES (?, ?, ?, ?, ?)', [
        id, outcome.at, outcome.status, withoutPasswords(outcome.message), Math.round(outcome.durationMs),
      ]);
      this.db.run(
        `DELETE FROM sync_log WHERE feed_id = ? AND id NOT IN (SELECT id FROM sync_log WHERE feed_id = ? ORDER BY at DESC, id DESC LIMIT 50)`,
        [id, id],
      );
    });
  }

  syncLog(id: FeedId, limit = 20): SyncLogEntry[] {
    return this.db
      .all<{ feed_id: number; at: number; status: FeedStatus; message: string; duration_ms: number }>(
        'SELECT * FROM sync_log WHERE feed_id = ? ORDER BY at DESC, id DESC LIMIT ?',
        [id, limit],
      )
      .map((row) => ({ feedId: row.feed_id, at: row.at, status: row.status, message: row.message, durationMs: row.duration_ms }));
  }

  /** A one-time fact about this data folder (see app_meta). */
  meta(key: string): string | null {
    return this.db.value<string>('SELECT value FROM app_meta WHERE key = ?', [key]) ?? null;
  }

  setMeta(key: string, value: string): void {
    this.db.run('INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value', [key, value]);
  }

  // Folders

  listFolders(): Folder[] {
    return this.db
      .all<{ id: number; name: string; parent_id: number | null }>('SELECT id, name, parent_id FROM folders ORDER BY lower(name), id')
      .map((row) => ({ id: row.id, name: row.name, parentId: row.parent_id }));
  }

  getFolder(id: FolderId): Folder | null {
    return this.listFolders().find((folder) => folder.id === id) ?? null;
  }

  /** Returns the folder with this name under this parent (as the person reads the name:
   *  sameFolderName), creating it when missing. */
  ensureFolder(name: string, parentId: FolderId | null, now = Date.now()): { folder: Folder; created: boolean } {
    const existing = this.siblingNamed(name, parentId);
    if (existing) return { folder: existing, created: false };
    const id = this.db.run('INSERT INTO folders (name, parent_id, created_at) VALUES (?, ?, ?)', [name, parentId, now]).lastInsertRowid;
    return { folder: { id, name, parentId }, created: true };
  }

  /** A new folder the person names; refused when a folder beside it already reads the same. */
  createFolder(name: string, parentId: FolderId | null, now = Date.now()): Folder {
    return this.db.transaction(() => {
      this.refuseTakenName(name, parentId, null);
      return this.ensureFolder(name, parentId, now).folder;
    });
  }

  /** Refused when another folder beside it already reads the same; its own name in another case is fine. */
  renameFolder(id: FolderId, name: string): void {
    this.db.transaction(() => {
      const parentId = this.db.value<number | null>('SELECT parent_id FROM folders WHERE id = ?', [id]) ?? null;
      this.refuseTakenName(name, parentId, id);
      this.db.run('UPDATE folders SET name = ? WHERE id = ?', [name, id]);
    });
  }

  /** Two folders the sidebar shows alike cannot be told apart, and an OPML round trip merges them. */
  private refuseTakenName(name: string, parentId: FolderId | null, renamed: FolderId | null): void {
    const taken = this.siblingNamed(name, parentId, renamed);
    if (!taken) return;
    const parent = parentId === null ? null : this.db.value<string>('SELECT name FROM folders WHERE id = ?', [parentId]);
    throw new FolderNameTakenError(taken.name, parent ?? null);
  }

  private siblingNamed(name: string, parentId: FolderId | null, except: FolderId | null = null): Folder | null {
    // Two statements: a lone null parameter is not one libsql binds.
    const siblings = parentId === null
      ? this.db.all<{ id: number; name: string }>('SELECT id, name FROM folders WHERE parent_id IS NULL ORDER BY id')
      : this.db.all<{ id: number; name: string }>('SELECT id, name FROM folders WHERE parent_id = ? ORDER BY id', [parentId]);
    const found = siblings.find((row) => row.id !== except && sameFolderName(row.name, name));
    return found ? { id: found.id, name: found.name, parentId } : null;
  }

  /** Deletes a folder; its feeds and sub-folders move up to its parent. */
  removeFolder(id: FolderId): void {
    this.db.transaction(() => {
      const parent = this.db.value<number | null>('SELECT parent_id FROM folders WHERE id = ?', [id]) ?? null;
      this.db.run('UPDATE feeds SET folder_id = ? WHERE folder_id = ?', [parent, id]);
      this.db.run('UPDATE folders SET parent_id = ? WHERE parent_id = ?', [parent, id]);
      this.db.run('DELETE FROM folders WHERE id = ?', [id]);
    });
  }

  /** The folder and every folder below it. */
  folderSubtree(id: FolderId): FolderId[] {
    return this.db
      .all<{ id: number }>(
        `WITH RECURSIVE sub(id) AS (SELECT ? UNION ALL SELECT f.id FROM folders f JOIN sub ON f.parent_id = sub.id) SELECT id FROM sub`,
        [id],
      )
      .map((row) => row.id);
  }
}
