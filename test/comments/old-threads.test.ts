// Threads of articles older than the sync's 14-day window are still checked, a few per feed and
// sync, with conditional requests: an unchanged thread costs a 304 and no write to the stored
// comments; a changed one is read and stored.
import { describe, expect, it } from 'vitest';
import { themedSessionPerTest } from './support/themed-session';
import { ThemedWordPress } from './support/themed-wordpress';

const t = themedSessionPerTest();

describe('an old article’s thread', () => {
  it('is checked again with a conditional request: a 304 rewrites nothing, a change is stored', async () => {
    t.site = await ThemedWordPress.start({ theme: 'classic', permalinks: 'pretty', threadsPerPage: 0, pageListsComments: false, publishedDaysAgo: 40 });
    t.site.addComments(5);
    const articleId = await t.subscribe();
    expect(await t.core.api.listComments(articleId)).toHaveLength(5);

    // Every write to the stored comments, counted by SQLite itself on this connection.
    t.core.storage.db.exec(`CREATE TEMP TABLE comment_writes (n INTEGER);
      CREATE TEMP TRIGGER comment_inserted AFTER INSERT ON main.comments BEGIN INSERT INTO comment_writes VALUES (1); END;
      CREATE TEMP TRIGGER comment_updated AFTER UPDATE ON main.comments BEGIN INSERT INTO comment_writes VALUES (1); END;
      CREATE TEMP TRIGGER comment_deleted AFTER DELETE ON main.comments BEGIN INSERT INTO comment_writes VALUES (1); END;`);
    const writes = () => t.core.storage.db.value('SELECT count(*) FROM comment_writes');
    const feedRequests = () => t.site.server.requests.filter((r) => r.path.endsWith('/feed/') && r.path !== '/feed/');

    const before = feedRequests().length;
    await t.core.api.sync();
    const recheck = feedRequests().slice(before);
    expect(recheck).toHaveLength(1);
    expect(recheck[0]!.headers['if-none-match']).toBeTruthy();
    expect(recheck[0]!.status).toBe(304);
    expect(writes()).toBe(0);

    t.site.addComments(2);
    await t.core.api.sync();
    expect(feedRequests().at(-1)!.status).toBe(200);
    expect(await t.core.api.listComments(articleId)).toHaveLength(7);
    expect(writes()).toBe(7);
  });
});
