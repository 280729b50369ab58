// Whole threads from a real WordPress 6.1 (test/wordpress/setup.sh): a post with 53 comments and
// nested replies is read whole through the REST API its page names, with plain and with pretty
// permalinks, every reply under its parent; the comment feed alone would give the newest 10.
import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type PaperboyCore } from '../../electron/core/core';
import { removeTempDirs, tempDir } from '../support/temp';
import { WORDPRESS_MISSING, freshPost, siteFeedUrl, wp, type SiteComment } from './support/real-site';

let core: PaperboyCore | undefined;

afterEach(async () => {
  await core?.close();
  core = undefined;
  removeTempDirs();
});

async function subscribe(permalinks: 'plain' | 'pretty'): Promise<string> {
  core = openCore({ dataDir: tempDir(), workers: 1, welcome: false });
  await core.api.addFeed(siteFeedUrl(permalinks));
  await core.api.sync();
  return (await core.api.listArticles({ filter: { kind: 'all' } })).articles[0]!.id;
}

describe.skipIf(WORDPRESS_MISSING !== null)('a real WordPress thread', () => {
  for (const permalinks of ['plain', 'pretty'] as const) {
    it(`is read whole, replies under their parents (${permalinks} permalinks)`, async () => {
      const post = freshPost(`A long discussion (${permalinks})`, permalinks);
      wp('comments', String(post.id), '53');
      const onSite = wp<SiteComment[]>('list', String(post.id));
      const articleId = await subscribe(permalinks);

      const stored = await core!.api.listComments(articleId);
      expect(stored).toHaveLength(53);
      const numberOf = new Map(stored.map((comment) => [comment.id, /#comment-(\d+)$/.exec(comment.url ?? '')?.[1]]));
      const parentOnSite = new Map(onSite.map((comment) => [String(comment.id), String(comment.parent)]));
      for (const comment of stored) {
        const number = numberOf.get(comment.id)!;
        const parent = comment.parentId === null ? '0' : numberOf.get(comment.parentId);
        expect(parent, `parent of comment ${number}`).toBe(parentOnSite.get(number));
      }
      expect(stored.filter((comment) => comment.parentId !== null)).toHaveLength(17);
      const article = await core!.api.getArticle(articleId);
      expect(article?.commentCount).toBe(53);
    });
  }

  it('finds new comments at the next sync, and none twice', async () => {
    const post = freshPost('A discussion that goes on');
    wp('comments', String(post.id), '12');
    const articleId = await subscribe('plain');
    expect(await core!.api.listComments(articleId)).toHaveLength(12);
    wp('comments', String(post.id), '3');
    await core!.api.sync();
    expect(await core!.api.listComments(articleId)).toHaveLength(15);
    await core!.api.sync();
    expect(await core!.api.listComments(articleId)).toHaveLength(15);
  });
});
