// `npm run preview`: the UI in any browser, on the real core. A loopback HTTP server serves the
// built renderer and carries the API contract: POST /api/call for requests (answered by the host
// kit as Electron's IPC is), GET /api/events for the core's events as Server-Sent Events, and
// GET /cache/<hash> for cached images. Who may ask is decided in ./guard.ts; how image URLs are
// rewritten for the browser in ./cache-links.ts. See docs/preview.md.
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PaperboyEventName, PaperboyEvents } from '../../shared/api';
import { CORE_EVENTS } from '../../shared/wire';
import type { PaperboyCore } from '../core';
import { answerCall, httpStatusOf } from '../host-kit/calls';
import { cacheResponseHeaders, servedImage } from '../host-kit/cache-files';
import { resolveStaticFile, staticHeaders } from '../host-kit/static-files';
import { cacheHashOfPath, CACHE_PATH, toBrowserJson } from './cache-links';
import { checkSource, hasSession, originOf, sameSecret, sessionCookie, type GuardConfig } from './guard';

export interface PreviewServerOptions {
  readonly core: PaperboyCore;
  /** The built renderer (dist/renderer), with index.html at its top. */
  readonly rendererDir: string;
  /** 0 or absent: a random free port. */
  readonly port?: number;
}

export interface PreviewServer {
  /** The address to open: it carries the token, which the page turns into its session cookie. */
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  readonly token: string;
  /** Sends a host's own event (a menu command, say) to every open page, as the app's menu does. */
  send<E extends HostEventName>(name: E, payload: PaperboyEvents[E]): void;
  close(): Promise<void>;
}

/** Events a host raises itself rather than the core (the browser reports its connectivity on its own). */
type HostEventName = Exclude<PaperboyEventName, (typeof CORE_EVENTS)[number] | 'network-changed'>;

export const HOST = '127.0.0.1';
/** importOpml accepts up to 20 MB of text; JSON escaping adds a little. */
const MAX_BODY_BYTES = 25 * 1024 * 1024;
const KEEP_ALIVE_MS = 15_000;

const COMMON_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

/** The common headers with the host kit's (which name theirs as Electron's Response does) folded in. */
function withCommon(headers: Readonly<Record<string, string>>): Record<string, string> {
  const merged: Record<string, string> = { ...COMMON_HEADERS };
  for (const [name, value] of Object.entries(headers)) merged[name.toLowerCase()] = value;
  return merged;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function sendJson(res: http.ServerResponse, status: number, body: string): void {
  res.writeHead(status, { ...COMMON_HEADERS, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(body);
}

/** What a refusal is called in the API's envelope: a caller that sent a bad request must not read "Forbidden". */
function refusalName(status: number): { name: string; code: string } {
  if (status === 401 || status === 403 || status === 421) return { name: 'Forbidden', code: 'forbidden' };
  if (status >= 500) return { name: 'ServerError', code: 'failed' };
  return { name: 'BadRequest', code: 'invalid-request' };
}

function refuse(req: http.IncomingMessage, res: http.ServerResponse, status: number, reason: string): void {
  if (req.url?.startsWith('/api/')) {
    sendJson(res, status, JSON.stringify({ ok: false, error: { ...refusalName(status), message: reason } }));
    return;
  }
  res.writeHead(status, { ...COMMON_HEADERS, 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(`${reason}\n`);
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'request too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseCall(text: string): { method: unknown; args: unknown } {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'the body is not JSON');
  }
  if (typeof body !== 'object' || body === null) throw new HttpError(400, 'expected {method, args}');
  const { method, args } = body as { method?: unknown; args?: unknown };
  return { method, args };
}

export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const { core, rendererDir } = options;
  const token = randomBytes(32).toString('base64url');
  const streams = new Set<http.ServerResponse>();
  let config: GuardConfig = { host: HOST, port: 0, token };

  const apiCall = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (req.method !== 'POST') throw new HttpError(405, 'POST only');
    // A form on another page cannot send this type without a CORS preflight, which is refused.
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) throw new HttpError(415, 'expected application/json');
    const { method, args } = parseCall(await readBody(req));
    const reply = await answerCall(core, method, args);
    sendJson(res, httpStatusOf(reply), toBrowserJson(reply));
  };

  const writeEvent = (res: http.ServerResponse, name: PaperboyEventName, payload: unknown) =>
    res.write(`event: ${name}\ndata: ${toBrowserJson(payload)}\n\n`);
  const broadcast = (name: PaperboyEventName, payload: unknown) => {
    for (const stream of streams) writeEvent(stream, name, payload);
  };

  const events = (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (req.method !== 'GET') throw new HttpError(405, 'GET only');
    res.writeHead(200, { ...COMMON_HEADERS, 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store' });
    res.write('retry: 2000\n\n');
    // Comments keep idle connections from being dropped by anything in between.
    const ping = setInterval(() => res.write(': ping\n\n'), KEEP_ALIVE_MS);
    ping.unref();
    streams.add(res);
    res.on('close', () => {
      clearInterval(ping);
      streams.delete(res);
    });
  };

  const cachedImage = async (req: http.IncomingMessage, res: http.ServerResponse, pathname: string) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'GET only');
    const hash = cacheHashOfPath(pathname);
    if (!hash) throw new HttpError(400, 'not a cache address');
    const image = servedImage(core, hash);
    const size = image ? await stat(image.file).then((s) => s.size, () => null) : null;
    if (!image || size === null) throw new HttpError(404, 'not in the cache');
    res.writeHead(200, { ...withCommon(cacheResponseHeaders(image.type)), 'content-length': String(size) });
    if (req.method === 'HEAD') res.end();
    else createReadStream(image.file).on('error', () => res.destroy()).pipe(res);
  };

  const staticFile = async (req: http.IncomingMessage, res: http.ServerResponse, pathname: string) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'GET only');
    const resolved = resolveStaticFile(pathname, rendererDir);
    if (!resolved.ok) throw new HttpError(resolved.status === 403 ? 404 : resolved.status, 'not found');
    const size = await stat(resolved.file).then((s) => (s.isFile() ? s.size : null), () => null);
    if (size === null) throw new HttpError(404, 'not found');
    res.writeHead(200, { ...withCommon(staticHeaders(resolved.contentType, 'preview')), 'content-length': String(size) });
    if (req.method === 'HEAD') res.end();
    else createReadStream(resolved.file).on('error', () => res.destroy()).pipe(res);
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const source = checkSource(req.headers, config);
    if (!source.ok) return refuse(req, res, source.status, source.reason);
    const url = new URL(req.url ?? '/', originOf(config));
    const { pathname } = url;

    // The printed address: trade the token for the session cookie, and drop it from the address bar.
    const given = url.searchParams.get('token');
    if ((pathname === '/' || pathname === '/index.html') && given !== null) {
      if (!sameSecret(given, token)) return refuse(req, res, 403, 'This token is not the one of this preview run.');
      res.writeHead(303, { ...COMMON_HEADERS, location: '/', 'set-cookie': sessionCookie(config), 'cache-control': 'no-store' });
      res.end();
      return;
    }
    if (!hasSession(req.headers, config)) {
      return refuse(req, res, 403, 'Open the address printed by `npm run preview`: it carries this run’s access token.');
    }
    if (pathname === '/api/call') return apiCall(req, res);
    if (pathname === '/api/events') return events(req, res);
    if (pathname.startsWith(CACHE_PATH)) return cachedImage(req, res, pathname);
    return staticFile(req, res, pathname);
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (error instanceof HttpError) return refuse(req, res, error.status, error.message);
      console.error('paperboy preview: request failed:', error);
      refuse(req, res, 500, 'internal error');
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  config = { host: HOST, port, token };
  const origin = originOf(config);
  // One listener per core event for all the streams, not one per stream: a dozen open tabs made
  // Node warn of a leak (MaxListenersExceededWarning) at the eleventh.
  const unsubscribe = CORE_EVENTS.map((name) => core.on(name, (payload) => broadcast(name, payload)));

  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    send: broadcast,
    close: async () => {
      for (const off of unsubscribe) off();
      for (const stream of streams) stream.end();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
