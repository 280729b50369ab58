// Comment drafts: the person's own writing, kept until they delete it. Every write is one
// autocommitted statement or one transaction, so a draft is on disk once a call returns (WAL:
// a killed process loses nothing committed). The rules for states and sending live in
// electron/core/comments/sender.ts; this file only stores what they decide, atomically.
import type { ArticleId, CommentId, Draft, DraftId, DraftState } from '../../../shared/types';
import type { Sqlite } from './sqlite';

export interface NewDraft {
  readonly articleId: ArticleId;
  readonly articleTitle: string;
  readonly articleUrl: string | null;
  readonly feedTitle: string;
  readonly replyTo: { readonly commentId: CommentId; readonly author: string | null; readonly siteId: string | null } | null;
  readonly body: string;
  readonly name: string;
  readonly email: string;
  readonly website: string;
}

export interface DraftText {
  readonly body: string;
  readonly name: string;
  readonly email: string;
  readonly website: string;
}

/** What one attempt whose answer never came sent: it may be on the site, whatever the draft says now. */
export interface SentText {
  readonly body: string;
  readonly name: string;
  /** When the attempt began (this computer's clock); null when not known (kept before it was recorded). */
  readonly startedAt: number | null;
}

/** What sending needs beyond the public Draft. */
export interface DraftSendState {
  readonly draft: Draft;
  readonly replyToSiteId: string | null;
  readonly checkBeforePost: boolean;
  /** The texts of the attempts that may have reached the site, oldest first (empty once it is found). */
  readonly unconfirmedSends: readonly SentText[];
  readonly attemptKey: string | null;
  readonly attemptPid: number | null;
  readonly attemptAt: number | null;
}

/** How an attempt ended, as sender.ts decided it. */
export interface AttemptOutcome {
  readonly state: Exclude<DraftState, 'sending'>;
  readonly message: string | null;
  readonly commentUrl?: string | null;
  readonly checkBeforePost: boolean;
  /** The attempt may have reached the site (no answer, a 5xx): what it sent is kept to look for. */
  readonly mayHavePosted?: boolean;
}

interface DraftRow {
  id: number;
  article_id: string | null;
  article_title: string;
  article_url: string | null;
  feed_title: string;
  reply_to_comment_id: string | null;
  reply_to_author: string | null;
  reply_to_site_id: string | null;
  body: string;
  name: string;
  email: string;
  website: string;
  state: DraftState;
  message: string | null;
  comment_url: string | null;
  attempt_key: string | null;
  attempt_pid: number | null;
  attempt_at: number | null;
  check_before_post: number;
  unconfirmed_sends: string | null;
  created_at: number;
  updated_at: number;
  sent_at: number | null;
  reads_as: DraftState;
  can_send: number;
}

// A queued draft whose article is gone (its feed removed) can never be sent: what it was queued
// for cannot happen, so it reads as a draft and waits in no queue (the Drafts view says its
// article is gone, and Send says why it cannot go).
const WAITS_TO_SEND = `d.state = 'queued' AND d.article_id IS NOT NULL`;
const READS_AS = `CASE WHEN d.state = 'queued' AND d.article_id IS NULL THEN 'draft' ELSE d.state END AS reads_as`;
// Sendable: the article's form is known and one Paperboy can post to (not a login-only or Jetpack
// page), and for a reply, the site's number of the comment answered.
const SELECT = `SELECT d.*, ${READS_AS}, (EXISTS (SELECT 1 FROM comment_forms f WHERE f.article_id = d.article_id AND f.kind = 'wordpress')
  AND (d.reply_to_comment_id IS NULL OR d.reply_to_site_id IS NOT NULL)) AS can_send FROM drafts d`;
// The attempt's text, as it was when it began (column values before this UPDATE).
const APPEND_SENT_TEXT = `json_insert(coalesce(unconfirmed_sends, '[]'), '$[#]', json_object('body', body, 'name', name, 'startedAt', attempt_at))`;
/** States whose text may still change: it is not known to be on the site. */
const EDITABLE: readonly DraftState[] = ['draft', 'queued', 'failed'];

function sameText(a: DraftText, b: DraftText): boolean {
  return a.body === b.body && a.name === b.name && a.email === b.email && a.website === b.website;
}

function toDraft(row: DraftRow): Draft {
  return {
    id: row.id,
    articleId: row.article_id,
    articleTitle: row.article_title,
    articleUrl: row.article_url,
    feedTitle: row.feed_title,
    replyTo: row.reply_to_comment_id ? { commentId: row.reply_to_comment_id, author: row.reply_to_author } : null,
    body: row.body,
    name: row.name,
    email: row.email,
    website: row.website,
    state: row.reads_as,
    message: row.message,
    commentUrl: row.comment_url,
    canSend: row.can_send > 0,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    sentAt: row.sent_at,
  };
}

export class DraftsRepo {
  constructor(private readonly db: Sqlite) {}

  create(draft: NewDraft, now = Date.now()): DraftId {
    return this.db.run(
      `INSERT INTO drafts (article_id, article_title, article_url, feed_title, reply_to_comment_id, reply_to_author,
         reply_to_site_id, body, name, email, website, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        draft.articleId, draft.articleTitle, draft.articleUrl, draft.feedTitle, draft.replyTo?.commentId ?? null,
        draft.replyTo?.author ?? null, draft.replyTo?.siteId ?? null, draft.body, draft.name, draft.email, draft.website, now, now,
      ],
    ).lastInsertRowid;
  }

  /**
   * Writes new text. A queued or failed draft whose text changes becomes a plain draft again:
   * the person sends the new text when they choose. What earlier attempts may have posted stays
   * to be looked for (check_before_post, unconfirmed_sends): the site may have the old text. False
   * when the draft is gone or no longer editable (sending, sent, held).
   */
  updateText(id: DraftId, text: DraftText, now = Date.now()): boolean {
    return this.db.transaction(() => {
      const row = this.row(id);
      if (!row || !EDITABLE.includes(row.state)) return false;
      this.writeText(row, text, now);
      return true;
    });
  }

  /**
   * updateText, only over the text the writer last saw (`base`): checked and written in one
   * IMMEDIATE transaction, so of two windows saving over the same base, the second one finds the
   * first one's text ('changed') instead of overwriting it. 'closed': gone or no longer editable.
   */
  updateTextFrom(id: DraftId, base: DraftText, text: DraftText, now = Date.now()): 'saved' | 'changed' | 'closed' {
    return this.db.transaction(() => {
      const row = this.row(id);
      if (!row || !EDITABLE.includes(row.state)) return 'closed';
      if (!sameText(row, base)) return 'changed';
      this.writeText(row, text, now);
      return 'saved';
    });
  }

  get(id: DraftId): Draft | null {
    const row = this.row(id);
    return row ? toDraft(row) : null;
  }

  /** Live drafts, most recently changed first; those of one article when given. */
  list(articleId?: ArticleId): Draft[] {
    const rows = articleId === undefined
      ? this.db.all<DraftRow>(`${SELECT} WHERE d.deleted_at IS NULL ORDER BY d.updated_at DESC, d.id DESC`)
      : this.db.all<DraftRow>(`${SELECT} WHERE d.deleted_at IS NULL AND d.article_id = ? ORDER BY d.updated_at DESC, d.id DESC`, [articleId]);
    return rows.map(toDraft);
  }

  /** Deleted, restorable until purged. A draft being sent is not deleted (false). */
  softDelete(id: DraftId, now = Date.now()): boolean {
    return this.db.run(`UPDATE drafts SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL AND state != 'sending'`, [now, id]).changes > 0;
  }

  restore(id: DraftId): boolean {
    return this.db.run('UPDATE drafts SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL', [id]).changes > 0;
  }

  /** Forgets drafts deleted before `before` for good. */
  purgeDeleted(before: number): number {
    // Looked for first: at a start on a read-only data folder, a DELETE of nothing is still a write.
    if (this.db.value('SELECT 1 FROM drafts WHERE deleted_at IS NOT NULL AND deleted_at < ? LIMIT 1', [before]) === undefined) return 0;
    return this.db.run('DELETE FROM drafts WHERE deleted_at IS NOT NULL AND deleted_at < ?', [before]).changes;
  }

  sendState(id: DraftId): DraftSendState | null {
    const row = this.row(id);
    if (!row) return null;
    return {
      draft: toDraft(row),
      replyToSiteId: row.reply_to_site_id,
      checkBeforePost: row.check_before_post === 1,
      unconfirmedSends: row.unconfirmed_sends === null ? [] : (JSON.parse(row.unconfirmed_sends) as SentText[]),
      attemptKey: row.attempt_key,
      attemptPid: row.attempt_pid,
      attemptAt: row.attempt_at,
    };
  }

  /**
   * Marks the draft 'sending' under a new attempt key, if its state allows it; in one IMMEDIATE
   * transaction, so of two callers (two windows, the app and the CLI) exactly one wins.
   */
  beginAttempt(id: DraftId, key: string, pid: number, now = Date.now()): boolean {
    return this.db.transaction(() => {
      const row = this.row(id);
      if (!row || !EDITABLE.includes(row.state)) return false;
      this.db.run(`UPDATE drafts SET state = 'sending', attempt_key = ?, attempt_pid = ?, attempt_at = ? WHERE id = ?`, [key, pid, now, id]);
      return true;
    });
  }

  /**
   * Records the outcome of the attempt `key`; false when that attempt is no longer the draft's.
   * An attempt that may have reached the site adds the text it sent (the draft's, unchanged while
   * 'sending') to the ones to look for; the comment on the site ends the need to look.
   */
  finishAttempt(id: DraftId, key: string, outcome: AttemptOutcome, now = Date.now()): boolean {
    const onSite = outcome.state === 'sent' || outcome.state === 'held';
    return this.db.run(
      `UPDATE drafts SET state = ?, message = ?, comment_url = coalesce(?, comment_url), check_before_post = ?,
         unconfirmed_sends = CASE WHEN ? THEN NULL WHEN ? THEN ${APPEND_SENT_TEXT} ELSE unconfirmed_sends END,
         attempt_key = NULL, attempt_pid = NULL, attempt_at = NULL, sent_at = CASE WHEN ? THEN ? ELSE sent_at END
       WHERE id = ? AND state = 'sending' AND attempt_key = ?`,
      [
        outcome.state, outcome.message, outcome.commentUrl ?? null, outcome.checkBeforePost ? 1 : 0, onSite ? 1 : 0,
        outcome.mayHavePosted ? 1 : 0, onSite ? 1 : 0, now, id, key,
      ],
    ).changes > 0;
  }

  /** The links (comment_url) of the comments the article's other drafts are: none of them is this draft's. */
  otherDraftsComments(articleId: ArticleId, except: DraftId): string[] {
    return this.db
      .all<{ url: string }>('SELECT comment_url AS url FROM drafts WHERE article_id = ? AND id != ? AND comment_url IS NOT NULL', [articleId, except])
      .map((r) => r.url);
  }

  /** Drafts marked 'sending' (by this process or another, live or dead). */
  attemptsInFlight(): { id: DraftId; key: string; pid: number | null; at: number | null }[] {
    return this.db.all<{ id: number; key: string; pid: number | null; at: number | null }>(
      `SELECT id, attempt_key AS key, attempt_pid AS pid, attempt_at AS at FROM drafts WHERE state = 'sending'`,
    );
  }

  /** Live drafts the person asked to send that still wait. */
  queuedIds(): DraftId[] {
    return this.db
      .all<{ id: number }>(`SELECT id FROM drafts d WHERE ${WAITS_TO_SEND} AND d.deleted_at IS NULL ORDER BY d.updated_at, d.id`)
      .map((r) => r.id);
  }

  /** Drafts of an article whose place on the site is not known yet: held for moderation, sent
   *  without a link (a duplicate), or queued after an attempt that may have got through. */
  awaitingConfirmation(articleId: ArticleId): DraftSendState[] {
    return this.db
      .all<{ id: number }>(
        `SELECT id FROM drafts WHERE article_id = ? AND deleted_at IS NULL
           AND (state = 'held' OR (state = 'sent' AND comment_url IS NULL) OR (state = 'queued' AND check_before_post = 1))`,
        [articleId],
      )
      .map((r) => this.sendState(r.id)!);
  }

  /** The draft's comment was found on the site. Only from the state it was found in. */
  markFound(id: DraftId, from: DraftState, commentUrl: string | null, message: string, now = Date.now()): boolean {
    return this.db.run(
      `UPDATE drafts SET state = 'sent', comment_url = coalesce(?, comment_url), message = ?, check_before_post = 0,
         unconfirmed_sends = NULL, sent_at = coalesce(sent_at, ?) WHERE id = ? AND state = ?`,
      [commentUrl, message, now, id, from],
    ).changes > 0;
  }

  private writeText(row: DraftRow, text: DraftText, now: number): void {
    if (sameText(row, text)) return;
    this.db.run(
      `UPDATE drafts SET body = ?, name = ?, email = ?, website = ?, updated_at = ?,
         state = 'draft', message = CASE WHEN state = 'draft' THEN message ELSE NULL END WHERE id = ?`,
      [text.body, text.name, text.email, text.website, now, row.id],
    );
  }

  private row(id: DraftId): DraftRow | undefined {
    return this.db.one<DraftRow>(`${SELECT} WHERE d.id = ? AND d.deleted_at IS NULL`, [id]);
  }
}
