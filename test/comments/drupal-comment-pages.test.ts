// A Drupal site splits a long thread into comment pages (50 comments a page by default), linked
// from the pager under the thread as the node's address with ?page=N: after a sync the reader
// lists the comments of every page, each once, as it does WordPress's comment pages, and reads no
// more pages in one sync than the budget every thread has (THREAD_MAX_PAGES).
import { afterEach, describe, expect, it } from 'vitest';
import { Core } from '../../electron/core/core';
import { THREAD_MAX_PAGES } from '../../electron/core/comments/comment-refresh';
import { TestServer, sendStatic } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';

let server: TestServer;
let core: Core;

afterEach(async () => {
  answers = {};
  await core?.close();
  await server?.stop();
  removeTempDirs();
});

const PER_PAGE = 2;

/** Which comment answers which (reply: parent), for the test that sets it. */
let answers: Record<number, number> = {};

/** One comment as Drupal 10's Olivero writes it: a reply names its parent for screen readers. */
function comment(number: number): string {
  const parent = answers[number];
  const inReplyTo = parent === undefined ? '' : `<p class="visually-hidden">In reply to <a href="/comment/${parent}#comment-${parent}" class="permalink" rel="bookmark" hreflang="en">Comment ${parent}</a> by <span>Reader ${parent} (not verified)</span></p>`;
  return `<article data-comment-user-id="0" id="comment-${number}" class="comment js-comment by-anonymous" role="article">
  <span class="hidden" data-comment-timestamp="${1725380340 + number * 60}"></span>
  <div class="comment__text-wrapper"><footer class="comment__meta"><p class="comment__author"><span>Reader ${number} (not verified)</span></p><p class="comment__time">Tue, 09/03/2024 - 17:19</p>${inReplyTo}</footer>
  <div class="comment__content"><div class="text-content clearfix field field--name-comment-body field--type-text-long field--label-hidden field__item"><p>Comment number ${number} on the hall roof appeal.</p></div>
  <ul class="links inline comment__links"><li class="comment__links-item"><a href="/comment/reply/node/148/comment/${number}" class="comment__links-link">Reply</a></li></ul></div></div>
</article>`;
}

/** Page `page` (from 0) of node 148 with `total` comments: the story, its comments, and Drupal 10's pager. */
function nodePage(page: number, total: number): string {
  const pages = Math.ceil(total / PER_PAGE);
  const numbers = Array.from({ length: Math.min(PER_PAGE, total - page * PER_PAGE) }, (_, index) => 1 + page * PER_PAGE + index);
  const link = (to: number, label: string) => `<li class="pager__item"><a href="?page=${to}" title="Go to page ${to + 1}">${label}</a></li>`;
  const pager = `<nav class="pager" role="navigation" aria-labelledby="pagination-heading"><h4 id="pagination-heading" class="visually-hidden">Pagination</h4><ul class="pager__items js-pager__items">
${page > 0 ? link(0, 'First') + link(page - 1, 'Previous') : ''}${Array.from({ length: pages }, (_, to) => (to === page ? `<li class="pager__item is-active">${to + 1}</li>` : link(to, String(to + 1)))).join('')}
${page < pages - 1 ? link(page + 1, 'Next') + link(pages - 1, 'Last') : ''}</ul></nav>`;
  return `<!DOCTYPE html><html lang="en" dir="ltr"><head><meta charset="utf-8"><title>Village hall roof appeal reaches its target | Millbrook Parish</title></head>
<body class="path-node page-node-type-article"><main role="main"><article data-history-node-id="148" class="node node--type-article node--view-mode-full">
<h1 class="title page-title"><span class="field field--name-title">Village hall roof appeal reaches its target</span></h1>
<div class="node__content"><div class="text-content clearfix field field--name-body field--type-text-with-summary field--label-hidden field__item"><p>Thanks to a summer of cake sales, a sponsored walk and a generous gift from the Millbrook Show committee, the appeal for the village hall roof has reached its target of £38,000.</p>
<p>Work will start on 14 October and last about five weeks. During that time the hall is closed; the Tuesday toddler group moves to the church room.</p></div>
<section data-drupal-selector="comments" class="comments"><h2 class="comments__title">Comments</h2>
${threaded(numbers)}
${pager}
</section></div></article></main></body></html>`;
}

/** The page's comments as Drupal nests them (comment_prepare_thread): a reply in a div.indented
 *  after the comment before it, opened at the top of a page whose first comment is a reply. */
function threaded(numbers: number[]): string {
  let open = 0;
  const html = numbers.map((number) => {
    const depth = answers[number] === undefined ? 0 : 1;
    const prefix = depth > open ? '<div class="indented">' : depth < open ? '</div>' : '';
    open = depth;
    return prefix + comment(number);
  });
  return html.join('\n') + '</div>'.repeat(open);
}

/** Serves node 148 with `total` comments as a one-item feed's article, syncs, and lists its comments' authors. */
async function syncedAuthors(total: number): Promise<string[]> {
  server = await TestServer.start();
  const node = server.url('/node/148');
  const feed = `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Millbrook Parish</title><link>${server.url('/')}</link>
<item><title>Village hall roof appeal reaches its target</title><link>${node}</link><guid>${node}</guid><pubDate>Tue, 03 Sep 2024 09:00:00 +0000</pubDate><description>The appeal reached its target.</description></item></channel></rss>`;
  server.route('/feed.xml', (req, res) => sendStatic(req, res, { body: feed, type: 'application/rss+xml; charset=utf-8' }));
  server.route('/node/148', (req, res) => {
    const page = Number(new URL(req.url ?? '/', node).searchParams.get('page') ?? 0);
    sendStatic(req, res, { body: nodePage(page, total), type: 'text/html; charset=utf-8' });
  });
  core = new Core({ dataDir: tempDir(), workers: 1, welcome: false, now: () => Date.UTC(2024, 8, 10) });
  await core.api.addFeed(server.url('/feed.xml'));
  await core.api.sync();
  const articleId = (await core.api.listArticles({ filter: { kind: 'all' } })).articles[0]!.id;
  return (await core.api.listComments(articleId)).map((found) => found.author ?? '');
}

/** The same sync: each comment's author, after its parent's (or "-" at the top). */
async function syncedThread(total: number): Promise<string[]> {
  await syncedAuthors(total);
  const articleId = (await core.api.listArticles({ filter: { kind: 'all' } })).articles[0]!.id;
  const comments = await core.api.listComments(articleId);
  const authorOf = new Map(comments.map((found) => [found.id, found.author]));
  return comments.map((found) => `${found.author} < ${found.parentId === null ? '-' : authorOf.get(found.parentId)}`);
}

describe("a Drupal thread's comment pages", () => {
  it('are read with the first: every comment of every page, each once', async () => {
    const authors = await syncedAuthors(5);
    expect([...authors].sort()).toEqual([1, 2, 3, 4, 5].map((number) => `Reader ${number} (not verified)`).sort());
  });

  it('keep a reply under its comment when the two are on different pages', async () => {
    // Page 2 (?page=1) opens with replies to the last comment of page 1, as Drupal pages a thread.
    answers = { 3: 2, 4: 2 };
    expect(await syncedThread(5)).toEqual([
      'Reader 1 (not verified) < -',
      'Reader 2 (not verified) < -',
      'Reader 3 (not verified) < Reader 2 (not verified)',
      'Reader 4 (not verified) < Reader 2 (not verified)',
      'Reader 5 (not verified) < -',
    ]);
  });

  it('are read within the budget one sync gives a thread', async () => {
    const authors = await syncedAuthors(PER_PAGE * (THREAD_MAX_PAGES + 3));
    const pagesAsked = new Set(server.requests.filter((request) => request.path.startsWith('/node/148')).map((request) => request.path));
    expect(pagesAsked.size).toBe(THREAD_MAX_PAGES);
    expect(authors).toHaveLength(PER_PAGE * THREAD_MAX_PAGES);
  });
});
