// Sites that run a comment system of their own (old Reddit, Hacker News, Lobsters, Slash's
// Slashdot, Joomla's JComments, phpBB, XenForo, vBulletin; the corpus's pages of each) show their thread on the
// article's page: after a sync, the reader lists those comments offline, each reply under the
// comment it answers, with its author and the date the site gives, and the article is the story
// (a Show HN's text, a topic's opening post) without them. And each system's rule is its markup as
// it writes it everywhere: Hacker News's older pages, which give the depth only as the spacer's
// width, and JComments's flat list, nest as the site shows them.
import { afterEach, describe, expect, it } from 'vitest';
import { Core } from '../../electron/core/core';
import { readCommentPage } from '../../electron/core/articles';
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

/** Serves the corpus page as the article of a one-item RSS feed, syncs, and lists the article's comments as author, parent's author, date. */
async function syncedComments(name: string): Promise<string[]> {
  return (await synced(name)).comments;
}

/** The same sync: the article's comments, its stored text, and the kind of form its composer has. */
async function synced(name: string): Promise<{ comments: string[]; article: string; form: string | null }> {
  server = await TestServer.start();
  const page = server.url(`/${name}/`);
  const feed = `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Threads</title><link>${server.url('/')}</link>
<item><title>The story</title><link>${page}</link><guid>${page}</guid><pubDate>Mon, 02 Oct 2023 09:00:00 +0000</pubDate><description>The story, in short.</description></item></channel></rss>`;
  server.route('/feed.xml', (req, res) => sendStatic(req, res, { body: feed, type: 'application/rss+xml; charset=utf-8' }));
  server.route(`/${name}/`, (req, res) => sendStatic(req, res, { body: fixtureText(`corpus/comments/${name}.html`), type: 'text/html; charset=utf-8' }));
  core = new Core({ dataDir: tempDir(), workers: 1, welcome: false, now: () => Date.UTC(2024, 8, 10) });
  await core.api.addFeed(server.url('/feed.xml'));
  await core.api.sync();
  const articleId = (await core.api.listArticles({ filter: { kind: 'all' } })).articles[0]!.id;
  const comments = await core.api.listComments(articleId);
  const authorOf = new Map(comments.map((comment) => [comment.id, comment.author]));
  const stored = (await core.api.getArticle(articleId))!;
  const article = stored.html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ');
  return {
    form: stored.commentForm?.kind ?? null,
    comments: comments.map((comment) => `${comment.author} < ${comment.parentId === null ? '-' : authorOf.get(comment.parentId)} @ ${new Date(comment.publishedAt).toISOString().slice(0, 16)}`),
    article,
  };
}

describe("a thread in a system's own markup", () => {
  // Answered on the site by its signed-in members: the composer copies the text for the browser
  // and offers no Reply under each comment, which it could never send.
  it.each(['old-reddit-thread', 'hackernews-item', 'phpbb-topic', 'xenforo-thread', 'blogger-threaded'])("%s: a forum's thread, answered on the site", async (name) => {
    const { comments, form } = await synced(name);
    expect(comments.length).toBeGreaterThan(0);
    expect(form).toBe('forum');
  });

  it("old Reddit's: nested .child .sitetable, a deleted account's comment kept as [deleted]", async () => {
    expect(await syncedComments('old-reddit-thread')).toEqual([
      'rootcellar_rob < - @ 2023-10-02T15:20',
      'allotment_annie < rootcellar_rob @ 2023-10-02T16:02',
      'rootcellar_rob < allotment_annie @ 2023-10-02T16:30',
      '[deleted] < - @ 2023-10-03T07:11',
    ]);
  });

  it("Hacker News's: each reply under the last comment less indented, the Show HN's text the article", async () => {
    const { comments, article } = await synced('hackernews-item');
    expect(article).toContain('I live on a tidal estuary and got tired of checking an app');
    expect(article).not.toContain('Harmonic constants');
    expect(article).not.toContain('Good point, thank you.');
    expect(comments).toEqual([
      'seawall < - @ 2024-01-24T09:40',
      'mwren < seawall @ 2024-01-24T09:52',
      'qnh1013 < mwren @ 2024-01-24T10:05',
      'thermalpaper < - @ 2024-01-24T10:21',
      'mwren < thermalpaper @ 2024-01-24T10:30',
    ]);
  });

  it("Lobsters's: replies in the subtree's own list, dated with their zone, the story's text the article", async () => {
    const { comments, article } = await synced('lobsters-story');
    expect(article).toContain('We have a reader holding a transaction open for minutes');
    expect(article).not.toContain('A checkpoint cannot move past');
    expect(comments).toEqual([
      'kvstore < - @ 2024-06-11T13:40',
      'rdh < kvstore @ 2024-06-11T14:15',
      'kvstore < rdh @ 2024-06-11T14:22',
      'tef < - @ 2024-06-11T15:01',
    ]);
  });

  it("Slash's: the account's name without its number, an Anonymous Coward by that name", async () => {
    expect(await syncedComments('slashdot-style')).toEqual([
      'Kvatch < - @ 2024-03-18T22:41',
      'Anonymous Coward < Kvatch @ 2024-03-18T23:02',
      'lumens < - @ 2024-03-19T00:15',
    ]);
  });

  it("JComments's: a reply in the list named after its parent", async () => {
    expect(await syncedComments('joomla-jcomments')).toEqual([
      'Jean Doyle < - @ 2023-12-18T21:40',
      'Linda Carr < Jean Doyle @ 2023-12-19T09:05',
      'Gareth < - @ 2023-12-20T17:30',
    ]);
  });

  it("phpBB's: the opening post is the article, the other posts its replies, which leave its text", async () => {
    const { comments, article } = await synced('phpbb-topic');
    expect(article).toContain("My 110's rear shocks clonk over every pothole.");
    expect(article).not.toContain('Rubber for that mix.');
    expect(article).not.toContain('Clonk gone.');
    expect(comments).toEqual(['Sally_C < - @ 2023-10-02T19:05', 'Gwyn < - @ 2023-10-03T07:22', 'tdi_tom < - @ 2023-10-07T16:30']);
  });

  it("XenForo's: the opening post is the article, the other posts its replies, which leave its text", async () => {
    const { comments, article } = await synced('xenforo-thread');
    expect(article).toContain('I weigh 18.0 g in and get 17.6 g out of my DF64');
    expect(article).not.toContain('Most of it sits in the chute');
    // Nor the post's number beside its date, which opened the copy ("#1 I weigh...").
    expect(article).not.toContain('#1');
    expect(comments).toEqual(['burrhead < - @ 2024-02-10T10:02', 'Pablo M < - @ 2024-02-10T13:45', 'lenaroasts < - @ 2024-02-11T08:20']);
  });

  it("vBulletin 4's: the opening post is the article without the board's profile, number and counters around it", async () => {
    const { comments, article } = await synced('vbulletin4-topic');
    expect(article).toContain('My Yaesu FT-450D shows 2.5:1 SWR on 40 m');
    expect(article).not.toContain('Water in the coax');
    expect(article).not.toMatch(/Join Date|Results 1 to 10|Reply to Thread|#1\b|KD8QXW/);
    // Month first, vBulletin's default: no date on the page says otherwise.
    expect(comments).toEqual(['W1AEX < - @ 2013-03-02T20:02', 'N0RDX < - @ 2013-03-03T09:30', 'KD8QXW < - @ 2013-03-13T18:48']);
  });

  it("XenForo's later page: every post a reply, its quote without the button to expand it, no signature", () => {
    const html = fixtureText('corpus/comments/xenforo-fr-page2.html');
    const thread = readCommentPage(html, 'https://forum-velo-urbain.example/threads/reprise-dun-velo-cargo-bakfiete-freins-hydrauliques.51207/page-2').comments;
    expect(thread.map((comment) => comment.author)).toEqual(['Margaux_L', 'Yann29', 'vélotaf_nantes', 'Margaux_L']);
    expect(thread[1]!.html).toContain('<blockquote');
    expect(thread[1]!.html).not.toContain('Cliquez pour agrandir');
    expect(thread[0]!.html).not.toContain('Shimano Steps');
  });

  it("phpBB's later pages of a topic: the first post there is a reply too", () => {
    const html = fixtureText('corpus/comments/phpbb-topic.html');
    const thread = readCommentPage(html, 'https://greenlaneforum.example/viewtopic.php?t=20417&start=15').comments;
    expect(thread.map((comment) => comment.author)).toEqual(['tdi_tom', 'Sally_C', 'Gwyn', 'tdi_tom']);
  });

  it("Hacker News's older pages: the depth told by the spacer's width alone", () => {
    const row = (id: number, width: number, user: string) =>
      `<tr class='athing comtr' id='${id}'><td><table border='0'><tr><td class='ind'><img src="s.gif" height="1" width="${width}"></td>` +
      `<td class="default"><span class="comhead"><a href="user?id=${user}" class="hnuser">${user}</a> <span class="age" title="2019-05-02T10:00:00"><a href="item?id=${id}">on May 2, 2019</a></span></span>` +
      `<div class="comment"><span class="commtext c00">Said by ${user}.</span></div></td></tr></table></td></tr>`;
    const html = `<html><body><table class="comment-tree">${row(1, 0, 'a')}${row(2, 40, 'b')}${row(3, 80, 'c')}${row(4, 40, 'd')}</table></body></html>`;
    const thread = readCommentPage(html, 'https://news.ycombinator.com/item?id=100').comments;
    const authorOf = new Map(thread.map((comment) => [comment.uniqueId, comment.author]));
    expect(thread.map((comment) => `${comment.author} < ${comment.parentUniqueId ? authorOf.get(comment.parentUniqueId) : '-'}`)).toEqual(['a < -', 'b < a', 'c < b', 'd < a']);
    expect(new Date(thread[0]!.publishedAt!).toISOString()).toBe('2019-05-02T10:00:00.000Z');
  });

  it("JComments's flat list: every comment at the top", () => {
    const item = (id: number, author: string) =>
      `<div class="even" id="comment-item-${id}"><div class="comment-box"><a class="comment-anchor" href="/news/item#comment-${id}" id="comment-${id}">#${id}</a>` +
      `<span class="comment-author">${author}</span><span class="comment-date">2022-03-01 10:0${id}</span><div class="comment-body" id="comment-body-${id}">Words of ${author}.</div></div></div>`;
    const html = `<html><body><div id="jc"><div id="comments"><div class="comments-list" id="comments-list-0">${item(1, 'Ann')}${item(2, 'Bob')}</div></div></div></body></html>`;
    const thread = readCommentPage(html, 'https://choir.example/news/item').comments;
    expect(thread.map((comment) => [comment.author, comment.parentUniqueId, comment.link])).toEqual([
      ['Ann', null, 'https://choir.example/news/item#comment-1'],
      ['Bob', null, 'https://choir.example/news/item#comment-2'],
    ]);
  });
});
