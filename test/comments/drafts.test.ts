// Drafts through the API: written offline, remembered, listed, deleted with undo, and kept
// through restarts, retention and the removal of their feed.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type PaperboyCore } from '../../electron/core';
import { removeTempDirs } from '../support/temp';
import { WordPressSite } from '../support/wordpress';
import { syncedCore } from './support/synced-core';

let site: WordPressSite;
let core: PaperboyCore;
let articleId: string;

beforeAll(async () => {
  site = await WordPressSite.start();
  site.addComment({ author: 'Ana Ruiz', content: 'Three hours of talks and no agreement.' });
});
afterAll(async () => {
  await site.stop();
  removeTempDirs();
});
beforeEach(async () => {
  ({ core, articleId } = await syncedCore(site));
});
afterEach(() => core.close());

async function reopen(options: { now?: () => number } = {}): Promise<void> {
  const dataDir = core.dataDir;
  await core.close();
  core = openCore({ dataDir, workers: 1, welcome: false, ...options });
}

describe('saveDraft', () => {
  it('creates a draft under an article, edits it, and finds it again after a restart', async () => {
    const created = await core.api.saveDraft({ articleId, body: 'First', name: 'Jo', email: 'jo@example.org' });
    expect(created).toMatchObject({
      articleId, articleTitle: 'NATO is in security dialogue with Russia, despite the main differences', articleUrl: site.postUrl,
      feedTitle: 'The Evening Dispatch', replyTo: null, state: 'draft', canSend: true, website: '',
    });
    const edited = await core.api.saveDraft({ id: created.id, body: 'First, then more' });
    expect(edited).toMatchObject({ id: created.id, body: 'First, then more', name: 'Jo' });
    await reopen();
    expect(await core.api.getDraft(created.id)).toMatchObject({ body: 'First, then more', email: 'jo@example.org' });
    expect((await core.api.getDrafts()).map((d) => d.id)).toEqual([created.id]);
    expect((await core.api.getDrafts(articleId)).map((d) => d.id)).toEqual([created.id]);
  });

  it('remembers name, email and website for the next draft', async () => {
    await core.api.saveDraft({ articleId, body: 'One', name: 'Jo', email: 'jo@example.org', website: 'https://jo.example' });
    expect((await core.api.getSettings()).commenter).toEqual({ name: 'Jo', email: 'jo@example.org', website: 'https://jo.example' });
    const next = await core.api.saveDraft({ articleId, body: 'Two' });
    expect(next).toMatchObject({ name: 'Jo', email: 'jo@example.org', website: 'https://jo.example' });
  });

  it('answers a comment, keeping who it answers', async () => {
    const [comment] = await core.api.listComments(articleId);
    const reply = await core.api.saveDraft({ articleId, replyToCommentId: comment!.id, body: 'Agreed.' });
    expect(reply.replyTo).toEqual({ commentId: comment!.id, author: 'Ana Ruiz' });
    await expect(core.api.saveDraft({ id: reply.id, replyToCommentId: null })).rejects.toThrow(/keeps the comment it answers/);
  });

  it('refuses what cannot be: no article, an unknown article or comment, an unknown draft', async () => {
    await expect(core.call('saveDraft', [{ body: 'Orphan' }])).rejects.toMatchObject({ code: 'invalid-arguments' });
    await expect(core.call('saveDraft', [{ articleId: 'f'.repeat(32), body: 'x' }])).rejects.toMatchObject({ code: 'not-found' });
    await expect(core.call('saveDraft', [{ articleId, replyToCommentId: 'e'.repeat(32) }])).rejects.toMatchObject({ code: 'not-found' });
    await expect(core.call('saveDraft', [{ id: 999, body: 'x' }])).rejects.toMatchObject({ code: 'not-found' });
    await expect(core.call('saveDraft', [{ articleId, body: 'x', state: 'sent' }])).rejects.toMatchObject({ code: 'invalid-arguments' });
    await expect(core.call('saveDraft', [{ articleId, name: 'x'.repeat(246) }])).rejects.toMatchObject({ code: 'invalid-arguments' });
  });
});

describe('deleteDraft', () => {
  it('hides a draft until restoreDraft brings it back', async () => {
    const draft = await core.api.saveDraft({ articleId, body: 'Maybe not' });
    await core.api.deleteDraft(draft.id);
    expect(await core.api.getDraft(draft.id)).toBeNull();
    expect(await core.api.getDrafts()).toEqual([]);
    expect(await core.api.restoreDraft(draft.id)).toMatchObject({ id: draft.id, body: 'Maybe not' });
    await expect(core.api.restoreDraft(draft.id)).rejects.toThrow(/no deleted draft/);
    await expect(core.api.deleteDraft(12345)).rejects.toThrow(/draft not found/);
  });

  it('forgets deleted drafts for good a day later', async () => {
    const draft = await core.api.saveDraft({ articleId, body: 'Gone tomorrow' });
    await core.api.deleteDraft(draft.id);
    await reopen({ now: () => Date.now() + 25 * 60 * 60 * 1000 });
    await expect(core.api.restoreDraft(draft.id)).rejects.toThrow(/no deleted draft/);
  });
});

describe('a draft survives', () => {
  it('retention, which keeps its article however old', async () => {
    const draft = await core.api.saveDraft({ articleId, body: 'Keep me' });
    // The seed post is from 2022; ten days on, it was also first seen outside a one-day window.
    await reopen({ now: () => Date.now() + 10 * 24 * 60 * 60 * 1000 });
    expect(await core.api.applyRetention(1)).toMatchObject({ articlesDeleted: 0 });
    expect(await core.api.getArticle(articleId)).not.toBeNull();
    await core.api.deleteDraft(draft.id);
    expect(await core.api.applyRetention(1)).toMatchObject({ articlesDeleted: 1 });
  });

  it('the removal of its feed, keeping the title and address of its article', async () => {
    const draft = await core.api.saveDraft({ articleId, body: 'Still mine' });
    const [feed] = await core.api.listFeeds();
    await core.api.removeFeed(feed!.id);
    expect(await core.api.getDraft(draft.id)).toMatchObject({
      articleId: null, articleTitle: 'NATO is in security dialogue with Russia, despite the main differences', articleUrl: site.postUrl,
      feedTitle: 'The Evening Dispatch', body: 'Still mine', canSend: false,
    });
    expect(await core.api.saveDraft({ id: draft.id, body: 'Still mine, edited' })).toMatchObject({ body: 'Still mine, edited' });
    // Send says why it cannot go: its article went with the feed (not "the form is unknown").
    const sent = await core.api.sendDraft(draft.id);
    expect(sent).toMatchObject({ outcome: 'no-form', message: expect.stringMatching(/^The article this draft answers is no longer stored here \(its feed was removed\)/) });
  });
});
