// The router is the one door into the core: every transport's call is validated here.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type PaperboyCore } from '../../electron/core';
import { API_METHODS } from '../../shared/wire';
import { removeTempDirs, tempDir } from '../support/temp';

let core: PaperboyCore;
beforeEach(() => {
  core = openCore({ dataDir: tempDir(), workers: 1 });
});
afterEach(async () => {
  await core.close();
  removeTempDirs();
});

describe('router.call', () => {
  it('rejects unknown methods, including inherited object properties', async () => {
    await expect(core.call('dropDatabase', [])).rejects.toThrow(/unknown method/);
    await expect(core.call('constructor', [])).rejects.toThrow(/unknown method/);
    await expect(core.call('__proto__', [])).rejects.toThrow(/unknown method/);
  });

  it('rejects malformed arguments with a message naming the problem', async () => {
    await expect(core.call('getArticle', ["1' OR 1=1"])).rejects.toThrow(/invalid arguments for getArticle/);
    await expect(core.call('setStarred', ['0'.repeat(32)])).rejects.toThrow(/invalid arguments/);
    await expect(core.call('listArticles', [{ filter: { kind: 'everything' } }])).rejects.toThrow(/invalid arguments/);
    await expect(core.call('updateFeed', [1, { url: 'http://evil' }])).rejects.toThrow(/invalid arguments/);
    await expect(core.call('addFeed', ['   '])).rejects.toThrow(/a URL is required/);
  });

  it('dispatches valid calls to the core', async () => {
    const feeds = (await core.call('listFeeds', [])) as { title: string }[];
    expect(feeds.map((f) => f.title)).toEqual(['Welcome to Paperboy']);
    const folder = await core.call('createFolder', ['News']);
    expect(folder).toMatchObject({ name: 'News', parentId: null });
    expect(await core.call('updateSettings', [{ keepDays: null }])).toMatchObject({ keepDays: null });
  });

  it('answers not found for ids that do not exist', async () => {
    await expect(core.call('removeFeed', [999])).rejects.toThrow(/feed not found/);
    expect(await core.call('getArticle', ['f'.repeat(32)])).toBeNull();
  });

  it('has a schema for every method of the contract', () => {
    expect(API_METHODS).toEqual(expect.arrayContaining(['addFeed', 'sync', 'cancelSync', 'listArticles', 'getArticle', 'search', 'importOpml', 'exportOpml', 'storageInfo']));
    expect([...API_METHODS].sort()).toEqual(Object.keys(core.api).sort());
  });
});

describe('the welcome feed', () => {
  it('is there on first launch, offline, and is not installed again once removed', async () => {
    const [welcome] = await core.api.listFeeds();
    const page = await core.api.listArticles({ filter: { kind: 'feed', feedId: welcome!.id } });
    const seed = page.articles.find((a) => a.title.startsWith('NATO is in security dialogue'));
    const article = (await core.api.getArticle(seed!.id))!;
    expect(article.html).toContain('Stoltenberg');
    // The app's own comment section shows under it; the article carries no copy of it (issue 12, item 11).
    expect(article.html).not.toContain('Leave a Reply');
    expect(article.fullTextState).toBe('done');
    await core.api.removeFeed(welcome!.id);
    const dataDir = core.dataDir;
    await core.close();
    core = openCore({ dataDir, workers: 1 });
    expect(await core.api.listFeeds()).toEqual([]);
  });

  it('is never fetched by a sync', async () => {
    const summary = await core.api.sync();
    expect(summary.feedsTotal).toBe(0);
  });
});
