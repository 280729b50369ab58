// Serving the app's two schemes (see ./schemes.ts): the UI from the built renderer folder, the
// image cache from the core. Every decision lives in ../app-files.ts and the host kit.
import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import type { PaperboyCore } from '../../core';
import { appResponseHeaders, resolveAppRequest } from '../app-files';
import { cacheRequestHash, cacheResponseHeaders, servedImage } from '../../host-kit/cache-files';
import { APP_SCHEME, CACHE_SCHEME, PRIVILEGED_SCHEMES } from '../schemes';

/** Must run before the app's 'ready' event. */
export function registerSchemes(): void {
  protocol.registerSchemesAsPrivileged([...PRIVILEGED_SCHEMES]);
}

const plain = (status: number, text: string) =>
  new Response(text, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', 'Content-Security-Policy': "default-src 'none'" },
  });

async function readOrNull(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch {
    return null;
  }
}

export function handleAppScheme(rendererRoot: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'method not allowed');
    const resolved = resolveAppRequest(request.url, rendererRoot);
    if (!resolved.ok) return plain(resolved.status, resolved.reason);
    const body = await readOrNull(resolved.file);
    if (!body) return plain(404, 'not found');
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers: appResponseHeaders(resolved.contentType) });
  });
}

export function handleCacheScheme(core: PaperboyCore): void {
  protocol.handle(CACHE_SCHEME, async (request) => {
    if (request.method !== 'GET') return plain(405, 'method not allowed');
    const hash = cacheRequestHash(request.url);
    if (!hash) return plain(400, 'not a cache URL');
    const image = servedImage(core, hash);
    const body = image ? await readOrNull(image.file) : null;
    if (!image || !body) return plain(404, 'not in the cache');
    return new Response(new Uint8Array(body), { status: 200, headers: cacheResponseHeaders(image.type) });
  });
}
