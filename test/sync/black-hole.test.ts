// A host that accepts connections and never answers (a black hole) costs one request and one
// short wait for response headers per sync: the client gives up on a GET whose headers do not
// come in time, the host is remembered as failed, and its other requests never leave. Its
// images' articles are stored without them, and the sync's summary says why. A real black-hole
// server on loopback.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type PaperboyCore } from '../../electron/core';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';
import { blackHole } from '../http/helpers';

const ARTICLES = 10;
const IMAGES_PER_ARTICLE = 3;

let site: TestServer;
let hole: Awaited<ReturnType<typeof blackHole>>;
let core: PaperboyCore | null = null;

beforeAll(async () => {
  site = await TestServer.start();
  hole = await blackHole('127.0.0.5');
  const items = Array.from({ length: ARTICLES }, (_, i) => {
    const images = Array.from({ length: IMAGES_PER_ARTICLE }, (_, n) => `<img src="${hole.origin}/photos/${i}-${n}.jpg" alt="">`).join('');
    site.serve(`/news/${i}.html`, {
      body: `<!doctype html><html><head><title>Story ${i}</title></head><body><article><h1>Story ${i}</h1><p>The harbour council met on Tuesday to agree the budget for the coming year, after a long debate about the bridge.</p>${images}</article></body></html>`,
      type: 'text/html; charset=utf-8',
    });
    return `<item><title>Story ${i}</title><link>${site.url(`/news/${i}.html`)}</link><guid>hole-${i}</guid><description><![CDATA[<p>Story ${i} in brief.</p>${images}]]></description></item>`;
  });
  site.serve('/feed.xml', { body: `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour News</title><link>${site.origin}/</link>${items.join('')}</channel></rss>`, type: 'application/rss+xml' });
});
afterAll(async () => {
  await Promise.all([site.stop(), hole.stop()]);
});
afterEach(async () => {
  await core?.close();
  core = null;
  removeTempDirs();
});

describe('a host that accepts connections and never answers', () => {
  it('gets one request in the sync; its articles are stored with holes for its images, and the summary says why', async () => {
    core = openCore({ dataDir: tempDir(), workers: 1, welcome: false, firstByteTimeoutMs: 300 });
    const feedId = (await core.api.addFeed(site.url('/feed.xml'))).feed.id;

    const summary = await core.api.sync();

    expect(hole.connections()).toBe(1);
    const host = new URL(hole.origin).host;
    expect(summary.warnings).toEqual([`${host} unreachable (no response within 0.3 s): ${ARTICLES * IMAGES_PER_ARTICLE - 1} images skipped, tried again next sync`]);
    const { articles } = await core.api.listArticles({ filter: { kind: 'feed', feedId }, limit: 100 });
    const stored = await Promise.all(articles.map(async (a) => (await core!.api.getArticle(a.id))!));
    expect(stored.map((a) => a.fullTextState)).toEqual(Array(ARTICLES).fill('done'));
    for (const article of stored) {
      expect(article.html).toContain('The harbour council met on Tuesday');
      expect(article.html.match(new RegExp(`data-original-src="${hole.origin}/photos/`, 'g'))).toHaveLength(IMAGES_PER_ARTICLE);
    }
  });
});
