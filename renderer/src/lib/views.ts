// What the sidebar can select, and what each selection asks the core for.
import type { ArticleFilter, FeedId, FolderId } from '../../../shared/types';

export type View =
  | { readonly kind: 'all' }
  | { readonly kind: 'unread' }
  | { readonly kind: 'starred' }
  | { readonly kind: 'drafts' }
  | { readonly kind: 'feed'; readonly feedId: FeedId }
  | { readonly kind: 'folder'; readonly folderId: FolderId };

export const ALL: View = { kind: 'all' };
export const UNREAD: View = { kind: 'unread' };
export const STARRED: View = { kind: 'starred' };
export const DRAFTS: View = { kind: 'drafts' };

/** The article filter of a view; drafts have none (the Drafts view lists drafts, not articles). */
export function filterOf(view: View): ArticleFilter | null {
  switch (view.kind) {
    case 'drafts':
      return null;
    case 'feed':
      return { kind: 'feed', feedId: view.feedId };
    case 'folder':
      return { kind: 'folder', folderId: view.folderId };
    default:
      return { kind: view.kind };
  }
}

export function viewKey(view: View): string {
  if (view.kind === 'feed') return `feed:${view.feedId}`;
  if (view.kind === 'folder') return `folder:${view.folderId}`;
  return view.kind;
}
