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
  imagesPerArticle: 30,
};

export const DEFAULT_CONCURRENCY = 8;
