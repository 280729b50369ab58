// Sending when the site's answer does not say plainly what happened: a proxy's 5xx after WordPress
// stored the comment (or not), a held comment linked like a published one, a plugin's thank-you
// page. What the person is told, and the site's thread, must agree; nothing is posted twice, and
// no reply is taken for another comment and left unposted.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { removeTempDirs } from '../support/temp';
import { WordPressSite, type WordPressOptions } from '../support/wordpress';
import { CommentEndpoint, type EndpointMode } from './support/comment-endpoint';
import { syncedCore } from './support/synced-core';

const jo = { name: 'Jo Reader', email: 'jo@example.org', website: '' };
const running: { site: WordPressSite; core: Core }[] = [];

afterEach(async () => {
  for (const { site, core } of running.splice(0)) {
    await core.close();
    await site.stop();
  }
});
afterAll(removeTempDirs);

async function siteAnswering(mode: EndpointMode, options: WordPressOptions = {}, seed: (site: WordPressSite) => void = () => {}) {
  const site = await WordPressSite.start(options);
  seed(site);
  const { core, articleId } = await syncedCore(site);
  running.push({ site, core });
  return { site, core, articleId, endpoint: CommentEndpoint.install(site, mode) };
}

const ours = (site: WordPressSite) => site.comments.filter((c) => c.author === jo.name);

describe('an answer lost behind a proxy (5xx)', () => {
  it('says the comment may have been posted; after an edit, Send finds the first text on the site and posts nothing', async () => {
    const { site, core, articleId, endpoint } = await siteAnswering('gateway-timeout');
    const draft = await core.api.saveDraft({ articleId, body: 'I think teh author is right about the timing.', ...jo });
    const first = await core.api.sendDraft(draft.id);
    expect(first).toMatchObject({ outcome: 'unreachable', draft: { state: 'queued' } });
    expect(first.message).toBe(
      'It may have been posted: HTTP 504 Gateway Timeout, and the site may have stored the comment before its answer was lost. It stays queued; Send looks for it on the site first and posts it only if it is not there.',
    );

    // The person fixes the typo, the site answers again, and they send.
    await core.api.saveDraft({ id: draft.id, body: 'I think the author is right about the timing.' });
    endpoint.mode = 'published';
    const posts = site.posts.length;
    const second = await core.api.sendDraft(draft.id);
    const stored = ours(site);
    expect(stored.map((c) => c.content)).toEqual(['I think teh author is right about the timing.']);
    expect(site.posts).toHaveLength(posts);
    expect(second).toMatchObject({
      outcome: 'found',
      draft: { state: 'sent', commentUrl: expect.stringMatching(new RegExp(`#comment-${stored[0]!.id}$`)), body: 'I think the author is right about the timing.' },
    });
    expect(second.message).toMatch(/^The site shows this comment as an earlier attempt sent it, before your edit; the edited text was not posted/);
  });

  it('posts the edited text when the first attempt never reached WordPress (502), once', async () => {
    const { site, core, articleId, endpoint } = await siteAnswering('bad-gateway');
    const draft = await core.api.saveDraft({ articleId, body: 'Teh summit was short.', ...jo });
    expect((await core.api.sendDraft(draft.id)).outcome).toBe('unreachable');
    await core.api.saveDraft({ id: draft.id, body: 'The summit was short.' });
    endpoint.mode = 'published';
    expect(await core.api.sendDraft(draft.id)).toMatchObject({ outcome: 'sent', draft: { state: 'sent' } });
    expect(ours(site).map((c) => c.content)).toEqual(['The summit was short.']);
  });

  it('posts a reply after a 502 instead of taking an older comment of the same person ending the same way for it', async () => {
    let sam = 0;
    const { site, core, articleId, endpoint } = await siteAnswering('published', {}, (s) => {
      sam = s.addComment({ author: 'Sam Okafor', content: 'The second round is set for March.' }).id;
    });
    const earlier = await core.api.saveDraft({ articleId, body: 'Great point, thanks!', ...jo });
    expect((await core.api.sendDraft(earlier.id)).outcome).toBe('sent');

    const samsComment = (await core.api.listComments(articleId)).find((c) => c.url?.endsWith(`#comment-${sam}`))!;
    endpoint.mode = 'bad-gateway';
    const reply = await core.api.saveDraft({ articleId, replyToCommentId: samsComment.id, body: 'Thanks!', ...jo });
    expect((await core.api.sendDraft(reply.id)).outcome).toBe('unreachable');
    endpoint.mode = 'published';
    const retried = await core.api.sendDraft(reply.id);

    expect(retried).toMatchObject({ outcome: 'sent', draft: { state: 'sent' } });
    expect(ours(site).map((c) => [c.content, c.parent])).toEqual([['Great point, thanks!', 0], ['Thanks!', sam]]);
    const shown = (await core.api.listComments(articleId)).find((c) => c.url === retried.draft.commentUrl);
    expect(shown).toMatchObject({ parentId: samsComment.id, html: '<p>Thanks!</p>' });
  });
});

describe('a comment held for moderation, linked like a published one (no email given)', () => {
  it('is reported held, since the thread does not show it, and sent once the site approves it', async () => {
    const { site, core, articleId } = await siteAnswering('held-no-email', { pageMarksRequired: false });
    const draft = await core.api.saveDraft({ articleId, body: 'First time commenting here.', name: 'Ines', email: '', website: '' });
    const result = await core.api.sendDraft(draft.id);
    const held = site.comments.at(-1)!;
    expect(held).toMatchObject({ content: 'First time commenting here.', approved: false });
    expect(site.server.requestsFor('/wp-comments-post.php').at(-1)?.status).toBe(302);
    expect(result).toMatchObject({ outcome: 'held', draft: { state: 'held', commentUrl: expect.stringMatching(new RegExp(`#comment-${held.id}$`)) } });
    expect(result.message).toMatch(/^Held for moderation, it seems: the site took the comment, but its thread does not show it\./);

    site.approve(held.id);
    await core.api.sync();
    expect(await core.api.getDraft(draft.id)).toMatchObject({ state: 'sent', message: 'Approved: the comment now shows on the site.' });
  });
});

describe("a plugin's thank-you page after the post", () => {
  it('is no refusal: the comment shows, so it is sent, with its link', async () => {
    const { site, core, articleId } = await siteAnswering('thank-you');
    const draft = await core.api.saveDraft({ articleId, body: 'Thanks for the clear write-up.', ...jo });
    const result = await core.api.sendDraft(draft.id);
    const [comment] = ours(site);
    expect(result).toMatchObject({ outcome: 'sent', draft: { state: 'sent', commentUrl: expect.stringMatching(new RegExp(`#comment-${comment!.id}$`)) } });
    expect(result.message).toMatch(/^Sent: the site took the comment \(and showed its page http:\/\/[\d.:]+\/thank-you-for-your-comment\/\); it shows on the site\.$/);
  });

  it('is no refusal when the comment awaits moderation either: held, and a second Send posts nothing', async () => {
    const { site, core, articleId } = await siteAnswering('thank-you-held');
    const draft = await core.api.saveDraft({ articleId, body: 'My first comment on this blog.', ...jo });
    const result = await core.api.sendDraft(draft.id);
    expect(result).toMatchObject({ outcome: 'held', draft: { state: 'held' } });
    expect(result.message).toMatch(/its thread does not show it yet: it probably awaits moderation\. The next sync looks for it\.$/);
    expect(await core.api.sendDraft(draft.id)).toMatchObject({ outcome: 'unchanged', draft: { state: 'held' } });
    expect(site.posts).toHaveLength(1);

    site.approve(ours(site)[0]!.id);
    await core.api.sync();
    expect(await core.api.getDraft(draft.id)).toMatchObject({ state: 'sent', commentUrl: expect.stringMatching(/#comment-\d+$/) });
  });
});
