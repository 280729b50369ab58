// Comment feeds in a sync: read after the article's offline copy, threaded, sanitized, read again
// with conditional requests while the article is recent, and never a reason for a sync to fail.
import zlib from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Core } from '../../electron/core/core';
import { removeTempDirs, tempDir } from '../support/temp';
import { POST_PATH, WordPressSite } from '../support/wordpress';

const COMMENT_FEED = `${POST_PATH}feed/`;
/** A week after the seed post: it is recent, so its comments are read at every sync. */
const WEEK_AFTER = Date.parse('2022-01-20T12:00:00Z');

let site: WordPressSite;
let core: Core;

beforeEach(async () => {
  site = await WordPressSite.start();
});
afterEach(async () => {
  await core.close();
  await site.stop();
  removeTempDirs();
});

async function subscribe(now?: () => number): Promise<string> {
  core = new Core({ dataDir: tempDir(), workers: 1, welcome: false, ...(now ? { now } : {}) });
  await core.api.addFeed(site.feedUrl);
  await core.api.sync();
  return (await core.api.listArticles({ filter: { kind: 'all' } })).articles[0]!.id;
}

describe('comment feeds in a sync', () => {
  it('show a reply whose parent is older than the feed lists at the top level, saying whom it answers', async () => {
    const day = 24 * 60 * 60 * 1000;
    const ana = site.addComment({ author: 'Ana Ruiz', content: 'Three hours and no agreement.', at: Date.UTC(2022, 0, 13, 12) });
    for (let i = 1; i <= 9; i++) site.addComment({ author: `Reader ${i}`, content: `Comment number ${i}.`, at: Date.UTC(2022, 0, 13, 12) + i * 60_000 });
    const tomasz = site.addComment({ author: 'Tomasz', content: 'Geneva was only the start.', parent: ana.id, at: Date.UTC(2022, 0, 13, 12) + day });
    const articleId = await subscribe();

    // WordPress lists the newest 10: Ana's comment is not among them, so Tomasz's reply stands alone.
    const comments = core.storage.comments.list(articleId);
    expect(comments.map((c) => c.author)).not.toContain('Ana Ruiz');
    const reply = comments.find((c) => c.url === `${site.postUrl}#comment-${tomasz.id}`);
    expect(reply).toMatchObject({ parentId: null, inReplyTo: 'In reply to Ana Ruiz.' });
    expect(reply?.html).toBe('<p>Geneva was only the start.</p>');
    expect(comments.filter((c) => c.inReplyTo !== null)).toHaveLength(1);
  });

  it("are read after the article's offline copy: stored, threaded, sanitized, counted, with the form", async () => {
    const ana = site.addComment({ author: 'Ana Ruiz', content: 'Three hours and no agreement.', at: Date.UTC(2022, 0, 13, 12) });
    site.addComment({ author: 'Lena', content: 'See the statement.<script>alert(1)</script>', at: Date.UTC(2022, 0, 13, 18) });
    site.addComment({ author: 'Tomasz', content: 'Geneva was only the start.', parent: ana.id, at: Date.UTC(2022, 0, 14, 10) });
    const articleId = await subscribe();

    const comments = core.storage.comments.list(articleId);
    expect(comments.map((c) => c.author)).toEqual(['Ana Ruiz', 'Lena', 'Tomasz']);
    expect(comments[0]).toMatchObject({ parentId: null, publishedAt: Date.UTC(2022, 0, 13, 12), url: `${site.postUrl}#comment-${ana.id}` });
    expect(comments[2]!.parentId).toBe(comments[0]!.id);
    expect(comments[1]!.html).toBe('<p>See the statement.</p>');
    expect((await core.api.listArticles({ filter: { kind: 'all' } })).articles[0]?.commentCount).toBe(3);
    expect((await core.api.getArticle(articleId))?.commentForm).toEqual({
      kind: 'wordpress', fields: ['comment', 'author', 'email', 'url'], requiredFields: ['comment', 'author', 'email'], maxLength: 65525,
    });
  });

  it("leave out WordPress's pingbacks, as its REST API and the article's page do, and keep a comment quoting the post", async () => {
    // What WordPress's pingback server stores for another site's post that linked here: its title as
    // the author, the words around the link between two '[&#8230;]'.
    site.addComment({
      author: 'Geneva, day one: what the alliance wanted &#8211; The Baltic Brief',
      content: '[&#8230;] to the talks, the alliance called the meeting a &#8220;security dialogue&#8221; and said the main differences remain [&#8230;]',
      at: Date.UTC(2022, 0, 14, 9),
    });
    site.addComment({ author: 'Tomasz', content: '[&#8230;] and the Geneva talks were only the start.', at: Date.UTC(2022, 0, 14, 10) });
    const articleId = await subscribe();

    expect(core.storage.comments.list(articleId).map((c) => [c.author, c.html])).toEqual([['Tomasz', '<p>[…] and the Geneva talks were only the start.</p>']]);
  });

  it('are read when the server gzips them without saying so (a cached .gz served as it is stored)', async () => {
    site.addComment({ author: 'Ana Ruiz', content: 'Three hours and no agreement.', at: Date.UTC(2022, 0, 13, 12) });
    const plain = Buffer.from(await (await fetch(site.commentFeedUrl)).arrayBuffer());
    site.server.route(COMMENT_FEED, (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=UTF-8' }).end(zlib.gzipSync(plain));
    });
    const articleId = await subscribe();
    expect(core.storage.comments.list(articleId).map((c) => [c.author, c.html])).toEqual([['Ana Ruiz', '<p>Three hours and no agreement.</p>']]);
  });

  it('never fail the article or the sync: a broken comment feed leaves the rest alone', async () => {
    site.server.route(COMMENT_FEED, (_req, res) => {
      res.writeHead(500);
      res.end('database error');
    });
    const events: string[] = [];
    core = new Core({ dataDir: tempDir(), workers: 1, welcome: false });
    core.on('sync-progress', (e) => events.push(e.type));
    await core.api.addFeed(site.feedUrl);
    const summary = await core.api.sync();
    expect(summary).toMatchObject({ feedsFailed: 0, articlesFetched: 1, warnings: [] });
    expect(events).not.toContain('feed-failed');
    const [article] = (await core.api.listArticles({ filter: { kind: 'all' } })).articles;
    expect(article?.commentCount).toBe(0); // the item's slash:comments
    expect(core.storage.comments.list(article!.id)).toEqual([]);

    site.server.route(COMMENT_FEED, (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><body>Not a feed</body></html>');
    });
    const second = await core.api.sync({ feedIds: [article!.feedId] });
    expect(second).toMatchObject({ feedsFailed: 0, warnings: [] });
  });

  it("are read again with conditional requests while the article is recent, and pick up new comments", async () => {
    const articleId = await subscribe(() => WEEK_AFTER);
    expect(site.server.requestsFor(COMMENT_FEED)).toHaveLength(1);
    await core.api.sync();
    const again = site.server.requestsFor(COMMENT_FEED);
    expect(again).toHaveLength(2);
    expect(again[1]).toMatchObject({ status: 304, bytes: 0 });
    expect(again[1]!.headers['if-none-match']).toMatch(/^"/);

    site.addComment({ author: 'Priya', content: 'A late thought.' });
    await core.api.sync();
    expect(core.storage.comments.list(articleId).map((c) => c.author)).toEqual(['Priya']);
    expect((await core.api.listArticles({ filter: { kind: 'all' } })).articles[0]?.commentCount).toBe(1);
  });

  it('are read again for older articles only conditionally (a 304 when unchanged), and not in a feeds-only sync', async () => {
    // The clock is real here: the 2022 post is far outside the window.
    const articleId = await subscribe();
    await core.api.sync();
    const [first, again] = site.server.requestsFor(COMMENT_FEED);
    expect(first?.status).toBe(200);
    expect(again?.headers['if-none-match']).toBeTruthy();
    expect(again?.status).toBe(304);
    expect(again?.bytes).toBe(0);
    expect(await core.api.listComments(articleId)).toHaveLength(0);

    // A new subscription, synced feeds-only on a clock that would make the post recent.
    await core.close();
    core = new Core({ dataDir: tempDir(), workers: 1, welcome: false, now: () => WEEK_AFTER });
    await core.api.addFeed(site.feedUrl);
    await core.api.sync({ feedsOnly: true });
    expect(site.server.requestsFor(COMMENT_FEED)).toHaveLength(2);
  });
});
