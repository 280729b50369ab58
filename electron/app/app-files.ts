// app://paperboy/<path> -> a file of the built renderer (dist/renderer), through the host kit's
// one guard for static files; anything but the app's own origin is refused first.
import path from 'node:path';
import { resolveStaticFile, staticHeaders, type PathApi, type StaticFile } from '../host-kit/static-files';
import { isAppUrl } from './schemes';

export function resolveAppRequest(rawUrl: string, root: string, pathApi: PathApi = path): StaticFile {
  if (!isAppUrl(rawUrl)) return { ok: false, status: 403, reason: 'not the app origin' };
  return resolveStaticFile(new URL(rawUrl).pathname, root, pathApi);
}

/** Headers of every app:// response: the CSP travels with the document itself. */
export function appResponseHeaders(contentType: string): Record<string, string> {
  return staticHeaders(contentType, 'app');
}
