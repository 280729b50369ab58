// An article the site splits over pages ("Page 1 of 3": a WordPress post with <!--nextpage-->, a
// long feature paged with ?page=2) is saved whole: its later pages' stories, with their pictures,
// follow the first page's, and the note says which page the copy lacks when one could not be had.
// Real servers on loopback, a real sync into SQLite.
import type http from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type PaperboyCore } from '../../electron/core';
import type { Article } from '../../shared/types';
import { fixtureText } from '../support/fixtures';
import { makePng } from '../support/images';
import { makePdf } from '../support/linked-files';
import { TestServer } from '../support/server';
import { removeTempDirs, tempDir } from '../support/temp';

let site: TestServer;
let elsewhere: TestServer;
let core: PaperboyCore | null = null;

// Each page tells its own part of the story, in words of its own.
const STORY = [
  [
    'The last keepers of the Skerry Point light left the rock in the spring of 1987, when the lamp was automated and the cottage boarded up.',
    'For ninety years before that, three families had taken turns on the island, rowing out with a month of flour, paraffin and letters from the mainland.',
    'Margaret Flett, whose grandfather kept the light through both wars, still has the logbooks he filled in a careful copperplate every night at dusk.',
  ],
  [
    'Winter was the hard season. Gales could cut the island off for six weeks, and the relief boat would stand off the landing, unable to come alongside.',
    'The keepers wound the clockwork that turned the lens every two hours through the night, and polished the brass until it shone like a mirror in the lamp room.',
    'A storm in January 1953 tore the roof from the oil store and flooded the cellar, yet the beam never once failed to sweep across the sound.',
  ],
  [
    'Today the cottage is being restored by a trust of volunteers who hope to open it to visitors next summer, with the logbooks on display in the kitchen.',
    'They have found the keepers\u2019 initials carved into the doorframe of the watch room, forty sets of them, the oldest dated 1899 in a shaky hand.',
    'Flett says she will be the first to climb the stairs when the work is done, to see the view her grandfather described in every single entry.',
  ],
];

const POST = '/2024/03/12/the-last-keepers-of-skerry-point/';
const LEAD = '/wp-content/uploads/2024/03/skerry-point-1200x800.png';
const PICTURES = ['/wp-content/uploads/2024/03/logbook.png', '/wp-content/uploads/2024/03/lamp-room.png', '/wp-content/uploads/2024/03/doorframe.png'];

interface PageOptions {
  readonly number: number;
  /** Addresses of all the article's pages, in order (the pager's links). */
  readonly pages: readonly string[];
  /** Extra <head> markup (WordPress's link to the next post). */
  readonly head?: string;
  /** The story told on this page (default: STORY[number - 1]). */
  readonly story?: readonly string[];
  readonly picture?: string;
}

/** A WordPress post page as a theme with Yoast SEO serves it: rel=prev/next in <head>, the
 *  featured image in the header, wp_link_pages' links under the text, related posts, comment form. */
function wordpressPage({ number, pages, head = '', story = STORY[number - 1]!, picture = PICTURES[number - 1]! }: PageOptions): string {
  const links = pages.map((url, i) => i + 1 === number
    ? `<span class="post-page-numbers current" aria-current="page">${i + 1}</span>`
    : `<a href="${url}" class="post-page-numbers">${i + 1}</a>`).join(' ');
  const prev = number > 1 ? `<link rel="prev" href="${pages[number - 2]}" />` : '';
  const next = number < pages.length ? `<link rel="next" href="${pages[number]}" />` : '';
  return `<!DOCTYPE html><html lang="en-GB"><head><meta charset="UTF-8"><title>The last keepers of Skerry Point${number > 1 ? ` - Page ${number} of ${pages.length}` : ''} - Island Notes</title>
<link rel="canonical" href="${pages[number - 1]}" />${prev}${next}
<meta property="og:type" content="article" /><meta property="og:title" content="The last keepers of Skerry Point" />
<meta property="og:image" content="${site.url(LEAD)}" /><meta name="twitter:card" content="summary_large_image" />${head}
</head><body class="post-template-default single single-post">
<header id="masthead" class="site-header"><p class="site-title"><a href="${site.url('/')}">Island Notes</a></p><nav class="main-navigation"><ul><li><a href="${site.url('/history/')}">History</a></li><li><a href="${site.url('/walks/')}">Walks</a></li></ul></nav></header>
<main id="main"><article class="post type-post status-publish format-standard has-post-thumbnail hentry">
<header class="entry-header"><div class="post-thumbnail"><img width="1200" height="800" src="${site.url(LEAD)}" class="attachment-post-thumbnail wp-post-image" alt="The lighthouse on Skerry Point at dusk"></div>
<h1 class="entry-title">The last keepers of Skerry Point</h1><div class="entry-meta">Posted on <time datetime="2024-03-12T08:00:00+00:00">12 March 2024</time> by Ann Ross</div></header>
<div class="entry-content">
${story.map((paragraph) => `<p>${paragraph}</p>`).join('\n')}
<figure class="wp-block-image size-large"><img src="${site.url(picture)}" alt="" class="wp-image-${100 + number}"><figcaption>From the keepers\u2019 archive, part ${number}.</figcaption></figure>
<div class="page-links">Pages: ${links}</div>
</div>
<footer class="entry-footer"><span class="cat-links">Posted in <a href="${site.url('/history/')}" rel="category tag">History</a></span></footer>
</article>
<section class="jp-relatedposts"><h3>Related</h3><ul><li><a href="${site.url('/2024/02/20/the-ferry-that-never-came/')}">The ferry that never came</a></li><li><a href="${site.url('/2024/01/08/walking-the-north-cliffs/')}">Walking the north cliffs</a></li></ul></section>
<div id="comments" class="comments-area"><div id="respond" class="comment-respond"><h3 id="reply-title">Leave a Reply</h3><form action="${site.url('/wp-comments-post.php')}" method="post" id="commentform" class="comment-form">
<p class="comment-form-comment"><label for="comment">Comment</label> <textarea id="comment" name="comment" cols="45" rows="8" required></textarea></p>
<p class="comment-form-author"><label for="author">Name</label> <input id="author" name="author" type="text" value="" required></p>
<p class="comment-form-email"><label for="email">Email</label> <input id="email" name="email" type="email" value="" required></p>
<p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="Post Comment"> <input type="hidden" name="comment_post_ID" value="4412" id="comment_post_ID"> <input type="hidden" name="comment_parent" id="comment_parent" value="0"></p>
</form></div></div></main>
<footer class="site-footer"><p>Island Notes \u2014 stories from the northern isles. Proudly powered by WordPress.</p></footer></body></html>`;
}

/** A news site's long feature paged with ?page=N: "Page 1 of 3" and a pager under the text. */
function featurePage(path: string, number: number, total: number): string {
  const pager = Array.from({ length: total }, (_, i) => i + 1 === number ? `<strong>${i + 1}</strong>` : `<a href="${path}${i === 0 ? '' : `?page=${i + 1}`}">${i + 1}</a>`).join(' ');
  const next = number < total ? ` <a href="${path}?page=${number + 1}" class="next">Next page</a>` : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The last keepers of Skerry Point | The Northern Review</title>
<meta property="og:image" content="${site.url(LEAD)}"></head><body>
<div class="topbar"><a href="/">The Northern Review</a> <a href="/subscribe">Subscribe</a></div>
<article class="feature"><h1>The last keepers of Skerry Point</h1><p class="byline">By Ann Ross</p>
<div class="feature-body">${STORY[number - 1]!.map((paragraph) => `<p>${paragraph}</p>`).join('\n')}
<figure><img src="${site.url(PICTURES[number - 1]!)}" alt="From the archive"></figure></div>
<nav class="pagination" aria-label="Article pages">Page ${number} of ${total}: ${pager}${next}</nav></article>
<aside class="most-read"><h2>Most read</h2><ol><li><a href="/news/harbour-dues">Harbour dues to rise</a></li></ol></aside></body></html>`;
}

function feed(path: string, title: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${title}</title><link>${site.origin}/</link><description>Stories</description>
<item><title>The last keepers of Skerry Point</title><link>${site.url(path)}</link><guid isPermaLink="false">${title}-${path}</guid>
<description>The lighthouse keepers who rowed out to Skerry Point for ninety years, remembered.</description></item></channel></rss>`;
}

const html = { type: 'text/html; charset=UTF-8' };

const MB = 1024 * 1024;

/** Streams the PDF in 64 KB writes as the connection takes them, with no Content-Length (as a
 *  download script sends a file): only a hang-up or the reader's cap ends it early. */
function streamPdf(res: http.ServerResponse, body: Buffer): void {
  let sent = 0;
  res.writeHead(200, { 'content-type': 'application/pdf' });
  const pump = (): void => {
    while (!res.destroyed && sent < body.length) {
      const part = body.subarray(sent, sent + 64 * 1024);
      sent += part.length;
      if (!res.write(part)) return void res.once('drain', pump);
    }
    if (!res.destroyed) res.end();
  };
  pump();
}

/** A WordPress blog at /<name>/ whose one post has `pages` pages, each served by `serve` (default: its page). */
function wordpressBlog(name: string, count: number, serve?: (number: number, pages: readonly string[]) => void): string {
  const post = `/${name}${POST}`;
  const pages = Array.from({ length: count }, (_, i) => site.url(i === 0 ? post : `${post}${i + 1}/`));
  for (let number = 1; number <= count; number++) {
    if (number > 1 && serve) serve(number, pages);
    else site.serve(new URL(pages[number - 1]!).pathname, { body: wordpressPage({ number, pages }), ...html });
  }
  site.serve(`/${name}/feed/`, { body: feed(post, name), type: 'application/rss+xml' });
  return `/${name}/feed/`;
}

beforeAll(async () => {
  site = await TestServer.start();
  elsewhere = await TestServer.start();
  // Each picture its own bytes: the cache keeps files by their content.
  [LEAD, ...PICTURES].forEach((path, i) => site.serve(path, { body: makePng(4, 4, [i * 40, 90, 200]), type: 'image/png' }));
  elsewhere.fallback((_req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end(wordpressPage({ number: 2, pages: [site.url(POST), elsewhere.url(POST)], story: ['Buy cheap ferry tickets here, the best prices on every crossing to the islands and beyond, book today and save more.'] })));
});
afterAll(async () => {
  await site.stop();
  await elsewhere.stop();
});
afterEach(async () => {
  await core?.close();
  core = null;
  removeTempDirs();
});

async function syncedArticle(feedPath: string): Promise<Article> {
  core = openCore({ dataDir: tempDir(), workers: 1, welcome: false });
  const feedId = (await core.api.addFeed(site.url(feedPath))).feed.id;
  await core.api.sync();
  const [summary] = (await core.api.listArticles({ filter: { kind: 'feed', feedId }, limit: 1 })).articles;
  return (await core.api.getArticle(summary!.id))!;
}

/** The article's text tells these pages of the story, in order, and no other. */
function expectPages(article: Article, shown: readonly number[]): void {
  const text = article.html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
  const at = STORY.map((paragraphs) => text.indexOf(paragraphs[0]!.split(',')[0]!));
  for (let page = 1; page <= STORY.length; page++) {
    if (shown.includes(page)) expect(at[page - 1], `page ${page}`).toBeGreaterThanOrEqual(0);
    else expect(at[page - 1], `page ${page}`).toBe(-1);
  }
  const order = shown.map((page) => at[page - 1]!);
  expect(order).toEqual([...order].sort((a, b) => a - b));
  // Each page once: its words are not said twice.
  for (const page of shown) expect(text.split(STORY[page - 1]![1]!).length, `page ${page} once`).toBe(2);
}

function cachedPictures(article: Article): number {
  return article.html.match(/src="paperboy-cache:\/\/[0-9a-f]{64}"/g)?.length ?? 0;
}

describe('a WordPress post split with <!--nextpage-->', () => {
  it('is saved whole: each page\u2019s story and picture, without its header, lead picture, comments or related posts again', async () => {
    const article = await syncedArticle(wordpressBlog('whole', 3));
    expectPages(article, [1, 2, 3]);
    expect(article.fullTextState).toBe('done');
    expect(article.fullTextError).toBeNull();
    // The lead picture once, and the three pages' own: all in the cache.
    expect(cachedPictures(article)).toBe(4);
    expect(article.html).not.toContain('data-original-src');
    expect(article.html.match(/Related|Leave a Reply|Island Notes/g)).toBeNull();
    // The byline, which the theme shows on every page, once; the pager, which would read as a line between the pages' stories, never.
    expect(article.html.match(/Posted on|Pages:/g)).toEqual(['Posted on']);
    expect(article.commentForm).not.toBeNull();
    expect(site.requestsFor(`/whole${POST}2/`)).toHaveLength(1);
    expect(site.requestsFor(`/whole${POST}3/`)).toHaveLength(1);
  });

  it('does not take the link WordPress puts to the next post for a page of this one', async () => {
    const other = '/nextpost/2024/03/19/a-winter-on-the-lamp/';
    site.serve(other, { body: '<!doctype html><html><body><article><p>Another post entirely.</p></article></body></html>', ...html });
    const post = `/nextpost${POST}`;
    site.serve(post, { body: wordpressPage({ number: 1, pages: [site.url(post)], head: `<link rel='next' title='A winter on the lamp' href='${site.url(other)}' />` }), ...html });
    site.serve('/nextpost/feed/', { body: feed(post, 'nextpost'), type: 'application/rss+xml' });
    const article = await syncedArticle('/nextpost/feed/');
    expectPages(article, [1]);
    expect(article.fullTextError).toBeNull();
    expect(site.requestsFor(other)).toHaveLength(0);
  });

  it('keeps the pages that came when a later one is not found, and says which', async () => {
    const article = await syncedArticle(wordpressBlog('gone', 3, (number, pages) => site.serve(new URL(pages[number - 1]!).pathname, number === 3
      ? { body: '<!doctype html><title>Page not found</title><h1>Oops! That page can\u2019t be found.</h1>', status: 404, ...html }
      : { body: wordpressPage({ number, pages }), ...html })));
    expectPages(article, [1, 2]);
    expect(article.fullTextError).toBe('page 3 of 3 could not be fetched (HTTP 404 Not Found); only pages 1 to 2 are saved');
    expect(cachedPictures(article)).toBe(3);
  });

  it('ends at a page that repeats an earlier one: a pager that loops', async () => {
    const article = await syncedArticle(wordpressBlog('loop', 3, (number, pages) =>
      // Page 3 answers with page 2's story again.
      site.serve(new URL(pages[number - 1]!).pathname, { body: wordpressPage({ number, pages, story: STORY[1], picture: PICTURES[1] }), ...html })));
    expectPages(article, [1, 2]);
    expect(article.fullTextError).toBe('page 3 of 3 repeats an earlier page; only pages 1 to 2 are saved');
  });

  it('ends at a page number the site answers with the first page', async () => {
    // WordPress's canonical redirect: a page past the post's last goes back to the post.
    const article = await syncedArticle(wordpressBlog('back', 2, (number, pages) => site.redirect(new URL(pages[number - 1]!).pathname, pages[0]!)));
    expectPages(article, [1]);
    expect(article.fullTextError).toBe('page 2 of 2 repeats an earlier page; only the first page is saved');
    expect(site.requestsFor(`/back${POST}`)).toHaveLength(2);
  });

  it('ends at a page that is a PDF, read no further than its first bytes', async () => {
    // Before, the sync read the 16 MB PDF up to the page cap (5 MB; the server wrote 8.3 MB) and
    // said "page 2 of 2 could not be fetched (too large (over 5 MB))".
    const article = await syncedArticle(wordpressBlog('pdf', 2, (number, pages) => site.route(new URL(pages[number - 1]!).pathname, (_req, res) =>
      streamPdf(res, makePdf('The keepers\u2019 logbooks, scanned', 16 * MB)))));
    expectPages(article, [1]);
    expect(article.fullTextError).toBe('page 2 of 2 is a PDF document, not a web page; only the first page is saved');
  });

  it('takes no page of another site', async () => {
    // The pager links to another host: no page of this article.
    const post = `/offsite${POST}`;
    site.serve(post, { body: wordpressPage({ number: 1, pages: [site.url(post), elsewhere.url(`${post}2/`)] }), ...html });
    site.serve('/offsite/feed/', { body: feed(post, 'offsite'), type: 'application/rss+xml' });
    const article = await syncedArticle('/offsite/feed/');
    expectPages(article, [1]);
    expect(article.fullTextError).toBeNull();
    expect(elsewhere.requests).toHaveLength(0);
  });

  it('keeps no page a redirect took to another site', async () => {
    const article = await syncedArticle(wordpressBlog('moved', 2, (number, pages) => site.redirect(new URL(pages[number - 1]!).pathname, elsewhere.url(POST))));
    expectPages(article, [1]);
    expect(article.html).not.toContain('ferry tickets');
    expect(article.fullTextError).toBe('page 2 of 2 led to another site; only the first page is saved');
  });
});

it('saves a feature paged with ?page=N whole', async () => {
  const path = '/features/2024/03/the-last-keepers';
  site.serve(path, { body: featurePage(path, 1, 3), ...html });
  site.serve(`${path}?page=2`, { body: featurePage(path, 2, 3), ...html });
  site.serve(`${path}?page=3`, { body: featurePage(path, 3, 3), ...html });
  site.serve('/features/feed.xml', { body: feed(path, 'features'), type: 'application/rss+xml' });
  const article = await syncedArticle('/features/feed.xml');
  expectPages(article, [1, 2, 3]);
  expect(article.fullTextError).toBeNull();
  expect(cachedPictures(article)).toBe(3);
  expect(article.html.match(/Most read|Page \d of 3/g)).toBeNull();
});

// A list's pager links to its older items, not to the rest of one article: nothing more is fetched
// or joined, and the note does not say the article continues.
describe('the pager of a list of items', () => {
  /** A WordPress blog's front page as the_posts_pagination() pages it: /blog/page/2/, "Next page". */
  function blogIndex(): string {
    const posts = STORY.map((story, i) => `<article class="post type-post status-publish hentry"><header class="entry-header"><h2 class="entry-title"><a href="/blog/2024/03/${i + 10}/keepers-${i}/" rel="bookmark">Keepers, part ${i + 1}</a></h2></header>
<div class="entry-content"><p>${story[0]}</p><p>${story[1]} <a href="/blog/2024/03/${i + 10}/keepers-${i}/#more-${i}" class="more-link">Continue reading</a></p></div></article>`).join('\n');
    return `<!DOCTYPE html><html lang="en-GB"><head><meta charset="UTF-8"><title>Blog - Island Notes</title><link rel="next" href="/blog/page/2/" /></head>
<body class="blog hfeed"><header id="masthead"><p class="site-title"><a href="/">Island Notes</a></p></header><main id="main">${posts}
<nav class="navigation pagination" aria-label="Posts pagination"><h2 class="screen-reader-text">Posts pagination</h2><div class="nav-links"><span aria-current="page" class="page-numbers current">1</span> <a class="page-numbers" href="/blog/page/2/">2</a> <a class="page-numbers" href="/blog/page/3/">3</a> <a class="next page-numbers" href="/blog/page/2/">Next page</a></div></nav>
</main></body></html>`;
  }

  /** A live page whose updates carry no dates of their own markup: "Older updates" at ?page=2. */
  function liveUpdates(): string {
    const updates = STORY.flat().map((line) => `<div class="update"><p>${line}</p></div>`).join('\n');
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Live: the keepers' reunion | The Northern Review</title></head><body>
<article class="live"><h1>Live: the keepers' reunion on Skerry Point</h1>${updates}
<div class="live-pager"><a href="/live/keepers-reunion?page=2" rel="next">&laquo; Older updates</a></div></article></body></html>`;
  }

  const changelog = () => fixtureText('corpus/pages/changelog-releases.html');
  /** The changelog as a release-notes index pages it: "1 2 Next", words of an article's pager. */
  const releaseNotes = () => changelog().replace(/<nav class="changelog__pagination".*<\/nav>/, '<nav class="pagination"><span aria-current="page">1</span> <a href="/release-notes?page=2">2</a> <a href="/release-notes?page=2">Next</a></nav>');

  it.each([
    ['a product changelog\u2019s "Older entries"', '/changelog', changelog, ['/changelog?page=2'], 'Winter maintenance'],
    ['a release-notes index\u2019s numbered pager', '/release-notes', releaseNotes, ['/release-notes?page=2'], 'Winter maintenance'],
    ['a WordPress blog\u2019s /page/2/', '/blog/', blogIndex, ['/blog/page/2/', '/blog/page/3/'], STORY[0]![0]!],
    ['a live page\u2019s "Older updates"', '/live/keepers-reunion', liveUpdates, ['/live/keepers-reunion?page=2'], STORY[2]![2]!],
  ])('%s is no later page of the article', async (_name, path, page, older, shown) => {
    site.serve(path, { body: page(), ...html });
    for (const url of older) site.serve(url, { body: `<!doctype html><html><body><article><p>${STORY[2]!.join(' ')}</p></article></body></html>`, ...html });
    const feedPath = `${path.replace(/\/$/, '')}/list-feed.xml`;
    site.serve(feedPath, { body: feed(path, path), type: 'application/rss+xml' });
    const article = await syncedArticle(feedPath);
    expect(article.fullTextState).toBe('done');
    expect(article.html).toContain(shown);
    // Before, the sync fetched the older items and joined them, and the note said the article continued on the site.
    expect(article.fullTextError).toBeNull();
    for (const url of older) expect(site.requestsFor(url), url).toHaveLength(0);
  });
});
