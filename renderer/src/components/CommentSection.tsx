// Under the article: the site's discussion brought home. The stored thread (offline), the
// person's own comments the site took, and the "Leave a Reply" composer whose drafts stay on
// disk until the person sends them. A thread with fewer comments than the site counts says so, and
// one longer than a sync reads says how much of it is stored so far.
// Where Paperboy cannot post (a forum topic's replies, posted by its signed-in members; a site that
// takes comments only from readers logged in to it; Jetpack's frame; a captcha; wpDiscuz; a comment
// service; a form that posts to another site, or requires a field Paperboy cannot fill in), as the composer says, the comments offer no Reply of their own: it would start a
// reply to one comment that only the site can make, a draft that could never be sent. The
// composer's one draft is copied to the article in the browser, where the site's own Reply is.
// An article whose page was not read (pending, refused, or its feed's Full text off) and whose
// comment feed was not either says its comments were not loaded, and why, not "No comments yet".
// An article whose link is a file (a PDF, an episode, a picture: Article.linkedFile) has no comment
// section: none is shown, unless comments were stored for it or the person wrote one (a draft is
// never hidden). The discussion a feed names elsewhere (Hacker News' page for a PDF) stays a click away.
import { useEffect } from 'react';
import { isCommentServiceKind, whereCommentsGo } from '../../../shared/comment-services';
import { isUnpostableFormKind, type Article, type Comment, type Draft } from '../../../shared/types';
import type { CommentWindow } from '../hooks/use-comment-window';
import type { CommentsState } from '../hooks/use-comments';
import { useDraftComposer, type DraftComposerState } from '../hooks/use-draft-composer';
import { postPage } from '../lib/comment-tree';
import { DISCUSSION_IDS } from '../lib/discussion-link';
import { commentsNotLoaded } from '../lib/page-not-read';
import { CommentComposer } from './CommentComposer';
import { CommentThread } from './CommentThread';
import { OwnComments } from './OwnComments';

export interface CommentSectionProps {
  readonly article: Article;
  /** The stored thread and the person's comments the site took (ArticleView reads them: the text links into them). */
  readonly comments: CommentsState;
  /** The part of the thread shown. */
  readonly thread: CommentWindow;
  readonly onOpenLink: (url: string) => void;
}

export function CommentSection({ article, comments: { comments, own, error, reload }, thread, onOpenLink }: CommentSectionProps) {
  const composer = useDraftComposer(article.id);
  // After a send the thread was read again (and the draft's state changed): show both.
  const result = composer.result;
  useEffect(() => {
    if (result) reload();
  }, [result, reload]);
  // The site's count, when it says more than the stored thread holds (its feed lists only the newest).
  const stored = comments?.length ?? 0;
  const siteCount = article.commentCount ?? 0;
  // Neither the page nor a comment feed was read: the thread is not known, not empty.
  const notLoaded = commentsNotLoaded(article);
  const partial = comments !== null && siteCount > stored && notLoaded === null;
  // A thread longer than one sync reads (a forum topic of many pages) is read on at later syncs:
  // the reader says how much of it is here, rather than nothing (or "the site lists only the newest").
  // Not "at the next sync": an older thread is read again only when its turn comes (comments-repo.ts
  // dueForRefresh). A page that keeps failing keeps pages left: the note says what failed.
  const readOn = comments !== null && article.moreCommentsLater;
  const noun = article.commentForm?.kind === 'forum' ? 'replies' : 'comments';
  const count = comments ? Math.max(stored, siteCount) : article.commentCount;
  // A page whose comments a service's script shows (Disqus, Facebook...) may have many: none stored
  // is not "no comments yet", only none that Paperboy could read.
  const service = isCommentServiceKind(article.commentForm?.kind) ? article.commentForm.kind : null;
  const emptyText = service ? `This page’s comments are ${whereCommentsGo(service)}, which Paperboy cannot read: they are shown on the site only.` : notLoaded ?? undefined;
  // A service's thread shows on the article's page: without a discussion address from the feed,
  // the page itself is where its comments are read.
  const discussionUrl = article.commentsUrl ?? (service ? article.url : null);
  const reply = isUnpostableFormKind(article.commentForm?.kind) ? undefined : (commentId: string, author: string | null) => composer.edit({ replyTo: { commentId, author } });
  if (article.linkedFile !== null && !hasCommentsOrWriting(comments, own, composer)) {
    // Nothing until the thread and the drafts are read: a section shown at first would go again.
    const elsewhere = loaded(comments, composer) ? discussionElsewhere(article) : null;
    return (
      elsewhere && (
        <p className="file-discussion">
          <button type="button" className="button small" onClick={() => onOpenLink(elsewhere)}>
            Open the discussion in the browser
          </button>
        </p>
      )
    );
  }
  return (
    <section className="comments" aria-labelledby={DISCUSSION_IDS.thread} dir="ltr" lang="en">
      <h2 id={DISCUSSION_IDS.thread}>Comments{count ? ` (${count.toLocaleString()})` : ''}</h2>
      {readOn ? (
        <p className="muted thread-partial" role="note">
          {partial ? `${stored.toLocaleString()} of ${siteCount.toLocaleString()}` : stored.toLocaleString()} {noun} stored; more in later syncs.
          {article.commentsReadError && ` The last sync could not read all of it: ${asClause(article.commentsReadError)}`}
        </p>
      ) : (
        partial && (
          <p className="muted thread-partial" role="note">
            Showing {stored.toLocaleString()} of {siteCount.toLocaleString()} comments: the site lists only the newest.
          </p>
        )
      )}
      {error && (
        <p className="error" role="alert">
          The comments could not be read: {error}
        </p>
      )}
      {/* A file's empty thread says nothing: it was never going to have one. */}
      {comments && (comments.length > 0 || (own.length === 0 && article.linkedFile === null)) && <CommentThread thread={thread} emptyText={emptyText} onOpenLink={onOpenLink} onReply={reply} />}
      {comments && <OwnComments own={own} comments={comments} isShown={thread.isShown} onGoToComment={thread.goToComment} />}
      {discussionUrl && (
        <button type="button" className="button small" onClick={() => onOpenLink(discussionUrl)}>
          Open the discussion in the browser
        </button>
      )}
      <CommentComposer article={article} composer={composer} onOpenLink={onOpenLink} />
    </section>
  );
}

function loaded(comments: readonly Comment[] | null, composer: DraftComposerState): comments is readonly Comment[] {
  return comments !== null && composer.fields !== null;
}

/** Whether the article has comments stored, or the person's own (sent, held, or a draft), which
 *  are shown whatever the link is; false until both are read. */
function hasCommentsOrWriting(comments: readonly Comment[] | null, own: readonly Draft[], composer: DraftComposerState): boolean {
  return loaded(comments, composer) && (comments.length > 0 || own.length > 0 || composer.draft !== null);
}

/** The discussion page the feed names for a file's article, when it is not the file itself. */
function discussionElsewhere(article: Article): string | null {
  return article.commentsUrl !== null && (article.url === null || postPage(article.commentsUrl) !== postPage(article.url)) ? article.commentsUrl : null;
}

/** A stored error as the end of the note's sentence: its first word in lower case (unless it is a
 *  name such as HTTP), ended with a full stop. */
function asClause(error: string): string {
  const text = /^[A-Z][a-z]/.test(error) ? error[0]!.toLowerCase() + error.slice(1) : error;
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
