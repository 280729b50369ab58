// Organising subscriptions: folders made, renamed and deleted; feeds renamed, moved (by menu or
// by dragging), unsubscribed, synced alone, marked read; their properties. One place for what
// the context menus, the keys and drag and drop do, each ending in a fresh sidebar.
import { useCallback, useState } from 'react';
import type { ArticleFilter, Feed, FeedId, FolderId, Folder } from '../../../shared/types';
import type { MenuEntry } from '../components/ContextMenu';
import type { FolderNode } from '../lib/feed-tree';
import { useBridge } from './bridge';
import type { FeedsState } from './use-feeds';
import type { NoticeState } from './use-notice';

export type FeedDialog =
  | { readonly kind: 'new-folder' }
  | { readonly kind: 'rename-feed'; readonly feed: Feed }
  | { readonly kind: 'rename-folder'; readonly folder: Folder }
  | { readonly kind: 'move-feed'; readonly feed: Feed }
  | { readonly kind: 'unsubscribe'; readonly feed: Feed }
  | { readonly kind: 'delete-folder'; readonly folder: Folder }
  | { readonly kind: 'properties'; readonly feed: Feed };

export interface FeedManagementDeps {
  readonly feeds: FeedsState;
  readonly notice: NoticeState;
  readonly syncFeeds: (feedIds: readonly FeedId[]) => void;
  /** Marks a feed's or a folder's articles read (with its Undo). */
  readonly markAllRead: (filter: ArticleFilter) => void;
  readonly onFeedRemoved: (feedId: FeedId) => void;
}

export interface FeedManagement {
  readonly dialog: FeedDialog | null;
  open(dialog: FeedDialog): void;
  close(): void;
  feedMenu(feed: Feed): MenuEntry[];
  folderMenu(node: FolderNode): MenuEntry[];
  moveFeed(feedId: FeedId, folderId: FolderId | null): Promise<void>;
  renameFeed(feed: Feed, title: string): Promise<void>;
  unsubscribe(feed: Feed): Promise<void>;
  createFolder(name: string): Promise<void>;
  renameFolder(folder: Folder, name: string): Promise<void>;
  deleteFolder(folder: Folder): Promise<void>;
}

function feedsBeneath(node: FolderNode): FeedId[] {
  return [...node.feeds.map((feed) => feed.id), ...node.folders.flatMap(feedsBeneath)];
}

export function useFeedManagement({ feeds, notice, syncFeeds, markAllRead: markRead, onFeedRemoved }: FeedManagementDeps): FeedManagement {
  const bridge = useBridge();
  const [dialog, setDialog] = useState<FeedDialog | null>(null);
  const close = useCallback(() => setDialog(null), []);

  const moveFeed = useCallback(
    async (feedId: FeedId, folderId: FolderId | null) => {
      feeds.replace(await bridge.updateFeed(feedId, { folderId }));
    },
    [bridge, feeds],
  );

  const renameFeed = async (feed: Feed, title: string) => {
    feeds.replace(await bridge.updateFeed(feed.id, { title }));
  };
  const unsubscribe = async (feed: Feed) => {
    await bridge.removeFeed(feed.id);
    onFeedRemoved(feed.id);
  };
  const createFolder = async (name: string) => {
    await bridge.createFolder(name);
    feeds.reload();
  };
  const renameFolder = async (folder: Folder, name: string) => {
    await bridge.renameFolder(folder.id, name);
    feeds.reload();
  };
  const deleteFolder = async (folder: Folder) => {
    await bridge.removeFolder(folder.id);
    feeds.reload();
  };

  const copy = (text: string, what: string) => {
    navigator.clipboard.writeText(text).catch(notice.fail(`Could not copy the ${what}`));
  };

  const feedMenu = (feed: Feed): MenuEntry[] => [
    { label: 'Mark all as read', onSelect: () => markRead({ kind: 'feed', feedId: feed.id }), disabled: feed.unreadCount === 0 },
    { label: 'Sync this feed', onSelect: () => syncFeeds([feed.id]), disabled: feed.builtin },
    { label: 'Rename…', onSelect: () => setDialog({ kind: 'rename-feed', feed }), separated: true },
    { label: 'Move to folder…', onSelect: () => setDialog({ kind: 'move-feed', feed }) },
    { label: 'Copy feed address', onSelect: () => copy(feed.url, 'feed address'), disabled: feed.builtin },
    { label: 'Properties…', onSelect: () => setDialog({ kind: 'properties', feed }) },
    { label: 'Unsubscribe…', onSelect: () => setDialog({ kind: 'unsubscribe', feed }), danger: true, separated: true },
  ];

  const folderMenu = (node: FolderNode): MenuEntry[] => [
    { label: 'Mark all as read', onSelect: () => markRead({ kind: 'folder', folderId: node.folder.id }), disabled: node.unread === 0 },
    { label: 'Sync this folder', onSelect: () => syncFeeds(feedsBeneath(node)), disabled: feedsBeneath(node).length === 0 },
    { label: 'Rename…', onSelect: () => setDialog({ kind: 'rename-folder', folder: node.folder }), separated: true },
    { label: 'New folder…', onSelect: () => setDialog({ kind: 'new-folder' }) },
    { label: 'Delete folder…', onSelect: () => setDialog({ kind: 'delete-folder', folder: node.folder }), danger: true, separated: true },
  ];

  return { dialog, open: setDialog, close, feedMenu, folderMenu, moveFeed, renameFeed, unsubscribe, createFolder, renameFolder, deleteFolder };
}
