// The article's stored comments, threaded, with the count; offline, from the last sync.
import { useMemo } from 'react';
import type { Comment } from '../../../shared/types';
import { commentTree } from '../lib/comment-tree';
import { CommentItem } from './CommentItem';

export interface CommentThreadProps {
  readonly comments: readonly Comment[];
  readonly onOpenLink: (url: string) => void;
  readonly onReply: (commentId: string, author: string | null) => void;
  /** What an empty thread says; by default, that nobody has commented yet. */
  readonly emptyText?: string;
}

const NO_COMMENTS_YET = 'No comments yet. Why don’t you start the discussion?';

export function CommentThread({ comments, onOpenLink, onReply, emptyText = NO_COMMENTS_YET }: CommentThreadProps) {
  const tree = useMemo(() => commentTree(comments), [comments]);
  if (comments.length === 0) return <p className="muted">{emptyText}</p>;
  return (
    <ol className="comment-list">
      {tree.map((node) => (
        <CommentItem key={node.comment.id} node={node} onOpenLink={onOpenLink} onReply={onReply} />
      ))}
    </ol>
  );
}
