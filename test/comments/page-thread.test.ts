// Whole threads from a WordPress site without the REST API: the article's page lists every
// comment (over its comment pages), where the comment feed gives only the newest 10. Classic and
// block themes, pretty and plain permalinks, replies under their parents.
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

  it('stays the comment feed’s newest 10, said to be partial, where the page lists no comments', async () => {
    site = await ThemedWordPress.start({ theme: 'block', permalinks: 'pretty', threadsPerPage: 0, pageListsComments: false });
    site.addComments(23);
    const articleId = await subscribe(site);
    expect((await core!.api.listComments(articleId)).length).toBe(10);
    expect((await core!.api.getArticle(articleId))?.commentCount).toBe(23);
  });
});
