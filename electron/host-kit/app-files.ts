// app://paperboy/<path> -> a file of the built renderer (dist/renderer), and nothing else.
// The URL parser already folds plain "..", but a request is still refused when its path carries
// an encoded separator, a backslash, a NUL, a drive colon, a dot segment, or resolves outside the
// folder, and when its file type is not one the renderer ships.
import path from 'node:path';
import { APP_CSP } from './csp';
import { isAppUrl } from '../app/schemes';

export type PathApi = Pick<typeof path, 'resolve' | 'relative' | 'isAbsolute' | 'extname'>;

export type AppFile =
  | { readonly ok: true; readonly file: string; readonly contentType: string }
  | { readonly ok: false; readonly status: 400 | 403 | 404; readonly reason: string };

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
};

export function contentTypeFor(file: string, pathApi: PathApi = path): string | null {
  return CONTENT_TYPES[pathApi.extname(file).toLowerCase()] ?? null;
}

const refuse = (status: 400 | 403 | 404, reason: string): AppFile => ({ ok: false, status, reason });

export function resolveAppRequest(rawUrl: string, root: string, pathApi: PathApi = path): AppFile {
  if (!isAppUrl(rawUrl)) return refuse(403, 'not the app origin');
  const { pathname } = new URL(rawUrl);
  if (/%(2f|5c|00)/i.test(pathname)) return refuse(400, 'encoded separator or NUL');
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return refuse(400, 'malformed percent-encoding');
  }
  if (/[\\\0:]/.test(decoded)) return refuse(400, 'backslash, NUL or drive in path');
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '.' || segment === '..')) return refuse(403, 'dot segment');
  if (segments.length === 0) segments.push('index.html');

  const base = pathApi.resolve(root);
  const file = pathApi.resolve(base, ...segments);
  const relative = pathApi.relative(base, file);
  if (relative === '' || relative.startsWith('..') || pathApi.isAbsolute(relative)) return refuse(403, 'outside the renderer folder');
  const contentType = contentTypeFor(file, pathApi);
  if (!contentType) return refuse(404, 'not a file type the renderer ships');
  return { ok: true, file, contentType };
}

/** Headers of every app:// response: the CSP travels with the document itself. */
export function appResponseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': APP_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-cache',
  };
}
