// Finding a draft's comment among the comments of its article's feed: how a comment held for
// moderation is seen to be approved, how a duplicate gets its link, and how an attempt that may
// have reached the site (a crash, a timeout) is confirmed instead of posted twice.
import type { ArticleId, CommentId, Draft } from '../../../shared/types';
import { siteCommentNumber, type Storage } from '../storage';

export interface StoredCommentText {
  readonly id: CommentId;
  readonly author: string | null;
  readonly text: string;
  readonly url: string | null;
}

/**
 * Letters and digits only, case folded: the site re-typesets what it shows (curly quotes,
 * dashes, paragraphs, links made of bare URLs, smilies as images), never the words.
 */
function comparable(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * The draft's comment, when the site shows it: by its number when the site told us (a held
 * comment's link names it), else by the same author and the same text. The text may follow a
 * lead the site adds to replies in feeds ("In reply to Ana."), hence endsWith.
 */
export function findDraftComment(draft: Draft, comments: readonly StoredCommentText[]): StoredCommentText | null {
  const number = siteCommentNumber(draft.commentUrl);
  const byNumber = number === null ? undefined : comments.find((comment) => siteCommentNumber(comment.url) === number);
  if (byNumber) return byNumber;
  const body = comparable(draft.body);
  if (body === '') return null;
  const author = comparable(draft.name);
  return comments.find((comment) => comparable(comment.author ?? '') === author && comparable(comment.text).endsWith(body)) ?? null;
}

const FOUND_MESSAGE: Readonly<Record<string, string>> = {
  held: 'Approved: the comment now shows on the site.',
  sent: 'The site already had this comment; it shows there.',
  queued: 'An interrupted attempt had posted this comment; it shows on the site.',
};

/** Marks the article's drafts whose comments now show on the site as sent. Returns how many. */
export function reconcileDrafts(storage: Storage, articleId: ArticleId, now: number): number {
  const waiting = storage.drafts.awaitingConfirmation(articleId);
  if (waiting.length === 0) return 0;
  const comments = storage.comments.texts(articleId);
  let found = 0;
  for (const { draft } of waiting) {
    const comment = findDraftComment(draft, comments);
    if (comment && storage.drafts.markFound(draft.id, draft.state, comment.url, FOUND_MESSAGE[draft.state] ?? '', now)) found++;
  }
  return found;
}
