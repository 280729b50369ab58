// The app's scheme for cached images: `paperboy-cache://<sha256 hex>`. The core writes these
// URLs into stored article HTML; the Electron shell serves them from the cache folder only.
export const CACHE_SCHEME = 'paperboy-cache';

const HASH = /^[0-9a-f]{64}$/;

export function cacheUrl(hash: string): string {
  return `${CACHE_SCHEME}://${hash}`;
}

/** The content hash named by a cache URL, or null for anything else. */
export function hashOfCacheUrl(url: string): string | null {
  const prefix = `${CACHE_SCHEME}://`;
  if (!url.startsWith(prefix)) return null;
  const hash = url.slice(prefix.length).replace(/\/$/, '');
  return HASH.test(hash) ? hash : null;
}
