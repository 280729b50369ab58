// A photo essay keeps every picture: "the year in pictures" shows forty or more, and each one the
// sync leaves out is a hole the reader can never fill offline. Real servers on loopback.
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { openCore, type PaperboyCore } from '../../electron/core';
import { makePng } from '../support/images';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';

const PHOTOS = 48;

let site: TestServer;
let core: PaperboyCore | null = null;

beforeAll(async () => {
  site = await TestServer.start();
  const figures = Array.from({ length: PHOTOS }, (_, i) =>
    `<figure><img src="/photos/${i}.png" alt="Photo ${i}"><figcaption>The harbour in month ${i % 12}, photographed for the year's review.</figcaption></figure>`).join('\n');
  site.serve('/year-in-pictures.html', {
    body: `<!doctype html><html><head><title>The year in pictures</title></head><body><article><h1>The year in pictures</h1><p>Our photographers looked back at a year on the waterfront, from the winter storms to the summer regatta.</p>${figures}</article></body></html>`,
    type: 'text/html; charset=utf-8',
  });
  site.fallback((req, res) => {
    // Each photo its own bytes: the cache keeps files by their content.
    const n = Number(/\/photos\/(\d+)\.png$/.exec(req.url ?? '')?.[1] ?? -1);
    if (n < 0) res.writeHead(404).end();
    else res.writeHead(200, { 'content-type': 'image/png' }).end(makePng(4, 4, [n, 100, 200]));
  });
  site.serve('/feed.xml', {
    body: `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Photos</title><link>${site.origin}/</link><item><title>The year in pictures</title><link>${site.url('/year-in-pictures.html')}</link><guid>year-2026</guid><description>A year on the waterfront.</description></item></channel></rss>`,
    type: 'application/rss+xml',
  });
});
afterAll(() => site.stop());
afterEach(async () => {
  await core?.close();
  core = null;
  removeTempDirs();
});

it('keeps every picture of a photo essay', async () => {
  core = openCore({ dataDir: tempDir(), workers: 1, welcome: false });
  const feedId = (await core.api.addFeed(site.url('/feed.xml'))).feed.id;
  const summary = await core.api.sync();
  expect(summary.imagesFetched).toBe(PHOTOS);
  const [essay] = (await core.api.listArticles({ filter: { kind: 'feed', feedId }, limit: 1 })).articles;
  const html = (await core.api.getArticle(essay!.id))!.html;
  expect(html.match(/src="paperboy-cache:\/\/[0-9a-f]{64}"/g)).toHaveLength(PHOTOS);
  expect(html).not.toContain('data-original-src');
});
