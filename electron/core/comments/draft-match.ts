// Finding a draft's comment among the comments of its article's feed: how a comment held for
// moderation is seen to be approved, how a duplicate gets its link, and how an attempt that may
// have reached the site (a crash, a timeout) is confirmed instead of posted twice. A duplicate
// that is another draft's comment (the same words sent again in a new draft) is told apart, so
// that the new draft is not taken for a comment awaiting moderation.
//
// Without the comment's number, only a comment that can be this draft's counts: by the name and
// the text one of its attempts sent, in the thread the draft answers, posted after that attempt
// began, and not a comment another draft already is. A looser match (the same words ending an
// older comment, another thread) would mark the draft sent and its comment would never be posted.
import type { ArticleId, CommentId, Draft } from '../../../shared/types';
import { siteCommentNumber, type DraftSendState, type Storage } from '../storage';

export interface StoredCommentText {
  readonly id: CommentId;
  readonly author: string | null;
  readonly text: string;
  readonly url: string | null;
  /** The comment it answers, when stored (null: top level, or its parent is not known). */
  readonly parentId: CommentId | null;
  readonly publishedAt: number;
}

/** What one attempt sent (the draft's own text when there is no record of its attempts). */
export type SentText = DraftSendState['unconfirmedSends'][number];

/** What the draft may have put on the site, and which comments are known to be other drafts'. */
export interface DraftTrace {
  readonly draft: Draft;
  readonly sends: readonly SentText[];
  /** Site numbers of the comments other drafts are. */
  readonly claimed: ReadonlySet<string>;
}

export interface DraftMatch {
  readonly comment: StoredCommentText;
  /** The text found: an earlier attempt's, which may differ from the draft's text now. */
  readonly sent: SentText;
}

/**
 * The site dates a comment by its own clock, in whole seconds (the feed's pubDate): a comment
 * dated a little before the attempt began may still be the attempt's.
 */
const SITE_CLOCK_MARGIN_MS = 10 * 60 * 1000;

/**
 * Letters and digits only, case folded, tags left out: the site keeps the text as sent, less the
 * HTML it does not allow, and re-typesets what it shows (curly quotes, dashes, paragraphs, links
 * made of bare URLs, smilies as images), never the words.
 */
function comparable(text: string): string {
  return text.replace(/<\/?[a-z][^<>]*>/gi, '').normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The draft's own text, as sent by an attempt of unknown time (a held or sent draft cannot change). */
export function ownText(draft: Draft): SentText {
  return { body: draft.body, name: draft.name, startedAt: null };
}

/**
 * The draft's comment, when the site shows it: by its number when the site told us (a held
 * comment's link names it), else as a comment one of its attempts posted. Of several, the oldest.
 */
export function findDraftComment(trace: DraftTrace, comments: readonly StoredCommentText[]): DraftMatch | null {
  const { draft } = trace;
  const number = siteCommentNumber(draft.commentUrl);
  const byNumber = number === null ? undefined : comments.find((comment) => siteCommentNumber(comment.url) === number);
  if (byNumber) return { comment: byNumber, sent: ownText(draft) };
  const parentId = draft.replyTo?.commentId ?? null;
  const candidates = comments
    .filter((comment) => comment.parentId === parentId && !trace.claimed.has(siteCommentNumber(comment.url) ?? ''))
    .sort((a, b) => a.publishedAt - b.publishedAt);
  for (const comment of candidates) {
    const sent = trace.sends.find((send) => isPostOf(comment, send));
    if (sent) return { comment, sent };
  }
  return null;
}

function isPostOf(comment: StoredCommentText, sent: SentText): boolean {
  const body = comparable(sent.body);
  if (body === '' || comparable(comment.text) !== body || comparable(comment.author ?? '') !== comparable(sent.name)) return false;
  return sent.startedAt === null || comment.publishedAt >= sent.startedAt - SITE_CLOCK_MARGIN_MS;
}

/** The article's stored comments, each with its place in the thread and its date. */
export function storedComments(storage: Storage, articleId: ArticleId): StoredCommentText[] {
  const placed = new Map(storage.comments.list(articleId).map((comment) => [comment.id, comment]));
  return storage.comments.texts(articleId).map((comment) => ({
    ...comment,
    parentId: placed.get(comment.id)?.parentId ?? null,
    publishedAt: placed.get(comment.id)?.publishedAt ?? 0,
  }));
}

/** What to look for: the texts of its attempts that may have got through, or else its own. */
export function sendsOf(state: DraftSendState): readonly SentText[] {
  return state.unconfirmedSends.length > 0 ? state.unconfirmedSends : [ownText(state.draft)];
}

export function traceOf(storage: Storage, state: DraftSendState, sends = sendsOf(state)): DraftTrace {
  const { draft } = state;
  const others = draft.articleId === null ? [] : storage.drafts.otherDraftsComments(draft.articleId, draft.id);
  return { draft, sends, claimed: new Set(others.map((url) => siteCommentNumber(url) ?? '').filter((n) => n !== '')) };
}

/** Another draft's comment with this draft's words: its link, and whether the thread shows it,
 *  or it is held for moderation, or only known as sent (a thread read in part). */
export interface EarlierDraftComment {
  readonly commentUrl: string | null;
  readonly seen: 'shown' | 'held' | 'sent';
}

/**
 * The comment another draft of the article put on the site with this draft's words (and name, in
 * the same thread): the comment WordPress means when it refuses this one as a duplicate, since it
 * takes the same words from one person once. Shown in the thread (one another draft is, even a
 * deleted one), else held with that draft, awaiting moderation. Null when no other draft said it.
 */
export function findEarlierDraftComment(storage: Storage, state: DraftSendState): EarlierDraftComment | null {
  const { draft } = state;
  if (draft.articleId === null) return null;
  const trace = traceOf(storage, state, [ownText(draft)]);
  const parentId = draft.replyTo?.commentId ?? null;
  const shown = storedComments(storage, draft.articleId).find(
    (comment) => comment.parentId === parentId && trace.claimed.has(siteCommentNumber(comment.url) ?? '') && isPostOf(comment, ownText(draft)),
  );
  if (shown) return { commentUrl: shown.url, seen: 'shown' };
  const words = comparable(draft.body);
  const other = storage.drafts
    .list(draft.articleId)
    .find(
      (earlier) =>
        earlier.id !== draft.id && (earlier.state === 'held' || earlier.state === 'sent') && (earlier.replyTo?.commentId ?? null) === parentId &&
        comparable(earlier.body) === words && comparable(earlier.name) === comparable(draft.name),
    );
  if (other?.state !== 'held' && other?.state !== 'sent') return null;
  return { commentUrl: other.commentUrl, seen: other.state };
}

/** Said when the comment found is an earlier attempt's text, not the draft's as edited since. */
export const EDITED_SINCE =
  'The site shows this comment as an earlier attempt sent it, before your edit; the edited text was not posted as a second comment (it stays in this draft).';

const FOUND_MESSAGE: Readonly<Record<string, string>> = {
  held: 'Approved: the comment now shows on the site.',
  sent: 'The site already had this comment; it shows there.',
  queued: 'An interrupted attempt had posted this comment; it shows on the site.',
};

/** Marks the article's drafts whose comments now show on the site as sent. Returns how many. */
export function reconcileDrafts(storage: Storage, articleId: ArticleId, now: number): number {
  const waiting = storage.drafts.awaitingConfirmation(articleId);
  if (waiting.length === 0) return 0;
  const comments = storedComments(storage, articleId);
  let found = 0;
  for (const state of waiting) {
    // The trace is read for each: a draft found just before claims its comment.
    const match = findDraftComment(traceOf(storage, state), comments);
    if (!match) continue;
    const message = match.sent.body === state.draft.body ? (FOUND_MESSAGE[state.draft.state] ?? '') : EDITED_SINCE;
    if (storage.drafts.markFound(state.draft.id, state.draft.state, match.comment.url, message, now)) found++;
  }
  return found;
}
