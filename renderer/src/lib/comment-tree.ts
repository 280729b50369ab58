// Comments arrive flat, oldest first, with parentId; the thread shows replies under what they
// answer, its threads oldest first unless the site lists them newest first. A comment whose
// parent is not stored stays at the top level rather than vanishing.
// Reading order is the thread as shown, top to bottom: each comment, then its replies. A long
// thread shows its first comments in that order (lib/comment-window.ts), which always makes a
// whole tree: every reply comes after the comment it answers.
import type { Comment } from '../../../shared/types';

export interface CommentNode {
  readonly comment: Comment;
  readonly replies: readonly CommentNode[];
  /** Its place in reading order, from 0. */
  readonly index: number;
  /** The comments it heads in reading order: itself and its replies, however deep. */
  readonly size: number;
}

interface Building {
  comment: Comment;
  replies: Building[];
  index: number;
  size: number;
}

/** `newestFirst`: the site lists its threads newest first (Article.commentsNewestFirst); the
 *  replies under each stay oldest first, as the site shows them. */
export function commentTree(comments: readonly Comment[], newestFirst = false): CommentNode[] {
  const nodes = new Map<string, Building>();
  for (const comment of comments) nodes.set(comment.id, { comment, replies: [], index: 0, size: 1 });
  const roots: Building[] = [];
  for (const comment of comments) {
    const node = nodes.get(comment.id)!;
    const parent = comment.parentId && comment.parentId !== comment.id ? nodes.get(comment.parentId) : undefined;
    if (parent) parent.replies.push(node);
    else roots.push(node);
  }
  if (newestFirst) roots.reverse();
  const order = inReadingOrder(roots);
  order.forEach((node, index) => (node.index = index));
  // Backwards, so that every reply's size is known before the comment it answers adds it up.
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i]!;
    node.size = 1 + node.replies.reduce((sum, reply) => sum + reply.size, 0);
  }
  return roots;
}

/** Every comment of the tree, top to bottom as the thread shows them. Without recursion: a
 *  feed's in-reply-to may chain comments deeper than the call stack goes. */
export function inReadingOrder<Node extends { readonly replies: readonly Node[] }>(roots: readonly Node[]): Node[] {
  const order: Node[] = [];
  const stack = [...roots].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    order.push(node);
    for (let i = node.replies.length - 1; i >= 0; i--) stack.push(node.replies[i]!);
  }
  return order;
}

/** WordPress's number of a comment, from the #comment-N of its link. */
export function siteCommentNumber(url: string | null): string | null {
  return url ? (/#comment-(\d+)$/.exec(url)?.[1] ?? null) : null;
}

/** The post page an address is on: no fragment, and WordPress's comment page (comment-page-N/,
 *  or cpage=N with plain permalinks) left out: a link to a comment names the page it was on then. */
export function postPage(url: string): string | null {
  try {
    const parsed = new URL(url);
    parsed.searchParams.delete('cpage');
    return `${parsed.origin}${parsed.pathname.replace(/\/comment-page-\d+\/?$/, '/').replace(/\/$/, '')}${parsed.search}`;
  } catch {
    return null;
  }
}

/** The stored comment a link points at ("As <a href="POST#comment-N">Ana</a> said"), or null. */
export function commentLinkedTo(href: string, comments: readonly Comment[]): Comment | null {
  const number = siteCommentNumber(href);
  const page = number === null ? null : postPage(href);
  if (page === null) return null;
  return comments.find((comment) => siteCommentNumber(comment.url) === number && postPage(comment.url!) === page) ?? null;
}
