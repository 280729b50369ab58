// The person's own comments that the site took but the stored thread does not show yet: held for
// moderation, or sent and not yet seen on the site. They show at once, marked, so that a sent
// comment never seems lost; the next sync that finds one puts it in the thread instead.
import type { Comment, Draft } from '../../../shared/types';
import { isoDate, longDate } from '../lib/format';

export interface OwnCommentsProps {
  readonly own: readonly Draft[];
  readonly comments: readonly Comment[];
}

/** WordPress's number of a comment, from the #comment-N of its link. */
function siteNumber(url: string | null): string | null {
  return url ? (/#comment-(\d+)$/.exec(url)?.[1] ?? null) : null;
}

export function OwnComments({ own, comments }: OwnCommentsProps) {
  const shown = new Set(comments.map((comment) => siteNumber(comment.url)).filter((n) => n !== null));
  const waiting = own.filter((draft) => draft.state === 'held' || !shown.has(siteNumber(draft.commentUrl) ?? ''));
  if (waiting.length === 0) return null;
  return (
    <ol className="comment-list own-comments" aria-label="Your comments not yet in the thread">
      {waiting.map((draft) => {
        const author = draft.name || 'Anonymous';
        return (
          <li key={draft.id} className="comment own" data-state={draft.state}>
            <article aria-label={`Your comment as ${author}`}>
              <header className="comment-meta">
                <strong className="comment-author">{author}</strong>
                {draft.sentAt !== null && <time dateTime={isoDate(draft.sentAt)}>{longDate(draft.sentAt)}</time>}
                <span className="own-badge">{draft.state === 'held' ? 'Awaiting moderation' : 'Sent, not yet confirmed'}</span>
              </header>
              {draft.replyTo && <p className="muted own-reply-to">In reply to {draft.replyTo.author || 'Anonymous'}</p>}
              <p className="own-body">{draft.body}</p>
            </article>
          </li>
        );
      })}
    </ol>
  );
}
