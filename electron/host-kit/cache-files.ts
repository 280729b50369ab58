// Cached images, for both hosts (the app's paperboy-cache://<64 hex>, the preview's /cache/<hash>):
// one file of the core's image cache, served with the type the core recorded when it sniffed the
// bytes (or made an SVG drawing safe), always with nosniff and a sandboxing CSP: a drawing's
// lets it style itself and nothing more (csp.ts).
import { CACHED_IMAGE_TYPES, SVG_TYPE, hashOfCacheUrl } from '../../shared/cache-url';
import type { PaperboyCore } from '../core';
import { CACHE_CSP, DRAWING_CSP } from './csp';


/** The image hash a request names, or null for anything but exactly `paperboy-cache://<hash>[/]`. */
export function cacheRequestHash(rawUrl: string): string | null {
  return hashOfCacheUrl(rawUrl);
}

/** The Content-Type to serve a cached image with, or null when it must not be served. */
export function servableImageType(storedMime: string | null): string | null {
  if (storedMime == null) return null;
  const mime = storedMime.split(';', 1)[0]!.trim().toLowerCase();
  return CACHED_IMAGE_TYPES.has(mime) ? mime : null;
}

export function cacheResponseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': contentType === SVG_TYPE ? DRAWING_CSP : CACHE_CSP,
    'X-Content-Type-Options': 'nosniff',
    // A file's name is the hash of its bytes: it never changes.
    'Cache-Control': 'private, max-age=31536000, immutable',
  };
}

/** The file and type to serve for a hash, or null when the cache holds no servable image by it. */
export function servedImage(core: Pick<PaperboyCore, 'cachedImage'>, hash: string): { file: string; type: string } | null {
  const cached = core.cachedImage(hash);
  const type = servableImageType(cached?.mime ?? null);
  return cached && type ? { file: cached.file, type } : null;
}
