// Reading one article's comment thread: conditional GET, body-hash skip (as for feeds), parse in
// a worker, store, then see whether drafts waiting for confirmation now show on the site.
// A failure is recorded on the comment feed and returned, never thrown: comments never fail
// the article or the feed they belong to.
//
// The source is the site's REST API when the article's page named one (the whole thread, 100 a
// page, newest first), else the article's page itself when it lists its comments (every comment,
// threaded, over its comment pages), else the comment feed (WordPress lists only the newest 10
// there; the reader then says the thread is partial). A page that names the API while the site
// refuses it (a "Disable REST API" plugin, a firewall: 401, 403) or answers something else is read
// as if it named none. What the page shows is read together with the comment feed: a page whose
// comments the reader cannot read (a theme's own markup), or a cached page older than the feed,
// must not hide the comments the feed gives. Budget of one read: the first page,
// conditional (validators and body hash: an unchanged first page means nothing new, since it
// holds the newest comments, or on a site showing the oldest first, the changed count in its
// title); only when it changed, the further pages, at most THREAD_MAX_PAGES in all. A thread of
// several pages with no comment feed (a forum topic: its first page is its oldest and says no
// count) has its newest page read too when the first is unchanged, one page a sync.
//
// A thread with more comment pages than that is read on over the next syncs: the pages read and
// those linked are remembered (comment_pages), and while some are unread the thread is read
// again even when its first page did not change. Each read takes the newest page known first
// (where a site showing the oldest page first adds new comments), then those never read, newest
// first, then those read longest ago.
//
// A read that saw the whole thread (every page of the API up to x-wp-totalpages, holding
// x-wp-total comments; every comment page known, showing every comment of the feed, none of them
// showing only part of its own behind a button that loads the rest by script) takes away
// the stored comments it did not find: the site removed them (spam a moderator took down). A
// partial, failed or budget-cut read, and the comment feed, never take any away. A comment page
// that fails midway (a forum's server error on page 8 of 16) costs the thread only that page: the
// pages read are stored, the read is partial, the error is recorded naming the page, and the page
// is read again at the next sync.
import { createHash } from 'node:crypto';
import { FEED_ACCEPT, HttpError, PAGE_ACCEPT, decodeText, withoutUndeclaredGzip, type FetchResponse, type HttpClient } from '../http';
import { siteCommentNumber, type CommentFeedState, type CommentFeedTarget, type CommentPagesRead, type IncomingComment, type Storage } from '../storage';
import type { TaskRunner } from '../workers/pool';
import { reconcileDrafts } from './draft-match';
import { errorMessage } from '../../../shared/error-message';

/** A sync reads again the comment feeds of articles published this recently... */
export const COMMENT_REFRESH_WINDOW_MS = 14 * 24 * 60 * 60 * 1000;
/** ...at most this many per feed (newest first), plus those of articles with a sent or held draft... */
export const COMMENT_REFRESH_PER_FEED = 25;
/** ...plus this many older ones per feed, the longest unchecked first: conditional requests (a 304
 *  from a WordPress comment feed costs a few hundred bytes and no write), so every old thread is
 *  checked again within (its feed's old threads / 5) syncs. */
export const COMMENT_RECHECK_PER_FEED = 5;
/** Pages of the REST API (1,000 comments) or comment pages of the article read per thread and sync. */
export const THREAD_MAX_PAGES = 10;

const API_ACCEPT = 'application/json';
const ACCEPT = { feed: FEED_ACCEPT, 'wordpress-api': API_ACCEPT, 'wordpress-page': PAGE_ACCEPT } as const;

export interface CommentRefreshContext {
  readonly storage: Storage;
  readonly http: HttpClient;
  readonly pool: TaskRunner;
  readonly now: () => number;
  readonly maxBytes: number;
  readonly signal?: AbortSignal;
  /** Runs the store; a sync passes its write turns so stores take turns on the event loop. */
  readonly write?: <T>(store: () => T) => Promise<T>;
  /** Read the thread as if never read (no validators, no body hash): what the site holds now,
   *  whole where it can be, not whether it changed. */
  readonly fresh?: boolean;
}

export interface CommentRefreshResult {
  readonly status: 'stored' | 'not-modified' | 'unchanged' | 'failed';
  readonly newComments: number;
  readonly error: string | null;
  /** The site numbers of every comment on the site, when this read saw the whole thread; else null. */
  readonly onSite: ReadonlySet<string> | null;
}

export async function refreshCommentFeed(target: CommentFeedTarget, ctx: CommentRefreshContext): Promise<CommentRefreshResult> {
  const { storage } = ctx;
  const write = ctx.write ?? (async <T>(store: () => T) => store());
  const previous = ctx.fresh ? null : storage.comments.feedState(target);
  // A thread read from the article's pages is first checked through its comment feed: pages carry
  // no validators and weigh 70-130 KB each, a comment feed answers 304. Its validators and body
  // hash are then the ones kept for the thread.
  const probe = target.kind === 'wordpress-page' ? (target.probeUrl ?? null) : null;
  let response;
  try {
    response = await ctx.http.fetch({
      url: probe ?? target.url,
      accept: probe ? FEED_ACCEPT : ACCEPT[target.kind ?? 'feed'],
      etag: previous?.etag,
      lastModified: previous?.lastModified,
      maxBytes: ctx.maxBytes,
      signal: ctx.signal,
    });
  } catch (error) {
    if (target.kind === 'wordpress-api' && error instanceof HttpError && error.kind === 'http-status') return readWithoutApi(target, ctx);
    return failed(target, error, ctx);
  }
  const validators: CommentFeedState = {
    etag: response.etag ?? previous?.etag ?? null,
    lastModified: response.lastModified ?? previous?.lastModified ?? null,
    bodyHash: previous?.bodyHash ?? null,
  };
  const bodyHash = response.notModified ? null : createHash('sha256').update(response.body).digest('hex');
  const unchanged = bodyHash === null || bodyHash === previous?.bodyHash;
  const pagesLeft = target.kind === 'wordpress-page' && pagesLeftToRead(storage, target);
  // Without a comment feed to say the thread changed, an unchanged first page says nothing of the
  // newest page, where a site showing its oldest page first (a forum topic) adds replies: that
  // page alone is read then, and any new page it links.
  const newestOnly = unchanged && !pagesLeft && target.kind === 'wordpress-page' && probe === null && laterPagesWithoutFeed(storage, target);
  if (unchanged && !pagesLeft && !newestOnly) {
    await write(() => storage.db.transaction(() => {
      storage.comments.recordFetch(target, { at: ctx.now(), error: null, validators });
      reconcileDrafts(storage, target.articleId, ctx.now());
    }));
    return { status: bodyHash === null ? 'not-modified' : 'unchanged', newComments: 0, error: null, onSite: null };
  }

  let thread: ThreadRead;
  try {
    if (target.kind === 'wordpress-api') {
      // Not a list of comments (a login page, a firewall's challenge): the API is not there to read.
      const firstPage = await ctx.pool.run('ingestApiComments', response.body.toString('utf8'), response.url, target.articleId).catch(() => null);
      if (firstPage === null) return await readWithoutApi(target, ctx);
      thread = await readApiPages(target, response, firstPage, ctx);
    } else if (target.kind === 'wordpress-page') {
      // Read on while pages are left though nothing changed: the first page is then asked again in full.
      const refetch = probe !== null || response.notModified;
      const first = refetch ? await ctx.http.fetch({ url: target.url, accept: PAGE_ACCEPT, maxBytes: ctx.maxBytes, signal: ctx.signal }) : response;
      const pages = await readCommentPages(target, first, ctx, newestOnly);
      const feed = await commentFeedOf(target, probe !== null && !response.notModified ? response : null, ctx);
      const comments = withFeedOnly(pages.comments, feed);
      // Whole only when the pages showed comments, and every one the feed gives: a page whose
      // markup the reader cannot read, or a cached page older than the feed, is not the thread.
      thread = {
        comments, pages: pages.pages, whole: pages.whole && pages.comments.length > 0 && comments.length === pages.comments.length, failure: pages.failure,
        newestFirst: pages.newestFirst,
      };
    } else {
      const comments = await ctx.pool.run('ingestComments', commentFeedText(response, ctx.maxBytes), target.url, target.articleId);
      thread = { comments, pages: null, whole: false };
    }
  } catch (error) {
    return failed(target, error, ctx);
  }
  if (ctx.signal?.aborted) return { status: 'failed', newComments: 0, error: 'cancelled', onSite: null };
  const pageFailure = thread.failure ?? null;
  // A read a page failed keeps the validators it had: the next sync reads the thread again, that page with it.
  const kept = pageFailure ? (previous ?? { etag: null, lastModified: null, bodyHash: null }) : { ...validators, bodyHash: bodyHash ?? validators.bodyHash };
  const newComments = await write(() => storage.db.transaction(() => {
    const added = storage.comments.upsert(target.articleId, thread.comments, ctx.now());
    if (thread.whole) storage.comments.removeMissing(target.articleId, thread.comments);
    if (thread.pages) storage.comments.recordCommentPages(target.articleId, thread.pages, ctx.now());
    storage.comments.recordFetch(target, { at: ctx.now(), error: pageFailure, validators: kept });
    if (thread.newestFirst != null) storage.comments.recordThreadOrder(target.articleId, thread.newestFirst);
    reconcileDrafts(storage, target.articleId, ctx.now());
    return added;
  }));
  const onSite = thread.whole ? new Set(thread.comments.map((comment) => siteCommentNumber(comment.uniqueId) ?? siteCommentNumber(comment.url) ?? '')) : null;
  return { status: 'stored', newComments, error: pageFailure, onSite };
}

/** What one read of a thread found. */
interface ThreadRead {
  readonly comments: IncomingComment[];
  /** The comment pages read and found, for a thread read from the article's page. */
  readonly pages: CommentPagesRead | null;
  /** The read saw the whole thread: what it did not find is no longer on the site. */
  readonly whole: boolean;
  /** Why a comment page could not be read, when one failed while the others were read. */
  readonly failure?: string;
  /** The pages list the threads newest first (CommentPage.newestFirst); null or absent: not said. */
  readonly newestFirst?: boolean | null;
}

/** The first page's comments and those of the pages after it, within the budget. Whole when every
 *  page the site counts was read and held as many comments as it says there are: one removed
 *  while the pages were read moves another onto a page already read. */
async function readApiPages(
  target: CommentFeedTarget, first: FetchResponse, comments: IncomingComment[], ctx: CommentRefreshContext,
): Promise<ThreadRead> {
  const sitePages = Number.parseInt(first.headers['x-wp-totalpages'] ?? '', 10);
  const siteTotal = Number.parseInt(first.headers['x-wp-total'] ?? '', 10);
  const totalPages = Math.min(sitePages || 1, THREAD_MAX_PAGES);
  for (let page = 2; page <= totalPages; page++) {
    const url = new URL(target.url);
    url.searchParams.set('page', String(page));
    const response = await ctx.http.fetch({ url: url.href, accept: API_ACCEPT, maxBytes: ctx.maxBytes, signal: ctx.signal });
    comments.push(...(await ctx.pool.run('ingestApiComments', response.body.toString('utf8'), response.url, target.articleId)));
  }
  const distinct = new Set(comments.map((comment) => siteCommentNumber(comment.uniqueId))).size;
  const whole = sitePages > 0 && sitePages <= THREAD_MAX_PAGES && siteTotal > 0 && distinct >= siteTotal;
  return { comments, pages: null, whole };
}

/**
 * The comments of the article's page and of the comment pages known, within the budget: those
 * remembered from earlier reads and those linked from the pages read now (each page links to its
 * neighbours, so they are found as the read goes on). Whole when no page known was left unread
 * and none showed only part of its comments. A page that fails is left unread (the first failure
 * is said) and the read goes on with the others known. `newestOnly`: of the pages read before,
 * only the newest is read again.
 */
async function readCommentPages(
  target: CommentFeedTarget, first: FetchResponse, ctx: CommentRefreshContext, newestOnly = false,
): Promise<{ comments: IncomingComment[]; pages: CommentPagesRead; whole: boolean; failure?: string; newestFirst: boolean | null }> {
  const ingest = async (response: FetchResponse) =>
    ctx.pool.run('ingestPageComments', decodeText(response.body, response.contentType, 'html'), response.url, target.articleId, servedAt(response, ctx.now()));
  const { comments, pages, partial, newestFirst: firstOrder } = await ingest(first);
  let shownInPart = partial;
  // The article's own page says the order; a page with one thread on it says nothing, and another page may.
  let newestFirst = firstOrder;
  const lastRead = new Map(ctx.storage.comments.commentPages(target.articleId).map((page) => [page.url, page.readAt]));
  const linked = new Set(pages);
  const done = new Set([target.url, first.url]);
  const read: string[] = [];
  const gone: string[] = [];
  let failure: string | undefined;
  let fetched = 1;
  const next = () => nextCommentPage(lastRead, linked, done, read.length === 0, newestOnly);
  for (let url = next(); url !== null; url = next()) {
    if (fetched >= THREAD_MAX_PAGES) return { comments, pages: { read, linked: [...linked], gone }, whole: false, failure, newestFirst };
    fetched++;
    done.add(url);
    let response;
    try {
      response = await ctx.http.fetch({ url, accept: PAGE_ACCEPT, maxBytes: ctx.maxBytes, signal: ctx.signal });
    } catch (error) {
      if (ctx.signal?.aborted) throw error;
      // A page remembered from an earlier read that no page links to now, and that the site no
      // longer serves: the thread has fewer pages than it had.
      if (!linked.has(url) && isGone(error)) gone.push(url);
      // Any other failure leaves this page unread: the pages read are not lost for it.
      else failure ??= `The comment page ${url} could not be read: ${errorMessage(error)}`;
      continue;
    }
    done.add(response.url);
    read.push(url);
    const page = await ingest(response);
    comments.push(...page.comments);
    for (const found of page.pages) linked.add(found);
    shownInPart ||= page.partial;
    newestFirst ??= page.newestFirst;
  }
  return { comments, pages: { read, linked: [...linked], gone }, whole: !newestOnly && gone.length === 0 && !shownInPart && failure === undefined, failure, newestFirst };
}

/**
 * The comment page to read next, of those known (remembered or linked) and not read in this read:
 * first the newest (where a site showing the oldest page first adds new comments; on one showing
 * the newest first, the page before the article's own), then those never read, newest first, then
 * (unless `unreadOnly`) those read longest ago. Null when every page known was read.
 */
function nextCommentPage(
  lastRead: ReadonlyMap<string, number | null>, linked: ReadonlySet<string>, done: ReadonlySet<string>, newestFirst: boolean, unreadOnly: boolean,
): string | null {
  const left = [...new Set([...lastRead.keys(), ...linked])].filter((url) => !done.has(url));
  if (left.length === 0) return null;
  const newest = (a: string, b: string) => commentPageNumber(b) - commentPageNumber(a);
  if (newestFirst) return left.sort(newest)[0]!;
  const readAt = (url: string) => lastRead.get(url) ?? null;
  const unread = left.filter((url) => readAt(url) === null);
  if (unread.length > 0) return unread.sort(newest)[0]!;
  if (unreadOnly) return null;
  return left.sort((a, b) => readAt(a)! - readAt(b)! || newest(a, b))[0]!;
}

/** The number of a comment page: WordPress's comment-page-N/ with pretty permalinks, ?cpage=N
 *  without; a forum topic's ?page=N (schema-comments.ts), phpBB's ?start=N, Hacker News's ?p=N,
 *  XenForo's /page-N (system-threads.ts). */
function commentPageNumber(url: string): number {
  const address = new URL(url);
  const number = /\/(?:comment-)?page-(\d+)\/?$/.exec(address.pathname)?.[1] ?? pageParameters(address).map((param) => address.searchParams.get(param)).find((found) => found !== null);
  return Number(number) || 0;
}

/** The query parameters a comment page's number may be in. ?p=N is Hacker News's on its item
 *  pages alone: elsewhere it is WordPress's post (?p=123 is the post, ?p=123&cpage=2 its second
 *  comment page), and read as a number it made the post the newest of its pages. */
function pageParameters(address: URL): string[] {
  return address.pathname.endsWith('/item') ? ['p'] : ['cpage', 'page', 'start'];
}

/** When the site served the answer, by its own Date header (a forum's "Today, 09:14" counts from
 *  the day on the site's clock), else when it arrived. */
function servedAt(response: FetchResponse, now: number): number {
  const said = Date.parse(response.headers.date ?? '');
  return Number.isFinite(said) ? said : now;
}

/** The site answered that the address is not there (or no longer). */
function isGone(error: unknown): boolean {
  return error instanceof HttpError && error.kind === 'http-status' && (error.status === 404 || error.status === 410);
}

/** True when the article's thread has comment pages besides its own and no comment feed: only its pages say what changed. */
function laterPagesWithoutFeed(storage: Storage, target: CommentFeedTarget): boolean {
  return storage.comments.commentPages(target.articleId).length > 0 && !storage.articles.get(target.articleId)?.commentFeedUrl;
}

/** True when the article's thread is read from its page and some of its comment pages were never read. */
function pagesLeftToRead(storage: Storage, target: CommentFeedTarget): boolean {
  return storage.comments.commentPages(target.articleId).some((page) => page.readAt === null);
}

/**
 * The thread read as if the page named no API, when the site refuses it or answers something else:
 * from the page, checked through its comment feed, and the feed itself. Its validators are then
 * kept under the page's address; the API is asked again at the next read, since a refusal may be
 * lifted (and then the API's answer, at another address, is read whole).
 */
async function readWithoutApi(target: CommentFeedTarget, ctx: CommentRefreshContext): Promise<CommentRefreshResult> {
  const article = ctx.storage.articles.get(target.articleId);
  if (!article?.url) return failed(target, new Error("the site's REST API refused the comments"), ctx);
  // A draft whose place on the site is unknown may show without moving the feed: read the page then.
  const awaiting = ctx.storage.drafts.awaitingConfirmation(target.articleId).length > 0;
  const page: CommentFeedTarget = {
    articleId: target.articleId,
    url: article.url,
    kind: 'wordpress-page',
    probeUrl: awaiting ? null : article.commentFeedUrl,
  };
  return refreshCommentFeed(page, ctx);
}

/** The article's comment feed: the probe's answer when it was asked, else read now (none without its address). */
async function commentFeedOf(target: CommentFeedTarget, probed: FetchResponse | null, ctx: CommentRefreshContext): Promise<IncomingComment[]> {
  const url = probed ? null : ctx.storage.articles.get(target.articleId)?.commentFeedUrl;
  const response = probed ?? (url ? await ctx.http.fetch({ url, accept: FEED_ACCEPT, maxBytes: ctx.maxBytes, signal: ctx.signal }) : null);
  if (response === null) return [];
  return ctx.pool.run('ingestComments', commentFeedText(response, ctx.maxBytes), response.url, target.articleId);
}

/** A comment feed's text: inflated when its server gzipped it without saying so, as a site's feed
 *  is (http/inflate.ts), then decoded by its charset. */
function commentFeedText(response: FetchResponse, maxBytes: number): string {
  return decodeText(withoutUndeclaredGzip(response.body, maxBytes, response.url, 'cut short'), response.contentType, 'xml');
}

/** The page's comments, and those of the feed the page did not show: none when the page was read
 *  whole, all of them when the reader found nothing in the page's markup. A comment is the page's
 *  when the page names it as the feed does (Blogger's tag:blogger.com,...post-N) or by the same
 *  WordPress number; a feed comment without a number is not the page's for a page comment without one. */
function withFeedOnly(fromPage: IncomingComment[], fromFeed: readonly IncomingComment[]): IncomingComment[] {
  const ids = new Set(fromPage.map((comment) => comment.uniqueId));
  const numbers = new Set(fromPage.map((comment) => siteCommentNumber(comment.uniqueId)).filter((number) => number !== null));
  return [...fromPage, ...fromFeed.filter((comment) => {
    const number = siteCommentNumber(comment.uniqueId);
    return !ids.has(comment.uniqueId) && (number === null || !numbers.has(number));
  })];
}

function failed(target: CommentFeedTarget, error: unknown, ctx: CommentRefreshContext): CommentRefreshResult {
  const message = errorMessage(error);
  // A cancelled sync is not the comment feed's fault: nothing to record.
  if (!ctx.signal?.aborted) ctx.storage.comments.recordFetch(target, { at: ctx.now(), error: message });
  return { status: 'failed', newComments: 0, error: message, onSite: null };
}
