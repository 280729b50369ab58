// Where a WordPress site serves an article's whole comment thread: its REST API, which the page
// announces with <link rel="https://api.w.org/" href="ROOT">, at ROOT wp/v2/comments?post=ID.
// The comment feed lists only the newest comments (10 by default), so a thread read from it alone
// is partial. ROOT is ".../wp-json/" with pretty permalinks and "...?rest_route=/" without them;
// the post's id comes from the page's own REST link to the post, its comment form, or its
// shortlink. Read from the raw page in the worker, like the comment form. Without the API, a page
// that lists its comments itself is the next best source (comment-page.ts); else the comment feed.
// A site that names its API and refuses it (401, 403) is read as if it named none (comment-refresh.ts).
import { listsWordPressComments, postAddressOf } from './comment-page';
import { marksSchemaComments } from './schema-comments';
import { listsSystemThread } from './system-threads';
import { parseBase, webUrl } from './urls';

/** Where an article's whole thread is read, when its page says: the REST API, or the page itself. */
export interface CommentThreadSource {
  readonly url: string;
  readonly kind: 'wordpress-api' | 'wordpress-page';
  /** The page's comments are a forum's, answered on the site by its signed-in members: schema.org's
   *  Comments with no WordPress markup (a Discourse topic's replies), or the thread of a system of
   *  its own (Reddit, Hacker News, phpBB, XenForo, Blogger...: system-threads.ts). Not stored: it
   *  decides the form (tasks.ts). */
  readonly membersOnly?: true;
}

/** The best source of the article's whole thread its page shows, or null (the comment feed is then all there is). */
export function discoverCommentThread(pageHtml: string, pageUrl: string): CommentThreadSource | null {
  const api = discoverCommentApi(pageHtml, pageUrl);
  if (api !== null) return { url: api, kind: 'wordpress-api' };
  // 'wordpress-page' is the article's page read for its thread (comment-page.ts): WordPress's
  // markup, or schema.org's Comments (a Discourse topic's replies), whose marks are found here
  // by a string check alone.
  if (listsWordPressComments(pageHtml)) {
    const page = { url: postAddressOf(pageUrl), kind: 'wordpress-page' } as const;
    return listsSystemThread(pageHtml) ? { ...page, membersOnly: true } : page;
  }
  return marksSchemaComments(pageHtml) ? { url: postAddressOf(pageUrl), kind: 'wordpress-page', membersOnly: true } : null;
}

/** Comments per REST page: WordPress's maximum. */
const COMMENT_API_PAGE_SIZE = 100;

/** The first page of the article's comments over the REST API, or null when the page names none. */
export function discoverCommentApi(pageHtml: string, pageUrl: string): string | null {
  // The page's <link> tags, found once: up to three of them are looked for.
  const links = pageHtml.match(/<link\b[^>]*>/gi) ?? [];
  const root = linkHref(links, /rel=["']https:\/\/api\.w\.org\/["']/i);
  if (!root) return null;
  const postId = postIdOf(pageHtml, links);
  if (!postId) return null;
  const base = webUrl(root, parseBase(pageUrl));
  if (!base) return null;
  return commentApiPage(base, postId, 1);
}

/** Page `page` of a post's comments under the API root, newest first. */
function commentApiPage(root: string, postId: string, page: number): string {
  const url = new URL(root);
  if (url.searchParams.has('rest_route')) {
    url.searchParams.set('rest_route', '/wp/v2/comments');
  } else if (!/\/wp\/v2\/comments$/.test(url.pathname)) {
    url.pathname = `${url.pathname.replace(/\/?$/, '/')}wp/v2/comments`;
  }
  url.searchParams.set('post', postId);
  url.searchParams.set('per_page', String(COMMENT_API_PAGE_SIZE));
  url.searchParams.set('page', String(page));
  url.hash = '';
  return url.href;
}

function linkHref(links: readonly string[], rel: RegExp): string | null {
  for (const tag of links) {
    if (!rel.test(tag)) continue;
    const href = /\bhref=(["'])([^"']*)\1/i.exec(tag)?.[2];
    if (href) return href.replace(/&amp;|&#0?38;/g, '&');
  }
  return null;
}

function postIdOf(html: string, links: readonly string[]): string | null {
  const restLink = linkHref(links, /type=["']application\/json["']/i);
  const fromRest = restLink ? /wp(?:\/|%2F)v2(?:\/|%2F)posts(?:\/|%2F)(\d+)/i.exec(restLink)?.[1] : undefined;
  if (fromRest) return fromRest;
  const fromForm = /name=["']comment_post_ID["'][^>]*\bvalue=["'](\d+)["']|value=["'](\d+)["'][^>]*name=["']comment_post_ID["']/i.exec(html);
  if (fromForm) return fromForm[1] ?? fromForm[2]!;
  const shortlink = linkHref(links, /rel=["']shortlink["']/i);
  return shortlink ? (/[?&]p=(\d+)/.exec(shortlink)?.[1] ?? null) : null;
}
