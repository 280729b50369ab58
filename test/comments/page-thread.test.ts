// Whole threads from a WordPress site without the REST API (or that refuses it): the article's page
// lists every comment (over its comment pages), where the comment feed gives only the newest 10.
// Classic, block and older themes, pretty and plain permalinks, replies under their parents; a page
// whose markup the reader cannot read keeps the comment feed's comments.
import { afterEach, describe, expect, it } from 'vitest';
import { Core } from '../../electron/core/core';
import { removeTempDirs, tempDir } from '../support/temp';
import { ThemedWordPress, type Permalinks, type Theme } from './support/themed-wordpress';

let core: Core | undefined;
let site: ThemedWordPress | undefined;

afterEach(async () => {
  await core?.close();
  await site?.server.stop();
  core = undefined;
  site = undefined;
  removeTempDirs();
});

async function subscribe(to: ThemedWordPress): Promise<string> {
  core = new Core({ dataDir: tempDir(), workers: 1, welcome: false });
  await core.api.addFeed(to.feedUrl);
  await core.api.sync();
  return (await core.api.listArticles({ filter: { kind: 'all' } })).articles[0]!.id;
}

/** Each stored comment's site number mapped to its parent's (0 at the top level). */
async function storedParents(articleId: string): Promise<Map<number, number>> {
  const stored = await core!.api.listComments(articleId);
  const numberOf = new Map(stored.map((comment) => [comment.id, Number(/#comment-(\d+)$/.exec(comment.url ?? '')?.[1])]));
  return new Map(stored.map((comment) => [numberOf.get(comment.id)!, comment.parentId === null ? 0 : numberOf.get(comment.parentId)!]));
}

const cases: { theme: Theme; permalinks: Permalinks }[] = [
  { theme: 'classic', permalinks: 'pretty' },
  { theme: 'block', permalinks: 'plain' },
];

describe('a thread read from the article’s own page', () => {
  for (const { theme, permalinks } of cases) {
    it(`is whole over every comment page, replies under their parents (${theme} theme, ${permalinks} permalinks)`, async () => {
      site = await ThemedWordPress.start({ theme, permalinks, threadsPerPage: 4 });
      site.addComments(23);
      const articleId = await subscribe(site);

      const parents = await storedParents(articleId);
      expect(parents).toEqual(new Map(site.comments.map((comment) => [comment.id, comment.parent])));
      // 16 top-level threads, 4 a page: the bare address (page 4) and pages 1 to 3.
      expect(new Set(site.commentPageRequests()).size).toBe(3);
      const article = await core!.api.getArticle(articleId);
      expect(article?.commentCount).toBe(23);
      const texts = (await core!.api.listComments(articleId)).map((comment) => comment.html);
      expect(texts).toContain('<p>Comment number 1: the bridge matters to me.</p>');
    });
  }

  it('is checked through the comment feed: unchanged, no page is read; changed, the new comments are found', async () => {
    site = await ThemedWordPress.start({ theme: 'classic', permalinks: 'pretty', threadsPerPage: 4 });
    site.addComments(12);
    const articleId = await subscribe(site);
    expect((await core!.api.listComments(articleId)).length).toBe(12);

    const pageReads = () => site!.server.requests.filter((r) => r.path.startsWith(new URL(site!.postUrl).pathname) && !r.path.endsWith('/feed/')).length;
    const before = pageReads();
    await core!.api.sync();
    expect(pageReads()).toBe(before);
    expect(site.server.requests.filter((r) => r.path.endsWith('/feed/') && r.path !== '/feed/').at(-1)?.status).toBe(304);

    site.addComments(14);
    await core!.api.sync();
    const parents = await storedParents(articleId);
    expect(parents.size).toBe(26);
    expect(parents).toEqual(new Map(site.comments.map((comment) => [comment.id, comment.parent])));
  });

  it('is whole from an older theme’s markup: WordPress’s walker without html5, the text bare in div.comment-body', async () => {
    site = await ThemedWordPress.start({ theme: 'older-walker', permalinks: 'pretty', threadsPerPage: 0 });
    site.addComments(23);
    const articleId = await subscribe(site);

    expect(await storedParents(articleId)).toEqual(new Map(site.comments.map((comment) => [comment.id, comment.parent])));
    const first = (await core!.api.listComments(articleId))[0]!;
    expect(first.author).toBe('Reader 1');
    // The text alone: the author, date and reply blocks around it are not part of it.
    expect(first.html).toBe('<p>Comment number 1: the bridge matters to me.</p>\n<p>Second paragraph of Reader 1.</p>');
    // Its date only shown as text, to the minute: the thread stays in order.
    expect(first.publishedAt).toBe(Math.floor(site.comments[0]!.at / 60_000) * 60_000);
  });

  it('is whole from Twenty Twelve’s markup, its pingback left out', async () => {
    site = await ThemedWordPress.start({ theme: 'twentytwelve', permalinks: 'plain', threadsPerPage: 0 });
    site.addComments(23);
    const articleId = await subscribe(site);

    expect(await storedParents(articleId)).toEqual(new Map(site.comments.map((comment) => [comment.id, comment.parent])));
    const stored = await core!.api.listComments(articleId);
    expect(stored.map((comment) => comment.publishedAt)).toEqual(site.comments.map((comment) => Math.floor(comment.at / 1000) * 1000));
    expect(stored[0]!.html).toBe('<p>Comment number 1: the bridge matters to me.</p>');
  });

  it('keeps the comment feed’s newest 10 where the page lists comments in markup the reader cannot read', async () => {
    site = await ThemedWordPress.start({ theme: 'own-markup', permalinks: 'pretty', threadsPerPage: 0 });
    site.addComments(23);
    const articleId = await subscribe(site);
    const newest = site.comments.slice(-10).map((comment) => comment.id);
    expect([...(await storedParents(articleId)).keys()].sort()).toEqual(newest);
  });

  it('is read from the page when the page names the REST API but the site refuses it', async () => {
    site = await ThemedWordPress.start({ theme: 'classic', permalinks: 'pretty', threadsPerPage: 4, refusedRestApi: true });
    site.addComments(23);
    const articleId = await subscribe(site);

    expect(site.server.requests.some((r) => r.path.startsWith('/wp-json/wp/v2/comments') && r.status === 401)).toBe(true);
    expect(await storedParents(articleId)).toEqual(new Map(site.comments.map((comment) => [comment.id, comment.parent])));

    // Checked through the comment feed from then on, as a page without the API link is.
    site.addComments(2);
    await core!.api.sync();
    expect((await storedParents(articleId)).size).toBe(25);
    const pageReads = () => site!.server.requests.filter((r) => r.path === new URL(site!.postUrl).pathname).length;
    const before = pageReads();
    await core!.api.sync();
    expect(pageReads()).toBe(before);
  });

  it('is the comment feed’s when the site refuses the REST API and the page lists no comments', async () => {
    site = await ThemedWordPress.start({ theme: 'classic', permalinks: 'pretty', threadsPerPage: 0, pageListsComments: false, refusedRestApi: true });
    site.addComments(23);
    const articleId = await subscribe(site);
    expect((await core!.api.listComments(articleId)).length).toBe(10);
  });

  it('stays the comment feed’s newest 10, said to be partial, where the page lists no comments', async () => {
    site = await ThemedWordPress.start({ theme: 'block', permalinks: 'pretty', threadsPerPage: 0, pageListsComments: false });
    site.addComments(23);
    const articleId = await subscribe(site);
    expect((await core!.api.listComments(articleId)).length).toBe(10);
    expect((await core!.api.getArticle(articleId))?.commentCount).toBe(23);
  });
});
