// The built renderer's files, and nothing else, for both hosts (the app's app:// scheme and the
// preview's HTTP server). The URL parser already folds plain "..", but a request is still refused
// when its path carries an encoded separator, a backslash, a NUL, a drive colon, a dot segment or
// a hidden name, or resolves outside the folder, and when its file type is not one the renderer ships.
import path from 'node:path';
import { APP_CSP, PREVIEW_CSP } from './csp';

export type PathApi = Pick<typeof path, 'resolve' | 'relative' | 'isAbsolute' | 'extname'>;

export type StaticFile =
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

const refuse = (status: 400 | 403 | 404, reason: string): StaticFile => ({ ok: false, status, reason });

/** The file a request's path names inside `root`, or why it is refused. */
export function resolveStaticFile(pathname: string, root: string, pathApi: PathApi = path): StaticFile {
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
  if (segments.some((segment) => segment.startsWith('.'))) return refuse(404, 'hidden file');
  if (segments.length === 0) segments.push('index.html');

  const base = pathApi.resolve(root);
  const file = pathApi.resolve(base, ...segments);
  const relative = pathApi.relative(base, file);
  if (relative === '' || relative.startsWith('..') || pathApi.isAbsolute(relative)) return refuse(403, 'outside the renderer folder');
  const contentType = contentTypeFor(file, pathApi);
  if (!contentType) return refuse(404, 'not a file type the renderer ships');
  return { ok: true, file, contentType };
}

/** Headers of every static response; an HTML document carries its host's CSP itself. */
export function staticHeaders(contentType: string, host: 'app' | 'preview'): Record<string, string> {
  const html = contentType.startsWith('text/html');
  return {
    'Content-Type': contentType,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': html && host === 'preview' ? 'no-store' : 'no-cache',
    ...(host === 'app' || html ? { 'Content-Security-Policy': host === 'app' ? APP_CSP : PREVIEW_CSP } : {}),
  };
}
