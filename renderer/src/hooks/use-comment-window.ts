// The part of the article's thread that is shown (lib/comment-window.ts), and the ways to more of
// it: "Show more", and going to one comment wherever it is (a link to it in the article or in
// another comment, the person's own reply's "In reply to"), which shows the thread down to it
// first. A link to the thread's start or to the reply form (lib/discussion-link.ts) goes there.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Article, Comment, CommentId } from '../../../shared/types';
import { commentTree, inReadingOrder, type CommentNode } from '../lib/comment-tree';
import { COMMENTS_PER_PAGE, onScreen, shownWith } from '../lib/comment-window';
import { DISCUSSION_IDS, discussionPlace } from '../lib/discussion-link';
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
  /** Goes to the place of the discussion a link points at (a stored comment, the thread, the reply
   *  form); false when it points at none shown here. */
  goToLinked(href: string): boolean;
}

/** `article`: the addresses its page goes by, which its links to the thread and the form name. */
export function useCommentWindow(comments: readonly Comment[], article: Pick<Article, 'url' | 'commentsUrl'>): CommentWindow {
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
  const { url, commentsUrl } = article;
  const goToLinked = useCallback((href: string) => {
    const place = discussionPlace(href, { url, commentsUrl }, comments);
    if (place === null) return false;
    if (place.kind === 'comment') return goToComment(place.comment.id);
    const element = document.getElementById(DISCUSSION_IDS[place.kind]);
    // The reply form's place is its comment box: the person goes there to write.
    const target = place.kind === 'reply-form' ? element?.querySelector('textarea') : element;
    if (!(target instanceof HTMLElement)) return false;
    goTo(target);
    return true;
  }, [comments, goToComment, url, commentsUrl]);
  const isShown = useCallback((id: CommentId) => (byId.get(id)?.index ?? Number.POSITIVE_INFINITY) < shown, [byId, shown]);
  return { roots, shown, total: order.length, isShown, showMore, goToComment, goToLinked };
}
