// Articles: the per-feed upsert (one transaction; new / updated / unchanged), paged lists,
// the reader's view of one article, read/starred status, stored bodies and their images.
import type {
  Article,
  ArticleFilter,
  ArticleId,
  ArticlePage,
  ArticlePageRequest,
  ArticleSummary,
  ContentSource,
  Enclosure,
  FeedId,
  FullTextState,
  ImageMiss,
  LinkedFileKind,
  MissedImage,
} from '../../../shared/types';
import { isLinkedFileKind } from '../../../shared/types';
import { cacheUrl } from '../../../shared/cache-url';
import { showsOwnPictures } from '../../../shared/own-pictures';
import type { ApiErrorCode } from '../../../shared/wire';
import { pairedWhenRead, rewriteImageUrls, sanitizeFeedItem } from '../articles';
import { comparableLink, isOlderFingerprint, MAX_FEED_ITEMS, withoutTrackingParameters } from '../feeds';
import { COMMENT_COUNT_COLUMN, COMMENT_FORM_COLUMNS, COMMENT_PAGES_LEFT_COLUMN, COMMENT_FORM_JOIN, COMMENTS_NEWEST_FIRST_COLUMN, COMMENTS_READ_AT_COLUMN, COMMENTS_READ_ERROR_COLUMN, formInfoOf, type CommentFormRow } from './comments-repo';
import type { Params, Sqlite, SqlValue } from './sqlite';

/** A feed item ready to store: parsed and identified, its feed content as the feed wrote it. */
export interface IncomingItem {
  readonly id: ArticleId;
  readonly uniqueId: string;
  readonly fingerprint: string;
  readonly url: string | null;
  readonly title: string;
  readonly author: string | null;
  readonly publishedAt: number | null;
  readonly updatedAt: number | null;
  readonly snippet: string;
  readonly categories: readonly string[];
  readonly enclosures: readonly Enclosure[];
  readonly imageUrl: string | null;
  readonly commentsUrl: string | null;
  readonly commentFeedUrl: string | null;
  readonly commentCount: number | null;
  /** The feed's content and its plain text: the body until (or unless) the page is fetched. */
  readonly feedHtml: string;
  /** The address feedHtml's links resolve against: it is raw HTML, stored as it came and
   *  sanitized when read (see get). Null or absent: feedHtml is sanitized already. */
  readonly feedBase?: string | null;
  readonly feedText: string;
  readonly dir: 'ltr' | 'rtl';
}

/** An image an article shows as a hole that a sync fetches again: its file is gone from the
 *  cache, or it was never fetched because its host could not be reached or images were left out
 *  of the sync (hash null). See lostImages. */
export interface LostImage {
  readonly articleId: ArticleId;
  readonly url: string;
  readonly hash: string | null;
  /** The page its copy was made from (where the article's link redirected), else the article's address: the page a browser showed the image on (its Referer). */
  readonly pageUrl: string | null;
}

/** How many syncs try to fetch what failed for a passing reason (a page or an image whose host
 *  could not be reached, a page its server was too busy or slow to send), counting the first:
 *  enough for a host that was down for a day, not for ever for one that is gone (or blocked, as
 *  DNS blockers answer for the stats pixels many feeds put in every item). */
export const TRIES_ACROSS_SYNCS = 5;

export interface UpsertResult {
  readonly newIds: readonly ArticleId[];
  readonly updatedIds: readonly ArticleId[];
  readonly unchanged: number;
}

/** The offline body of an article, written once its page and images were fetched (or not). */
export interface StoredContent {
  readonly html: string;
  readonly text: string;
  readonly source: ContentSource;
  readonly lang: string | null;
  readonly dir: 'ltr' | 'rtl';
  readonly state: FullTextState;
  readonly error: string | null;
  readonly leadImageHash: string | null;
  readonly images: readonly { readonly url: string; readonly hash: string }[];
  /** Images the copy shows without a file, and why: those whose host could not be reached, or
   *  left out of the sync, the next syncs fetch again (lostImages). Absent: none. */
  readonly missedImages?: readonly { readonly url: string; readonly why: ImageMiss }[];
  /** What the link is when it is no web page (Article.linkedFile). Absent: a page. */
  readonly linkedFile?: LinkedFileKind | null;
  /** Where the article's page answered from when that is not its link (the end of a redirect), for
   *  a link to that address to find the article (storedAt). Absent or null: its link. */
  readonly pageUrl?: string | null;
  /** The writer the article's page names (PreparedArticle.author): stored as its author when the
   *  feed named none, for the reader's header. Absent or null: none. */
  readonly pageAuthor?: string | null;
}

/** What the full-text phase of a sync needs about an article. */
export interface PendingArticle {
  readonly id: ArticleId;
  readonly feedId: FeedId;
  readonly url: string | null;
  /** The item's headline: whether the page tells this story is judged by it, not by the page's <title>. */
  readonly title: string;
  readonly imageUrl: string | null;
  /** Read right after the offline copy is made. */
  readonly commentFeedUrl: string | null;
  /** Syncs that tried its page and failed for a passing reason (TRIES_ACROSS_SYNCS). */
  readonly pageTries: number;
}

interface SummaryRow {
  id: string;
  feed_id: number;
  feed_title: string;
  title: string;
  url: string | null;
  author: string | null;
  published_at: number;
  snippet: string;
  read: number;
  starred: number;
  comment_count: number | null;
  lead_image_hash: string | null;
  rtl: number;
}

/** Whether the article reads right to left, from the index of such articles (migration 17):
 *  reading article_content.dir itself would read through the article's body to reach it. */
const RTL_COLUMN = "EXISTS (SELECT 1 FROM article_content r INDEXED BY article_content_rtl WHERE r.article_id = a.id AND r.dir = 'rtl') AS rtl";

const SUMMARY_COLUMNS = `
  a.id, a.feed_id, coalesce(nullif(f.custom_title, ''), nullif(f.title, ''), f.url) AS feed_title, a.title, a.url,
  a.author, a.published_at, a.snippet, s.read, s.starred, ${COMMENT_COUNT_COLUMN}, a.lead_image_hash, ${RTL_COLUMN}`;
const SUMMARY_FROM = `
  FROM articles a JOIN article_status s ON s.article_id = a.id JOIN feeds f ON f.id = a.feed_id`;

function toSummary(row: SummaryRow): ArticleSummary {
  return {
    id: row.id,
    feedId: row.feed_id,
    feedTitle: row.feed_title,
    title: row.title,
    url: row.url,
    author: row.author,
    publishedAt: row.published_at,
    snippet: row.snippet,
    read: row.read === 1,
    starred: row.starred === 1,
    commentCount: row.comment_count,
    leadImage: row.lead_image_hash ? cacheUrl(row.lead_image_hash) : null,
    dir: row.rtl === 1 ? 'rtl' : 'ltr',
  };
}

const DEFAULT_PAGE = 100;
/** Ids per IN (...) lookup: well under SQLite's bound-parameter limit. */
const LOOKUP_CHUNK = 500;
const MAX_PAGE = 500;

function encodeCursor(row: SummaryRow): string {
  return `${row.published_at}:${row.id}`;
}

/** A page cursor this repository did not hand out: the caller's mistake, said as such. */
class PageCursorError extends Error {
  override readonly name = 'PageCursorError';
  readonly code: ApiErrorCode = 'invalid-arguments';
}

function decodeCursor(cursor: string): { at: number; id: string } {
  const match = /^(-?\d+):([0-9a-f]{1,64})$/.exec(cursor);
  if (!match) throw new PageCursorError('invalid page cursor');
  return { at: Number(match[1]), id: match[2]! };
}

/** What article_content.raw_base holds for an item: its base when its HTML is raw, else NULL. */
function rawBaseOf(item: IncomingItem): string | null {
  return item.feedHtml === '' ? null : item.feedBase ?? null;
}

/** A missed image the next sync with images asks for again (one ? : TRIES_ACROSS_SYNCS); an SVG
 *  drawing with no reason was refused by a version that kept none, and is asked for once more. */
const FETCHED_AGAIN = "(m.reason = 'not-fetched' OR (m.reason = 'svg' AND m.detail IS NULL) OR (m.reason = 'unreachable' AND m.tries < ?))";

/** An ImageMiss as its row's reason and detail. */
function missColumns(why: ImageMiss): [string, string | null] {
  switch (why.kind) {
    case 'not-image': return [why.kind, why.contentType];
    case 'too-large': return [why.kind, String(why.limitBytes)];
    case 'too-many-pixels': return [why.kind, `${why.width}x${why.height}`];
    case 'http-status': return [why.kind, String(why.status)];
    case 'over-limit': return [why.kind, String(why.limit)];
    case 'failed': return [why.kind, why.message];
    case 'svg': return [why.kind, why.reason];
    default: return [why.kind, null];
  }
}

/** A row's reason and detail as an ImageMiss; one this version does not know (a newer one's) is
 *  said in its own words rather than dropped. */
function missOf(reason: string, detail: string | null): ImageMiss {
  const number = Number(detail);
  switch (reason) {
    case 'unreachable': case 'not-fetched': return { kind: reason };
    case 'svg': return { kind: reason, reason: detail };
    case 'not-image': return { kind: reason, contentType: detail };
    case 'too-large': return { kind: reason, limitBytes: number };
    case 'too-many-pixels': return pixelsMiss(detail);
    case 'http-status': return { kind: reason, status: number };
    case 'over-limit': return { kind: reason, limit: number };
    default: return { kind: 'failed', message: detail ?? reason };
  }
}

/** A 'too-many-pixels' row's detail ("20000x20000") as its miss; one unreadable is said as it is. */
function pixelsMiss(detail: string | null): ImageMiss {
  const match = /^(\d+)x(\d+)$/.exec(detail ?? '');
  if (!match) return { kind: 'failed', message: `image too large: ${detail ?? 'too many pixels'}` };
  return { kind: 'too-many-pixels', width: Number(match[1]), height: Number(match[2]) };
}

/** How many stored addresses of a link's page are compared with it (storedAt): the same page under
 *  other tracking parameters or fragments, and a query's other values (?p=1&page=2 for ?p=1): a few. */
const STORED_AT_CANDIDATES = 200;

function withoutFragment(link: string): string {
  const hash = link.indexOf('#');
  return hash === -1 ? link : link.slice(0, hash);
}

/**
 * The HTML of a stored article as a page may show it. A feed item is stored raw (raw_base is
 * its base) until the article's sync makes its copy, and is sanitized here, as ingestFeed once
 * did before storing it (same base, images pending), so a page receives what it did then, byte
 * for byte. The result is not written back: a read must not wait on the writer (a sync may hold
 * it for seconds), the article's sync replaces the row anyway, and sanitizing one item takes
 * about a millisecond.
 * A sanitized copy has its in-page links paired again as it is read, for the same reasons: one
 * stored before a rule of theirs kept links that lead nowhere, or sent "Back to top" to its page
 * (`pageAddresses`, articles/in-page-links.ts).
 */
function safeHtml(html: string | null, rawBase: string | null, pageAddresses: readonly (string | null)[]): string {
  if (html === null) return '';
  return rawBase === null ? pairedWhenRead(html, pageAddresses) : sanitizeFeedItem(html, rawBase);
}

/** How far ahead of the clock a publication date may be (time zones, skewed clocks) and still count. */
const FUTURE_DATE_SLACK_MS = 24 * 60 * 60 * 1000;

/**
 * A date further ahead is a publisher's mistake, or a way to stay at the top of the list for
 * ever: the item is treated as undated, so it takes the time it was first seen.
 */
function withCredibleDate(item: IncomingItem, now: number): IncomingItem {
  return item.publishedAt !== null && item.publishedAt > now + FUTURE_DATE_SLACK_MS ? { ...item, publishedAt: null } : item;
}

/** The batch without repeated ids (the first one counts), dates made credible. */
function distinctItems(items: readonly IncomingItem[], now: number): IncomingItem[] {
  const seen = new Set<ArticleId>();
  const distinct: IncomingItem[] = [];
  for (const item of items) {
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    distinct.push(withCredibleDate(item, now));
  }
  return distinct;
}

/** What upsertFeedItems needs of a stored article to tell whether an item is it, and edited. */
interface StoredArticle {
  readonly id: string;
  readonly unique_id: string;
  readonly url: string | null;
  readonly title: string;
  readonly author: string | null;
  readonly published_at: number;
  readonly has_date: number;
  readonly fingerprint: string;
  readonly comment_count: number | null;
  readonly source: ContentSource | null;
}

const STORED_ARTICLE_COLUMNS = `a.id, a.unique_id, a.url, a.title, a.author, a.published_at, a.has_date, a.fingerprint, a.comment_count, c.source
  FROM articles a LEFT JOIN article_content c ON c.article_id = a.id`;

/**
 * The time each new item, or each item whose date moved, is listed by, asked in the feed's order.
 * Lists sort by time and then by id (a hash), so items that share a time (undated ones, which take
 * the time they were first seen, arXiv's, all dated with the day's announcement, and a feed's that
 * stamps every item with the time it was built) came out in random order. Each item after the
 * first with a time is listed a millisecond earlier per such item before it: newest first, as
 * feeds list them, and a later sync's new items still above them. A date moves by at most
 * MAX_FEED_ITEMS ms, which no list shows; isListedAt counts the place as the date.
 */
function listTimes(now: number): (item: IncomingItem) => number {
  const before = new Map<number, number>();
  return (item) => {
    const time = item.publishedAt ?? now;
    const earlier = before.get(time) ?? 0;
    before.set(time, earlier + 1);
    return time - earlier;
  };
}

/** Whether a stored article is listed at this date: at the date itself or at the place listTimes
 *  gave it among the items sharing it (up to MAX_FEED_ITEMS ms earlier); undated when null. */
function isListedAt(article: Pick<StoredArticle, 'published_at' | 'has_date'>, publishedAt: number | null): boolean {
  if (publishedAt === null) return article.has_date === 0;
  return article.has_date === 1 && article.published_at <= publishedAt && article.published_at >= publishedAt - MAX_FEED_ITEMS;
}

/** The time an article is listed by (articles.published_at) and whether it is a date (has_date). */
interface ListedDate {
  readonly publishedAt: number;
  readonly hasDate: number;
}

/** The listed date a stored article keeps or takes from its item: an item without a date keeps
 *  the article's time (its first-seen time, or the date it had); a date the article is listed at
 *  already keeps its place (isListedAt); a moved one is listed as a new item would be. */
function listedDate(existing: StoredArticle, item: IncomingItem, listTime: (item: IncomingItem) => number): ListedDate {
  if (item.publishedAt === null || isListedAt(existing, item.publishedAt)) return { publishedAt: existing.published_at, hasDate: existing.has_date };
  return { publishedAt: listTime(item), hasDate: 1 };
}

/**
 * One story: its link as links are compared and its title (its date is isListedAt's). An item
 * with neither guid nor link is known by a hash of its title, date and first words, so an edit
 * to those words made it a new article beside the old: it is its title and its date, when it has
 * both. Not undated: a feed showing only its latest "Daily digest" would have each day's replace
 * the last. Null when there is nothing to go by.
 */
/** A guid that numbers its item's revisions: an address, '#', a number. */
const REVISED_GUID = /^(https?:\/\/[^#]+)#\d+$/;

function storyKey(url: string | null, title: string, publishedAt: number | null): string | null {
  if (url !== null) return `${title}\n${comparableLink(url)}`;
  return title !== '' && publishedAt !== null ? `${title}\n(no link)` : null;
}

/** A stored article's or tombstone's storyKey. */
function storedStoryKey(row: { readonly url: string | null; readonly title: string; readonly published_at: number; readonly has_date: number }): string | null {
  return storyKey(row.url, row.title, row.has_date === 1 ? row.published_at : null);
}

export class ArticlesRepo {
  constructor(
    private readonly db: Sqlite,
    private readonly folderSubtree: (folderId: number) => number[],
  ) {}

  /** Stores one feed's items in one transaction. Duplicate ids within the batch count once. An item
   *  whose unique id is not stored may be an article stored under another (storedUnderOtherIds). */
  upsertFeedItems(feedId: FeedId, items: readonly IncomingItem[], now = Date.now()): UpsertResult {
    const newIds: ArticleId[] = [];
    const updatedIds: ArticleId[] = [];
    let unchanged = 0;
    this.db.transaction(() => {
      const batch = distinctItems(items, now);
      const { stored, tombstones } = this.lookUp(batch.map((item) => item.id));
      const unknown = batch.filter((item) => !stored.has(item.id) && !tombstones.has(item.id));
      const renamed = unknown.length > 0 ? this.storedUnderOtherIds(feedId, unknown, new Set(stored.keys())) : new Map<ArticleId, StoredArticle>();
      const stillUnknown = unknown.filter((item) => !renamed.has(item.id));
      const buried = stillUnknown.length > 0 ? this.deletedUnderOtherIds(feedId, stillUnknown, now) : new Set<ArticleId>();
      const fresh: { item: IncomingItem; listedAt: number }[] = [];
      // One count for the batch: new items and edited ones with moved dates alike keep the feed's order.
      const listTime = listTimes(now);
      for (const incoming of batch) {
        const existing = stored.get(incoming.id) ?? renamed.get(incoming.id);
        if (!existing) {
          if (tombstones.has(incoming.id) || buried.has(incoming.id)) {
            unchanged++;
            continue;
          }
          fresh.push({ item: incoming, listedAt: listTime(incoming) });
          newIds.push(incoming.id);
          continue;
        }
        const item = existing.id === incoming.id ? incoming : { ...incoming, id: existing.id };
        if (existing.fingerprint !== item.fingerprint && !isOlderFingerprint(existing.fingerprint)) {
          this.update(item, existing.source, listedDate(existing, item, listTime), now);
          updatedIds.push(item.id);
        } else {
          this.recordUnedited(item, existing);
          unchanged++;
        }
      }
      this.insertMany(feedId, fresh, now);
    });
    return { newIds, updatedIds, unchanged };
  }

  /**
   * What moves without the article being edited: its comment count, a fingerprint made the old
   * way (the technote in feeds/article-id.ts), a unique id the feed changed (the item's link
   * taken along), the link (a site's move, or a rule that reads it better: a link escaped twice),
   * the author the feed names (a rule that reads a byline's form better; where the feed names none,
   * the writer its page named stays: saveContent). Nothing is written when nothing moved.
   * Not its date: feeds that stamp every item with the time they were built would move all
   * their articles above the rest at every sync; an edited item's date moves (update()).
   */
  private recordUnedited(item: IncomingItem, existing: StoredArticle): void {
    const renamed = existing.unique_id !== item.uniqueId;
    const moved = existing.url !== item.url && (existing.url === null || item.url === null || withoutTrackingParameters(existing.url) !== withoutTrackingParameters(item.url));
    const signed = item.author !== null && existing.author !== item.author;
    if (renamed || moved || signed || existing.comment_count !== item.commentCount || existing.fingerprint !== item.fingerprint) {
      this.db.run('UPDATE articles SET comment_count = ?, fingerprint = ?, unique_id = ?, url = ?, author = ? WHERE id = ?', [
        item.commentCount, item.fingerprint, item.uniqueId, renamed || moved ? item.url : existing.url, signed ? item.author : existing.author, item.id,
      ]);
    }
  }

  /** What is already stored of a batch, in two queries rather than two per item. */
  private lookUp(ids: readonly ArticleId[]): { stored: Map<ArticleId, StoredArticle>; tombstones: Set<ArticleId> } {
    const stored = new Map<ArticleId, StoredArticle>();
    const tombstones = new Set<ArticleId>();
    for (let start = 0; start < ids.length; start += LOOKUP_CHUNK) {
      const chunk = ids.slice(start, start + LOOKUP_CHUNK);
      const marks = chunk.map(() => '?').join(',');
      const rows = this.db.all<StoredArticle>(`SELECT ${STORED_ARTICLE_COLUMNS} WHERE a.id IN (${marks})`, chunk);
      for (const row of rows) stored.set(row.id, row);
      for (const row of this.db.all<{ id: string }>(`SELECT id FROM article_tombstones WHERE id IN (${marks})`, chunk)) tombstones.add(row.id);
    }
    return { stored, tombstones };
  }

  /**
   * The feed's articles that items with unknown unique ids are, by the rules of the technote in
   * feeds/article-id.ts ("Same article, new unique id"), keyed by the item's id; `claimed`: articles
   * other items of the batch are already, which no second item may be. One query for the batch,
   * over the feed's own rows: it finds nothing in a feed synced for the first time.
   */
  private storedUnderOtherIds(feedId: FeedId, unknown: readonly IncomingItem[], claimed: Set<ArticleId>): Map<ArticleId, StoredArticle> {
    const rows = this.db.all<StoredArticle>(
      `SELECT ${STORED_ARTICLE_COLUMNS} WHERE a.feed_id = ?
         AND (a.unique_id IN (SELECT value FROM json_each(?)) OR a.title IN (SELECT value FROM json_each(?)))`,
      [feedId, JSON.stringify(unknown.map((item) => item.uniqueId)), JSON.stringify(unknown.map((item) => item.title))],
    );
    const byUniqueId = new Map<string, StoredArticle>();
    const byStory = new Map<string, StoredArticle[]>();
    for (const row of rows) {
      byUniqueId.set(row.unique_id, row);
      const key = storedStoryKey(row);
      if (key !== null) byStory.set(key, [...(byStory.get(key) ?? []), row]);
    }
    // Unique ids first: an article an earlier sync matched holds the item's unique id already.
    const found = new Map<ArticleId, StoredArticle>();
    const claim = (item: IncomingItem, row: StoredArticle | undefined): void => {
      if (row === undefined || claimed.has(row.id) || found.has(item.id)) return;
      claimed.add(row.id);
      found.set(item.id, row);
    };
    for (const item of unknown) claim(item, byUniqueId.get(item.uniqueId));
    for (const item of unknown) {
      const key = storyKey(item.url, item.title, item.publishedAt);
      for (const row of key === null ? [] : byStory.get(key) ?? []) if (isListedAt(row, item.publishedAt)) claim(item, row);
    }
    for (const item of unknown) if (!found.has(item.id)) claim(item, this.earlierRevision(feedId, item, claimed));
    return found;
  }

  /**
   * The stored article an item revises when its guid numbers its revisions after a '#' (the BBC:
   * .../articles/c4ngk0d2dz1o#0, then #1 with a new headline or date) and its link is the same:
   * each revision came in as a new article beside the first.
   */
  private earlierRevision(feedId: FeedId, item: IncomingItem, claimed: ReadonlySet<ArticleId>): StoredArticle | undefined {
    const revision = REVISED_GUID.exec(item.uniqueId);
    if (!revision || item.url === null || /[*?[\]]/.test(revision[1]!)) return undefined;
    const link = comparableLink(item.url);
    return this.db
      .all<StoredArticle>(`SELECT ${STORED_ARTICLE_COLUMNS} WHERE a.feed_id = ? AND a.unique_id GLOB ?`, [feedId, `${revision[1]}#[0-9]*`])
      .find((row) => !claimed.has(row.id) && row.url !== null && comparableLink(row.url) === link);
  }

  /**
   * Items with unknown unique ids that are articles deleted before (by retention), by the same
   * rules as storedUnderOtherIds over the stories kept with the feed's tombstones; each one found
   * gets a tombstone of its own id, so that later syncs know it at once. Tombstones made before
   * their story was kept (migration 18) match by id only.
   */
  private deletedUnderOtherIds(feedId: FeedId, unknown: readonly IncomingItem[], now: number): Set<ArticleId> {
    const rows = this.db.all<{ unique_id: string; url: string | null; title: string; published_at: number; has_date: number }>(
      `SELECT unique_id, url, title, published_at, has_date FROM tombstone_stories WHERE feed_id = ?
         AND (unique_id IN (SELECT value FROM json_each(?)) OR title IN (SELECT value FROM json_each(?)))`,
      [feedId, JSON.stringify(unknown.map((item) => item.uniqueId)), JSON.stringify(unknown.map((item) => item.title))],
    );
    const found = new Set<ArticleId>();
    if (rows.length === 0) return found;
    for (const item of unknown) {
      const key = storyKey(item.url, item.title, item.publishedAt);
      const row = rows.find((r) => r.unique_id === item.uniqueId || (key !== null && storedStoryKey(r) === key && isListedAt(r, item.publishedAt)));
      if (!row) continue;
      found.add(item.id);
      this.db.run('INSERT OR IGNORE INTO article_tombstones (id, deleted_at) VALUES (?, ?)', [item.id, now]);
      this.db.run(
        'INSERT OR IGNORE INTO tombstone_stories (id, feed_id, unique_id, url, title, published_at, has_date) VALUES (?, ?, ?, ?, ?, ?, ?)',
        [item.id, feedId, item.uniqueId, item.url, item.title, row.published_at, row.has_date],
      );
    }
    return found;
  }

  /**
   * New items go in with their articles row by row, through a statement prepared once per
   * connection (Sqlite caches it); their status and content rows a batch at a time (insertRows
   * says why). Passing the whole batch as one JSON array to INSERT ... SELECT FROM json_each cost
   * more: SQLite parsed the array, bodies included. Their search index rows and grams are written
   * after (search-queue.ts: the content row's trigger queues each article).
   */
  private insertMany(feedId: FeedId, items: readonly { item: IncomingItem; listedAt: number }[], now: number): void {
    for (const { item, listedAt } of items) {
      this.db.run(
        `INSERT INTO articles (id, feed_id, unique_id, url, title, author, published_at, has_date, updated_at, first_seen_at,
           snippet, categories, enclosures, image_url, comments_url, comment_feed_url, comment_count, fingerprint)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          item.id, feedId, item.uniqueId, item.url, item.title, item.author, listedAt, item.publishedAt === null ? 0 : 1,
          item.updatedAt, now, item.snippet, JSON.stringify(item.categories), JSON.stringify(item.enclosures), item.imageUrl,
          item.commentsUrl, item.commentFeedUrl, item.commentCount, item.fingerprint,
        ],
      );
    }
    this.db.insertRows('INSERT INTO article_status (article_id)', items.map(({ item }) => [item.id]));
    this.db.insertRows(
      'INSERT INTO article_content (article_id, html, raw_base, text, source, dir, saved_at)',
      items.map(({ item }) => [item.id, item.feedHtml, rawBaseOf(item), item.feedText, item.feedHtml ? 'feed' : 'none', item.dir, now]),
    );
  }

  /**
   * An edited article, dated as listedDate says. Its offline copy is made again as a new item's
   * is (pending, its tries counted afresh), whatever it was made of: a copy of the feed's old text
   * kept its state ('skipped', 'failed', 'done'), so no sync made one of the new text, and the
   * reader showed holes for images whose files were in the cache.
   */
  private update(item: IncomingItem, source: ContentSource | null, listed: ListedDate, now: number): void {
    this.db.run(
      `UPDATE articles SET unique_id = ?, url = ?, title = ?, author = ?, updated_at = ?, snippet = ?, categories = ?, enclosures = ?,
         image_url = ?, comments_url = ?, comment_feed_url = ?, comment_count = ?, fingerprint = ?, published_at = ?, has_date = ?,
         fulltext_state = 'pending', fulltext_error = NULL, page_tries = 0
       WHERE id = ?`,
      [
        item.uniqueId, item.url, item.title, item.author, item.updatedAt ?? now, item.snippet, JSON.stringify(item.categories),
        JSON.stringify(item.enclosures), item.imageUrl, item.commentsUrl, item.commentFeedUrl, item.commentCount,
        item.fingerprint, listed.publishedAt, listed.hasDate, item.id,
      ],
    );
    // A body taken from the article's page is better than the feed's, but the page changed too
    // (a correction is in both): the sync fetches it again. The copy stays readable until the
    // new one is saved, and stays if the new one cannot be made (saveContent).
    if (source !== 'page') {
      // The feed's new text, raw as a new item's, until the sync makes its copy. The old copy's
      // image records stay (that sync takes files still cached from them, storedImage); its holes
      // were the old copy's, and the sync finds the new one's.
      this.db.run('UPDATE article_content SET html = ?, raw_base = ?, text = ?, source = ?, dir = ?, saved_at = ? WHERE article_id = ?', [
        item.feedHtml, rawBaseOf(item), item.feedText, item.feedHtml ? 'feed' : 'none', item.dir, now, item.id,
      ]);
      // The copy that was of a file is gone; the sync finds what the new link is.
      this.db.run('UPDATE articles SET linked_file = NULL WHERE id = ?', [item.id]);
      this.db.run('DELETE FROM article_missed_images WHERE article_id = ?', [item.id]);
    }
    // The edited title, byline and text leave the search index and its grams, and the article
    // waits for them to be written again (the triggers; search-queue.ts).
  }

  /**
   * Articles whose offline copy is still to be made (new ones, and ones a cancelled sync left).
   * Without their feed bodies (feedBody reads one when its article's turn comes): a sync queues
   * thousands of these at once, and their bodies held in the queue were some 25 MB of the main
   * thread's heap at 5,000 articles.
   */
  pending(feedId: FeedId): PendingArticle[] {
    return this.db
      .all<{ id: string; feed_id: number; url: string | null; title: string; image_url: string | null; comment_feed_url: string | null; page_tries: number }>(
        `SELECT id, feed_id, url, title, image_url, comment_feed_url, page_tries FROM articles
         WHERE feed_id = ? AND fulltext_state = 'pending' ORDER BY published_at DESC`,
        [feedId],
      )
      .map((row) => ({ id: row.id, feedId: row.feed_id, url: row.url, title: row.title, imageUrl: row.image_url, commentFeedUrl: row.comment_feed_url, pageTries: row.page_tries }));
  }

  /** The body the feed gave a pending article, and the base of its addresses when it is raw
   *  (as IncomingItem.feedBase; null: sanitized already). Empty when the article has none. */
  feedBody(id: ArticleId): { html: string; base: string | null } {
    const row = this.db.one<{ html: string | null; raw_base: string | null }>('SELECT html, raw_base FROM article_content WHERE article_id = ?', [id]);
    return { html: row?.html ?? '', base: row?.raw_base ?? null };
  }

  /** Writes the offline body, its image references and its state in one transaction. */
  saveContent(articleId: ArticleId, content: StoredContent, now = Date.now()): void {
    this.db.transaction(() => {
      if (this.keepsPageCopy(articleId, content)) return;
      const updated = this.db.run(
        'UPDATE articles SET fulltext_state = ?, fulltext_error = ?, linked_file = ?, lead_image_hash = ?, page_url = ?, page_tries = 0 WHERE id = ?',
        [content.state, content.error, content.linkedFile ?? null, content.leadImageHash, content.pageUrl ?? null, articleId],
      );
      if (updated.changes === 0) return; // removed (with its feed) while its page was being fetched
      // The feed's author, when it names one, is the feed's word and stays; its edits compare
      // fingerprints, not this column, so the page's name is no edit at the next sync.
      if (content.pageAuthor) this.db.run("UPDATE articles SET author = ? WHERE id = ? AND trim(coalesce(author, '')) = ''", [content.pageAuthor, articleId]);
      this.db.run(
        `INSERT INTO article_content (article_id, html, text, source, lang, dir, saved_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(article_id) DO UPDATE SET html = excluded.html, raw_base = NULL, text = excluded.text, source = excluded.source,
           lang = excluded.lang, dir = excluded.dir, saved_at = excluded.saved_at`,
        [articleId, content.html, content.text, content.source, content.lang, content.dir, now],
      );
      this.db.run('DELETE FROM article_images WHERE article_id = ?', [articleId]);
      for (const image of content.images) {
        this.db.run('INSERT OR IGNORE INTO article_images (article_id, url, hash) VALUES (?, ?, ?)', [articleId, image.url, image.hash]);
      }
      this.db.run('DELETE FROM article_missed_images WHERE article_id = ?', [articleId]);
      for (const { url, why } of content.missedImages ?? []) {
        this.db.run('INSERT OR IGNORE INTO article_missed_images (article_id, url, reason, detail) VALUES (?, ?, ?, ?)', [articleId, url, ...missColumns(why)]);
      }
    });
  }

  /**
   * A copy made from the article's page is not replaced by one that is not: an edited article
   * (update) whose page could not be fetched again, or read as well as before, keeps the copy it
   * had, which is the whole article as it was, rather than the feed's text or, worse, that copy
   * sanitized again as if it were the feed's. It says why, and is not tried again until its next edit.
   */
  private keepsPageCopy(articleId: ArticleId, content: StoredContent): boolean {
    if (content.source === 'page') return false;
    const stored = this.db.value<string>('SELECT source FROM article_content WHERE article_id = ?', [articleId]);
    if (stored !== 'page') return false;
    const reason = content.error ?? 'its page was not fetched';
    this.db.run("UPDATE articles SET fulltext_state = 'done', fulltext_error = ?, page_tries = 0 WHERE id = ?", [
      `this copy was saved before the article changed: the new page could not be saved (${reason})`, articleId,
    ]);
    return true;
  }

  /** Why an article's offline copy is still to be made; it stays pending, so the next sync tries
   *  again. `pageTried`: its page failed for a passing reason, one of TRIES_ACROSS_SYNCS. */
  notePending(articleId: ArticleId, reason: string, pageTried = false): void {
    this.db.run(
      "UPDATE articles SET fulltext_error = ?, page_tries = page_tries + ? WHERE id = ? AND fulltext_state = 'pending'",
      [reason, pageTried ? 1 : 0, articleId],
    );
  }

  /** The feed's stored images whose file is not among `present` (the image cache's hashes),
   *  those whose host could not be reached when their article was stored (TRIES_ACROSS_SYNCS
   *  times at most), and those left out of the sync that stored it. Each with the page its copy
   *  was made from (where the link redirected), whose Referer it was asked for with: from the
   *  feed's link (a tracker's, another origin) a host that refuses hotlinking answers 403. */
  lostImages(feedId: FeedId, present: ReadonlySet<string>): LostImage[] {
    const gone = this.db
      .all<{ article_id: string; url: string; hash: string; page_url: string | null }>(
        'SELECT i.article_id, i.url, i.hash, COALESCE(a.page_url, a.url) AS page_url FROM article_images i JOIN articles a ON a.id = i.article_id WHERE a.feed_id = ?',
        [feedId],
      )
      .filter((row) => !present.has(row.hash));
    const missed = this.db.all<{ article_id: string; url: string; hash: null; page_url: string | null }>(
      `SELECT m.article_id, m.url, NULL AS hash, COALESCE(a.page_url, a.url) AS page_url FROM article_missed_images m JOIN articles a ON a.id = m.article_id
       WHERE a.feed_id = ? AND ${FETCHED_AGAIN}`,
      [feedId, TRIES_ACROSS_SYNCS],
    );
    return [...gone, ...missed].map((row) => ({ articleId: row.article_id, url: row.url, hash: row.hash, pageUrl: row.page_url }));
  }

  /** A missed image (lostImages, hash null) is cached now: the article shows it. */
  fillImage(articleId: ArticleId, url: string, hash: string): void {
    this.db.transaction(() => {
      const html = this.db.value<string>('SELECT html FROM article_content WHERE article_id = ?', [articleId]);
      if (html != null) {
        this.db.run('UPDATE article_content SET html = ? WHERE article_id = ?', [rewriteImageUrls(html, new Map([[url, cacheUrl(hash)]])), articleId]);
      }
      this.db.run('INSERT OR IGNORE INTO article_images (article_id, url, hash) VALUES (?, ?, ?)', [articleId, url, hash]);
      this.db.run('DELETE FROM article_missed_images WHERE article_id = ? AND url = ?', [articleId, url]);
    });
  }

  /** A missed image (lostImages, hash null) was asked for again and is still not cached: `why`
   *  is what the reader says now. A host still unreachable counts one more try (after
   *  TRIES_ACROSS_SYNCS it is not tried any more, and the article keeps the hole); a host that
   *  answered with no image is not tried again, as any image that failed. */
  missedAgain(articleId: ArticleId, url: string, why: ImageMiss): void {
    this.db.run(
      `UPDATE article_missed_images SET tries = CASE WHEN reason = 'unreachable' AND ? = 'unreachable' THEN tries + 1 ELSE 1 END,
         reason = ?, detail = ? WHERE article_id = ? AND url = ?`,
      [why.kind, ...missColumns(why), articleId, url],
    );
  }

  /** An image fetched again came back with other bytes: the article points at the new file. */
  replaceImage(articleId: ArticleId, oldHash: string, newHash: string): void {
    this.db.transaction(() => {
      this.db.run('UPDATE article_content SET html = replace(html, ?, ?) WHERE article_id = ?', [cacheUrl(oldHash), cacheUrl(newHash), articleId]);
      this.db.run('UPDATE OR IGNORE article_images SET hash = ? WHERE article_id = ? AND hash = ?', [newHash, articleId, oldHash]);
      this.db.run('UPDATE articles SET lead_image_hash = ? WHERE id = ? AND lead_image_hash = ?', [newHash, articleId, oldHash]);
    });
  }

  recordImage(hash: string, mime: string, size: number, now = Date.now()): void {
    this.db.run('INSERT OR IGNORE INTO images (hash, mime, size, created_at) VALUES (?, ?, ?, ?)', [hash, mime, size, now]);
  }

  /** The image last stored for this address, by any article (article_images_by_url): another
   *  article showing it needs no second download. Whether its file is still there is the
   *  caller's to check. */
  storedImage(url: string): { hash: string; mime: string; size: number } | null {
    return this.db.one<{ hash: string; mime: string; size: number }>(
      'SELECT i.hash, m.mime, m.size FROM article_images i JOIN images m ON m.hash = i.hash WHERE i.url = ? ORDER BY m.created_at DESC LIMIT 1',
      [url],
    ) ?? null;
  }

  imageMime(hash: string): string | null {
    return this.db.value<string>('SELECT mime FROM images WHERE hash = ?', [hash]) ?? null;
  }

  list(request: ArticlePageRequest): ArticlePage {
    const limit = Math.min(Math.max(1, request.limit ?? DEFAULT_PAGE), MAX_PAGE);
    const unreadOnly = request.unreadOnly ?? false;
    const counted = this.keptCount(request.filter, unreadOnly);
    const unreadList = unreadOnly || request.filter.kind === 'unread';
    // With the unread index SQLite reads every unread article and sorts them; walking the date
    // index instead meets a page of unread ones after about limit * all / unread rows. The
    // known counts say which is shorter (400 ms against 1 ms at 100,000 unread).
    const byDate = unreadList && counted !== null && counted * counted > (limit + 1) * this.count();
    const { where, params } = this.filterClause(request.filter, unreadOnly, byDate);
    const total = counted ?? this.db.value<number>(`SELECT count(*) ${SUMMARY_FROM} WHERE ${where}`, params) ?? 0;
    let pageWhere = where;
    const pageParams: SqlValue[] = [...params];
    if (request.cursor) {
      const cursor = decodeCursor(request.cursor);
      pageWhere += ' AND (a.published_at < ? OR (a.published_at = ? AND a.id < ?))';
      pageParams.push(cursor.at, cursor.at, cursor.id);
    }
    const rows = this.db.all<SummaryRow>(
      `SELECT ${SUMMARY_COLUMNS} ${SUMMARY_FROM} WHERE ${pageWhere} ORDER BY a.published_at DESC, a.id DESC LIMIT ?`,
      [...pageParams, limit + 1],
    );
    const more = rows.length > limit;
    const page = more ? rows.slice(0, limit) : rows;
    return { articles: page.map(toSummary), nextCursor: more ? encodeCursor(page[page.length - 1]!) : null, total };
  }

  /**
   * How many articles a list holds, from the feeds' kept counts (./feed-counts.ts) rather than
   * a count of 100,000 rows; null for the starred list, which its own index counts quickly.
   */
  private keptCount(filter: ArticleFilter, unreadOnly: boolean): number | null {
    const column = unreadOnly || filter.kind === 'unread' ? 'unread' : 'total';
    switch (filter.kind) {
      case 'starred':
        return null;
      case 'feed':
        return this.db.value<number>(`SELECT ${column} FROM feed_counts WHERE feed_id = ?`, [filter.feedId]) ?? 0;
      case 'folder': {
        const folders = this.folderSubtree(filter.folderId);
        return this.db.value<number>(
          `SELECT coalesce(sum(c.${column}), 0) FROM feed_counts c JOIN feeds f ON f.id = c.feed_id WHERE f.folder_id IN (${folders.map(() => '?').join(',')})`,
          folders,
        ) ?? 0;
      }
      default:
        return this.db.value<number>(`SELECT coalesce(sum(${column}), 0) FROM feed_counts`) ?? 0;
    }
  }

  /** `unreadByDate`: the unread condition may not use its index (see list). */
  private filterClause(filter: ArticleFilter, unreadOnly: boolean, unreadByDate = false): { where: string; params: SqlValue[] } {
    const unread = unreadByDate ? '+s.read = 0' : 's.read = 0';
    const parts: string[] = ['1'];
    const params: SqlValue[] = [];
    switch (filter.kind) {
      case 'all':
        break;
      case 'unread':
        parts.push(unread);
        break;
      case 'starred':
        parts.push('s.starred = 1');
        break;
      case 'feed':
        parts.push('a.feed_id = ?');
        params.push(filter.feedId);
        break;
      case 'folder': {
        const folders = this.folderSubtree(filter.folderId);
        parts.push(`f.folder_id IN (${folders.map(() => '?').join(',')})`);
        params.push(...folders);
        break;
      }
    }
    if (unreadOnly) parts.push(unread);
    return { where: parts.join(' AND '), params };
  }

  /**
   * The stored article whose page is at `address`: its link, or where its page answered from when
   * its copy was made (page_url), compared as links are (comparableLink: tracking parameters and
   * the scheme aside) and without a fragment. Null for none; of several (one story in two feeds),
   * the first stored. A stored address that is the same page is the address itself (http or https)
   * or it followed by a query or a fragment (tracking parameters go after the page's own, as
   * campaign tools add them): those ranges of each column's index are all that is read, never
   * the site's other pages under the same path (/story-1 for /story-10). A removed feed's articles
   * are not found.
   */
  storedAt(address: string): ArticleId | null {
    const wanted = withoutFragment(comparableLink(address));
    if (!/^\/\/[^/?#]/.test(wanted)) return null;
    const goesOn = wanted.includes('?') ? ['&', '#'] : ['?', '#'];
    let found: { id: ArticleId; rid: number } | null = null;
    for (const column of ['url', 'page_url'] as const) {
      const ranges: string[] = [];
      const params: string[] = [];
      for (const scheme of ['https:', 'http:']) {
        ranges.push(`a.${column} = ?`);
        params.push(scheme + wanted);
        for (const next of goesOn) {
          ranges.push(`(a.${column} >= ? AND a.${column} < ?)`);
          params.push(scheme + wanted + next, `${scheme + wanted + next}\uffff`);
        }
      }
      const rows = this.db.all<{ id: ArticleId; rid: number; address: string }>(
        `SELECT a.id, a.rid, a.${column} AS address FROM articles a JOIN feeds f ON f.id = a.feed_id
         WHERE ${ranges.join(' OR ')} ORDER BY a.rid LIMIT ${STORED_AT_CANDIDATES}`,
        params,
      );
      for (const row of rows) {
        if ((found === null || row.rid < found.rid) && withoutFragment(comparableLink(row.address)) === wanted) found = row;
      }
    }
    return found?.id ?? null;
  }

  get(id: ArticleId): Article | null {
    const row = this.db.one<
      SummaryRow & {
        html: string | null; raw_base: string | null; source: ContentSource | null; lang: string | null; dir: string | null; categories: string;
        enclosures: string; image_url: string | null; comments_url: string | null; comment_feed_url: string | null; fulltext_state: FullTextState;
        fulltext_error: string | null; linked_file: string | null; page_url: string | null; comment_pages_left: number; comments_read_error: string | null;
        comments_read_at: number | null; comments_newest_first: number | null;
      } & CommentFormRow
    >(
      `SELECT ${SUMMARY_COLUMNS}, c.html, c.raw_base, c.source, c.lang, c.dir, a.categories, a.enclosures, a.image_url, a.comments_url,
         a.comment_feed_url, a.fulltext_state, a.fulltext_error, a.linked_file, a.page_url, ${COMMENT_FORM_COLUMNS}, ${COMMENT_PAGES_LEFT_COLUMN}, ${COMMENTS_READ_ERROR_COLUMN},
         ${COMMENTS_READ_AT_COLUMN}, ${COMMENTS_NEWEST_FIRST_COLUMN}
       ${SUMMARY_FROM} LEFT JOIN article_content c ON c.article_id = a.id ${COMMENT_FORM_JOIN} WHERE a.id = ?`,
      [id],
    );
    if (!row) return null;
    const html = safeHtml(row.html, row.raw_base, [row.url, row.page_url]);
    return {
      ...toSummary(row),
      html,
      // A raw item whose HTML sanitizes to nothing (a lone script) has no content, as it had when
      // items were sanitized before they were stored.
      contentSource: row.raw_base !== null && html === '' ? 'none' : row.source ?? 'none',
      fullTextState: row.fulltext_state,
      fullTextError: row.fulltext_error,
      missedImages: this.missedImages(id),
      leadImageSources: this.leadImageSources(id, row.lead_image_hash, row.image_url, html),
      dir: row.dir === 'rtl' ? 'rtl' : 'ltr',
      lang: row.lang,
      categories: JSON.parse(row.categories) as string[],
      enclosures: JSON.parse(row.enclosures) as Enclosure[],
      commentsUrl: row.comments_url,
      commentFeedUrl: row.comment_feed_url,
      commentForm: formInfoOf(row),
      moreCommentsLater: row.comment_pages_left === 1,
      commentsReadError: row.comment_pages_left === 1 ? row.comments_read_error : null,
      commentsReadAt: row.comments_read_at,
      commentsNewestFirst: row.comments_newest_first === 1,
      linkedFile: isLinkedFileKind(row.linked_file) ? row.linked_file : null,
    };
  }

  /**
   * Where the article's picture came from. Its lead image's file: several addresses when they
   * served the same bytes, each of them the picture shown. Beside pictures of the text's own, the
   * sync leaves the lead image unfetched (it would not be shown): then the feed item's picture,
   * which the reader knows among the enclosures as the article's picture, not a file attached.
   */
  private leadImageSources(id: ArticleId, leadHash: string | null, itemImage: string | null, html: string): string[] {
    if (leadHash !== null) return this.db.all<{ url: string }>('SELECT url FROM article_images WHERE article_id = ? AND hash = ?', [id, leadHash]).map((image) => image.url);
    return itemImage !== null && showsOwnPictures(html) ? [itemImage] : [];
  }

  private missedImages(id: ArticleId): MissedImage[] {
    return this.db
      .all<{ url: string; reason: string; detail: string | null; retried: number }>(
        `SELECT url, reason, detail, ${FETCHED_AGAIN} AS retried FROM article_missed_images m WHERE article_id = ?`,
        [TRIES_ACROSS_SYNCS, id],
      )
      .map((row) => ({ url: row.url, why: missOf(row.reason, row.detail), retried: row.retried === 1 }));
  }

  setRead(ids: readonly ArticleId[], read: boolean, now = Date.now()): void {
    this.db.transaction(() => {
      for (const id of ids) {
        this.db.run('UPDATE article_status SET read = ?, read_at = ? WHERE article_id = ?', [read ? 1 : 0, read ? now : null, id]);
      }
    });
  }

  setStarred(id: ArticleId, starred: boolean, now = Date.now()): void {
    this.db.run('UPDATE article_status SET starred = ?, starred_at = ? WHERE article_id = ?', [starred ? 1 : 0, starred ? now : null, id]);
  }

  /** Marks the filter's unread articles read; only those published before a time when given. */
  markAllRead(filter: ArticleFilter, now = Date.now(), publishedBefore: number | null = null): number {
    const { where, params } = this.filterClause(filter, true);
    const older = publishedBefore === null ? '' : ' AND a.published_at < ?';
    return this.db.run(
      `UPDATE article_status SET read = 1, read_at = ? WHERE article_id IN (SELECT a.id ${SUMMARY_FROM} WHERE ${where}${older})`,
      [now, ...params, ...(publishedBefore === null ? [] : [publishedBefore])] as Params,
    ).changes;
  }

  /** The Undo of markAllRead: the filter's articles marked read at or after `since` are unread again. */
  markUnreadSince(filter: ArticleFilter, since: number): number {
    // "Unread" lists what is unread: what it marked read is found among all articles.
    const { where, params } = this.filterClause(filter.kind === 'unread' ? { kind: 'all' } : filter, false);
    return this.db.run(
      `UPDATE article_status SET read = 0, read_at = NULL WHERE read = 1 AND read_at >= ? AND article_id IN (SELECT a.id ${SUMMARY_FROM} WHERE ${where})`,
      [since, ...params] as Params,
    ).changes;
  }

  /** Unread articles in all (the dock or taskbar badge). */
  unreadCount(): number {
    return this.db.value<number>('SELECT coalesce(sum(unread), 0) FROM feed_counts') ?? 0;
  }

  count(): number {
    return this.db.value<number>('SELECT coalesce(sum(total), 0) FROM feed_counts') ?? 0;
  }
}

export { SUMMARY_COLUMNS, toSummary };
export type { SummaryRow };
