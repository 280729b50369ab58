import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Storage } from '../../electron/core/storage';
import { removeTempDirs, tempDir } from '../support/temp';

let storage: Storage;
const newFeed = (url: string, folderId: number | null = null) =>
  storage.feeds.add({ url, title: `Title of ${url}`, siteUrl: 'http://127.0.0.1/', description: null, folderId });

beforeEach(() => {
  storage = Storage.open(tempDir());
});
afterEach(() => {
  storage.close();
  removeTempDirs();
});

describe('feeds', () => {
  it('renames without losing the feed title, and clears the rename', () => {
    const id = newFeed('http://127.0.0.1/a');
    storage.feeds.update(id, { title: 'My name' });
    expect(storage.feeds.get(id)?.title).toBe('My name');
    storage.feeds.update(id, { title: null });
    expect(storage.feeds.get(id)?.title).toBe('Title of http://127.0.0.1/a');
  });

  it('turns full text and images off per feed', () => {
    const id = newFeed('http://127.0.0.1/a');
    storage.feeds.update(id, { fullText: false, images: false });
    expect(storage.feeds.get(id)).toMatchObject({ fullText: false, images: false });
    expect(storage.feeds.fetchStates([id])[0]).toMatchObject({ fullText: false, images: false });
  });

  it('refuses a second subscription to the same URL', () => {
    newFeed('http://127.0.0.1/a');
    expect(() => newFeed('http://127.0.0.1/a')).toThrow();
  });

  it('keeps fetch metadata and a sync log of at most 50 lines', () => {
    const id = newFeed('http://127.0.0.1/a');
    storage.feeds.recordFetch(id, { status: 'ok', message: '12 new, 1 updated', error: null, at: 1000, durationMs: 5, etag: '"v1"', lastModified: 'Tue, 01 Jan 2026 00:00:00 GMT', bodyHash: 'h1' });
    storage.feeds.recordFetch(id, { status: 'failed', message: 'failed: timed out after 20 s', error: 'timed out after 20 s', at: 2000, durationMs: 20_000 });
    const [state] = storage.feeds.fetchStates([id]);
    // A failure keeps the validators of the last success.
    expect(state).toMatchObject({ etag: '"v1"', bodyHash: 'h1', lastStatus: 'failed' });
    expect(storage.feeds.get(id)).toMatchObject({ lastError: 'timed out after 20 s', lastSuccessAt: 1000, lastFetchAt: 2000 });
    expect(storage.feeds.syncLog(id).map((line) => line.message)).toEqual(['failed: timed out after 20 s', '12 new, 1 updated']);
    for (let i = 0; i < 60; i++) storage.feeds.recordFetch(id, { status: 'unchanged', message: 'unchanged', error: null, at: 3000 + i, durationMs: 1 });
    expect(storage.feeds.syncLog(id, 100)).toHaveLength(50);
  });
});

describe('folders', () => {
  it('nests folders and moves children up when one is removed', () => {
    const { folder: news } = storage.feeds.ensureFolder('News', null);
    const { folder: world } = storage.feeds.ensureFolder('World', news.id);
    const { folder: europe } = storage.feeds.ensureFolder('Europe', world.id);
    const feed = newFeed('http://127.0.0.1/a', world.id);
    expect(storage.feeds.ensureFolder('World', news.id)).toEqual({ folder: world, created: false });
    expect(storage.feeds.folderSubtree(news.id).sort()).toEqual([news.id, world.id, europe.id].sort());
    storage.feeds.removeFolder(world.id);
    expect(storage.feeds.get(feed)?.folderId).toBe(news.id);
    expect(storage.feeds.getFolder(europe.id)?.parentId).toBe(news.id);
  });

  it('leaves a feed at the top level when its folder goes', () => {
    const { folder } = storage.feeds.ensureFolder('Tech', null);
    const feed = newFeed('http://127.0.0.1/a', folder.id);
    storage.feeds.removeFolder(folder.id);
    expect(storage.feeds.get(feed)?.folderId).toBeNull();
  });
});
