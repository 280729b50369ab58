// An article whose page the sync has not read (still pending, refused, or its feed set to keep the
// feed's text) has neither its comment form nor, unless its comment feed was read, its comments:
// the reader says what it does not know, rather than "No comments yet" and a reply form as if the
// site's discussion were empty and its form known.
import type { Article } from '../../../shared/types';
import { withReason } from './sentence';

/** The end of a sync's reason that says itself that the feed's text is kept (sync/article-sync.ts). */
const FEED_TEXT_KEPT = /; the feed['’]s text is kept$/;

/** Why the article's page could not be saved, without the clause saying the feed's text is kept. */
export function pageFailureReason(article: Pick<Article, 'fullTextError'>): string | null {
  return article.fullTextError?.replace(FEED_TEXT_KEPT, '') || null;
}

export type PageNotRead = 'pending' | 'failed' | 'skipped';

type PageFacts = Pick<Article, 'url' | 'fullTextState' | 'contentSource' | 'linkedFile'>;

/** Why the article's page was never read, or null when it was (or there is no page to read: no
 *  link, or a link that is a file). A copy from its page that waits to be saved again (the article
 *  changed on its site) was read. */
export function pageNotRead(article: PageFacts): PageNotRead | null {
  if (article.url === null || article.linkedFile !== null) return null;
  if (article.fullTextState === 'done' || article.contentSource === 'page') return null;
  return article.fullTextState;
}

/** What the comment section says in place of an empty thread when the comments are not known:
 *  the page was not read and no comment feed was either. Null when they are. */
export function commentsNotLoaded(article: PageFacts & Pick<Article, 'commentsReadAt' | 'fullTextError'>): string | null {
  if (article.commentsReadAt !== null) return null;
  switch (pageNotRead(article)) {
    case null:
      return null;
    case 'pending':
      return 'Comments are loaded with the whole article at the next sync.';
    case 'skipped':
      return 'Comments were not loaded: Full text is off for this feed, so Paperboy does not read its articles’ pages, where the comments are.';
    case 'failed':
      return `Comments were not loaded, as the article’s page could not be read${withReason(pageFailureReason(article))}`;
  }
}
