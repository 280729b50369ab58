import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImageCache } from '../../electron/core/articles';
import { Storage, applyRetention } from '../../electron/core/storage';
import { makePng } from '../support/images';
import { removeTempDirs, tempDir } from '../support/temp';
import { item } from './items';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 10, 28);

let storage: Storage;
let images: ImageCache;
let feedId: number;

beforeEach(() => {
  const dir = tempDir();
  storage = Storage.open(dir);
  images = new ImageCache(path.join(dir, 'images'));
  feedId = storage.feeds.add({ url: 'http://127.0.0.1/feed', title: 'Feed', siteUrl: null, description: null, folderId: null });
});
afterEach(() => {
  storage.close();
  removeTempDirs();
});

async function withImage(articleId: string, color: number): Promise<string> {
  const { hash, size } = await images.put(makePng(4, 4, [color, 0, 0]), 'image/png');
  storage.articles.recordImage(hash, 'image/png', size, NOW);
  storage.articles.saveContent(articleId, {
    html: '<p>x</p>', text: 'x', source: 'page', lang: null, dir: 'ltr', state: 'done', error: null,
    leadImageHash: null, images: [{ url: `http://127.0.0.1/${color}.png`, hash }],
  }, NOW);
  return hash;
}

describe('applyRetention', () => {
  it('deletes old articles and their images, never starred ones, and never brings them back', async () => {
    const old = item({ publishedAt: NOW - 200 * DAY });
    const starred = item({ publishedAt: NOW - 200 * DAY });
    const recent = item({ publishedAt: NOW - 10 * DAY });
    storage.articles.upsertFeedItems(feedId, [old, starred], NOW - 200 * DAY);
    storage.articles.upsertFeedItems(feedId, [recent], NOW - 10 * DAY);
    storage.articles.setStarred(starred.id, true);
    const oldImage = await withImage(old.id, 1);
    const starredImage = await withImage(starred.id, 2);

    const result = await applyRetention(storage.db, images, 90, NOW);
    expect(result).toMatchObject({ articlesDeleted: 1, imagesDeleted: 1 });
    expect(result.bytesFreed).toBeGreaterThan(0);
    expect(storage.articles.get(old.id)).toBeNull();
    expect(storage.articles.get(starred.id)).not.toBeNull();
    expect(storage.articles.get(recent.id)).not.toBeNull();
    expect(existsSync(images.path(oldImage))).toBe(false);
    expect(existsSync(images.path(starredImage))).toBe(true);

    // The feed still lists the old item: it must not come back as new.
    expect(storage.articles.upsertFeedItems(feedId, [old, starred, recent], NOW).newIds).toEqual([]);
  });

  it('keeps everything when set to forever, but still removes unreferenced images', async () => {
    const old = item({ publishedAt: NOW - 5000 * DAY });
    storage.articles.upsertFeedItems(feedId, [old], NOW - 5000 * DAY);
    const { hash, size } = await images.put(makePng(2, 2, [9, 9, 9]), 'image/png');
    storage.articles.recordImage(hash, 'image/png', size, NOW);
    expect(await applyRetention(storage.db, images, null, NOW)).toMatchObject({ articlesDeleted: 0, imagesDeleted: 1 });
    expect(storage.articles.get(old.id)).not.toBeNull();
  });

  it('never deletes an article with a draft, whatever its state; a deleted draft protects nothing', async () => {
    const [drafted, sent, discarded] = [1, 2, 3].map(() => item({ publishedAt: NOW - 200 * DAY }));
    storage.articles.upsertFeedItems(feedId, [drafted!, sent!, discarded!], NOW - 200 * DAY);
    const draft = (articleId: string) => storage.drafts.create({
      articleId, articleTitle: 'Old', articleUrl: null, feedTitle: 'Feed', replyTo: null, body: 'Text', name: '', email: '', website: '',
    });
    draft(drafted!.id);
    const sentDraft = draft(sent!.id);
    storage.drafts.beginAttempt(sentDraft, 'k', process.pid);
    storage.drafts.finishAttempt(sentDraft, 'k', { state: 'sent', message: null, commentUrl: null, checkBeforePost: false });
    storage.drafts.softDelete(draft(discarded!.id));
    expect(await applyRetention(storage.db, images, 90, NOW)).toMatchObject({ articlesDeleted: 1 });
    expect(storage.articles.get(drafted!.id)).not.toBeNull();
    expect(storage.articles.get(sent!.id)).not.toBeNull();
    expect(storage.articles.get(discarded!.id)).toBeNull();
  });

  it('keeps an image that another article still shows', async () => {
    const [a, b] = [item({ publishedAt: NOW - 200 * DAY }), item({ publishedAt: NOW })];
    storage.articles.upsertFeedItems(feedId, [a], NOW - 200 * DAY);
    storage.articles.upsertFeedItems(feedId, [b], NOW);
    const shared = await withImage(a.id, 7);
    expect(await withImage(b.id, 7)).toBe(shared);
    await applyRetention(storage.db, images, 90, NOW);
    expect(existsSync(images.path(shared))).toBe(true);
  });
});
