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
import type { Draft, DraftId, SendResult } from '../../../shared/types';
import type { CapturedCommentForm } from '../articles';
import { withScope, type HttpClient } from '../http';
import type { AttemptOutcome, DraftSendState, Storage } from '../storage';
import type { WorkerPool } from '../workers/pool';
import { refreshCommentFeed } from './comment-refresh';
import { findDraftComment } from './draft-match';
import { commentFormBody, missingFields, postComment } from './post-comment';
import type { PostVerdict } from './post-outcome';
import { isProcessAlive } from '../system/process-alive';

export interface SenderContext {
  readonly storage: Storage;
  readonly http: HttpClient;
  readonly pool: WorkerPool;
  readonly now: () => number;
  /** Size cap for reading a comment feed (the sync's feed limit). */
  readonly feedBytes: number;
}

/** Longer than any post can take (its timeout is 30 s): an attempt this old is dead. */
const STALE_ATTEMPT_MS = 10 * 60 * 1000;
const INTERRUPTED = 'Sending was interrupted. Paperboy will look for the comment on the site before posting it again.';
const NO_FORM = "Paperboy does not know this site's comment form, so the draft stays here: copy the text and post it from the article in the browser.";
const NO_PARENT = 'Paperboy cannot tell the site which comment this answers: copy the text and reply from the article in the browser.';

type Verdict = PostVerdict | { readonly kind: 'found'; readonly commentUrl: string | null; readonly message: string };

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
    this.recoverInterrupted();
    const state = this.ctx.storage.drafts.sendState(id);
    if (!state) return null;
    const ready = this.readiness(state);
    if ('refusal' in ready) return ready.refusal;
    const key = randomUUID();
    if (!this.ctx.storage.drafts.beginAttempt(id, key, process.pid, this.ctx.now())) return this.unchanged(this.ctx.storage.drafts.get(id)!);
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
    const draft = this.ctx.storage.drafts.get(id)!;
    // Not recorded: the attempt was taken for dead and the draft moved on without it.
    return recorded ? { outcome: verdict.kind, message: verdict.message, draft } : this.unchanged(draft);
  }

  /**
   * Sends every queued draft, one after the other. Once a site says "too fast", its other
   * drafts wait for the next time instead of being refused one by one.
   */
  async sendQueued(): Promise<SendResult[]> {
    this.recoverInterrupted();
    const results: SendResult[] = [];
    const slowHosts = new Set<string>();
    for (const id of this.ctx.storage.drafts.queuedIds()) {
      const draft = this.ctx.storage.drafts.get(id);
      if (!draft) continue;
      const host = this.formHost(draft);
      if (host !== null && slowHosts.has(host)) {
        results.push({ outcome: 'too-fast', message: `Not tried: ${host} asked to wait before the next comment.`, draft });
        continue;
      }
      const result = await this.send(id);
      if (!result) continue;
      if (result.outcome === 'too-fast' && host !== null) slowHosts.add(host);
      results.push(result);
    }
    return results;
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
    if (!form) return { refusal: { outcome: 'no-form', message: NO_FORM, draft } };
    if (draft.replyTo && state.replyToSiteId === null) return { refusal: { outcome: 'no-form', message: NO_PARENT, draft } };
    const missing = missingFields(form, draft);
    if (missing) return { refusal: { outcome: 'incomplete', message: `The site needs ${missing} before it takes a comment.`, draft } };
    return { form };
  }

  private async attempt(state: DraftSendState, form: CapturedCommentForm): Promise<Verdict> {
    const http = this.contentHttp(state.draft);
    if (state.checkBeforePost) {
      const found = await this.lookOnSite(state.draft, http);
      if (found) return found;
    }
    return postComment(http, form, commentFormBody(form, state.draft, state.replyToSiteId), state.draft.articleUrl);
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
      return { state: 'sent', message: verdict.message, checkBeforePost: false };
    case 'rejected':
      return { state: 'failed', message: verdict.message, checkBeforePost };
    case 'too-fast':
      return { state: 'queued', message: verdict.message, checkBeforePost };
    case 'unreachable':
      return { state: 'queued', message: verdict.message, checkBeforePost: true };
  }
}

