// The sample the app was designed around: a WordPress news article with its feed, its comment
// feed and its images, subscribed to by the article's own address (autodiscovery).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type PaperboyCore } from '../../electron/core';
import { fixtureText } from '../support/fixtures';
import { makePng } from '../support/images';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';

const POST = '/2022/01/13/nato-is-in-security-dialogue-with-russia/';

let site: TestServer;
let core: PaperboyCore;

beforeAll(async () => {
  site = await TestServer.start();
  const html = { type: 'text/html; charset=UTF-8' };
  site.serve(POST, { ...html, body: fixtureText('seed/article.html', site.origin) });
  site.serve('/feed/', { type: 'application/rss+xml; charset=UTF-8', body: fixtureText('seed/feed.xml', site.origin), etag: true });
  site.serve(`${POST}feed/`, { type: 'application/rss+xml; charset=UTF-8', body: fixtureText('seed/comments-feed.xml', site.origin) });
  site.serve('/wp-content/uploads/2022/01/nato-brussels.png', { type: 'image/png', body: makePng(120, 68, [20, 60, 140]) });
  site.serve('/wp-content/uploads/2022/01/grushko-geneva-1024x683.jpg', { type: 'image/jpeg', body: makePng(100, 66, [140, 60, 20]) });
  site.serve('/favicon.ico', { type: 'image/png', body: makePng(16, 16, [200, 0, 0]) });
  core = openCore({ dataDir: tempDir(), workers: 1, welcome: false });
});
afterAll(async () => {
  await core.close();
  await site.stop();
  removeTempDirs();
});

describe('the seed article', () => {
  it('is found from the article page, stored whole with its images, and readable offline', async () => {
    const added = await core.api.addFeed(site.url(POST));
    expect(added.feed.url).toBe(site.url('/feed/'));
    expect(added.feed.title).toBe('The Evening Dispatch');
    expect(added.feed.iconUrl).toMatch(/^paperboy-cache:\/\//);

    const summary = await core.api.sync();
    expect(summary).toMatchObject({ feedsFailed: 0, articlesFetched: 1 });
    const [listed] = (await core.api.listArticles({ filter: { kind: 'all' } })).articles;
    expect(listed).toMatchObject({ title: 'NATO is in security dialogue with Russia, despite the main differences', author: 'Newsroom', commentCount: 0 });

    await site.stop(); // from here on, no network
    const article = (await core.api.getArticle(listed!.id))!;
    expect(article).toMatchObject({ contentSource: 'page', fullTextState: 'done', categories: ['World'] });
    expect(article.commentFeedUrl).toBe(site.url(`${POST}feed/`));
    // All of the text, including the last paragraph that the feed's excerpt does not carry...
    expect(article.html).toContain('Stoltenberg');
    expect(article.html).toContain('they are just normal training practices');
    // ...but none of the page around it.
    expect(article.html).not.toMatch(/<form|<script|Leave a Reply|ads\.example/);
    // Both pictures (the lazy-loaded one too) come from the cache.
    expect(article.html.match(/src="paperboy-cache:\/\/[0-9a-f]{64}"/g)).toHaveLength(2);
    expect(article.leadImage).toMatch(/^paperboy-cache:\/\//);
    expect((await core.api.search('Grushko')).map((hit) => hit.id)).toEqual([article.id]);
  });
});
