// A backup brings drafts back as they were when it was made. Those sent since (from the folder the
// backup replaces) come back queued or unsent; sending them again would put the comment on the
// site twice, on a site without WordPress's duplicate check. Restored, each is looked for on the
// site first (sender.ts, rule 4): found, it is that comment and nothing is posted; not found, it goes.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { restoreDataFolder } from '../../electron/core';
import { Core } from '../../electron/core/core';
import { Storage } from '../../electron/core/storage';
import { syncedCore } from '../comments/support/synced-core';
import { removeTempDirs, tempDir } from '../support/temp';
import { WordPressSite } from '../support/wordpress';

afterAll(removeTempDirs);

const jo = { name: 'Jo Reader', email: 'jo@example.org', website: '' };

describe('drafts restored from an older backup', () => {
  it('Send finds the comments sent after the backup instead of posting them again, and posts the one never sent', async () => {
    // A flood check longer than "Send all queued" waits out keeps a draft queued (429). The test gets
    // past it by dating the last comment 3 minutes back: still after the backup, give or take the
    // site's clock (draft-match.ts), as the comments sent since are.
    const site = await WordPressSite.start({ floodIntervalMs: 180_000, floodRetryAfter: true });
    const pastFloodCheck = () => void ((site.comments.at(-1) as { at: number }).at -= 181_000);
    try {
      const { core, articleId } = await syncedCore(site);
      const dataDir = core.dataDir;
      site.addComment({ author: 'Sam Other', content: 'Interesting piece.' });
      const queued = await core.api.saveDraft({ articleId, body: 'Queued on the train, sent after the backup.', ...jo });
      expect(await core.api.sendDraft(queued.id)).toMatchObject({ outcome: 'too-fast', draft: { state: 'queued' } });
      const unsent = await core.api.saveDraft({ articleId, body: 'Written before the backup, sent after it.', ...jo });
      const never = await core.api.saveDraft({ articleId, body: 'Never sent before the restore.', ...jo });
      const backup = path.join(tempDir(), 'older.paperboy-backup');
      await core.exportData(backup);

      // After the backup, both go out from this folder.
      pastFloodCheck();
      expect((await core.api.sendQueuedDrafts()).map((r) => r.outcome)).toEqual(['sent']);
      pastFloodCheck();
      expect((await core.api.sendDraft(unsent.id)).outcome).toBe('sent');
      await core.close();

      const result = restoreDataFolder(dataDir, backup);
      expect(result.draftsToCheck).toBe(3);
      pastFloodCheck();
      const restored = new Core({ dataDir, workers: 1, welcome: false });
      try {
        expect(await restored.api.getDraft(queued.id)).toMatchObject({ state: 'queued', message: expect.stringMatching(/backup/) });
        const posts = site.posts.length;
        const queuedResults = await restored.api.sendQueuedDrafts();
        expect(queuedResults).toEqual([expect.objectContaining({ outcome: 'found', draft: expect.objectContaining({ id: queued.id, state: 'sent', commentUrl: expect.stringMatching(/#comment-2$/) }) })]);
        expect(await restored.api.sendDraft(unsent.id)).toMatchObject({ outcome: 'found', draft: { state: 'sent', commentUrl: expect.stringMatching(/#comment-3$/) } });
        expect(site.posts).toHaveLength(posts);

        // Not on the site: looked for, then posted as usual.
        expect(await restored.api.sendDraft(never.id)).toMatchObject({ outcome: 'sent', draft: { state: 'sent' } });
        expect(site.posts).toHaveLength(posts + 1);
        expect(site.comments.map((c) => c.content)).toEqual([
          'Interesting piece.', 'Queued on the train, sent after the backup.', 'Written before the backup, sent after it.', 'Never sent before the restore.',
        ]);
      } finally {
        await restored.close();
      }
    } finally {
      await site.stop();
    }
  });

  it('a draft being sent when the backup was made comes back queued, to look for what that attempt sent', async () => {
    const core = new Core({ dataDir: tempDir(), workers: 1 });
    const at = Date.UTC(2026, 0, 5, 8, 0);
    try {
      const [article] = (await core.api.listArticles({ filter: { kind: 'all' } })).articles;
      const draft = await core.api.saveDraft({ articleId: article!.id, body: 'On its way as the backup was made.', ...jo });
      // The app exports while another of its windows posts this draft.
      expect(core.storage.drafts.beginAttempt(draft.id, 'in-flight', process.pid, at)).toBe(true);
      const backup = path.join(tempDir(), 'mid-send.paperboy-backup');
      await core.exportData(backup);
      const other = tempDir();
      expect(restoreDataFolder(other, backup).draftsToCheck).toBe(1);
      const storage = Storage.open(other);
      try {
        expect(storage.drafts.sendState(draft.id)).toMatchObject({
          draft: { state: 'queued', message: expect.stringMatching(/^Restored from a backup/) },
          checkBeforePost: true,
          unconfirmedSends: [{ body: 'On its way as the backup was made.', name: jo.name, startedAt: at }],
          attemptKey: null,
          attemptPid: null,
        });
      } finally {
        storage.close();
      }
    } finally {
      await core.close();
    }
  });
});
