// Comments arrive flat, oldest first, with parentId; the thread shows replies under what they
// answer. A comment whose parent is not stored stays at the top level rather than vanishing.
import type { Comment } from '../../../shared/types';

export interface CommentNode {
  readonly comment: Comment;
  readonly replies: CommentNode[];
}

export function commentTree(comments: readonly Comment[]): CommentNode[] {
  const nodes = new Map<string, CommentNode>();
  for (const comment of comments) nodes.set(comment.id, { comment, replies: [] });
  const roots: CommentNode[] = [];
  for (const comment of comments) {
    const node = nodes.get(comment.id)!;
    const parent = comment.parentId && comment.parentId !== comment.id ? nodes.get(comment.parentId) : undefined;
    if (parent) parent.replies.push(node);
    else roots.push(node);
  }
  return roots;
}
