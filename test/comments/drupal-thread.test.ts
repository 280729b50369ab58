// A Drupal site's article shows its comment thread on its page (Drupal 7's and Drupal 10's markup,
// from the comment corpus): after a sync, the reader lists those comments offline, each reply
// under the comment it answers, with its author and the date the site gives.
import { afterEach, describe, expect, it } from 'vitest';
import { Core } from '../../electron/core/core';
import { fixtureText } from '../support/fixtures';
import { TestServer, sendStatic } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';

let server: TestServer;
let core: Core;

afterEach(async () => {
  await core?.close();
  await server?.stop();
  removeTempDirs();
});

/** Serves the corpus page as the article of a one-item RSS feed, syncs, and lists the article's comments. */
async function syncedComments(name: string): Promise<{ author: string | null; parent: string | null; text: string; at: string }[]> {
  server = await TestServer.start();
  const page = server.url(`/${name}/`);
  const feed = `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Parish news</title><link>${server.url('/')}</link>
<item><title>The story</title><link>${page}</link><guid>${page}</guid><pubDate>Mon, 02 Sep 2024 09:00:00 +0000</pubDate><description>The story, in short.</description></item></channel></rss>`;
  server.route('/feed.xml', (req, res) => sendStatic(req, res, { body: feed, type: 'application/rss+xml; charset=utf-8' }));
  server.route(`/${name}/`, (req, res) => sendStatic(req, res, { body: fixtureText(`corpus/comments/${name}.html`), type: 'text/html; charset=utf-8' }));
  core = new Core({ dataDir: tempDir(), workers: 1, welcome: false, now: () => Date.UTC(2024, 8, 10) });
  await core.api.addFeed(server.url('/feed.xml'));
  await core.api.sync();
  const articleId = (await core.api.listArticles({ filter: { kind: 'all' } })).articles[0]!.id;
  const comments = await core.api.listComments(articleId);
  const authorOf = new Map(comments.map((comment) => [comment.id, comment.author]));
  return comments.map((comment) => ({
    author: comment.author,
    parent: comment.parentId === null ? null : authorOf.get(comment.parentId)!,
    text: comment.html.replace(/<[^>]*>/g, '').trim().slice(0, 30),
    at: new Date(comment.publishedAt).toISOString(),
  }));
}

describe("a Drupal site's comment thread", () => {
  it("is read from a Drupal 10 page (Olivero): replies under the comment before their div.indented, dated by the site's timestamp", async () => {
    expect(await syncedComments('drupal10-olivero')).toEqual([
      { author: 'Margaret Hale (not verified)', parent: null, text: 'Well done everyone. Will the s', at: '2024-09-03T16:19:00.000Z' },
      { author: 'clerk', parent: 'Margaret Hale (not verified)', text: 'Not this time, Margaret: the r', at: '2024-09-04T07:30:00.000Z' },
      { author: 'Margaret Hale (not verified)', parent: 'clerk', text: 'Thank you, I will come along.', at: '2024-09-04T17:22:00.000Z' },
      { author: 'Dev Patel (not verified)', parent: null, text: 'Is the hall still available fo', at: '2024-09-06T14:05:00.000Z' },
    ]);
  });

  it('is read from a Drupal 7 page (Bartik): each comment after its anchor, dated by its RDFa, without its own title', async () => {
    expect(await syncedComments('drupal7-bartik')).toEqual([
      { author: 'Peter W (not verified)', parent: null, text: 'Wonderful news. I heard one fr', at: '2016-05-02T07:14:00.000Z' },
      { author: 'alison', parent: 'Peter W (not verified)', text: 'Thanks Peter, that would be a ', at: '2016-05-02T11:40:00.000Z' },
      { author: 'Jo Marsh (not verified)', parent: null, text: 'Is the eastern end still open ', at: '2016-05-03T18:02:00.000Z' },
    ]);
  });
});
