// One article as the reader shows it: in its own direction and language (so Arabic and Hebrew
// run right to left and CJK text gets CJK fonts), with the UI around it unchanged. Its lead
// image heads the text when the text has no picture of its own (LeadImage.tsx). Its comment
// thread is read here, not only in its section: a link in the text to a comment, to the thread or
// to the reply form goes there (lib/discussion-link.ts), and one to another stored article opens
// it in the reader (hooks/use-library-links.ts). ReaderPane keys it by the article, so an
// article's thread window and reply form start afresh.
import { useMemo } from 'react';
import type { Article, ArticleId, Comment } from '../../../shared/types';
import { useCommentWindow } from '../hooks/use-comment-window';
import { useComments } from '../hooks/use-comments';
import { useLatestCallback } from '../hooks/use-latest';
import { useLibraryLinks } from '../hooks/use-library-links';
import { enclosureLabel } from '../lib/enclosure-label';
import { feedName } from '../lib/feed-names';
import { isoDate, longDate } from '../lib/format';
import { missedImageReasons, missingImageReason } from '../lib/image-placeholders';
import { ArticleBody } from './ArticleBody';
import { CommentSection } from './CommentSection';
import { FullTextNote } from './FullTextNote';
import { enclosuresBesides, LeadImage, shownLeadImage } from './LeadImage';

export interface ArticleViewProps {
  readonly article: Article;
  readonly onOpenLink: (url: string) => void;
  /** Opens another stored article in the reader (a link of the text to it: hooks/use-library-links.ts). */
  readonly onOpenArticle: (id: ArticleId) => void;
}

const NO_COMMENTS: readonly Comment[] = [];

export function ArticleView({ article, onOpenLink, onOpenArticle }: ArticleViewProps) {
  const comments = useComments(article.id);
  const thread = useCommentWindow(comments.comments ?? NO_COMMENTS, article);
  const openLibraryLink = useLibraryLinks(article.id, onOpenArticle, onOpenLink);
  // Of stable identity: the body is not rendered again when the thread changes.
  const openLink = useLatestCallback((url: string) => {
    if (!thread.goToLinked(url)) openLibraryLink(url);
  });
  const leadImage = shownLeadImage(article);
  const enclosures = enclosuresBesides(article);
  // One map per article: a new one at each render would place the boxes again for nothing.
  const imageReasons = useMemo(() => missedImageReasons(article.missedImages), [article.missedImages]);
  return (
    <>
      <article className="article" dir={article.dir} lang={article.lang ?? undefined} aria-labelledby="article-title">
        <header className="article-header">
          <p className="article-feed">{feedName(article.feedTitle)}</p>
          <h1 id="article-title">{article.title || 'Untitled'}</h1>
          <p className="article-meta">
            {article.author && <span className="article-author">{article.author}</span>}
            <time dateTime={isoDate(article.publishedAt)}>{longDate(article.publishedAt)}</time>
          </p>
        </header>
        <FullTextNote article={article} />
        {leadImage && <LeadImage key={leadImage} src={leadImage} alt={article.title.trim()} />}
        {article.html.trim() ? (
          <ArticleBody html={article.html} title={article.title} baseUrl={article.url} onOpenLink={openLink} missingImageReason={missingImageReason(article)} missedImageReasons={imageReasons} />
        ) : (
          <p className="article-note">This article has no stored text. Open it in the browser to read it.</p>
        )}
        {enclosures.length > 0 && (
          <ul className="enclosures" aria-label="Attachments">
            {enclosures.map((enclosure) => (
              <li key={enclosure.url}>
                <button type="button" className="link-button" onClick={() => onOpenLink(enclosure.url)}>
                  {enclosureLabel(enclosure)}
                </button>
              </li>
            ))}
          </ul>
        )}
      </article>
      <CommentSection article={article} comments={comments} thread={thread} onOpenLink={onOpenLink} />
    </>
  );
}
