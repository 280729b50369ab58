// A WordPress thread shown as the site shows it: newest threads first where the site lists them so
// (comment_order desc, over comment pages whose bare address is the newest), each reply under the
// comment it answers also past the site's thread depth, where the walker writes it beside that
// comment and the theme says "In reply to". Read from the site's own pages, within one sync's budget.
import { describe, expect, it } from 'vitest';
import { THREAD_MAX_PAGES } from '../../electron/core/comments/comment-refresh';
import { commentTree, inReadingOrder } from '../../renderer/src/lib/comment-tree';
import { siteParents, storedParents } from './support/stored-thread';
import { themedSessionPerTest } from './support/themed-session';
import { ThemedWordPress, type SiteComment } from './support/themed-wordpress';

const t = themedSessionPerTest();

/** The thread top to bottom as the reader shows it: each comment's site number. */
async function shownOrder(articleId: string): Promise<number[]> {
  const [comments, article] = await Promise.all([t.core.api.listComments(articleId), t.core.api.getArticle(articleId)]);
  return inReadingOrder(commentTree(comments, article!.commentsNewestFirst)).map((node) => Number(/#comment-(\d+)$/.exec(node.comment.url ?? '')![1]));
}

/** The thread top to bottom as the site shows it over its pages: its threads newest first when
 *  `newestFirst`, each one's replies oldest first, under the comment they answer. */
function siteOrder(comments: readonly SiteComment[], newestFirst: boolean): number[] {
  const order: number[] = [];
  const walk = (comment: SiteComment) => {
    order.push(comment.id);
    for (const reply of comments.filter((c) => c.parent === comment.id)) walk(reply);
  };
  const tops = comments.filter((c) => c.parent === 0);
  for (const top of newestFirst ? [...tops].reverse() : tops) walk(top);
  return order;
}

describe('a WordPress thread in the order and shape the site shows it', () => {
  it('lists the threads newest first when the site does, read whole over its comment pages in one sync', async () => {
    // 40 comments, 27 threads, 4 a page: 7 comment pages, the bare address the newest.
    t.site = await ThemedWordPress.start({ theme: 'classic', permalinks: 'pretty', threadsPerPage: 4, commentOrder: 'desc' });
    t.site.addComments(40);
    const articleId = await t.subscribe();
    expect(t.site.commentPageRequests().length).toBeLessThanOrEqual(THREAD_MAX_PAGES - 1);
    expect(await storedParents(t.core, articleId)).toEqual(siteParents(t.site.comments));
    // No comment twice: the newest page is both the post's address and a numbered page.
    expect(await t.core.api.listComments(articleId)).toHaveLength(40);
    expect(await shownOrder(articleId)).toEqual(siteOrder(t.site.comments, true));
  });

  it('keeps the threads oldest first on a site that lists them so', async () => {
    t.site = await ThemedWordPress.start({ theme: 'block', permalinks: 'plain', threadsPerPage: 4 });
    t.site.addComments(40);
    const articleId = await t.subscribe();
    expect(await shownOrder(articleId)).toEqual(siteOrder(t.site.comments, false));
  });

  it('learns the order from another comment page when the newest holds one thread only', async () => {
    // 9 threads, 4 a page: the newest page (the post's address) holds the ninth alone.
    t.site = await ThemedWordPress.start({ theme: 'classic', permalinks: 'plain', threadsPerPage: 4, commentOrder: 'desc' });
    t.site.addComments(13);
    const articleId = await t.subscribe();
    expect((await t.core.api.getArticle(articleId))?.commentsNewestFirst).toBe(true);
    expect(await shownOrder(articleId)).toEqual(siteOrder(t.site.comments, true));
  });

  it('shows a reply under the comment it answers past the site\'s thread depth, where the theme names it', async () => {
    // Nested three deep at most: the fourth to eighth of a chain stand beside the third, each saying whom it answers.
    t.site = await ThemedWordPress.start({ theme: 'classic', permalinks: 'pretty', threadsPerPage: 0, threadDepth: 3, namesParent: true });
    t.site.addComments(4);
    t.site.addReplyChain(8);
    t.site.addComments(2);
    const articleId = await t.subscribe();
    expect(await storedParents(t.core, articleId)).toEqual(siteParents(t.site.comments));
    expect(await shownOrder(articleId)).toEqual(siteOrder(t.site.comments, false));
  });
});
