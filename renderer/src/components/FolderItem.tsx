// A folder in the sidebar: selectable as a whole, and folded or unfolded to show its feeds.
import { useState } from 'react';
import type { FolderNode } from '../lib/feed-tree';
import type { View } from '../lib/views';
import { FeedItem } from './FeedItem';
import { FolderIcon } from './icons';
import { NavItem } from './NavItem';

export interface FolderItemProps {
  readonly node: FolderNode;
  readonly view: View;
  readonly onSelect: (view: View) => void;
}

export function FolderItem({ node, view, onSelect }: FolderItemProps) {
  const [open, setOpen] = useState(true);
  const { folder } = node;
  const listId = `folder-${folder.id}-items`;
  return (
    <li className="folder">
      <div className="folder-row">
        <button
          type="button"
          className="disclosure"
          aria-expanded={open}
          aria-controls={listId}
          aria-label={`${open ? 'Fold' : 'Unfold'} ${folder.name}`}
          onClick={() => setOpen(!open)}
        >
          <span aria-hidden="true">{open ? '▾' : '▸'}</span>
        </button>
        <NavItem
          label={folder.name}
          icon={<FolderIcon />}
          selected={view.kind === 'folder' && view.folderId === folder.id}
          count={node.unread}
          badge={node.failing > 0 ? <span className="error-badge" role="img" aria-label={`${node.failing} failing feeds`} title={`${node.failing} feeds failed to sync`}>!</span> : null}
          onSelect={() => onSelect({ kind: 'folder', folderId: folder.id })}
        />
      </div>
      {open && (
        <ul id={listId} className="nav-list nested">
          {node.folders.map((child) => (
            <FolderItem key={child.folder.id} node={child} view={view} onSelect={onSelect} />
          ))}
          {node.feeds.map((feed) => (
            <FeedItem key={feed.id} feed={feed} selected={view.kind === 'feed' && view.feedId === feed.id} onSelect={onSelect} />
          ))}
        </ul>
      )}
    </li>
  );
}
