// Sending drafts, only when the person asks. The rules that keep a comment from being posted
// twice, whatever happens (technote):
//
// 1. Before any request, the draft is marked 'sending' under a fresh attempt key, in one
//    IMMEDIATE transaction that first checks its state (draft, queued or failed). A second
//    sendDraft, from this process or another, finds it 'sending' (or sent, or held) and does
//    nothing. The outcome is written only if the draft still carries that attempt's key.
// 2. An attempt whose answer never came (network error, timeout, 5xx) may have reached the site.
//    The draft goes back to 'queued' with check_before_post set.
// 3. A process that dies mid-post leaves the draft 'sending' with its pid. Whoever opens the data
//    folder next (or sends next) sees that process gone and treats the attempt like rule 2. A
//    'sending' draft of another live process is left alone, unless its attempt is older than any
//    post can take (the pid may have been reused); one of this process that none of its cores is
//    making (an unexpected error ended it) is recovered too.
// 4. With check_before_post set, the next send first reads the article's comment feed and looks
//    for the draft's comment there (draft-match.ts); if it shows, the draft is 'sent' and nothing
//    is posted. If it does not show (or there is no comment feed: nothing to look at), the post is
//    made; a comment held for moderation does not show in the feed, but WordPress answers a repeat
//    of it with 409, which counts as sent. A sync that finds the comment does the same (rule 4
//    without posting).
//
// Outcomes: 302 #comment-N sent; 302 unapproved= held; 409 sent (duplicate); 429 stays queued
// (nothing was posted; "Send all queued" later retries); wp_die page or 4xx failed with the
// site's reason; network error, timeout or 5xx stays queued (rule 2). A draft whose article has
// no known comment form, or misses a field the form requires, is not touched.
import { randomUUID } from 'node:crypto';
import { overLimitMessage } from '../../../shared/comment-length';
import type { Draft, DraftId, SendQueueProgress, SendResult } from '../../../shared/types';
import type { CapturedCommentForm } from '../articles';
import { withScope, type HttpClient } from '../http';
import type { AttemptOutcome, DraftSendState, Storage } from '../storage';
import type { WorkerPool } from '../workers/pool';
import { refreshCommentFeed } from './comment-refresh';
import { findDraftComment } from './draft-match';
import { commentFormBody, missingFields, postComment } from './post-comment';
import type { PostVerdict } from './post-outcome';
import { isProcessAlive } from '../system/process-alive';
import { foreignFormHost } from './form-site';
import { recaptureForm } from './fresh-form';

export interface SenderContext {
  readonly storage: Storage;
  readonly http: HttpClient;
  readonly pool: WorkerPool;
  readonly now: () => number;
  /** Size cap for reading a comment feed (the sync's feed limit). */
  readonly feedBytes: number;
  /** Waits out a site's flood check in "Send all queued" (a test seam; setTimeout by default). */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** Longer than any post can take (its timeout is 30 s): an attempt this old is dead. */
const STALE_ATTEMPT_MS = 10 * 60 * 1000;
const INTERRUPTED = 'Sending was interrupted. Paperboy will look for the comment on the site before posting it again.';
const NO_FORM = "Paperboy does not know this site's comment form, so the draft stays here: copy the text and post it from the article in the browser.";
const CLOSED =
  'Comments are closed on this article: its page has no comment form now. The draft stays here; Send tries again (if the site reopens comments, it goes).';
const NO_PARENT = 'Paperboy cannot tell the site which comment this answers: copy the text and reply from the article in the browser.';

type Verdict =
  | Exclude<PostVerdict, { readonly kind: 'duplicate' }>
  | { readonly kind: 'found'; readonly commentUrl: string | null; readonly message: string }
  /** seen: the site's thread shows it (commentUrl); else it is held, or at least not confirmed. */
  | { readonly kind: 'duplicate'; readonly message: string; readonly commentUrl: string | null; readonly seen: boolean };

/** WordPress's flood check: 15 s between two comments from one address, and it says no Retry-After. */
const WORDPRESS_FLOOD_MS = 15_000;
const FLOOD_MARGIN_MS = 1_000;
/** Longer waits are left for the next "Send all queued". */
const MAX_FLOOD_WAIT_MS = 2 * 60 * 1000;
const FLOOD_RETRIES = 2;
const SENDABLE: ReadonlySet<Draft['state']> = new Set(['draft', 'queued', 'failed']);

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Keys of the attempts this process is making, whichever core made them: two cores of one
 * process on one data folder (the tests do it) must not take each other's attempts for dead.
 */
const ATTEMPTS_IN_FLIGHT = new Set<string>();

export class CommentSender {
  constructor(private readonly ctx: SenderContext) {
    this.recoverInterrupted();
  }

  /** Sends one draft if its state allows it; null when there is no such draft. */
  async send(id: DraftId): Promise<SendResult | null> {
    return (await this.sendOne(id))?.result ?? null;
  }

  /**
   * Sends every queued draft, one after the other. A site that says "too fast" (WordPress's
   * flood check) is waited out (its Retry-After, else WordPress's 15 s) and the same draft tried
   * again; only a site that asks for longer than MAX_FLOOD_WAIT_MS, or refuses again, has its
   * other drafts wait for the next time instead of being refused one by one.
   */
  async sendQueued(onProgress?: (progress: SendQueueProgress) => void): Promise<SendResult[]> {
    this.recoverInterrupted();
    const results: SendResult[] = [];
    const slowHosts = new Set<string>();
    const ids = this.ctx.storage.drafts.queuedIds();
    for (const [index, id] of ids.entries()) {
      const draft = this.ctx.storage.drafts.get(id);
      if (!draft) continue;
      const host = this.formHost(draft);
      if (host !== null && slowHosts.has(host)) {
        results.push({ outcome: 'too-fast', message: `Not tried: ${host} asked to wait before the next comment.`, draft });
        continue;
      }
      onProgress?.({ done: index, total: ids.length, waitingMs: null });
      let sent = await this.sendOne(id);
      for (let retry = 0; sent?.result.outcome === 'too-fast' && retry < FLOOD_RETRIES; retry++) {
        const wait = sent.retryAfterMs ?? WORDPRESS_FLOOD_MS + FLOOD_MARGIN_MS;
        if (wait > MAX_FLOOD_WAIT_MS) break;
        onProgress?.({ done: index, total: ids.length, waitingMs: wait });
        await (this.ctx.sleep ?? sleep)(wait);
        sent = await this.sendOne(id);
      }
      if (!sent) continue;
      if (sent.result.outcome === 'too-fast' && host !== null) slowHosts.add(host);
      results.push(sent.result);
    }
    onProgress?.({ done: ids.length, total: ids.length, waitingMs: null });
    return results;
  }

  private async sendOne(id: DraftId): Promise<{ result: SendResult; retryAfterMs: number | null } | null> {
    this.recoverInterrupted();
    let state = this.ctx.storage.drafts.sendState(id);
    if (!state) return null;
    const { draft } = state;
    // Online, the page is read again first: the form's nonces are fresh, a form that appeared counts.
    if (SENDABLE.has(draft.state) && draft.articleId && draft.articleUrl) {
      await recaptureForm(draft.articleId, draft.articleUrl, this.contentHttp(draft), this.ctx.pool, this.ctx.storage, this.ctx.now());
      state = this.ctx.storage.drafts.sendState(id);
      if (!state) return null;
    }
    const ready = this.readiness(state);
    if ('refusal' in ready) return { result: ready.refusal, retryAfterMs: null };
    const key = randomUUID();
    if (!this.ctx.storage.drafts.beginAttempt(id, key, process.pid, this.ctx.now())) return { result: this.unchanged(this.ctx.storage.drafts.get(id)!), retryAfterMs: null };
    ATTEMPTS_IN_FLIGHT.add(key);
    let verdict: Verdict;
    let recorded: boolean;
    try {
      verdict = await this.attempt(state, ready.form);
      recorded = this.ctx.storage.drafts.finishAttempt(id, key, outcomeOf(verdict, state.checkBeforePost), this.ctx.now());
    } finally {
      // Left 'sending' by an unexpected error, the draft is recovered by rule 3 on the next call.
      ATTEMPTS_IN_FLIGHT.delete(key);
    }
    // Shown by the site: read the thread now, so the comment is in it at once (best effort).
    if (recorded && verdict.kind === 'sent') await this.readThread(state.draft);
    const after = this.ctx.storage.drafts.get(id)!;
    // Not recorded: the attempt was taken for dead and the draft moved on without it.
    if (!recorded) return { result: this.unchanged(after), retryAfterMs: null };
    return { result: { outcome: verdict.kind, message: verdict.message, draft: after }, retryAfterMs: verdict.kind === 'too-fast' ? verdict.retryAfterMs : null };
  }

  /** Rule 3: attempts left 'sending' by a process that is gone become queued, to be checked. */
  recoverInterrupted(): void {
    const now = this.ctx.now();
    for (const attempt of this.ctx.storage.drafts.attemptsInFlight()) {
      if (ATTEMPTS_IN_FLIGHT.has(attempt.key)) continue;
      const fresh = attempt.at !== null && now - attempt.at < STALE_ATTEMPT_MS;
      if (fresh && attempt.pid !== null && attempt.pid !== process.pid && isProcessAlive(attempt.pid)) continue;
      this.ctx.storage.drafts.finishAttempt(attempt.id, attempt.key, { state: 'queued', message: INTERRUPTED, checkBeforePost: true }, now);
    }
  }

  /** The form to post the draft to, or why it is not posted now. */
  private readiness(state: DraftSendState): { form: CapturedCommentForm } | { refusal: SendResult } {
    const { draft } = state;
    if (draft.state === 'sending' || draft.state === 'sent' || draft.state === 'held') return { refusal: this.unchanged(draft) };
    const form = draft.articleId ? this.ctx.storage.comments.form(draft.articleId) : null;
    if (!form) {
      // A WordPress page (it names the site's API, or lists its comments) without its form: comments are closed.
      const source = draft.articleId === null ? null : this.ctx.storage.comments.threadSource(draft.articleId);
      const closed = (source?.kind ?? 'feed') !== 'feed';
      return { refusal: { outcome: 'no-form', message: closed ? CLOSED : NO_FORM, draft } };
    }
    const foreign = foreignFormHost(form.action, draft.articleUrl ?? form.action);
    if (foreign !== null) {
      return {
        refusal: {
          outcome: 'no-form',
          message: `Not sent: this article's comment form sends to ${foreign}, not to the article's own site, and Paperboy does not send your name, email and text there. Copy the text and post it from the article in the browser.`,
          draft,
        },
      };
    }
    if (draft.replyTo && state.replyToSiteId === null) return { refusal: { outcome: 'no-form', message: NO_PARENT, draft } };
    const missing = missingFields(form, draft);
    if (missing) return { refusal: { outcome: 'incomplete', message: `The site needs ${missing} before it takes a comment.`, draft } };
    const tooLong = overLimitMessage(draft.body, form.maxLength);
    if (tooLong) return { refusal: { outcome: 'too-long', message: `Not sent: the comment is ${tooLong}`, draft } };
    return { form };
  }

  private async attempt(state: DraftSendState, form: CapturedCommentForm): Promise<Verdict> {
    const http = this.contentHttp(state.draft);
    if (state.checkBeforePost) {
      const found = await this.lookOnSite(state.draft, http);
      if (found) return found;
    }
    const verdict = await postComment(http, form, commentFormBody(form, state.draft, state.replyToSiteId), state.draft.articleUrl);
    if (verdict.kind !== 'duplicate') return verdict;
    // The site has this comment already: published if its thread shows it, else (held for
    // moderation, most likely) not yet confirmed. Never "sent" without seeing it.
    const seen = await this.lookOnSite(state.draft, http);
    if (seen?.kind === 'found') return { kind: 'duplicate', message: `${verdict.message} It shows on the site.`, commentUrl: seen.commentUrl, seen: true };
    return { kind: 'duplicate', message: `${verdict.message} Its thread does not show it yet: it probably awaits moderation. The next sync looks for it.`, commentUrl: null, seen: false };
  }

  /** Reads the draft's thread again (after a send), so that the comment is in it at once. */
  private async readThread(draft: Draft): Promise<void> {
    const { storage } = this.ctx;
    const thread = draft.articleId ? storage.comments.threadSource(draft.articleId) : null;
    if (!thread) return;
    await refreshCommentFeed(thread, { storage, http: this.contentHttp(draft), pool: this.ctx.pool, now: this.ctx.now, maxBytes: this.ctx.feedBytes });
  }

  /**
   * The form's action and the comment feed came with the article's content: they may reach the
   * local network only when the article's feed lives there (network-scope.ts).
   */
  private contentHttp(draft: Draft): HttpClient {
    const { storage, http } = this.ctx;
    const article = draft.articleId ? storage.articles.get(draft.articleId) : null;
    const feed = article ? storage.feeds.get(article.feedId) : null;
    return withScope(http, feed ? http.contentScopes().of(feed.url) : 'public');
  }

  /** Rule 4: the draft's comment on the site, an 'unreachable' verdict, or null (not there). */
  private async lookOnSite(draft: Draft, http: HttpClient): Promise<Verdict | null> {
    const { storage } = this.ctx;
    const thread = storage.comments.threadSource(draft.articleId!);
    if (!thread) return null;
    const refreshed = await refreshCommentFeed(
      thread,
      { storage, http, pool: this.ctx.pool, now: this.ctx.now, maxBytes: this.ctx.feedBytes },
    );
    if (refreshed.status === 'failed') {
      return { kind: 'unreachable', message: `Not sent yet: the site's comments could not be checked (${refreshed.error}). It stays queued.` };
    }
    const comment = findDraftComment(draft, storage.comments.texts(draft.articleId!));
    return comment ? { kind: 'found', commentUrl: comment.url, message: 'An earlier attempt had posted this comment; it shows on the site.' } : null;
  }

  private unchanged(draft: Draft): SendResult {
    const message =
      draft.state === 'sending' ? 'This comment is being sent.'
      : draft.state === 'held' ? 'This comment is on the site already, awaiting moderation.'
      : draft.state === 'sent' ? 'This comment was sent already.'
      : 'Another attempt took this draft over; see its state.';
    return { outcome: 'unchanged', message, draft };
  }

  private formHost(draft: Draft): string | null {
    const form = draft.articleId ? this.ctx.storage.comments.form(draft.articleId) : null;
    return form ? new URL(form.action).host : null;
  }
}

function outcomeOf(verdict: Verdict, checkBeforePost: boolean): AttemptOutcome {
  switch (verdict.kind) {
    case 'sent':
    case 'held':
    case 'found':
      return { state: verdict.kind === 'held' ? 'held' : 'sent', message: verdict.message, commentUrl: verdict.commentUrl, checkBeforePost: false };
    case 'duplicate':
      return { state: verdict.seen ? 'sent' : 'held', message: verdict.message, commentUrl: verdict.commentUrl, checkBeforePost: false };
    case 'rejected':
      return { state: 'failed', message: verdict.message, checkBeforePost };
    case 'too-fast':
      return { state: 'queued', message: verdict.message, checkBeforePost };
    case 'unreachable':
      return { state: 'queued', message: verdict.message, checkBeforePost: true };
  }
}

