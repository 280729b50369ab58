// Whole threads from a WordPress site without the REST API (or that refuses it): the article's page
// lists every comment (over its comment pages), where the comment feed gives only the newest 10.
// Classic, block and older themes, pretty and plain permalinks, replies under their parents; a page
// whose markup the reader cannot read keeps the comment feed's comments.
import { describe, expect, it } from 'vitest';
import { commentTree, type CommentNode } from '../../renderer/src/lib/comment-tree';
import { siteParents, storedParents } from './support/stored-thread';
import { themedSessionPerTest } from './support/themed-session';
import { ThemedWordPress, type Permalinks, type Theme } from './support/themed-wordpress';

const t = themedSessionPerTest();

const cases: { theme: Theme; permalinks: Permalinks }[] = [
  { theme: 'classic', permalinks: 'pretty' },
  { theme: 'block', permalinks: 'plain' },
];

describe('a thread read from the article’s own page', () => {
  for (const { theme, permalinks } of cases) {
    it(`is whole over every comment page, replies under their parents (${theme} theme, ${permalinks} permalinks)`, async () => {
      t.site = await ThemedWordPress.start({ theme, permalinks, threadsPerPage: 4 });
      t.site.addComments(23);
      const articleId = await t.subscribe();

      const parents = await storedParents(t.core, articleId);
      expect(parents).toEqual(siteParents(t.site.comments));
      // 16 top-level threads, 4 a page: the bare address (page 4) and pages 1 to 3.
      expect(new Set(t.site.commentPageRequests()).size).toBe(3);
      const article = await t.core.api.getArticle(articleId);
      expect(article?.commentCount).toBe(23);
      const texts = (await t.core.api.listComments(articleId)).map((comment) => comment.html);
      expect(texts).toContain('<p>Comment number 1: the bridge matters to me.</p>');
    });
  }

  it('is checked through the comment feed: unchanged, no page is read; changed, the new comments are found', async () => {
    t.site = await ThemedWordPress.start({ theme: 'classic', permalinks: 'pretty', threadsPerPage: 4 });
    t.site.addComments(12);
    const articleId = await t.subscribe();
    expect((await t.core.api.listComments(articleId)).length).toBe(12);

    const pageReads = () => t.site.server.requests.filter((r) => r.path.startsWith(new URL(t.site.postUrl).pathname) && !r.path.endsWith('/feed/')).length;
    const before = pageReads();
    await t.core.api.sync();
    expect(pageReads()).toBe(before);
    expect(t.site.server.requests.filter((r) => r.path.endsWith('/feed/') && r.path !== '/feed/').at(-1)?.status).toBe(304);

    t.site.addComments(14);
    await t.core.api.sync();
    const parents = await storedParents(t.core, articleId);
    expect(parents.size).toBe(26);
    expect(parents).toEqual(siteParents(t.site.comments));
  });

  it('is whole from an older theme’s markup: WordPress’s walker without html5, the text bare in div.comment-body', async () => {
    t.site = await ThemedWordPress.start({ theme: 'older-walker', permalinks: 'pretty', threadsPerPage: 0 });
    t.site.addComments(23);
    const articleId = await t.subscribe();

    expect(await storedParents(t.core, articleId)).toEqual(siteParents(t.site.comments));
    const first = (await t.core.api.listComments(articleId))[0]!;
    expect(first.author).toBe('Reader 1');
    // The text alone: the author, date and reply blocks around it are not part of it.
    expect(first.html).toBe('<p>Comment number 1: the bridge matters to me.</p>\n<p>Second paragraph of Reader 1.</p>');
    // Its date only shown as text, to the minute: the thread stays in order.
    expect(first.publishedAt).toBe(Math.floor(t.site.comments[0]!.at / 60_000) * 60_000);
  });

  it('shows in the order it was written where the page’s dates cannot be read (“2 hours ago”)', async () => {
    t.site = await ThemedWordPress.start({ theme: 'older-walker', permalinks: 'pretty', threadsPerPage: 0, commentDates: 'ago' });
    t.site.addComments(18);
    const articleId = await t.subscribe();

    // As the reader lays the thread out: depth first, each reply under what it answers.
    const outline = (nodes: readonly CommentNode[], depth = 0): string[] =>
      nodes.flatMap((node) => [`${'  '.repeat(depth)}${node.comment.author}`, ...outline(node.replies, depth + 1)]);
    const siteOutline = (parent: number, depth = 0): string[] =>
      t.site.comments.filter((c) => c.parent === parent).flatMap((c) => [`${'  '.repeat(depth)}${c.author}`, ...siteOutline(c.id, depth + 1)]);
    expect(outline(commentTree(await t.core.api.listComments(articleId)))).toEqual(siteOutline(0));
  });

  it('is dated as a German site shows its dates (“11. März 2024 um 8:40”), not when Paperboy first saw it', async () => {
    t.site = await ThemedWordPress.start({ theme: 'older-walker', permalinks: 'pretty', threadsPerPage: 0, commentDates: 'german' });
    t.site.addComments(12);
    const articleId = await t.subscribe();
    const stored = await t.core.api.listComments(articleId);
    expect(stored.map((comment) => [comment.author, comment.publishedAt])).toEqual(
      t.site.comments.map((comment) => [comment.author, Math.floor(comment.at / 60_000) * 60_000]),
    );
  });

  it('is whole from Twenty Twelve’s markup, its pingback left out', async () => {
    t.site = await ThemedWordPress.start({ theme: 'twentytwelve', permalinks: 'plain', threadsPerPage: 0 });
    t.site.addComments(23);
    const articleId = await t.subscribe();

    expect(await storedParents(t.core, articleId)).toEqual(siteParents(t.site.comments));
    const stored = await t.core.api.listComments(articleId);
    expect(stored.map((comment) => comment.publishedAt)).toEqual(t.site.comments.map((comment) => Math.floor(comment.at / 1000) * 1000));
    expect(stored[0]!.html).toBe('<p>Comment number 1: the bridge matters to me.</p>');
  });

  it('keeps the comment feed’s newest 10 where the page lists comments in markup the reader cannot read', async () => {
    t.site = await ThemedWordPress.start({ theme: 'own-markup', permalinks: 'pretty', threadsPerPage: 0 });
    t.site.addComments(23);
    const articleId = await t.subscribe();
    const newest = t.site.comments.slice(-10).map((comment) => comment.id);
    expect([...(await storedParents(t.core, articleId)).keys()].sort()).toEqual(newest);
  });

  it('is read from the page when the page names the REST API but the site refuses it', async () => {
    t.site = await ThemedWordPress.start({ theme: 'classic', permalinks: 'pretty', threadsPerPage: 4, refusedRestApi: true });
    t.site.addComments(23);
    const articleId = await t.subscribe();

    expect(t.site.server.requests.some((r) => r.path.startsWith('/wp-json/wp/v2/comments') && r.status === 401)).toBe(true);
    expect(await storedParents(t.core, articleId)).toEqual(siteParents(t.site.comments));

    // Checked through the comment feed from then on, as a page without the API link is.
    t.site.addComments(2);
    await t.core.api.sync();
    expect((await storedParents(t.core, articleId)).size).toBe(25);
    const pageReads = () => t.site.server.requests.filter((r) => r.path === new URL(t.site.postUrl).pathname).length;
    const before = pageReads();
    await t.core.api.sync();
    expect(pageReads()).toBe(before);
  });

  it('is the comment feed’s when the site refuses the REST API and the page lists no comments', async () => {
    t.site = await ThemedWordPress.start({ theme: 'classic', permalinks: 'pretty', threadsPerPage: 0, pageListsComments: false, refusedRestApi: true });
    t.site.addComments(23);
    const articleId = await t.subscribe();
    expect((await t.core.api.listComments(articleId)).length).toBe(10);
  });

  it('stays the comment feed’s newest 10, said to be partial, where the page lists no comments', async () => {
    t.site = await ThemedWordPress.start({ theme: 'block', permalinks: 'pretty', threadsPerPage: 0, pageListsComments: false });
    t.site.addComments(23);
    const articleId = await t.subscribe();
    expect((await t.core.api.listComments(articleId)).length).toBe(10);
    expect((await t.core.api.getArticle(articleId))?.commentCount).toBe(23);
  });
});
