// A small real HTTP server on 127.0.0.1 for tests and benchmarks (Newsboat's habit: one test
// server, many tests). Routes are exact paths (query strings included when registered with one);
// every request is recorded so tests can assert what crossed the wire.
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import zlib from 'node:zlib';

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void | Promise<void>;

export interface StaticResponse {
  readonly body: string | Buffer;
  readonly type?: string;
  readonly status?: number;
  readonly headers?: Record<string, string>;
  /** Answer conditional requests: send this ETag and reply 304 on If-None-Match. */
  readonly etag?: string | boolean;
  /** Send this Last-Modified and reply 304 on If-Modified-Since. */
  readonly lastModified?: string;
  /** Compress the body with this Content-Encoding. */
  readonly encoding?: 'gzip' | 'deflate' | 'br';
}

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: http.IncomingHttpHeaders;
  /** Status code sent back. */
  status: number;
  /** Body bytes written (after compression). */
  bytes: number;
}

export class TestServer {
  readonly requests: RecordedRequest[] = [];
  private readonly routes = new Map<string, Handler>();
  private fallbackHandler: Handler | null = null;
  private readonly sockets = new Set<Socket>();

  private constructor(private readonly server: http.Server, readonly origin: string) {}

  /** On a free port unless one is given (a host that was down and comes back). */
  static async start(host = '127.0.0.1', port = 0): Promise<TestServer> {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(port, host, resolve));
    const instance = new TestServer(server, `http://${host}:${(server.address() as AddressInfo).port}`);
    server.on('request', (req, res) => void instance.handle(req, res));
    server.on('connection', (socket) => {
      instance.sockets.add(socket);
      socket.on('close', () => instance.sockets.delete(socket));
    });
    return instance;
  }

  url(path: string): string {
    return this.origin + path;
  }

  /** Registers a handler for a path (replacing any earlier one). */
  route(path: string, handler: Handler): this {
    this.routes.set(path, handler);
    return this;
  }

  /** Handles every request no route matches (generated sites); default: 404. */
  fallback(handler: Handler): this {
    this.fallbackHandler = handler;
    return this;
  }

  /** Serves fixed bytes, honouring conditional requests when etag/lastModified are given. */
  serve(path: string, response: StaticResponse): this {
    return this.route(path, (req, res) => sendStatic(req, res, response));
  }

  /** Replies with a redirect to `location` (absolute or relative). */
  redirect(path: string, location: string, status = 301): this {
    return this.route(path, (_req, res) => {
      res.writeHead(status, { location });
      res.end();
    });
  }

  requestsFor(path: string): RecordedRequest[] {
    return this.requests.filter((r) => r.path === path);
  }

  /** Total body bytes sent for a path (0 when every answer was a 304). */
  bytesSentFor(path: string): number {
    return this.requestsFor(path).reduce((sum, r) => sum + r.bytes, 0);
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Listens again at the same address after stop(): a site that went away comes back. */
  async resume(): Promise<void> {
    const { hostname, port } = new URL(this.origin);
    await new Promise<void>((resolve) => this.server.listen(Number(port), hostname, resolve));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const path = req.url ?? '/';
    const record: RecordedRequest = { method: req.method ?? 'GET', path, headers: req.headers, status: 0, bytes: 0 };
    this.requests.push(record);
    const write = res.write.bind(res);
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      if (chunk) record.bytes += Buffer.byteLength(chunk as Buffer);
      return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof res.write;
    const end = res.end.bind(res);
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      if (chunk && typeof chunk !== 'function') record.bytes += Buffer.byteLength(chunk as Buffer);
      record.status = res.statusCode;
      return (end as (...a: unknown[]) => http.ServerResponse)(chunk, ...rest);
    }) as typeof res.end;

    const handler = this.routes.get(path) ?? this.routes.get(path.split('?')[0] ?? path) ?? this.fallbackHandler;
    if (!handler) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    try {
      await handler(req, res);
    } catch (error) {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    }
  }
}

export function sendStatic(req: http.IncomingMessage, res: http.ServerResponse, response: StaticResponse): void {
  const raw = typeof response.body === 'string' ? Buffer.from(response.body, 'utf8') : response.body;
  const headers: Record<string, string> = { 'content-type': response.type ?? 'text/plain; charset=utf-8', ...response.headers };
  const etag = response.etag === true ? `"${createHash('sha1').update(raw).digest('hex')}"` : response.etag || undefined;
  if (etag) headers.etag = etag;
  if (response.lastModified) headers['last-modified'] = response.lastModified;
  const status = response.status ?? 200;
  const etagMatches = etag !== undefined && req.headers['if-none-match'] === etag;
  const dateMatches = response.lastModified !== undefined && req.headers['if-modified-since'] === response.lastModified;
  if (status === 200 && (etagMatches || (dateMatches && !req.headers['if-none-match']))) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  let body = raw;
  if (response.encoding === 'gzip') body = zlib.gzipSync(raw);
  else if (response.encoding === 'deflate') body = zlib.deflateSync(raw);
  else if (response.encoding === 'br') body = zlib.brotliCompressSync(raw);
  if (response.encoding) headers['content-encoding'] = response.encoding;
  headers['content-length'] = String(body.length);
  res.writeHead(status, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}
