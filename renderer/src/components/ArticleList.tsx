// The middle pane's list: a listbox that puts only the rows in view (plus a margin) in the DOM,
// asks for the next page as the end comes near, and keeps the selected row in sight.
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { ArticleId } from '../../../shared/types';
import type { ArticleListState } from '../hooks/use-article-list';
import { scrollToReveal, visibleRange } from '../lib/virtual-window';
import type { ListDensity } from '../../../shared/types';
import { ArticleRow, COMPACT_ROW_HEIGHT, ROW_HEIGHT, rowDomId } from './ArticleRow';
import { isMenuKey, menuPointFor } from './ContextMenu';

export interface ArticleListProps {
  readonly list: ArticleListState;
  readonly selectedId: ArticleId | null;
  readonly onSelect: (id: ArticleId) => void;
  /** Arrow keys in the focused list move the selection, as j and k do anywhere. */
  readonly onMove: (delta: 1 | -1) => void;
  /** The context menu of a row: by a right click, or the Menu key on the selected row. */
  readonly onMenu: (id: ArticleId, at: { x: number; y: number }) => void;
  readonly label: string;
  readonly density: ListDensity;
  readonly empty: ReactNode;
}

/** Start loading the next page this many rows before the end. */
const PREFETCH_ROWS = 40;

export function ArticleList({ list, selectedId, onSelect, onMove, onMenu, label, density, empty }: ArticleListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(800);
  const { items, hasMore, loadingMore, loadMore } = list;
  const compact = density === 'compact';
  const rowHeight = compact ? COMPACT_ROW_HEIGHT : ROW_HEIGHT;

  // The scroller is a new element whenever the list reappears (after "Loading…"): the window
  // must start from its offset, not from the one the previous list was scrolled to.
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    setScrollTop(element.scrollTop);
    setViewport(element.clientHeight);
    const observer = new ResizeObserver(() => setViewport(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, [list.status]);

  const { start, end } = visibleRange(scrollTop, viewport, rowHeight, items.length);

  useEffect(() => {
    if (hasMore && !loadingMore && end >= items.length - PREFETCH_ROWS) loadMore();
  }, [end, items.length, hasMore, loadingMore, loadMore]);

  // Keep the selection in sight when it moves (keys j/k/n/p), not when rows are added.
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element || !selectedId) return;
    const index = items.findIndex((item) => item.id === selectedId);
    if (index < 0) return;
    const next = scrollToReveal(index, element.scrollTop, element.clientHeight, rowHeight);
    if (next !== null) {
      element.scrollTop = next;
      setScrollTop(next);
    }
    // Deliberately not on `items`: new pages must not pull the view back to the selection.
  }, [selectedId]);

  const onScroll = useCallback(() => {
    if (scroller.current) setScrollTop(scroller.current.scrollTop);
  }, []);

  if (list.status === 'loading') {
    return (
      <p className="pane-note" role="status">
        Loading articles…
      </p>
    );
  }
  if (list.status === 'error') {
    return (
      <div className="pane-note error" role="alert">
        <p>The articles could not be loaded: {list.error}</p>
        <button type="button" className="button" onClick={list.reload}>
          Try again
        </button>
      </div>
    );
  }
  if (items.length === 0) return <div className="pane-note">{empty}</div>;

  const rows = [];
  for (let index = start; index < end; index++) {
    const item = items[index]!;
    rows.push(<ArticleRow key={item.id} item={item} index={index} setSize={list.total} selected={item.id === selectedId} compact={compact} onSelect={onSelect} onMenu={onMenu} />);
  }
  // Only a row in the DOM can be the active descendant.
  const selectedIndex = selectedId === null ? -1 : items.findIndex((item) => item.id === selectedId);
  const activeId = selectedIndex >= start && selectedIndex < end ? rowDomId(selectedId!) : undefined;

  return (
    <div
      ref={scroller}
      className="article-list"
      role="listbox"
      aria-label={label}
      tabIndex={0}
      aria-activedescendant={activeId}
      onScroll={onScroll}
      onKeyDown={(event) => {
        if (isMenuKey(event) && activeId) {
          event.preventDefault();
          onMenu(selectedId!, menuPointFor(document.getElementById(activeId)!));
          return;
        }
        if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
        event.preventDefault();
        onMove(event.key === 'ArrowDown' ? 1 : -1);
      }}
    >
      <div className="rows" style={{ height: (items.length + (hasMore ? 1 : 0)) * rowHeight }}>
        {rows}
        {hasMore && (
          <div className="row-more" style={{ transform: `translateY(${items.length * rowHeight}px)`, height: rowHeight }} aria-hidden="true">
            Loading more…
          </div>
        )}
      </div>
      {list.error && (
        <p className="pane-note error" role="alert">
          {list.error}
        </p>
      )}
    </div>
  );
}
