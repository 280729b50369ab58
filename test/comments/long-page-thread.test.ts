// A thread read from the article's page with more comment pages than one sync reads
// (THREAD_MAX_PAGES): it is read on over the next syncs from the pages not read yet, the newest
// pages first, so that it becomes whole in a few syncs and new comments show at once, whichever
// page the site shows first; no sync reads more than the budget.
import { describe, expect, it } from 'vitest';
import { THREAD_MAX_PAGES } from '../../electron/core/comments/comment-refresh';
import { storedParents, siteParents } from './support/stored-thread';
import { themedSessionPerTest } from './support/themed-session';
import { ThemedWordPress } from './support/themed-wordpress';

const t = themedSessionPerTest();

/** Syncs once; returns how many of the post's comment pages (besides its own address) it read. */
async function syncCountingPages(): Promise<number> {
  const before = t.site.commentPageRequests().length;
  await t.core.api.sync();
  return t.site.commentPageRequests().length - before;
}

describe('a thread longer than one sync reads', () => {
  it('becomes whole over a few syncs, each within the budget, on a site showing the newest page first', async () => {
    // 30 top-level threads, one a page: 30 comment pages.
    t.site = await ThemedWordPress.start({ theme: 'classic', permalinks: 'pretty', threadsPerPage: 1 });
    t.site.addComments(45);
    const articleId = await t.subscribe();
    expect((await storedParents(t.core, articleId)).size).toBeLessThan(45);
    // The reader says the rest comes at the next sync, not that the site lists only the newest.
    const readOn = async () => (await t.core.api.getArticle(articleId))?.moreCommentsLater;
    expect(await readOn()).toBe(true);

    const pagesPerSync = [await syncCountingPages(), await syncCountingPages(), await syncCountingPages()];
    expect(await storedParents(t.core, articleId)).toEqual(siteParents(t.site.comments));
    expect(await readOn()).toBe(false);
    for (const pages of pagesPerSync) expect(pages).toBeLessThanOrEqual(THREAD_MAX_PAGES - 1);
    expect((await t.core.api.getArticle(articleId))?.commentCount).toBe(45);

    // Whole: unchanged from then on, the thread costs the comment feed's 304 again, no page.
    expect(await syncCountingPages()).toBe(0);
  });

  it('of 2,000 comments over 27 comment pages (WordPress\'s 50 threads a page) becomes whole in three syncs, each within the budget', async () => {
    t.site = await ThemedWordPress.start({ theme: 'classic', permalinks: 'pretty', threadsPerPage: 50 });
    t.site.addComments(2000);
    const articleId = await t.subscribe();
    const pagesPerSync = [await syncCountingPages(), await syncCountingPages(), await syncCountingPages()];
    expect(await storedParents(t.core, articleId)).toEqual(siteParents(t.site.comments));
    for (const pages of pagesPerSync) expect(pages).toBeLessThanOrEqual(THREAD_MAX_PAGES - 1);
    expect((await t.core.api.getArticle(articleId))?.commentCount).toBe(2000);
    expect(await syncCountingPages()).toBe(0);
  }, 120_000);

  it('becomes whole on a site showing the oldest page first whose pages link only their neighbours', async () => {
    t.site = await ThemedWordPress.start({ theme: 'block', permalinks: 'plain', threadsPerPage: 1, defaultCommentsPage: 'oldest', neighbourLinksOnly: true });
    t.site.addComments(45);
    const articleId = await t.subscribe();
    for (let sync = 0; sync < 3; sync++) expect(await syncCountingPages()).toBeLessThanOrEqual(THREAD_MAX_PAGES - 1);
    expect(await storedParents(t.core, articleId)).toEqual(siteParents(t.site.comments));
  });

  it('shows new comments at the next sync on a site showing the oldest page first, more of them than the comment feed lists', async () => {
    t.site = await ThemedWordPress.start({ theme: 'classic', permalinks: 'pretty', threadsPerPage: 1, defaultCommentsPage: 'oldest' });
    t.site.addComments(45);
    const articleId = await t.subscribe();
    const before = t.site.comments.length;

    // 12 new comments (the comment feed lists 10) on 8 new pages at the end of the thread.
    t.site.addComments(12);
    expect(await syncCountingPages()).toBeLessThanOrEqual(THREAD_MAX_PAGES - 1);
    const stored = await storedParents(t.core, articleId);
    for (const comment of t.site.comments.slice(before)) expect(stored.get(comment.id)).toBe(comment.parent);
  });
});
