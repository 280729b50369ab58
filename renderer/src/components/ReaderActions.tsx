// The reader's own toolbar: open in the browser, star, mark read or unread, copy the link.
import type { Article } from '../../../shared/types';
import { useKeyHint } from '../hooks/use-key-hint';
import { ExternalIcon, StarIcon } from './icons';

export interface ReaderActionsProps {
  readonly article: Article;
  readonly onOpen: () => void;
  readonly onToggleStar: () => void;
  readonly onToggleRead: () => void;
  readonly onCopyLink: (url: string) => void;
}

export function ReaderActions({ article, onOpen, onToggleStar, onToggleRead, onCopyLink }: ReaderActionsProps) {
  const keyHint = useKeyHint();
  return (
    <div className="reader-actions" role="group" aria-label="Article actions">
      <button type="button" className="button" onClick={onOpen} disabled={!article.url} title={keyHint('Open in browser', 'o')}>
        <ExternalIcon /> Open in browser
      </button>
      {/* One name, its state in aria-pressed (and the filled star): a name that changed too would say it twice. */}
      <button type="button" className={`button${article.starred ? ' starred' : ''}`} aria-pressed={article.starred} onClick={onToggleStar} title={keyHint('Star', 's')}>
        <StarIcon /> Star
      </button>
      <button type="button" className="button" onClick={onToggleRead} title={keyHint('Mark read or unread', 'm')}>
        {article.read ? 'Mark unread' : 'Mark read'}
      </button>
      <button type="button" className="button" onClick={() => article.url && onCopyLink(article.url)} disabled={!article.url} title="Copy the article's link, to share it">
        Copy link
      </button>
    </div>
  );
}
