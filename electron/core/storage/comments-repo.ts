// Comments read from articles' comment feeds, the feeds' fetch metadata, and the comment forms
// captured from articles' pages. All of it belongs to its article and is deleted with it.
import { isUnpostableFormKind, type ArticleId, type Comment, type CommentField, type CommentFormInfo, type CommentId, type FeedId } from '../../../shared/types';
import type { CapturedCommentForm, CapturedConsent, CommentThreadSource, PageCommentForm } from '../articles';
import type { Sqlite } from './sqlite';

/** A comment-feed item ready to store: parsed, identified, threaded, sanitized. */
export interface IncomingComment {
  readonly id: CommentId;
  readonly uniqueId: string;
  readonly parentId: CommentId | null;
  /** The parent's unique id, to find it among comments stored from another source (feed or API). */
  readonly parentUniqueId: string | null;
  readonly author: string | null;
  readonly authorUrl: string | null;
  readonly publishedAt: number | null;
  readonly html: string;
  readonly text: string;
  readonly url: string | null;
  /** What the site wrote of the comment this one answers, taken out of its text ("In reply to
   *  Ana Ruiz."): shown only while that comment is not stored (list). Null for most. */
  readonly replyLead: string | null;
}

/** What a conditional fetch of an article's comment thread needs: its comment feed, or where
 *  its page said the whole thread is (the first page of the site's REST API, or the page itself). */
export interface CommentFeedTarget {
  readonly articleId: ArticleId;
  readonly url: string;
  /** 'feed' when not given. */
  readonly kind?: 'feed' | CommentThreadSource['kind'];
  /** For a thread read from the article's page: its comment feed, asked first (conditionally) to
   *  learn whether anything changed, so that an unchanged thread costs a 304, not the pages. */
  readonly probeUrl?: string | null;
}

/** The comment pages (other than the article's own address) one read of a thread read, found linked, or found gone. */
export interface CommentPagesRead {
  readonly read: readonly string[];
  readonly linked: readonly string[];
  readonly gone: readonly string[];
}

export interface CommentFeedState {
  readonly etag: string | null;
  readonly lastModified: string | null;
  readonly bodyHash: string | null;
}

export interface CommentFetchRecord {
  readonly at: number;
  readonly error: string | null;
  /** Only written on success (a failure keeps the previous validators). */
  readonly validators?: CommentFeedState;
}

interface CommentRow {
  id: string;
  article_id: string;
  parent_id: string | null;
  author: string | null;
  author_url: string | null;
  published_at: number;
  html: string;
  url: string | null;
  reply_lead: string | null;
}

interface FormRow {
  kind: PageCommentForm['kind'];
  action: string;
  hidden_fields: string;
  fields: string;
  required_fields: string;
  max_length: number | null;
  comment_name: string | null;
}

/**
 * The site's number of a comment, from WordPress's "#comment-N" that ends its feed guid and its
 * link alike: the same comment read from the feed and from the REST API is stored once.
 */
export function siteCommentNumber(value: string | null): string | null {
  return value ? (/#comment-(\d+)$/.exec(value)?.[1] ?? null) : null;
}

/**
 * Rows in date order, those dated alike in the order the site numbered them: WordPress numbers a
 * comment when it stores it, so the numbers follow the order the comments were written. Dated
 * alike: a thread read from a page whose dates the reader cannot read (a site in German or French
 * whose theme writes no <time datetime>, only "11. März 2024 um 8:40"), each comment then dated
 * when it was first seen, all of one read at the same moment; or dates shown to the minute or the
 * day. Their order was the hash of their ids: a conversation shuffled.
 */
function inWrittenOrder<Row extends { id: string; published_at: number; unique_id: string; url: string | null }>(rows: Row[]): Row[] {
  // Comments without a number (a feed that is not WordPress's) come after those with one, among themselves by id as before.
  const number = (row: Row) => Number(siteCommentNumber(row.unique_id) ?? siteCommentNumber(row.url) ?? Number.POSITIVE_INFINITY);
  const numbers = new Map(rows.map((row) => [row.id, number(row)]));
  const byNumber = (a: Row, b: Row) => numbers.get(a.id)! - numbers.get(b.id)! || 0;
  return rows.sort((a, b) => a.published_at - b.published_at || byNumber(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The list's comment count when the feed item gives none: the stored comments, once the
 *  comment feed was read (null, "unknown", before that). */
export const COMMENT_COUNT_COLUMN = `coalesce(a.comment_count, (
  SELECT (SELECT count(*) FROM comments c WHERE c.article_id = a.id)
  FROM comment_feeds cf WHERE cf.article_id = a.id AND cf.last_success_at IS NOT NULL)) AS comment_count`;

/** The public face of an article's stored form, for articles-repo's reader query. */
export const COMMENT_FORM_COLUMNS =
  `cfm.kind AS form_kind, cfm.fields AS form_fields, cfm.required_fields AS form_required, cfm.max_length AS form_max_length,
   EXISTS (SELECT 1 FROM comment_apis capi WHERE capi.article_id = a.id) AS form_site_api`;
export const COMMENT_FORM_JOIN = 'LEFT JOIN comment_forms cfm ON cfm.article_id = a.id';

/**
 * Whether a comment page of the article's thread is known and not read yet (Article.moreCommentsLater):
 * a thread longer than one sync reads (comment-refresh.ts THREAD_MAX_PAGES) is read on at the
 * next syncs. The thread's own address (its source, the article's link) is read first at every
 * read and never recorded as read, though a later page links back to it: it does not count.
 */
export const COMMENT_PAGES_LEFT_COLUMN = `EXISTS (
  SELECT 1 FROM comment_pages cp WHERE cp.article_id = a.id AND cp.read_at IS NULL
    AND cp.url NOT IN (SELECT capi.url FROM comment_apis capi WHERE capi.article_id = a.id)
    AND cp.url IS NOT a.url AND cp.url IS NOT a.page_url) AS comment_pages_left`;

/** The error the thread's last read recorded (a comment page that failed, named; or the whole
 *  read), for the reader to say why pages are still left (Article.commentsReadError). */
export const COMMENTS_READ_ERROR_COLUMN = '(SELECT cf.last_error FROM comment_feeds cf WHERE cf.article_id = a.id) AS comments_read_error';

/** Whether the site lists the thread's newest comments first (Article.commentsNewestFirst). */
export const COMMENTS_NEWEST_FIRST_COLUMN = '(SELECT cto.newest_first FROM comment_thread_order cto WHERE cto.article_id = a.id) AS comments_newest_first';

/** When the thread's last read succeeded, from any source (Article.commentsReadAt). */
export const COMMENTS_READ_AT_COLUMN = '(SELECT cf.last_success_at FROM comment_feeds cf WHERE cf.article_id = a.id) AS comments_read_at';

/** What COMMENT_FORM_COLUMNS reads. */
export interface CommentFormRow {
  form_kind: string | null;
  form_fields: string | null;
  form_required: string | null;
  form_max_length: number | null;
  form_site_api: number;
}

export function formInfoOf(row: CommentFormRow): CommentFormInfo | null {
  // Commenting elsewhere (logged in, through WordPress.com, past a captcha) is no closed thread.
  if (isUnpostableFormKind(row.form_kind)) return { kind: row.form_kind };
  if (row.form_kind !== 'wordpress' || !row.form_fields || !row.form_required) return row.form_site_api ? { kind: 'closed' } : null;
  const required = requiredOf(row.form_required);
  const consents = required.consents.map(({ name, label }) => ({ name, label }));
  return {
    kind: 'wordpress', fields: JSON.parse(row.form_fields), requiredFields: required.fields, maxLength: row.form_max_length,
    ...(consents.length > 0 ? { consents } : {}),
  };
}

/**
 * A form's required_fields column: the names of the required text fields, then its required
 * checkboxes as {name, value, label} objects. They share the column because each is one more thing
 * the form requires, and a row kept before checkboxes were read (names only) reads as a form
 * without any. (A form that requires other fields is kept as 'unfillable', migration 28.)
 */
function requiredOf(json: string): { fields: CommentField[]; consents: CapturedConsent[] } {
  const entries = JSON.parse(json) as (CommentField | CapturedConsent)[];
  return {
    fields: entries.filter((entry): entry is CommentField => typeof entry === 'string'),
    consents: entries.filter((entry): entry is CapturedConsent => typeof entry === 'object' && entry !== null),
  };
}

/** A form's columns; a page where Paperboy cannot post (login, Jetpack) keeps only its kind. */
function formColumns(form: PageCommentForm): [string, string, string | null, string, string, number | null] {
  if (form.kind !== 'wordpress') return ['', '[]', null, '[]', '[]', null];
  return [
    form.action, JSON.stringify(form.hiddenFields), form.commentName, JSON.stringify(form.fields),
    JSON.stringify([...form.requiredFields, ...(form.consents ?? [])]), form.maxLength,
  ];
}

// An article's thread source: the REST API or comment list found on its page wins over its comment feed.
const THREAD_JOIN = 'LEFT JOIN comment_apis capi ON capi.article_id = a.id';
const THREAD_URL = 'coalesce(capi.url, a.comment_feed_url)';
const THREAD_KIND = "coalesce(capi.kind, 'feed')";
// A draft of ours awaiting confirmation: its comment may show once approved, which need not move
// the comment feed's Last-Modified (WordPress dates it by the newest approved comment).
const AWAITS_CONFIRMATION = `EXISTS (SELECT 1 FROM drafts pd WHERE pd.article_id = a.id AND pd.deleted_at IS NULL
  AND (pd.state IN ('sent', 'held') OR pd.check_before_post = 1))`;
// A page thread is checked through its comment feed, unless a draft of ours awaits confirmation there.
const THREAD_PROBE = `CASE WHEN capi.kind = 'wordpress-page' AND NOT ${AWAITS_CONFIRMATION} THEN a.comment_feed_url END`;
const THREAD_COLUMNS = `${THREAD_URL} AS url, ${THREAD_KIND} AS kind, ${THREAD_PROBE} AS probeUrl`;
const HAS_THREAD = '(capi.url IS NOT NULL OR a.comment_feed_url IS NOT NULL)';

export class CommentsRepo {
  constructor(private readonly db: Sqlite) {}

  /** Adds new comments and updates edited ones; comments that left the feed stay (feeds list
   *  only the latest ones). Returns how many were new. */
  upsert(articleId: ArticleId, comments: readonly IncomingComment[], now = Date.now()): number {
    return this.db.transaction(() => {
      if (this.db.value('SELECT 1 FROM articles WHERE id = ?', [articleId]) === undefined) return 0;
      const stored = new Map<string, CommentId>();
      for (const row of this.db.all<{ id: string; unique_id: string; url: string | null }>('SELECT id, unique_id, url FROM comments WHERE article_id = ?', [articleId])) {
        const number = siteCommentNumber(row.unique_id) ?? siteCommentNumber(row.url);
        if (number !== null) stored.set(number, row.id);
      }
      const idOf = (id: CommentId, uniqueId: string) => stored.get(siteCommentNumber(uniqueId) ?? '') ?? id;
      let added = 0;
      for (const incoming of comments) {
        const comment = {
          ...incoming,
          id: idOf(incoming.id, incoming.uniqueId),
          parentId: incoming.parentId === null || incoming.parentUniqueId === null ? incoming.parentId : idOf(incoming.parentId, incoming.parentUniqueId),
        };
        const existed = this.db.value('SELECT 1 FROM comments WHERE id = ?', [comment.id]) !== undefined;
        this.db.run(
          `INSERT INTO comments (id, article_id, unique_id, parent_id, author, author_url, published_at, html, text, url, first_seen_at, reply_lead)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT(id) DO UPDATE SET parent_id = excluded.parent_id, author = excluded.author, author_url = excluded.author_url,
             html = excluded.html, text = excluded.text, url = excluded.url,
             published_at = CASE WHEN ? IS NULL THEN published_at ELSE excluded.published_at END,
             reply_lead = coalesce(excluded.reply_lead, reply_lead)`,
          [
            comment.id, articleId, comment.uniqueId, comment.parentId, comment.author, comment.authorUrl,
            comment.publishedAt ?? now, comment.html, comment.text, comment.url, now, comment.replyLead, comment.publishedAt,
          ],
        );
        if (!existed) added++;
      }
      return added;
    });
  }

  /**
   * Removes the article's comments that a whole read of its thread (every page of it, in one
   * sync) did not find: the site no longer shows them (a moderator removed them as spam). Kept
   * whatever the read: a comment the site's number does not identify, one the person's drafts
   * answer (a draft in the trash too, as it may be restored) and the person's own sent comment.
   * Returns how many were removed.
   */
  removeMissing(articleId: ArticleId, found: readonly IncomingComment[]): number {
    const onSite = new Set(found.map((comment) => siteCommentNumber(comment.uniqueId) ?? siteCommentNumber(comment.url)));
    const drafts = this.db.all<{ reply_to_comment_id: string | null; reply_to_site_id: string | null; comment_url: string | null }>(
      'SELECT reply_to_comment_id, reply_to_site_id, comment_url FROM drafts WHERE article_id = ?',
      [articleId],
    );
    const answered = new Set(drafts.map((draft) => draft.reply_to_comment_id));
    const ours = new Set(drafts.flatMap((draft) => [draft.reply_to_site_id, siteCommentNumber(draft.comment_url)]));
    let removed = 0;
    for (const row of this.db.all<{ id: string; unique_id: string; url: string | null }>('SELECT id, unique_id, url FROM comments WHERE article_id = ?', [articleId])) {
      const number = siteCommentNumber(row.unique_id) ?? siteCommentNumber(row.url);
      if (number === null || onSite.has(number) || ours.has(number) || answered.has(row.id)) continue;
      removed += this.db.run('DELETE FROM comments WHERE id = ?', [row.id]).changes;
    }
    return removed;
  }

  /** Oldest first; a reply whose parent is not stored is shown at the top level, saying so. */
  list(articleId: ArticleId): Comment[] {
    const rows = inWrittenOrder(this.db.all<CommentRow & { unique_id: string }>(
      `SELECT id, article_id, unique_id, parent_id, author, author_url, published_at, html, url, reply_lead
       FROM comments WHERE article_id = ? ORDER BY published_at, id`,
      [articleId],
    ));
    const ids = new Set(rows.map((row) => row.id));
    return rows.map((row) => {
      const answers = row.parent_id !== null && row.parent_id !== row.id ? row.parent_id : null;
      const parentStored = answers !== null && ids.has(answers);
      return {
        id: row.id,
        articleId: row.article_id,
        parentId: parentStored ? answers : null,
        // Only the site's own words: an Atom comment feed's top-level comments answer the article's id.
        inReplyTo: answers === null || parentStored ? null : row.reply_lead,
        author: row.author,
        authorUrl: row.author_url,
        publishedAt: row.published_at,
        html: row.html,
        url: row.url,
      };
    });
  }

  get(id: CommentId): { articleId: ArticleId; author: string | null; url: string | null } | null {
    const row = this.db.one<{ article_id: string; author: string | null; url: string | null }>('SELECT article_id, author, url FROM comments WHERE id = ?', [id]);
    return row ? { articleId: row.article_id, author: row.author, url: row.url } : null;
  }

  /** The plain text of the article's comments, for finding a sent draft among them. */
  texts(articleId: ArticleId): { id: CommentId; author: string | null; text: string; url: string | null }[] {
    return this.db.all('SELECT id, author, text, url FROM comments WHERE article_id = ?', [articleId]);
  }

  /** Validators of the last fetch of this article's comment feed, if it was this same address. */
  feedState(target: CommentFeedTarget): CommentFeedState | null {
    const row = this.db.one<{ etag: string | null; last_modified: string | null; body_hash: string | null }>(
      'SELECT etag, last_modified, body_hash FROM comment_feeds WHERE article_id = ? AND url = ?',
      [target.articleId, target.url],
    );
    return row ? { etag: row.etag, lastModified: row.last_modified, bodyHash: row.body_hash } : null;
  }

  recordFetch(target: CommentFeedTarget, record: CommentFetchRecord): void {
    const v = record.validators;
    this.db.run(
      `INSERT INTO comment_feeds (article_id, url, etag, last_modified, body_hash, last_fetch_at, last_success_at, last_error)
       SELECT ?, ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM articles WHERE id = ?)
       ON CONFLICT(article_id) DO UPDATE SET url = excluded.url, last_fetch_at = excluded.last_fetch_at,
         last_error = excluded.last_error,
         last_success_at = coalesce(excluded.last_success_at, last_success_at),
         etag = CASE WHEN ? THEN excluded.etag ELSE etag END,
         last_modified = CASE WHEN ? THEN excluded.last_modified ELSE last_modified END,
         body_hash = CASE WHEN ? THEN excluded.body_hash ELSE body_hash END`,
      [
        target.articleId, target.url, v?.etag ?? null, v?.lastModified ?? null, v?.bodyHash ?? null, record.at,
        v ? record.at : null, record.error, target.articleId, v ? 1 : 0, v ? 1 : 0, v ? 1 : 0,
      ],
    );
  }

  /**
   * A feed's articles whose comment threads a sync reads again: the newest published since
   * `since` (at most `recent`), every one with a draft that is on the site or may be, so that
   * it shows up (or its moderation ends) after the next sync, and `older` of the articles before
   * `since`, the longest unchecked first (never read first), so that each sync checks a few and
   * every old thread comes round in turn. Articles still waiting for their offline copy are left
   * out: their comments are read right after it.
   *
   * An older thread with comment pages left (a long forum topic) waits for its turn like the rest,
   * and the reader says its rest comes "in later syncs", not "at the next sync". Putting such threads
   * first was not chosen: a page that keeps failing stays unread, and so does an active topic that
   * keeps adding pages, so five of them in a feed would take every turn of every sync, and the
   * feed's other old threads, new replies to the person's own comments among them, would never
   * come round again.
   */
  dueForRefresh(feedId: FeedId, since: number, recent: number, older = 0): CommentFeedTarget[] {
    const threads = `FROM articles a ${THREAD_JOIN} WHERE a.feed_id = ? AND ${HAS_THREAD} AND a.fulltext_state != 'pending'`;
    return this.db.all<CommentFeedTarget>(
      `SELECT id AS articleId, url, kind, probeUrl FROM (
         SELECT a.id, ${THREAD_COLUMNS} ${threads} AND a.published_at >= ?
         ORDER BY a.published_at DESC LIMIT ?)
       UNION
       SELECT id, url, kind, probeUrl FROM (
         SELECT a.id, ${THREAD_COLUMNS}, (SELECT cf.last_fetch_at FROM comment_feeds cf WHERE cf.article_id = a.id) AS checked
         ${threads} AND a.published_at < ?
         ORDER BY checked IS NOT NULL, checked, a.published_at DESC LIMIT ?)
       UNION
       SELECT a.id, ${THREAD_COLUMNS} ${threads} AND ${AWAITS_CONFIRMATION}`,
      [feedId, since, recent, feedId, since, older, feedId],
    );
  }

  /** The comment pages of the article's thread known from earlier reads of its page, and when each
   *  was last read (null: linked from a page read, not read yet). */
  commentPages(articleId: ArticleId): { url: string; readAt: number | null }[] {
    return this.db.all('SELECT url, read_at AS readAt FROM comment_pages WHERE article_id = ?', [articleId]);
  }

  /** What a read of the thread's pages learnt: the pages it read, those they link to (unread
   *  when new), and those the site no longer serves. */
  /** The order the site's page lists the thread in. */
  recordThreadOrder(articleId: ArticleId, newestFirst: boolean): void {
    this.db.run(
      `INSERT INTO comment_thread_order (article_id, newest_first) SELECT ?, ? WHERE EXISTS (SELECT 1 FROM articles WHERE id = ?)
       ON CONFLICT(article_id) DO UPDATE SET newest_first = excluded.newest_first`,
      [articleId, newestFirst ? 1 : 0, articleId],
    );
  }

  recordCommentPages(articleId: ArticleId, pages: CommentPagesRead, now = Date.now()): void {
    for (const url of pages.linked) {
      this.db.run(
        'INSERT INTO comment_pages (article_id, url) SELECT ?, ? WHERE EXISTS (SELECT 1 FROM articles WHERE id = ?) ON CONFLICT DO NOTHING',
        [articleId, url, articleId],
      );
    }
    for (const url of pages.read) {
      this.db.run(
        `INSERT INTO comment_pages (article_id, url, read_at) SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM articles WHERE id = ?)
         ON CONFLICT(article_id, url) DO UPDATE SET read_at = excluded.read_at`,
        [articleId, url, now, articleId],
      );
    }
    for (const url of pages.gone) this.db.run('DELETE FROM comment_pages WHERE article_id = ? AND url = ?', [articleId, url]);
  }

  /** Where the article's thread is read: the site's REST API or the page's own list when its page
   *  showed one, else its comment feed. */
  threadSource(articleId: ArticleId): CommentFeedTarget | null {
    return this.db.one<CommentFeedTarget>(
      `SELECT a.id AS articleId, ${THREAD_COLUMNS} FROM articles a ${THREAD_JOIN} WHERE a.id = ? AND ${HAS_THREAD}`,
      [articleId],
    ) ?? null;
  }

  /** Writes (or, with null, forgets) where the article's page said its whole thread is read. */
  saveThreadSource(articleId: ArticleId, source: CommentThreadSource | null): void {
    if (source === null) {
      this.db.run('DELETE FROM comment_apis WHERE article_id = ?', [articleId]);
      return;
    }
    this.db.run(
      `INSERT INTO comment_apis (article_id, url, kind) SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM articles WHERE id = ?)
       ON CONFLICT(article_id) DO UPDATE SET url = excluded.url, kind = excluded.kind`,
      [articleId, source.url, source.kind, articleId],
    );
  }

  /** Writes (or, with null, forgets) the form found on the article's page. */
  saveForm(articleId: ArticleId, form: PageCommentForm | null, now = Date.now()): void {
    if (form === null) {
      this.db.run('DELETE FROM comment_forms WHERE article_id = ?', [articleId]);
      return;
    }
    this.db.run(
      `INSERT INTO comment_forms (article_id, kind, action, method, hidden_fields, comment_name, fields, required_fields, max_length, captured_at)
       SELECT ?, ?, ?, 'post', ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM articles WHERE id = ?)
       ON CONFLICT(article_id) DO UPDATE SET kind = excluded.kind, action = excluded.action, method = excluded.method,
         hidden_fields = excluded.hidden_fields, comment_name = excluded.comment_name, fields = excluded.fields,
         required_fields = excluded.required_fields, max_length = excluded.max_length, captured_at = excluded.captured_at`,
      [articleId, form.kind, ...formColumns(form), now, articleId],
    );
  }

  /** The form a comment on the article is posted to, or null (none known, or one Paperboy cannot post to). */
  form(articleId: ArticleId): CapturedCommentForm | null {
    const row = this.db.one<FormRow>('SELECT kind, action, hidden_fields, comment_name, fields, required_fields, max_length FROM comment_forms WHERE article_id = ?', [articleId]);
    if (row?.kind !== 'wordpress') return null;
    const required = requiredOf(row.required_fields);
    return {
      kind: row.kind,
      action: row.action,
      hiddenFields: JSON.parse(row.hidden_fields),
      // Kept before the name was: the next read of the page (before any send) gives it.
      commentName: row.comment_name ?? 'comment',
      fields: JSON.parse(row.fields),
      requiredFields: required.fields,
      maxLength: row.max_length,
      ...(required.consents.length > 0 ? { consents: required.consents } : {}),
    };
  }

  /** What the article's page last said of commenting: a form's kind, or null (nothing). */
  formKind(articleId: ArticleId): PageCommentForm['kind'] | null {
    return this.db.one<{ kind: PageCommentForm['kind'] }>('SELECT kind FROM comment_forms WHERE article_id = ?', [articleId])?.kind ?? null;
  }
}
