// The images folder lost (deleted by hand, a disk cleaner, a restore of a backup without images):
// issue 14, item 18. The export says so instead of a quiet "0 images", and the next sync fetches
// the images the stored articles show again, even one whose bytes changed on the site since.
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashOfCacheUrl } from '../../shared/cache-url';
import { describeContents } from '../../electron/core/backup/app-restore';
import { IMAGES_FOLDER } from '../../electron/core';
import { Core } from '../../electron/core/core';
import { rssFeed } from '../support/hostile-sync';
import { makePng } from '../support/images';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';

let server: TestServer;
let core: Core;

const story = (n: number) => `<!DOCTYPE html><html><head><title>Ferry ${n}</title></head><body><article><h1>Ferry ${n}</h1>
  ${'<p>The ferry to the islands runs again from Monday, the harbour master said, after the repairs to the quay were finished.</p>'.repeat(4)}
  <figure><img src="/img/quay-${n}.png" alt="The quay"><figcaption>The quay.</figcaption></figure><figure><img src="/img/boat.png" alt="The boat"></figure></article></body></html>`;

beforeEach(async () => {
  server = await TestServer.start();
  const items = [0, 1].map((n) => `<item><title>Ferry ${n}</title><guid>ferry-${n}</guid><link>${server.url(`/story/${n}`)}</link></item>`);
  server.serve('/feed.xml', { body: rssFeed('Harbour news', items), type: 'application/rss+xml' });
  for (const n of [0, 1]) {
    server.serve(`/story/${n}`, { body: story(n), type: 'text/html' });
    server.serve(`/img/quay-${n}.png`, { body: makePng(4, 4, [n * 90, 60, 120]), type: 'image/png' });
  }
  server.serve('/img/boat.png', { body: makePng(5, 5, [10, 20, 30]), type: 'image/png' });
  core = new Core({ dataDir: tempDir(), workers: 1, welcome: false });
});

afterEach(async () => {
  await core.close();
  await server.stop();
  removeTempDirs();
});

/** Each article's cached image files, and whether each is on disk. */
async function cachedFiles(): Promise<boolean[]> {
  const { articles } = await core.api.listArticles({ filter: { kind: 'all' } });
  const files: boolean[] = [];
  for (const summary of articles) {
    const html = (await core.api.getArticle(summary.id))!.html;
    for (const [, url] of html.matchAll(/src="(paperboy-cache:\/\/[0-9a-f]{64})"/g)) files.push(existsSync(core.images.path(hashOfCacheUrl(url!)!)));
  }
  return files;
}

describe('a lost images folder', () => {
  it('is named by the export, and the next sync fetches every image again', async () => {
    await core.api.addFeed(server.url('/feed.xml'));
    // The boat both articles show is fetched once.
    expect(await core.api.sync()).toMatchObject({ articlesFetched: 2, imagesFetched: 3 });
    expect(await cachedFiles()).toEqual([true, true, true, true]);
    const whole = await core.exportData(path.join(tempDir(), 'whole.db'));
    expect(whole).toMatchObject({ images: 3, missingImages: 0 });
    expect(describeContents(whole)).not.toContain('warning');

    rmSync(path.join(core.dataDir, IMAGES_FOLDER), { recursive: true, force: true });
    const partial = await core.exportData(path.join(tempDir(), 'partial.db'));
    expect(partial).toMatchObject({ images: 0, missingImages: 3 });
    expect(describeContents(partial)).toBe(
      '1 feed, 2 articles, 0 drafts, 0 images (warning: 3 more that articles show are missing from the images folder; the next sync fetches them again)',
    );

    // One picture changed on the site meanwhile: the article points at its new bytes.
    server.serve('/img/quay-1.png', { body: makePng(6, 6, [250, 250, 0]), type: 'image/png' });
    const before = server.requests.length;
    expect(await core.api.sync()).toMatchObject({ articlesFetched: 0, imagesFetched: 3 });
    expect(server.requests.slice(before).map((r) => r.path).filter((p) => p.startsWith('/img/')).sort()).toEqual([
      '/img/boat.png', '/img/quay-0.png', '/img/quay-1.png',
    ]);
    expect(await cachedFiles()).toEqual([true, true, true, true]);

    // Nothing lost: the sync after fetches no image.
    const after = server.requests.length;
    await core.api.sync();
    expect(server.requests.slice(after).filter((r) => r.path.startsWith('/img/'))).toEqual([]);
  });
});
