// The right pane: the open article, or what to do when none is open. It scrolls on its own, so
// "space" can page through the article (see App).
import { useLayoutEffect, type CSSProperties, type ReactNode, type RefObject } from 'react';
import type { ArticleId } from '../../../shared/types';
import type { ReaderState } from '../hooks/use-reader';
import { ArticleView } from './ArticleView';
import { BackIcon } from './icons';
import { ReaderActions } from './ReaderActions';

export interface ReaderPaneProps {
  readonly reader: ReaderState;
  readonly scrollRef: RefObject<HTMLElement | null>;
  readonly empty: ReactNode;
  readonly onOpen: () => void;
  readonly onToggleStar: () => void;
  readonly onToggleRead: () => void;
  readonly onOpenLink: (url: string) => void;
  /** Opens another stored article, which a link of the open one points at. */
  readonly onOpenArticle: (id: ArticleId) => void;
  readonly onCopyLink: (url: string) => void;
  /** The article's text size (a reading preference), in CSS pixels. */
  readonly fontSize: number;
  /** One pane at a time (a narrow window): back to the list. */
  readonly onBack?: () => void;
}

export function ReaderPane(props: ReaderPaneProps) {
  const { reader, scrollRef } = props;
  const { article } = reader;
  const articleId = article?.id ?? null;

  // A new article starts at its top.
  useLayoutEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [scrollRef, articleId]);

  let content: ReactNode;
  if (reader.status === 'error') {
    content = (
      <div className="pane-note error" role="alert">
        <p>The article could not be opened: {reader.error}</p>
        <button type="button" className="button" onClick={reader.retry}>
          Try again
        </button>
      </div>
    );
  } else if (reader.status === 'missing') {
    content = <p className="pane-note">This article is no longer stored: it was removed with its feed or by the retention setting.</p>;
  } else if (reader.status === 'loading' && !article) {
    content = (
      <p className="pane-note" role="status">
        Opening the article…
      </p>
    );
  } else if (article && reader.status !== 'empty') {
    content = (
      <>
        <ReaderActions article={article} onOpen={props.onOpen} onToggleStar={props.onToggleStar} onToggleRead={props.onToggleRead} onCopyLink={props.onCopyLink} />
        {/* Keyed: an article's comment thread, its window and its reply form are its own. */}
        <ArticleView key={article.id} article={article} onOpenLink={props.onOpenLink} onOpenArticle={props.onOpenArticle} />
      </>
    );
  } else {
    content = props.empty;
  }

  return (
    <main
      ref={scrollRef}
      className="reader-pane"
      aria-label="Reader"
      aria-busy={reader.status === 'loading'}
      tabIndex={-1}
      style={{ '--article-font-size': `${props.fontSize}px` } as CSSProperties}
    >
      {props.onBack && (
        <button type="button" className="button small back-button" onClick={props.onBack}>
          <BackIcon /> Back to the list
        </button>
      )}
      {content}
    </main>
  );
}
