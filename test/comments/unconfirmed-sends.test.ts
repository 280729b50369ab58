// What an attempt whose answer never came sent is kept in the data folder (drafts.unconfirmed_sends)
// until the comment is found: through edits, a crash, and the upgrade of an older folder.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Core } from '../../electron/core/core';
import { MIGRATIONS, Sqlite, Storage } from '../../electron/core/storage';
import { DATABASE_FILE } from '../../electron/core/storage/database';
import { item } from '../storage/items';
import { removeTempDirs, tempDir } from '../support/temp';
import { WordPressSite } from '../support/wordpress';
import { syncedCore } from './support/synced-core';

afterAll(removeTempDirs);

const T = Date.UTC(2026, 10, 28, 9, 30);
const jo = { name: 'Jo Reader', email: 'jo@example.org', website: '' };

describe('drafts.unconfirmed_sends', () => {
  it('keeps the text of each attempt that may have got through, through edits, until the comment is on the site', () => {
    const storage = Storage.open(tempDir());
    try {
      const feedId = storage.feeds.add({ url: 'http://127.0.0.1/world.xml', title: 'World', siteUrl: null, description: null, folderId: null });
      const article = item();
      storage.articles.upsertFeedItems(feedId, [article], T);
      const id = storage.drafts.create({ articleId: article.id, articleTitle: article.title, articleUrl: article.url, feedTitle: 'World', replyTo: null, body: 'Frist.', ...jo }, T);
      const attempt = (key: string, at: number, outcome: Parameters<typeof storage.drafts.finishAttempt>[2]) => {
        expect(storage.drafts.beginAttempt(id, key, process.pid, at)).toBe(true);
        expect(storage.drafts.finishAttempt(id, key, outcome, at + 30_000)).toBe(true);
      };
      attempt('a', T, { state: 'queued', message: 'It may have been posted', checkBeforePost: true, mayHavePosted: true });
      expect(storage.drafts.updateText(id, { body: 'First.', ...jo }, T + 60_000)).toBe(true);
      expect(storage.drafts.sendState(id)).toMatchObject({ checkBeforePost: true, unconfirmedSends: [{ body: 'Frist.', name: 'Jo Reader', startedAt: T }] });

      // A refusal posted nothing: nothing more to look for, and the earlier attempt is still looked for.
      attempt('b', T + 120_000, { state: 'failed', message: 'The site refused the comment (HTTP 403).', checkBeforePost: true });
      attempt('c', T + 180_000, { state: 'queued', message: 'It may have been posted', checkBeforePost: true, mayHavePosted: true });
      expect(storage.drafts.sendState(id)?.unconfirmedSends).toEqual([
        { body: 'Frist.', name: 'Jo Reader', startedAt: T },
        { body: 'First.', name: 'Jo Reader', startedAt: T + 180_000 },
      ]);

      attempt('d', T + 240_000, { state: 'sent', message: 'Sent.', commentUrl: 'http://127.0.0.1/post/#comment-4', checkBeforePost: false });
      expect(storage.drafts.sendState(id)).toMatchObject({ checkBeforePost: false, unconfirmedSends: [] });
    } finally {
      storage.close();
    }
  });

  it('a data folder from before it looks for the text of each draft already waiting for the check', () => {
    const dir = tempDir();
    const raw = new Sqlite(path.join(dir, DATABASE_FILE));
    for (const [n, migration] of MIGRATIONS.slice(0, 12).entries()) raw.exec(`${migration}; PRAGMA user_version = ${n + 1};`);
    raw.exec(`INSERT INTO drafts (id, article_title, feed_title, body, name, state, check_before_post, created_at, updated_at)
      VALUES (1, 'NATO', 'World', 'Sent on a train.', 'Jo', 'queued', 1, 0, 0), (2, 'NATO', 'World', 'Not sent.', 'Jo', 'draft', 0, 0, 0)`);
    raw.close();
    const storage = Storage.open(dir);
    try {
      expect(storage.drafts.sendState(1)?.unconfirmedSends).toEqual([{ body: 'Sent on a train.', name: 'Jo', startedAt: null }]);
      expect(storage.drafts.sendState(2)?.unconfirmedSends).toEqual([]);
    } finally {
      storage.close();
    }
  });

  it('after a crash mid-post and an edit, Send finds the text the crashed attempt posted instead of posting the edit', async () => {
    const site = await WordPressSite.start();
    try {
      const { core: first, articleId } = await syncedCore(site);
      const dataDir = first.dataDir;
      const draft = await first.api.saveDraft({ articleId, body: 'Posted as the power went out.', ...jo });
      // A process that is gone was posting it, and the site got the post.
      const gone = spawnSync(process.execPath, ['-e', '']).pid;
      expect(first.storage.drafts.beginAttempt(draft.id, 'crashed', gone, Date.now())).toBe(true);
      site.addComment({ author: jo.name, content: 'Posted as the power went out.' });
      await first.close();

      const core = new Core({ dataDir, workers: 1, welcome: false });
      try {
        expect(await core.api.getDraft(draft.id)).toMatchObject({ state: 'queued', message: expect.stringMatching(/interrupted/) });
        await core.api.saveDraft({ id: draft.id, body: 'Posted as the power went out, sorry for the typo.' });
        const posts = site.posts.length;
        expect(await core.api.sendDraft(draft.id)).toMatchObject({ outcome: 'found', draft: { state: 'sent', commentUrl: expect.stringMatching(/#comment-1$/) } });
        expect(site.posts).toHaveLength(posts);
        expect(site.comments).toHaveLength(1);
      } finally {
        await core.close();
      }
    } finally {
      await site.stop();
    }
  });
});
