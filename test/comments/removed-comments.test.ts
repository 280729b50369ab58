// Comments the site removed (spam a moderator took down) leave the thread once a read sees the
// whole thread again: every page of the REST API, or every comment page of the article. A partial
// read keeps them, and so does every read a comment the person's own draft answers.
import { describe, expect, it } from 'vitest';
import { storedParents, siteParents } from './support/stored-thread';
import { themedSessionPerTest } from './support/themed-session';
import { ThemedWordPress, type ThemedSiteOptions } from './support/themed-wordpress';

const t = themedSessionPerTest();

async function subscribe(options: ThemedSiteOptions, comments: number): Promise<string> {
  t.site = await ThemedWordPress.start(options);
  t.site.addComments(comments);
  return t.subscribe();
}

/** The stored comment the site numbers `number`. */
async function storedComment(articleId: string, number: number) {
  return (await t.core.api.listComments(articleId)).find((comment) => comment.url?.endsWith(`#comment-${number}`));
}

const whole: Record<string, ThemedSiteOptions> = {
  'the REST API': { theme: 'classic', permalinks: 'pretty', threadsPerPage: 4, restApi: true },
  'every comment page': { theme: 'classic', permalinks: 'pretty', threadsPerPage: 4 },
};

describe('comments removed from the site', () => {
  for (const [source, options] of Object.entries(whole)) {
    it(`leave the thread once it is read whole again from ${source}`, async () => {
      const articleId = await subscribe(options, 23);
      expect(await storedParents(t.core, articleId)).toEqual(siteParents(t.site.comments));

      // Spam among the newest and an older comment without replies, taken down; a new comment meanwhile.
      t.site.removeComment(222);
      t.site.removeComment(204);
      t.site.addComments(1);
      await t.core.api.sync();
      expect(await storedParents(t.core, articleId)).toEqual(siteParents(t.site.comments));
      expect((await t.core.api.getArticle(articleId))?.commentCount).toBe(22);
    });
  }

  it('stay while the thread is read only in part (a thread longer than one sync reads)', async () => {
    const articleId = await subscribe({ theme: 'classic', permalinks: 'pretty', threadsPerPage: 1 }, 45);
    const newest = t.site.comments.at(-1)!;
    expect(await storedComment(articleId, newest.id)).toBeDefined();
    t.site.removeComment(newest.id);
    t.site.addComments(1);
    await t.core.api.sync();
    expect(await storedComment(articleId, newest.id)).toBeDefined();
  });

  it('stay when the person’s draft answers them', async () => {
    const articleId = await subscribe({ theme: 'classic', permalinks: 'pretty', threadsPerPage: 4, restApi: true }, 23);
    const answered = (await storedComment(articleId, 210))!;
    await t.core.api.saveDraft({ articleId, replyToCommentId: answered.id, body: 'I saw the same at the market.', name: 'Tess', email: 'tess@example.net', website: '' });

    t.site.removeComment(210);
    t.site.removeComment(211);
    t.site.addComments(1);
    await t.core.api.sync();
    expect(await storedComment(articleId, 210)).toBeDefined();
    expect(await storedComment(articleId, 211)).toBeUndefined();
  });

  it('stay where the page lists comments in markup the reader cannot read', async () => {
    const articleId = await subscribe({ theme: 'own-markup', permalinks: 'pretty', threadsPerPage: 0 }, 23);
    const stored = [...(await storedParents(t.core, articleId)).keys()];
    t.site.addComments(1);
    await t.core.api.sync();
    const after = await storedParents(t.core, articleId);
    for (const number of stored) expect(after.has(number)).toBe(true);
  });
});
