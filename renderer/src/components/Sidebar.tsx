// The left pane: the smart views (All, Unread, Starred, Drafts), then folders and feeds.
// The subscriptions are windowed like the article list (only the rows in view are in the DOM),
// and the whole pane is one Tab stop: arrow keys move, Right and Left unfold and fold, the
// Menu key (or Shift+F10) opens an entry's menu, F2 renames, Delete unsubscribes. The entry Tab
// lands on is described by a hint saying so (KEYS_HINT). As a drawer, Escape closes it (App).
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type DragEvent, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import type { Feed, FeedId, FolderId } from '../../../shared/types';
import type { FeedManagement } from '../hooks/use-feed-management';
import type { FeedsState } from '../hooks/use-feeds';
import { useLatestCallback } from '../hooks/use-latest';
import { distinguishers } from '../lib/feed-names';
import { buildFeedTree } from '../lib/feed-tree';
import { sidebarRows, type SidebarRow } from '../lib/sidebar-rows';
import { scrollToReveal, visibleRange } from '../lib/virtual-window';
import { ALL, DRAFTS, STARRED, UNREAD, viewKey, type View } from '../lib/views';
import { isMenuKey, menuPointFor, type MenuEntry } from './ContextMenu';
import { DotIcon, DraftIcon, InboxIcon, PlusIcon, StarIcon } from './icons';
import { NavHint, NavItem } from './NavItem';
import { FEED_DRAG_TYPE, SIDEBAR_ROW_HEIGHT, SubscriptionRow } from './SubscriptionRow';

export interface SidebarProps {
  readonly feeds: FeedsState;
  readonly view: View;
  readonly onSelect: (view: View) => void;
  readonly management: FeedManagement;
  readonly onMenu: (label: string, at: { x: number; y: number }, entries: readonly MenuEntry[]) => void;
  /** Shown over the list (a narrow window) rather than beside it. */
  readonly drawer: boolean;
  readonly width: number;
}

const SMART: readonly { readonly view: View; readonly label: string; readonly icon: ReactNode }[] = [
  { view: ALL, label: 'All articles', icon: <InboxIcon /> },
  { view: UNREAD, label: 'Unread', icon: <DotIcon /> },
  { view: STARRED, label: 'Starred', icon: <StarIcon /> },
  { view: DRAFTS, label: 'Drafts', icon: <DraftIcon /> },
];

const KEYS_HINT = 'Up and Down arrows move between the views and feeds; Right and Left unfold and fold a folder; Enter shows the entry.';

const rowView = (row: SidebarRow): View => (row.kind === 'feed' ? { kind: 'feed', feedId: row.feed.id } : { kind: 'folder', folderId: row.node.folder.id });

export function Sidebar({ feeds, view, onSelect, management, onMenu, drawer, width }: SidebarProps) {
  const tree = useMemo(() => buildFeedTree(feeds.folders, feeds.feeds), [feeds.folders, feeds.feeds]);
  const [folded, setFolded] = useState<ReadonlySet<FolderId>>(new Set());
  const rows = useMemo(() => sidebarRows(tree, folded), [tree, folded]);
  const details = useMemo(() => distinguishers(feeds.feeds), [feeds.feeds]);
  const scroller = useRef<HTMLDivElement>(null);
  const nav = useRef<HTMLElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(600);
  const [focusKey, setFocusKey] = useState(viewKey(view));
  const [pendingFocus, setPendingFocus] = useState(false);
  const [dropKey, setDropKey] = useState<FolderId | 'top' | null>(null);
  const hintId = useId();

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    setViewport(element.clientHeight);
    const observer = new ResizeObserver(() => setViewport(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // The entry of the shown view is the one Tab lands on.
  const shownKey = viewKey(view);
  useEffect(() => setFocusKey(shownKey), [shownKey]);

  const { start, end } = visibleRange(scrollTop, viewport, SIDEBAR_ROW_HEIGHT, rows.length);
  const order = useMemo(() => [...SMART.map((entry) => viewKey(entry.view)), ...rows.map((row) => row.key)], [rows]);
  const rendered = (key: string) => SMART.some((entry) => viewKey(entry.view) === key) || rows.slice(start, end).some((row) => row.key === key);
  const tabKey = rendered(focusKey) ? focusKey : viewKey(ALL);

  useEffect(() => {
    if (!pendingFocus) return;
    const target = nav.current?.querySelector<HTMLElement>(`[data-nav-key="${focusKey}"]`);
    if (target) {
      target.focus();
      setPendingFocus(false);
    }
  }, [pendingFocus, focusKey, start, end]);

  const moveFocus = (key: string) => {
    const index = rows.findIndex((row) => row.key === key);
    const element = scroller.current;
    if (index >= 0 && element) {
      const next = scrollToReveal(index, element.scrollTop, element.clientHeight, SIDEBAR_ROW_HEIGHT);
      if (next !== null) {
        element.scrollTop = next;
        setScrollTop(next);
      }
    }
    setFocusKey(key);
    setPendingFocus(true);
  };

  const toggleFolder = useCallback((folderId: FolderId) => {
    setFolded((current) => {
      const next = new Set(current);
      if (!next.delete(folderId)) next.add(folderId);
      return next;
    });
  }, []);

  const menuFor = (row: SidebarRow, at: { x: number; y: number }) => {
    if (row.kind === 'feed') onMenu(`Actions for ${row.feed.title}`, at, management.feedMenu(row.feed));
    else onMenu(`Actions for folder ${row.node.folder.name}`, at, management.folderMenu(row.node));
  };
  const onRowMenu = useLatestCallback((row: SidebarRow, event: MouseEvent<HTMLElement>) => menuFor(row, { x: event.clientX, y: event.clientY }));

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const target = event.target as HTMLElement;
    const key = target.dataset.navKey;
    if (!key) return;
    const at = order.indexOf(key);
    const row = rows.find((candidate) => candidate.key === key);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const next = order[at + (event.key === 'ArrowDown' ? 1 : -1)];
      if (next) moveFocus(next);
    } else if (event.key === 'Home') moveFocus(order[0]!);
    else if (event.key === 'End') moveFocus(order[order.length - 1]!);
    else if (event.key === 'ArrowRight' && row?.kind === 'folder' && !row.open) toggleFolder(row.node.folder.id);
    else if (event.key === 'ArrowLeft' && row?.kind === 'folder' && row.open) toggleFolder(row.node.folder.id);
    else if (event.key === 'ArrowLeft' && row && row.depth > 0) {
      const parent = rows.slice(0, rows.indexOf(row)).reverse().find((candidate) => candidate.kind === 'folder' && candidate.depth === row.depth - 1);
      if (parent) moveFocus(parent.key);
    } else if (isMenuKey(event) && row) menuFor(row, menuPointFor(target));
    else if (event.key === 'F2' && row) management.open(row.kind === 'feed' ? { kind: 'rename-feed', feed: row.feed } : { kind: 'rename-folder', folder: row.node.folder });
    else if (event.key === 'Delete' && row) management.open(row.kind === 'feed' ? { kind: 'unsubscribe', feed: row.feed } : { kind: 'delete-folder', folder: row.node.folder });
    else return;
    event.preventDefault();
    event.stopPropagation();
  };

  const dropFeed = (folderId: FolderId | null, event: DragEvent) => {
    const feedId = Number(event.dataTransfer.getData(FEED_DRAG_TYPE));
    setDropKey(null);
    if (!feedId) return;
    event.preventDefault();
    management.moveFeed(feedId, folderId).catch(() => feeds.reload());
  };
  const claimTop = (event: DragEvent) => {
    if (!event.dataTransfer.types.includes(FEED_DRAG_TYPE)) return;
    event.preventDefault();
    event.stopPropagation();
    setDropKey('top');
  };
  const onDropOnFolder = useLatestCallback((folderId: FolderId, event: DragEvent) => dropFeed(folderId, event));
  const onDragOverFolder = useCallback((folderId: FolderId | null) => setDropKey(folderId), []);
  const onSelectFeed = useCallback((feedId: FeedId) => onSelect({ kind: 'feed', feedId }), [onSelect]);
  const onSelectFolder = useCallback((folderId: FolderId) => onSelect({ kind: 'folder', folderId }), [onSelect]);
  const onShowProblem = useLatestCallback((feed: Feed) => management.open({ kind: 'properties', feed }));

  return (
    <nav
      ref={nav}
      id="sidebar"
      className={`sidebar${drawer ? ' drawer' : ''}`}
      style={drawer ? { width } : undefined}
      aria-label="Feeds"
      onKeyDown={onKeyDown}
      // A drag over anything but a folder or the heading: no drop target (dragleave fires for
      // every child crossed, so it cannot say when a target was really left).
      onDragEnter={() => setDropKey(null)}
      onDragOver={() => setDropKey(null)}
      onDragEnd={() => setDropKey(null)} onFocus={(event) => event.target.dataset.navKey && setFocusKey(event.target.dataset.navKey)}>
      <NavHint value={hintId}>
      <span id={hintId} hidden>
        {KEYS_HINT}
      </span>
      <ul className="nav-list smart-views">
        {SMART.map((entry) => (
          <li key={entry.label}>
            <NavItem
              label={entry.label}
              icon={entry.icon}
              selected={view.kind === entry.view.kind}
              count={entry.view.kind === 'all' || entry.view.kind === 'unread' ? tree.unread : undefined}
              navKey={viewKey(entry.view)}
              tabbable={tabKey === viewKey(entry.view)}
              onSelect={() => onSelect(entry.view)}
            />
          </li>
        ))}
      </ul>
      <div
        className={`nav-heading-row${dropKey === 'top' ? ' drop-target' : ''}`}
        onDragEnter={claimTop}
        onDragOver={claimTop}
        onDrop={(event) => dropFeed(null, event)}
      >
        <h2 className="nav-heading" id="subscriptions-heading">
          Subscriptions
        </h2>
        <button type="button" className="button icon-only small" aria-label="New folder" title="New folder" onClick={() => management.open({ kind: 'new-folder' })}>
          <PlusIcon size={14} />
        </button>
      </div>
      {feeds.status === 'loading' && <p className="nav-note" role="status">Loading feeds…</p>}
      {feeds.status === 'error' && (
        <div className="nav-note error" role="alert">
          <p>The feeds could not be loaded: {feeds.error}</p>
          <button type="button" className="button small" onClick={feeds.reload}>
            Try again
          </button>
        </div>
      )}
      {feeds.status === 'ready' && feeds.feeds.length === 0 && <p className="nav-note">No subscriptions yet. Use “Add feed” to subscribe to a site.</p>}
      <div ref={scroller} className="subscriptions" onScroll={() => scroller.current && setScrollTop(scroller.current.scrollTop)}>
        <ul className="nav-list" aria-labelledby="subscriptions-heading" style={{ height: rows.length * SIDEBAR_ROW_HEIGHT }}>
          {rows.slice(start, end).map((row, offset) => {
            const rowSelected = viewKey(rowView(row)) === shownKey;
            return (
              <SubscriptionRow
                key={row.key}
                row={row}
                index={start + offset}
                selected={rowSelected}
                tabbable={tabKey === row.key}
                dropTarget={row.kind === 'folder' && dropKey === row.node.folder.id}
                detail={row.kind === 'feed' ? details.get(row.feed.id) : undefined}
                onSelectFeed={onSelectFeed}
                onSelectFolder={onSelectFolder}
                onToggleFolder={toggleFolder}
                onMenu={onRowMenu}
                onShowProblem={onShowProblem}
                onDragOverFolder={onDragOverFolder}
                onDropOnFolder={onDropOnFolder}
              />
            );
          })}
        </ul>
      </div>
      </NavHint>
    </nav>
  );
}
