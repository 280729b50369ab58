// One request and its response (a single hop of a redirect chain), under four timeouts: connect,
// first byte (the response's headers), a body that stops coming (no bytes for a while), and a total
// one, so a server that drips bytes cannot hold a sync. The first-byte one is short: a host that
// accepts and never answers (a black hole) is found in seconds rather than at the end of the total
// timeout. A body that keeps coming is waited for, as browsers and URLSession do: a 2 MB page
// flowing steadily at 80 KB/s takes 25 s, and used to fail every sync at a total of 20 s.
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction, Socket } from 'node:net';
import type { SecureContext } from 'node:tls';
import { cutShort, knownEncoding, readBody, tooLarge, type BodyReader, type BodySink, type HeadJudge } from './body';
import type { CutBody } from './decompress';
import { HttpError, cancelled, networkError, seconds } from './errors';
import { MENDABLE_PARSE_ERRORS, mendingConnection } from './head-mending';
import { absoluteForm, proxyDown, type ProxyServer } from './proxy';
import { onAbort as whenAborted } from '../system/abort-listeners';

export interface HopRequest {
  readonly url: URL;
  readonly method: 'GET' | 'POST';
  readonly headers: Record<string, string>;
  readonly body: Buffer | null;
  readonly agent: http.Agent;
  /** Resolves the host and drops the addresses this hop may not connect to (network-scope.ts). */
  readonly lookup: LookupFunction;
  /** The proxy the hop goes through (its agent then reaches the proxy), or null for a direct connection. */
  readonly via: ProxyServer | null;
  /** For https: the issuers a connection may build its chain from, when not Node's (missing-intermediates.ts). */
  readonly secureContext: SecureContext | undefined;
  readonly maxBytes: number;
  /** From sending the request to the body's last byte, however steadily it comes. */
  readonly timeoutMs: number;
  /** From the response's headers, the longest wait for the body's next bytes. */
  readonly idleTimeoutMs: number;
  readonly connectTimeoutMs: number;
  /** From the request being sent (once connected) to the response's headers; null for none. */
  readonly firstByteTimeoutMs: number | null;
  readonly signal: AbortSignal;
  /** Told as soon as the response's headers arrive, whatever their status. */
  readonly onAnswer: (() => void) | null;
  /** Told of each piece of the body read off the wire, read or drained, whatever becomes of it (FetchRequest.onBytes). */
  readonly onBytes: ((count: number) => void) | null;
  /** Whether this response's body is wanted; unwanted bodies (redirects, errors, 304) are dropped. */
  readonly wantsBody: (status: number) => boolean;
  /** Where a 2xx body goes instead of into HopResponse.body (body.ts). */
  readonly sink: BodySink | null;
  /** A compressed 2xx body is handed over as it came (FetchRequest.keepEncoded). */
  readonly keepEncoded: boolean;
  /** What becomes of a body that stops before its end (FetchRequest.cutBody). */
  readonly cutBody: CutBody;
  /** Judges a 2xx body by its headers and first bytes before the rest is read (FetchRequest.readOn). */
  readonly readOn: ((headers: Readonly<Record<string, string>>, first: Buffer) => boolean) | null;
  /** Read the response's head as a browser would, over a connection of its own (head-mending.ts). */
  readonly mendHead: boolean;
}

export interface HopResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** Empty when the body went to the sink. */
  readonly body: Buffer;
  /** The Content-Encoding the body still has (keepEncoded), else null: it is decoded. */
  readonly encoding: string | null;
  readonly wireBytes: number;
  /** Each Set-Cookie header as it came (they cannot be joined: an Expires date holds a comma). */
  readonly setCookies: readonly string[];
  /** The server's address as connected to. */
  readonly remote: { readonly address: string; readonly port: number } | null;
  /** readOn ended the body after its first bytes, which are `body`. */
  readonly stoppedAtHead: boolean;
  /** The body is what arrived of one that stopped before its end (cutBody 'read what arrived'). */
  readonly cutShort: boolean;
}

/** Errors from a kept-alive socket the server had already closed: safe to retry a GET once. */
const staleSocketErrors = new WeakSet<HttpError>();

export function isStaleSocketError(error: unknown): boolean {
  return error instanceof HttpError && staleSocketErrors.has(error);
}

/** Refusals of a response's head by Node's parser that a browser would have read (head-mending.ts). */
const mendableHeads = new WeakSet<HttpError>();

export function isMendableHead(error: unknown): boolean {
  return error instanceof HttpError && mendableHeads.has(error);
}

export function exchange(hop: HopRequest): Promise<HopResponse> {
  const href = hop.url.href;
  return new Promise((resolve, reject) => {
    let settled = false;
    let reader: BodyReader | null = null;
    const transport = hop.url.protocol === 'https:' ? https : http;
    // Headers up to 256 KB, as browsers take them (Node's default stops at 16 KB): sites that set
    // a hundred tracking cookies or a long debug header still serve their feeds and pages.
    const connection = hop.mendHead ? { createConnection: mendingConnection(hop.url, hop.lookup, hop.secureContext) } : { agent: hop.agent, lookup: hop.lookup };
    const common = { method: hop.method, headers: hop.headers, ...connection, maxHeaderSize: 256 * 1024, ...(hop.secureContext ? { secureContext: hop.secureContext } : {}) };
    // An http address asked of an HTTP proxy goes to the proxy's socket in absolute form; an https
    // one, and any through a SOCKS proxy, on its agent's tunnel as if direct (proxy.ts).
    const req = hop.via?.kind === 'http' && hop.url.protocol === 'http:'
      ? http.request({ ...common, ...absoluteForm(hop.url, hop.via, hop.headers) })
      : transport.request(hop.url, common);
    // Before the socket: what fails is the proxy (a hop through it connects to nothing else).
    const unconnected = (error: unknown): HttpError | null => (hop.via && response === null ? proxyDown(hop.via, href, error) : null);

    // A sink's own error (a full disk) ends the hop as it is; every other one is an HttpError.
    const settle = (error: Error | null, response?: HopResponse): void => {
      if (settled) return;
      settled = true;
      clearTimeout(totalTimer);
      clearTimeout(connectTimer);
      clearTimeout(firstByteTimer);
      clearTimeout(idleTimer);
      stopListening();
      if (error) {
        reader?.destroy();
        req.destroy();
        reject(error);
      } else if (response) resolve(response);
    };
    const onAbort = (): void => settle(cancelled(href));
    const totalTimer = setTimeout(() => settle(new HttpError('timeout', `timed out after ${seconds(hop.timeoutMs)}`, href)), hop.timeoutMs);
    const connectTimer = setTimeout(() => {
      const error = new HttpError('connect-timeout', `connection timed out after ${seconds(hop.connectTimeoutMs)}`, href);
      settle(unconnected(error) ?? error);
    }, hop.connectTimeoutMs);
    let firstByteTimer: NodeJS.Timeout | undefined;
    let idleTimer: NodeJS.Timeout | undefined;
    const stillComing = (): void => {
      // Called for every chunk: refresh() re-arms the one timer instead of making a new one.
      if (idleTimer) idleTimer.refresh();
      else idleTimer = setTimeout(() => stalled(new HttpError('timeout', `the server stopped sending partway through (nothing came for ${seconds(hop.idleTimeoutMs)})`, href)), hop.idleTimeoutMs);
    };
    // A body that stops coming is the reader's to end: with what arrived, when that was asked for.
    const stalled = (error: HttpError): void => (reader ? reader.stopped(error) : settle(error));
    let response: http.IncomingMessage | null = null;
    const sent = (): void => {
      clearTimeout(connectTimer);
      if (hop.firstByteTimeoutMs === null) return;
      const limit = hop.firstByteTimeoutMs;
      firstByteTimer = setTimeout(() => settle(new HttpError('no-response', `no response within ${seconds(limit)}`, href)), limit);
    };
    const stopListening = whenAborted(hop.signal, onAbort);
    if (hop.signal.aborted) onAbort();

    req.on('socket', (socket: Socket) => {
      if (!socket.connecting) sent();
      else socket.once('connect', sent);
    });
    req.on('error', (error) => {
      // Every declared byte came, and then more: a Content-Length counting characters, not bytes
      // (PHP's mb_strlen on a feed that is not ASCII). Node reports the surplus as a parse error
      // before the body has been read; curl and browsers take the declared bytes, as the reader will.
      if (response?.complete) return;
      // A reset while the body comes is the body cut short (Node reports it here too), not a
      // failure to answer; a body whose framing does not parse (a chunk size ended by LF alone)
      // came whole and is invalid, which the next sync would find again. A refusal from the lookup
      // is already an HttpError with its own message.
      const code = (error as NodeJS.ErrnoException).code;
      const unparsable = code?.startsWith('HPE_') === true;
      if (reader !== null && !unparsable) return stalled(cutShort(href));
      const mapped = error instanceof HttpError ? error : unconnected(error) ?? networkError(error, hop.url);
      if (response === null && !hop.mendHead && code !== undefined && MENDABLE_PARSE_ERRORS.has(code)) mendableHeads.add(mapped);
      if (req.reusedSocket && (code === 'ECONNRESET' || code === 'EPIPE')) staleSocketErrors.add(mapped);
      settle(mapped);
    });
    req.on('response', (res) => {
      clearTimeout(firstByteTimer);
      response = res;
      hop.onAnswer?.();
      const status = res.statusCode ?? 0;
      const headers = flatten(res.headers);
      const { remoteAddress, remotePort } = res.socket;
      const remote = remoteAddress && remotePort ? { address: remoteAddress, port: remotePort } : null;
      const setCookies = res.headers['set-cookie'] ?? [];
      const { onBytes } = hop;
      if (onBytes) res.on('data', (chunk: Buffer) => onBytes(chunk.length));
      if (!hop.wantsBody(status)) {
        dropBody(res, status);
        settle(null, { status, headers, body: Buffer.alloc(0), encoding: null, wireBytes: 0, setCookies, remote, stoppedAtHead: false, cutShort: false });
        return;
      }
      const declared = Number(headers['content-length']);
      const tooLong = !headers['content-encoding'] && declared > hop.maxBytes;
      const sink = status >= 200 && status < 300 ? hop.sink : null;
      const readOn = status >= 200 && status < 300 && sink === null ? hop.readOn : null;
      // What the body is comes before its size: a 40 MB episode is not "too large", it is no page.
      const judge: HeadJudge | null = readOn && ((first) => (!readOn(headers, first) ? 'stop' : tooLong ? tooLarge(href, hop.maxBytes) : 'read on'));
      if (tooLong && !judge) {
        res.destroy();
        settle(tooLarge(href, hop.maxBytes));
        return;
      }
      const encoding = hop.keepEncoded && sink === null && status >= 200 && status < 300 ? knownEncoding(res) : null;
      stillComing();
      res.on('data', stillComing);
      const done = (error: Error | null, body: Buffer, wireBytes: number, stopped = false, cut = false): void =>
        settle(error, { status, headers, body, encoding, wireBytes, setCookies, remote, stoppedAtHead: stopped, cutShort: cut });
      reader = readBody(res, href, hop.maxBytes, sink, done, encoding !== null, judge, hop.cutBody);
    });
    req.end(hop.body ?? undefined);
  });
}

function flatten(headers: http.IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

/**
 * A small declared body is drained so the kept-alive socket can serve the next request; anything
 * else (unknown or large length) costs less to drop with its connection.
 */
function dropBody(res: http.IncomingMessage, status: number): void {
  res.on('error', () => undefined);
  const length = Number(res.headers['content-length'] ?? NaN);
  if (status === 204 || status === 304 || length <= 64 * 1024) res.resume();
  else res.destroy();
}
