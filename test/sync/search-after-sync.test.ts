// A sync stores its articles without writing the search index (storage/search-queue.ts); the
// index catches up afterwards. What a person sees: in the app, the articles a sync brought are
// found by a search right away, and become indexed on their own a moment after the sync, on a
// writer thread; from the terminal, `paperboy sync` ends with its summary and leaves the index
// to the next start or search, which finds every article.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { Core } from '../../electron/core/core';
import { DATABASE_FILE, Sqlite } from '../../electron/core/storage';
import { NewsSite } from '../support/news-site';
import { paperboy } from '../support/processes';
import { removeTempDirs, tempDir } from '../support/temp';

let site: NewsSite;

beforeEach(async () => {
  site = await NewsSite.start({ feeds: 2, itemsPerFeed: 6 });
});
afterEach(async () => {
  await site.stop();
  removeTempDirs();
});

const queued = (core: Core) => core.storage.db.value<number>('SELECT count(*) FROM search_queue');
/** What the index itself holds for a word, without a search indexing the queue first. */
const indexed = (core: Core, word: string) =>
  core.storage.db.value<number>('SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?', [word]);

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !condition(); waited += 50) {
    if (waited > 20_000) throw new Error(`never: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the search index after a sync', () => {
  it('in the app: the new articles are found at once, and indexed on their own a moment after the sync', async () => {
    const core = new Core({ dataDir: tempDir(), workers: 1, welcome: false, indexSearchInBackground: true });
    try {
      for (const url of site.feedUrls()) await core.api.addFeed(url);
      // Adding a feed stores its items: listed, not indexed yet.
      expect(queued(core)).toBe(12);
      expect(indexed(core, 'ministers')).toBe(0);
      await until(() => queued(core) === 0, 'the queue is emptied without a search');
      expect(indexed(core, 'ministers')).toBe(12);

      // A sync's new articles the same way.
      site.publish(0);
      site.publish(1);
      expect((await core.api.sync({ feedsOnly: true })).newArticles).toBe(2);
      expect(queued(core)).toBe(2);
      await until(() => queued(core) === 0, 'the queue is emptied after the sync without a search');
      expect(indexed(core, 'ministers')).toBe(14);

      // The next sync's articles are found by a search made before the index caught up.
      site.publish(0);
      await core.api.sync({ feedsOnly: true });
      expect(queued(core)).toBe(1);
      expect(await core.api.countSearch('ministers')).toBe(15);
      expect(queued(core)).toBe(0);
    } finally {
      await core.close();
    }
  });

  it('from the terminal: `paperboy sync` leaves the index to the next search, which finds every article', async () => {
    const data = tempDir();
    for (const url of site.feedUrls()) expect((await paperboy('--data', data, 'add', url)).code).toBe(0);
    site.publish(0);
    site.publish(1);
    const synced = await paperboy('--data', data, 'sync', '--no-fulltext', '--no-images');
    expect(synced.code).toBe(0);
    expect(synced.stdout).toContain('2 new');
    const db = new Sqlite(path.join(data, DATABASE_FILE), { readonly: true });
    try {
      // The 12 the additions stored, the sync's 2 and the welcome feed's: each command ended without indexing them.
      expect(db.value<number>('SELECT count(*) FROM article_content')).toBeGreaterThanOrEqual(14);
      expect(db.value<number>('SELECT count(*) FROM search_queue')).toBe(db.value<number>('SELECT count(*) FROM article_content'));
    } finally {
      db.close();
    }
    const found = await paperboy('--data', data, 'call', 'countSearch', '["ministers"]');
    expect(found.stderr).toBe('');
    expect(JSON.parse(found.stdout)).toBe(14);
  });

  it('the app, started on a folder a terminal sync filled, indexes those articles on its own', async () => {
    const data = tempDir();
    for (const url of site.feedUrls()) expect((await paperboy('--data', data, 'add', url)).code).toBe(0);
    const app = new Core({ dataDir: data, workers: 1, indexSearchInBackground: true });
    try {
      expect(queued(app)).toBeGreaterThanOrEqual(12);
      await until(() => queued(app) === 0, 'the queue is emptied after the start without a search');
      expect(indexed(app, 'ministers')).toBe(12);
    } finally {
      await app.close();
    }
  });
});
