// What "queued" promises, through the API on a real core and a WordPress site on loopback: a
// queued draft is one the person asked to send and that can still go. One whose article went
// with its feed waits in no queue; one edited after Send waits for Send again; and a save that
// carries the text its window last saw never overwrites words saved meanwhile, however close
// the two saves come.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { removeTempDirs } from '../support/temp';
import { WordPressSite } from '../support/wordpress';
import { syncedCore } from './support/synced-core';

const ADA = { name: 'Ada Reader', email: 'ada@example.org', website: '' };
const OFFLINE = /^Not sent yet: .*It stays queued\.$/;

let site: WordPressSite | undefined;
let core: Core | undefined;

afterEach(async () => {
  await core?.close();
  core = undefined;
  await site?.stop().catch(() => undefined);
  site = undefined;
});
afterAll(() => removeTempDirs());

/** A draft the person sent while the site could not be reached: queued. */
async function queuedWhileOffline(body: string): Promise<number> {
  const draft = await core!.api.saveDraft({ articleId: await onlyArticle(), body, ...ADA });
  await site!.stop();
  const sent = await core!.api.sendDraft(draft.id);
  expect(sent).toMatchObject({ outcome: 'unreachable', message: expect.stringMatching(OFFLINE), draft: { state: 'queued' } });
  return draft.id;
}

async function onlyArticle(): Promise<string> {
  return (await core!.api.listArticles({ filter: { kind: 'all' } })).articles[0]!.id;
}

describe('a queued draft whose article went with its feed', () => {
  it('is no longer queued: "Send all queued" leaves it alone, and it stays in Drafts, saying why it cannot go', async () => {
    site = await WordPressSite.start({}, '127.0.33.2');
    ({ core } = await syncedCore(site));
    const id = await queuedWhileOffline('Ferries should run later on Fridays.');
    const [feed] = await core.api.listFeeds();
    await core.api.removeFeed(feed!.id);

    const [kept] = await core.api.getDrafts();
    expect(kept).toMatchObject({ id, articleId: null, body: 'Ferries should run later on Fridays.', canSend: false });
    expect(kept!.state).not.toBe('queued');
    expect(await core.api.sendQueuedDrafts()).toEqual([]);
    expect(await core.api.sendDraft(id)).toMatchObject({
      outcome: 'no-form',
      message: expect.stringMatching(/^The article this draft answers is no longer stored here \(its feed was removed\)/),
    });
    expect((await core.api.exportDrafts('text')).includes('State: Queued')).toBe(false);
  });

  it('while a queued draft whose article is still stored stays queued and goes with "Send all queued"', async () => {
    site = await WordPressSite.start({}, '127.0.33.3');
    ({ core } = await syncedCore(site));
    const id = await queuedWhileOffline('Ferries should run later on Sundays.');
    expect((await core.api.getDraft(id))?.state).toBe('queued');
  });
});

describe('a queued draft edited before it went', () => {
  it('waits for Send again: "Send all queued" does not post text the person is still changing', async () => {
    site = await WordPressSite.start({}, '127.0.33.4');
    ({ core } = await syncedCore(site));
    const id = await queuedWhileOffline('Ferries should run later.');
    const edited = await core.api.saveDraft({ id, body: 'Ferries should run later, and on Sund' });
    expect(edited).toMatchObject({ state: 'draft', message: null });
    expect(await core.api.sendQueuedDrafts()).toEqual([]);
  });
});

describe('a save over the text its window last saw', () => {
  const base = { body: 'Start.', ...ADA };

  it('writes in place while that text still holds', async () => {
    site = await WordPressSite.start({}, '127.0.33.5');
    ({ core } = await syncedCore(site));
    const draft = await core.api.saveDraft({ articleId: await onlyArticle(), ...base });
    const saved = await core.api.saveDraft({ id: draft.id, base, body: 'Start. More.' });
    expect(saved).toMatchObject({ id: draft.id, body: 'Start. More.' });
    expect(saved.keptApart).toBeUndefined();
    expect((await core.api.getDrafts()).map((d) => d.body)).toEqual(['Start. More.']);
  });

  it('of two windows saving over the same text, keeps both: the second becomes a new draft of the same article and reply', async () => {
    site = await WordPressSite.start({}, '127.0.33.6');
    site.addComment({ author: 'Ana Ruiz', content: 'Three hours of talks and no agreement.' });
    ({ core } = await syncedCore(site));
    const articleId = await onlyArticle();
    const [comment] = await core.api.listComments(articleId);
    const draft = await core.api.saveDraft({ articleId, replyToCommentId: comment!.id, ...base });
    // Both windows loaded "Start." and save at once: the calls arrive one after the other.
    const [first, second] = await Promise.all([
      core.api.saveDraft({ id: draft.id, articleId, base, body: 'Start. Alpha words from the first window.', replyToCommentId: comment!.id }),
      core.api.saveDraft({ id: draft.id, articleId, base, body: 'Start. Bravo words from the second window.', replyToCommentId: comment!.id }),
    ]);
    expect(first).toMatchObject({ id: draft.id, body: 'Start. Alpha words from the first window.' });
    expect(second).toMatchObject({ keptApart: 'changed', articleId, body: 'Start. Bravo words from the second window.', replyTo: { commentId: comment!.id } });
    expect(second.id).not.toBe(draft.id);
    expect((await core.api.getDrafts(articleId)).map((d) => d.body).sort()).toEqual([
      'Start. Alpha words from the first window.',
      'Start. Bravo words from the second window.',
    ]);
  });

  it('keeps the text as a new draft when the draft was deleted or sent meanwhile', async () => {
    site = await WordPressSite.start({}, '127.0.33.7');
    ({ core } = await syncedCore(site));
    const articleId = await onlyArticle();
    const deleted = await core.api.saveDraft({ articleId, ...base });
    await core.api.deleteDraft(deleted.id);
    const afterDelete = await core.api.saveDraft({ id: deleted.id, articleId, base, body: 'Start. Typed on.' });
    expect(afterDelete).toMatchObject({ keptApart: 'closed', articleId, body: 'Start. Typed on.' });
    expect(afterDelete.id).not.toBe(deleted.id);

    const sent = await core.api.sendDraft(afterDelete.id);
    expect(sent.outcome).toBe('sent');
    const sentBase = { body: 'Start. Typed on.', ...ADA };
    const afterSend = await core.api.saveDraft({ id: afterDelete.id, articleId, base: sentBase, body: 'Start. Typed on, and on.' });
    expect(afterSend).toMatchObject({ keptApart: 'closed', state: 'draft', body: 'Start. Typed on, and on.' });
    expect(site.comments.map((c) => c.content)).toEqual(['Start. Typed on.']);
  });

  it('without a base (the command line) writes as before', async () => {
    site = await WordPressSite.start({}, '127.0.33.8');
    ({ core } = await syncedCore(site));
    const draft = await core.api.saveDraft({ articleId: await onlyArticle(), ...base });
    await core.api.saveDraft({ id: draft.id, body: 'Changed elsewhere.' });
    expect(await core.api.saveDraft({ id: draft.id, body: 'Written in a terminal.' })).toMatchObject({ id: draft.id, body: 'Written in a terminal.' });
  });
});
