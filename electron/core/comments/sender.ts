// Sending drafts, only when the person asks. The rules that keep a comment from being posted
// twice, whatever happens (technote):
//
// 1. Before any request, the draft is marked 'sending' under a fresh attempt key, in one
//    IMMEDIATE transaction that first checks its state (draft, queued or failed). A second
//    sendDraft, from this process or another, finds it 'sending' (or sent, or held) and does
//    nothing. The outcome is written only if the draft still carries that attempt's key.
// 2. An attempt whose answer never came (network error, timeout, 5xx) may have reached the site.
//    The draft goes back to 'queued' with check_before_post set, and the text it sent is kept
//    (unconfirmed_sends): the person may edit the draft before sending again.
// 3. A process that dies mid-post leaves the draft 'sending' with its pid. Whoever opens the data
//    folder next (or sends next) sees that process gone and treats the attempt like rule 2. A
//    'sending' draft of another live process is left alone, unless its attempt is older than any
//    post can take (the pid may have been reused); one of this process that none of its cores is
//    making (an unexpected error ended it) is recovered too.
// 4. With check_before_post set, the next send first reads the article's comment feed and looks
//    for a comment any of those attempts posted (draft-match.ts); if it shows, the draft is that
//    comment, 'sent', and nothing is posted (not even an edited text: it would show twice). If it
//    does not show (or there is no comment feed: nothing to look at), the post is
//    made; a comment held for moderation does not show in the feed, but WordPress answers a repeat
//    of it with 409, which counts as sent. A sync that finds the comment does the same (rule 4
//    without posting).
//
// Outcomes: 302 #comment-N sent if the thread, read at once, shows it, else held (WordPress
// links a held comment without an email the same way); 302 unapproved= held; 302 to another page
// of the site (a thank-you page) sent or held as the thread shows; 409 sent (duplicate) when the
// thread shows it, failed (rejected) when it is another draft's comment (the same words in a new
// draft: WordPress takes them once), else held; 429 stays queued (nothing was posted; the person sends
// again, or "Send all queued" waits the check out); WordPress's 503 maintenance page stays queued
// (nothing was posted); wp_die page or 4xx failed with the site's reason; network error, timeout
// or other 5xx stays queued (rule 2). A draft whose article has no known comment form, or misses
// a field the form requires, or whose article's page the site no longer has (404, 410), is not
// touched. A reply is not posted when a whole read of the thread no longer has the comment it
// answers: WordPress would post it as a comment of its own without a word (its parent set to 0).
import { randomUUID } from 'node:crypto';
import { overLimitMessage } from '../../../shared/comment-length';
import { isCommentServiceKind, whereCommentsGo, type CommentServiceKind } from '../../../shared/comment-services';
import { isUnpostableFormKind, type Draft, type DraftId, type SendQueueProgress, type SendResult, type UnpostableFormKind } from '../../../shared/types';
import { foreignFormHost, type CapturedCommentForm } from '../articles';
import { withScope, type HttpClient } from '../http';
import { siteCommentNumber, type AttemptOutcome, type DraftSendState, type Storage } from '../storage';
import type { WorkerPool } from '../workers/pool';
import { refreshCommentFeed, type CommentRefreshResult } from './comment-refresh';
import { EDITED_SINCE, findDraftComment, findEarlierDraftComment, ownText, sendsOf, storedComments, traceOf, type EarlierDraftComment, type SentText } from './draft-match';
import { commentFormBody, missingFields, postComment, withConsents } from './post-comment';
import type { PostVerdict } from './post-outcome';
import { isProcessAlive } from '../system/process-alive';
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
/** A draft kept after its article went (its feed unsubscribed): its form went with the article. */
const NO_ARTICLE =
  'The article this draft answers is no longer stored here (its feed was removed), so Paperboy cannot send it: copy the text and post it from the article in the browser.';
const CLOSED =
  'Comments are closed on this article: its page has no comment form now. The draft stays here; Send tries again (if the site reopens comments, it goes).';
const NO_PARENT = 'Paperboy cannot tell the site which comment this answers: copy the text and reply from the article in the browser.';
/** Where the site takes comments, but not from Paperboy (comment-form.ts). */
const POSTED_ELSEWHERE = {
  login:
    "Not sent: this site takes comments only from readers logged in to it, and Paperboy does not log in. The draft stays here: copy the text, then log in and post it from the article in the browser.",
  jetpack:
    'Not sent: this site takes comments through Jetpack Comments (a form run by WordPress.com), which Paperboy cannot post to. The draft stays here: copy the text and post it from the article in the browser.',
  captcha:
    "Not sent: this site asks for a captcha with every comment, which only its own page can show. The draft stays here: copy the text and post it from the article in the browser.",
  wpdiscuz:
    'Not sent: this site takes comments through wpDiscuz, a comment form its own script sends, which Paperboy cannot post to. The draft stays here: copy the text and post it from the article in the browser.',
  forum:
    'Not sent: replies on this page are posted on the site by its signed-in members, which Paperboy cannot do. The draft stays here: copy the text, then sign in and reply from the page in the browser.',
  offsite:
    "Not sent: this article's comment form sends comments to another site than the article's own, and Paperboy does not send your name, email and text there. The draft stays here: copy the text and post it from the article in the browser.",
  unfillable:
    "Not sent: the site's comment form also asks for something Paperboy cannot fill in (a sum to solve, a file, a question of its own), and the site refuses a comment without it. The draft stays here: copy the text and post it from the article in the browser.",
} as const satisfies Record<Exclude<UnpostableFormKind, CommentServiceKind>, string>;

/** Why a draft for a page whose comments go where Paperboy cannot post them is not sent. */
function postedElsewhere(kind: UnpostableFormKind): string {
  if (!isCommentServiceKind(kind)) return POSTED_ELSEWHERE[kind];
  return `Not sent: this page's comments are ${whereCommentsGo(kind)}, which Paperboy cannot post to. The draft stays here: copy the text and post it from the article in the browser.`;
}

/** The article's page answered 404 or 410. */
function articleGone(status: number): string {
  return `The article is no longer on the site (HTTP ${status}): it was deleted, moved to the trash or unpublished, so there is nothing to post the comment to. Nothing was sent; the draft stays here.`;
}

/** The reply's parent is gone from a whole read of the thread: WordPress would quietly make the reply a comment of its own. */
function parentGone(author: string | null): string {
  const whose = author ? `${author}'s comment, which this answers,` : 'the comment this answers';
  return `Not sent: ${whose} is no longer on the site (the site removed it), and the site would post your reply as a comment of its own, out of context. The draft stays here: to post it as a comment of its own, copy its text into a new comment on the article.`;
}

/** A 409 for words another draft already put on the site. */
function earlierDraftsComment(siteWords: string | null, earlier: EarlierDraftComment): string {
  const said = siteWords ? `The site said: “${siteWords}” ` : '';
  const where =
    earlier.seen === 'shown' ? `; it shows on the site${earlier.commentUrl ? ` (${earlier.commentUrl})` : ''}`
    : earlier.seen === 'held' ? ', which awaits the site\'s moderation'
    : '';
  return `${said}The site already has this exact comment from you, sent from an earlier draft${where}. This one was not posted again: change its words to post it as a new comment, or delete it.`;
}

const HELD_UNSHOWN =
  "Held for moderation, it seems: the site took the comment, but its thread does not show it. It shows once the site approves it; the next sync looks for it.";

type Verdict =
  | Exclude<PostVerdict, { readonly kind: 'duplicate' | 'taken' }>
  | { readonly kind: 'found'; readonly commentUrl: string | null; readonly message: string }
  /** sent: the site's thread shows it (commentUrl); held: not confirmed, moderation most likely. */
  | { readonly kind: 'duplicate'; readonly message: string; readonly commentUrl: string | null; readonly state: 'sent' | 'held' };

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

  /** Sends one draft if its state allows it; null when there is no such draft. `ticked`: the
   *  form's consent checkboxes the person ticked for this send (none for "Send all queued"). */
  async send(id: DraftId, ticked: readonly string[] = []): Promise<SendResult | null> {
    return (await this.sendOne(id, ticked))?.result ?? null;
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

  private async sendOne(id: DraftId, ticked: readonly string[] = []): Promise<{ result: SendResult; retryAfterMs: number | null } | null> {
    this.recoverInterrupted();
    let state = this.ctx.storage.drafts.sendState(id);
    if (!state) return null;
    const { draft } = state;
    // Online, the page is read again first: the form's nonces are fresh, a form that appeared counts.
    if (SENDABLE.has(draft.state) && draft.articleId && draft.articleUrl) {
      const page = await recaptureForm(draft.articleId, draft.articleUrl, this.contentHttp(draft), this.ctx.pool, this.ctx.storage, this.ctx.now());
      if (page.kind === 'gone') return { result: { outcome: 'no-form', message: articleGone(page.status), draft }, retryAfterMs: null };
      state = this.ctx.storage.drafts.sendState(id);
      if (!state) return null;
    }
    const ready = this.readiness(state, ticked);
    if ('refusal' in ready) return { result: ready.refusal, retryAfterMs: null };
    const key = randomUUID();
    const startedAt = this.ctx.now();
    if (!this.ctx.storage.drafts.beginAttempt(id, key, process.pid, startedAt)) return { result: this.unchanged(this.ctx.storage.drafts.get(id)!), retryAfterMs: null };
    ATTEMPTS_IN_FLIGHT.add(key);
    let verdict: Verdict;
    let recorded: boolean;
    try {
      verdict = await this.attempt(state, ready.form, startedAt);
      recorded = this.ctx.storage.drafts.finishAttempt(id, key, outcomeOf(verdict, state.checkBeforePost), this.ctx.now());
    } finally {
      // Left 'sending' by an unexpected error, the draft is recovered by rule 3 on the next call.
      ATTEMPTS_IN_FLIGHT.delete(key);
    }
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
      this.ctx.storage.drafts.finishAttempt(attempt.id, attempt.key, { state: 'queued', message: INTERRUPTED, checkBeforePost: true, mayHavePosted: true }, now);
    }
  }

  /** The form to post the draft to (with the consent boxes ticked), or why it is not posted now. */
  private readiness(state: DraftSendState, ticked: readonly string[]): { form: CapturedCommentForm } | { refusal: SendResult } {
    const { draft } = state;
    if (draft.state === 'sending' || draft.state === 'sent' || draft.state === 'held') return { refusal: this.unchanged(draft) };
    if (draft.articleId === null) return { refusal: { outcome: 'no-form', message: NO_ARTICLE, draft } };
    const form = this.ctx.storage.comments.form(draft.articleId);
    if (!form) {
      const kind = this.ctx.storage.comments.formKind(draft.articleId);
      if (isUnpostableFormKind(kind)) return { refusal: { outcome: 'no-form', message: postedElsewhere(kind), draft } };
      // A WordPress page (it names the site's API, or lists its comments) without its form: comments are closed.
      const source = this.ctx.storage.comments.threadSource(draft.articleId);
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
    const consented = withConsents(form, ticked);
    if ('unticked' in consented) {
      const boxes = consented.unticked.map((label) => `“${label}”`).join(', ');
      return { refusal: { outcome: 'incomplete', message: `Not sent: the site takes a comment only with its box ticked (${boxes}). Tick it in the article's comment form in Paperboy, then Send.`, draft } };
    }
    return consented;
  }

  private async attempt(state: DraftSendState, form: CapturedCommentForm, startedAt: number): Promise<Verdict> {
    const http = this.contentHttp(state.draft);
    if (state.checkBeforePost) {
      // What the unanswered attempts sent, which need not be the draft's text now (edited since).
      const found = await this.lookOnSite(state, http, sendsOf(state));
      if (found) return found;
    }
    if (state.replyToSiteId !== null && (await this.parentGoneFromSite(state, http))) return { kind: 'rejected', message: parentGone(state.draft.replyTo?.author ?? null) };
    const verdict = await postComment(http, form, commentFormBody(form, state.draft, state.replyToSiteId), state.draft.articleUrl);
    if (verdict.kind === 'sent') return this.confirmShown(state.draft, http, verdict);
    if (verdict.kind === 'taken') return this.confirmTaken(state, http, verdict.page, startedAt);
    if (verdict.kind !== 'duplicate') return verdict;
    // The site has this comment already: published if its thread shows it, else (held for
    // moderation, most likely) not yet confirmed. Never "sent" without seeing it.
    const seen = await this.lookOnSite(state, http, [ownText(state.draft)]);
    if (seen?.kind === 'found') return { kind: 'duplicate', message: `${verdict.message} It shows on the site.`, commentUrl: seen.commentUrl, state: 'sent' };
    // Not this draft's comment but another draft's, with the same words, which the site takes once:
    // a refusal of this one, which stays to be reworded or deleted.
    const earlier = findEarlierDraftComment(this.ctx.storage, state);
    if (earlier) return { kind: 'rejected', message: earlierDraftsComment(verdict.siteWords, earlier) };
    return { kind: 'duplicate', message: `${verdict.message} Its thread does not show it yet: it probably awaits moderation. The next sync looks for it.`, commentUrl: null, state: 'held' };
  }

  /**
   * Whether the comment a reply answers is gone from the site: the thread, read whole and afresh
   * (the stored one keeps a comment a draft answers), does not have it. False when the thread
   * cannot be read whole (a comment feed holds only the newest): the reply is then posted.
   */
  private async parentGoneFromSite(state: DraftSendState, http: HttpClient): Promise<boolean> {
    const source = state.draft.articleId === null ? null : this.ctx.storage.comments.threadSource(state.draft.articleId);
    if ((source?.kind ?? 'feed') === 'feed') return false;
    const read = await this.readThread(state.draft, http, true);
    return read?.onSite?.has(state.replyToSiteId ?? '') === false;
  }

  /**
   * A 302 to #comment-N names the comment, not whether it shows: WordPress links a comment held
   * for moderation that way too when it has no email. The thread, read now, tells (and holds the
   * comment at once when it shows).
   */
  private async confirmShown(draft: Draft, http: HttpClient, sent: { readonly commentUrl: string | null; readonly message: string }): Promise<Verdict> {
    const read = await this.readThread(draft, http);
    const { commentUrl } = sent;
    if (read === null) return { kind: 'sent', commentUrl, message: 'Sent: the site took the comment.' };
    if (read.status === 'failed') return { kind: 'sent', commentUrl, message: `Sent: the site took the comment, but its thread could not be read to see it (${read.error}).` };
    const number = siteCommentNumber(commentUrl);
    const shows = storedComments(this.ctx.storage, draft.articleId!).some((comment) => siteCommentNumber(comment.url) === number);
    return { kind: shows ? 'sent' : 'held', commentUrl, message: shows ? sent.message : HELD_UNSHOWN };
  }

  /** The site took the comment and showed another of its pages (a thank-you page): the thread tells whether it shows. */
  private async confirmTaken(state: DraftSendState, http: HttpClient, page: string, startedAt: number): Promise<Verdict> {
    const seen = await this.lookOnSite(state, http, [{ ...ownText(state.draft), startedAt }]);
    if (seen?.kind === 'found') return { kind: 'sent', commentUrl: seen.commentUrl, message: `Sent: the site took the comment (and showed its page ${page}); it shows on the site.` };
    const unseen = seen?.kind === 'unreachable' ? 'its thread could not be read to see it' : 'its thread does not show it yet: it probably awaits moderation';
    return { kind: 'held', commentUrl: null, message: `The site took the comment and showed its page ${page}; ${unseen}. The next sync looks for it.` };
  }

  /** Reads the draft's thread again, so that what the site shows now is stored; null when it has none.
   *  fresh: read it whole, as if never read, to learn what it holds (CommentRefreshResult.onSite). */
  private async readThread(draft: Draft, http: HttpClient, fresh = false): Promise<CommentRefreshResult | null> {
    const { storage } = this.ctx;
    const thread = draft.articleId ? storage.comments.threadSource(draft.articleId) : null;
    if (!thread) return null;
    return refreshCommentFeed(thread, { storage, http, pool: this.ctx.pool, now: this.ctx.now, maxBytes: this.ctx.feedBytes, fresh });
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

  /** Rule 4: a comment that one of `sends` posted, on the site; an 'unreachable' verdict; or null (not there). */
  private async lookOnSite(state: DraftSendState, http: HttpClient, sends: readonly SentText[]): Promise<Verdict | null> {
    const { storage } = this.ctx;
    const read = await this.readThread(state.draft, http);
    if (read === null) return null;
    if (read.status === 'failed') {
      return {
        kind: 'unreachable',
        message: `Not posted again: the site's comments could not be read to look for the earlier attempt, which may have got through (${read.error}). It stays queued.`,
        mayHavePosted: false,
      };
    }
    const match = findDraftComment(traceOf(storage, state, sends), storedComments(storage, state.draft.articleId!));
    if (!match) return null;
    const message = match.sent.body === state.draft.body ? 'An earlier attempt had posted this comment; it shows on the site.' : EDITED_SINCE;
    return { kind: 'found', commentUrl: match.comment.url, message };
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
      return { state: verdict.state, message: verdict.message, commentUrl: verdict.commentUrl, checkBeforePost: false };
    case 'rejected':
      return { state: 'failed', message: verdict.message, checkBeforePost };
    case 'too-fast':
      return { state: 'queued', message: verdict.message, checkBeforePost };
    case 'unreachable':
      return { state: 'queued', message: verdict.message, checkBeforePost: checkBeforePost || verdict.mayHavePosted, mayHavePosted: verdict.mayHavePosted };
  }
}

