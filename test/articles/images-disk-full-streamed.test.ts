// Images streamed into the cache while the disk fills (test/support/filling-disk.ts: no mount
// needed). A photo arrives faster than the disk takes it, so its last bytes are handed over
// while earlier writes are still queued; when those fail, the failure used to be left in a
// promise nobody waited for: an unhandled rejection, which ended the sync (a raw DiskFullError
// stack trace, exit 1, no summary). Now the image, and the sync, say "disk full" and go on.
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IMAGES_FOLDER } from '../../electron/core';
import { ImageCache } from '../../electron/core/articles';
import { Core } from '../../electron/core/core';
import { DiskFullError } from '../../electron/core/system/disk-full';
import { FillingDisk } from '../support/filling-disk';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';

const KB = 1024;
/** A photo as a news site serves it: a JPEG signature, then incompressible bytes. */
const photo = (bytes: number): Buffer => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(bytes - 4)]);

let disk: FillingDisk | null = null;
const unhandled: unknown[] = [];
const noteUnhandled = (reason: unknown) => unhandled.push(reason);

beforeEach(() => {
  unhandled.length = 0;
  process.on('unhandledRejection', noteUnhandled);
});
afterEach(() => {
  disk?.restore();
  disk = null;
  process.off('unhandledRejection', noteUnhandled);
  removeTempDirs();
});

/** Unhandled rejections are reported once the promises settled: after the next turn of the loop. */
async function unhandledRejections(): Promise<unknown[]> {
  await new Promise((resolve) => setTimeout(resolve, 20));
  return unhandled;
}

const filesIn = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => entry.name);

describe('the image cache', () => {
  it('a photo whose last bytes arrive before the disk refused the first: "disk full", no file left, nothing unhandled', async () => {
    const dir = tempDir();
    disk = await FillingDisk.install(100 * KB, tempDir());
    const cache = new ImageCache(dir);
    const image = cache.incoming();
    const bytes = photo(300 * KB);
    // As the HTTP body reader hands them over: each chunk at once while write() asks for no wait.
    for (let at = 0; at < bytes.length; at += 64 * KB) expect(image.write(bytes.subarray(at, at + 64 * KB))).toBeNull();

    const error = await image.store('image/jpeg').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DiskFullError);
    expect((error as Error).message).toBe(`disk full: no space left for images in ${dir}`);
    expect(await unhandledRejections()).toEqual([]);
    expect(filesIn(dir)).toEqual([]);
  });
});

describe('a sync', () => {
  const POSTS = 6;
  const IMAGES_PER_POST = 3;
  let server: TestServer;
  let core: Core;

  beforeEach(async () => {
    server = await TestServer.start();
    const items = Array.from({ length: POSTS }, (_, post) => `<item><title>Flood photos, part ${post + 1}</title><guid isPermaLink="false">flood-${post}</guid>
      <link>${server.url(`/2024/05/flood-photos-${post}/`)}</link><description><![CDATA[Photos from the flooded valley.]]></description></item>`);
    server.serve('/feed/', { body: `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Valley Times</title><link>${server.url('/')}</link>${items.join('')}</channel></rss>`, type: 'application/rss+xml; charset=UTF-8' });
    for (let post = 0; post < POSTS; post++) {
      const figures = Array.from({ length: IMAGES_PER_POST }, (_, n) => `<figure><img src="${server.url(`/uploads/flood-${post}-${n}.jpg`)}" alt="The valley"><figcaption>Photo ${n + 1}</figcaption></figure>`);
      const paragraphs = Array.from({ length: 5 }, (_, n) => `<p>Part ${post + 1}, paragraph ${n + 1}: the river rose two metres overnight and the road to the upper villages is closed; volunteers are filling sandbags at the school.</p>`);
      server.serve(`/2024/05/flood-photos-${post}/`, { body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Flood photos, part ${post + 1}</title></head><body><article><h1>Flood photos, part ${post + 1}</h1>${paragraphs.slice(0, 2).join('')}${figures.join('')}${paragraphs.slice(2).join('')}</article></body></html>`, type: 'text/html; charset=UTF-8' });
      for (let n = 0; n < IMAGES_PER_POST; n++) server.serve(`/uploads/flood-${post}-${n}.jpg`, { body: photo(300 * KB + post * 100 + n), type: 'image/jpeg' });
    }
    core = new Core({ dataDir: tempDir(), workers: 1, welcome: false });
  });
  afterEach(async () => {
    await core.close();
    await server.stop();
  });

  it('that fills the disk with photos ends with its "disk full" warning and summary; the next, with room, completes', async () => {
    await core.api.addFeed(server.url('/feed/'));
    // Room for about two posts' photos.
    disk = await FillingDisk.install(2000 * KB, tempDir());
    const message = `disk full: no space left for images in ${path.join(core.dataDir, IMAGES_FOLDER)}`;

    const full = await core.api.sync();
    expect(full.warnings).toEqual([message]);
    expect(full).toMatchObject({ feedsFailed: 0, articlesQueued: POSTS, cancelled: false });
    expect(full.articlesFetched).toBeLessThan(POSTS);
    expect(await unhandledRejections()).toEqual([]);
    const { articles } = await core.api.listArticles({ filter: { kind: 'all' } });
    expect(articles).toHaveLength(POSTS);
    const waiting = [];
    for (const { id } of articles) {
      const article = (await core.api.getArticle(id))!;
      if (article.fullTextState === 'pending') waiting.push(article.fullTextError);
      else expect(article.html.match(/src="paperboy-cache:\/\//g)).toHaveLength(IMAGES_PER_POST);
    }
    expect(waiting).toEqual(Array(POSTS - full.articlesFetched).fill(message));
    expect(filesIn(path.join(core.dataDir, IMAGES_FOLDER)).filter((name) => name.endsWith('.tmp'))).toEqual([]);

    disk.grow(64 * 1024 * KB);
    const after = await core.api.sync();
    expect(after).toMatchObject({ warnings: [], articlesFetched: POSTS - full.articlesFetched });
    for (const { id } of articles) expect((await core.api.getArticle(id))?.fullTextState).toBe('done');
  });
});
