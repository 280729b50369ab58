// A full sync streams each image into the cache (incoming-image.ts): a photo that arrives whole
// is stored under its hash, while one cut off half-way, one that never ends and an error page
// served as an image leave nothing in the images folder, no temp file either, and the article
// keeps their addresses for the next sync.
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { IMAGES_FOLDER } from '../../electron/core';
import { Core } from '../../electron/core/core';
import { writeForever } from '../http/helpers';
import { rssFeed } from '../support/hostile-sync';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';

let server: TestServer;
let core: Core;

/** A photo as a news site serves it: a JPEG signature, then incompressible bytes. */
const photo = (bytes: number): Buffer => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(bytes - 4)]);
const whole = photo(700 * 1024);

beforeEach(async () => {
  server = await TestServer.start();
  const images = ['whole', 'cut', 'endless', 'error-page'].map((name) => `<img src="${server.url(`/img/${name}.jpg`)}" alt="${name}">`).join('');
  const item = `<item><title>Storm closes the coast road</title><guid>storm-1</guid><link>${server.url('/story')}</link>
    <description><![CDATA[<p>The coast road is closed after the storm washed part of it into the sea, the council said.</p>${images}]]></description></item>`;
  server.serve('/feed.xml', { body: rssFeed('Coast news', [item]), type: 'application/rss+xml' });
  server.serve('/story', { body: '<html><body><div id="app"></div></body></html>', type: 'text/html' });
  // In two parts, as a large photo comes over a real network.
  server.route('/img/whole.jpg', (_req, res) => {
    res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': whole.length });
    res.write(whole.subarray(0, 300 * 1024), () => setTimeout(() => res.end(whole.subarray(300 * 1024)), 20));
  });
  server.route('/img/cut.jpg', (req, res) => {
    const bytes = photo(400 * 1024);
    res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': bytes.length });
    res.write(bytes.subarray(0, 250 * 1024), () => setTimeout(() => req.socket.destroy(), 20));
  });
  server.route('/img/endless.jpg', (_req, res) => {
    res.writeHead(200, { 'content-type': 'image/jpeg' });
    res.write(photo(64 * 1024));
    writeForever(res, randomBytes(64 * 1024));
  });
  server.serve('/img/error-page.jpg', { body: '<!doctype html><title>Image not found</title><p>Sorry.</p>', type: 'image/jpeg' });
  core = new Core({ dataDir: tempDir(), workers: 1, welcome: false });
});

afterEach(async () => {
  await core.close();
  await server.stop();
  removeTempDirs();
});

it('stores the photo that arrived whole and nothing of the broken ones, leaving no temp file', async () => {
  await core.api.addFeed(server.url('/feed.xml'));
  const summary = await core.api.sync();
  expect(summary).toMatchObject({ articlesFetched: 1, imagesFetched: 1 });

  const hash = createHash('sha256').update(whole).digest('hex');
  const files = readdirSync(path.join(core.dataDir, IMAGES_FOLDER), { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  expect(files.map((file) => file.name)).toEqual([hash]);

  const { articles } = await core.api.listArticles({ filter: { kind: 'all' } });
  const html = (await core.api.getArticle(articles[0]!.id))!.html;
  expect(html).toContain(`src="paperboy-cache://${hash}"`);
  for (const name of ['cut', 'endless', 'error-page']) expect(html).toContain(`data-original-src="${server.url(`/img/${name}.jpg`)}"`);
});
