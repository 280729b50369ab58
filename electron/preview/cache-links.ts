// The one place where the preview server rewrites the app's image scheme for the browser. The
// core stores cached images as `paperboy-cache://<hash>` (shared/cache-url.ts), which Electron
// serves; a browser cannot load that scheme, so every string of every API reply and event has
// such URLs replaced with this server's `/cache/<hash>` before it is sent.
import { CACHE_SCHEME } from '../../shared/cache-url';

export const CACHE_PATH = '/cache/';

const CACHE_URL = new RegExp(`${CACHE_SCHEME}://([0-9a-f]{64})/?`, 'g');

export function browserCacheUrls(text: string): string {
  return text.includes(`${CACHE_SCHEME}://`) ? text.replace(CACHE_URL, (_match, hash: string) => `${CACHE_PATH}${hash}`) : text;
}

/** JSON text of a value with every cache URL in it rewritten. */
export function toBrowserJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => (typeof item === 'string' ? browserCacheUrls(item) : item));
}

/** The hash named by a /cache/<hash> path, or null. */
export function cacheHashOfPath(pathname: string): string | null {
  if (!pathname.startsWith(CACHE_PATH)) return null;
  const hash = pathname.slice(CACHE_PATH.length);
  return /^[0-9a-f]{64}$/.test(hash) ? hash : null;
}
