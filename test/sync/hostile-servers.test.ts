// Servers that misbehave, seen from a whole sync: each ends in a clear per-feed error (or a
// correct sync), the other feeds unaffected, nothing already stored lost.
import iconv from 'iconv-lite';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type PaperboyCore } from '../../electron/core';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';

let server: TestServer;
let core: PaperboyCore;

beforeAll(async () => {
  server = await TestServer.start();
});
afterAll(() => server.stop());
beforeEach(() => {
  core = openCore({ dataDir: tempDir(), workers: 1, welcome: false, timeoutMs: 500, limits: { feedBytes: 64 * 1024, pageBytes: 64 * 1024, imageBytes: 64 * 1024, imagesPerArticle: 5 } });
});
afterEach(async () => {
  await core.close();
  removeTempDirs();
});

function rss(title: string, items: string[] = []): string {
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>${title}</title><link>${server.origin}/</link>${items.join('')}</channel></rss>`;
}

/** Subscribes without the network (as an OPML import does), so the first sync meets the server. */
async function subscribe(path: string): Promise<number> {
  await core.api.importOpml(`<opml version="2.0"><body><outline type="rss" xmlUrl="${server.url(path)}"/></body></opml>`);
  return (await core.api.listFeeds()).find((feed) => feed.url === server.url(path))!.id;
}

async function reasonFor(feedId: number): Promise<string | undefined> {
  return (await core.api.listFeeds()).find((feed) => feed.id === feedId)?.lastError ?? undefined;
}

describe('a sync among misbehaving servers', () => {
  it('gives each broken feed its own clear reason while the good one syncs', async () => {
    server.serve('/good.xml', { body: rss('Good', ['<item><title>Fine</title><guid>g1</guid></item>']), type: 'application/rss+xml' });
    server.route('/slow.xml', () => undefined); // accepts and never answers
    server.serve('/huge.xml', { body: rss('Huge', [`<item><title>${'x'.repeat(200_000)}</title></item>`]), type: 'application/rss+xml' });
    server.serve('/empty.xml', { body: '', type: 'application/rss+xml' });
    server.serve('/binary.xml', { body: Buffer.from([0, 159, 146, 150, 0, 1, 2, 3, 255, 254]), type: 'application/rss+xml' });
    server.redirect('/loop-a.xml', '/loop-b.xml');
    server.redirect('/loop-b.xml', '/loop-a.xml');
    const ids = {
      good: await subscribe('/good.xml'),
      slow: await subscribe('/slow.xml'),
      huge: await subscribe('/huge.xml'),
      empty: await subscribe('/empty.xml'),
      binary: await subscribe('/binary.xml'),
      loop: await subscribe('/loop-a.xml'),
    };
    const summary = await core.api.sync();
    expect(summary).toMatchObject({ feedsTotal: 6, feedsFailed: 5, newArticles: 1 });
    expect(await reasonFor(ids.good)).toBeUndefined();
    expect(await reasonFor(ids.slow)).toMatch(/timed out/);
    expect(await reasonFor(ids.huge)).toMatch(/too large/);
    expect(await reasonFor(ids.empty)).toMatch(/empty/);
    expect(await reasonFor(ids.binary)).toMatch(/not a feed/);
    expect(await reasonFor(ids.loop)).toMatch(/redirect loop/);
  });

  it('follows a moved feed and stores it', async () => {
    server.serve('/new-home.xml', { body: rss('Moved', ['<item><title>Here now</title><guid>m1</guid></item>']), type: 'application/rss+xml' });
    server.redirect('/old-home.xml', '/new-home.xml', 301);
    const feedId = await subscribe('/old-home.xml');
    expect((await core.api.sync()).newArticles).toBe(1);
    expect((await core.api.listArticles({ filter: { kind: 'feed', feedId } })).articles[0]?.title).toBe('Here now');
  });

  it('reads a windows-1251 feed that says so only in its XML declaration', async () => {
    const xml = `<?xml version="1.0" encoding="windows-1251"?><rss version="2.0"><channel><title>Новости</title><link>${server.origin}/</link>
      <item><title>Переговоры продолжаются</title><guid>ru-1</guid><description>Москва и Брюссель</description></item></channel></rss>`;
    server.serve('/ru.xml', { body: iconv.encode(xml, 'windows-1251'), type: 'application/xml' });
    const feedId = await subscribe('/ru.xml');
    await core.api.sync({ feedsOnly: true });
    expect((await core.api.listFeeds()).find((f) => f.id === feedId)?.title).toBe('Новости');
    const [article] = (await core.api.listArticles({ filter: { kind: 'feed', feedId } })).articles;
    expect(article).toMatchObject({ title: 'Переговоры продолжаются', snippet: 'Москва и Брюссель' });
    expect((await core.api.search('Брюссель')).map((hit) => hit.id)).toEqual([article!.id]);
  });

  it('never adds an undated, guid-less item twice, even when the feed around it changes', async () => {
    const undated = '<item><title>No date, no guid</title><link>http://127.0.0.1/undated</link></item>';
    server.serve('/undated.xml', { body: rss('Undated', [undated]), type: 'application/rss+xml' });
    const feedId = await subscribe('/undated.xml');
    expect((await core.api.sync({ feedsOnly: true })).newArticles).toBe(1);
    const [first] = (await core.api.listArticles({ filter: { kind: 'feed', feedId } })).articles;
    server.serve('/undated.xml', { body: rss('Undated, retitled', [undated, '<item><title>Second</title><guid>s2</guid></item>']), type: 'application/rss+xml' });
    expect((await core.api.sync({ feedsOnly: true })).newArticles).toBe(1);
    const after = (await core.api.listArticles({ filter: { kind: 'feed', feedId } })).articles;
    expect(after.find((a) => a.id === first!.id)?.publishedAt).toBe(first!.publishedAt);
  });

  it('keeps what was stored when a feed later turns into garbage', async () => {
    server.serve('/turns.xml', { body: rss('Turns', ['<item><title>Kept</title><guid>k1</guid></item>']), type: 'application/rss+xml' });
    const feedId = await subscribe('/turns.xml');
    await core.api.sync({ feedsOnly: true });
    server.serve('/turns.xml', { body: '<rss version="2.0"><channel><title>Trunc', type: 'application/rss+xml' });
    await core.api.sync({ feedsOnly: true });
    expect(await reasonFor(feedId)).toMatch(/malformed|not a feed/);
    expect((await core.api.listArticles({ filter: { kind: 'feed', feedId } })).articles.map((a) => a.title)).toEqual(['Kept']);
  });
});
