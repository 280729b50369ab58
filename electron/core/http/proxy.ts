// Going through a proxy, as office networks require: the host says, per address, which proxies to
// try in the form a PAC script answers ("PROXY host:port; DIRECT"); Electron's resolveProxy
// (system settings, PAC) for the app, the environment's *_proxy variables for the command line
// (environment-proxy.ts). An http address is asked of the proxy in absolute form (GET
// http://site/path); an https one through a CONNECT tunnel, inside which TLS runs to the origin and
// its certificate is checked against the origin's name as on a direct connection. The proxy sees
// which hosts are asked for, never what https carries (docs/security.md).
// Only HTTP proxies are spoken: a list naming only HTTPS or SOCKS proxies is refused in words.
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';
import { HttpError, seconds } from './errors';
import { SECURE_OPTIONS } from './unpatched-servers';

/** For an address, the proxies to try in PAC-result form: "PROXY host:port; DIRECT". */
export type ProxyResolver = (url: string) => Promise<string> | string;

export interface ProxyServer {
  readonly host: string;
  readonly port: number;
  /** "Basic ..." when the proxy's address carried a login (PROXY user:pass@host:port). */
  readonly authorization: string | null;
  /** host:port, as the person's settings name it: never the login. */
  readonly label: string;
}

export type ProxyRoute = ProxyServer | 'direct';

interface ParsedList {
  readonly routes: readonly ProxyRoute[];
  /** Entries of kinds not spoken ("SOCKS5 host:port"), for the message when nothing else is left. */
  readonly unsupported: readonly string[];
}

const DIRECT_ONLY: ParsedList = { routes: ['direct'], unsupported: [] };

/** A PAC result as a list of routes; an empty one is DIRECT, as browsers read it. */
export function parseProxyList(list: string): ParsedList {
  const routes: ProxyRoute[] = [];
  const unsupported: string[] = [];
  for (const entry of list.split(';').map((part) => part.trim()).filter((part) => part !== '')) {
    const [kind = '', address = ''] = entry.split(/\s+/, 2);
    const upper = kind.toUpperCase();
    if (upper === 'DIRECT') routes.push('direct');
    else if ((upper === 'PROXY' || upper === 'HTTP') && proxyServer(address)) routes.push(proxyServer(address)!);
    else unsupported.push(entry);
  }
  return routes.length === 0 && unsupported.length === 0 ? DIRECT_ONLY : { routes, unsupported };
}

/** "host:port" or "user:pass@host:port" (percent-encoded login, as in http_proxy's URLs); port 80 when none. */
function proxyServer(address: string): ProxyServer | null {
  let url: URL;
  try {
    url = new URL(`http://${address}`);
  } catch {
    return null;
  }
  if (url.hostname === '' || (url.pathname !== '/' && url.pathname !== '')) return null;
  const port = Number(url.port || 80);
  const login = url.username !== '' ? `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}` : null;
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port,
    authorization: login === null ? null : `Basic ${Buffer.from(login, 'utf8').toString('base64')}`,
    label: `${url.hostname}:${port}`,
  };
}

/** Why a request found no proxy it could use. */
export function proxyFailure(url: string, message: string): HttpError {
  return new HttpError('proxy', message, url);
}

/** The words for a list whose every entry is of a kind not spoken. */
export function unsupportedMessage(unsupported: readonly string[]): string {
  return `the network's proxy settings name only ${unsupported.join(', ')}, a kind of proxy Paperboy cannot use (it speaks to HTTP proxies: "PROXY host:port")`;
}

/** Errors that say the proxy is not there: a route after it in the list is tried instead. */
const downErrors = new WeakSet<HttpError>();

export function isProxyDown(error: unknown): boolean {
  return error instanceof HttpError && downErrors.has(error);
}

function markedDown(error: HttpError): HttpError {
  downErrors.add(error);
  return error;
}

/** Connection failures that say the proxy itself is not there (nothing was asked of it yet). */
const PROXY_DOWN_CODES: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'its name is not in DNS',
  EAI_AGAIN: 'its name could not be looked up',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'connection timed out',
};

/** The proxy could not be connected to: the error every request through it would meet. */
export function proxyDown(proxy: ProxyServer, url: string, error: unknown): HttpError | null {
  if (error instanceof HttpError && error.kind === 'connect-timeout') {
    return markedDown(proxyFailure(url, `the proxy at ${proxy.label} did not answer (${error.message})`));
  }
  const code = (error as NodeJS.ErrnoException | null)?.code ?? '';
  const reason = PROXY_DOWN_CODES[code];
  return reason ? markedDown(proxyFailure(url, `the proxy at ${proxy.label} did not answer (${reason})`)) : null;
}

/** A 407: the proxy wants a login Paperboy was not given, or refused the one it was. */
export function proxyLogin(proxy: ProxyServer, url: string): HttpError {
  // The app has no place to give one (Electron's resolveProxy names no login); the command line
  // takes it in the proxy's address (README).
  const what = proxy.authorization === null ? 'asks for a login (HTTP 407), which Paperboy was not given' : 'refused the login it was given (HTTP 407)';
  return proxyFailure(url, `the proxy at ${proxy.label} ${what}`);
}

/** The request options of an http address asked of a proxy: absolute form, to the proxy's socket. */
export function absoluteForm(url: URL, proxy: ProxyServer, headers: Record<string, string>): http.RequestOptions {
  return {
    host: proxy.host,
    port: proxy.port,
    path: url.href,
    headers: { ...headers, host: url.host, ...(proxy.authorization ? { 'proxy-authorization': proxy.authorization } : {}) },
  };
}

/**
 * Opens each https connection through a CONNECT tunnel: kept alive and pooled by origin like
 * Node's own agent (its sockets are the TLS sessions to the origins), so keep-alive and the
 * per-host limits work as on direct connections.
 */
export class TunnelAgent extends https.Agent {
  constructor(
    private readonly proxy: ProxyServer,
    private readonly proxyLookup: LookupFunction,
    private readonly connectTimeoutMs: number,
  ) {
    super({ keepAlive: true, secureOptions: SECURE_OPTIONS });
  }

  // Node's agent takes a socket from the callback when createConnection returns none.
  override createConnection(requestOptions: http.RequestOptions, callback?: (error: Error | null, stream: Duplex) => void): undefined {
    // Node hands the agent its TLS options (servername, secureContext, ...) with the request's.
    const options = requestOptions as tls.ConnectionOptions;
    const host = String(options.host ?? 'localhost');
    const target = `${host.includes(':') ? `[${host}]` : host}:${options.port ?? 443}`;
    const href = `https://${target}/`;
    const { proxy } = this;
    const done = onceOnly(callback);
    const connect = http.request({
      host: proxy.host, port: proxy.port, method: 'CONNECT', path: target, agent: false, lookup: this.proxyLookup,
      headers: { host: target, ...(proxy.authorization ? { 'proxy-authorization': proxy.authorization } : {}) },
    });
    // A proxy that accepts and never answers the CONNECT: the outer request's connect wait has
    // ended it for the person already; this frees the socket.
    connect.setTimeout(this.connectTimeoutMs, () => {
      connect.destroy();
      done(markedDown(proxyFailure(href, `the proxy at ${proxy.label} did not answer (no answer within ${seconds(this.connectTimeoutMs)})`)));
    });
    connect.once('connect', (response, socket) => {
      connect.setTimeout(0);
      const status = response.statusCode ?? 0;
      if (status !== 200) {
        socket.destroy();
        done(status === 407 ? proxyLogin(proxy, href) : tunnelRefused(proxy, host, href, status));
        return;
      }
      done(null, tls.connect({ ...options, socket, servername: options.servername ?? (host.includes(':') || /^[\d.]+$/.test(host) ? undefined : host) }));
    });
    connect.once('error', (error) => done(proxyDown(proxy, href, error) ?? proxyFailure(href, `the proxy at ${proxy.label} failed (${(error as NodeJS.ErrnoException).code ?? error.message})`)));
    connect.end();
    return undefined;
  }
}

/**
 * A CONNECT the proxy would not open: the origin's failure (it could not reach the site, 502/504),
 * said as such so the host is given up on for the sync like a dead host on a direct connection.
 */
function tunnelRefused(proxy: ProxyServer, host: string, href: string, status: number): HttpError {
  if (status === 502 || status === 504) {
    return new HttpError('network', `the proxy at ${proxy.label} could not reach ${host} (HTTP ${status})`, href, null, null, 'EHOSTUNREACH');
  }
  return new HttpError('network', `the proxy at ${proxy.label} refused to connect to ${host} (HTTP ${status})`, href, status, null, 'ECONNREFUSED');
}

function onceOnly(callback: ((error: Error | null, stream: Duplex) => void) | undefined): (error: Error | null, stream?: Duplex) => void {
  let called = false;
  return (error, stream) => {
    if (called) return;
    called = true;
    // Node's agent reads no stream from a failure.
    callback?.(error, stream as Duplex);
  };
}
