// One stored comment and, indented under it, its replies. The html was sanitized by the core
// like an article's body, so it goes through ArticleBody's safe rendering (links to the browser).
// Its Reply starts a reply to it in the composer, where there is one to start (CommentSection).
import { memo } from 'react';
import type { CommentNode } from '../lib/comment-tree';
import { isRendered, shownOf } from '../lib/comment-window';
import { isoDate, longDate } from '../lib/format';
import { ArticleBody } from './ArticleBody';

export interface CommentItemProps {
  readonly node: CommentNode;
  /** The thread's shown range (lib/comment-window.ts) within this comment's own (shownOf): replies
   *  outside it wait for "Show more" or "Show earlier". Cut to this comment's replies, so that one
   *  shown whole is not rendered again when the range grows elsewhere. */
  readonly from: number;
  readonly to: number;
  readonly onOpenLink: (url: string) => void;
  /** Absent where a reply to one comment cannot be written here: no Reply is offered. */
  readonly onReply?: (commentId: string, author: string | null) => void;
}

export const CommentItem = memo(function CommentItem({ node, from, to, onOpenLink, onReply }: CommentItemProps) {
  const { comment } = node;
  const replies = node.replies.filter((reply) => isRendered(reply, { from, to }));
  const author = comment.author || 'Anonymous';
  return (
    <li className="comment" id={`comment-${comment.id}`}>
      <article aria-label={`Comment by ${author}`}>
        <header className="comment-meta">
          <strong className="comment-author">{author}</strong>
          <time dateTime={isoDate(comment.publishedAt)}>{longDate(comment.publishedAt)}</time>
        </header>
        {/* A reply whose parent is not stored stands at the top level: it says whom it answers. */}
        {comment.inReplyTo && <p className="comment-in-reply-to">{comment.inReplyTo}</p>}
        <ArticleBody html={comment.html} title="" baseUrl={comment.url} onOpenLink={onOpenLink} />
        {onReply && (
          <button type="button" className="link-button comment-reply" onClick={() => onReply(comment.id, comment.author)}>
            Reply
          </button>
        )}
      </article>
      {replies.length > 0 && (
        <ol className="comment-replies">
          {replies.map((reply) => (
            <CommentItem key={reply.comment.id} node={reply} {...shownOf(reply, { from, to })} onOpenLink={onOpenLink} onReply={onReply} />
          ))}
        </ol>
      )}
    </li>
  );
});
