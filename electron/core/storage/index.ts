// The storage module's public face: one SQLite database (libsql) per data folder, holding
// feeds, folders, articles, their status and bodies, image references, the sync log, comments
// and comment forms, and the person's comment drafts.
// Everything else in the core reaches the database through this class.
import { statSync } from 'node:fs';
import { ArticlesRepo } from './articles-repo';
import { CommentsRepo } from './comments-repo';
import { DraftsRepo } from './drafts-repo';
import { FeedsRepo } from './feeds-repo';
import { openOrRecover, type RecoveryReport } from './recovery';
import { countSearchHits, searchArticles } from './search';
import { hasQueuedForSearch, indexAllQueued } from './search-queue';
import type { Sqlite } from './sqlite';
import { errorMessage } from '../../../shared/error-message';
import type { SearchHit } from '../../../shared/types';

export class Storage {
  readonly feeds: FeedsRepo;
  readonly articles: ArticlesRepo;
  readonly comments: CommentsRepo;
  readonly drafts: DraftsRepo;

  private constructor(
    readonly db: Sqlite,
    /** Set when this start found the database damaged and replaced it (see recovery.ts). */
    readonly recovery: RecoveryReport | null = null,
    /** Set when the folder cannot be written (a full disk, a read-only folder): why. Reading works. */
    readonly readOnly: Error | null = null,
  ) {
    this.feeds = new FeedsRepo(db);
    this.articles = new ArticlesRepo(db, (folderId) => this.feeds.folderSubtree(folderId));
    this.comments = new CommentsRepo(db);
    this.drafts = new DraftsRepo(db);
  }

  static open(dataDir: string): Storage {
    const { db, recovery, readOnly } = openOrRecover(dataDir);
    return new Storage(db, recovery, readOnly);
  }

  search(query: string, limit?: number): SearchHit[] {
    this.indexQueuedForSearch();
    return searchArticles(this.db, query, limit);
  }

  countSearch(query: string): number {
    this.indexQueuedForSearch();
    return countSearchHits(this.db, query);
  }

  /**
   * Articles stored since the index (and the grams) last caught up are indexed before a search, here if nothing did
   * it before (in the app the core has a writer thread do it first: little is left here). Never
   * waiting for another connection's write (the sync's writer, in the app's main process): what it
   * cannot index now, the search looks for by its words as written (search.ts).
   */
  private indexQueuedForSearch(): void {
    if (this.readOnly || !hasQueuedForSearch(this.db)) return;
    try {
      this.db.withoutWaiting(() => indexAllQueued(this.db));
    } catch (error) {
      if ((error as { code?: unknown } | null)?.code === 'SQLITE_BUSY') return;
      // A full disk, say: the search answers from what is indexed, and the rest by its words.
      console.error(`paperboy: the search index could not take the newest articles: ${errorMessage(error)}`);
    }
  }

  /** Bytes on disk of the database and its write-ahead log. */
  databaseBytes(): number {
    let total = 0;
    for (const suffix of ['', '-wal', '-shm']) {
      try {
        total += statSync(this.db.path + suffix).size;
      } catch {
        // the WAL files come and go
      }
    }
    return total;
  }

  vacuum(): void {
    this.db.exec('PRAGMA wal_checkpoint(TRUNCATE); VACUUM;');
  }

  close(): void {
    // Moves the WAL into the database and empties it: a data folder at rest is one file, and a
    // WAL that still holds pages at the next start means this close never happened (recovery.ts).
    try {
      this.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    } catch {
      // Busy (another process reads) or damaged: closing must still happen.
    }
    this.db.close();
  }
}

export type { FetchOutcome, FetchState, NewFeed } from './feeds-repo';
export type { IncomingItem, LostImage, PendingArticle, StoredContent, UpsertResult } from './articles-repo';
export { TRIES_ACROSS_SYNCS } from './articles-repo';
export type { CommentFeedState, CommentFeedTarget, CommentPagesRead, IncomingComment } from './comments-repo';
export { siteCommentNumber } from './comments-repo';
export type { AttemptOutcome, DraftSendState, NewDraft } from './drafts-repo';
export type { RecoveryReport } from './recovery';
export { headerProblem, moveAside, readOnlyNotice, recoveryNotice } from './recovery';
export { DATABASE_FILE } from './database';
export {
  closeWriterConnection, describeUpsert, MAX_STORES_PER_COMMIT, openWriterConnection, storeArticleCopy, storeDelivery, storeTogether, type ArticleCopy, type FeedDelivery, type StoreOutcome,
} from './feed-writes';
export { MIGRATIONS } from './migrations';
export { recountFeeds } from './feed-counts';
export { DatabaseDamageError, isDamageCode, Sqlite } from './sqlite';
export { watchOtherWriters, type WriterWatch } from './writer-watch';
export { CompactionRoomError, applyRetention, collectUnreferencedImages, compactDatabase, hasArticlesDue, releaseFreePages } from './retention';
export { MATCH_END, MATCH_START } from './search';
export { hasQueuedForSearch, indexSearchQueue, queueAllForSearch } from './search-queue';
