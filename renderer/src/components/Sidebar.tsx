// The left pane: the smart views (All, Unread, Starred, Drafts), then folders and feeds.
import { useMemo } from 'react';
import type { FeedsState } from '../hooks/use-feeds';
import { buildFeedTree } from '../lib/feed-tree';
import { ALL, DRAFTS, STARRED, UNREAD, type View } from '../lib/views';
import { FeedItem } from './FeedItem';
import { FolderItem } from './FolderItem';
import { DotIcon, DraftIcon, InboxIcon, StarIcon } from './icons';
import { NavItem } from './NavItem';

export interface SidebarProps {
  readonly feeds: FeedsState;
  readonly view: View;
  readonly onSelect: (view: View) => void;
}

export function Sidebar({ feeds, view, onSelect }: SidebarProps) {
  const tree = useMemo(() => buildFeedTree(feeds.folders, feeds.feeds), [feeds.folders, feeds.feeds]);
  return (
    <nav className="sidebar" aria-label="Feeds">
      <ul className="nav-list">
        <li>
          <NavItem label="All articles" icon={<InboxIcon />} selected={view.kind === 'all'} count={tree.unread} onSelect={() => onSelect(ALL)} />
        </li>
        <li>
          <NavItem label="Unread" icon={<DotIcon />} selected={view.kind === 'unread'} count={tree.unread} onSelect={() => onSelect(UNREAD)} />
        </li>
        <li>
          <NavItem label="Starred" icon={<StarIcon />} selected={view.kind === 'starred'} onSelect={() => onSelect(STARRED)} />
        </li>
        <li>
          <NavItem label="Drafts" icon={<DraftIcon />} selected={view.kind === 'drafts'} onSelect={() => onSelect(DRAFTS)} />
        </li>
      </ul>
      <h2 className="nav-heading" id="subscriptions-heading">
        Subscriptions
      </h2>
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
      <ul className="nav-list" aria-labelledby="subscriptions-heading">
        {tree.folders.map((node) => (
          <FolderItem key={node.folder.id} node={node} view={view} onSelect={onSelect} />
        ))}
        {tree.feeds.map((feed) => (
          <FeedItem key={feed.id} feed={feed} selected={view.kind === 'feed' && view.feedId === feed.id} onSelect={onSelect} />
        ))}
      </ul>
    </nav>
  );
}
