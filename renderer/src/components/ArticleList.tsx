// The middle pane's list: a listbox that puts only the rows in view (plus a margin) in the DOM,
// asks for the next page as the end comes near, and keeps the selected row in sight. The arrows,
// Page Up and Down, Home and End move the selection (a listbox's keys); Enter opens the selected row. The list keeps the keyboard when its element is replaced under it (the rows
// give way to "all caught up" after marking all read, or come back after Undo).
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type FocusEvent, type ReactNode } from 'react';
import type { ArticleId } from '../../../shared/types';
import type { ArticleListState } from '../hooks/use-article-list';
import { LIST_KEYS } from '../lib/keymap';
import { scrollToReveal, visibleRange } from '../lib/virtual-window';
import type { ListDensity } from '../../../shared/types';
import { ArticleRow, COMPACT_ROW_HEIGHT, ROW_HEIGHT, rowDomId } from './ArticleRow';
import { isMenuKey, menuPointFor } from './ContextMenu';

export interface ArticleListProps {
  readonly list: ArticleListState;
  readonly selectedId: ArticleId | null;
  readonly onSelect: (id: ArticleId) => void;
  /** Enter on the selected row: open it in the reader, and read there. */
  readonly onOpen: (id: ArticleId) => void;
  /** The list's keys (arrows, Page Up and Down, Home, End: lib/keymap.ts) move the selection by rows, as j and k do anywhere. */
  readonly onMove: (delta: number) => void;
  /** The context menu of a row: by a right click, or the Menu key on the selected row. */
  readonly onMenu: (id: ArticleId, at: { x: number; y: number }) => void;
  readonly label: string;
  readonly density: ListDensity;
  readonly empty: ReactNode;
  /** Focus is asked for the list (it may still be loading): taken as soon as there is something to focus. */
  readonly focusWanted: boolean;
  readonly onFocusTaken: () => void;
}

/** Start loading the next page this many rows before the end. */
const PREFETCH_ROWS = 40;

export function ArticleList({ list, selectedId, onSelect, onOpen, onMove, onMenu, label, density, empty, focusWanted, onFocusTaken }: ArticleListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  // What stands for the list now and can hold focus: the listbox, or the note that replaces it.
  const focusTarget = useRef<HTMLDivElement>(null);
  // The list held focus when last seen: if its element went away, focus went with it (to <body>).
  const holdingFocus = useRef(false);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(800);
  const { items, hasMore, loadingMore, loadMore } = list;
  const compact = density === 'compact';
  const rowHeight = compact ? COMPACT_ROW_HEIGHT : ROW_HEIGHT;
  // The first row in view and how far past its top the list is scrolled: rows read again above it
  // (a sync's newer articles at the top) must not move it. The list kept its offset in pixels, so
  // 200 new rows pushed the row a person was reading 200 rows down.
  // The part of the row scrolled past is a fraction of its height: it holds through a change of density too.
  const anchor = useRef<{ id: ArticleId; past: number } | null>(null);
  const anchorAt = useCallback(
    (top: number) => {
      const index = Math.floor(top / rowHeight);
      const item = top > 0 ? items[index] : undefined;
      // At the very top there is nothing to hold: the newest rows show as they come.
      anchor.current = item ? { id: item.id, past: top / rowHeight - index } : null;
    },
    [items, rowHeight],
  );

  // The scroller is a new element whenever the list reappears (after "Loading…"): the window
  // must start from its offset, not from the one the previous list was scrolled to.
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    // A new list (another view): nothing of the last one's place to keep.
    anchor.current = null;
    setScrollTop(element.scrollTop);
    setViewport(element.clientHeight);
    const observer = new ResizeObserver(() => setViewport(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, [list.status]);

  // Before the selection is revealed below, which may scroll on its own.
  useLayoutEffect(() => {
    const element = scroller.current;
    const held = anchor.current;
    if (element && held) {
      const index = items.findIndex((item) => item.id === held.id);
      const top = Math.round((index + held.past) * rowHeight);
      if (index >= 0 && top !== element.scrollTop) {
        element.scrollTop = top;
        setScrollTop(element.scrollTop);
      }
    }
    if (element) anchorAt(element.scrollTop);
    // Deliberately on the rows only (and their height): a scroll moves the anchor, in onScroll.
  }, [items, rowHeight, anchorAt]);

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
    if (!scroller.current) return;
    setScrollTop(scroller.current.scrollTop);
    anchorAt(scroller.current.scrollTop);
  }, [anchorAt]);

  // After every render: give focus to the element standing for the list when it was asked for,
  // or when the one that had it was replaced (the browser then leaves it on <body>).
  useLayoutEffect(() => {
    const target = focusTarget.current;
    if (!target) return;
    const lost = holdingFocus.current && (document.activeElement === null || document.activeElement === document.body);
    if (focusWanted || lost) target.focus();
    if (focusWanted) onFocusTaken();
  });
  const focusEvents = {
    onFocus: () => {
      holdingFocus.current = true;
    },
    onBlur: (event: FocusEvent) => {
      // Focus that goes nowhere: the element was removed (keep holding), or the person clicked an empty spot.
      const left = event.currentTarget;
      if (event.relatedTarget) holdingFocus.current = left.contains(event.relatedTarget as Node);
      else
        queueMicrotask(() => {
          if (left.isConnected) holdingFocus.current = false;
        });
    },
  };

  if (list.status === 'loading') {
    return (
      <p className="pane-note" role="status">
        Loading articles…
      </p>
    );
  }
  if (list.status === 'error') {
    return (
      <div ref={focusTarget} className="pane-note error" role="alert" tabIndex={-1} {...focusEvents}>
        <p>The articles could not be loaded: {list.error}</p>
        <button type="button" className="button" onClick={list.reload}>
          Try again
        </button>
      </div>
    );
  }
  if (items.length === 0) {
    return (
      <div ref={focusTarget} className="pane-note" tabIndex={-1} {...focusEvents}>
        {empty}
      </div>
    );
  }

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
      ref={(element) => {
        scroller.current = element;
        focusTarget.current = element;
      }}
      className="article-list"
      role="listbox"
      aria-label={label}
      tabIndex={0}
      aria-activedescendant={activeId}
      onScroll={onScroll}
      {...focusEvents}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && selectedId !== null) {
          event.preventDefault();
          onOpen(selectedId);
          return;
        }
        if (isMenuKey(event) && activeId) {
          event.preventDefault();
          onMenu(selectedId!, menuPointFor(document.getElementById(activeId)!));
          return;
        }
        const listKey = LIST_KEYS.find((candidate) => candidate.key === event.key);
        if (!listKey || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
        event.preventDefault();
        onMove(listKey.rows(Math.floor(viewport / rowHeight), items.length));
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
