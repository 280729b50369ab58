// A long thread shows its first comments in reading order and a button for the next ones; going to
// a comment deep in it shows the thread down to it. What the person sees depends on these.
import { describe, expect, it } from 'vitest';
import type { Comment } from '../../shared/types';
import { commentLinkedTo, commentTree, inReadingOrder, type CommentNode } from '../../renderer/src/lib/comment-tree';
import { COMMENTS_PER_PAGE, onScreen, showMoreLabel, shownWith } from '../../renderer/src/lib/comment-window';

const POST = 'https://blog.example.org/2026/11/harbour-plans/';

function comment(n: number, parent: number | null = null): Comment {
  return {
    id: `c${n}`, articleId: 'a1', parentId: parent === null ? null : `c${parent}`, inReplyTo: null,
    author: `Reader ${n}`, authorUrl: null, publishedAt: n, html: `<p>Comment ${n}</p>`, url: `${POST}#comment-${1000 + n}`,
  };
}

/** The comments a window of `shown` renders, as the thread's items do (a reply only under a shown comment). */
function rendered(roots: readonly CommentNode[], shown: number): string[] {
  return roots.filter((node) => node.index < shown).flatMap((node) => [node.comment.id, ...rendered(node.replies, shown)]);
}

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
    expect(rendered(roots, 2)).toEqual(['c1', 'c3']);
    expect(rendered(roots, 5)).toEqual(['c1', 'c3', 'c5', 'c7', 'c2']);
    expect(rendered(roots, 50)).toEqual(['c1', 'c3', 'c5', 'c7', 'c2', 'c6', 'c4']);
  });

  it('reads a chain far deeper than the call stack goes', () => {
    const chain = Array.from({ length: 20_000 }, (_, n) => comment(n, n === 0 ? null : n - 1));
    const order = inReadingOrder(commentTree(chain));
    expect(order).toHaveLength(20_000);
    expect(order[0]!.size).toBe(20_000);
    expect(order.at(-1)!.index).toBe(19_999);
  });

  it('says on the button how many come next and how many are left', () => {
    expect(showMoreLabel(COMMENTS_PER_PAGE, 2_000)).toBe('Show 50 more comments (1,950 left)');
    expect(showMoreLabel(1_950, 2_000)).toBe('Show the last 50 comments');
    expect(showMoreLabel(1_950, 1_980)).toBe('Show the last 30 comments');
    expect(showMoreLabel(50, 50)).toBeNull();
    expect(showMoreLabel(50, 30)).toBeNull();
  });

  it('leaves no short tail behind the button: a thread a little over a page shows whole', () => {
    expect(onScreen(COMMENTS_PER_PAGE, 53)).toBe(53);
    expect(onScreen(COMMENTS_PER_PAGE, 74)).toBe(74);
    expect(onScreen(COMMENTS_PER_PAGE, 75)).toBe(50);
    expect(onScreen(COMMENTS_PER_PAGE, 30)).toBe(30);
    expect(onScreen(1_950, 1_962)).toBe(1_962);
  });

  it('shows whole pages down to a comment deep in the thread, never fewer than are shown', () => {
    expect(shownWith(1_234, 50)).toBe(1_250);
    expect(shownWith(49, 50)).toBe(50);
    expect(shownWith(50, 50)).toBe(100);
    expect(shownWith(10, 400)).toBe(400);
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
