// The sync's bulk write, one feed's items in one transaction with what the parse and the fetch
// learned about the feed, on a database connection of its own. The sync's writer thread runs it
// (workers/writer-worker.ts): inserting a feed's items and their search-index rows takes tens of
// milliseconds, and the main thread (in the app, the Electron main process) must not wait on it.
// The statements are the repositories' own, so every trigger fires as on the main connection.
import path from 'node:path';
import type { ArticleId, FeedId } from '../../../shared/types';
import type { PageCommentForm, CommentThreadSource } from '../articles';
import { ArticlesRepo, type IncomingItem, type StoredContent, type UpsertResult } from './articles-repo';
import { CommentsRepo, type CommentFeedTarget } from './comments-repo';
import { CONNECTION_PRAGMAS } from './database';
import { FeedsRepo, type FetchOutcome } from './feeds-repo';
import { CHECK_MARKER, writeMarker } from './recovery';
import { Sqlite } from './sqlite';

/** One feed's parsed items, ready to store. */
export interface FeedDelivery {
  readonly feedId: FeedId;
  readonly items: readonly IncomingItem[];
  /** Feed-level facts from the parse (FeedsRepo.updateFromSource). */
  readonly source: { readonly title: string; readonly siteUrl: string | null; readonly description: string | null };
  readonly now: number;
  /** What the fetch learned (validators, body hash): saved with the items or, when they fail, not
   *  at all, so the next sync fetches the feed in full. */
  readonly fetched: Omit<FetchOutcome, 'status' | 'message' | 'error'>;
  /** The document arrived cut short (ParsedFeed.cutShort): its sync log entry says so. */
  readonly cutShort?: boolean;
  /** Older items the parse left out of a very long feed (ParsedFeed.itemsLeftOut): its sync log entry says so. */
  readonly itemsLeftOut?: number;
}

/** The sync log's words for what a feed's store changed; for a document cut short, how many of
 *  its items arrived whole (those after them are missing, and the person should know why); for
 *  one too long to read whole, how many older items were left out (the person may look for them). */
export function describeUpsert(result: UpsertResult, cutShort = false, itemsLeftOut = 0): string {
  const parts: string[] = [];
  if (result.newIds.length > 0) parts.push(`${result.newIds.length} new`);
  if (result.updatedIds.length > 0) parts.push(`${result.updatedIds.length} updated`);
  const changes = parts.length > 0 ? parts.join(', ') : 'no new articles';
  const read = result.newIds.length + result.updatedIds.length + result.unchanged;
  const count = (n: number) => n.toLocaleString('en-US');
  if (cutShort) return `${changes}; the feed arrived cut short: only its first ${read === 1 ? 'item' : `${count(read)} items`} could be read`;
  if (itemsLeftOut > 0) {
    return `${changes}; the feed lists ${count(read + itemsLeftOut)} items, more than one feed may bring: its newest ${count(read)} were read and ${count(itemsLeftOut)} older ${itemsLeftOut === 1 ? 'one' : 'ones'} left out`;
  }
  return changes;
}

/** Another connection to a database the main thread has already opened, checked and migrated. */
export function openWriterConnection(file: string): Sqlite {
  // Damage met here makes the next start check every page, as on the main connection.
  const db = new Sqlite(file, { onCorrupt: () => writeMarker(path.join(path.dirname(file), CHECK_MARKER)) });
  try {
    db.exec(CONNECTION_PRAGMAS);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Closes the writer's connection after moving what it wrote into the database file, here on the
 * writer's thread: left in the WAL (up to WAL_CHECKPOINT_PAGES), it would be copied by the main
 * connection's next commit, on the main thread. PASSIVE never waits for a reader; what a reader
 * holds back is copied by a later checkpoint.
 */
export function closeWriterConnection(db: Sqlite): void {
  try {
    db.exec('PRAGMA wal_checkpoint(PASSIVE)');
  } catch {
    // Damaged or out of space: the WAL keeps every commit, and closing must still happen.
  }
  db.close();
}

export type StoreOutcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

/** Most stores committed together: a commit holds the write lock while it runs. */
export const MAX_STORES_PER_COMMIT = 32;

/**
 * Runs stores that waited together (each whole or not at all: storeDelivery, storeArticleCopy) in
 * one transaction, each in a savepoint of its own. A commit writes every page its transaction
 * touched to the WAL, and consecutive stores touch the same index pages (their keys are random
 * hashes): a cold sync wrote some twice the data's own size, one commit per store. It only helps
 * when stores queue up behind the writer; in a cold feeds-only sync the writer mostly keeps up
 * (batches of 1-5), and waiting on purpose to gather more slowed the sync, since each feed's
 * fetch slot waits for its store. A store that fails is undone alone (the batch is run again,
 * each store in a savepoint of its own); when SQLite rolls the whole transaction back (a full
 * disk) or the commit fails, every store in it fails with it.
 */
export function storeTogether<T>(db: Sqlite, stores: readonly (() => T)[]): StoreOutcome<T>[] {
  // First all at once without savepoints, which cost the search index a write-out each
  // (Sqlite.transactionWithoutSavepoints); when any store fails, again one by one as below.
  const together = db.transactionWithoutSavepoints(() => stores.map((store) => store()));
  if (together) return together.value.map((value) => ({ ok: true, value }));
  const outcomes: StoreOutcome<T>[] = [];
  try {
    db.transaction(() => {
      for (const store of stores) {
        try {
          outcomes.push({ ok: true, value: store() });
        } catch (error) {
          outcomes.push({ ok: false, error });
          if (!db.inTransaction) throw error;
        }
      }
    });
    return outcomes;
  } catch (error) {
    return stores.map((_, i) => (outcomes[i]?.ok === false ? outcomes[i]! : { ok: false, error }));
  }
}

/** Stores the delivery whole or not at all. */
export function storeDelivery(db: Sqlite, delivery: FeedDelivery): UpsertResult {
  const feeds = new FeedsRepo(db);
  const articles = new ArticlesRepo(db, (folderId) => feeds.folderSubtree(folderId));
  return db.transaction(() => {
    const result = articles.upsertFeedItems(delivery.feedId, delivery.items, delivery.now);
    feeds.updateFromSource(delivery.feedId, delivery.source);
    feeds.recordFetch(delivery.feedId, { ...delivery.fetched, status: 'ok', message: describeUpsert(result, delivery.cutShort, delivery.itemsLeftOut), error: null });
    return result;
  });
}

/** One article's offline copy as the articles phase of a sync made it, ready to store. */
export interface ArticleCopy {
  readonly articleId: ArticleId;
  readonly content: StoredContent;
  /** The cached files the copy shows (ImageCache.put), recorded with it. */
  readonly images: readonly { readonly hash: string; readonly mime: string; readonly size: number }[];
  /** What the article's page said about its comments; null when no page was fetched, which
   *  says nothing about them, so what was stored before stays. */
  readonly comments: { readonly form: PageCommentForm | null; readonly thread: CommentThreadSource | null } | null;
  readonly now: number;
}

/** Stores an article's copy, its image records and its page's comment facts whole or not at all.
 *  Returns where the article's comment thread is read now (CommentsRepo.threadSource), which the
 *  sync reads next: asked here, it costs the main thread no query. */
export function storeArticleCopy(db: Sqlite, copy: ArticleCopy): CommentFeedTarget | null {
  const feeds = new FeedsRepo(db);
  const articles = new ArticlesRepo(db, (folderId) => feeds.folderSubtree(folderId));
  const comments = new CommentsRepo(db);
  return db.transaction(() => {
    for (const image of copy.images) articles.recordImage(image.hash, image.mime, image.size, copy.now);
    articles.saveContent(copy.articleId, copy.content, copy.now);
    if (copy.comments) {
      comments.saveForm(copy.articleId, copy.comments.form, copy.now);
      comments.saveThreadSource(copy.articleId, copy.comments.thread);
    }
    return comments.threadSource(copy.articleId);
  });
}
