// The words for each view: its heading, and what an empty list says (with what to do next).
import type { Feed, Folder } from '../../../shared/types';
import { feedName } from './feed-names';
import { waitText } from './feed-wait';
import type { View } from './views';

export function viewTitle(view: View, feeds: readonly Feed[], folders: readonly Folder[]): string {
  switch (view.kind) {
    case 'all':
      return 'All articles';
    case 'unread':
      return 'Unread';
    case 'starred':
      return 'Starred';
    case 'drafts':
      return 'Drafts';
    case 'feed':
      return feedName(feeds.find((feed) => feed.id === view.feedId)?.title ?? 'Feed');
    case 'folder':
      return folders.find((folder) => folder.id === view.folderId)?.name ?? 'Folder';
  }
}

export function emptyListText(view: View, query: string, unreadOnly: boolean, feed: Feed | null): string {
  if (query) return `No stored article matches “${query}”.`;
  if (unreadOnly) return 'No unread articles here.';
  switch (view.kind) {
    case 'all':
      return 'No articles yet. Add a feed, then press Sync.';
    case 'unread':
      return 'No unread articles: all caught up.';
    case 'starred':
      return 'No starred articles. Press s or “Star” to keep an article here; starred articles are never cleaned up.';
    case 'drafts':
      return 'No drafts. Write a comment under an article: it is kept here until you send it.';
    case 'feed':
      if (feed?.lastStatus === 'waiting') return `No articles yet. ${waitText(feed)}`;
      if (feed?.lastError) return `No articles. The last sync failed: ${feed.lastError}`;
      return 'No articles in this feed yet. Press Sync to fetch it.';
    case 'folder':
      return 'No articles in this folder yet.';
  }
}
