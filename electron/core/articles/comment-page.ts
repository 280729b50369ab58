// The comments a WordPress article's page lists itself, for sites that do not serve them over the
// REST API: the comment feed holds only the newest 10 (and WordPress 6.1 ignores ?paged=N on a
// single post's comment feed: its LIMIT is posts_per_rss alone), while the page holds them all,
// split into comment pages when the site says so (comment-page-N/ with pretty permalinks,
// &cpage=N without; the bare address is the newest page by default).
//
// Both kinds of theme write each comment as <li id="comment-N"> with its replies in an <ol>
// inside it: classic themes in <ol class="comment-list"> (older ones "commentlist"), replies in
// <ol class="children">; block themes (Twenty Twenty-Three) in <ol class="wp-block-comment-template">,
// replies in a bare <ol>. So a comment's parent is the nearest enclosing comment <li>, and each
// comment is identified as the REST API and the comment feed identify it (POST#comment-N).
import type { SiteComment } from '../feeds';
import { markupTooComplex } from './markup-limits';
import { parsePage } from './page-document';
import { parseBase, webUrl } from './urls';

export interface CommentPage {
  readonly comments: SiteComment[];
  /** The other comment pages of the same post this page links to (absolute, no fragment). */
  readonly pages: string[];
}

const LIST = 'ol.comment-list, ol.commentlist, ul.comment-list, ol.wp-block-comment-template';
const COMMENT_ID = /^comment-(\d+)$/;
const CONTENT = '.comment-content, .wp-block-comment-content';
const AUTHOR = '.comment-author .fn, .wp-block-comment-author-name';
// WordPress's comment pages of one post: its address plus comment-page-N/, or ?cpage=N.
const COMMENT_PAGE_PATH = /\/comment-page-\d+\/?$/;

/** True when the page lists at least one comment in WordPress's markup (cheap: no DOM). */
export function listsWordPressComments(html: string): boolean {
  return /<li\b[^>]*\bid=["']comment-\d+["']/i.test(html) && /\b(?:comment-?list|wp-block-comment-template)\b/.test(html);
}

/** The post's address with its comment page taken off: the same for every comment page. */
export function postAddressOf(pageUrl: string): string {
  const url = new URL(pageUrl);
  url.hash = '';
  url.searchParams.delete('cpage');
  url.pathname = url.pathname.replace(COMMENT_PAGE_PATH, '/');
  return url.href;
}

/** The comments this page lists and the comment pages it links to. Throws on markup too complex to parse. */
export function readCommentPage(html: string, pageUrl: string): CommentPage {
  const tooComplex = markupTooComplex(html);
  if (tooComplex) throw new Error(tooComplex);
  const document = parsePage(html);
  const base = parseBase(pageUrl);
  const post = postAddressOf(pageUrl);
  const uniqueIdOf = (number: string) => `${post}#comment-${number}`;
  const comments: SiteComment[] = [];
  const seen = new Set<string>();
  for (const item of [...document.querySelectorAll(LIST)].flatMap((list) => [...list.querySelectorAll('li[id^="comment-"]')])) {
    const number = COMMENT_ID.exec(item.id)?.[1];
    if (!number || seen.has(number)) continue;
    seen.add(number);
    const own = (selector: string) => [...item.querySelectorAll(selector)].find((found) => found.closest('li[id^="comment-"]') === item) ?? null;
    const content = own(CONTENT);
    if (!content) continue;
    const parentNumber = COMMENT_ID.exec(item.parentElement?.closest('li[id^="comment-"]')?.id ?? '')?.[1];
    const author = own(AUTHOR);
    const authorLink = author?.matches('a') ? author : (author?.querySelector('a') ?? null);
    const datetime = own('time[datetime]')?.getAttribute('datetime');
    const published = datetime ? Date.parse(datetime) : Number.NaN;
    const permalink = own(`a[href*="#comment-${number}"]`)?.getAttribute('href');
    comments.push({
      uniqueId: uniqueIdOf(number),
      parentUniqueId: parentNumber ? uniqueIdOf(parentNumber) : null,
      author: author?.textContent?.trim() || null,
      authorUrl: webUrl(authorLink?.getAttribute('href'), base),
      publishedAt: Number.isNaN(published) ? null : published,
      html: content.innerHTML.trim(),
      link: webUrl(permalink, base) ?? uniqueIdOf(number),
    });
  }
  return { comments, pages: commentPagesLinked(document, base, post) };
}

function commentPagesLinked(document: Document, base: URL | null, post: string): string[] {
  const pages = new Set<string>();
  for (const anchor of document.querySelectorAll('a[href]')) {
    const href = webUrl(anchor.getAttribute('href'), base);
    if (!href) continue;
    const url = new URL(href);
    url.hash = '';
    const isCommentPage = COMMENT_PAGE_PATH.test(url.pathname) || url.searchParams.has('cpage');
    if (isCommentPage && postAddressOf(url.href) === post) pages.add(url.href);
  }
  return [...pages];
}
