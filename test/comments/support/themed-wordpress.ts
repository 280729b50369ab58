// A WordPress site without the REST API (some sites turn it off, or hide its link), on the loopback:
// the site feed, one post whose page lists its comments as a classic theme (Twenty Twenty-One's
// <ol class="comment-list">, replies in <ol class="children">) or a block theme (Twenty
// Twenty-Three's <ol class="wp-block-comment-template">, replies in a bare <ol>) writes them, and
// the post's comment feed with the newest 10 only, as WordPress serves it. Older themes write the
// list as WordPress's walker does without html5 support (<ol class="commentlist">, the text as bare
// paragraphs in div.comment-body, the date only as text, replies in <ul class="children">), or as
// Twenty Twelve's own callback does (<li id="li-comment-N"> around <article id="comment-N">, with a
// pingback as a bare <li id="comment-N">); a theme with a callback of its own writes markup of its
// own. The page may name the REST API while the site refuses it (a "Disable REST API" plugin: 401).
// Or wpDiscuz writes the whole comment section (wpdiscuz-markup.ts): its own form, and the newest
// threads up to threadsPerPage (all with 0), the rest behind its "Load more comments" button.
// Comment pages as WordPress splits them: by top-level thread, oldest page first, the bare
// address showing the newest page (or, as the site may choose, the oldest); the others at
// comment-page-N/ (pretty permalinks) or ?p=ID&cpage=N (plain), linked by "Older/Newer Comments"
// and page numbers (ends and neighbours), or by "Older/Newer Comments" alone as older themes do.
// The page may name a REST API that serves the post's comments, 100 a page, newest first, with
// X-WP-Total and X-WP-TotalPages. A moderator may remove a comment (spam): it is then gone from all.
// The site may show its threads newest first (Settings > Discussion: comment_order desc: the walker
// reverses each page's top level, replies still oldest first), and nest replies only so deep
// (thread_comments_depth): past it the walker writes a reply beside the comment it answers, and a
// theme may say whom it answers ("In reply to <a href="POST#comment-N">Ana</a>" in its meta).
import type http from 'node:http';
import { TestServer, sendStatic } from '../../support/server';
import { wpdComment, wpdSection } from './wpdiscuz-markup';

export type Theme = 'classic' | 'block' | 'older-walker' | 'twentytwelve' | 'own-markup' | 'wpdiscuz';
export type Permalinks = 'pretty' | 'plain';
export type CommentDates = 'english' | 'german' | 'ago';

export interface SiteComment {
  readonly id: number;
  readonly parent: number;
  readonly author: string;
  readonly content: string;
  /** The text as HTML of several paragraphs, quotes and links, where the classic theme shows it; else <p>content</p>. */
  readonly html?: string;
  readonly at: number;
}

export interface ThemedSiteOptions {
  readonly theme: Theme;
  readonly permalinks: Permalinks;
  /** Top-level threads per comment page; 0: one page ("Break comments into pages" off). */
  readonly threadsPerPage: number;
  /** False: the page lists no comments (a theme that loads them by script, say). */
  readonly pageListsComments?: boolean;
  /** The page names the REST API, which answers 401 rest_login_required. */
  readonly refusedRestApi?: boolean;
  /** The page names the REST API, which serves the post's comments. */
  readonly restApi?: boolean;
  /** Which comment page the post's own address shows (WordPress's default_comments_page); newest unless given. */
  readonly defaultCommentsPage?: 'newest' | 'oldest';
  /** The comment pages link only their neighbours ("Older/Newer Comments"), no page numbers. */
  readonly neighbourLinksOnly?: boolean;
  /** How old the post is; 3 days unless given. */
  readonly publishedDaysAgo?: number;
  /** How the older walker shows its dates: in English unless given; on a German site (de_DE,
   *  <html lang="de-DE">) as "11. März 2024 um 8:40"; or as how long ago ("2 hours ago"), as a
   *  theme or plugin filtering get_comment_date with human_time_diff() does. */
  readonly commentDates?: CommentDates;
  /** WordPress's comment_order: 'desc' lists each page's threads newest first; 'asc' unless given. */
  readonly commentOrder?: 'asc' | 'desc';
  /** WordPress's thread_comments_depth (5 by default); deeper replies stand beside their parent. */
  readonly threadDepth?: number;
  /** The classic theme names the comment a reply answers in its meta, as many themes do. */
  readonly namesParent?: boolean;
}

const POST_ID = 41;
const POST_SLUG = '/2026/11/30/the-harbour-bridge-reopens/';
const FEED_SIZE = 10;

export class ThemedWordPress {
  comments: SiteComment[] = [];
  /** Site numbers are never given twice, a removed comment's neither. */
  private lastId = 200;

  private constructor(readonly server: TestServer, private readonly options: ThemedSiteOptions) {}

  static async start(options: ThemedSiteOptions): Promise<ThemedWordPress> {
    const site = new ThemedWordPress(await TestServer.start(), options);
    site.server.route('/feed/', (req, res) => sendStatic(req, res, { body: site.siteFeed(), type: 'application/rss+xml; charset=UTF-8', etag: true }));
    site.server.route('/wp-json/wp/v2/comments', (req, res) => {
      if (options.restApi) return site.restComments(req.url ?? '/', res);
      res.writeHead(401, { 'content-type': 'application/json; charset=UTF-8' });
      res.end(JSON.stringify({ code: 'rest_login_required', message: 'REST API restricted to authenticated users.', data: { status: 401 } }));
    });
    site.server.route(site.commentFeedPath, (req, res) => sendStatic(req, res, { body: site.commentFeed(), type: 'application/rss+xml; charset=UTF-8', etag: true }));
    site.server.fallback((req, res) => {
      const page = site.pageNumberOf(req.url ?? '/');
      if (page === null) {
        res.writeHead(404, { 'content-type': 'text/html; charset=UTF-8' });
        res.end('<!DOCTYPE html><title>Page not found</title><h1>Nothing here</h1>');
        return;
      }
      sendStatic(req, res, { body: site.page(page), type: 'text/html; charset=UTF-8' });
    });
    return site;
  }

  get feedUrl(): string {
    return this.server.url('/feed/');
  }

  get postUrl(): string {
    return this.options.permalinks === 'pretty' ? this.server.url(POST_SLUG) : this.server.url(`/?p=${POST_ID}`);
  }

  /** `count` approved comments a minute apart, after those already there; every third answers the
   *  one before it, so threads nest. `htmlOf`: the text of the i-th (from 1) as HTML. */
  addComments(count: number, htmlOf?: (i: number) => string): void {
    const start = this.comments.at(-1)?.at ?? Date.now() - 86_400_000;
    for (let i = 1; i <= count; i++) {
      const previous = this.comments.at(-1);
      const id = ++this.lastId;
      this.comments.push({ id, parent: i % 3 === 0 && previous ? previous.id : 0, author: `Reader ${i}`, content: `Comment number ${i}: the bridge matters to me.`, html: htmlOf?.(i), at: start + i * 60_000 });
    }
  }

  /** A thread of `length` comments a minute apart, each but the first answering the one before it. */
  addReplyChain(length: number): void {
    for (let i = 0; i < length; i++) {
      const previous = this.comments.at(-1);
      const id = ++this.lastId;
      const at = (previous?.at ?? Date.now() - 86_400_000) + 60_000;
      this.comments.push({ id, parent: i > 0 ? previous!.id : 0, author: `Chain ${id}`, content: `Reply ${i} in the chain: I still think the bridge was worth it.`, at });
    }
  }

  /** Takes the comment off the site, as a moderator marking it spam does. */
  removeComment(id: number): void {
    this.comments = this.comments.filter((comment) => comment.id !== id);
  }

  /** Requests for the post's comment pages other than the first. */
  commentPageRequests(): string[] {
    return this.server.requests.map((r) => r.path).filter((path) => /comment-page-|cpage=/.test(path));
  }

  private get commentFeedPath(): string {
    return this.options.permalinks === 'pretty' ? `${POST_SLUG}feed/` : `/?feed=rss2&p=${POST_ID}`;
  }

  private get oldestFirst(): boolean {
    return this.options.defaultCommentsPage === 'oldest';
  }

  private pageUrl(page: number, pages: number): string {
    if (page === (this.oldestFirst ? 1 : pages)) return this.postUrl;
    return this.options.permalinks === 'pretty' ? this.server.url(`${POST_SLUG}comment-page-${page}/`) : this.server.url(`/?p=${POST_ID}&cpage=${page}`);
  }

  /** Which comment page a request asks for (0: the bare address), or null when it is not the post. */
  private pageNumberOf(path: string): number | null {
    const url = new URL(path, this.server.origin);
    if (this.options.permalinks === 'pretty') {
      if (url.pathname === POST_SLUG) return 0;
      const match = /^(.*\/)comment-page-(\d+)\/$/.exec(url.pathname);
      return match && match[1] === POST_SLUG ? Number(match[2]) : null;
    }
    if (url.pathname !== '/' || url.searchParams.get('p') !== String(POST_ID)) return null;
    return url.searchParams.has('cpage') ? Number(url.searchParams.get('cpage')) : 0;
  }

  private threads(): SiteComment[][] {
    const tops = this.comments.filter((c) => c.parent === 0);
    const per = this.options.threadsPerPage || Math.max(tops.length, 1);
    const pages: SiteComment[][] = [];
    for (let i = 0; i < tops.length; i += per) pages.push(tops.slice(i, i + per));
    return pages.length > 0 ? pages : [[]];
  }

  private page(asked: number): string {
    const threads = this.threads();
    const page = asked === 0 ? (this.oldestFirst ? 1 : threads.length) : Math.min(asked, threads.length);
    const tops = threads[page - 1]!;
    const shown = this.options.pageListsComments !== false && tops.length > 0 && this.options.theme !== 'wpdiscuz';
    const list = shown ? this.commentList(tops, page, threads.length) : '';
    const body = this.options.theme === 'block' ? blockPost(list, this.comments.length) : classicPost(list, this.comments.length);
    return `<!DOCTYPE html>
<html lang="${this.options.commentDates === 'german' ? 'de-DE' : 'en-GB'}">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>The harbour bridge reopens after two years &#8211; Harbour Town News</title>
<link rel="alternate" type="application/rss+xml" title="Harbour Town News &raquo; Feed" href="${this.feedUrl}">
<link rel="alternate" type="application/rss+xml" title="Harbour Town News &raquo; The harbour bridge reopens after two years Comments Feed" href="${this.server.url(this.commentFeedPath)}">
<link rel="canonical" href="${this.postUrl}">
<link rel='shortlink' href='${this.server.url(`/?p=${POST_ID}`)}'>
${this.options.refusedRestApi || this.options.restApi ? `<link rel="https://api.w.org/" href="${this.server.url('/wp-json/')}">` : ''}
</head>
<body class="post-template-default single single-post postid-${POST_ID} single-format-standard">
${body.replace('{{FORM}}', this.options.theme === 'wpdiscuz' ? this.wpdiscuzSection() : this.form())}
</body>
</html>`;
  }

  /** The comment and its replies as the theme writes them: nested down to the thread depth, past
   *  it after the comment, at its depth (Walker_Comment::display_element). */
  private render(comment: SiteComment, depth: number): string {
    const theme = this.options.theme;
    const nested = depth < (this.options.threadDepth ?? 5);
    const replies = this.comments.filter((c) => c.parent === comment.id).map((r) => this.render(r, nested ? depth + 1 : depth)).join('');
    const children = replies === '' || !nested ? '' : theme === 'block' ? `<ol>${replies}</ol>` : theme === 'older-walker' ? `<ul class="children">${replies}</ul>` : theme === 'wpdiscuz' ? replies : `<ol class="children">${replies}</ol>`;
    const markup = COMMENT_MARKUP[theme](comment, depth, this.postUrl, this.comments, this.options.commentDates ?? 'english', this.options.namesParent ?? false).replace('{{CHILDREN}}', children);
    return nested ? markup : markup + replies;
  }

  /** wpDiscuz's section: the newest threads, up to threadsPerPage, the rest behind "Load more comments". */
  private wpdiscuzSection(): string {
    const tops = this.comments.filter((c) => c.parent === 0).sort((a, b) => b.at - a.at);
    const shown = this.options.threadsPerPage ? tops.slice(0, this.options.threadsPerPage) : tops;
    const threads = this.options.pageListsComments === false ? '' : shown.map((c) => this.render(c, 1)).join('\n');
    return wpdSection(this.server.origin, this.comments.length, threads, shown.length < tops.length);
  }

  private commentList(tops: SiteComment[], page: number, pages: number): string {
    const theme = this.options.theme;
    const render = (comment: SiteComment, depth: number) => this.render(comment, depth);
    const pingback = theme === 'twentytwelve' ? twentyTwelvePingback(tops[0]!.id + 1000) : '';
    const shown = this.options.commentOrder === 'desc' ? [...tops].reverse() : tops;
    const items = pingback + shown.map((c) => render(c, 1)).join('\n');
    const nav = pages > 1 ? this.pagination(page, pages) : '';
    const title = `${this.comments.length} thoughts on &ldquo;The harbour bridge reopens after two years&rdquo;`;
    if (theme !== 'block') {
      return `<h2 class="comments-title">${title}</h2>
<ol class="${theme === 'classic' ? 'comment-list' : 'commentlist'}">
${items}
</ol>
${nav}`;
    }
    return `<h3 id="comments" class="wp-block-comments-title">${title}</h3>
<ol class="wp-block-comment-template">${items}</ol>
${nav}`;
  }

  private pagination(page: number, pages: number): string {
    const link = (n: number) => `${this.pageUrl(n, pages)}#comments`;
    const numbers: string[] = [];
    let dots = false;
    for (let n = 1; n <= pages; n++) {
      if (n === page) {
        numbers.push(`<span aria-current="page" class="page-numbers current">${n}</span>`);
      } else if (this.options.neighbourLinksOnly) {
        continue;
      } else if (n === 1 || n === pages || Math.abs(n - page) <= 1) {
        numbers.push(`<a class="page-numbers" href="${link(n)}">${n}</a>`);
        dots = false;
      } else if (!dots) {
        numbers.push('<span class="page-numbers dots">&hellip;</span>');
        dots = true;
      }
    }
    const older = page > 1 ? `<a href="${link(page - 1)}" class="${this.options.theme === 'classic' ? 'prev page-numbers' : 'wp-block-comments-pagination-previous'}">Older Comments</a>` : '';
    const newer = page < pages ? `<a href="${link(page + 1)}" class="${this.options.theme === 'classic' ? 'next page-numbers' : 'wp-block-comments-pagination-next'}">Newer Comments</a>` : '';
    if (this.options.theme === 'classic') {
      return `<nav class="navigation comments-pagination" aria-label="Comments">
<h2 class="screen-reader-text">Comments navigation</h2>
<div class="nav-links">${older}\n${numbers.join('\n')}\n${newer}</div>
</nav>`;
    }
    return `<div class="is-layout-flex wp-block-comments-pagination">${older}<div class="wp-block-comments-pagination-numbers">${numbers.join('\n')}</div>${newer}</div>`;
  }

  /** wp/v2/comments?post=ID&per_page=100&page=N: the post's comments, newest first, as the REST API serves them. */
  private restComments(path: string, res: http.ServerResponse): void {
    const query = new URL(path, this.server.origin).searchParams;
    const perPage = Math.min(Number(query.get('per_page') ?? 10), 100);
    const page = Number(query.get('page') ?? 1);
    const newest = [...this.comments].sort((a, b) => b.at - a.at);
    const body = newest.slice((page - 1) * perPage, page * perPage).map((comment) => ({
      id: comment.id, post: POST_ID, parent: comment.parent, author: 0, author_name: comment.author, author_url: '',
      date_gmt: new Date(comment.at).toISOString().slice(0, 19), content: { rendered: `<p>${comment.content}</p>\n` },
      link: `${this.postUrl}#comment-${comment.id}`, status: 'approved', type: 'comment',
    }));
    res.writeHead(200, {
      'content-type': 'application/json; charset=UTF-8',
      'x-wp-total': String(newest.length),
      'x-wp-totalpages': String(Math.ceil(newest.length / perPage)),
    });
    res.end(JSON.stringify(body));
  }

  private form(): string {
    return `<div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Leave a Reply</h3>
<form action="${this.server.url('/wp-comments-post.php')}" method="post" id="commentform" class="comment-form" novalidate>
<p class="comment-form-comment"><label for="comment">Comment <span class="required">*</span></label> <textarea id="comment" name="comment" cols="45" rows="8" maxlength="65525" required></textarea></p>
<p class="comment-form-author"><label for="author">Name <span class="required">*</span></label> <input id="author" name="author" type="text" value="" size="30" maxlength="245" required></p>
<p class="comment-form-email"><label for="email">Email <span class="required">*</span></label> <input id="email" name="email" type="email" value="" size="30" maxlength="100" required></p>
<p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="Post Comment"> <input type='hidden' name='comment_post_ID' value='${POST_ID}' id='comment_post_ID'> <input type='hidden' name='comment_parent' id='comment_parent' value='0'></p>
</form></div>`;
  }

  private siteFeed(): string {
    return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:slash="http://purl.org/rss/1.0/modules/slash/">
<channel>
	<title>Harbour Town News</title>
	<link>${this.server.origin}</link>
	<description>What happens by the water</description>
	<language>en-GB</language>
	<generator>https://wordpress.org/?v=6.1.1</generator>
	<item>
		<title>The harbour bridge reopens after two years</title>
		<link>${this.postUrl}</link>
		<comments>${this.postUrl}#comments</comments>
		<dc:creator><![CDATA[Harbour Desk]]></dc:creator>
		<pubDate>${new Date(Date.now() - (this.options.publishedDaysAgo ?? 3) * 86_400_000).toUTCString()}</pubDate>
		<guid isPermaLink="false">${this.server.url(`/?p=${POST_ID}`)}</guid>
		<description><![CDATA[After two years of repairs the bridge carries traffic again.]]></description>
		<wfw:commentRss>${this.server.url(this.commentFeedPath)}</wfw:commentRss>
		<slash:comments>${this.comments.length}</slash:comments>
	</item>
</channel>
</rss>`;
  }

  private commentFeed(): string {
    const newest = [...this.comments].sort((a, b) => b.at - a.at).slice(0, FEED_SIZE);
    const items = newest.map((comment) => {
      const parent = this.comments.find((c) => c.id === comment.parent);
      const lead = parent ? `<p>In reply to <a href="${this.postUrl}#comment-${parent.id}">${parent.author}</a>.</p>\n` : '';
      return `	<item>
		<title>By: ${comment.author}</title>
		<link>${this.postUrl}#comment-${comment.id}</link>
		<dc:creator><![CDATA[${comment.author}]]></dc:creator>
		<pubDate>${new Date(comment.at).toUTCString()}</pubDate>
		<guid isPermaLink="false">${this.server.url(`/?p=${POST_ID}`)}#comment-${comment.id}</guid>
		<content:encoded><![CDATA[${lead}<p>${comment.content}</p>]]></content:encoded>
	</item>`;
    });
    return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
	<title>Comments on: The harbour bridge reopens after two years</title>
	<link>${this.postUrl}</link>
	<description>What happens by the water</description>
${items.join('\n')}
</channel>
</rss>`;
  }
}

const ARTICLE = `<p>After two years of repairs, the harbour bridge opened to traffic again on Monday morning. The first
car across was driven by the engineer who closed it, who said the new deck should last a century.</p>
<p>Buses return to the old route next week; the ferry keeps its extra sailings until the end of the month, when
the council will decide whether to keep any of them for good.</p>
<p>Residents on both banks said the quiet had been pleasant, but that the long way round to the market had not.</p>`;

function classicPost(list: string, count: number): string {
  return `<div id="page" class="site">
<header id="masthead" class="site-header"><p class="site-title"><a href="/">Harbour Town News</a></p></header>
<main id="main" class="site-main">
<article id="post-${POST_ID}" class="post-${POST_ID} post type-post status-publish format-standard hentry category-town">
<header class="entry-header"><h1 class="entry-title">The harbour bridge reopens after two years</h1></header>
<div class="entry-content">
${ARTICLE}
</div>
<footer class="entry-footer default-max-width"><div class="posted-by"><span class="posted-on">Published <time class="entry-date published updated" datetime="2026-11-30T08:00:00+00:00">November 30, 2026</time></span><span class="byline">By <a href="/author/harbour-desk/" rel="author">Harbour Desk</a></span></div></footer>
</article>
<div id="comments" class="comments-area default-max-width show-avatars">
${count === 0 ? '' : list}
{{FORM}}
</div>
</main>
<footer id="colophon" class="site-footer"><div class="powered-by">Proudly powered by <a href="https://wordpress.org/">WordPress</a>.</div></footer>
</div>`;
}

function blockPost(list: string, count: number): string {
  return `<div class="wp-site-blocks"><header class="wp-block-template-part"><p class="wp-block-site-title"><a href="/">Harbour Town News</a></p></header>
<main class="is-layout-flow wp-block-group">
<h1 style="margin-bottom:var(--wp--preset--spacing--40);" class="wp-block-post-title">The harbour bridge reopens after two years</h1>
<div class="entry-content wp-block-post-content is-layout-constrained">
${ARTICLE}
</div>
<div class="wp-block-comments">
<h2>Comments</h2>
${count === 0 ? '' : list}
{{FORM}}
</div>
</main>
<footer class="wp-block-template-part"><p class="has-text-align-right">Proudly powered by <a href="https://wordpress.org" rel="nofollow">WordPress</a></p></footer></div>`;
}

const COMMENT_MARKUP: Record<Theme, (comment: SiteComment, depth: number, postUrl: string, all: readonly SiteComment[], dates: CommentDates, namesParent: boolean) => string> = {
  classic: classicComment,
  block: (comment, _depth, postUrl) => blockComment(comment, postUrl),
  'older-walker': olderWalkerComment,
  twentytwelve: twentyTwelveComment,
  'own-markup': ownMarkupComment,
  wpdiscuz: wpdiscuzComment,
};

function classicComment(comment: SiteComment, depth: number, postUrl: string, all: readonly SiteComment[], _dates: CommentDates, namesParent: boolean): string {
  const iso = new Date(comment.at).toISOString().replace(/\.\d{3}Z$/, '+00:00');
  const parent = namesParent ? all.find((c) => c.id === comment.parent) : undefined;
  const answers = parent ? `<span class="comment-parent-link">In reply to <a href="${postUrl}#comment-${parent.id}">${parent.author}</a></span>` : '';
  return `<li id="comment-${comment.id}" class="comment even thread-even depth-${depth}">
<article id="div-comment-${comment.id}" class="comment-body">
<footer class="comment-meta">
<div class="comment-author vcard"><b class="fn">${comment.author}</b> <span class="says">says:</span></div>
<div class="comment-metadata"><a href="${postUrl}#comment-${comment.id}"><time datetime="${iso}">${new Date(comment.at).toDateString()}</time></a>${answers}</div>
</footer>
<div class="comment-content">${comment.html ?? `<p>${comment.content}</p>`}</div>
<div class="reply"><a rel='nofollow' class='comment-reply-link' href='${postUrl}?replytocom=${comment.id}#respond' data-commentid="${comment.id}" aria-label='Reply to ${comment.author}'>Reply</a></div>
</article>
{{CHILDREN}}</li>`;
}

function blockComment(comment: SiteComment, postUrl: string): string {
  const iso = new Date(comment.at).toISOString().replace(/\.\d{3}Z$/, '+00:00');
  return `<li id="comment-${comment.id}" class="comment even thread-even depth-1">
<div class="is-layout-flex wp-block-columns">
<div class="is-layout-flow wp-block-column" style="flex-basis:40px"><div class="wp-block-avatar">  </div></div>
<div class="is-layout-flow wp-block-column">
<div class="wp-block-comment-author-name">${comment.author}</div>
<div class="is-layout-flex wp-block-group"><div class="wp-block-comment-date"><time datetime="${iso}"><a href="${postUrl}#comment-${comment.id}">${new Date(comment.at).toDateString()}</a></time></div></div>
<div class="wp-block-comment-content"><p>${comment.content}</p>
</div>
<div class="wp-block-comment-reply-link"><a rel='nofollow' class='comment-reply-link' href='${postUrl}?replytocom=${comment.id}#respond' data-commentid="${comment.id}" aria-label='Reply to ${comment.author}'>Reply</a></div>
</div>
</div>
{{CHILDREN}}</li>`;
}

/** "January 10, 2024 at 8:38 am", as the older walker shows a comment's date (the site's clock: UTC here). */
function siteClock(at: number): string {
  const date = new Date(at);
  const month = date.toLocaleString('en-US', { month: 'long', timeZone: 'UTC' });
  const hour = date.getUTCHours() % 12 || 12;
  return `${month} ${date.getUTCDate()}, ${date.getUTCFullYear()} at ${hour}:${String(date.getUTCMinutes()).padStart(2, '0')} ${date.getUTCHours() < 12 ? 'am' : 'pm'}`;
}

/** "11. März 2024 um 8:40", as de_DE's older walker shows it ("j. F Y" um "G:i"). */
function germanSiteClock(at: number): string {
  const date = new Date(at);
  const month = date.toLocaleString('de-DE', { month: 'long', timeZone: 'UTC' });
  return `${date.getUTCDate()}. ${month} ${date.getUTCFullYear()} um ${date.getUTCHours()}:${String(date.getUTCMinutes()).padStart(2, '0')}`;
}

/** "2 hours ago", as human_time_diff() words it. */
function howLongAgo(at: number): string {
  const minutes = Math.max(1, Math.round((Date.now() - at) / 60_000));
  if (minutes < 60) return `${minutes} min${minutes > 1 ? 's' : ''} ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} hour${hours > 1 ? 's' : ''} ago`;
  const days = Math.round(hours / 24);
  return `${days} day${days > 1 ? 's' : ''} ago`;
}

function olderWalkerComment(comment: SiteComment, depth: number, postUrl: string, _all: readonly SiteComment[], dates: CommentDates): string {
  const shown = dates === 'german' ? germanSiteClock(comment.at) : dates === 'ago' ? howLongAgo(comment.at) : siteClock(comment.at);
  return `<li class="comment even thread-even depth-${depth}" id="comment-${comment.id}">
<div id="div-comment-${comment.id}" class="comment-body">
<div class="comment-author vcard">
<img alt='' src='http://gravatar.invalid/avatar/${comment.id}?s=32' class='avatar avatar-32 photo' height='32' width='32' loading='lazy'/> <cite class="fn">${comment.author}</cite> <span class="says">says:</span></div>

<div class="comment-meta commentmetadata">
<a href="${postUrl}#comment-${comment.id}">${shown}</a></div>

<p>${comment.content}</p>
<p>Second paragraph of ${comment.author}.</p>

<div class="reply"><a rel='nofollow' class='comment-reply-link' href='#comment-${comment.id}' data-commentid="${comment.id}" aria-label='Reply to ${comment.author}'>Reply</a></div>
</div>
{{CHILDREN}}</li>`;
}

/** wpDiscuz's comment: its date shown as how long ago, the site's date and time in its title. */
function wpdiscuzComment(comment: SiteComment, depth: number, postUrl: string, all: readonly SiteComment[]): string {
  const days = Math.floor((Date.now() - comment.at) / 86_400_000);
  return wpdComment({
    id: comment.id, parent: comment.parent, author: comment.author, html: `<p>${comment.content}</p>`,
    siteDate: siteClock(comment.at).replace(' at ', ' '), shownDate: days > 0 ? `${days} day${days > 1 ? 's' : ''} ago` : 'today',
    parentAuthor: all.find((c) => c.id === comment.parent)?.author,
  }, depth, postUrl, '{{CHILDREN}}');
}

function twentyTwelveComment(comment: SiteComment, depth: number, postUrl: string): string {
  const iso = new Date(comment.at).toISOString().replace(/\.\d{3}Z$/, '+00:00');
  return `<li class="comment even depth-${depth}" id="li-comment-${comment.id}">
<article id="comment-${comment.id}" class="comment">
<header class="comment-meta comment-author vcard">
<img alt='' src='http://gravatar.invalid/avatar/${comment.id}?s=44' class='avatar avatar-44 photo' height='44' width='44'/><cite><b class="fn">${comment.author}</b> </cite><a href="${postUrl}#comment-${comment.id}"><time datetime="${iso}">${siteClock(comment.at)}</time></a></header>
<section class="comment-content comment">
<p>${comment.content}</p>
</section>
<div class="reply"><a rel='nofollow' class='comment-reply-link' href='#comment-${comment.id}'>Reply</a> <span>&darr;</span></div>
</article>
{{CHILDREN}}</li>`;
}

function twentyTwelvePingback(id: number): string {
  return `<li class="pingback even depth-1" id="comment-${id}">
<p>Pingback: <a href="http://other.example/2026/11/30/links/" class="url" rel="ugc external nofollow">Weekly links &laquo; Other Blog</a> </p>
</li>`;
}

/** A theme's own callback: WordPress's list item, none of its classes inside. */
function ownMarkupComment(comment: SiteComment, depth: number): string {
  return `<li class="comment depth-${depth}" id="comment-${comment.id}">
<div class="cmt-card"><div class="cmt-head"><strong class="cmt-name">${comment.author}</strong> <span class="cmt-when">${siteClock(comment.at)}</span></div>
<div class="cmt-text"><p>${comment.content}</p></div></div>
{{CHILDREN}}</li>`;
}
