// Content-Security-Policy of the page in both hosts, and of cached images. The reader shows
// strangers' HTML (sanitized by the core); this is the second wall: even if markup slipped
// through, nothing remote loads, no inline or injected script runs, nothing frames or posts.
// The two hosts differ only where their transport does: the app talks over IPC and serves images
// from its own scheme, the preview talks to its own origin over HTTP and serves images there.
import { CACHE_SCHEME } from '../../shared/cache-url';
import { TRUSTED_TYPES_DIRECTIVES } from '../../shared/trusted-types';

export type CspDirectives = Readonly<Record<string, readonly string[]>>;

/** For every document and script of app://paperboy/. */
export const APP_CSP_DIRECTIVES: CspDirectives = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  // No 'unsafe-inline': React's style props go through the CSSOM, which CSP does not govern.
  'style-src': ["'self'"],
  'img-src': ["'self'", `${CACHE_SCHEME}:`],
  'font-src': ["'self'"],
  // The UI talks to the main process over IPC, never over the network.
  'connect-src': ["'none'"],
  'media-src': ["'none'"],
  'object-src': ["'none'"],
  'frame-src': ["'none'"],
  'child-src': ["'none'"],
  'worker-src': ["'none'"],
  'manifest-src': ["'none'"],
  'form-action': ["'none'"],
  'base-uri': ["'none'"],
  'frame-ancestors': ["'none'"],
  ...TRUSTED_TYPES_DIRECTIVES,
};

/**
 * For cached images: they are only ever shown inside <img>, but should one be opened as a
 * document (a future slip) it gets a sandboxed, script-less origin.
 */
export const CACHE_CSP_DIRECTIVES: CspDirectives = {
  'default-src': ["'none'"],
  'img-src': ["'self'"],
  sandbox: [],
};

/**
 * For a cached SVG drawing (made safe before it was kept: core/articles/svg-drawing.ts). Shown
 * through <img>, Chromium runs none of it; opened as a document, it may style itself and show
 * the pictures written into it (data:), and nothing else: no script, no request, no origin.
 */
export const DRAWING_CSP_DIRECTIVES: CspDirectives = {
  'default-src': ["'none'"],
  'style-src': ["'unsafe-inline'"],
  'img-src': ['data:'],
  sandbox: [],
};

export function serializeCsp(directives: CspDirectives): string {
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');
}

/** Parses a policy header back into directives (tests, and checks of built HTML). */
export function parseCsp(policy: string): Record<string, string[]> {
  const directives: Record<string, string[]> = {};
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives[name.toLowerCase()] = sources;
  }
  return directives;
}

/** The browser preview: the same policy, with the API and the images on the page's own origin. */
export const PREVIEW_CSP_DIRECTIVES: CspDirectives = {
  ...APP_CSP_DIRECTIVES,
  'img-src': ["'self'"],
  'connect-src': ["'self'"],
};

export const APP_CSP = serializeCsp(APP_CSP_DIRECTIVES);
export const PREVIEW_CSP = serializeCsp(PREVIEW_CSP_DIRECTIVES);
export const CACHE_CSP = serializeCsp(CACHE_CSP_DIRECTIVES);
export const DRAWING_CSP = serializeCsp(DRAWING_CSP_DIRECTIVES);
