// The app's own URL schemes. The UI is served from app://paperboy/ (never file://), cached images
// from paperboy-cache://<hash> (shared/cache-url.ts). Both are registered before the app is ready;
// the privileges are the least that makes them work.
import type { CustomScheme } from 'electron';
import { CACHE_SCHEME } from '../../shared/cache-url';

export const APP_SCHEME = 'app';
export const APP_HOST = 'paperboy';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;
export { CACHE_SCHEME };

// standard: a real origin and relative URLs; secure: a secure context, and images from the cache
// are not mixed content. Deliberately absent: bypassCSP, corsEnabled (it would let any origin read
// the scheme's responses without CORS checks), allowServiceWorkers, stream.
export const PRIVILEGED_SCHEMES: readonly CustomScheme[] = [
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  { scheme: CACHE_SCHEME, privileges: { standard: true, secure: true } },
];

/**
 * True for a URL of the app's own origin and nothing else: compared on the parsed scheme and host
 * (Node gives custom schemes an opaque origin), and no credentials or port smuggled in.
 */
export function isAppUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === '';
}
