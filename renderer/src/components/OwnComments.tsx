// The person's own comments that the site took but the thread does not show: held for moderation,
// sent and not yet seen on the site, or in a long thread but not among the comments it shows.
// They show at once, marked, so that a sent comment never seems lost; the next sync that finds one
// puts it in the thread instead, and one not shown is a click away. A reply says whom it
// answers, and that comment is a click away too, wherever it is in the thread.
import type { Comment, CommentId, Draft } from '../../../shared/types';
import { siteCommentNumber } from '../lib/comment-tree';
import { isoDate, longDate } from '../lib/format';

export interface OwnCommentsProps {
  readonly own: readonly Draft[];
  readonly comments: readonly Comment[];
  /** Whether that stored comment is among those the thread shows now. */
  readonly isShown: (id: CommentId) => boolean;
  /** Shows the thread to the comment (use-comment-window.ts) and moves there. */
  readonly onGoToComment: (id: CommentId) => void;
}

function badge(draft: Draft, inThread: Comment | undefined): string {
  if (draft.state === 'held') return 'Awaiting moderation';
  return inThread ? 'In the thread' : 'Sent, not yet confirmed';
}

export function OwnComments({ own, comments, isShown, onGoToComment }: OwnCommentsProps) {
  const bySiteNumber = new Map<string, Comment>();
  for (const comment of comments) {
    const number = siteCommentNumber(comment.url);
    if (number !== null) bySiteNumber.set(number, comment);
  }
  const stored = new Set(comments.map((comment) => comment.id));
  const inThread = (draft: Draft) => {
    const number = siteCommentNumber(draft.commentUrl);
    return draft.state === 'held' || number === null ? undefined : bySiteNumber.get(number);
  };
  const waiting = own.filter((draft) => {
    const found = inThread(draft);
    return !found || !isShown(found.id);
  });
  if (waiting.length === 0) return null;
  return (
    <ol className="comment-list own-comments" aria-label="Your comments not shown in the thread">
      {waiting.map((draft) => {
        const author = draft.name || 'Anonymous';
        const found = inThread(draft);
        const answered = draft.replyTo;
        return (
          <li key={draft.id} className="comment own" data-state={draft.state}>
            <article aria-label={`Your comment as ${author}`}>
              <header className="comment-meta">
                <strong className="comment-author">{author}</strong>
                {draft.sentAt !== null && <time dateTime={isoDate(draft.sentAt)}>{longDate(draft.sentAt)}</time>}
                <span className="own-badge">{badge(draft, found)}</span>
              </header>
              {answered && (
                <p className="muted own-reply-to">
                  In reply to{' '}
                  {stored.has(answered.commentId) ? (
                    <button type="button" className="link-button" onClick={() => onGoToComment(answered.commentId)}>
                      {answered.author || 'Anonymous'}
                    </button>
                  ) : (
                    answered.author || 'Anonymous'
                  )}
                </p>
              )}
              <p className="own-body">{draft.body}</p>
              {found && (
                <button type="button" className="link-button" onClick={() => onGoToComment(found.id)}>
                  Show it in the thread
                </button>
              )}
            </article>
          </li>
        );
      })}
    </ol>
  );
}
