// Folders and feeds arranged for the sidebar: nested folders, each with its feeds, sorted by
// name as people count ("desk 3" before "desk 15"), with the unread count of everything beneath.
import type { Feed, Folder, FolderId } from '../../../shared/types';
import { feedName } from './feed-names';

export interface FolderNode {
  readonly folder: Folder;
  readonly folders: readonly FolderNode[];
  readonly feeds: readonly Feed[];
  readonly unread: number;
  readonly failing: number;
}

export interface FeedTree {
  readonly folders: readonly FolderNode[];
  /** Feeds in no folder. */
  readonly feeds: readonly Feed[];
  readonly unread: number;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
const byName = <T,>(name: (item: T) => string) => (a: T, b: T) => collator.compare(name(a), name(b));
const isFailing = (feed: Feed) => feed.lastStatus === 'failed' || feed.lastStatus === 'gone';

export function buildFeedTree(folders: readonly Folder[], feeds: readonly Feed[]): FeedTree {
  const known = new Set(folders.map((folder) => folder.id));
  const feedsIn = new Map<FolderId | null, Feed[]>();
  for (const feed of feeds) {
    // A feed in a folder the list does not know (removed meanwhile) shows at the top level.
    const key = feed.folderId !== null && known.has(feed.folderId) ? feed.folderId : null;
    feedsIn.set(key, [...(feedsIn.get(key) ?? []), feed]);
  }
  const childrenOf = new Map<FolderId | null, Folder[]>();
  for (const folder of folders) {
    const key = folder.parentId !== null && known.has(folder.parentId) ? folder.parentId : null;
    childrenOf.set(key, [...(childrenOf.get(key) ?? []), folder]);
  }

  const seen = new Set<FolderId>();
  const node = (folder: Folder): FolderNode => {
    seen.add(folder.id);
    // A cycle in the stored parents must not hang the sidebar.
    const folderNodes = (childrenOf.get(folder.id) ?? []).filter((child) => !seen.has(child.id)).sort(byName((f) => f.name)).map(node);
    const ownFeeds = [...(feedsIn.get(folder.id) ?? [])].sort(byName((f) => feedName(f.title)));
    return {
      folder,
      folders: folderNodes,
      feeds: ownFeeds,
      unread: ownFeeds.reduce((sum, feed) => sum + feed.unreadCount, 0) + folderNodes.reduce((sum, child) => sum + child.unread, 0),
      failing: ownFeeds.filter(isFailing).length + folderNodes.reduce((sum, child) => sum + child.failing, 0),
    };
  };

  const top = (childrenOf.get(null) ?? []).sort(byName((f) => f.name)).map(node);
  return {
    folders: top,
    feeds: [...(feedsIn.get(null) ?? [])].sort(byName((f) => feedName(f.title))),
    unread: feeds.reduce((sum, feed) => sum + feed.unreadCount, 0),
  };
}

export { isFailing };
