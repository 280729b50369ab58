// A reply whose parent the site removed (trash, spam) after the person started it. WordPress takes
// such a reply all the same and files it as a comment of its own (comment_parent 0), without a
// word; Paperboy reads the thread whole before it posts a reply, and where the parent is gone it
// posts nothing and says so, keeping the draft.
import type http from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TestServer } from '../support/server';
import { themedSessionPerTest } from './support/themed-session';
import { ThemedWordPress, type ThemedSiteOptions } from './support/themed-wordpress';

// The helpers' servers listen on 127.0.0.1 unless told; this file's, on its own loopback address.
const HOST = '127.0.26.3';
const start = TestServer.start.bind(TestServer);
beforeAll(() => {
  vi.spyOn(TestServer, 'start').mockImplementation((host, port) => start(host ?? HOST, port));
});
afterAll(() => vi.restoreAllMocks());

const t = themedSessionPerTest();
const tess = { name: 'Tess', email: 'tess@example.net', website: '' };

/** wp-comments-post.php as WordPress answers it: a parent no longer approved becomes 0 (wp_new_comment). */
function takeComments(site: ThemedWordPress): URLSearchParams[] {
  const posts: URLSearchParams[] = [];
  site.server.route('/wp-comments-post.php', async (req: http.IncomingMessage, res: http.ServerResponse) => {
    let raw = '';
    for await (const chunk of req) raw += String(chunk);
    const form = new URLSearchParams(raw);
    posts.push(form);
    const asked = Number(form.get('comment_parent') ?? '0');
    const parent = site.comments.some((comment) => comment.id === asked) ? asked : 0;
    const id = Math.max(...site.comments.map((comment) => comment.id)) + 1;
    site.comments.push({ id, parent, author: form.get('author') ?? '', content: form.get('comment') ?? '', at: Date.now() });
    res.writeHead(302, { location: `${site.postUrl}#comment-${id}`, 'x-redirect-by': 'WordPress', 'content-type': 'text/html; charset=UTF-8' });
    res.end();
  });
  return posts;
}

async function commentNumbered(articleId: string, number: number) {
  return (await t.core.api.listComments(articleId)).find((comment) => comment.url?.endsWith(`#comment-${number}`))!;
}

const sources: Record<string, ThemedSiteOptions> = {
  'the REST API': { theme: 'classic', permalinks: 'pretty', threadsPerPage: 0, restApi: true },
  'the article’s page': { theme: 'classic', permalinks: 'pretty', threadsPerPage: 4 },
};

describe('a reply to a comment the site removed', () => {
  for (const [source, options] of Object.entries(sources)) {
    it(`is not posted as a comment of its own; the draft stays and says why (thread from ${source})`, async () => {
      t.site = await ThemedWordPress.start(options);
      t.site.addComments(8);
      const posts = takeComments(t.site);
      const articleId = await t.subscribe();
      // A comment without replies: the page would not list the replies of a removed one (as
      // WordPress's threaded list does not), and a page missing what the feed has is no whole read.
      const answered = await commentNumbered(articleId, 204);
      const draft = await t.core.api.saveDraft({ articleId, replyToCommentId: answered.id, body: 'I saw the same at the market.', ...tess });

      // Taken down, and a sync since (it keeps the comment the draft answers).
      t.site.removeComment(204);
      await t.core.api.sync();
      const result = await t.core.api.sendDraft(draft.id);
      expect(result).toMatchObject({ outcome: 'rejected', draft: { state: 'failed', body: 'I saw the same at the market.', replyTo: { commentId: answered.id } } });
      expect(result.message).toBe(
        "Not sent: Reader 4's comment, which this answers, is no longer on the site (the site removed it), and the site would post your reply as a comment of its own, out of context. The draft stays here: to post it as a comment of its own, copy its text into a new comment on the article.",
      );
      expect(posts).toHaveLength(0);
      expect(await t.core.api.getDraft(draft.id)).toMatchObject({ state: 'failed', message: result.message });
      // Sending again asks the site again, and still posts nothing.
      expect(await t.core.api.sendDraft(draft.id)).toMatchObject({ outcome: 'rejected' });
      expect(posts).toHaveLength(0);
    });
  }

  it('is posted under its parent while the parent is there', async () => {
    t.site = await ThemedWordPress.start(sources['the REST API']!);
    t.site.addComments(8);
    const posts = takeComments(t.site);
    const articleId = await t.subscribe();
    const answered = await commentNumbered(articleId, 205);
    const draft = await t.core.api.saveDraft({ articleId, replyToCommentId: answered.id, body: 'Same here.', ...tess });
    expect(await t.core.api.sendDraft(draft.id)).toMatchObject({ outcome: 'sent', draft: { state: 'sent' } });
    expect(posts.map((form) => form.get('comment_parent'))).toEqual(['205']);
    expect(t.site.comments.at(-1)).toMatchObject({ parent: 205, content: 'Same here.' });
  });
});
