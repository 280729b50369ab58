// An article is stored the moment its feed is read, long before its images are cached (issue 14,
// item 9): after Add feed, a feeds-only sync, or a sync cancelled halfway. None of those copies
// may reach the reader with a remote <img src="http…">: without the CSP the reader would ask the
// sites for them. Those items are stored raw and sanitized when read, so what counts is what the
// API hands a page. The next full sync still finds and caches every image, and stores its copy sanitized.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Core } from '../../electron/core/core';
import { rssFeed } from '../support/hostile-sync';
import { makePng } from '../support/images';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';

let server: TestServer;
let core: Core;

const paragraph = '<p>The ferry to the islands runs again from Monday, the harbour master said, after the repairs to the quay.</p>';

beforeEach(async () => {
  server = await TestServer.start();
  const items = [0, 1, 2].map((n) => `<item><title>Ferry ${n}</title><guid>ferry-${n}</guid><link>${server.url(`/story/${n}`)}</link>
    <description><![CDATA[${paragraph}<img src="${server.url(`/img/${n}.png`)}" alt="Quay ${n}"><img src="/img/relative-${n}.png" srcset="/img/relative-${n}.png 1x">]]></description></item>`);
  server.serve('/feed.xml', { body: rssFeed('Harbour news', items), type: 'application/rss+xml' });
  for (let n = 0; n < 3; n++) {
    server.serve(`/img/${n}.png`, { body: makePng(4, 4, [n * 40, 90, 160]), type: 'image/png' });
    server.serve(`/img/relative-${n}.png`, { body: makePng(4, 4, [200, n * 40, 10]), type: 'image/png' });
    // No article text on the page: the feed's copy (and its images) is what is kept.
    server.serve(`/story/${n}`, { body: '<html><body><div id="app"></div></body></html>', type: 'text/html' });
  }
  core = new Core({ dataDir: tempDir(), workers: 1, welcome: false });
});

afterEach(async () => {
  await core.close();
  await server.stop();
  removeTempDirs();
});

/** Every stored article body that would make the reader load a remote image (once the
 *  article's copy is made, the row itself is what a page gets). */
function remoteImagesStored(): string[] {
  return core.storage.db
    .all<{ html: string }>('SELECT html FROM article_content')
    .flatMap(({ html }) => html.match(/<img\b[^>]*\ssrc="https?:[^"]*"/gi) ?? []);
}

async function storedBodies(): Promise<string[]> {
  const { articles } = await core.api.listArticles({ filter: { kind: 'all' } });
  return Promise.all(articles.map(async (summary) => (await core.api.getArticle(summary.id))!.html));
}

/** Every article body a page receives that would make the reader load a remote image. */
async function remoteImagesShown(): Promise<string[]> {
  return (await storedBodies()).flatMap((html) => html.match(/<img\b[^>]*\ssrc="https?:[^"]*"/gi) ?? []);
}

/** How many stored bodies are still raw feed HTML (sanitized when read). */
function rawRows(): number {
  return core.storage.db.value<number>('SELECT count(*) FROM article_content WHERE raw_base IS NOT NULL') ?? 0;
}

describe('articles not yet made offline', () => {
  it('hold no remote image after Add feed and after a feeds-only sync; a full sync caches every image', async () => {
    const { feed } = await core.api.addFeed(server.url('/feed.xml'));
    expect(await storedBodies()).toHaveLength(3);
    expect(await remoteImagesShown()).toEqual([]);
    // The rows are the feed's own HTML, remote images and all: only reading sanitizes them.
    expect(rawRows()).toBe(3);
    expect(remoteImagesStored()).toHaveLength(3);
    for (const html of await storedBodies()) expect(html.match(/data-original-src="http:\/\/127\.0\.0\.\d+:\d+\/img\/relative-\d\.png"/g)).toHaveLength(1);

    await core.api.sync({ feedIds: [feed.id], feedsOnly: true });
    expect(await remoteImagesShown()).toEqual([]);
    expect(server.requests.filter((r) => r.path.startsWith('/img/'))).toEqual([]);

    const summary = await core.api.sync();
    expect(summary).toMatchObject({ articlesFetched: 3, imagesFetched: 6 });
    for (const html of await storedBodies()) {
      expect(html.match(/src="paperboy-cache:\/\/[0-9a-f]{64}"/g)).toHaveLength(2);
      expect(html).not.toContain('data-original-src');
    }
    expect(rawRows()).toBe(0);
    expect(remoteImagesStored()).toEqual([]);
  });

  it('hold no remote image after a sync cancelled before their images were fetched', async () => {
    await core.api.addFeed(server.url('/feed.xml'));
    // The first page asked for cancels the sync: no article gets its images.
    for (let n = 0; n < 3; n++) {
      server.route(`/story/${n}`, (_req, res) => {
        void core.api.cancelSync().then(() => {
          res.writeHead(200, { 'content-type': 'text/html' });
          res.end('<html><body></body></html>');
        });
      });
    }
    expect(await core.api.sync()).toMatchObject({ cancelled: true });
    expect(await remoteImagesShown()).toEqual([]);
    expect(server.requests.filter((r) => r.path.startsWith('/img/'))).toEqual([]);
  });
});
