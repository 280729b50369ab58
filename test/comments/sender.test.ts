// Sending drafts to a WordPress-like comment endpoint on the loopback: every outcome, and the
// rules that keep a comment from being posted twice.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Core } from '../../electron/core/core';
import { removeTempDirs, tempDir } from '../support/temp';
import { POST_PATH, WordPressSite } from '../support/wordpress';
import { syncedCore } from './support/synced-core';

let site: WordPressSite;
const cores: Core[] = [];

beforeAll(async () => {
  site = await WordPressSite.start();
});
afterAll(async () => {
  await site.stop();
  removeTempDirs();
});
afterEach(async () => {
  site.misbehaviour = 'none';
  await Promise.all(cores.splice(0).map((core) => core.close()));
});

async function ready(on = site): Promise<{ core: Core; articleId: string }> {
  const synced = await syncedCore(on);
  cores.push(synced.core);
  return synced;
}

const jo = { name: 'Jo Reader', email: 'jo@example.org', website: 'https://jo.example' };
const postsTo = (on: WordPressSite) => on.server.requestsFor('/wp-comments-post.php').length;

describe('sendDraft', () => {
  it('posts the form as the page would, records the link, and the comment shows after the next sync', async () => {
    const { core, articleId } = await ready();
    const draft = await core.api.saveDraft({ articleId, body: 'The talks in Geneva were only the start.', ...jo });
    const pageRequests = site.server.requestsFor(POST_PATH).length;
    const result = await core.api.sendDraft(draft.id);

    expect(result).toMatchObject({ outcome: 'sent', draft: { state: 'sent', commentUrl: expect.stringMatching(/#comment-\d+$/) } });
    expect(result.draft.sentAt).not.toBeNull();
    const form = site.posts.at(-1)!;
    expect(Object.fromEntries(form)).toEqual({
      comment: 'The talks in Geneva were only the start.', author: 'Jo Reader', email: 'jo@example.org', url: 'https://jo.example',
      comment_post_ID: '123', comment_parent: '0',
    });
    const request = site.server.requestsFor('/wp-comments-post.php').at(-1)!;
    expect(request).toMatchObject({ method: 'POST', status: 302 });
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    // The page is read once, right before the post (a fresh form); the redirect is the answer: it is not followed.
    expect(site.server.requestsFor(POST_PATH)).toHaveLength(pageRequests + 1);

    await core.api.sync();
    const comments = await core.api.listComments(articleId);
    expect(comments.find((c) => c.url === result.draft.commentUrl)).toMatchObject({ author: 'Jo Reader', html: '<p>The talks in Geneva were only the start.</p>' });
    expect((await core.api.listArticles({ filter: { kind: 'all' } })).articles[0]?.commentCount).toBe(site.comments.filter((c) => c.approved).length);
  });

  it("posts into the textarea people see on an Antispam Bee site, its hidden `comment` trap empty, and the comment shows", async () => {
    const guarded = await WordPressSite.start({ antispamBee: 'c4e1b0f9d2' });
    try {
      const { core, articleId } = await ready(guarded);
      expect((await core.api.getArticle(articleId))?.commentForm).toMatchObject({ requiredFields: ['comment', 'author', 'email'], maxLength: 65525 });
      const draft = await core.api.saveDraft({ articleId, body: 'Geneva first, then Brussels.', ...jo });
      expect(await core.api.sendDraft(draft.id)).toMatchObject({ outcome: 'sent', draft: { state: 'sent' } });
      expect(Object.fromEntries(guarded.posts.at(-1)!)).toEqual({
        c4e1b0f9d2: 'Geneva first, then Brussels.', comment: '', author: 'Jo Reader', email: 'jo@example.org', url: 'https://jo.example',
        comment_post_ID: '123', comment_parent: '0',
      });
      await core.api.sync();
      expect((await core.api.listComments(articleId)).map((c) => c.html)).toContain('<p>Geneva first, then Brussels.</p>');
    } finally {
      await guarded.stop();
    }
  });

  it('answers a comment with its number as comment_parent', async () => {
    const parent = site.addComment({ author: 'Ana Ruiz', content: 'No agreement after three hours.' });
    const { core, articleId } = await ready();
    const comment = (await core.api.listComments(articleId)).find((c) => c.url?.endsWith(`#comment-${parent.id}`))!;
    const draft = await core.api.saveDraft({ articleId, replyToCommentId: comment.id, body: 'Three hours is short for this.', ...jo });
    expect((await core.api.sendDraft(draft.id)).outcome).toBe('sent');
    expect(site.posts.at(-1)!.get('comment_parent')).toBe(String(parent.id));
    await core.api.sync();
    const reply = (await core.api.listComments(articleId)).find((c) => c.html.includes('Three hours is short'));
    expect(reply?.parentId).toBe(comment.id);
  });

  it('records a comment held for moderation, and marks it sent once the site shows it', async () => {
    const { core, articleId } = await ready();
    const draft = await core.api.saveDraft({ articleId, body: 'First time here.', name: 'New Commenter', email: 'new@example.org' });
    const result = await core.api.sendDraft(draft.id);
    expect(result).toMatchObject({ outcome: 'held', message: expect.stringMatching(/moderation/), draft: { state: 'held' } });
    expect(result.draft.commentUrl).toMatch(/\?unapproved=\d+&moderation-hash=\w+#comment-\d+$/);

    await core.api.sync();
    expect((await core.api.getDraft(draft.id))?.state).toBe('held');
    site.approve(site.comments.at(-1)!.id);
    await core.api.sync();
    expect(await core.api.getDraft(draft.id)).toMatchObject({ state: 'sent', message: expect.stringMatching(/^Approved/), commentUrl: expect.stringMatching(/#comment-\d+$/) });
  });

  it('counts a duplicate (409) as sent once the thread shows it, with its link', async () => {
    const earlier = site.addComment({ author: 'Jo Reader', content: 'Said it before.' });
    const { core, articleId } = await ready();
    const draft = await core.api.saveDraft({ articleId, body: 'Said it before.', ...jo });
    const result = await core.api.sendDraft(draft.id);
    expect(result).toMatchObject({ outcome: 'duplicate', draft: { state: 'sent', commentUrl: expect.stringMatching(new RegExp(`#comment-${earlier.id}$`)) } });
    expect(result.message).toBe('The site said: “Duplicate comment detected; it looks as though you’ve already said that!” It already has this comment. It shows on the site.');
    expect(site.server.requestsFor('/wp-comments-post.php').at(-1)?.status).toBe(409);
  });

  it("fails with the site's own reason when it refuses the comment (wp_die page), and sends once fixed", async () => {
    const lax = await WordPressSite.start({ pageMarksRequired: false });
    try {
      const { core, articleId } = await ready(lax);
      const draft = await core.api.saveDraft({ articleId, body: 'Who am I?', name: '', email: '', website: '' });
      const result = await core.api.sendDraft(draft.id);
      expect(result).toMatchObject({ outcome: 'rejected', message: 'The site said: “Error: Please fill the required fields.” It did not take the comment.', draft: { state: 'failed' } });
      expect(lax.server.requestsFor('/wp-comments-post.php').at(-1)?.status).toBe(200);
      const fixed = await core.api.saveDraft({ id: draft.id, ...jo });
      expect(fixed).toMatchObject({ state: 'draft', message: null });
      expect((await core.api.sendDraft(draft.id)).outcome).toBe('sent');
    } finally {
      await lax.stop();
    }
  });

  it('keeps a draft queued when the site says too fast (429) for longer than is worth waiting, and later sends it', async () => {
    const busy = await WordPressSite.start({ floodIntervalMs: 600_000, floodRetryAfter: true });
    try {
      const { core, articleId } = await ready(busy);
      const first = await core.api.saveDraft({ articleId, body: 'One.', ...jo });
      const second = await core.api.saveDraft({ articleId, body: 'Two.', ...jo });
      const third = await core.api.saveDraft({ articleId, body: 'Three.', ...jo });
      expect((await core.api.sendDraft(first.id)).outcome).toBe('sent');
      expect(await core.api.sendDraft(second.id)).toMatchObject({ outcome: 'too-fast', message: expect.stringMatching(/too fast/), draft: { state: 'queued' } });
      expect(busy.server.requestsFor('/wp-comments-post.php').at(-1)?.status).toBe(429);
      await core.api.sendDraft(third.id);

      // Send all queued: a 429 asking for ten minutes is not waited out; the site's other drafts wait without being posted.
      const posts = postsTo(busy);
      const results = await core.api.sendQueuedDrafts();
      expect(results.map((r) => [r.draft.id, r.outcome])).toEqual([[second.id, 'too-fast'], [third.id, 'too-fast']]);
      expect(postsTo(busy)).toBe(posts + 1);

      busy.comments.at(-1)!.approved = true;
      (busy.comments.at(-1) as { at: number }).at = Date.now() - 700_000;
      const later = await core.api.sendQueuedDrafts();
      expect(later.map((r) => r.outcome)).toEqual(['sent', 'too-fast']);
    } finally {
      await busy.stop();
    }
  });

  it('Send all queued waits out the flood check (its Retry-After) and goes on, telling its progress', async () => {
    const busy = await WordPressSite.start({ floodIntervalMs: 1_500, floodRetryAfter: true });
    try {
      const { core, articleId } = await ready(busy);
      for (const body of ['One.', 'Two.', 'Three.']) {
        const draft = await core.api.saveDraft({ articleId, body, ...jo });
        await core.api.sendDraft(draft.id);
      }
      // The first went; the other two were refused as too fast and wait in the queue.
      expect(busy.comments.map((c) => c.content)).toEqual(['One.']);
      const progress: { done: number; total: number; waitingMs: number | null }[] = [];
      const results = await core.sender.sendQueued((step) => progress.push(step));
      expect(results.map((r) => r.outcome)).toEqual(['sent', 'sent']);
      expect(busy.comments.map((c) => c.content)).toEqual(['One.', 'Two.', 'Three.']);
      expect(progress.at(-1)).toEqual({ done: 2, total: 2, waitingMs: null });
      expect(progress.some((step) => step.waitingMs !== null && step.waitingMs >= 1_000)).toBe(true);
    } finally {
      await busy.stop();
    }
  });

  it('leaves a draft untouched when a required field is empty, or when no comment form is known', async () => {
    const { core, articleId } = await ready();
    const posts = postsTo(site);
    const noEmail = await core.api.saveDraft({ articleId, body: 'Anonymous?', name: 'Jo', email: '' });
    expect(await core.api.sendDraft(noEmail.id)).toMatchObject({ outcome: 'incomplete', message: 'The site needs your email before it takes a comment.', draft: { state: 'draft' } });

    const offline = new Core({ dataDir: tempDir(), workers: 1 });
    cores.push(offline);
    const welcome = (await offline.api.listArticles({ filter: { kind: 'all' } })).articles.find((a) => a.title.startsWith('NATO'))!;
    expect((await offline.api.getArticle(welcome.id))?.commentForm).toBeNull();
    const local = await offline.api.saveDraft({ articleId: welcome.id, body: 'Only here.', ...jo });
    expect(local.canSend).toBe(false);
    expect(await offline.api.sendDraft(local.id)).toMatchObject({ outcome: 'no-form', message: expect.stringMatching(/copy the text/), draft: { state: 'draft' } });
    expect(postsTo(site)).toBe(posts);
    await expect(core.api.sendDraft(4242)).rejects.toThrow(/draft not found/);
  });

  it('reads the page again before a send: a form that appeared later makes the article sendable', async () => {
    site.commentsOpen = false;
    try {
      const { core, articleId } = await ready();
      expect((await core.api.getArticle(articleId))?.commentForm).toBeNull();
      const draft = await core.api.saveDraft({ articleId, body: 'Glad the comments are open again.', ...jo });
      expect(draft.canSend).toBe(false);
      site.commentsOpen = true;
      expect(await core.api.sendDraft(draft.id)).toMatchObject({ outcome: 'sent', draft: { state: 'sent' } });
      expect(site.comments.at(-1)?.content).toBe('Glad the comments are open again.');
      expect((await core.api.getArticle(articleId))?.commentForm).toMatchObject({ kind: 'wordpress' });
    } finally {
      site.commentsOpen = true;
    }
  });

  it('never sends name, email and text to a form on another host, whether named outright or through <base href>', async () => {
    const elsewhere = 'http://127.0.0.3:9/';
    for (const editPage of [
      (html: string) => html.replace(/<form action="[^"]*wp-comments-post\.php"/, `<form action="${elsewhere}collect.php"`),
      (html: string) =>
        html.replace('<head>', `<head><base href="${elsewhere}">`).replace(/<form action="[^"]*wp-comments-post\.php"/, '<form action="wp-comments-post.php"'),
    ]) {
      const hijacked = await WordPressSite.start({ editPage });
      try {
        const { core, articleId } = await ready(hijacked);
        const draft = await core.api.saveDraft({ articleId, body: 'Private words.', ...jo });
        const result = await core.api.sendDraft(draft.id);
        expect(result).toMatchObject({ outcome: 'no-form', draft: { state: 'draft' } });
        expect(result.message).toMatch(/^Not sent: this article's comment form sends comments to another site than the article's own/);
        expect(hijacked.posts).toHaveLength(0);
      } finally {
        await hijacked.stop();
      }
    }
  });

  it('keeps a draft queued with the reason when the site cannot be reached, and a sync never sends it', async () => {
    const gone = await WordPressSite.start();
    const { core, articleId } = await ready(gone);
    await gone.stop();
    const draft = await core.api.saveDraft({ articleId, body: 'Written on the train.', ...jo });
    expect(await core.api.sendDraft(draft.id)).toMatchObject({ outcome: 'unreachable', message: expect.stringMatching(/^Not sent yet: connection (refused|reset)/), draft: { state: 'queued' } });
    expect((await core.api.sendQueuedDrafts()).map((r) => r.outcome)).toEqual(['unreachable']);

    // Online again: a sync reads, it never posts; sending waits for the person.
    const { core: other, articleId: otherArticle } = await ready();
    const queued = await other.api.saveDraft({ articleId: otherArticle, body: 'Queued, not sent by a sync.', name: 'Jo', email: 'jo@example.org' });
    site.misbehaviour = 'store-then-cut';
    await other.api.sendDraft(queued.id);
    site.misbehaviour = 'none';
    const posts = postsTo(site);
    await other.api.sync();
    expect(postsTo(site)).toBe(posts);
  });
});

describe('idempotency', () => {
  it('posts once when sendDraft is called twice at the same time, and never again once sent', async () => {
    const { core, articleId } = await ready();
    const draft = await core.api.saveDraft({ articleId, body: 'Only once, please.', ...jo });
    const posts = postsTo(site);
    const [a, b] = await Promise.all([core.api.sendDraft(draft.id), core.api.sendDraft(draft.id)]);
    expect([a.outcome, b.outcome].sort()).toEqual(['sent', 'unchanged']);
    // Both read the page first (a fresh form), so the second finds it being sent or already sent.
    expect([a, b].find((r) => r.outcome === 'unchanged')?.message).toMatch(/^This comment (is being sent|was sent already)\.$/);
    expect(await core.api.sendDraft(draft.id)).toMatchObject({ outcome: 'unchanged', message: 'This comment was sent already.' });
    expect(await core.api.sendQueuedDrafts()).toEqual([]);
    expect(postsTo(site)).toBe(posts + 1);
    await expect(core.api.saveDraft({ id: draft.id, body: 'Edited after sending' })).rejects.toThrow(/can no longer be edited/);
  });

  it('finds a comment whose answer was lost in the comment feed instead of posting it again', async () => {
    const { core, articleId } = await ready();
    const draft = await core.api.saveDraft({ articleId, body: 'The connection dropped right after this.', ...jo });
    site.misbehaviour = 'store-then-cut';
    expect(await core.api.sendDraft(draft.id)).toMatchObject({ outcome: 'unreachable', draft: { state: 'queued' } });
    site.misbehaviour = 'none';
    const posts = postsTo(site);
    const result = await core.api.sendDraft(draft.id);
    expect(result).toMatchObject({ outcome: 'found', draft: { state: 'sent', commentUrl: expect.stringMatching(/#comment-\d+$/) } });
    expect(postsTo(site)).toBe(posts);
    expect(site.comments.filter((c) => c.content === 'The connection dropped right after this.')).toHaveLength(1);
  });

  it('posts again a lost comment held for moderation, which the site refuses as a duplicate: sent once', async () => {
    const { core, articleId } = await ready();
    const draft = await core.api.saveDraft({ articleId, body: 'Held, then the line went dead.', name: 'New Commenter', email: 'new@example.org' });
    site.misbehaviour = 'store-then-cut';
    await core.api.sendDraft(draft.id);
    site.misbehaviour = 'none';
    // The site has it, but does not show it: held (not yet confirmed), never "sent" without evidence.
    const retried = await core.api.sendDraft(draft.id);
    expect(retried).toMatchObject({ outcome: 'duplicate', draft: { state: 'held', commentUrl: null } });
    expect(retried.message).toMatch(/does not show it yet: it probably awaits moderation/);
    expect(site.comments.filter((c) => c.content === 'Held, then the line went dead.')).toHaveLength(1);
    // Approved on the site: the next sync finds it and it counts as sent.
    site.approve(site.comments.find((c) => c.content === 'Held, then the line went dead.')!.id);
    await core.api.sync();
    expect(await core.api.getDraft(draft.id)).toMatchObject({ state: 'sent', commentUrl: expect.stringMatching(/#comment-\d+$/) });
  });
});
