// Under the article: the site's discussion brought home. The stored thread (offline), and the
// "Leave a Reply" composer whose drafts stay on disk until the person sends them.
import type { Article } from '../../../shared/types';
import { useComments } from '../hooks/use-comments';
import { useDraftComposer } from '../hooks/use-draft-composer';
import { CommentComposer } from './CommentComposer';
import { CommentThread } from './CommentThread';

export interface CommentSectionProps {
  readonly article: Article;
  readonly onOpenLink: (url: string) => void;
}

export function CommentSection({ article, onOpenLink }: CommentSectionProps) {
  const { comments, error } = useComments(article.id);
  const composer = useDraftComposer(article.id);
  // The stored thread is the truth once loaded; before that, the count the feed reported.
  const count = comments ? comments.length : article.commentCount;
  return (
    <section className="comments" aria-labelledby="comments-heading" dir="ltr" lang="en">
      <h2 id="comments-heading">Comments{count ? ` (${count.toLocaleString()})` : ''}</h2>
      {error && (
        <p className="error" role="alert">
          The comments could not be read: {error}
        </p>
      )}
      {comments && <CommentThread comments={comments} onOpenLink={onOpenLink} onReply={(commentId, author) => composer.edit({ replyTo: { commentId, author } })} />}
      {article.commentsUrl && (
        <button type="button" className="button small" onClick={() => onOpenLink(article.commentsUrl!)}>
          Open the discussion in the browser
        </button>
      )}
      <CommentComposer article={article} composer={composer} onOpenLink={onOpenLink} />
    </section>
  );
}
