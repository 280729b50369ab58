// Size caps for what a sync downloads (decompressed bytes), and other per-sync bounds.
export interface SyncLimits {
  readonly feedBytes: number;
  readonly pageBytes: number;
  readonly imageBytes: number;
  readonly imagesPerArticle: number;
}

export const DEFAULT_LIMITS: SyncLimits = {
  feedBytes: 20 * 1024 * 1024,
  pageBytes: 5 * 1024 * 1024,
  imageBytes: 10 * 1024 * 1024,
  // A photo essay or a "year in pictures" shows 40 to 100; past that a page is more likely a
  // gallery of thumbnails, or hostile.
  imagesPerArticle: 100,
};

export const DEFAULT_CONCURRENCY = 8;

/**
 * Articles made offline at once, whatever the feed concurrency: enough to keep the HTTP client's
 * overall connection limit busy when pages and images are spread over many hosts (the client's
 * per-host and overall limits decide what goes on the wire; the rest wait in its queue).
 */
export const ARTICLES_AT_ONCE = 32;
