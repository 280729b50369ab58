// One stored comment and, indented under it, its replies. The html was sanitized by the core
// like an article's body, so it goes through ArticleBody's safe rendering (links to the browser).
// Its Reply starts a reply to it in the composer, where there is one to start (CommentSection).
// Replies are indented under their comment down to INDENTED_LEVELS; deeper ones (a Reddit or Hacker
// News chain goes twenty deep) stand in their parent's column, each saying whom it answers: each
// level's indent took the text's width, and on a narrow window a deep reply was a word a line.
import { memo } from 'react';
import type { CommentNode } from '../lib/comment-tree';
import { isRendered, shownOf } from '../lib/comment-window';
import { isoDate, longDate } from '../lib/format';
import { ArticleBody } from './ArticleBody';

/** How many levels of replies are indented; past it a reply names whom it answers instead. */
export const INDENTED_LEVELS = 5;

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
  /** How deep the comment is: 0 at the top of the thread. */
  readonly depth?: number;
  /** Whom it answers, said over it where its column is no deeper than its parent's. */
  readonly answers?: string;
}

export const CommentItem = memo(function CommentItem({ node, from, to, onOpenLink, onReply, depth = 0, answers }: CommentItemProps) {
  const { comment } = node;
  const replies = node.replies.filter((reply) => isRendered(reply, { from, to }));
  const author = comment.author || 'Anonymous';
  const indented = depth < INDENTED_LEVELS;
  return (
    <li className="comment" id={`comment-${comment.id}`}>
      <article aria-label={`Comment by ${author}`}>
        <header className="comment-meta">
          <strong className="comment-author">{author}</strong>
          <time dateTime={isoDate(comment.publishedAt)}>{longDate(comment.publishedAt)}</time>
        </header>
        {/* A reply whose parent is not stored stands at the top level: it says whom it answers. */}
        {comment.inReplyTo && <p className="comment-in-reply-to">{comment.inReplyTo}</p>}
        {answers && <p className="comment-in-reply-to">In reply to {answers}.</p>}
        <ArticleBody html={comment.html} title="" baseUrl={comment.url} onOpenLink={onOpenLink} />
        {onReply && (
          <button type="button" className="link-button comment-reply" onClick={() => onReply(comment.id, comment.author)}>
            Reply
          </button>
        )}
      </article>
      {replies.length > 0 && (
        <ol className={indented ? 'comment-replies' : 'comment-replies unindented'}>
          {replies.map((reply) => (
            <CommentItem
              key={reply.comment.id}
              node={reply}
              {...shownOf(reply, { from, to })}
              onOpenLink={onOpenLink}
              onReply={onReply}
              depth={depth + 1}
              answers={indented ? undefined : author}
            />
          ))}
        </ol>
      )}
    </li>
  );
});
