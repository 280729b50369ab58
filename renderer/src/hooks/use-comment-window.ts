// The part of the article's thread that is shown (lib/comment-window.ts), and the ways to more of
// it: "Show more", "Show earlier", and going to one comment wherever it is (a link to it in the
// article or in another comment, the person's own reply's "In reply to"), which shows the thread
// down to it first, or its page alone when it is far. A link to the thread's start or to the
// reply form (lib/discussion-link.ts) goes there.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Article, Comment, CommentId } from '../../../shared/types';
import { commentTree, inReadingOrder, type CommentNode } from '../lib/comment-tree';
import { COMMENTS_PER_PAGE, FIRST_PAGE, isRendered, onScreen, rangeWith, type ShownRange } from '../lib/comment-window';
import { DISCUSSION_IDS, discussionPlace } from '../lib/discussion-link';
import { goTo } from '../lib/go-to';

export interface CommentWindow {
  readonly roots: readonly CommentNode[];
  /** The comments shown, by their places in reading order (with those they answer: isRendered). */
  readonly shown: ShownRange;
  readonly total: number;
  isShown(id: CommentId): boolean;
  /** Shows the next page, and moves the keyboard to its first comment. */
  showMore(): void;
  /** Shows the page before the shown ones, and moves the keyboard to its first comment. */
  showEarlier(): void;
  /** Shows the thread to that comment (rangeWith) and moves there; false when it is not stored. */
  goToComment(id: CommentId): boolean;
  /** Goes to the place of the discussion a link points at (a stored comment, the thread, the reply
   *  form); false when it points at none shown here. */
  goToLinked(href: string): boolean;
}

/** `article`: the addresses its page goes by, which its links to the thread and the form name, and
 *  the order its site lists the thread in. */
export function useCommentWindow(comments: readonly Comment[], article: Pick<Article, 'url' | 'commentsUrl' | 'commentsNewestFirst'>): CommentWindow {
  const newestFirst = article.commentsNewestFirst;
  const roots = useMemo(() => commentTree(comments, newestFirst), [comments, newestFirst]);
  const order = useMemo(() => inReadingOrder(roots), [roots]);
  const byId = useMemo(() => new Map(order.map((node) => [node.comment.id, node])), [order]);
  const [requested, setRequested] = useState<ShownRange>(FIRST_PAGE);
  const total = order.length;
  const shown = onScreen(requested, total);
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
      setRequested((current) => (isRendered(node, onScreen(current, total)) ? current : rangeWith(node.index, current)));
      setTarget({ id });
      return true;
    },
    [byId, total],
  );
  const { from, to } = shown;
  const showMore = useCallback(() => {
    const next = order[to];
    if (!next) return;
    setRequested((current) => ({ from: current.from, to: to + COMMENTS_PER_PAGE }));
    setTarget({ id: next.comment.id });
  }, [order, to]);
  const showEarlier = useCallback(() => {
    const earliest = onScreen({ from: from - COMMENTS_PER_PAGE, to }, total).from;
    const first = order[earliest];
    if (!first || earliest >= from) return;
    setRequested((current) => ({ from: earliest, to: current.to }));
    setTarget({ id: first.comment.id });
  }, [order, from, to, total]);
  const { url, commentsUrl } = article;
  const goToLinked = useCallback((href: string) => {
    const place = discussionPlace(href, { url, commentsUrl }, comments);
    if (place === null) return false;
    if (place.kind === 'comment') return goToComment(place.comment.id);
    const element = document.getElementById(DISCUSSION_IDS[place.kind]);
    // The reply form's place is its comment box: the person goes there to write.
    const destination = place.kind === 'reply-form' ? element?.querySelector('textarea') : element;
    if (!(destination instanceof HTMLElement)) return false;
    goTo(destination);
    return true;
  }, [comments, goToComment, url, commentsUrl]);
  const isShown = useCallback((id: CommentId) => {
    const node = byId.get(id);
    return node !== undefined && isRendered(node, { from, to });
  }, [byId, from, to]);
  return { roots, shown, total, isShown, showMore, showEarlier, goToComment, goToLinked };
}
