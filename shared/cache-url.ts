// The app's scheme for cached images: `paperboy-cache://<sha256 hex>`. The core writes these
// URLs into stored article HTML; the Electron shell serves them from the cache folder only.
export const CACHE_SCHEME = 'paperboy-cache';

const HASH = /^[0-9a-f]{64}$/;

/** An SVG drawing: a document that can carry script and links, kept only as the core rewrites
 *  it (electron/core/articles/svg-drawing.ts) and served with a CSP of its own (host-kit/csp.ts). */
export const SVG_TYPE = 'image/svg+xml';

/** The image types the cache keeps and serves: raster formats as they came, and SVG drawings made safe. */
export const CACHED_IMAGE_TYPES: ReadonlySet<string> = new Set([
  'image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif', 'image/bmp', 'image/x-icon', SVG_TYPE,
]);

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
