// Sending after the site changed under the draft, each answer as WordPress 6 sends it: the same
// words already posted from an earlier draft (409), the article deleted (its page 404, the post
// an empty 200), the site down for maintenance (503, Retry-After: 600), the flood check (429), a
// form's required fields left empty, a required field added that Paperboy cannot fill in. The
// person is told what happened and what to do; nothing is posted twice, and no draft is lost.
import type http from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { verdictOfResponse } from '../../electron/core/comments/post-outcome';
import type { Core } from '../../electron/core/core';
import { fixtureText } from '../support/fixtures';
import { TestServer } from '../support/server';
import { removeTempDirs } from '../support/temp';
import { POST_PATH, WordPressSite, type WordPressOptions } from '../support/wordpress';
import { CommentEndpoint } from './support/comment-endpoint';
import { syncedCore } from './support/synced-core';

// The helpers' servers listen on 127.0.0.1 unless told; this file's, on its own loopback address.
const HOST = '127.0.26.2';
const start = TestServer.start.bind(TestServer);
beforeAll(() => {
  vi.spyOn(TestServer, 'start').mockImplementation((host, port) => start(host ?? HOST, port));
});

const jo = { name: 'Jo Reader', email: 'jo@example.org', website: '' };
const running: { site: WordPressSite; core: Core }[] = [];

afterEach(async () => {
  for (const { site, core } of running.splice(0)) {
    await core.close();
    await site.stop();
  }
});
afterAll(() => {
  vi.restoreAllMocks();
  removeTempDirs();
});

async function subscribed(options: WordPressOptions = {}) {
  const site = await WordPressSite.start(options);
  const { core, articleId } = await syncedCore(site);
  running.push({ site, core });
  return { site, core, articleId };
}

/** Answers as WordPress does; the posts are still counted in site.posts. */
function answer(site: WordPressSite, path: string, status: number, headers: http.OutgoingHttpHeaders, body: string): void {
  site.server.route(path, async (req, res) => {
    if (req.method === 'POST') {
      let raw = '';
      for await (const chunk of req) raw += String(chunk);
      site.posts.push(new URLSearchParams(raw));
    }
    res.writeHead(status, { 'content-type': 'text/html; charset=UTF-8', 'content-length': Buffer.byteLength(body), ...headers });
    res.end(body);
  });
}

describe('the same words in a second draft', () => {
  it('are another draft’s comment, which the site has: not posted again, and the draft says so instead of waiting for moderation', async () => {
    const { site, core, articleId } = await subscribed();
    const first = await core.api.saveDraft({ articleId, body: 'Same words.', ...jo });
    const sent = await core.api.sendDraft(first.id);
    expect(sent).toMatchObject({ outcome: 'sent', draft: { state: 'sent' } });

    const second = await core.api.saveDraft({ articleId, body: 'Same words.', ...jo });
    const result = await core.api.sendDraft(second.id);
    expect(result).toMatchObject({ outcome: 'rejected', draft: { state: 'failed', commentUrl: null } });
    expect(result.message).toBe(
      `The site said: “Duplicate comment detected; it looks as though you’ve already said that!” The site already has this exact comment from you, sent from an earlier draft; it shows on the site (${sent.draft.commentUrl}). This one was not posted again: change its words to post it as a new comment, or delete it.`,
    );
    expect(site.comments.map((c) => c.content)).toEqual(['Same words.']);

    // A sync does not take it for a comment awaiting moderation; new words post it.
    await core.api.sync();
    expect(await core.api.getDraft(second.id)).toMatchObject({ state: 'failed', message: result.message });
    await core.api.saveDraft({ id: second.id, body: 'Same words, said again.' });
    expect(await core.api.sendDraft(second.id)).toMatchObject({ outcome: 'sent', draft: { state: 'sent' } });
    expect(site.comments.map((c) => c.content)).toEqual(['Same words.', 'Same words, said again.']);
  });

  it('are another draft’s comment awaiting moderation: said so, not posted again', async () => {
    const { site, core, articleId } = await subscribed();
    const newcomer = { name: 'New Commenter', email: 'new@example.org', website: '' };
    const first = await core.api.saveDraft({ articleId, body: 'Hello from a first-timer.', ...newcomer });
    expect(await core.api.sendDraft(first.id)).toMatchObject({ outcome: 'held' });
    const second = await core.api.saveDraft({ articleId, body: 'Hello from a first-timer.', ...newcomer });
    const result = await core.api.sendDraft(second.id);
    expect(result).toMatchObject({ outcome: 'rejected', draft: { state: 'failed' } });
    expect(result.message).toMatch(/The site already has this exact comment from you, sent from an earlier draft, which awaits the site's moderation\. This one was not posted again/);
    expect(site.comments).toHaveLength(1);
  });
});

describe('an article the site no longer has', () => {
  it('says so (HTTP 404), posts nothing, and keeps the draft', async () => {
    const { site, core, articleId } = await subscribed();
    // Deleted or trashed: WordPress's 404 page for the post, and an empty 200 for a comment on it.
    answer(site, POST_PATH, 404, {}, fixtureText('comments/wordpress-404.html', site.server.origin));
    answer(site, '/wp-comments-post.php', 200, {}, '');
    const draft = await core.api.saveDraft({ articleId, body: 'Where did it go?', ...jo });
    const result = await core.api.sendDraft(draft.id);
    expect(result).toMatchObject({ outcome: 'no-form', draft: { state: 'draft', body: 'Where did it go?' } });
    expect(result.message).toBe(
      'The article is no longer on the site (HTTP 404): it was deleted, moved to the trash or unpublished, so there is nothing to post the comment to. Nothing was sent; the draft stays here.',
    );
    expect(site.posts).toHaveLength(0);
  });
});

describe('a site down for maintenance', () => {
  it("quotes the site, says nothing was posted and when to send again; then Send posts it once", async () => {
    const { site, core, articleId } = await subscribed();
    const page = await (await fetch(site.postUrl)).text();
    const maintenance = fixtureText('comments/wordpress-maintenance-503.html');
    answer(site, POST_PATH, 503, { 'retry-after': '600' }, maintenance);
    answer(site, '/wp-comments-post.php', 503, { 'retry-after': '600' }, maintenance);
    const draft = await core.api.saveDraft({ articleId, body: 'Posted after the upgrade.', ...jo });
    const result = await core.api.sendDraft(draft.id);
    expect(result).toMatchObject({ outcome: 'unreachable', draft: { state: 'queued' } });
    expect(result.message).toBe(
      'The site said: “Briefly unavailable for scheduled maintenance. Check back in a minute.” It did not take the comment. The draft stays queued: press Send again in 10 minutes, the wait it asked for.',
    );

    // Back: the post is made at once, without looking for an earlier attempt, and once.
    site.server.serve(POST_PATH, { body: page, type: 'text/html; charset=UTF-8' });
    CommentEndpoint.install(site, 'published');
    const threadReads = site.server.requestsFor(`${POST_PATH}feed/`).length;
    expect(await core.api.sendDraft(draft.id)).toMatchObject({ outcome: 'sent', draft: { state: 'sent' } });
    expect(site.comments.map((c) => c.content)).toEqual(['Posted after the upgrade.']);
    expect(site.server.requestsFor(`${POST_PATH}feed/`).length - threadReads).toBe(1);
  });
});

describe('the flood check', () => {
  it('tells the person to send again in a few seconds, or to use “Send all queued”', async () => {
    const { core, articleId } = await subscribed({ floodIntervalMs: 60_000 });
    for (const body of ['First thought.', 'Second thought.']) await core.api.saveDraft({ articleId, body, ...jo });
    const [second, first] = await core.api.getDrafts(articleId);
    expect(await core.api.sendDraft(first!.id)).toMatchObject({ outcome: 'sent' });
    const result = await core.api.sendDraft(second!.id);
    expect(result).toMatchObject({ outcome: 'too-fast', draft: { state: 'queued' } });
    expect(result.message).toBe(
      'The site said: “You are posting comments too quickly. Slow down.” Comments are coming too fast for it. Nothing was posted: press Send again in a few seconds, or “Send all queued” in Drafts, which waits for the site.',
    );
    expect((await core.api.getDraft(second!.id))?.message).toBe(result.message);
  });

  it('says how long when the site says (Retry-After)', async () => {
    const { core, articleId } = await subscribed({ floodIntervalMs: 60_000, floodRetryAfter: true });
    const first = await core.api.saveDraft({ articleId, body: 'One.', ...jo });
    await core.api.sendDraft(first.id);
    const second = await core.api.saveDraft({ articleId, body: 'Two.', ...jo });
    expect((await core.api.sendDraft(second.id)).message).toMatch(/Nothing was posted: press Send again in (59|60) seconds, or “Send all queued” in Drafts/);
  });
});

describe('required fields left empty', () => {
  it('are named in plain words', async () => {
    const { core, articleId } = await subscribed();
    const draft = await core.api.saveDraft({ articleId, body: 'Who am I?', name: '', email: '', website: '' });
    expect(await core.api.sendDraft(draft.id)).toMatchObject({
      outcome: 'incomplete',
      message: 'The site needs your name and your email before it takes a comment.',
      draft: { state: 'draft' },
    });
  });
});

describe('a field the site added to its form', () => {
  // A plugin's own required field, as WordPress themes print theirs (a captcha's sum is the same shape).
  const TOWN_FIELD = '<p class="comment-form-town"><label for="town">Your town <span class="required">*</span></label> <input id="town" name="town" type="text" value="" size="30" required /></p>';

  it('that Paperboy cannot fill in is said when Send reads the page again, and nothing is posted the site would refuse', async () => {
    const { site, core, articleId } = await subscribed({ editPage: (html) => html.replace('<p class="form-submit">', `${TOWN_FIELD}<p class="form-submit">`) });
    const draft = await core.api.saveDraft({ articleId, body: 'The ferry should run on Sundays too.', ...jo });
    expect(await core.api.sendDraft(draft.id)).toMatchObject({
      outcome: 'no-form',
      message: expect.stringMatching(/^Not sent: the site's comment form also asks for something Paperboy cannot fill in/),
      draft: { body: 'The ferry should run on Sundays too.' },
    });
    expect(site.posts).toHaveLength(0);
  });
});

describe('an empty page for an answer', () => {
  it('is WordPress refusing a comment on a post it no longer publishes, said as such', () => {
    const action = 'http://127.0.26.2/wp-comments-post.php';
    expect(verdictOfResponse({ status: 200, headers: { 'content-length': '0' }, body: Buffer.alloc(0) }, action, 'http://127.0.26.2/?p=32')).toEqual({
      kind: 'rejected',
      message: 'The site took nothing and said nothing, as WordPress does when the article is no longer published (deleted, in the trash or unpublished). Open the article in the browser to see.',
    });
  });
});
