// One row of the article list: feed, date, title, snippet (or the search match), marks.
// Rows have a fixed height (ROW_HEIGHT, or COMPACT_ROW_HEIGHT without the snippet; kept in step
// with list.css) so the list can be windowed.
import { memo, type CSSProperties } from 'react';
import type { ArticleId } from '../../../shared/types';
import type { ListItem } from '../hooks/use-article-list';
import { feedName } from '../lib/feed-names';
import { isoDate, plural, shortDate } from '../lib/format';
import { Highlighted } from './Highlighted';

export const ROW_HEIGHT = 88;
export const COMPACT_ROW_HEIGHT = 54;

export interface ArticleRowProps {
  readonly item: ListItem;
  readonly index: number;
  readonly setSize: number;
  readonly selected: boolean;
  readonly compact: boolean;
  readonly onSelect: (id: ArticleId) => void;
  /** A right click: the row's context menu at the pointer. */
  readonly onMenu: (id: ArticleId, at: { x: number; y: number }) => void;
}

export function rowDomId(id: ArticleId): string {
  return `article-row-${id}`;
}

export const ArticleRow = memo(function ArticleRow({ item, index, setSize, selected, compact, onSelect, onMenu }: ArticleRowProps) {
  const height = compact ? COMPACT_ROW_HEIGHT : ROW_HEIGHT;
  const style: CSSProperties = { transform: `translateY(${index * height}px)`, height };
  return (
    <div
      role="option"
      id={rowDomId(item.id)}
      aria-selected={selected}
      aria-posinset={index + 1}
      aria-setsize={setSize}
      className={`row${item.read ? ' read' : ' unread'}${selected ? ' selected' : ''}${compact ? ' compact' : ''}`}
      style={style}
      onClick={() => onSelect(item.id)}
      onContextMenu={(event) => {
        event.preventDefault();
        onMenu(item.id, { x: event.clientX, y: event.clientY });
      }}
    >
      <div className="row-top">
        <span className="unread-dot" aria-hidden="true" />
        <span className="row-feed">{feedName(item.feedTitle)}</span>
        {item.starred && (
          <span className="row-star" title="Starred">
            <span aria-hidden="true">★</span>
            <span className="sr-only"> starred</span>
          </span>
        )}
        {item.commentCount ? <span className="row-comments">{plural(item.commentCount, 'comment')}</span> : null}
        <time className="row-date" dateTime={isoDate(item.publishedAt)}>
          {shortDate(item.publishedAt)}
        </time>
      </div>
      {/* The article's direction, not the first letter's (dir="auto"): a right-to-left title or
          snippet may open with a Latin brand name, and the hidden "Unread: " opens the title. */}
      <div className="row-title" dir={item.dir}>
        {!item.read && <span className="sr-only">Unread: </span>}
        {item.title || 'Untitled'}
      </div>
      {!compact && (
        <div className="row-snippet" dir={item.dir}>
          {item.highlight ? <Highlighted text={item.highlight} /> : item.snippet}
        </div>
      )}
    </div>
  );
});
