// What a sync fetches, from the CLI's flags: --no-fulltext skips articles' pages, --no-images
// their images, and with both nothing of the articles is left to fetch, so the sync is a feed
// refresh and the articles stay pending for the next full sync (rather than being stored from
// the feed alone and never fetched again).
import type { FeedId, SyncRequest } from '../../shared/types';

export interface SyncFlags {
  readonly fullText: boolean;
  readonly images: boolean;
}

export function syncRequestOf(feedIds: readonly FeedId[], flags: SyncFlags): SyncRequest {
  return {
    ...(feedIds.length > 0 ? { feedIds } : {}),
    ...(!flags.fullText && !flags.images ? { feedsOnly: true } : {}),
    ...(!flags.fullText ? { fullText: false } : {}),
    ...(!flags.images ? { images: false } : {}),
  };
}
