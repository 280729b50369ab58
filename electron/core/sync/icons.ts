// The site's icon, cached once so the sidebar shows it offline. Best effort: no icon is no error.
import type { FeedId } from '../../../shared/types';
import { sniffImageType, type ImageCache } from '../articles';
import type { HttpClient } from '../http';
import type { Storage } from '../storage';

export interface IconContext {
  readonly storage: Storage;
  readonly http: HttpClient;
  readonly images: ImageCache;
  readonly signal?: AbortSignal;
  readonly now: () => number;
  /** Runs the store; a sync passes its write turns, as the writer thread may hold the write lock
   *  (waiting for it here would block the main thread). */
  readonly write?: <T>(store: () => T) => Promise<T>;
}

const ICON_MAX_BYTES = 512 * 1024;

/** Icon URLs to try for a site: the given ones first, then /favicon.ico on the site's origin. */
export function iconCandidates(explicit: readonly (string | null)[], siteUrl: string | null): string[] {
  const urls = explicit.filter((url): url is string => !!url);
  if (siteUrl) {
    try {
      urls.push(new URL('/favicon.ico', siteUrl).href);
    } catch {
      // not a URL: nothing to add
    }
  }
  return [...new Set(urls)];
}

/** Stores the first candidate that really is an image; returns its hash or null. */
export async function fetchFeedIcon(feedId: FeedId, candidates: readonly string[], ctx: IconContext): Promise<string | null> {
  for (const url of candidates) {
    try {
      const response = await ctx.http.fetch({ url, purpose: 'icon', accept: 'image/*', maxBytes: ICON_MAX_BYTES, timeoutMs: 10_000, signal: ctx.signal });
      const mime = sniffImageType(response.body);
      if (!mime) continue;
      const { hash, size } = await ctx.images.put(response.body, mime);
      const write = ctx.write ?? (async <T>(store: () => T) => store());
      await write(() => ctx.storage.db.transaction(() => {
        ctx.storage.articles.recordImage(hash, mime, size, ctx.now());
        ctx.storage.feeds.setIcon(feedId, hash);
      }));
      return hash;
    } catch {
      if (ctx.signal?.aborted) return null;
    }
  }
  return null;
}
