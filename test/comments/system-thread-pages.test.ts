// A forum topic, a Hacker News item or a Reddit post too long for one page goes on on pages the
// system links without script: phpBB's pager (&start=N), Hacker News's "More" (&p=2), old Reddit's
// "continue this thread", vBulletin 5's /pageN. After a sync the reader lists the replies of every page, each once and
// in its place, the topic's opening post stays the article alone, no more pages are read in one
// sync than any thread's budget, and a topic longer than that says its rest comes later.
import { afterEach, describe, expect, it } from 'vitest';
import { Core } from '../../electron/core/core';
import { THREAD_MAX_PAGES } from '../../electron/core/comments/comment-refresh';
import { TestServer, sendStatic } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';
import { REDDIT_POST, hnItemPage, phpbbTopicPage, redditPage, vb5TopicPage, type ForumPost, type RedditComment } from './support/system-thread-markup';

let server: TestServer;
let core: Core;

afterEach(async () => {
  await core?.close();
  await server?.stop();
  removeTempDirs();
});

/** Serves `pages` (path with query → HTML), the first as a one-item feed's article; syncs; lists
 *  the article's comments as "author < parent's author", its text and whether more is to come. */
async function synced(articlePath: string, page: (path: string) => string | null): Promise<{ thread: string[]; article: string; moreLater: boolean }> {
  server = await TestServer.start();
  const link = server.url(articlePath);
  const feed = `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Threads</title><link>${server.url('/')}</link>
<item><title>The thread</title><link>${link.replace(/&/g, '&amp;')}</link><guid>${link.replace(/&/g, '&amp;')}</guid><pubDate>Mon, 02 Oct 2023 09:00:00 +0000</pubDate><description>The thread, in short.</description></item></channel></rss>`;
  server.route('/feed.xml', (req, res) => sendStatic(req, res, { body: feed, type: 'application/rss+xml; charset=utf-8' }));
  server.fallback((req, res) => {
    const body = page(req.url ?? '/');
    if (body === null) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    } else sendStatic(req, res, { body, type: 'text/html; charset=utf-8' });
  });
  core = new Core({ dataDir: tempDir(), workers: 1, welcome: false, now: () => Date.UTC(2023, 9, 10) });
  await core.api.addFeed(server.url('/feed.xml'));
  await core.api.sync();
  const articleId = (await core.api.listArticles({ filter: { kind: 'all' } })).articles[0]!.id;
  const comments = await core.api.listComments(articleId);
  const authorOf = new Map(comments.map((comment) => [comment.id, comment.author]));
  const article = (await core.api.getArticle(articleId))!;
  return {
    thread: comments.map((comment) => `${comment.author} < ${comment.parentId === null ? '-' : authorOf.get(comment.parentId)}`),
    article: article.html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' '),
    moreLater: article.moreCommentsLater,
  };
}

const TOPIC = 20533;
const PER_PAGE = 4;
const posts = (count: number): ForumPost[] => Array.from({ length: count }, (_, index) => ({
  id: 320100 + index,
  author: index === 0 ? 'tdi_tom' : `member${index}`,
  text: index === 0 ? 'Both front swivel hubs weep oil again, eight months after new seals. Chrome balls look pitted. Replace the balls or try again with seals?' : `Reply ${index}: pitted chrome eats seals, so do the balls first.`,
}));

/** phpBB serves each page of the topic with a new session id in its links, as to any visitor without its cookie. */
function phpbbServer(all: readonly ForumPost[]): (path: string) => string | null {
  let visits = 0;
  return (path) => {
    const url = new URL(path, 'http://forum.test');
    if (url.pathname !== '/viewtopic.php' || url.searchParams.get('t') !== String(TOPIC)) return null;
    const start = Number(url.searchParams.get('start') ?? 0);
    return phpbbTopicPage(TOPIC, all, Math.floor(start / PER_PAGE), PER_PAGE, `5f0c${(visits++).toString(16).padStart(28, '0')}`);
  };
}

/** How often each page of the topic was asked for, by its &start=. */
function pagesAsked(): Record<string, number> {
  const asked: Record<string, number> = {};
  for (const request of server.requests.filter((found) => found.path.startsWith('/viewtopic.php'))) {
    const start = new URL(request.path, 'http://forum.test').searchParams.get('start') ?? '0';
    asked[start] = (asked[start] ?? 0) + 1;
  }
  return asked;
}

describe("a system's thread over several pages", () => {
  it("phpBB's: every page's replies, each once, the opening post the article alone", async () => {
    const all = posts(11);
    const { thread, article, moreLater } = await synced(`/viewtopic.php?t=${TOPIC}`, phpbbServer(all));
    expect(thread).toEqual(all.slice(1).map((post) => `${post.author} < -`));
    expect(article).toContain('Both front swivel hubs weep oil again');
    expect(article).not.toContain('pitted chrome eats seals');
    expect(moreLater).toBe(false);
    // Each later page once, whatever session id the links carried (the first is the article's too).
    expect(pagesAsked()).toEqual({ 0: 2, 4: 1, 8: 1 });
  });

  it("vBulletin 5's: every page's replies, each once, the starter the article alone", async () => {
    const all = posts(10);
    const topic = '/forum/land-rover/axles/1148203-swivel-hub-seals-leaking-again';
    const { thread, article } = await synced(topic, (path) => {
      const page = path === topic ? 1 : path.startsWith(`${topic}/page`) ? Number(path.slice(`${topic}/page`.length)) : 0;
      return page > 0 ? vb5TopicPage(topic, all, page - 1, PER_PAGE) : null;
    });
    expect(thread).toEqual(all.slice(1).map((post) => `${post.author} < -`));
    expect(article).toContain('Both front swivel hubs weep oil again');
    expect(article).not.toContain('pitted chrome eats seals');
    expect(article).not.toMatch(/#1\b/);
    expect(server.requests.filter((request) => request.path.startsWith(topic)).map((request) => request.path).sort()).toEqual([topic, topic, `${topic}/page2`, `${topic}/page3`]);
  });

  it("phpBB's longer than one sync reads: the budget's pages, and the reader told the rest comes later", async () => {
    const all = posts(PER_PAGE * (THREAD_MAX_PAGES + 2));
    const { thread, moreLater } = await synced(`/viewtopic.php?t=${TOPIC}`, phpbbServer(all));
    expect(Object.keys(pagesAsked())).toHaveLength(THREAD_MAX_PAGES);
    expect(thread).toHaveLength(PER_PAGE * THREAD_MAX_PAGES - 1);
    expect(moreLater).toBe(true);
  });

  it("Hacker News's: the comments after \"More\", each under the one it answers", async () => {
    const item = 39200001;
    const first = [
      { id: 39200010, author: 'seawall', depth: 0, text: 'Does it print the heights in chart datum?' },
      { id: 39200011, author: 'mwren', depth: 1, text: 'Yes, chart datum, as the tables do.' },
    ];
    const second = [
      { id: 39200020, author: 'qnh1013', depth: 0, text: 'Wind setup matters more than pressure in an estuary.' },
      { id: 39200021, author: 'mwren', depth: 1, text: 'Agreed; I have no wind sensor yet.' },
    ];
    const { thread, article } = await synced(`/item?id=${item}`, (path) => {
      const url = new URL(path, 'http://hn.test');
      if (url.pathname !== '/item' || url.searchParams.get('id') !== String(item)) return null;
      return url.searchParams.get('p') === '2' ? hnItemPage(item, second, null) : hnItemPage(item, first, 2);
    });
    expect(thread).toEqual(['seawall < -', 'mwren < seawall', 'qnh1013 < -', 'mwren < qnh1013']);
    // "More" pages the thread, not the story: the Show HN's text is the article, once.
    expect(article).toContain("prints the day's high and low waters");
    expect(article).not.toContain('Wind setup');
  });

  it("Hacker News's: replies that open a page after \"More\" go under their parent on the page before, as their \"parent\" link says", async () => {
    const item = 39200001;
    const first = [
      { id: 39200010, author: 'seawall', depth: 0, text: 'Does it print the heights in chart datum?' },
      { id: 39200011, author: 'mwren', depth: 1, parent: 39200010, text: 'Yes, chart datum, as the tables do.' },
      { id: 39200012, author: 'qnh1013', depth: 2, parent: 39200011, text: 'Then add the surge forecast and it is better than the app.' },
    ];
    // The second page goes on inside the first page's last branch.
    const second = [
      { id: 39200020, author: 'thermalpaper', depth: 2, parent: 39200011, text: 'Thermal paper fades in a year; print the week, not the month.' },
      { id: 39200021, author: 'mwren', depth: 3, parent: 39200020, text: 'It is in a drawer, out of the light.' },
      { id: 39200022, author: 'drydock', depth: 0, text: 'Which printer is it?' },
    ];
    const { thread } = await synced(`/item?id=${item}`, (path) => {
      const url = new URL(path, 'http://hn.test');
      if (url.pathname !== '/item' || url.searchParams.get('id') !== String(item)) return null;
      return url.searchParams.get('p') === '2' ? hnItemPage(item, second, null) : hnItemPage(item, first, 2);
    });
    expect(thread).toEqual(['seawall < -', 'mwren < seawall', 'qnh1013 < mwren', 'thermalpaper < mwren', 'mwren < thermalpaper', 'drydock < -']);
  });

  it("old Reddit's: a branch continued on its comment's page, in its place; 'load more comments' (script) not followed", async () => {
    const deep: RedditComment = { id: 'k34b2cd', author: 'allotment_annie', text: 'Would the airing cupboard do? It is about 28.', continued: true, minute: 20 };
    const main: RedditComment[] = [{ id: 'k33a1bc', author: 'rootcellar_rob', text: 'Cure them first, then the spare bedroom.', replies: [deep], minute: 5 }];
    const later: RedditComment = { id: 'k36d4ef', author: 'allotment_annie', text: 'Done, thank you.', minute: 50 };
    const branch: RedditComment[] = [{ ...deep, continued: undefined, replies: [{ id: 'k35c3de', author: 'rootcellar_rob', text: 'The airing cupboard is ideal, door ajar.', replies: [later], minute: 31 }] }];
    let origin = '';
    const { thread } = await synced(REDDIT_POST, (path) => {
      origin ||= server.url('').replace(/\/$/, '');
      if (path === REDDIT_POST) return redditPage(origin, main, ['k37e5fg', 'k37e6gh']);
      if (path === `${REDDIT_POST}${deep.id}/`) return redditPage(origin, branch);
      return null;
    });
    expect(thread).toEqual(['rootcellar_rob < -', 'allotment_annie < rootcellar_rob', 'rootcellar_rob < allotment_annie', 'allotment_annie < rootcellar_rob']);
    expect(server.requests.filter((request) => request.path.includes('k37e5fg') || request.path.includes('morechildren'))).toEqual([]);
  });
});
