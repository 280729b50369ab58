// The part of the article's thread that is shown (lib/comment-window.ts), and the ways to more of
// it: "Show more", and going to one comment wherever it is (a link to it in another comment, the
// person's own reply's "In reply to"), which shows the thread down to it first.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Comment, CommentId } from '../../../shared/types';
import { commentLinkedTo, commentTree, inReadingOrder, type CommentNode } from '../lib/comment-tree';
import { COMMENTS_PER_PAGE, onScreen, shownWith } from '../lib/comment-window';
import { goTo } from '../lib/go-to';

export interface CommentWindow {
  readonly roots: readonly CommentNode[];
  /** How many comments are shown, the first in reading order. */
  readonly shown: number;
  readonly total: number;
  isShown(id: CommentId): boolean;
  /** Shows the next page, and moves the keyboard to its first comment. */
  showMore(): void;
  /** Shows the thread down to that comment and moves there; false when it is not stored. */
  goToComment(id: CommentId): boolean;
  /** goToComment for the comment a link points at; false when it points at none stored. */
  goToLinked(href: string): boolean;
}

export function useCommentWindow(comments: readonly Comment[]): CommentWindow {
  const roots = useMemo(() => commentTree(comments), [comments]);
  const order = useMemo(() => inReadingOrder(roots), [roots]);
  const byId = useMemo(() => new Map(order.map((node) => [node.comment.id, node])), [order]);
  const [requested, setRequested] = useState(COMMENTS_PER_PAGE);
  const shown = onScreen(requested, order.length);
  // An object, so that going to the same comment twice moves there again.
  const [target, setTarget] = useState<{ readonly id: CommentId } | null>(null);
  useEffect(() => {
    const place = target && document.getElementById(`comment-${target.id}`)?.querySelector(':scope > article');
    if (place instanceof HTMLElement) goTo(place);
  }, [target]);

  const goToComment = useCallback(
    (id: CommentId) => {
      const node = byId.get(id);
      if (!node) return false;
      setRequested((current) => shownWith(node.index, current));
      setTarget({ id });
      return true;
    },
    [byId],
  );
  const showMore = useCallback(() => {
    const next = order[shown];
    if (next) goToComment(next.comment.id);
  }, [order, shown, goToComment]);
  const goToLinked = useCallback((href: string) => {
    const linked = commentLinkedTo(href, comments);
    return linked !== null && goToComment(linked.id);
  }, [comments, goToComment]);
  const isShown = useCallback((id: CommentId) => (byId.get(id)?.index ?? Number.POSITIVE_INFINITY) < shown, [byId, shown]);
  return { roots, shown, total: order.length, isShown, showMore, goToComment, goToLinked };
}
