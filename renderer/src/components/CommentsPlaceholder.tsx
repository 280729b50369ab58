// The place of the comment section, which comes with the comments feature. Until then it says
// how many comments the site reports and offers the discussion page in the browser.
import type { Article } from '../../../shared/types';

export interface CommentsPlaceholderProps {
  readonly article: Article;
  readonly onOpenLink: (url: string) => void;
}

export function CommentsPlaceholder({ article, onOpenLink }: CommentsPlaceholderProps) {
  const { commentsUrl, commentCount } = article;
  return (
    <section className="comments" aria-labelledby="comments-heading" dir="ltr" lang="en">
      <h2 id="comments-heading">Comments{commentCount ? ` (${commentCount.toLocaleString()})` : ''}</h2>
      <p className="muted">Reading comments offline comes in a later version of Paperboy.</p>
      {commentsUrl && (
        <button type="button" className="button small" onClick={() => onOpenLink(commentsUrl)}>
          Open the discussion in the browser
        </button>
      )}
    </section>
  );
}
