// The CLI as a person runs it: a real process over a real data folder and a loopback site.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NewsSite } from '../support/news-site';
import { paperboy } from '../support/processes';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';

let site: NewsSite;
beforeAll(async () => {
  site = await NewsSite.start({ feeds: 2, itemsPerFeed: 3 });
});
afterAll(async () => {
  await site.stop();
  removeTempDirs();
});

describe('paperboy CLI', () => {
  it('adds a feed, syncs it for offline reading and prints a summary line', async () => {
    const data = tempDir();
    const added = await paperboy('add', site.feedUrl(0), '--data', data);
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/Subscribed to "Generated feed 0"/);
    const synced = await paperboy('sync', '--data', data);
    expect(synced.code).toBe(0);
    expect(synced.stdout).toMatch(/Synced 1 of 1 feeds: 0 new, 0 updated; 3 articles and 6 images saved for offline reading/);
  });

  it('syncs the subscription --feed names and honours --no-fulltext', async () => {
    const data = tempDir();
    await paperboy('add', site.feedUrl(1), '--data', data);
    const run = await paperboy('sync', '--data', data, '--feed', site.feedUrl(1), '--no-fulltext');
    expect(run.code).toBe(0);
    const list = await paperboy('call', 'listArticles', '[{"filter":{"kind":"feed","feedId":2}}]', '--data', data);
    const page = JSON.parse(list.stdout) as { articles: { id: string }[] };
    expect(page.articles).toHaveLength(3);
    const article = await paperboy('call', 'getArticle', JSON.stringify([page.articles[0]!.id]), '--data', data);
    expect(JSON.parse(article.stdout)).toMatchObject({ fullTextState: 'skipped', contentSource: 'feed' });
  });

  it('calls any API method and prints JSON; bad arguments fail with a reason', async () => {
    const data = tempDir();
    const feeds = await paperboy('call', 'listFeeds', '--data', data);
    expect(feeds.code).toBe(0);
    expect(JSON.parse(feeds.stdout)).toEqual([expect.objectContaining({ title: 'Welcome to Paperboy' })]);
    const bad = await paperboy('call', 'getArticle', '["not-an-id"]', '--data', data);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/invalid arguments for getArticle/);
  });

  it('reaches the drafts API like any other method: a draft saved in one run is there in the next', async () => {
    const data = tempDir();
    const list = await paperboy('call', 'listArticles', '[{"filter":{"kind":"all"}}]', '--data', data);
    const seed = (JSON.parse(list.stdout) as { articles: { id: string; title: string }[] }).articles.find((a) => a.title.startsWith('NATO'))!;
    const saved = await paperboy('call', 'saveDraft', JSON.stringify([{ articleId: seed.id, body: 'Written in a terminal.', name: 'Jo' }]), '--data', data);
    expect(saved.code).toBe(0);
    expect(JSON.parse(saved.stdout)).toMatchObject({ state: 'draft', canSend: false, articleTitle: seed.title });
    const drafts = await paperboy('call', 'getDrafts', '--data', data);
    expect(JSON.parse(drafts.stdout)).toEqual([expect.objectContaining({ body: 'Written in a terminal.', name: 'Jo' })]);
    const exported = await paperboy('call', 'exportDrafts', '["markdown"]', '--data', data);
    expect(JSON.parse(exported.stdout)).toMatch(/^# Paperboy drafts[\s\S]*Written in a terminal\.\n$/);
  });

  it('exits non-zero when nothing synced', async () => {
    const data = tempDir();
    const empty = await paperboy('sync', '--data', data);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/No feeds yet/);
    const opml = path.join(data, 'dead.opml');
    writeFileSync(opml, `<?xml version="1.0"?><opml version="2.0"><head/><body><outline text="Dead" type="rss" xmlUrl="${site.server.url('/no-such-feed.xml')}"/></body></opml>`);
    expect((await paperboy('import', opml, '--data', data)).stdout).toMatch(/Imported 1 feed\./);
    const failed = await paperboy('sync', '--data', data);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/failed: .*no-such-feed\.xml: HTTP 404/);
  });

  it('says a feed whose server asked to wait is waiting, not failed, and syncs it when asked for by name', async () => {
    const busy = await TestServer.start();
    try {
      busy.serve('/feed/', { status: 429, body: 'Rate limit exceeded. Please retry later.', type: 'text/plain', headers: { 'retry-after': '3600' } });
      const data = tempDir();
      await paperboy('add', site.feedUrl(0), '--data', data);
      await paperboy('call', 'importOpml', JSON.stringify([`<opml version="2.0"><body><outline type="rss" text="Busy" xmlUrl="${busy.url('/feed/')}"/></body></opml>`]), '--data', data);
      const first = await paperboy('sync', '--data', data, '--no-fulltext', '--no-images');
      expect(first.stderr).toContain(`waiting: ${busy.url('/feed/')}: too many requests (HTTP 429), retry after 3600 s`);
      expect(first.stdout).toMatch(/^Synced 1 of 2 feeds \(1 waiting for the server\): /);
      expect(first.code).toBe(0);

      const again = await paperboy('sync', '--data', data, '--no-fulltext', '--no-images');
      expect(again.code).toBe(0);
      expect(again.stderr).toMatch(new RegExp(`^waiting: ${busy.url('/feed/')}: the server asked to wait \\((about 1 hour|59 minutes) left\\)$`, 'm'));
      expect(again.stderr).not.toContain('failed:');
      expect(again.stdout).toMatch(/^Synced 1 of 2 feeds \(1 waiting for the server\): /);
      expect(busy.requestsFor('/feed/')).toHaveLength(1);

      const named = await paperboy('sync', '--feed', busy.url('/feed/'), '--data', data, '--no-fulltext', '--no-images');
      expect(busy.requestsFor('/feed/')).toHaveLength(2);
      expect(named.stderr).toContain(`waiting: ${busy.url('/feed/')}: too many requests (HTTP 429)`);
    } finally {
      await busy.stop();
    }
  });

  it('exports subscriptions as OPML', async () => {
    const data = tempDir();
    await paperboy('add', site.feedUrl(0), '--data', data);
    const run = await paperboy('export', '--data', data);
    expect(run.stdout).toContain('<opml version="2.0">');
    expect(run.stdout).toContain(`xmlUrl="${site.feedUrl(0)}"`);
  });
});
