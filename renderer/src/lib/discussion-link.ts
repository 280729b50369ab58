// Where a link goes in the article's own discussion. Articles link to it as the site shows it
// under them: "as Ana said" to #comment-123, WordPress's "12 Responses" to #comments and its
// "Leave a comment" to #respond. The core writes such a link as the article's address with that
// fragment (its comment section is not in the copy: electron/core/articles/in-page-links.ts), so
// it would open the site; the reader has the thread and the reply form right under the text.
// A link to another page's comments is no place here: it goes to the site.
import type { Article, Comment } from '../../../shared/types';
import { commentLinkedTo, postPage } from './comment-tree';

export type DiscussionPlace =
  | { readonly kind: 'comment'; readonly comment: Comment }
  | { readonly kind: 'thread' }
  | { readonly kind: 'reply-form' };

/** The reader's own ids of the thread's heading and the reply form, where those links go. */
export const DISCUSSION_IDS = { thread: 'comments-heading', 'reply-form': 'reply-form' } as const;

/** The fragments WordPress themes give the thread's start and the reply form ("Leave a Reply"). */
const THREAD_FRAGMENTS = new Set(['comments', 'comments-title']);
const REPLY_FORM_FRAGMENTS = new Set(['respond', 'reply-title', 'commentform']);

/** The place of the article's discussion a link points at: a stored comment, the thread or the
 *  reply form; null for anything else (a comment not stored, another page's comments). */
export function discussionPlace(href: string, article: Pick<Article, 'url' | 'commentsUrl'>, comments: readonly Comment[]): DiscussionPlace | null {
  const comment = commentLinkedTo(href, comments);
  if (comment) return { kind: 'comment', comment };
  const fragment = /#([^#]*)$/.exec(href)?.[1] ?? '';
  const kind = THREAD_FRAGMENTS.has(fragment) ? 'thread' : REPLY_FORM_FRAGMENTS.has(fragment) ? 'reply-form' : null;
  if (kind === null) return null;
  const page = postPage(href);
  // The article's page may go by several addresses: the feed's link, the page it redirected to
  // (which the copy's links are resolved against), the one its comments name.
  const ownPages = [article.url, article.commentsUrl, comments[0]?.url ?? null];
  return page !== null && ownPages.some((url) => url !== null && postPage(url) === page) ? { kind } : null;
}
