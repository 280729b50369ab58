// A long thread shows its first comments in reading order and a button for the next ones; going to
// a comment deep in it shows the thread down to it. What the person sees depends on these.
import { describe, expect, it } from 'vitest';
import type { Comment } from '../../shared/types';
import { commentLinkedTo, commentTree, inReadingOrder, type CommentNode } from '../../renderer/src/lib/comment-tree';
import { COMMENTS_PER_PAGE, FIRST_PAGE, isRendered, MOST_SHOWN_BY_GOING, onScreen, rangeWith, showEarlierLabel, showMoreLabel, shownOf, type ShownRange } from '../../renderer/src/lib/comment-window';

const POST = 'https://blog.example.org/2026/11/harbour-plans/';

function comment(n: number, parent: number | null = null): Comment {
  return {
    id: `c${n}`, articleId: 'a1', parentId: parent === null ? null : `c${parent}`, inReplyTo: null,
    author: `Reader ${n}`, authorUrl: null, publishedAt: n, html: `<p>Comment ${n}</p>`, url: `${POST}#comment-${1000 + n}`,
  };
}

/** The comments a range renders, as the thread and its items do (a reply only under its comment). */
function rendered(roots: readonly CommentNode[], range: ShownRange): string[] {
  return roots.filter((node) => isRendered(node, range)).flatMap((node) => [node.comment.id, ...rendered(node.replies, shownOf(node, range))]);
}
const first = (to: number): ShownRange => ({ from: 0, to });

describe('a long thread, a page at a time', () => {
  // Oldest first, as stored: replies come later than the comments after their parent.
  const stored = [comment(1), comment(2), comment(3, 1), comment(4), comment(5, 3), comment(6, 2), comment(7, 5)];
  const roots = commentTree(stored);

  it('numbers the comments top to bottom as the thread shows them, each with the replies it heads', () => {
    const order = inReadingOrder(roots);
    expect(order.map((node) => node.comment.id)).toEqual(['c1', 'c3', 'c5', 'c7', 'c2', 'c6', 'c4']);
    expect(order.map((node) => node.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(order.map((node) => node.size)).toEqual([4, 3, 2, 1, 2, 1, 1]);
  });

  it('shows the first comments in reading order, replies under their parents, even mid-chain', () => {
    expect(rendered(roots, first(2))).toEqual(['c1', 'c3']);
    expect(rendered(roots, first(5))).toEqual(['c1', 'c3', 'c5', 'c7', 'c2']);
    expect(rendered(roots, first(50))).toEqual(['c1', 'c3', 'c5', 'c7', 'c2', 'c6', 'c4']);
  });

  it('shows a range further down with the comments its own ones answer, and nothing else before it', () => {
    // Reading order: c1 c3 c5 c7 | c2 c6 c4. From c7 (3) on: c7 under c5 under c3 under c1.
    expect(rendered(roots, { from: 3, to: 5 })).toEqual(['c1', 'c3', 'c5', 'c7', 'c2']);
    expect(rendered(roots, { from: 5, to: 7 })).toEqual(['c2', 'c6', 'c4']);
    expect(rendered(roots, { from: 6, to: 7 })).toEqual(['c4']);
  });

  it('reads a chain far deeper than the call stack goes', () => {
    const chain = Array.from({ length: 20_000 }, (_, n) => comment(n, n === 0 ? null : n - 1));
    const order = inReadingOrder(commentTree(chain));
    expect(order).toHaveLength(20_000);
    expect(order[0]!.size).toBe(20_000);
    expect(order.at(-1)!.index).toBe(19_999);
  });

  it('says on the buttons how many come next and how many are left, or before', () => {
    expect(showMoreLabel(COMMENTS_PER_PAGE, 2_000)).toBe('Show 50 more comments (1,950 left)');
    expect(showMoreLabel(1_950, 2_000)).toBe('Show the last 50 comments');
    expect(showMoreLabel(1_950, 1_980)).toBe('Show the last 30 comments');
    expect(showMoreLabel(50, 50)).toBeNull();
    expect(showMoreLabel(50, 30)).toBeNull();
    expect(showEarlierLabel(4_950)).toBe('Show 50 earlier comments (4,950 before these)');
    expect(showEarlierLabel(50)).toBe('Show the first 50 comments');
    expect(showEarlierLabel(0)).toBeNull();
  });

  it('leaves no short head or tail behind a button: a thread a little over a page shows whole', () => {
    expect(onScreen(FIRST_PAGE, 53)).toEqual(first(53));
    expect(onScreen(FIRST_PAGE, 74)).toEqual(first(74));
    expect(onScreen(FIRST_PAGE, 75)).toEqual(first(50));
    expect(onScreen(FIRST_PAGE, 30)).toEqual(first(30));
    expect(onScreen(first(1_950), 1_962)).toEqual(first(1_962));
    expect(onScreen({ from: 20, to: 70 }, 500)).toEqual(first(70));
    expect(onScreen({ from: 4_950, to: 5_000 }, 5_000)).toEqual({ from: 4_950, to: 5_000 });
  });

  it('shows whole pages down to a comment near the shown ones, never fewer than are shown', () => {
    expect(rangeWith(234, first(50))).toEqual(first(250));
    expect(rangeWith(49, first(50))).toEqual(first(50));
    expect(rangeWith(50, first(50))).toEqual(first(100));
    expect(rangeWith(10, first(400))).toEqual(first(400));
    expect(rangeWith(120, { from: 300, to: 350 })).toEqual({ from: 100, to: 350 });
  });

  it("shows a comment far from the shown ones on its own page, not every comment before it", () => {
    expect(MOST_SHOWN_BY_GOING).toBe(500);
    expect(rangeWith(499, first(50))).toEqual(first(500));
    expect(rangeWith(4_999, first(50))).toEqual({ from: 4_950, to: 5_000 });
    expect(rangeWith(1_234, first(400))).toEqual({ from: 1_200, to: 1_250 });
    expect(rangeWith(3, { from: 4_950, to: 5_000 })).toEqual(first(50));
  });
});

describe('a link to a comment', () => {
  const stored = [comment(1), comment(2, 1), comment(3)];

  it('finds the stored comment it points at, from any comment page of the post', () => {
    expect(commentLinkedTo(`${POST}#comment-1002`, stored)?.id).toBe('c2');
    expect(commentLinkedTo(`${POST}comment-page-3/#comment-1003`, stored)?.id).toBe('c3');
    expect(commentLinkedTo('https://blog.example.org/2026/11/harbour-plans#comment-1001', stored)?.id).toBe('c1');
  });

  it('finds nothing for a comment not stored, another post, or a link that names no comment', () => {
    expect(commentLinkedTo(`${POST}#comment-9999`, stored)).toBeNull();
    expect(commentLinkedTo('https://blog.example.org/2026/10/other-story/#comment-1002', stored)).toBeNull();
    expect(commentLinkedTo(`${POST}#respond`, stored)).toBeNull();
    expect(commentLinkedTo('https://en.wikipedia.org/wiki/Harbour', stored)).toBeNull();
  });

  it('tells apart posts whose addresses differ only in their query (plain permalinks)', () => {
    const plain = [{ ...comment(1), url: 'https://news.example.net/?p=88#comment-1001' }];
    expect(commentLinkedTo('https://news.example.net/?p=88&cpage=2#comment-1001', plain)?.id).toBe('c1');
    expect(commentLinkedTo('https://news.example.net/?p=91#comment-1001', plain)).toBeNull();
  });
});
