// One row of the sidebar's subscriptions: a folder (with its fold button; feeds can be dropped
// on it) or a feed (which can be dragged onto a folder; its error badge opens its properties).
import { memo, type DragEvent, type MouseEvent } from 'react';
import { withoutPasswords } from '../../../shared/address-login';
import type { Feed, FeedId, FolderId } from '../../../shared/types';
import { feedName } from '../lib/feed-names';
import { isFailing } from '../lib/feed-tree';
import { isWaiting, waitText } from '../lib/feed-wait';
import type { SidebarRow } from '../lib/sidebar-rows';
import { FeedIcon } from './FeedIcon';
import { ClockIcon, FolderIcon } from './icons';
import { NavItem } from './NavItem';

export const SIDEBAR_ROW_HEIGHT = 30;
export const FEED_DRAG_TYPE = 'application/x-paperboy-feed';

export interface SubscriptionRowProps {
  readonly row: SidebarRow;
  readonly index: number;
  readonly selected: boolean;
  readonly tabbable: boolean;
  readonly dropTarget: boolean;
  readonly detail: string | undefined;
  readonly onSelectFeed: (feedId: FeedId) => void;
  readonly onSelectFolder: (folderId: FolderId) => void;
  readonly onToggleFolder: (folderId: FolderId) => void;
  readonly onMenu: (row: SidebarRow, event: MouseEvent<HTMLElement>) => void;
  readonly onShowProblem: (feed: Feed) => void;
  readonly onDragOverFolder: (folderId: FolderId | null) => void;
  readonly onDropOnFolder: (folderId: FolderId, event: DragEvent) => void;
}

// A gone feed's lastError says when it is tried again (sync/engine.ts).
function problemOf(feed: Feed): string {
  return feed.lastError ?? (feed.lastStatus === 'gone' ? 'The feed is gone (the site says it was removed).' : 'The last sync failed.');
}

const carriesFeed = (event: DragEvent) => event.dataTransfer.types.includes(FEED_DRAG_TYPE);


export const SubscriptionRow = memo(function SubscriptionRow(props: SubscriptionRowProps) {
  const { row, index, selected, tabbable, dropTarget, detail } = props;
  const style = { transform: `translateY(${index * SIDEBAR_ROW_HEIGHT}px)`, height: SIDEBAR_ROW_HEIGHT, paddingInlineStart: row.depth * 16 };
  const onContextMenu = (event: MouseEvent<HTMLElement>) => {
    event.preventDefault();
    props.onMenu(row, event);
  };

  if (row.kind === 'folder') {
    const { folder } = row.node;
    // Claimed here: the sidebar clears the highlight for a drag over anything else.
    const claim = (event: DragEvent) => {
      if (!carriesFeed(event)) return;
      event.preventDefault();
      event.stopPropagation();
      event.dataTransfer.dropEffect = 'move';
      props.onDragOverFolder(folder.id);
    };
    return (
      <li
        className={`sidebar-row folder${dropTarget ? ' drop-target' : ''}`}
        style={style}
        onDragEnter={claim}
        onDragOver={claim}
        onDrop={(event) => props.onDropOnFolder(folder.id, event)}
      >
        <button type="button" className="disclosure" tabIndex={-1} aria-expanded={row.open} aria-label={`${row.open ? 'Fold' : 'Unfold'} ${folder.name}`} onClick={() => props.onToggleFolder(folder.id)}>
          <span aria-hidden="true">{row.open ? '▾' : '▸'}</span>
        </button>
        <NavItem
          label={folder.name}
          icon={<FolderIcon />}
          selected={selected}
          count={row.node.unread}
          navKey={row.key}
          tabbable={tabbable}
          badge={row.node.failing > 0 ? <span className="error-badge" role="img" aria-label={`${row.node.failing} failing feeds`} title={`${row.node.failing} feeds failed to sync`}>!</span> : null}
          onSelect={() => props.onSelectFolder(folder.id)}
          onContextMenu={onContextMenu}
        />
      </li>
    );
  }

  const { feed } = row;
  const failing = isFailing(feed);
  const waiting = !failing && isWaiting(feed);
  return (
    <li
      className="sidebar-row feed"
      style={style}
      onDragEnd={() => props.onDragOverFolder(null)}
    >
      <NavItem
        label={feedName(feed.title)}
        detail={detail}
        icon={<FeedIcon feed={feed} />}
        selected={selected}
        count={feed.unreadCount}
        navKey={row.key}
        tabbable={tabbable}
        title={failing ? `${feed.title}\nLast sync failed: ${problemOf(feed)}` : waiting ? `${feed.title}\n${waitText(feed)}` : `${feed.title}\n${withoutPasswords(feed.url)}`}
        badge={
          failing ? (
            <span
              className="error-badge"
              role="img"
              aria-label={`Last sync failed: ${problemOf(feed)}`}
              title={`${problemOf(feed)} (click for details)`}
              onClick={(event) => {
                event.stopPropagation();
                props.onShowProblem(feed);
              }}
            >
              !
            </span>
          ) : waiting ? (
            <span className="wait-badge" role="img" aria-label={waitText(feed)} title={waitText(feed)}>
              <ClockIcon />
            </span>
          ) : null
        }
        onSelect={() => props.onSelectFeed(feed.id)}
        onContextMenu={onContextMenu}
        onDragStart={(event) => {
          event.dataTransfer.setData(FEED_DRAG_TYPE, String(feed.id));
          event.dataTransfer.setData('text/plain', feed.url);
          event.dataTransfer.effectAllowed = 'move';
        }}
      />
    </li>
  );
});
